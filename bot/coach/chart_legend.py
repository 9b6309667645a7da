"""The /progress chart's legend for the lifts: under their panel, below its dates, where it can cover no
point.

A newcomer trial: inside the panel, at matplotlib's "best" spot (which reads only the lines of the axes it
is on, not the loads beside a bodyweight lift's twin axes), the legend covered the last points at the top
right, where a lifter getting stronger ends. It is now placed from the picture's bottom edge, in rows of
at most ``LEGEND_COLUMNS`` entries, the lifts first, then the kinds of day; ``charts`` makes the picture
taller by ``legend_height`` so the panels keep their size.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

LEGEND_COLUMNS = 4
# In inches: a row of "small" text, and the room above and below the rows.
LEGEND_ROW_IN, LEGEND_PAD_IN = 0.2, 0.1


def legend_height(rows: int) -> float:
    """The inches a legend of ``rows`` rows takes under the dates."""
    return rows * LEGEND_ROW_IN + 2 * LEGEND_PAD_IN


def legend_under(axes: Axes, groups: Sequence[Sequence[Artist]]) -> int:
    """The legend under the figure's last panel, each group starting a row; how many rows it has.

    Placed in inches from the picture's bottom edge (``charts`` makes room for it there), never inside the
    panel. matplotlib fills a legend column by column, so each row is padded with blank entries to the
    same length and handed over column by column: every row then reads across."""
    rows = [
        list(group[at : at + LEGEND_COLUMNS])
        for group in groups
        for at in range(0, len(group), LEGEND_COLUMNS)
    ]
    columns = max((len(row) for row in rows), default=0)
    if not columns:
        return 0
    padded = [row + [Line2D([], [], linestyle="none")] * (columns - len(row)) for row in rows]
    ordered = [row[column] for column in range(columns) for row in padded]
    figure = axes.get_figure(root=True)
    assert figure is not None
    axes.legend(
        ordered,
        [str(handle.get_label()) for handle in ordered],
        loc="lower center",
        bbox_to_anchor=(figure.get_figwidth() / 2, LEGEND_PAD_IN),
        bbox_transform=figure.dpi_scale_trans,
        ncols=columns,
        fontsize="small",
        frameon=False,
    )
    return len(rows)
