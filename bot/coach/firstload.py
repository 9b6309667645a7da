"""A first target worked out from another lift's log: a loaded rung's (weighted pull-ups) from the
bodyweight rung below it, and a first barbell RDL's from the deadlift.

The bodyweight is not known, so no one-rep max can be worked out from pull-ups without load. A coach
estimates instead: each rep the best bodyweight set has to spare over today's target (its reps plus the
reps it should leave in reserve) is worth about ``PER_REP`` of added load: 1.25 kg, or 2.5 lb, a rep for a
trainee of ordinary weight. A best of 10 for 5 reps with 1 in reserve leaves 4 to spare: +5 kg. The load
is rounded down to the chat's step, and is one step at least: a strength coach's trial found "the smallest
step" for a trainee with 10 pull-ups nowhere near 1 in reserve.

A first barbell RDL after deadlifts (``STARTS_FROM``) starts from the deadlift's estimated one-rep max
(Epley, ``progression.best_set``): a strength coach's trial found "first time — pick a load" beside a
150 kg × 5 deadlift. The RDL's own max is about ``OF_THE_LIFT`` of the deadlift's; today's load is what
that max allows for the bottom of the day's range with its reserve, never over ``MOST_OF_MAX`` of the
deadlift's for a first try, down to the chat's step: 150 kg × 5 (about 175 kg) is 105 kg for 8 with 2 in
reserve, about 60 %.

Pure: no Telegram, no database; loads are plain numbers in the chat's unit.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date
from decimal import ROUND_FLOOR, Decimal

from bot.coach.epley import for_reps
from bot.coach.model import SetDone
from bot.coach.progression import (
    Ladder,
    Plan,
    Prescription,
    Reason,
    best_set,
    e1rm,
    exact,
    rung_beside,
    sessions_by_day,
    step_below,
    to_multiple,
)

# A loaded rung's first target, from the rung below without load: this many reps under its best set.
FEWER_WITH_LOAD = 3
# Added load a rep to spare is worth, in each unit (about 2.5 lb is 1.13 kg: the lb plates' own step).
PER_REP = {"kg": 1.25, "lb": 2.5}
# A lift whose first target comes from another's log: the barbell RDL from the deadlift (not the other way:
# a deadlift is the heavier lift, and a coach would not start it from an RDL).
STARTS_FROM = {"barbell-rdl": "deadlift"}
# The RDL's one-rep max as a share of the deadlift's, and the most of the deadlift's a first RDL asks.
OF_THE_LIFT = Decimal("0.8")
MOST_OF_MAX = Decimal("0.65")


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
    below = rung_beside(rung, ladder, -1)
    if rung not in ladder.loaded or below is None or below in ladder.loaded:
        return None
    sessions = [sets for logged_rung, sets in logged if logged_rung == below]
    return (below, sessions[-1]) if sessions else None


def first_from_lift(exercise: str, lift: Sequence[Sequence[SetDone]], plan: Plan) -> Prescription | None:
    """A first barbell RDL's target from the deadlift's sessions (``lift``, oldest first): the bottom of
    the day's range at the load the deadlift's estimate allows (module docstring), its ``basis`` the set
    that estimate comes from. None when no set has an estimate or the load is under one step."""
    basis = best_set(lift)
    estimate = None if basis is None else e1rm(basis)
    if basis is None or estimate is None:
        return None
    low = plan.rep_range[0]
    # The RDL's max, as a share of the deadlift's, for the day's reps with their reserve.
    share = min(MOST_OF_MAX, for_reps(OF_THE_LIFT, 0, low + plan.target_rir))
    load = to_multiple(exact(estimate) * share, exact(plan.increment), ROUND_FLOOR)
    if load <= 0:
        return None
    return Prescription(exercise, plan.sets, low, float(load), Reason.FROM_LIFT, basis)


def first_target(
    exercise: str,
    ladder: Ladder | None,
    plan: Plan,
    logged: Sequence[tuple[str, Sequence[SetDone]]],
    history: Mapping[str, Sequence[tuple[date, SetDone]]],
    per_rep: float,
    deloads: Collection[date],
) -> tuple[Prescription, str, tuple[SetDone, ...]] | None:
    """A never-logged ``exercise``'s first target from another lift's log, with that lift and its last
    session (``sessionlog.Target``'s ``source`` and ``last``): a loaded rung from the bodyweight rung
    below it in ``logged`` (the ladder's sessions, each a rung's sets) at ``per_rep`` a rep to spare, a
    barbell RDL from the deadlift's ``history`` outside ``deloads`` (easy work says little of a max).
    None when neither applies."""
    below = None if ladder is None else bodyweight_below(exercise, ladder, logged)
    if below is not None and (first := first_with_load(exercise, below[1], plan, per_rep)) is not None:
        return first, below[0], tuple(below[1])
    lift = STARTS_FROM.get(exercise)
    if lift is None or plan.bodyweight:
        return None
    sessions = sessions_by_day([(day, done) for day, done in history.get(lift, ()) if day not in deloads])
    started = first_from_lift(exercise, sessions, plan)
    return None if started is None else (started, lift, tuple(sessions[-1]))
