"""`make bench`: ejecuta cada capítulo en esta máquina y escribe bench/results.md.

Para cada capítulo del índice mide los segundos de ejecución completa (núcleo
nuevo, como en Colab, sin la caché del libro) y recoge los números que el
capítulo pega con ``dlcourse.glue`` (fuera del libro, glue imprime
``nombre = valor``): son las métricas que cita la prosa.

Después ejecuta ``bench/burgers.py`` (la PINN de Burgers del capítulo 19 con más
capacidad y 10 minutos de reloj) y añade su error relativo L2 frente al 6.7e-4 del
artículo original. ``--sin-burgers`` se salta esa parte.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import jupytext
import torch
import yaml
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench"
BUDGET_S = {"19": 180}  # segundos; el resto de capítulos, 90
DEFAULT_BUDGET_S = 90
GLUED = re.compile(r"^(\w+) = (.+)$", re.M)


def chapters() -> list[Path]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [c["file"] for part in toc["parts"] for c in part["chapters"]]
    return [ROOT / f"{f}.md" for f in files if re.match(r"book/\d\d-", f)]


def run_chapter(md: Path) -> tuple[float, dict[str, str]]:
    nb = jupytext.read(md, fmt="md:myst")
    env_backup = os.environ.pop("DLCOURSE_BUILD", None)
    try:
        start = time.perf_counter()
        NotebookClient(nb, timeout=600, kernel_name="python3",
                       resources={"metadata": {"path": str(md.parent)}}).execute()
        seconds = time.perf_counter() - start
    finally:
        if env_backup is not None:
            os.environ["DLCOURSE_BUILD"] = env_backup
    metrics = {}
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stdout":
                metrics.update(GLUED.findall(out["text"]))
    return seconds, metrics


def burgers_section(minutes: float) -> list[str]:
    """Ejecuta bench/burgers.py y devuelve su tabla para results.md."""
    print(f"ejecutando bench/burgers.py ({minutes:g} min)…", flush=True)
    subprocess.run([sys.executable, str(OUT / "burgers.py"), "--minutes", str(minutes)],
                   check=True, cwd=ROOT)
    r = json.loads((OUT / "burgers.json").read_text(encoding="utf-8"))
    s = r["settings"]
    beats = "sí" if r["rel_l2"] < r["raissi_rel_l2"] else "no"
    return [
        "",
        "## Banco largo: PINN de Burgers frente al artículo original",
        "",
        "`bench/burgers.py` (detalle en `bench/burgers.json`): la receta del capítulo 19 con la red",
        f"de {s['depth']} capas ocultas de {s['width']} neuronas y {s['n_fixed'] + s['n_adaptive']} puntos de colocación,",
        f"con un límite de {s['minutes']:g} minutos en esta CPU. Referencia: Raissi, Perdikaris y Karniadakis (2019),",
        "error relativo L2 de 6.7e-4 con 10 000 puntos y hasta 50 000 iteraciones de L-BFGS.",
        "",
        "| error relativo L2 | artículo | ¿lo mejora? | segundos | Adam | L-BFGS (iteraciones) | parada |",
        "|---:|---:|:---:|---:|---:|---:|---|",
        f"| {r['rel_l2']:.2e} | {r['raissi_rel_l2']:.1e} | {beats} | {r['seconds']:.0f} | {r['adam_steps']} "
        f"| {r['lbfgs_iterations']} | {r['stopped_by']} |",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("only", nargs="*", help="números de capítulo (por defecto, todos)")
    parser.add_argument("--sin-burgers", action="store_true",
                        help="no ejecutar el banco largo de Burgers (bench/burgers.py)")
    parser.add_argument("--minutos-burgers", type=float, default=10.0,
                        help="límite de tiempo del banco de Burgers (10 por defecto)")
    args = parser.parse_args(argv)
    rows, over = [], []
    for md in chapters():
        number = md.name[:2]
        if args.only and number not in args.only:
            continue
        print(f"ejecutando {md.name}…", flush=True)
        seconds, metrics = run_chapter(md)
        budget = BUDGET_S.get(number, DEFAULT_BUDGET_S)
        rows.append({"capitulo": md.stem, "segundos": round(seconds, 1), "presupuesto_s": budget,
                     "metricas": metrics})
        if seconds > budget:
            over.append(md.stem)
        print(f"  {seconds:.1f} s (presupuesto {budget} s)", flush=True)
    machine = f"{platform.machine()}, {os.cpu_count()} núcleos, torch {torch.__version__}, {torch.get_num_threads()} hilos"
    lines = [
        "# Tiempos de ejecución de los capítulos",
        "",
        f"Generado por `make bench` el {date.today().isoformat()} en {machine}.",
        "Cada capítulo se ejecuta entero en un núcleo nuevo (sin caché). Las métricas son",
        "los valores que el capítulo pega con `dlcourse.glue` y cita en la prosa.",
        "",
        "| capítulo | segundos | presupuesto | ¿dentro? | métricas |",
        "|---|---:|---:|:---:|---|",
    ]
    for r in rows:
        metrics = "; ".join(f"`{k}` = {v}" for k, v in r["metricas"].items()) or "—"
        ok = "✅" if r["segundos"] <= r["presupuesto_s"] else "❌"
        lines.append(f"| {r['capitulo']} | {r['segundos']:.1f} | {r['presupuesto_s']} | {ok} | {metrics} |")
    lines.append(f"| **total** | {sum(r['segundos'] for r in rows):.1f} | 900 | "
                 f"{'✅' if sum(r['segundos'] for r in rows) <= 900 else '❌'} | |")
    if not args.only and not args.sin_burgers:
        lines += burgers_section(args.minutos_burgers)
    if not args.only:
        (OUT / "results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (OUT / "results.json").write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print("escrito: bench/results.md y bench/results.json")
    else:
        print("\n".join(lines))
    if over:
        print(f"fuera de presupuesto: {', '.join(over)}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
