"""The first session back after a pain ("It's fine now", ``cautions.back_from_pain``): lighter than last time.

A coach brings a lift back from a sharp pain below what it last did, not at it: a loaded lift keeps last
time's reps at about 70 % of its load, rounded down to the chat's step (never below one step, so there is
still something to lift); a bodyweight or band move keeps last time's reps with one set fewer (at least
one). The session after it progresses from what was logged, as any other.

Pure: no Telegram, no database.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_FLOOR, Decimal

from bot.coach.model import SetDone
from bot.coach.progression import Prescription, Reason, exact, heaviest_sets, to_multiple

# The share of last time's load the first session back lifts.
LIGHTER = Decimal("0.70")


def lighter_load(load: float, step: float) -> float:
    """About 70 % of ``load``, rounded down to a multiple of ``step``, and at least one ``step``."""
    increment = exact(step)
    return float(max(increment, to_multiple(exact(load) * LIGHTER, increment, ROUND_FLOOR)))


def after_pain(exercise: str, last: Sequence[SetDone], sets: int, step: float) -> Prescription:
    """The first session back of ``exercise`` from ``last`` session's sets: its heaviest sets' fewest reps,
    ``sets`` sets at a lighter load (``lighter_load``) for a loaded lift, or one set fewer than last time
    (at least one) without a load. ``basis`` is last time's heaviest set, which the line names ("was")."""
    top = heaviest_sets(last)
    reps = max(1, min(s.reps for s in top))
    load = top[0].load
    if load:
        return Prescription(exercise, sets, reps, lighter_load(load, step), Reason.BACK, top[0])
    return Prescription(exercise, max(1, len(top) - 1), reps, load, Reason.BACK, top[0])
