"""Comprobaciones automáticas de los ejercicios.

Cada comprobación imprime ✅ o una pista concreta en español y devuelve un
:class:`Feedback` (verdadero si el ejercicio está bien). Un esbozo sin terminar
(``...``, ``None`` o ``raise NotImplementedError``) recibe «⏳ aún no implementado»,
nunca una traza de error.

Las referencias son las de PyTorch: ``function`` compara con la función que se
le pase (por ejemplo ``torch.sigmoid``) y ``derivative`` con la derivada que
calcula ``torch.autograd``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import torch

OK, FAIL, PENDING = "✅", "❌", "⏳"


class Feedback:
    """Resultado de una comprobación: se evalúa como ``True`` si pasó."""

    def __init__(self, status: str, message: str):
        self.status = status
        self.message = message

    @property
    def passed(self) -> bool:
        return self.status == OK

    def __bool__(self) -> bool:
        return self.passed

    def __repr__(self) -> str:
        return f"Feedback({self.status} {self.message})"

    def _ipython_display_(self) -> None:
        # El mensaje ya se imprimió; así no sale repetido si la comprobación es
        # la última línea de la celda.
        pass


def _report(status: str, message: str) -> Feedback:
    print(f"{status} {message}")
    return Feedback(status, message)


def _label(name: str | None, obj: object) -> str:
    return name or getattr(obj, "__name__", "tu respuesta")


def is_stub(obj: object) -> bool:
    """¿Es ``obj`` un esbozo sin terminar (``None`` o ``...``)?"""
    return obj is None or obj is Ellipsis


def _as_array(value: object, what: str) -> np.ndarray:
    if isinstance(value, torch.Tensor):
        return value.detach().cpu().to(torch.float64).numpy()
    try:
        return np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError, RuntimeError):
        raise TypeError(f"{what} debe ser un número, un array o un tensor; es {type(value).__name__}") from None


def _compare(got: np.ndarray, want: np.ndarray, atol: float, rtol: float) -> str | None:
    """Devuelve None si coinciden, o la pista que explica en qué se diferencian."""
    if got.shape != want.shape:
        return f"la forma no coincide: esperaba {tuple(want.shape)} y obtuve {tuple(got.shape)}"
    bad_finite = ~np.isfinite(got) & np.isfinite(want)
    if bad_finite.any():
        return (
            f"hay {int(bad_finite.sum())} valores nan o inf donde la referencia es finita "
            "(¿un desbordamiento numérico? prueba con una versión estable)"
        )
    close = np.isclose(got, want, atol=atol, rtol=rtol, equal_nan=True)
    if close.all():
        return None
    diff = np.where(np.isfinite(want) & np.isfinite(got), np.abs(got - want), np.inf)
    worst = np.unravel_index(int(np.argmax(np.where(close, -1.0, diff))), want.shape) if want.ndim else ()
    return (
        f"{int((~close).sum())} de {close.size} valores no coinciden; el peor: "
        f"esperaba {want[worst]:.6g} y obtuve {got[worst]:.6g}"
    )


def _as_args(case: object) -> tuple:
    return case if isinstance(case, tuple) else (case,)


def _clone(args: tuple) -> tuple:
    # Cada llamada recibe su copia: una función que modifique su entrada no
    # puede estropear la de la referencia.
    return tuple(a.clone() if isinstance(a, torch.Tensor) else a for a in args)


def _call(candidate: Callable, args: tuple, label: str) -> tuple[object, Feedback | None]:
    try:
        result = candidate(*_clone(args))
    except NotImplementedError:
        return None, _report(PENDING, f"{label}: aún no implementado")
    except Exception as err:  # noqa: BLE001 — se traduce en una pista, no en una traza
        return None, _report(FAIL, f"{label} lanzó {type(err).__name__}: {err}")
    if is_stub(result):
        return None, _report(PENDING, f"{label}: aún no implementado (devuelve {result!r})")
    return result, None


def _describe(args: tuple) -> str:
    parts = []
    for a in args:
        if isinstance(a, torch.Tensor):
            parts.append(f"un tensor de forma {tuple(a.shape)}" if a.numel() > 6 else f"{a.tolist()}")
        else:
            parts.append(repr(a))
    return ", ".join(parts)


def function(candidate: Callable | None, reference: Callable, inputs: Sequence, *,
             name: str | None = None, atol: float = 1e-6, rtol: float = 1e-5,
             hint: str | None = None) -> Feedback:
    """Compara ``candidate(*args)`` con ``reference(*args)`` para cada entrada.

    ``inputs`` es una lista; cada elemento es un argumento o una tupla de argumentos.
    """
    if not callable(reference):
        raise TypeError(f"reference debe ser una función; recibí {type(reference).__name__}")
    if isinstance(inputs, (str, bytes)) or not isinstance(inputs, Sequence) or len(inputs) == 0:
        raise ValueError("inputs debe ser una lista no vacía de entradas de prueba")
    label = _label(name, candidate)
    if is_stub(candidate):
        return _report(PENDING, f"{label}: aún no implementado")
    if not callable(candidate):
        return _report(FAIL, f"{label} debería ser una función, pero es {type(candidate).__name__}")
    for case in inputs:
        args = _as_args(case)
        got, early = _call(candidate, args, label)
        if early is not None:
            return early
        want = _as_array(reference(*_clone(args)), "la referencia")
        try:
            got = _as_array(got, "el resultado")
        except TypeError as err:
            return _report(FAIL, f"{label}({_describe(args)}): {err}")
        problem = _compare(got, want, atol, rtol)
        if problem:
            extra = f" Pista: {hint}" if hint else ""
            return _report(FAIL, f"{label}({_describe(args)}): {problem}.{extra}")
    return _report(OK, f"{label}: correcto en {len(inputs)} casos de prueba")


def derivative(candidate: Callable | None, f: Callable, inputs: Sequence, *,
               name: str | None = None, atol: float = 1e-6, rtol: float = 1e-5,
               hint: str | None = None) -> Feedback:
    """Comprueba la derivada ``candidate`` de una función elemental ``f`` contra autograd.

    La referencia es ``torch.autograd.grad(f(x).sum(), x)`` en float64.
    """
    if not callable(f):
        raise TypeError(f"f debe ser una función; recibí {type(f).__name__}")

    def autograd_derivative(x, *rest):
        x = torch.as_tensor(x, dtype=torch.float64).detach().requires_grad_(True)
        (grad,) = torch.autograd.grad(f(x, *rest).sum(), x)
        return grad

    return function(candidate, autograd_derivative, inputs, name=name, atol=atol, rtol=rtol, hint=hint)


def value(answer: object, expected: object, *, name: str = "tu respuesta",
          atol: float = 1e-6, rtol: float = 1e-5, hint: str | None = None) -> Feedback:
    """Compara un valor (número, array o tensor) con el esperado."""
    if is_stub(answer):
        return _report(PENDING, f"{name}: aún no implementado")
    try:
        got = _as_array(answer, name)
    except TypeError as err:
        return _report(FAIL, str(err))
    problem = _compare(got, _as_array(expected, "el valor esperado"), atol, rtol)
    if problem:
        extra = f" Pista: {hint}" if hint else ""
        return _report(FAIL, f"{name}: {problem}.{extra}")
    return _report(OK, f"{name}: correcto")


def claim(condition: object, *, ok: str, hint: str, name: str = "tu respuesta") -> Feedback:
    """Comprobación libre: ``condition`` verdadera da ✅ ``ok``; falsa, ❌ con ``hint``."""
    if is_stub(condition):
        return _report(PENDING, f"{name}: aún no implementado")
    return _report(OK, f"{name}: {ok}") if bool(condition) else _report(FAIL, f"{name}: {hint}")
