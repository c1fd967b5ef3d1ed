import pytest
import torch

import dlcourse
from dlcourse.core import get_device, seed_everything


def test_import_has_no_side_effects_on_the_random_state():
    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    import importlib

    importlib.reload(dlcourse)
    assert torch.equal(torch.rand(3), expected)


def test_setup_makes_random_numbers_reproducible():
    dlcourse.setup(seed=7)
    first = torch.randn(5)
    dlcourse.setup(seed=7)
    assert torch.equal(torch.randn(5), first)


def test_setup_returns_cpu_without_a_gpu():
    device = dlcourse.setup(seed=0)
    assert device.type == ("cuda" if torch.cuda.is_available() else "cpu")
    assert dlcourse.setup(seed=0, prefer="cpu") == torch.device("cpu")


def test_setup_asks_for_deterministic_algorithms():
    dlcourse.setup(seed=0)
    assert torch.are_deterministic_algorithms_enabled()


def test_setup_applies_the_course_plot_style():
    import matplotlib as mpl

    mpl.rcParams["axes.spines.top"] = True
    dlcourse.setup(seed=0)
    assert mpl.rcParams["axes.spines.top"] is False


@pytest.mark.parametrize("seed", ["0", 1.5, None, True])
def test_a_seed_that_is_not_an_integer_gets_a_spanish_type_error(seed):
    with pytest.raises(TypeError, match="la semilla debe ser un entero"):
        seed_everything(seed)


@pytest.mark.parametrize("seed", [-1, 2**32])
def test_a_seed_out_of_range_gets_a_spanish_value_error(seed):
    with pytest.raises(ValueError, match="la semilla debe estar entre 0"):
        dlcourse.setup(seed=seed)


def test_get_device_rejects_unknown_preferences():
    with pytest.raises(ValueError, match="prefer debe ser None, 'cpu' o 'cuda'"):
        get_device("tpu")


@pytest.mark.skipif(torch.cuda.is_available(), reason="solo tiene sentido sin GPU")
def test_asking_for_cuda_without_a_gpu_says_so_in_spanish():
    with pytest.raises(RuntimeError, match="no ve ninguna GPU"):
        get_device("cuda")
