"""A deload week's targets, and the days it leaves out of progression.

A deload week (the last week of an intermediate or advanced block) is half the sets at about 10–15 %
less load, every session of it alike: it is there to recover, not to be beaten. So each of its sessions
is prescribed from the lift's work before the week, never from an earlier session of the week (a coach's
trial: Monday's deload was 2×8 @ 67.5 kg, and Wednesday compared itself with Monday's sets and asked 2×9
at the full 79 kg), and the load comes from the lift's heaviest recent working sets, the heavy day's top
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
from bot.coach.model import SetDone
from bot.coach.planner import DELOAD_DAY, Profile, day_kinds
from bot.coach.progression import (
    ESTIMATE_SESSIONS,
    Plan,
    Prescription,
    Reason,
    estimated_load,
    exact,
    heaviest_sets,
    to_multiple,
)

# Never more than 87.5 % of the recent top load, rounded down to the step.
DELOAD_SHARE = Decimal("0.875")


def deload_days(catalog: Catalog, profile: Profile, logged: Sequence[date]) -> frozenset[date]:
    """The days of ``logged`` that were sessions of a deload week, by the chat's plan now."""
    return frozenset(day for day, kind in day_kinds(catalog, profile, logged).items() if kind == DELOAD_DAY)


def deload_target(exercise: str, before: Sequence[Sequence[SetDone]], plan: Plan) -> Prescription:
    """A deload session's target for ``exercise``: ``plan`` is the deload's (its sets and range), ``before``
    the lift's sessions before the deload week, oldest first.

    The load is worked out from the heaviest set of its last ``ESTIMATE_SESSIONS`` sessions (a turn of
    heavy, moderate and volume days) for the bottom of the deload's range with its reps in reserve: about
    10–15 % under a working set of those reps (210 kg × 3 gives 2 × 8 @ 165 kg, four in reserve; 12.5 %
    under the triple, 182.5 kg, would be a hard eight, no deload), and never over 87.5 % of the top load,
    rounded down to the step. A lift without a load does the bottom of the range, easy. Nothing logged
    before: the usual first time."""
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
    step, load = exact(plan.increment), exact(top.load)
    # Under the step there is nothing lighter to put on the bar: its smallest load, half the sets.
    capped = to_multiple(load * DELOAD_SHARE, step, ROUND_FLOOR)
    lighter = min(capped, exact(estimated_load(top, plan))) if capped else min(step, load)
    return Prescription(exercise, plan.sets, low, float(lighter), Reason.DELOAD, top)
