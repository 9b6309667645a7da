"""A deload week's targets (``bot.coach.deload``) and the days it leaves out of progression
(``sessionlog.targets``'s ``deloads``).

A coach's trial: Wednesday of the deload week compared itself with Monday's sets and asked the full load
with a rep more; the deadlift's deload load came from the moderate day's 175×5 (145 kg), not the heavy
day's 210 kg.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from bot.coach.catalog import Catalog
from bot.coach.deload import deload_days, deload_target
from bot.coach.model import Equipment, Level, SetDone
from bot.coach.planner import Profile, Session, plan_session
from bot.coach.progression import Plan, Reason
from bot.coach.sessionlog import Target, targets
from bot.coach.trainingweeks import training_weeks

CATALOG = Catalog.load()
# A heavy day's deload: its 3–5 at the bottom, half its four sets, four in reserve.
HEAVY = Plan(sets=2, rep_range=(3, 3), target_rir=4, lower_body=True, increment=2.5)
VOLUME = Plan(sets=2, rep_range=(10, 10), target_rir=4, lower_body=True, increment=2.5)
INTERMEDIATE = Profile(Level.INTERMEDIATE, Equipment.GYM, CATALOG.kit_for(Equipment.GYM, frozenset()), 2)
ADVANCED = Profile(Level.ADVANCED, Equipment.GYM, CATALOG.kit_for(Equipment.GYM, frozenset()), 3)
# Mondays and Thursdays from Mon 7 Dec 2026: the intermediate block's five weeks, the fifth a deload.
DAYS = [date(2026, 12, 7) + timedelta(weeks=week, days=offset) for week in range(6) for offset in (0, 3)]


def test_a_heavy_days_deload_keeps_its_reps_lighter() -> None:
    """The coach's trial: 155 kg × 4 on the deadlift's heavy day gave its deload 2×8 @ 125 kg, about 70 %
    of a one-rep max for twice the reps. Now the heavy day's 3, at 87.5 % of the load."""
    heavy = [SetDone(4, 155.0)] * 4
    target = deload_target("deadlift", [heavy], HEAVY)
    assert (target.sets, target.reps, target.load, target.reason) == (2, 3, 135.0, Reason.DELOAD)
    assert target.basis == SetDone(4, 155.0)


def test_the_load_comes_from_the_heaviest_recent_working_sets() -> None:
    heavy, moderate, volume = [SetDone(3, 210.0)] * 4, [SetDone(5, 175.0)] * 4, [SetDone(10, 140.0)] * 4
    # A triple from 210 kg × 3: 87.5 % of it, not an estimate from the moderate day's 175×5.
    assert deload_target("deadlift", [heavy, moderate, volume], HEAVY).load == 182.5
    # The volume day's ten: 210 × 3 is about 173 kg for ten, 87.5 % of it on the step.
    target = deload_target("deadlift", [heavy, moderate, volume], VOLUME)
    assert (target.sets, target.reps, target.load) == (2, 10, 150.0)
    assert target.basis == SetDone(3, 210.0)
    # Warm-ups and older sessions than the last turn say nothing.
    old = [[SetDone(3, 230.0)], [SetDone(5, 100.0), *heavy], moderate, volume]
    assert deload_target("deadlift", old, HEAVY).load == 182.5


def test_a_lift_without_a_load_or_history() -> None:
    assert deload_target("pull-up", [], VOLUME).reason is Reason.START
    bodyweight = deload_target("pull-up", [[SetDone(8)] * 3], VOLUME)
    assert (bodyweight.load, bodyweight.reason, bodyweight.sets) == (None, Reason.DELOAD, 2)


@given(
    top=st.decimals(min_value=5, max_value=400, places=1).map(float),
    step=st.sampled_from([0.5, 1.0, 1.25, 2.5, 5.0]),
    low=st.integers(1, 15),
    extra=st.integers(0, 5),
    sets=st.integers(1, 6),
    rir=st.sampled_from([None, 0, 1, 2, 3]),
)
def test_a_deload_is_no_harder_than_the_work_before_it(
    top: float, step: float, low: int, extra: int, sets: int, rir: int | None
) -> None:
    """Whatever the day's range (``low`` to ``low + extra``) and the sets logged in it: the bottom of the
    range, half the sets, lighter than the last working load on the step, and no more reps than it had."""
    reps = low + extra
    day = Plan(sets=sets, rep_range=(low, reps), target_rir=1, increment=step)
    plan = Plan(sets=-(-day.sets // 2), rep_range=(low, low), target_rir=4, increment=step)
    target = deload_target("row", [[SetDone(reps, top, rir)] * sets], plan)
    assert target.load is not None
    load, exact_step, logged = Decimal(str(target.load)), Decimal(str(step)), Decimal(str(top))
    assert target.reps == low <= reps, "no more reps than the last working sets"
    assert day.sets / 2 <= target.sets <= day.sets / 2 + 0.5, "half the sets"
    if logged * Decimal("0.875") < exact_step:
        assert load == min(logged, exact_step), "nothing lighter on the step: its smallest, half the sets"
        return
    assert load % exact_step == 0, "on the chat's step"
    assert load < logged, "lighter than the last working load"
    assert load <= logged * Decimal("0.875"), "at least 12.5 % lighter"


def test_the_deload_days_are_the_blocks_last_calendar_week() -> None:
    found = deload_days(CATALOG, INTERMEDIATE, DAYS)
    assert sorted(found) == DAYS[8:10]


def _targets(
    number: int, history: dict[str, list[tuple[date, SetDone]]], deloads: frozenset[date]
) -> tuple[Session, dict[str, Target]]:
    session = plan_session(CATALOG, INTERMEDIATE, number, training_weeks(DAYS[:number]))
    found = targets(session, history, increment=2.5, ladders={}, deloads=deloads)
    return session, {target.planned: target for target in found}


def test_the_second_deload_session_ignores_the_first() -> None:
    """Session 10, the deload week's second: its target comes from the work before the week, whatever was
    logged on the first (heavy, against the plan)."""
    session, _ = _targets(10, {}, frozenset())
    assert session.deload
    lift = next(item.exercise.id for item in session.exercises if item.tier == "main")
    before = [(day, SetDone(8, 60.0)) for day in DAYS[:8] for _ in range(3)]
    monday = [(DAYS[8], SetDone(10, 70.0))] * 4
    deloads = deload_days(CATALOG, INTERMEDIATE, DAYS[:10])
    _, found = _targets(10, {lift: before + monday}, deloads)
    target = found[lift].prescription
    # The intermediate day's 6–8 at its 6: 60 kg × 8 is a load for six too, and 87.5 % of it on the step.
    assert (target.reason, target.sets, target.reps, target.load) == (Reason.DELOAD, 2, 6, 52.5)


def test_after_the_deload_the_work_before_it_is_judged() -> None:
    """Session 11, the next block's first: the deload's light sets neither drag the load down nor count as
    a session short of the top."""
    session, _ = _targets(11, {}, frozenset())
    assert not session.deload
    lift = next(item.exercise.id for item in session.exercises if item.tier == "main")
    before = [(day, SetDone(8, 60.0)) for day in DAYS[:8] for _ in range(3)]
    deload = [(day, SetDone(6, 52.5)) for day in DAYS[8:10] for _ in range(2)]
    deloads = deload_days(CATALOG, INTERMEDIATE, DAYS[:11])
    _, plain = _targets(11, {lift: before}, frozenset())
    _, found = _targets(11, {lift: before + deload}, deloads)
    assert found[lift].prescription == plain[lift].prescription
    assert found[lift].prescription.load == 62.5 and found[lift].last == (SetDone(8, 60.0),) * 3
