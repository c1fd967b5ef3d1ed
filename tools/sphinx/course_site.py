"""Extensión local de Sphinx para el sitio del curso.

1. Los botones de Colab (y Binder) de Jupyter Book 1 apuntan al ``book/NN-slug.md``
   de la página, que Colab no sabe abrir: aquí se reescriben para que abran el
   cuaderno generado ``notebooks/NN-slug.ipynb``.
2. Citas y bibliografía en español: «y» entre autores, «En», «págs.», «eds.».
3. Ejercicios numerados desde 1 en cada capítulo, como en los cuadernos de Colab.
4. Fuera los scripts de Thebe, que el curso no usa.
5. Los pocos textos de la interfaz que el tema deja en inglés aunque ``language: es``
   (el buscador, los botones de las barras laterales) se traducen en el HTML final.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pybtex.plugin
import sphinxcontrib.bibtex.plugin
from pybtex.richtext import Symbol
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.template import (
    field as bib_field,
    first_of,
    join,
    optional,
    names,
    optional_field,
    sentence,
    tag,
    together,
    words,
)
from pybtex.style.formatting.unsrt import date, pages
from sphinxcontrib.bibtex.style.referencing import PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

CHAPTER_SOURCE = re.compile(r"book/(\d\d-[\w-]+)\.md")


def notebook_url(url: str) -> str:
    """``…/blob/main/book/06-x.md`` → ``…/blob/main/notebooks/06-x.ipynb``."""
    return CHAPTER_SOURCE.sub(r"notebooks/\1.ipynb", url)


def _rewrite(node):
    if isinstance(node, dict):
        return {k: (notebook_url(v) if k == "url" and isinstance(v, str) else _rewrite(v))
                for k, v in node.items()}
    if isinstance(node, list):
        return [_rewrite(v) for v in node]
    return node


def point_launch_buttons_to_notebooks(app, pagename, templatename, context, doctree):
    if "header_buttons" in context:
        context["header_buttons"] = _rewrite(context["header_buttons"])


def _is_thebe(script) -> bool:
    body = getattr(script, "attributes", {}).get("body", "") or ""
    return "THEBE_JS_URL" in body or str(getattr(script, "filename", "")).endswith("sphinx-thebe.js")


def drop_thebe_scripts(app, pagename, templatename, context, doctree):
    """El curso no usa Thebe (código vivo en la página). Jupyter Book carga sus
    scripts igualmente y, al reconstruir, los repite: «THEBE_JS_URL has already
    been declared». Se quitan."""
    if "script_files" in context:
        context["script_files"] = [s for s in context["script_files"] if not _is_thebe(s)]


def number_per_chapter(app, env):
    """Numera ejercicios (y figuras y tablas) desde 1 en cada capítulo.

    Sin una tabla de contenidos numerada, Sphinx cuenta en todo el libro y el
    primer ejercicio del capítulo 6 sería el «Ejercicio 22»; la prosa y los
    cuadernos de Colab dicen «ejercicio 1».
    """
    for numbers in env.toc_fignumbers.values():
        for figtype, by_id in numbers.items():
            ordered = sorted(by_id, key=by_id.get)
            numbers[figtype] = {fig_id: (i,) for i, fig_id in enumerate(ordered, start=1)}
    return []


# --- Citas en el texto: (Rumelhart et al., 1986), Hochreiter y Schmidhuber (1997) ---
def _spanish_person() -> PersonStyle:
    return PersonStyle(sep2=" y ", last_sep=" y ")


@dataclass
class SpanishAuthorYearStyle(AuthorYearReferenceStyle):
    person: PersonStyle = field(default_factory=_spanish_person)


# --- Bibliografía: el estilo «plain» de pybtex con las palabras en español ---
class SpanishPlainStyle(PlainStyle):
    def format_names(self, role, as_sentence=True):
        formatted = names(role, sep=", ", sep2=" y ", last_sep=" y ")
        return sentence[formatted] if as_sentence else formatted

    def format_editor(self, e, as_sentence=True):
        editors = self.format_names("editor", as_sentence=False)
        if "editor" not in e.persons:
            return editors
        word = "eds." if len(e.persons["editor"]) > 1 else "ed."
        result = join(sep=", ")[editors, word]
        return sentence[result] if as_sentence else result

    def format_chapter_and_pages(self, e):
        return join(sep=", ")[
            optional[together["cap.", bib_field("chapter")]],
            optional[together["págs.", pages]],
        ]

    def format_volume_and_series(self, e, as_sentence=True):
        result = first_of[
            optional[words[together["vol.", bib_field("volume")],
                           optional[words["de", bib_field("series")]]]],
            optional[words[join(sep=Symbol("nbsp"))["núm.", bib_field("number")],
                           optional[words["en", bib_field("series")]]]],
            optional_field("series"),
        ]
        return sentence(capfirst=True)[result] if as_sentence else result

    def get_article_template(self, e):
        volume_and_pages = first_of[
            optional[join[bib_field("volume"), optional["(", bib_field("number"), ")"], ":", pages]],
            words["págs.", pages],
        ]
        return toplevel[
            self.format_names("author"),
            self.format_title(e, "title"),
            sentence[tag("em")[bib_field("journal")], optional[volume_and_pages], date],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def _in_collection(self, e, tail):
        return toplevel[
            sentence[self.format_names("author")],
            self.format_title(e, "title"),
            words["En", sentence[
                optional[self.format_editor(e, as_sentence=False)],
                self.format_btitle(e, "booktitle", as_sentence=False),
                self.format_volume_and_series(e, as_sentence=False),
                tail,
            ]],
            sentence[optional_field("publisher"), optional_field("address"), date],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def get_incollection_template(self, e):
        return self._in_collection(e, self.format_chapter_and_pages(e))

    def get_inproceedings_template(self, e):
        return self._in_collection(e, optional[together["págs.", pages]])


# Textos de la interfaz sin traducción al español en sphinx-book-theme 1.3 / Sphinx 7.4.
UI_STRINGS_ES = {
    '"Search this book..."': '"Buscar en el libro…"',
    '"Link to this heading"': '"Enlace a este encabezado"',
    '"Link to this equation"': '"Enlace a esta ecuación"',
    '"Link to this code"': '"Enlace a este código"',
    '"Link to this image"': '"Enlace a esta imagen"',
    '"Link to this table"': '"Enlace a esta tabla"',
    '"Link to this definition"': '"Enlace a esta definición"',
    '"Toggle primary sidebar"': '"Mostrar u ocultar la barra lateral principal"',
    '"Toggle secondary sidebar"': '"Mostrar u ocultar la barra lateral secundaria"',
    'aria-label="Main"': 'aria-label="Principal"',
    'aria-label="Page"': 'aria-label="Página"',
    '"Descarga esta pagina"': '"Descarga esta página"',
    '"Launch"': '"Abrir"',
}


def translate_leftover_ui(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    for page in Path(app.outdir).rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        new = html
        for english, spanish in UI_STRINGS_ES.items():
            new = new.replace(english, spanish)
        if new != html:
            page.write_text(new, encoding="utf-8")


def setup(app):
    sphinxcontrib.bibtex.plugin.register_plugin("sphinxcontrib.bibtex.style.referencing",
                                                "author_year_es", SpanishAuthorYearStyle)
    pybtex.plugin.register_plugin("pybtex.style.formatting", "plain_es", SpanishPlainStyle)
    # Después de que sphinx-book-theme (prioridad 501) haya creado los botones.
    app.connect("html-page-context", point_launch_buttons_to_notebooks, priority=900)
    app.connect("html-page-context", drop_thebe_scripts, priority=900)
    app.connect("env-get-updated", number_per_chapter, priority=900)
    app.connect("build-finished", translate_leftover_ui)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
