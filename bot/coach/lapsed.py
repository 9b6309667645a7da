"""A home load's or a dumbbell accessory's prescription at the load last logged, and started again there
when the lift has not been logged for a while.

A backpack or a dumbbell weighs what it weighs: 8 kg stays 8 kg, never 7.5 kg on a 2.5 kg step, and going
heavier /workout says to add a little (or take the next dumbbell up) while the sets keep the load known.

Its heavier step is a size the rack or the backpack decides, so /workout names no number for it and As
written has to ask what was lifted. From a log weeks old that advice is stale: a coach's trial had a
rear-delt fly told "take the next dumbbell up from 10 kg" from a session three weeks back. After more than
``AFTER`` days, and a week longer than the lift's own gap before (a fly every third session of a
once-a-week plan is three weeks apart every time, and would otherwise never go up), the line says when
it was last logged and today is those sets again, at the load last lifted: named, so As written logs it
as shown and asks nothing. Pure: the days are passed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from bot.coach.model import SetDone
from bot.coach.progression import Plan, Prescription, Reason

# The reasons a home load is kept as last logged: holding it, or going heavier by "a little more in the
# backpack" rather than by a step of plates it has none of.
HOME_KEEPS = frozenset((Reason.ADD_REP, Reason.REPEAT, Reason.ADD_LOAD, Reason.PAST_TOP))
AFTER = timedelta(days=14)
# Longer than the lift's usual spacing by this much: a break, not the plan's rhythm.
LONGER_THAN_USUAL = timedelta(days=7)


def as_loaded(
    prescription: Prescription,
    last: Sequence[SetDone],
    plan: Plan,
    logged: Sequence[date] = (),
    today: date | None = None,
) -> tuple[Prescription, int]:
    """The prescription at the load last logged, or ``start_again`` after a break (``days_lapsed`` of the
    lift's days ``logged``, whose last is ``last``'s), with the days since it was logged (0: no break)."""
    loads = [done.load for done in last if done.load]
    if prescription.reason not in HOME_KEEPS or not loads or prescription.load is None:
        return prescription, 0
    held = replace(prescription, load=max(loads))
    lapsed = days_lapsed(logged, today)
    return (start_again(held, last, plan), lapsed) if lapsed else (held, 0)


def days_lapsed(logged: Sequence[date], today: date | None) -> int:
    """Days since the lift's last session in ``logged`` (its days, oldest first) when that is a break
    worth starting again after, else 0."""
    if today is None or not logged:
        return 0
    gap = today - logged[-1]
    if gap <= AFTER:
        return 0
    if len(logged) > 1 and gap <= logged[-1] - logged[-2] + LONGER_THAN_USUAL:
        return 0
    return gap.days


def start_again(prescription: Prescription, last: Sequence[SetDone], plan: Plan) -> Prescription:
    """Last time's load and (within the range) its weakest set's reps, for every set: what to begin from
    after a break, whatever the rule would have added."""
    loads = [done.load for done in last if done.load]
    if not loads or prescription.load is None:
        return prescription
    low, top = plan.rep_range
    reps = min(max(min(done.reps for done in last), low), top)
    return replace(prescription, reps=reps, load=max(loads), reason=Reason.LAPSED, basis=None)


def weeks_ago(days: int) -> int:
    """Whole weeks, as the line says them: 15 days is "2 weeks ago"."""
    return max(2, days // 7)
