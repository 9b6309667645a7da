"""The order of a planned session's exercises and the techniques placed on them (drop set, superset).

The planner fills its slots in order (main lifts, then the secondary, then accessories); this module
places the day's techniques on the lifts that take them and then moves the hardest pull of a pattern
ahead of the others (``goes_first``): a strict pull-up after a set of pulldowns is done on tired lats, so
a coach has it first, even where the pull-up is the secondary lift and the pulldown the main one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # The planner calls this module with its own types: imported for the annotations only.
    from bot.coach.catalog import Exercise
    from bot.coach.planner import Prescribed, Technique


def techniques(items: Sequence[Prescribed], drop_set: bool, superset: bool) -> list[Prescribed]:
    result = list(items)
    if drop_set:
        # On the secondary lift, where a quick change of load is safe: never a barbell or a hold, nor a move
        # whose reps are capped (slow negatives, pull-ups, weighted pulls). With none, the last main lift
        # that takes one (a cable or machine pull on a volume day), so the day keeps its drop set.
        order = [at for at, item in enumerate(result) if item.tier == "secondary"]
        order += [at for at, item in reversed(list(enumerate(result))) if item.tier == "main"]
        for position_ in order:
            exercise = result[position_].exercise
            if not exercise.barbell and exercise.kind != "hold" and not exercise.max_reps:
                result[position_] = _with(result[position_], technique="drop set")
                break
    if superset:
        pair = [position_ for position_, item in enumerate(result) if item.tier == "accessory"][:2]
        if len(pair) == 2:
            first, second = result[pair[0]], result[pair[1]]
            result[pair[0]] = _with(first, technique="superset", partner=second.exercise, first=True)
            result[pair[1]] = _with(second, technique="superset", partner=first.exercise)
    return result


def _with(
    item: Prescribed, *, technique: Technique, partner: Exercise | None = None, first: bool = False
) -> Prescribed:
    return dataclasses.replace(item, technique=technique, partner=partner, rests=not first)


def hardest_first(items: Sequence[Prescribed]) -> list[Prescribed]:
    """``items`` with each ``goes_first`` move just before the first move of its pattern that is not one
    (pull-ups, then the lat pulldown); everything else keeps its place and order."""
    result = list(items)
    for item in items:
        if not item.exercise.goes_first:
            continue
        at = result.index(item)
        before = next(
            (
                index
                for index, other in enumerate(result[:at])
                if other.exercise.pattern == item.exercise.pattern and not other.exercise.goes_first
            ),
            None,
        )
        if before is not None:
            result.insert(before, result.pop(at))
    return result
