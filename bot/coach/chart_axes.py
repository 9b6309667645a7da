"""Which y axis each line of the /progress lifts panel is read on, and how those axes are set up.

Loads lifted are read on the left. Reps without a load get the right-hand axis beside them (alone, the
only one, so no empty load axis is drawn). A load added to bodyweight (the weighted pull-up's 2.5 to 5
kg) beside lifted loads also goes on the right, sharing it with reps when there are any: a strength
coach's trial saw it as a flat line at the foot of an axis that ran to the deadlift's 155 kg. Its axis
starts at 0 and spans ``MIN_ADDED_SPAN`` at least, so a step of one plate reads as one.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from enum import StrEnum

from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

from bot.coach.texts import Texts

# The least an added-load axis spans, from 0: 2.5 → 5 kg is a quarter of it, a step that shows.
MIN_ADDED_SPAN = {"kg": 10.0, "lb": 20.0}


class Scale(StrEnum):
    """What a series' numbers are: the top set's load, or its reps (no load)."""

    LOAD = "load"
    REPS = "reps"


class Side(StrEnum):
    """What a y axis shows: loads lifted, reps without a load, or a load added to bodyweight."""

    LOAD = "load"
    REPS = "reps"
    ADDED = "added"


def sides(series: Sequence[tuple[Scale, bool]]) -> list[Side]:
    """Each series' axis, from its scale and whether its load is added to bodyweight: an added load is
    read on an axis of its own only beside loads lifted, else on the load axis, the only one."""
    lifted = any(scale is Scale.LOAD and not added for scale, added in series)
    return [
        Side.REPS if scale is Scale.REPS else Side.ADDED if added and lifted else Side.LOAD
        for scale, added in series
    ]


def on_right(drawn: Collection[Side]) -> frozenset[Side]:
    """The sides read on the right-hand axis: all but the left one's, which shows loads lifted, or with
    none of those, reps."""
    left = Side.LOAD if Side.LOAD in drawn or not drawn else Side.REPS
    return frozenset(drawn) - {left}


def panel_axes(axes: Axes, drawn: Collection[Side]) -> dict[Side, Axes]:
    """The axes each side is drawn on: ``axes`` for the left one, a ``twinx`` for those on the right."""
    right = on_right(drawn)
    twin = axes.twinx() if right else axes
    return {side: twin if side in right else axes for side in Side}


def label_axes(
    found: Mapping[Side, Axes], values: Mapping[Side, Iterable[float]], unit: str, texts: Texts
) -> None:
    """Each drawn axis' label and, on the right, its limits from 0: reps to one over the most, an added
    load to at least ``MIN_ADDED_SPAN``; ``values`` are each side's numbers drawn."""
    most = {side: max(numbers, default=0.0) for side, numbers in values.items()}
    drawn = [side for side in Side if side in most]
    right = on_right(drawn)
    left = [side for side in drawn if side not in right]
    words = {
        Side.LOAD: texts.get("chart.load_axis", unit=unit),
        Side.REPS: texts["chart.reps_axis"],
        Side.ADDED: texts.get("chart.added_axis", unit=unit),
    }
    for side in left:
        found[side].set_ylabel(words[side])
        if side is Side.REPS:
            found[side].set_ylim(0, most[side] + 1)
            found[side].yaxis.set_major_locator(MaxNLocator(integer=True))
    if not right:
        return
    twin = found[next(iter(right))]
    shown = [words[side] for side in Side if side in right]
    twin.set_ylabel(
        texts.get("chart.shared_axis", reps=shown[0], added=shown[1]) if len(shown) > 1 else shown[0]
    )
    top = most.get(Side.REPS, -1.0) + 1
    if Side.ADDED in right:
        # Room above the heaviest added load for its marker, as the load axis' margins give.
        top = max(top, MIN_ADDED_SPAN.get(unit, MIN_ADDED_SPAN["kg"]), most[Side.ADDED] * 1.15)
    twin.set_ylim(0, top)
    if Side.REPS in right:
        twin.yaxis.set_major_locator(MaxNLocator(integer=True))
