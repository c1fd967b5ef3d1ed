"""Lo que el repositorio promete: cuadernos al día, versiones coherentes, Colab intacto."""

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import environment  # noqa: E402
import make_notebooks as mk  # noqa: E402


def test_committed_colab_notebooks_are_fresh():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "make_notebooks.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_chapter_has_a_notebook_and_nothing_else_does():
    chapters = {p.stem for p in mk.chapters()}
    notebooks = {p.stem for p in (ROOT / "notebooks").glob("*.ipynb")}
    assert chapters == notebooks


def test_no_raw_myst_reaches_the_colab_notebooks():
    # En Markdown: papeles ({cite}`…`, {glue:text}`…`), directivas (```{…} y :::),
    # etiquetas «(nombre)=», «$$ (eq-…)», separadores «+++» y comentarios «%».
    markdown_raw = re.compile(
        r"\{[\w:-]+\}`|^\s*(`{3,}|~{3,})\s*\{|^\s*:{3,}|^\(\s*[\w-]+\s*\)=|\$\$\s*\(\s*[\w-]+\s*\)"
        r"|^\+\+\+|^%|<!--", re.M)
    # En el código: nada que parezca MyST (ni siquiera un f-string como «{glue_name}»)
    # ni opciones de celda de MyST («:tags:», cabecera «---»).
    code_raw = re.compile(
        r"\{[\w:-]+\}`|\{(glue|cite)|\{(exercise|solution|admonition|tab-set|tab-item|term|ref|eq|numref)"
        r"(\}|:[a-z])|^:(tags|label|name):|\A---\s*$", re.M)
    for path in (ROOT / "notebooks").glob("*.ipynb"):
        for cell in nbformat.read(path, as_version=4).cells:
            raw = markdown_raw if cell.cell_type == "markdown" else code_raw
            match = raw.search(cell.source)
            assert not match, f"MyST sin convertir en {path.name}: {match.group(0)!r} en {cell.source[:80]!r}"


def test_environment_yml_agrees_with_the_pinned_build_environment():
    assert (ROOT / "environment.yml").read_text(encoding="utf-8") == environment.render()


def test_the_build_pins_jupyter_book_1_and_torch():
    pins = dict(line.split("==") for line in environment.pins())
    assert pins["jupyter-book"] == "1.0.4.post1"
    assert pins["torch"] == "2.13.0"


def test_dlcourse_declares_only_lower_bounds_so_colab_never_reinstalls_torch():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert any(d.startswith("torch>=") for d in deps)
    for dep in deps:
        assert re.fullmatch(r"[a-z-]+>=[\d.]+", dep), f"{dep}: solo se admiten cotas inferiores"


def test_colab_like_environment_holds_no_book_tooling():
    names = [line.split("==")[0].strip().lower() for line in
             (ROOT / "requirements" / "colab.in").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    assert not {"jupyter-book", "myst-nb", "jupytext", "sphinx"} & set(names)
    assert {"torch", "numpy", "matplotlib", "ipywidgets", "scikit-learn", "tqdm", "nbval"} <= set(names)


def test_the_colab_button_is_rewritten_to_the_generated_notebook():
    sys.path.insert(0, str(ROOT / "tools" / "sphinx"))
    from course_site import notebook_url

    url = "https://colab.research.google.com/github/o/r/blob/main/book/06-funciones-de-activacion.md"
    assert notebook_url(url) == ("https://colab.research.google.com/github/o/r/blob/main/"
                                 "notebooks/06-funciones-de-activacion.ipynb")
    binder = "https://mybinder.org/v2/gh/o/r/main?urlpath=lab/tree/book/00-bienvenida.md"
    assert notebook_url(binder).endswith("lab/tree/notebooks/00-bienvenida.ipynb")
    assert notebook_url("https://github.com/o/r/blob/main/book/A1-glosario.md").endswith("A1-glosario.md")
