"""Escribe ``environment.yml`` (conda y Binder) a partir de ``requirements/book.txt``.

Una sola fuente de versiones: el Makefile instala ``.venv`` desde book.txt y este
guion copia las mismas versiones exactas al entorno de conda. ``--check`` falla
si environment.yml no coincide con lo que se generaría (lo usa ``make test``).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK, ENV = ROOT / "requirements" / "book.txt", ROOT / "environment.yml"


def pins(lock: Path = LOCK) -> list[str]:
    lines = (line.strip() for line in lock.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def render() -> str:
    header = [
        "# Generado por tools/environment.py a partir de requirements/book.txt: no lo edites a mano.",
        "# conda env create -f environment.yml && conda activate aprendizaje-profundo",
        "name: aprendizaje-profundo",
        "channels:",
        "  - conda-forge",
        "dependencies:",
        "  - python=3.11",
        "  - pip",
        "  - pip:",
        "      # torch para CPU (para una GPU, consulta el apéndice de instalación)",
        "      - --extra-index-url https://download.pytorch.org/whl/cpu",
    ]
    return "\n".join(header + [f"      - {p}" for p in pins()] + ["      - -e ."]) + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if not ENV.exists() or ENV.read_text(encoding="utf-8") != text:
            print("environment.yml no coincide con requirements/book.txt: ejecuta make environment.yml")
            return 1
        print("environment.yml coincide con requirements/book.txt")
        return 0
    ENV.write_text(text, encoding="utf-8")
    print("escrito: environment.yml")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
