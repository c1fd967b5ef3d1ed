"""Soluciones exactas de dlcourse.pinn, comprobadas contra SciPy y contra su propia EDP."""

import numpy as np
import pytest
from scipy.integrate import solve_ivp

from dlcourse.pinn import burgers_exact, oscillator_exact

NU = 0.01 / np.pi


def test_oscillator_matches_a_scipy_ode_solution():
    d, w0 = 2.0, 20.0
    t = np.linspace(0, 1, 201)
    sol = solve_ivp(lambda _, y: [y[1], -2 * d * y[1] - w0**2 * y[0]], (0, 1), [1.0, 0.0],
                    t_eval=t, rtol=1e-11, atol=1e-12)
    np.testing.assert_allclose(oscillator_exact(t, d, w0), sol.y[0], atol=1e-8)


def test_oscillator_initial_conditions_and_broadcasting():
    assert oscillator_exact(0.0) == pytest.approx(1.0)
    h = 1e-6
    assert (oscillator_exact(h) - oscillator_exact(-h)) / (2 * h) == pytest.approx(0.0, abs=1e-6)
    assert oscillator_exact(np.zeros((3, 1)) + np.linspace(0, 1, 4)).shape == (3, 4)


@pytest.mark.parametrize("d, w0", [(20.0, 20.0), (25.0, 20.0)])
def test_oscillator_rejects_critical_and_overdamped_cases_in_spanish(d, w0):
    with pytest.raises(ValueError, match="régimen subamortiguado"):
        oscillator_exact(0.5, d, w0)


def test_oscillator_rejects_non_numeric_time():
    with pytest.raises(TypeError, match="t debe ser un número o un array"):
        oscillator_exact("uno")


@pytest.fixture(scope="module")
def grid():
    x, t = np.linspace(-1, 1, 256), np.linspace(0, 0.99, 100)
    return np.meshgrid(x, t)


def test_burgers_quadrature_has_converged_on_the_raissi_grid(grid):
    X, T = grid
    assert np.abs(burgers_exact(X, T, n_quad=100) - burgers_exact(X, T, n_quad=200)).max() < 1e-12
    assert np.abs(burgers_exact(X, T, n_quad=150) - burgers_exact(X, T, n_quad=200)).max() < 1e-12


def test_burgers_initial_and_boundary_conditions(grid):
    x = np.linspace(-1, 1, 101)
    np.testing.assert_allclose(burgers_exact(x, 0.0), -np.sin(np.pi * x), atol=1e-15)
    t = np.linspace(0, 1, 50)
    assert np.abs(burgers_exact(-1.0, t)).max() < 1e-12 and np.abs(burgers_exact(1.0, t)).max() < 1e-12


def test_burgers_is_odd_in_x_and_zero_at_the_origin(grid):
    X, T = grid
    np.testing.assert_allclose(burgers_exact(-X, T), -burgers_exact(X, T), atol=1e-13)
    assert np.abs(burgers_exact(0.0, T[:, 0])).max() < 1e-13


def test_burgers_satisfies_the_pde_where_the_solution_is_smooth():
    # residuo u_t + u u_x − ν u_xx con diferencias centradas, lejos del choque
    x = np.linspace(-0.9, -0.3, 61)[:, None]
    t = np.array([0.2, 0.4])[None, :]
    hx, ht = 1e-4, 1e-5
    u = burgers_exact(x, t)
    u_t = (burgers_exact(x, t + ht) - burgers_exact(x, t - ht)) / (2 * ht)
    u_x = (burgers_exact(x + hx, t) - burgers_exact(x - hx, t)) / (2 * hx)
    u_xx = (burgers_exact(x + hx, t) - 2 * u + burgers_exact(x - hx, t)) / hx**2
    residual = u_t + u * u_x - NU * u_xx
    assert np.abs(residual).max() < 1e-4 * np.abs(u_t).max()


def test_burgers_reproduces_the_published_maximum_slope_at_the_origin():
    # Basdevant et al. (1986), Computers & Fluids 14(1): la pendiente en x = 0 alcanza
    # su máximo, |∂u/∂x| = 152.00516, en t = 1.6037/π. Es una referencia independiente.
    h, t = 1e-6, 1.6037 / np.pi
    slope = (burgers_exact(h, t) - burgers_exact(-h, t)) / (2 * h)
    assert slope == pytest.approx(-152.00516, abs=1e-4)


def test_burgers_broadcasts_and_keeps_float64():
    u = burgers_exact(np.linspace(-1, 1, 5)[:, None], np.array([0.0, 0.5, 1.0]))
    assert u.shape == (5, 3) and u.dtype == np.float64


@pytest.mark.parametrize("kwargs, message", [
    ({"t": -0.1}, "t debe ser mayor o igual que 0"),
    ({"nu": 0.0}, "la viscosidad nu debe ser positiva"),
    ({"n_quad": 1000}, "n_quad debe ser un entero entre 2 y 250"),
    ({"x": [np.nan]}, "x contiene valores nan"),
])
def test_burgers_bad_input_gets_a_spanish_error(kwargs, message):
    args = {"x": 0.5, "t": 0.5, **kwargs}
    with pytest.raises(ValueError, match=message):
        burgers_exact(**args)
