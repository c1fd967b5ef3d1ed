import ipywidgets as widgets
import matplotlib.pyplot as plt
import pytest

from dlcourse.glue import BUILD_ENV
from dlcourse.plots import PALETTE, animate, grid, use_style
from dlcourse.widgets import explore, live_controls


def line(ax, w, b=0.0):
    ax.plot([0, 1], [b, w + b])


def controls():
    return {"w": widgets.FloatSlider(value=1.0, min=-2, max=2, description="w"),
            "b": widgets.FloatSlider(value=0.0, min=-1, max=1, description="b")}


def test_grid_returns_exactly_n_axes_and_hides_the_rest():
    fig, axes = grid(5, ncols=3)
    assert len(axes) == 5
    assert sum(ax.get_visible() for ax in fig.axes) == 5
    plt.close(fig)


@pytest.mark.parametrize("n", [0, -1, 2.5])
def test_grid_rejects_a_bad_number_of_panels(n):
    with pytest.raises(ValueError, match="n debe ser un entero positivo"):
        grid(n)


def test_palette_is_the_colour_cycle_of_the_style():
    use_style()
    assert plt.rcParams["axes.prop_cycle"].by_key()["color"][0] == PALETTE["azul"]


def test_animate_gives_javascript_that_runs_without_a_kernel():
    fig, ax = plt.subplots()
    (ln,) = ax.plot([], [])
    html = animate(fig, lambda i: ln.set_data([0, i], [0, i]), frames=3)
    assert "<script" in html.data and "anim" in html.data
    assert not plt.fignum_exists(fig.number)


def test_animation_controls_are_spanish_and_load_nothing_from_the_web():
    fig, ax = plt.subplots()
    html = animate(fig, lambda i: ax.set_title(str(i)), frames=2).data
    assert "http" not in html and 'class="fa' not in html
    assert 'title="Reproducir"' in html and ">En bucle<" in html
    for english in ("Decrease speed", "Play", "Once", "Loop", "Reflect"):
        assert f'"{english}"' not in html and f">{english}<" not in html


def test_animate_can_use_jpeg_frames_and_rejects_other_formats():
    fig, ax = plt.subplots()
    html = animate(fig, lambda i: ax.set_title(str(i)), frames=2, frame_format="jpeg").data
    assert "data:image/jpeg;base64" in html and "data:image/png;base64" not in html
    fig, _ = plt.subplots()
    with pytest.raises(ValueError, match="'png' o 'jpeg'"):
        animate(fig, lambda i: None, frames=2, frame_format="gif")


def test_animate_needs_frames():
    fig, _ = plt.subplots()
    with pytest.raises(ValueError, match="al menos un fotograma"):
        animate(fig, lambda i: None, frames=0)


def test_in_a_kernel_explore_displays_live_controls_once(monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.delenv(BUILD_ENV, raising=False)
    monkeypatch.setattr(IPython.display, "display", shown.append)
    assert explore(line, controls(), static=[{"w": 0.5}]) is None
    (ui,) = shown
    assert isinstance(ui, widgets.interactive)
    assert ui.kwargs == {"w": 1.0, "b": 0.0}


def test_live_controls_redraw_with_the_new_value():
    ui = live_controls(line, controls())
    ui.children[0].value = -2.0
    assert ui.kwargs["w"] == -2.0


def test_in_the_book_build_explore_draws_one_panel_per_static_value(monkeypatch):
    monkeypatch.setenv(BUILD_ENV, "1")
    monkeypatch.setattr(plt, "show", lambda: None)  # deja la figura abierta para mirarla
    assert explore(line, controls(), static=[{"w": -1.0}, {"w": 0.5}, {"w": 2.0, "b": 1.0}],
                   labels={"w": "peso"}) is None
    fig = plt.gcf()
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in visible] == ["peso = -1", "peso = 0.5", "peso = 2, b = 1"]
    # el panel toma del control lo que static no dice: b = 0 en los dos primeros
    assert visible[0].lines[0].get_ydata()[0] == 0.0
    plt.close(fig)


@pytest.mark.parametrize("build", ["1", ""])
def test_a_static_value_without_a_control_is_reported_in_spanish(monkeypatch, build):
    monkeypatch.setenv(BUILD_ENV, build)
    with pytest.raises(ValueError, match="static usa parámetros que no tienen control: \\['alpha'\\]"):
        explore(line, controls(), static=[{"alpha": 1.0}])


def test_explore_rejects_controls_that_are_not_widgets():
    with pytest.raises(TypeError, match="no lo son: \\['w'\\]"):
        explore(line, {"w": (0, 1)}, static=[{}])
    with pytest.raises(ValueError, match="static debe tener al menos"):
        explore(line, controls(), static=[])
