"""Anatomía de un capítulo (../shared/COURSE.md): cada capítulo cumple el marco común."""

import re
from pathlib import Path

import jupytext
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
CHAPTERS = sorted(p for p in BOOK.glob("[0-9][0-9]-*.md"))
FRAME = ["Objetivos", "Ejercicios", "Resumen", "Para saber más"]
MIN_WORDS = {"00": 800}  # la bienvenida es más corta; los capítulos 01–19, 1.500 palabras
CODE_FENCE = re.compile(r"^(`{3,}|~{3,}).*?^\1\s*$", re.M | re.S)


def cells(path):
    return jupytext.read(path, fmt="md:myst").cells


def markdown(path):
    return "\n".join(c.source for c in cells(path) if c.cell_type == "markdown")


def code(path):
    return [c.source for c in cells(path) if c.cell_type == "code"]


def prose_words(path) -> int:
    text = CODE_FENCE.sub(" ", markdown(path))
    text = re.sub(r"\$\$.*?\$\$", " ", text, flags=re.S)
    text = re.sub(r"\$[^$\n]+\$", " ", text)
    text = re.sub(r"\{[\w:-]+\}`[^`]*`", " ", text)
    text = re.sub(r"^:{3,}.*$|^:[\w-]+:.*$", " ", text, flags=re.M)
    return len(re.findall(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+", text))



@pytest.fixture(params=CHAPTERS, ids=lambda p: p.stem)
def chapter(request):
    return request.param


def test_there_are_chapters():
    assert CHAPTERS, "book/ no tiene capítulos"


def test_every_chapter_is_a_python3_myst_notebook(chapter):
    meta = yaml.safe_load(chapter.read_text(encoding="utf-8").split("---")[1])
    assert meta["kernelspec"]["name"] == "python3"
    assert meta["jupytext"]["text_representation"]["format_name"] == "myst"


def test_the_title_carries_the_chapter_number(chapter):
    first = cells(chapter)[0].source.splitlines()[0]
    assert first.startswith(f"# {int(chapter.name[:2])}. "), first


def test_the_frame_is_objetivos_body_ejercicios_resumen_para_saber_mas(chapter):
    h2 = re.findall(r"^## (.+?)\s*$", CODE_FENCE.sub("", markdown(chapter)), re.M)
    assert h2[0] == "Objetivos", h2
    positions = [h2.index(name) for name in FRAME]
    assert positions == sorted(positions) and h2[-1] == "Para saber más", h2
    assert positions[1] > 1, "falta el cuerpo del capítulo entre Objetivos y Ejercicios"


def test_objetivos_has_three_to_five_bullets(chapter):
    section = re.search(r"^## Objetivos\n(.*?)^## ", markdown(chapter), re.M | re.S).group(1)
    assert 3 <= len(re.findall(r"^[-*] ", section, re.M)) <= 5


def test_the_first_code_cell_is_the_explicit_setup(chapter):
    assert "dlcourse.setup(" in code(chapter)[0]


def test_at_least_three_exercises_each_with_check_and_hidden_executed_solution(chapter):
    text = chapter.read_text(encoding="utf-8")
    labels = re.findall(r"^:{3,}\{exercise\}.*\n:label: ([\w-]+)", text, re.M)
    assert len(labels) >= 3, f"solo {len(labels)} ejercicios con etiqueta"
    for label in labels:
        start = re.search(rf"^```{{solution-start}} {label}\s*\n:class: dropdown", text, re.M)
        assert start, f"{label}: falta su solución plegable (solution-start con :class: dropdown)"
        exercise_to_solution = text[text.index(f":label: {label}"):start.start()]
        assert "{code-cell}" in exercise_to_solution and "check." in exercise_to_solution, (
            f"{label}: falta la celda de esbozo con su comprobación dlcourse.check")
        solution = text[start.end():text.index("```{solution-end}", start.end())]
        assert "{code-cell}" in solution and "check." in solution, f"{label}: la solución no se ejecuta ni se comprueba"


def test_there_is_an_interactive_exploration(chapter):
    assert any("explore(" in c for c in code(chapter)), "falta una exploración con dlcourse.widgets.explore"


def test_no_hotlinked_or_file_images(chapter):
    text = chapter.read_text(encoding="utf-8")
    assert not re.search(r"!\[[^\]]*\]\(|<img|\{figure\}|\{image\}", text)


def test_enough_prose(chapter):
    minimum = MIN_WORDS.get(chapter.name[:2], 1500)
    assert prose_words(chapter) >= minimum


def test_every_glued_number_in_the_prose_is_computed_in_the_chapter(chapter):
    refs = set(re.findall(r"\{glue(?::\w+)?\}`([\w]+)", markdown(chapter)))
    source = "\n".join(code(chapter))
    glued = set(re.findall(r"glue\(\s*[\"'](\w+)[\"']", source))
    # nombres compuestos en un bucle: glue(f"cota_{nombre}", ...) cubre cota_orig, cota_std…
    patterns = [re.sub(r"\\\{[^}]*\\\}", r"\\w+", re.escape(a or b)) + "$"
                for a, b in re.findall(r"glue\(\s*f\"([^\"]+)\"|glue\(\s*f'([^']+)'", source)]
    missing = {r for r in refs - glued if not any(re.match(p, r) for p in patterns)}
    assert not missing, f"citados sin calcular: {sorted(missing)}"


def test_every_citation_exists_and_para_saber_mas_cites(chapter):
    bib = (BOOK / "references.bib").read_text(encoding="utf-8")
    keys = set(re.findall(r"^@\w+\{([^,]+),", bib, re.M))
    text = markdown(chapter)
    cited = {k.strip() for group in re.findall(r"\{cite(?::\w+)?\}`([^`]+)`", text) for k in group.split(",")}
    assert cited <= keys, f"claves que no están en references.bib: {sorted(cited - keys)}"
    assert re.search(r"\{cite", text.split("## Para saber más")[-1])


def test_every_chapter_and_appendix_is_in_the_table_of_contents():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [c["file"] for part in toc["parts"] for c in part["chapters"]]
    assert {f"book/{p.stem}" for p in CHAPTERS} <= set(files)
    for f in files + [toc["root"]]:
        assert (ROOT / f"{f}.md").exists(), f"{f}.md no existe"


def test_equation_and_exercise_labels_carry_the_chapter_number(chapter):
    """Las etiquetas son globales en el libro: el prefijo del capítulo evita choques."""
    text = chapter.read_text(encoding="utf-8")
    nn = chapter.name[:2]
    labels = re.findall(r"\$\$\s*\((eq-[\w-]+)\)", text) + re.findall(r"^:label: ([\w-]+)", text, re.M)
    wrong = [label for label in labels if not re.match(rf"(eq|ej)-{nn}-", label)]
    assert not wrong, f"etiquetas sin el prefijo eq-{nn}- o ej-{nn}-: {wrong}"
