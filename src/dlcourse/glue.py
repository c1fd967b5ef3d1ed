"""Números de la prosa calculados por el código, nunca tecleados a mano.

En la construcción del libro, ``glue`` entrega el valor a myst-nb, y la prosa lo
cita con ``{glue:text}`nombre```. Fuera del libro (Colab, JupyterLab) myst-nb no
existe o no se usa: ``glue`` imprime ``nombre = valor`` para que la lectora vea el
número que la prosa cita, y nada más.
"""

from __future__ import annotations

import os

BUILD_ENV = "DLCOURSE_BUILD"


def in_book_build() -> bool:
    """¿Se está ejecutando el cuaderno dentro de la construcción del libro?

    El Makefile define ``DLCOURSE_BUILD=1`` al construir el sitio; el núcleo que
    ejecuta los capítulos hereda esa variable.
    """
    return os.environ.get(BUILD_ENV, "") == "1"


def _format(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def glue(name: str, value, display: bool = False):
    """Guarda ``value`` con el nombre ``name`` para citarlo en la prosa; devuelve ``value``.

    Con ``display=True`` el valor (una tabla, una figura) también se muestra en su celda.
    """
    if not isinstance(name, str) or not name.isidentifier():
        raise ValueError(
            f"el nombre de glue debe ser un identificador de Python (letras, cifras y _); recibí {name!r}"
        )
    if hasattr(value, "item") and getattr(value, "ndim", 1) == 0:
        value = value.item()  # tensor o escalar de NumPy → número de Python
    if in_book_build():
        from myst_nb import glue as myst_glue

        myst_glue(name, value, display=display)
    elif display:
        from IPython.display import display as show

        show(value)
    else:
        print(f"{name} = {_format(value)}")
    return value
