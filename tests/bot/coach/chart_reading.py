"""Reading a drawn /progress chart as a person does, through matplotlib's public API."""

from __future__ import annotations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.legend import Legend


def legend_rows(legend: Legend) -> list[list[str]]:
    """The legend's entries row by row, top to bottom, each left to right, as they are drawn (matplotlib
    fills columns, so its own order is not the reading one); blank entries left out."""
    figure = legend.get_figure(root=True)
    assert isinstance(figure, Figure)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    # By the middle of each name on the page: names in one row differ by a descender at most (a few
    # pixels), rows by a line of text.
    placed = []
    for text in legend.get_texts():
        if text.get_text():
            box = text.get_window_extent(renderer)
            placed.append(((box.y0 + box.y1) / 2, box.x0, text.get_text()))
    rows: list[list[tuple[float, str]]] = []
    last = None
    for middle, left, name in sorted(placed, reverse=True):
        if last is None or last - middle > 5:
            rows.append([])
        rows[-1].append((left, name))
        last = middle
    return [[name for _, name in sorted(row)] for row in rows]
