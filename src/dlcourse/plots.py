"""Un solo estilo para todas las figuras del curso, y dos ayudas para dibujar."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np

# Paleta de Okabe e Itō: distinguible con los tipos habituales de daltonismo.
PALETTE = {
    "azul": "#0072B2",
    "naranja": "#E69F00",
    "verde": "#009E73",
    "bermellon": "#D55E00",
    "celeste": "#56B4E9",
    "purpura": "#CC79A7",
    "amarillo": "#F0E442",
    "negro": "#000000",
}

STYLE = {
    "figure.figsize": (6.4, 4.0),
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": mpl.cycler(color=list(PALETTE.values())),
    "legend.frameon": False,
    "lines.linewidth": 2.0,
    "image.cmap": "viridis",
    "animation.embed_limit": 40.0,  # MB; las animaciones del curso son pequeñas
}


def use_style() -> None:
    """Aplica el estilo del curso a matplotlib (lo llama ``dlcourse.setup``)."""
    mpl.rcParams.update(STYLE)


def grid(n: int, ncols: int = 4, *, size: tuple[float, float] = (3.0, 2.4),
         sharex: bool = True, sharey: bool = True):
    """Una rejilla de ``n`` ejes pequeños (para figuras de múltiplos pequeños).

    Devuelve ``(fig, axes)`` con ``axes`` plano y de longitud exactamente ``n``;
    los ejes sobrantes de la última fila se ocultan.
    """
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n debe ser un entero positivo; recibí {n!r}")
    if not isinstance(ncols, (int, np.integer)) or ncols < 1:
        raise ValueError(f"ncols debe ser un entero positivo; recibí {ncols!r}")
    ncols = min(int(ncols), int(n))
    nrows = -(-int(n) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(size[0] * ncols, size[1] * nrows),
                             sharex=sharex, sharey=sharey, squeeze=False, layout="constrained")
    flat = axes.ravel()
    for ax in flat[n:]:
        ax.set_visible(False)
    return fig, flat[:n]


# Los controles de la animación de matplotlib, en español y sin la hoja de estilos de
# Font Awesome que su plantilla pide a una CDN (el sitio no sale nunca de localhost).
_ANIMATION_CONTROLS = {
    "fa fa-minus": ("−", "Más lento"),
    "fa fa-fast-backward": ("|◀", "Primer fotograma"),
    "fa fa-step-backward": ("‹", "Fotograma anterior"),
    "fa fa-play fa-flip-horizontal": ("◀", "Reproducir hacia atrás"),
    "fa fa-pause": ("❚❚", "Pausa"),
    "fa fa-play": ("▶", "Reproducir"),
    "fa fa-step-forward": ("›", "Fotograma siguiente"),
    "fa fa-fast-forward": ("▶|", "Último fotograma"),
    "fa fa-plus": ("+", "Más rápido"),
}
_ANIMATION_WORDS = {">Once<": ">Una vez<", ">Loop<": ">En bucle<", ">Reflect<": ">Ida y vuelta<",
                    '"Repetition mode"': '"Modo de repetición"'}


def _localize_animation(html: str) -> str:
    html = re.sub(r'<link rel="stylesheet"\s+href="https?://[^"]*font-awesome[^"]*">', "", html)

    def button(m: re.Match) -> str:
        symbol, title = _ANIMATION_CONTROLS[m.group("icon")]
        return f'<button title="{title}" aria-label="{title}" onclick="{m.group("onclick")}">{symbol}</button>'

    html = re.sub(r'<button title="[^"]*" aria-label="[^"]*" onclick="(?P<onclick>[^"]*)">\s*'
                  r'<i class="(?P<icon>[^"]*)"></i></button>', button, html)
    for english, spanish in _ANIMATION_WORDS.items():
        html = html.replace(english, spanish)
    return html


def animate(fig, update: Callable[[int], object], frames: int | Sequence, *,
            interval: int = 80, dpi: int = 90, frame_format: str = "png"):
    """Convierte ``update(frame)`` en una animación HTML + JavaScript.

    Funciona sin núcleo y sin internet: en el sitio web, en Colab y en JupyterLab.
    Los botones llevan símbolos y títulos en español. Cierra la figura para que no
    aparezca además como imagen fija. ``frame_format="jpeg"`` aligera mucho las
    animaciones con muchos fotogramas o con mapas de color (a cambio de bordes menos nítidos).
    """
    from IPython.display import HTML
    from matplotlib.animation import FuncAnimation

    if not callable(update):
        raise TypeError("update debe ser una función que reciba el número de fotograma")
    n_frames = frames if isinstance(frames, (int, np.integer)) else len(frames)
    if n_frames < 1:
        raise ValueError("la animación necesita al menos un fotograma")
    if frame_format not in ("png", "jpeg"):
        raise ValueError(f"frame_format debe ser 'png' o 'jpeg', no {frame_format!r}")
    anim = FuncAnimation(fig, update, frames=frames, interval=interval)
    with mpl.rc_context({"savefig.dpi": dpi, "animation.frame_format": frame_format}):  # una imagen por fotograma: dpi moderado, página ligera
        html = _localize_animation(anim.to_jshtml(default_mode="loop"))
    plt.close(fig)
    return HTML(html)
