"""Semilla, determinismo y dispositivo: la primera celda de cada capítulo."""

from __future__ import annotations

import os
import random

import numpy as np
import torch


def _validate_seed(seed: object) -> int:
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise TypeError(f"la semilla debe ser un entero; recibí {type(seed).__name__}: {seed!r}")
    if not 0 <= int(seed) < 2**32:
        raise ValueError(f"la semilla debe estar entre 0 y 2**32 - 1; recibí {seed}")
    return int(seed)


def seed_everything(seed: int = 0) -> None:
    """Siembra Python, NumPy y PyTorch (CPU y CUDA) con la misma semilla."""
    seed = _validate_seed(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)  # también siembra todas las GPU CUDA


def get_device(prefer: str | None = None) -> torch.device:
    """Devuelve ``cuda`` si hay una GPU (por ejemplo, en Colab) y si no ``cpu``.

    ``prefer="cpu"`` obliga a usar la CPU aunque haya GPU.
    """
    if prefer not in (None, "cpu", "cuda"):
        raise ValueError(f"prefer debe ser None, 'cpu' o 'cuda'; recibí {prefer!r}")
    if prefer == "cuda" and not torch.cuda.is_available():
        raise RuntimeError("pediste 'cuda', pero PyTorch no ve ninguna GPU en esta máquina")
    if prefer == "cpu" or not torch.cuda.is_available():
        return torch.device("cpu")
    return torch.device("cuda")


def setup(seed: int = 0, *, deterministic: bool = True, style: bool = True,
          prefer: str | None = None) -> torch.device:
    """Prepara un capítulo: siembra todo, pide algoritmos deterministas, fija el
    estilo de las figuras y devuelve el dispositivo en el que conviene calcular.

    >>> device = setup(seed=0)
    """
    seed = _validate_seed(seed)
    if deterministic:
        # cuBLAS solo es determinista con este espacio de trabajo (documentación de CUDA).
        os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")
        torch.use_deterministic_algorithms(True, warn_only=True)
        torch.backends.cudnn.benchmark = False
        torch.backends.cudnn.deterministic = True
    seed_everything(seed)
    if style:
        from dlcourse.plots import use_style

        use_style()
    return get_device(prefer)
