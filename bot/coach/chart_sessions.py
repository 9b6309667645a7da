"""The /progress chart's sessions panel: each week's sessions against the weekly target, a bar a week for
one trainee or a line a member for a group, and a week a /pause passed by shaded rather than drawn as a
missed week's plain zero (a newcomer trial's two paused weeks read as two weeks skipped). Split from
``bot.coach.charts``, which lays out the whole figure, so neither passes ~550 lines.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

from bot.coach.texts import Texts

# The shading over a paused week, under the bars, and its hatching.
PAUSED_FILL, PAUSED_HATCH = "#e2e8f0", "#a0aec0"
_TARGET_RED = "#c53030"


def draw_sessions(
    axes: Axes,
    weeks: Sequence[date],
    members: Sequence[tuple[str, Sequence[int]]],
    target: int,
    passed: Collection[date],
    colors: Sequence[str],
    texts: Texts,
    targets: Sequence[int] = (),
) -> None:
    """The panel on ``axes``: ``members`` are each one's name and sessions in each of ``weeks``
    (Mondays); ``passed`` the weeks a pause passes by (``chart_weeks.passed_by``); ``targets`` what each
    week asks for, a week a pause touched its own lower target drawn across its slot, so a paused week's
    one session that counted it is seen to meet it."""
    labels = [monday.strftime("%d %b") for monday in weeks]
    if len(members) == 1:
        axes.bar(labels, members[0][1], color=colors[0])
    else:
        for index, (name, count) in enumerate(members):
            axes.plot(labels, count, marker="o", label=name, color=colors[index % len(colors)])
    # After the bars, whose labels make the x axis one of categories: a week is then its index.
    shade_paused(axes, [monday in passed for monday in weeks], texts)
    axes.axhline(target, linestyle="--", color=_TARGET_RED, label=texts.get("chart.target", target=target))
    label = texts["chart.target_paused"]
    for index, asked in enumerate(targets):
        if asked < target:
            axes.hlines(asked, index - 0.45, index + 0.45, linestyles=":", colors=_TARGET_RED, label=label)
            label = "_" + label  # once in the legend
    axes.set_title(texts.get("chart.sessions_title", weeks=len(weeks)))
    axes.set_ylim(0, max([target, *(max(count) for _, count in members)]) + 1)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.tick_params(axis="x", labelrotation=45, labelsize="small")
    axes.legend(loc="upper left", fontsize="small")


def shade_paused(axes: Axes, passed: Sequence[bool], texts: Texts) -> None:
    """Each week of ``passed`` (True: a pause passed it by) shaded the panel's height, under its bar.
    Filled, not a span's rectangle, so the panel's rectangles stay its bars; labelled once, for the
    legend."""
    label = texts["chart.paused"]
    for index in (index for index, paused in enumerate(passed) if paused):
        axes.fill_between(
            [index - 0.5, index + 0.5],
            0,
            1,
            transform=axes.get_xaxis_transform(),
            facecolor=PAUSED_FILL,
            hatch="//",
            edgecolor=PAUSED_HATCH,
            linewidth=0,
            zorder=0,
            label=label,
        )
        label = "_" + label  # a label starting with "_" stays out of the legend
