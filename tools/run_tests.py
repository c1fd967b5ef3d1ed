"""`make test`: ejecuta todas las comprobaciones del curso, en orden, y resume lo que corrió.

1. unidades: dlcourse, el generador de cuadernos, la anatomía de los capítulos y la
   frescura de notebooks/ y environment.yml (pytest en .venv);
2. cuadernos: nbval ejecuta cada notebooks/*.ipynb en .venv-colab, un entorno con solo
   lo que Colab trae instalado más dlcourse (sin jupyter-book ni myst-nb);
3. libro: la construcción completa con -W -n --keep-going (cero avisos);
4. sitio: cada página construida en Chromium sin cabeza (pytest -m build).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV, COLAB = ROOT / ".venv" / "bin", ROOT / ".venv-colab" / "bin"
REPORTS = ROOT / "_build" / "test-reports"


def pytest_step(name: str, python: Path, args: list[str]) -> list[str]:
    return [str(python), "-m", "pytest", "-p", "no:cacheprovider", f"--junitxml={REPORTS / name}.xml", *args]


STEPS = [
    ("unidades", pytest_step("unidades", VENV / "python", ["tests", "-m", "not build"]), {}),
    ("cuadernos", pytest_step("cuadernos", COLAB / "python",
                              ["--nbval-lax", "--nbval-current-env", "--nbval-cell-timeout=300",
                               "notebooks"]), {}),
    ("libro", [str(VENV / "jupyter-book"), "build", ".", "--builder", "html", "-W", "-n", "--keep-going"],
     {"DLCOURSE_BUILD": "1"}),
    ("sitio", pytest_step("sitio", VENV / "python", ["tests", "-m", "build"]), {}),
]


def counts(report: Path) -> tuple[int, int, int]:
    """(pasadas, fallidas, omitidas) según el informe JUnit de pytest."""
    if not report.exists():
        return 0, 0, 0
    suite = ET.parse(report).getroot()
    suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
    total, failed = int(suite.get("tests", 0)), int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    skipped = int(suite.get("skipped", 0))
    return total - failed - skipped, failed, skipped


def main() -> int:
    REPORTS.mkdir(parents=True, exist_ok=True)
    summary, ok = [], True
    for name, cmd, extra_env in STEPS:
        print(f"\n=== make test · {name}: {' '.join(Path(c).name if i == 0 else c for i, c in enumerate(cmd))}",
              flush=True)
        start = time.perf_counter()
        code = subprocess.call(cmd, cwd=ROOT, env={**os.environ, **extra_env})
        seconds = time.perf_counter() - start
        summary.append((name, code, seconds, counts(REPORTS / f"{name}.xml")))
        ok = ok and code == 0
    print("\n=== make test · resumen")
    passed = failed = skipped = 0
    for name, code, seconds, (p, f, s) in summary:
        detail = f"{p} pasadas, {f} fallidas, {s} omitidas" if (p or f or s) else "sin avisos" if code == 0 else "falló"
        print(f"{'✅' if code == 0 else '❌'} {name:<10} {seconds:7.1f} s  {detail}")
        passed, failed, skipped = passed + p, failed + f + (1 if code and not f else 0), skipped + s
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
