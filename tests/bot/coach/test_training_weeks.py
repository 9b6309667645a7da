"""A block's weeks are calendar weeks trained (``bot.coach.trainingweeks``), whatever the sessions a week.

A newcomer trial (advanced, Mon/Wed/Fri against the plan's two a week) deloaded straight after its sixth
session, eleven days in: the block's weeks were counted in sessions of two.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.coach import rules
from bot.coach.catalog import Catalog
from bot.coach.model import Equipment, Level
from bot.coach.planner import DELOAD_DAY, Profile, day_kind, day_kinds, plan_session, position
from bot.coach.streaks import week_start
from bot.coach.trainingweeks import PLANNED, Weeks, training_weeks, weeks_until

CATALOG: Catalog = rules.shipped()
MONDAY = date(2026, 12, 7)


def gym(level: Level, per_week: int = 2) -> Profile:
    return Profile(level, Equipment.GYM, CATALOG.kit_for(Equipment.GYM, frozenset()), per_week)


def mon_wed_fri(weeks: int) -> list[date]:
    return [MONDAY + timedelta(weeks=week, days=day) for week in range(weeks) for day in (0, 2, 4)]


def test_the_trials_mon_wed_fri_is_week_2_in_its_second_week_and_deloads_in_its_fourth() -> None:
    days = mon_wed_fri(5)
    weeks = training_weeks(days)
    sessions = [plan_session(CATALOG, gym(Level.ADVANCED), n, weeks) for n in range(1, 16)]
    assert [(s.block, s.week) for s in sessions] == [
        (1, 1), (1, 1), (1, 1), (1, 2), (1, 2), (1, 2), (1, 3), (1, 3), (1, 3),
        (1, 4), (1, 4), (1, 4), (2, 1), (2, 1), (2, 1),
    ]  # fmt: skip
    # Session 7 (Mon 21 Dec) was "deload week" in the trial.
    assert not sessions[6].deload
    assert [s.number for s in sessions if s.deload] == [10, 11, 12]
    # The days still take turns per session: heavy, moderate, volume, heavy, ...
    assert [s.day for s in sessions[:6]] == ["heavy day", "moderate day", "volume day"] * 2


def test_a_week_without_training_does_not_use_a_week_of_the_block_up() -> None:
    days = [
        MONDAY,
        MONDAY + timedelta(days=3),
        MONDAY + timedelta(weeks=3),
        MONDAY + timedelta(weeks=3, days=2),
    ]
    weeks = training_weeks(days)
    assert [position(CATALOG, gym(Level.ADVANCED), n, weeks).week for n in range(1, 5)] == [1, 1, 2, 2]


def test_without_the_days_the_plan_counts_its_weekly_target_as_before() -> None:
    for per_week in range(1, 8):
        profile = gym(Level.INTERMEDIATE, per_week)
        block_weeks = CATALOG.routines.intermediate.block_weeks
        for number in range(1, 3 * block_weeks * per_week):
            at = position(CATALOG, profile, number, PLANNED)
            block, index = divmod(number - 1, block_weeks * per_week)
            assert (at.block, at.in_block, at.week) == (block + 1, index, index // per_week + 1)


def test_the_next_session_is_todays_and_sessions_after_it_are_counted_at_the_target() -> None:
    days = mon_wed_fri(1)
    number, weeks = weeks_until(days, MONDAY + timedelta(weeks=1))
    assert number == 4 and position(CATALOG, gym(Level.ADVANCED), 4, weeks).week == 2
    # A day before the others: its number and weeks are those before it.
    assert weeks_until(days, MONDAY + timedelta(days=1)) == (2, Weeks((1,), 2, frozenset({2})))
    # Past the days known: the last week filled to the target (it already has 3 of 2), then 2 a week.
    assert [weeks.week_of(n, 2) for n in range(1, 10)] == [0, 0, 0, 1, 1, 2, 2, 3, 3]


# ---------------------------------------------------------------- any pattern of training days

WEEK_PATTERNS = st.lists(
    st.one_of(
        st.just(frozenset()),  # a week off: a holiday, an illness
        st.sets(st.integers(0, 6), min_size=2, max_size=4).map(frozenset),
    ),
    min_size=1,
    max_size=14,
)


def dates_of(pattern: list[frozenset[int]]) -> list[date]:
    return [
        MONDAY + timedelta(weeks=week, days=day) for week, days in enumerate(pattern) for day in sorted(days)
    ]


@settings(max_examples=60, deadline=None)
@given(pattern=WEEK_PATTERNS, level=st.sampled_from(list(Level)), per_week=st.integers(1, 5))
def test_a_blocks_week_is_the_count_of_calendar_weeks_trained(
    pattern: list[frozenset[int]], level: Level, per_week: int
) -> None:
    days = dates_of(pattern)
    if not days:
        return
    weeks = training_weeks(days)
    profile = gym(level, per_week)
    plan = CATALOG.routines.level(level)
    mondays = sorted({week_start(day) for day in days})
    previous = None
    for number, day in enumerate(days, 1):
        trained = mondays.index(week_start(day))
        at = position(CATALOG, profile, number, weeks)
        assert (at.block, at.week) == (trained // plan.block_weeks + 1, trained % plan.block_weeks + 1)
        assert at.deload == (plan.deload is not None and at.week == plan.block_weeks)
        session = plan_session(CATALOG, profile, number, weeks)
        assert (session.block, session.week, session.deload) == (at.block, at.week, at.deload)
        # Planned by the days up to it alone: what came after it does not change it.
        assert weeks_until(days, day) == (number, weeks.upto(number))
        if previous is not None and previous.block == session.block and not session.deload:
            # Within a block the main lifts stay, and where a week cannot hold every kind of day, the
            # kind moves on every session (where it can, each week has them all: test_planner).
            kept = {i.exercise.id for i in previous.exercises if i.tier == "main"}
            assert kept & {i.exercise.id for i in session.exercises if i.tier == "main"}
            if 1 < len(plan.day) > per_week and not previous.deload:
                assert session.day != previous.day
        previous = session
    kinds = day_kinds(CATALOG, profile, days)
    assert all(kinds[day] == day_kind(CATALOG, profile, number, weeks) for number, day in enumerate(days, 1))
    assert all(
        (kinds[day] == DELOAD_DAY) == position(CATALOG, profile, number, weeks).deload
        for number, day in enumerate(days, 1)
    )
