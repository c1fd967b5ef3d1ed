import numpy as np
import pytest
import torch
import torch.nn.functional as F

from dlcourse import check

X = torch.linspace(-5, 5, 11, dtype=torch.float64)


def test_a_correct_function_passes(capsys):
    result = check.function(lambda x: 1 / (1 + torch.exp(-x)), torch.sigmoid, [X], name="sigmoide")
    assert result and result.passed
    assert capsys.readouterr().out.startswith("✅ sigmoide: correcto en 1 casos")


def test_a_wrong_function_fails_with_the_worst_value_and_the_hint(capsys):
    result = check.function(lambda x: torch.exp(-x), torch.sigmoid, [X], name="sigmoide", hint="repasa el denominador")
    out = capsys.readouterr().out
    assert not result
    assert out.startswith("❌ sigmoide(")
    assert "valores no coinciden; el peor: esperaba" in out
    assert "Pista: repasa el denominador" in out


@pytest.mark.parametrize("stub", [None, Ellipsis])
def test_a_missing_answer_is_pending_not_an_error(stub, capsys):
    result = check.function(stub, torch.sigmoid, [X], name="sigmoide")
    assert not result and result.status == check.PENDING
    assert "aún no implementado" in capsys.readouterr().out


def test_a_function_whose_body_is_ellipsis_is_pending(capsys):
    def softplus(x):
        ...

    assert check.function(softplus, F.softplus, [X]).status == check.PENDING
    assert "softplus: aún no implementado" in capsys.readouterr().out


def test_a_function_that_raises_not_implemented_is_pending(capsys):
    def relu(x):
        raise NotImplementedError

    assert check.function(relu, torch.relu, [X]).status == check.PENDING


def test_a_crashing_function_gets_its_error_as_a_hint_instead_of_a_traceback(capsys):
    result = check.function(lambda x: x.undefined_method(), torch.relu, [X], name="relu")
    assert result.status == check.FAIL
    assert "relu lanzó AttributeError" in capsys.readouterr().out


def test_a_shape_mismatch_is_named(capsys):
    check.function(lambda x: x.sum(), torch.relu, [X], name="relu")
    assert "la forma no coincide: esperaba (11,) y obtuve ()" in capsys.readouterr().out


def test_overflow_to_nan_or_inf_suggests_a_stable_version(capsys):
    naive = lambda z: torch.exp(z) / torch.exp(z).sum()  # noqa: E731
    big = torch.tensor([1000.0, 0.0, -1000.0], dtype=torch.float64)
    check.function(naive, lambda z: torch.softmax(z, 0), [big], name="softmax")
    assert "nan o inf donde la referencia es finita" in capsys.readouterr().out


def test_the_candidate_gets_a_copy_so_it_cannot_spoil_the_reference_input(capsys):
    def in_place_relu(x):
        return x.clamp_(min=0)

    x = X.clone()
    assert check.function(in_place_relu, torch.relu, [x])
    assert torch.equal(x, X)


def test_inputs_may_be_tuples_of_arguments(capsys):
    result = check.function(lambda x, a: torch.where(x > 0, x, a * x),
                            lambda x, a: F.leaky_relu(x, a), [(X, 0.1), (X, 0.3)])
    assert result


def test_derivative_is_checked_against_autograd(capsys):
    assert check.derivative(lambda x: torch.cos(x), torch.sin, [X], name="derivada del seno")
    assert not check.derivative(lambda x: -torch.cos(x), torch.sin, [X])


def test_value_checks_numbers_arrays_and_tensors(capsys):
    assert check.value(0.25, 0.25, name="máximo")
    assert check.value(np.array([1.0, 2.0]), torch.tensor([1.0, 2.0]))
    assert not check.value(0.3, 0.25, name="máximo", hint="evalúa en x = 0")
    assert "Pista: evalúa en x = 0" in capsys.readouterr().out
    assert check.value(..., 0.25).status == check.PENDING


def test_value_explains_an_answer_of_the_wrong_type(capsys):
    assert check.value({"a": 1}, 0.25).status == check.FAIL
    assert "debe ser un número, un array o un tensor" in capsys.readouterr().out


def test_claim_reports_ok_or_the_hint(capsys):
    assert check.claim(True, ok="bien visto", hint="no")
    assert not check.claim(False, ok="sí", hint="mira la gráfica otra vez")
    assert "❌ tu respuesta: mira la gráfica otra vez" in capsys.readouterr().out
    assert check.claim(None, ok="", hint="").status == check.PENDING


def test_feedback_does_not_print_twice_in_a_notebook():
    feedback = check.Feedback(check.OK, "x")
    assert feedback._ipython_display_() is None


def test_a_reference_that_is_not_callable_is_the_authors_mistake_and_raises():
    with pytest.raises(TypeError, match="reference debe ser una función"):
        check.function(torch.relu, 3, [X])
    with pytest.raises(ValueError, match="inputs debe ser una lista no vacía"):
        check.function(torch.relu, torch.relu, [])


def test_a_function_returning_a_tuple_gets_a_hint_not_a_type_error(capsys):
    result = check.function(lambda x: (x, x[:2]), torch.relu, [X], name="paso")
    assert result.status == check.FAIL
    assert "el resultado debe ser un número, un array o un tensor; es tuple" in capsys.readouterr().out
