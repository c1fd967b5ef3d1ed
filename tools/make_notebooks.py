"""Genera los cuadernos de Colab ``notebooks/NN-slug.ipynb`` desde ``book/NN-slug.md``.

Uso: ``python tools/make_notebooks.py`` (escribe) o ``--check`` (falla si algún
cuaderno guardado no coincide con el que se generaría).

El cuaderno de Colab es la versión de la persona que aprende:
- sin salidas y sin soluciones (lo que va de ``solution-start`` a ``solution-end``);
- la sintaxis MyST, que Colab no sabe mostrar, convertida en Markdown corriente:
  un ejercicio es un título «**Ejercicio N · …**», una advertencia es una cita
  («> **Nota.** …»), ``{cite}`` es «(Autor, año)» y ``{glue}`` es el nombre del
  valor, que el cuaderno imprime al calcularlo;
- una insignia «Abrir en Colab» y una primera celda de código que instala
  ``dlcourse`` solo si se ejecuta en Colab (nunca toca torch).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

import jupytext
import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]
BOOK, NOTEBOOKS = ROOT / "book", ROOT / "notebooks"
CHAPTER = re.compile(r"^\d\d-[a-z0-9-]+\.md$")

ADMONITIONS = {
    "note": "Nota", "tip": "Consejo", "important": "Importante", "warning": "Atención",
    "caution": "Cuidado", "attention": "Atención", "hint": "Pista", "seealso": "Véase también",
    "danger": "Peligro", "error": "Error",
}
OPEN_FENCE = re.compile(r"^(?P<colons>:{3,})\{(?P<name>[\w-]+)\}\s*(?P<arg>.*)$")
BACKTICK_DIRECTIVE = re.compile(r"^(?P<ticks>`{3,})\{(?P<name>[\w-]+)\}\s*(?P<arg>.*)$")
ROLE = re.compile(r"\{(?P<name>[\w:-]+)\}`(?P<body>[^`]*)`")
LABEL_LINE = re.compile(r"^\(\s*[\w-]+\s*\)=\s*$")
EQ_LABEL = re.compile(r"\$\$\s*\(\s*(?P<label>[\w-]+)\s*\)\s*$")


class ConversionError(ValueError):
    pass


def repo_info() -> tuple[str, str]:
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    url = config["repository"]["url"].rstrip("/")
    match = re.match(r"https://github\.com/([^/]+/[^/]+)$", url)
    if not match:
        raise ConversionError(f"repository.url de _config.yml debe ser de GitHub; es {url!r}")
    return match.group(1), config["repository"].get("branch", "main")


# --- Citas ---------------------------------------------------------------------
def load_citations(bib: Path = BOOK / "references.bib") -> dict[str, tuple[str, str]]:
    """clave → (autores abreviados, año), con «y» y «et al.» como en el sitio."""
    from pybtex.database import parse_file

    out = {}
    for key, entry in parse_file(str(bib)).entries.items():
        people = entry.persons.get("author") or entry.persons.get("editor") or []
        last = [" ".join(p.prelast_names + p.last_names).replace("{", "").replace("}", "")
                for p in people]
        et_al = len(last) > 2 or (len(last) == 2 and last[-1].lower() == "others")  # «and others» de BibTeX
        if not last:
            names = entry.fields.get("organization", key)
        elif et_al:
            names = f"{last[0]} et al."
        elif len(last) == 1:
            names = last[0]
        else:
            names = f"{last[0]} y {last[1]}"
        out[key] = (names, entry.fields.get("year", "s. f."))
    return out


def cite(kind: str, keys: str, citations: dict) -> str:
    parts = []
    for key in (k.strip() for k in keys.split(",")):
        if key not in citations:
            raise ConversionError(f"la cita {key!r} no está en book/references.bib")
        names, year = citations[key]
        parts.append(f"{names} ({year})" if kind == "t" else f"{names}, {year}")
    return "; ".join(parts) if kind == "t" else "(" + "; ".join(parts) + ")"


# --- Roles ----------------------------------------------------------------------
def convert_roles(text: str, citations: dict, equations: dict[str, int] | None = None) -> str:
    def role(m: re.Match) -> str:
        name, body = m.group("name"), m.group("body")
        if name in ("cite", "cite:p", "cite:ps", "cite:t", "cite:ts"):
            return cite("t" if name.startswith("cite:t") else "p", body, citations)
        if name.startswith("glue"):
            return f"`{body.split(':')[0]}`"  # el cuaderno imprime «nombre = valor»
        if name == "math":
            return f"${body}$"
        if name in ("ref", "term", "doc", "numref"):
            shown = re.match(r"^(.*?)\s*<[^>]*>$", body)  # {ref}`texto <etiqueta>`
            return shown.group(1) if shown else body
        if name == "eq":
            if not equations or body not in equations:
                raise ConversionError(f"la ecuación {body!r} no tiene etiqueta en este capítulo")
            return f"({equations[body]})"
        raise ConversionError(f"no sé convertir el rol {{{name}}} para Colab")

    return ROLE.sub(role, text)


# --- Directivas -----------------------------------------------------------------
def _split_options(lines: list[str]) -> tuple[dict, list[str]]:
    opts, i = {}, 0
    while i < len(lines) and re.match(r"^:[\w-]+:", lines[i]):
        key, _, val = lines[i][1:].partition(":")
        opts[key] = val.strip()
        i += 1
    return opts, lines[i:]


def _quote(title: str, body: list[str]) -> list[str]:
    out = [f"> **{title}.**" if title else ">"]
    out += [f"> {line}".rstrip() for line in body]
    return out


def equation_numbers(texts: list[str]) -> dict[str, int]:
    """Numera las ecuaciones con etiqueta en orden de aparición, como hace Sphinx."""
    labels = [m.group("label") for t in texts for line in t.split("\n") if (m := EQ_LABEL.search(line))]
    return {label: i for i, label in enumerate(labels, start=1)}


class Converter:
    def __init__(self, citations: dict, equations: dict[str, int] | None = None):
        self.citations = citations
        self.equations = equations or {}
        self.exercises = 0

    def lines(self, lines: list[str]) -> list[str]:
        out, i = [], 0
        while i < len(lines):
            line = lines[i]
            m = OPEN_FENCE.match(line)
            b = BACKTICK_DIRECTIVE.match(line)
            if m:
                close = self._find_close(lines, i, m.group("colons"))
                out += self.directive(m.group("name"), m.group("arg").strip(), lines[i + 1:close])
                i = close + 1
            elif b and b.group("name") == "math":
                close = next(j for j in range(i + 1, len(lines)) if lines[j].startswith(b.group("ticks")))
                _, body = _split_options(lines[i + 1:close])
                out += ["$$", *body, "$$"]
                i = close + 1
            elif b:
                raise ConversionError(f"directiva con comillas invertidas no admitida en un capítulo: {line!r}")
            elif LABEL_LINE.match(line) or line.startswith("% "):
                i += 1  # etiquetas de referencia y comentarios MyST
            elif eq := EQ_LABEL.search(line):
                # «$$ (etiqueta)» → el número de la ecuación dentro de la fórmula
                number = self.equations.get(eq.group("label"))
                before = line[:eq.start()].rstrip()
                out += [before] if before else []
                out += ([f"\\tag{{{number}}}"] if number else []) + ["$$"]
                i += 1
            else:
                out.append(line)
                i += 1
        return out

    @staticmethod
    def _find_close(lines: list[str], start: int, colons: str) -> int:
        for j in range(start + 1, len(lines)):
            if lines[j].strip() == colons:
                return j
        raise ConversionError(f"la directiva de la línea {lines[start]!r} no se cierra con {colons}")

    def directive(self, name: str, arg: str, body: list[str]) -> list[str]:
        opts, body = _split_options(body)
        inner = self.lines(body)
        if name == "exercise":
            self.exercises += 1
            title = f"**Ejercicio {self.exercises}" + (f" · {arg}**" if arg else "**")
            return ["", title, "", *inner, ""]
        if name in ADMONITIONS:
            return ["", *_quote(ADMONITIONS[name], inner), ""]
        if name in ("admonition", "dropdown", "margin", "sidebar"):
            return ["", *_quote(arg, inner), ""]
        if name == "tab-set":
            return inner
        if name == "tab-item":
            return ["", f"**{arg}**", "", *inner, ""]
        raise ConversionError(f"no sé convertir la directiva {{{name}}} para Colab")

    def markdown(self, text: str) -> str:
        text = convert_roles(text, self.citations, self.equations)
        out = "\n".join(self.lines(text.split("\n")))
        return re.sub(r"\n{3,}", "\n\n", out).strip("\n")


# --- Soluciones -----------------------------------------------------------------
SOLUTION_START = re.compile(r"^```\{solution-start\}.*?^```[ \t]*$", re.M | re.S)
SOLUTION_END = re.compile(r"^```\{solution-end\}.*?^```[ \t]*$", re.M | re.S)


def drop_solutions(cells: list) -> list:
    """Quita todo lo que va de cada ``solution-start`` a su ``solution-end``."""
    kept, inside = [], False
    for cell in cells:
        if cell.cell_type != "markdown":
            if not inside:
                kept.append(cell)
            continue
        text, pieces = cell.source, []
        while text:
            if inside:
                end = SOLUTION_END.search(text)
                if not end:
                    text = ""
                    break
                text, inside = text[end.end():], False
            else:
                start = SOLUTION_START.search(text)
                if not start:
                    pieces.append(text)
                    break
                pieces.append(text[:start.start()])
                text, inside = text[start.end():], True
        source = "".join(pieces).strip("\n")
        if source:
            cell.source = source
            kept.append(cell)
    if inside:
        raise ConversionError("hay un solution-start sin su solution-end")
    return kept


# --- Cuaderno -------------------------------------------------------------------
def colab_cells(stem: str) -> list:
    repo, branch = repo_info()
    badge = (
        f"[![Abrir en Colab](https://colab.research.google.com/assets/colab-badge.svg)]"
        f"(https://colab.research.google.com/github/{repo}/blob/{branch}/notebooks/{stem}.ipynb)"
    )
    note = (
        f"{badge}\n\n"
        f"*Cuaderno generado a partir de `book/{stem}.md`: las soluciones de los ejercicios "
        f"están en la web del curso. Ejecuta las celdas en orden.*"
    )
    install = (
        "# Solo en Colab: instala el paquete auxiliar del curso (no reinstala torch).\n"
        "import sys\n"
        "\n"
        'if "google.colab" in sys.modules:\n'
        f'    %pip install -q "dlcourse @ git+https://github.com/{repo}.git@{branch}"'
    )
    return [nbformat.v4.new_markdown_cell(note), nbformat.v4.new_code_cell(install)]


def build_notebook(md_path: Path, citations: dict) -> nbformat.NotebookNode:
    source_nb = jupytext.read(md_path, fmt="md:myst")
    converter = Converter(citations, equation_numbers(
        [c.source for c in source_nb.cells if c.cell_type == "markdown"]))
    cells = []
    for cell in drop_solutions(source_nb.cells):
        if cell.cell_type == "markdown":
            text = converter.markdown(cell.source)
            if text:
                cells.append(nbformat.v4.new_markdown_cell(text))
        elif cell.cell_type == "code":
            new = nbformat.v4.new_code_cell(cell.source)
            tags = [t for t in cell.metadata.get("tags", []) if t != "remove-cell"]
            if tags:
                new.metadata["tags"] = tags
            cells.append(new)
    # El título primero; después la insignia y la celda de instalación; después el resto.
    title, _, after_title = cells[0].source.partition("\n")
    rest = ([nbformat.v4.new_markdown_cell(after_title.strip())] if after_title.strip() else []) + cells[1:]
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(title), *colab_cells(md_path.stem), *rest]
    for i, cell in enumerate(nb.cells):  # identificadores estables: nada cambia si el texto no cambia
        cell.id = hashlib.sha1(f"{i}:{cell.source}".encode()).hexdigest()[:12]
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
        "colab": {"provenance": [], "toc_visible": True},
    }
    return nb


def chapters() -> list[Path]:
    return sorted(p for p in BOOK.glob("*.md") if CHAPTER.match(p.name))


def render(md_path: Path, citations: dict) -> str:
    return nbformat.writes(build_notebook(md_path, citations)) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="no escribe; falla si algo está desactualizado")
    args = parser.parse_args(argv)
    citations = load_citations()
    expected = {NOTEBOOKS / f"{md.stem}.ipynb": render(md, citations) for md in chapters()}
    stale = [p for p, text in expected.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
    orphans = [p for p in NOTEBOOKS.glob("*.ipynb") if p not in expected]
    if args.check:
        for p in stale:
            print(f"desactualizado: {p.relative_to(ROOT)} (ejecuta make notebooks)")
        for p in orphans:
            print(f"sobra: {p.relative_to(ROOT)} (su capítulo ya no existe)")
        return 1 if stale or orphans else 0
    NOTEBOOKS.mkdir(exist_ok=True)
    for p in stale:
        p.write_text(expected[p], encoding="utf-8")
        print(f"escrito: {p.relative_to(ROOT)}")
    for p in orphans:
        p.unlink()
        print(f"borrado: {p.relative_to(ROOT)}")
    print(f"{len(expected)} cuadernos al día en notebooks/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
