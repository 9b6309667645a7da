"""The /progress chart's legend for the lifts: under their panel, below its dates, where it can cover no
point, and within the picture's width.

A newcomer trial: inside the panel, at matplotlib's "best" spot (which reads only the lines of the axes it
is on, not the loads beside a bodyweight lift's twin axes), the legend covered the last points at the top
right, where a lifter getting stronger ends. It is now placed from the picture's bottom edge, in rows of
at most ``LEGEND_COLUMNS`` entries, the lifts first, then the kinds of day; ``charts`` makes the picture
taller by the inches ``legend_under`` says it takes, so the panels keep their size.

Another trial: a home beginner's three lifts in a row ("Romanian deadlift with a loaded backpack or
dumbbells", "Kneeling band pulldown", ...) ran off both edges of the picture. The lifts are named by their
short names where the catalog has them (``charts.Lift.short``), and a legend still wider than the picture
is laid out again with fewer entries a row, down to one, and then with its names wrapped onto lines.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.legend import Legend
from matplotlib.lines import Line2D

LEGEND_COLUMNS = 4
# In inches: the room above and below the rows, and the margin kept from each side of the picture.
LEGEND_PAD_IN, LEGEND_SIDE_IN = 0.1, 0.1
# The widths, in characters, a name too long for the picture on a row of its own is wrapped to in turn.
WRAP_WIDTHS = (40, 30, 20, 12)


def legend_under(axes: Axes, groups: Sequence[Sequence[Artist]]) -> float:
    """The legend under the figure's last panel, each group starting a row; the inches it takes under the
    dates (0 with nothing to name).

    Placed in inches from the picture's bottom edge (``charts`` makes room for it there), never inside the
    panel, centred, and no wider than the picture less ``LEGEND_SIDE_IN`` a side: the widest layout that
    fits, measured as matplotlib draws it."""
    if not any(groups):
        return 0.0
    figure = axes.get_figure(root=True)
    assert figure is not None
    room = (figure.get_figwidth() - 2 * LEGEND_SIDE_IN) * figure.dpi
    layouts: list[tuple[int, int | None]] = [(columns, None) for columns in range(LEGEND_COLUMNS, 0, -1)]
    layouts += [(1, width) for width in WRAP_WIDTHS]
    for columns, wrap in layouts:
        legend = _placed(axes, groups, columns, wrap)
        # No renderer passed: matplotlib uses the figure's own, as it will when drawing it.
        box = legend.get_window_extent()
        if box.width <= room:
            break
    return box.height / figure.dpi + 2 * LEGEND_PAD_IN


def _placed(axes: Axes, groups: Sequence[Sequence[Artist]], columns: int, wrap: int | None) -> Legend:
    """The legend in rows of ``columns`` entries, its names wrapped to ``wrap`` characters if given.

    matplotlib fills a legend column by column, so each row is padded with blank entries to the same
    length and handed over column by column: every row then reads across. A legend set on the axes
    replaces the one before."""
    rows = [list(group[at : at + columns]) for group in groups for at in range(0, len(group), columns)]
    width = max(len(row) for row in rows)
    padded = [row + [Line2D([], [], linestyle="none")] * (width - len(row)) for row in rows]
    ordered = [row[column] for column in range(width) for row in padded]
    labels = [str(handle.get_label()) for handle in ordered]
    if wrap is not None:
        labels = ["\n".join(textwrap.wrap(label, wrap)) if label else label for label in labels]
    figure = axes.get_figure(root=True)
    assert figure is not None
    return axes.legend(
        ordered,
        labels,
        loc="lower center",
        bbox_to_anchor=(figure.get_figwidth() / 2, LEGEND_PAD_IN),
        bbox_transform=figure.dpi_scale_trans,
        ncols=width,
        fontsize="small",
        frameon=False,
    )
