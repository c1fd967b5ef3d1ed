import numpy as np
import pytest
import torch

from dlcourse import glue, in_book_build
from dlcourse.glue import BUILD_ENV


def test_outside_the_book_glue_prints_the_value_and_returns_it(monkeypatch, capsys):
    monkeypatch.delenv(BUILD_ENV, raising=False)
    assert not in_book_build()
    assert glue("exactitud", 0.98765432) == 0.98765432
    assert capsys.readouterr().out == "exactitud = 0.987654\n"


def test_glue_turns_zero_dimensional_tensors_and_arrays_into_numbers(monkeypatch, capsys):
    monkeypatch.delenv(BUILD_ENV, raising=False)
    assert glue("t", torch.tensor(2.5)) == 2.5
    assert isinstance(glue("a", np.float64(1.0)), float)


def test_in_the_book_build_glue_hands_the_value_to_myst_nb(monkeypatch, capsys):
    myst_nb = pytest.importorskip("myst_nb")
    calls = []
    monkeypatch.setenv(BUILD_ENV, "1")
    monkeypatch.setattr(myst_nb, "glue", lambda name, value, display: calls.append((name, value, display)))
    assert glue("perdida", 0.5) == 0.5
    assert calls == [("perdida", 0.5, False)]
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("name", ["con espacio", "1empieza", "", 3])
def test_glue_names_must_be_identifiers(name):
    with pytest.raises(ValueError, match="identificador de Python"):
        glue(name, 1)


def test_outside_the_book_glue_with_display_shows_the_value_itself(monkeypatch, capsys):
    monkeypatch.delenv(BUILD_ENV, raising=False)
    glue("tabla", "una tabla", display=True)
    assert capsys.readouterr().out == "una tabla\n"
