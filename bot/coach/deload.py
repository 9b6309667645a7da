"""A deload week's targets, and the days it leaves out of progression.

A deload week (the last week of an intermediate or advanced block) is there to recover, not to be
beaten: each of its sessions is the day it falls on made easy (``planner``), that day's lifts at the
bottom of that day's range (a heavy day's 3–5: 3), half its sets, about four reps in reserve, and about
12.5 % under the recent working load for those reps, never more than it. Never more reps than the day
asks: a coach's trial got 2×8 @ 125 kg on a deadlift worked at 155 kg × 4, about 70 % of a one-rep max for
twice the reps, no easy set. Each session is prescribed from the lift's work before the week, never from
an earlier session of the week (the trial's Wednesday compared itself with Monday's deload and asked 2×9
at the full load), and the load comes from the lift's heaviest recent working sets, the heavy day's top
sets, not from the most cautious estimate of the last few days (the trial's deadlift got 145 kg from the
moderate day's 175×5, where the heavy day lifted 210 kg).

Its sets are not judged: whatever was logged in it, light or heavy against the plan, is no progress and
no stall, so the next block picks up from the working sets before it (``sessionlog.targets`` leaves
the week's days out). Records
(``bot.coach.records``) still count what was lifted.

Pure: no Telegram, no database.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import ROUND_FLOOR, Decimal

from bot.coach.catalog import Catalog
from bot.coach.epley import for_reps
from bot.coach.model import SetDone
from bot.coach.planner import DELOAD_DAY, Profile, day_kinds
from bot.coach.progression import (
    ESTIMATE_SESSIONS,
    Plan,
    Prescription,
    Reason,
    exact,
    heaviest_sets,
    to_multiple,
)

# The share of the working load for the deload's reps it is lifted at, rounded down to the step: 3 reps
# at 87.5 % of a load worked for 3–4 leave three or four in reserve.
DELOAD_SHARE = Decimal("0.875")


def deload_days(catalog: Catalog, profile: Profile, logged: Sequence[date]) -> frozenset[date]:
    """The days of ``logged`` that were sessions of a deload week, by the chat's plan now."""
    return frozenset(day for day, kind in day_kinds(catalog, profile, logged).items() if kind == DELOAD_DAY)


def deload_target(exercise: str, before: Sequence[Sequence[SetDone]], plan: Plan) -> Prescription:
    """A deload session's target for ``exercise``: ``plan`` is the deload's (half the day's sets, the
    bottom of its range), ``before`` the lift's sessions before the deload week, oldest first.

    From the heaviest set of its last ``ESTIMATE_SESSIONS`` sessions (a turn of heavy, moderate and volume
    days): the load it would be worked at for the deload's reps, at that set's effort (its estimated
    one-rep max), never more than the set's own load, and ``DELOAD_SHARE`` of that, rounded down to the
    step. 155 kg × 4 gives a heavy day's 2 × 3 @ 135 kg (a triple's working load is no more than 155 kg);
    210 kg × 3 a volume day's 2 × 10 @ 150 kg (173 kg for ten, 87.5 % of it). A lift without a load does
    the reps, easy. Nothing logged before: the usual first time."""
    low = plan.rep_range[0]
    recent = [sets for sets in before if sets][-ESTIMATE_SESSIONS:]
    if not recent:
        return Prescription(exercise, plan.sets, low, None, Reason.START)
    top = max(
        (done for sets in recent for done in heaviest_sets(sets) if done.load and done.seconds is None),
        key=lambda done: (done.load or 0.0, done.reps),
        default=None,
    )
    if top is None or top.load is None:
        return Prescription(exercise, plan.sets, low, None, Reason.DELOAD)
    step, load, effort = exact(plan.increment), exact(top.load), top.rir or 0
    working = min(load, for_reps(load, top.reps + effort, low + effort))
    lighter = to_multiple(working * DELOAD_SHARE, step, ROUND_FLOOR)
    # Under the step there is nothing lighter to put on the bar: its smallest load, half the sets.
    return Prescription(exercise, plan.sets, low, float(lighter or min(step, load)), Reason.DELOAD, top)
