"""Soluciones exactas de referencia para las PINNs (capítulos 18 y 19).

- ``oscillator_exact``: el oscilador armónico amortiguado subamortiguado.
- ``burgers_exact``: la ecuación de Burgers viscosa en [-1, 1] con u(x, 0) = -sin(πx),
  por la transformación de Hopf–Cole y cuadratura de Gauss–Hermite (sin archivos de datos).

Las dos reciben y devuelven arrays de NumPy, con difusión (*broadcasting*).
"""

from __future__ import annotations

import numpy as np


def _as_float_array(values, name: str) -> np.ndarray:
    try:
        out = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise TypeError(f"{name} debe ser un número o un array de números; recibí {type(values).__name__}") from None
    if not np.all(np.isfinite(out)):
        raise ValueError(f"{name} contiene valores nan o infinitos")
    return out


def oscillator_exact(t, d: float = 2.0, w0: float = 20.0) -> np.ndarray:
    """x(t) del oscilador x'' + 2 d x' + w0² x = 0 con x(0) = 1, x'(0) = 0.

    ``d`` es el amortiguamiento δ y ``w0`` la frecuencia natural ω₀; solo el
    régimen subamortiguado (d < w0), el del capítulo 18:

        x(t) = e^{-δt} · cos(φ + ωt) / cos φ,   ω = √(ω₀² − δ²),   φ = arctan(−δ/ω).
    """
    t = _as_float_array(t, "t")
    if not (np.isfinite(d) and np.isfinite(w0)) or d < 0 or w0 <= 0:
        raise ValueError(f"se necesita d ≥ 0 y w0 > 0; recibí d={d}, w0={w0}")
    if d >= w0:
        raise ValueError(f"oscillator_exact solo cubre el régimen subamortiguado (d < w0); recibí d={d}, w0={w0}")
    w = np.sqrt(w0**2 - d**2)
    phi = np.arctan(-d / w)
    return np.exp(-d * t) * np.cos(phi + w * t) / np.cos(phi)


def burgers_exact(x, t, nu: float = 0.01 / np.pi, n_quad: int = 100) -> np.ndarray:
    """u(x, t) de u_t + u u_x = ν u_xx en [-1, 1], u(x, 0) = -sin(πx), u(±1, t) = 0.

    Hopf–Cole convierte Burgers en la ecuación del calor; su solución es una
    convolución con un núcleo gaussiano que, con η = √(4νt)·z, se calcula con
    la cuadratura de Gauss–Hermite de ``n_quad`` nodos:

        u = − Σ wᵢ sin(π yᵢ) f(yᵢ) / Σ wᵢ f(yᵢ),   yᵢ = x − √(4νt) zᵢ,   f(y) = exp(−cos(πy) / (2πν)).

    Los exponentes se desplazan por su máximo antes de exponenciar (como en
    log-sum-exp), así que no hay desbordamiento aunque 1/(2πν) sea grande.
    En t = 0 devuelve exactamente la condición inicial. Con ν = 0.01/π y
    t ≤ 1, 100 nodos ya han convergido: 100 y 200 nodos coinciden hasta ~1e-14
    en la rejilla de 256 × 100 puntos (50 nodos se quedan en ~2e-7 junto al choque).
    """
    x = _as_float_array(x, "x")
    t = _as_float_array(t, "t")
    if not np.isfinite(nu) or nu <= 0:
        raise ValueError(f"la viscosidad nu debe ser positiva; recibí {nu}")
    if np.any(t < 0):
        raise ValueError("t debe ser mayor o igual que 0")
    if not isinstance(n_quad, (int, np.integer)) or not 2 <= n_quad <= 250:
        # más allá de ~250 nodos, los pesos de hermgauss se salen del rango de float64
        raise ValueError(f"n_quad debe ser un entero entre 2 y 250; recibí {n_quad!r}")
    x, t = np.broadcast_arrays(x, t)
    z, w = np.polynomial.hermite.hermgauss(int(n_quad))
    y = x[..., None] - np.sqrt(4 * nu * t)[..., None] * z   # nodos en el último eje
    log_f = -np.cos(np.pi * y) / (2 * np.pi * nu)
    weights = w * np.exp(log_f - log_f.max(axis=-1, keepdims=True))
    u = -np.sum(weights * np.sin(np.pi * y), axis=-1) / np.sum(weights, axis=-1)
    return np.where(t == 0, -np.sin(np.pi * x), u)
