"""A loaded rung's first target (weighted pull-ups) from the bodyweight rung below it.

The bodyweight is not known, so no one-rep max can be worked out from pull-ups without load. A coach
estimates instead: each rep the best bodyweight set has to spare over today's target (its reps plus the
reps it should leave in reserve) is worth about ``PER_REP`` of added load: 1.25 kg, or 2.5 lb, a rep for a
trainee of ordinary weight. A best of 10 for 5 reps with 1 in reserve leaves 4 to spare: +5 kg. The load
is rounded down to the chat's step, and is one step at least: a strength coach's trial found "the smallest
step" for a trainee with 10 pull-ups nowhere near 1 in reserve.

Pure: no Telegram, no database; loads are plain numbers in the chat's unit.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.coach.model import SetDone
from bot.coach.progression import Ladder, Plan, Prescription, Reason, step_below

# A loaded rung's first target, from the rung below without load: this many reps under its best set.
FEWER_WITH_LOAD = 3
# Added load a rep to spare is worth, in each unit (about 2.5 lb is 1.13 kg: the lb plates' own step).
PER_REP = {"kg": 1.25, "lb": 2.5}


def spare_reps(best: int, reps: int, plan: Plan) -> int:
    """The reps ``best`` (a bodyweight set) has over ``reps`` with the plan's reps in reserve."""
    return best - (reps + plan.target_rir)


def first_with_load(
    exercise: str, below: Sequence[SetDone], plan: Plan, per_rep: float = PER_REP["kg"]
) -> Prescription | None:
    """The first target of a loaded rung (weighted pull-ups) from the last session of the bodyweight rung
    below it (``below``, pull-ups 10, 9, 8, 8): ``FEWER_WITH_LOAD`` reps under that session's best set,
    inside the day's range, at ``per_rep`` of added load for each rep the best set has to spare
    (``spare_reps``), down to the plan's step and one step at least. None when nothing was done without
    load, or the best set minus those reps is short of the range's bottom: load would only cut a set that
    is already short."""
    low, high = plan.rep_range
    reps = [s.reps for s in below if s.load is None and s.seconds is None and s.reps > 0]
    if not reps or max(reps) - FEWER_WITH_LOAD < low:
        return None
    best = max(reps)
    target = min(high, best - FEWER_WITH_LOAD)
    estimate = step_below(max(0, spare_reps(best, target, plan)) * per_rep, plan.increment)
    load = max(plan.increment, estimate)
    return Prescription(exercise, plan.sets, target, load, Reason.FROM_BODYWEIGHT, SetDone(best))


def bodyweight_below(
    rung: str, ladder: Ladder, logged: Sequence[tuple[str, Sequence[SetDone]]]
) -> tuple[str, Sequence[SetDone]] | None:
    """The rung right below a loaded ``rung`` when it is done without load, and its last session of
    ``logged`` (each a rung's sets, oldest first); None when ``rung`` carries no load, the one below does
    too, or it was never logged."""
    rungs = ladder.rungs
    if rung not in ladder.loaded or rung not in rungs or rungs.index(rung) == 0:
        return None
    below = rungs[rungs.index(rung) - 1]
    if below in ladder.loaded:
        return None
    sessions = [sets for logged_rung, sets in logged if logged_rung == below]
    return (below, sessions[-1]) if sessions else None
