"""Hace que JupyterLab (el de .venv) abra los capítulos book/*.md como cuadernos.

jupytext trae el visor «Jupytext Notebook»; aquí se elige como visor por defecto
de Markdown y MyST en la configuración del propio entorno virtual, sin tocar la
configuración personal de quien lo use.
"""

import json
import sys
from pathlib import Path

settings = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
settings.parent.mkdir(parents=True, exist_ok=True)
current = json.loads(settings.read_text()) if settings.exists() else {}
current["@jupyterlab/docmanager-extension:plugin"] = {
    "defaultViewers": {"markdown": "Jupytext Notebook", "myst": "Jupytext Notebook"}
}
settings.write_text(json.dumps(current, indent=2))
print(f"JupyterLab abrirá los .md como cuadernos (ajuste en {settings})")
