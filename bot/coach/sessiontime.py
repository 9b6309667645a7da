"""How long a planned session takes: work and rest for every set, and the warm-up on top.

Moved out of ``bot.coach.planner`` (which calls it for each session's "about 50 min") to keep that module
to how a session is chosen; ``bot.coach.shortened`` measures a session cut to a time budget with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # The planner calls this module with its own type: imported for the annotations only.
    from bot.coach.planner import Prescribed

SECONDS_PER_REP = 4
# Getting into position, setting the load, a sip of water: every set pays it.
SETUP_SECONDS = 20
DROP_SET_SECONDS = 30


def estimate_minutes(warmup_minutes: int, items: Sequence[Prescribed], ramp_seconds: float = 0) -> int:
    """Work plus rest for every set, the warm-up on top, rounded to 5 minutes (at least 10); with
    ``ramp_seconds``, the warm-up sets /workout ramps a heavy lift with once its load is known
    (``rampsets``)."""
    return max(10, round((warmup_minutes + (estimate_seconds(items) + ramp_seconds) / 60) / 5) * 5)


def estimate_seconds(items: Sequence[Prescribed]) -> float:
    """Work plus rest for every set of ``items``, unrounded: a session cut to a time budget
    (``bot.coach.shortened``) is measured with it, so rounding never hides a minute over."""
    seconds = 0.0
    for item in items:
        if item.hold_s is not None:
            work = sum(item.hold_s) / 2
        else:
            assert item.reps is not None
            work = sum(item.reps) / 2 * SECONDS_PER_REP * (2 if item.exercise.per_side else 1)
        rest = sum(item.rest_s) / 2 if item.rests else 0
        seconds += item.sets * (SETUP_SECONDS + work + rest)
        if item.technique == "drop set":
            seconds += DROP_SET_SECONDS
    return seconds
