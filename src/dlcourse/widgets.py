"""Exploraciones interactivas que no mueren en el sitio web.

``explore`` muestra controles de ipywidgets vivos cuando hay un núcleo (Colab,
JupyterLab) y, en la construcción del libro, donde un widget quedaría congelado,
dibuja en su lugar una figura estática de múltiplos pequeños con los valores
elegidos.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import matplotlib.pyplot as plt

from dlcourse.glue import in_book_build
from dlcourse.plots import grid


def _title(params: Mapping, labels: Mapping[str, str]) -> str:
    def fmt(v):
        return f"{v:.3g}" if isinstance(v, float) else str(v)

    return ", ".join(f"{labels.get(k, k)} = {fmt(v)}" for k, v in params.items())


def _defaults(controls: Mapping) -> dict:
    return {name: widget.value for name, widget in controls.items()}


def _check_static(static: Sequence[Mapping], defaults: Mapping) -> None:
    if not static:
        raise ValueError("static debe tener al menos un juego de parámetros")
    for params in static:
        unknown = set(params) - set(defaults)
        if unknown:
            raise ValueError(
                f"static usa parámetros que no tienen control: {sorted(unknown)}; "
                f"los controles son {sorted(defaults)}"
            )


def static_figure(plot: Callable, static: Sequence[Mapping], defaults: Mapping, *,
                  labels: Mapping[str, str] | None = None, ncols: int = 4,
                  size: tuple[float, float] = (3.0, 2.4), suptitle: str | None = None):
    """La versión estática: un eje por cada juego de parámetros de ``static``."""
    labels = labels or {}
    _check_static(static, defaults)
    fig, axes = grid(len(static), ncols, size=size)
    for ax, params in zip(axes, static):
        plot(ax=ax, **{**defaults, **params})
        ax.set_title(_title(params, labels), fontsize=10)
    if suptitle:
        fig.suptitle(suptitle)
    return fig


def live_controls(plot: Callable, controls: Mapping, *, figsize: tuple[float, float] = (6.4, 4.0),
                  suptitle: str | None = None):
    """La versión viva: ``ipywidgets.interactive`` que redibuja ``plot`` en cada cambio."""
    import ipywidgets as widgets

    def draw(**params):
        fig, ax = plt.subplots(figsize=figsize)
        plot(ax=ax, **params)
        if suptitle:
            ax.set_title(suptitle)
        plt.show()

    return widgets.interactive(draw, **controls)


def explore(plot: Callable, controls: Mapping, static: Sequence[Mapping], *,
            labels: Mapping[str, str] | None = None, ncols: int = 4,
            size: tuple[float, float] = (3.0, 2.4), figsize: tuple[float, float] = (6.4, 4.0),
            suptitle: str | None = None) -> None:
    """Explora cómo cambia una figura con sus parámetros, y la muestra.

    - ``plot(ax, **params)`` dibuja en el eje ``ax``.
    - ``controls``: nombre → widget de ipywidgets (``FloatSlider``, ``Dropdown``…);
      su ``value`` es el valor por defecto.
    - ``static``: lista de diccionarios con los valores que se muestran en el
      sitio web, uno por panel; los parámetros que falten toman el valor del control.

    En un núcleo (Colab, JupyterLab) muestra los controles vivos; al construir el
    libro, la figura estática. No devuelve nada, para que nada se muestre dos veces.
    """
    if not callable(plot):
        raise TypeError("plot debe ser una función plot(ax, **parámetros)")
    if not isinstance(controls, Mapping) or not controls:
        raise ValueError("controls debe ser un diccionario no vacío nombre → widget")
    missing = [k for k, w in controls.items() if not hasattr(w, "value")]
    if missing:
        raise TypeError(f"cada control debe ser un widget de ipywidgets con .value; no lo son: {missing}")
    defaults = _defaults(controls)
    # Se valida siempre, para que un error en static salga en el cuaderno y no
    # solo al construir el libro.
    _check_static(static, defaults)
    if in_book_build():
        static_figure(plot, static, defaults, labels=labels, ncols=ncols, size=size, suptitle=suptitle)
        plt.show()
    else:
        from IPython.display import display

        display(live_controls(plot, controls, figsize=figsize, suptitle=suptitle))
