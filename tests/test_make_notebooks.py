"""El generador de cuadernos de Colab: MyST → Markdown corriente, sin soluciones."""

import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import make_notebooks as mk  # noqa: E402

CITES = {"rumelhart1986": ("Rumelhart et al.", "1986"), "hochreiter1997": ("Hochreiter y Schmidhuber", "1997")}
HEADER = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---
"""


def convert(text: str) -> str:
    return mk.Converter(CITES).markdown(text)


def test_an_exercise_becomes_a_numbered_bold_heading():
    out = convert(":::{exercise} Softplus\n:label: ej-06-softplus\n\nEscribe softplus.\n:::")
    assert out == "**Ejercicio 1 · Softplus**\n\nEscribe softplus."


def test_exercises_are_numbered_in_order():
    conv = mk.Converter(CITES)
    conv.markdown(":::{exercise} A\n:label: a\nx\n:::")
    assert conv.markdown(":::{exercise} B\n:label: b\ny\n:::").startswith("**Ejercicio 2 · B**")


def test_admonitions_become_quoted_blocks_with_a_spanish_title():
    assert convert(":::{note}\nUna idea.\n:::") == "> **Nota.**\n> Una idea."
    assert convert(":::{admonition} Historia\nEn 1958…\n:::") == "> **Historia.**\n> En 1958…"


def test_tabs_become_bold_titles_followed_by_their_content():
    src = "::::{tab-set}\n:::{tab-item} TensorFlow\n```python\ntf.einsum('ij,jk->ik', a, b)\n```\n:::\n::::"
    out = convert(src)
    assert out.startswith("**TensorFlow**")
    assert "```python" in out and ":::" not in out


def test_citations_become_author_year_text():
    assert convert("Véase {cite}`rumelhart1986`.") == "Véase (Rumelhart et al., 1986)."
    assert convert("{cite:t}`hochreiter1997` propusieron") == "Hochreiter y Schmidhuber (1997) propusieron"
    assert convert("{cite:p}`rumelhart1986,hochreiter1997`") == "(Rumelhart et al., 1986; Hochreiter y Schmidhuber, 1997)"


def test_an_unknown_citation_key_is_an_error():
    with pytest.raises(mk.ConversionError, match="no está en book/references.bib"):
        convert("{cite}`nadie2099`")


def test_glue_references_become_the_name_the_notebook_prints():
    assert convert("el error es {glue:text}`max_err:.2e`.") == "el error es `max_err`."


def test_labels_are_dropped_and_labelled_equations_get_their_number():
    text = "(sec-x)=\n## Título\n$$\ny = x\n$$ (eq-recta)\n\nVer {eq}`eq-recta`, {math}`x^2`."
    out = mk.Converter(CITES, mk.equation_numbers([text])).markdown(text)
    assert out == "## Título\n$$\ny = x\n\\tag{1}\n$$\n\nVer (1), $x^2$."


def test_equations_are_numbered_in_order_across_cells():
    cells = ["$$\na\n$$ (eq-a)", "texto", "$$ b $$ (eq-b)"]
    assert mk.equation_numbers(cells) == {"eq-a": 1, "eq-b": 2}
    assert mk.Converter(CITES, mk.equation_numbers(cells)).markdown(cells[2]) == "$$ b\n\\tag{2}\n$$"


def test_a_reference_to_an_unknown_equation_is_an_error():
    with pytest.raises(mk.ConversionError, match="no tiene etiqueta"):
        convert("Ver {eq}`eq-nada`.")


def test_unknown_directives_and_roles_are_errors_not_silent_leftovers():
    with pytest.raises(mk.ConversionError, match="directiva"):
        convert(":::{figure} x.png\n:::")
    with pytest.raises(mk.ConversionError, match="rol"):
        convert("{abbr}`IA (inteligencia artificial)`")
    with pytest.raises(mk.ConversionError, match="no se cierra"):
        convert(":::{note}\nsin cierre")


def test_solutions_are_removed_with_their_code(tmp_path):
    md = tmp_path / "99-prueba.md"
    md.write_text(HEADER + """# 99. Prueba

Texto.

```{code-cell} ipython3
x = 1
```

:::{exercise} Uno
:label: ej-99-uno
Haz algo.
:::

```{code-cell} ipython3
respuesta = ...
```

```{solution-start} ej-99-uno
:class: dropdown
```
La solución es secreta.
```{code-cell} ipython3
respuesta = 42
```
```{solution-end}
```

## Resumen
""", encoding="utf-8")
    nb = mk.build_notebook(md, CITES)
    text = nbformat.writes(nb)
    assert "42" not in text and "secreta" not in text and "solution" not in text
    assert "respuesta = ..." in text and "## Resumen" in text
    sources = [c.source for c in nb.cells]
    assert sources[0] == "# 99. Prueba"
    assert "Abrir en Colab" in sources[1] and "notebooks/99-prueba.ipynb" in sources[1]
    assert 'if "google.colab" in sys.modules:' in sources[2]
    assert all(c.get("outputs", []) == [] for c in nb.cells)


def test_the_colab_install_cell_installs_only_dlcourse_and_never_touches_torch():
    install = mk.colab_cells("06-x")[1].source
    assert "%pip install" in install and "dlcourse @ git+https://github.com/" in install
    assert "torch" not in install.replace("no reinstala torch", "")
    assert install.index('if "google.colab" in sys.modules') < install.index("%pip")


def test_generation_is_deterministic():
    chapters = mk.chapters()
    if not chapters:
        pytest.skip("aún no hay capítulos")
    cites = mk.load_citations()
    assert mk.render(chapters[0], cites) == mk.render(chapters[0], cites)


def test_bibtex_and_others_is_written_as_et_al(tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text("@misc{a2020x, author = {Degrave, Jonas and others}, title = {T}, year = {2020}}\n",
                   encoding="utf-8")
    assert mk.load_citations(bib)["a2020x"] == ("Degrave et al.", "2020")
