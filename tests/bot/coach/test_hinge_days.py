"""The week's barbell hinges on days a day or more apart, by the chat's own days, and each kind of day
coming round every week (a newcomer trial: Monday's and Tuesday's deadlifts back to back every week, and
the heavy deadlift 15 days apart)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.coach import rules
from bot.coach.model import Equipment, Level
from bot.coach.planner import Profile, day_kind, plan_session, profile_of
from bot.coach.rests import heavy_hinge
from bot.coach.trainingdays import apart, week_turns
from bot.coach.trainingweeks import training_weeks

CATALOG = rules.shipped()
GYM = CATALOG.kit_for(Equipment.GYM, frozenset())
MONDAY = date(2026, 1, 5)
DAYS = st.frozensets(st.integers(0, 6), min_size=1, max_size=7)


def _next_to(one: int, other: int) -> bool:
    return (one - other) % 7 in (1, 6)


@given(days=DAYS, count=st.integers(1, 3))
def test_the_hinge_days_are_never_back_to_back_where_the_days_allow(days: frozenset[int], count: int) -> None:
    ordered = sorted(days)
    places = apart(days, count)
    picked = [ordered[place] for place in places]
    assert 1 <= len(places) <= min(count, len(days)) and list(places) == sorted(set(places))
    if len(picked) > 1:
        assert not any(_next_to(one, other) for one in picked for other in picked if one != other)
    # Fewer only where no more fit a day apart: any two of the days are then back to back.
    if len(places) < min(count, len(days)) and len(places) == 1:
        assert all(_next_to(one, other) for one in ordered for other in ordered if one != other)


def test_mon_tue_thu_fri_hinges_on_monday_and_thursday() -> None:
    assert apart({0, 1, 3, 4}, 2) == (0, 2)
    assert apart({0, 2, 4}, 2) == (0, 1)
    # Monday and Sunday are back to back across the week's end.
    assert apart({0, 1, 6}, 2) == (1, 2)
    assert apart({0, 1}, 2) == (0,)


@given(days=DAYS, kinds=st.integers(1, 4))
def test_a_week_that_holds_every_kind_has_each_and_the_heaviest_on_the_first_hinge_day(
    days: frozenset[int], kinds: int
) -> None:
    turns = week_turns(kinds, days, 2)
    if kinds < 2 or len(days) < kinds:
        assert turns == ()
        return
    assert len(turns) == len(days) and set(turns) == set(range(kinds))
    assert turns[apart(days, 2)[0]] == 0


def _week(profile: Profile, first: int) -> list[tuple[str, bool, str]]:
    sessions = [plan_session(CATALOG, profile, number) for number in range(first, first + profile.per_week)]
    return [
        (
            session.day,
            any(heavy_hinge(item.exercise) for item in session.exercises),
            session.exercises[0].exercise.id,
        )
        for session in sessions
    ]


def test_advanced_four_days_mon_tue_thu_fri_deadlift_heavy_every_monday_and_moderate_every_thursday() -> None:
    profile = profile_of(CATALOG, "advanced", "gym", None, 4, 0b0011011)
    for week in range(3):
        assert _week(profile, 1 + 4 * week) == [
            ("heavy day", True, "deadlift"),
            ("volume day", False, "dumbbell-rdl"),
            ("moderate day", True, "deadlift"),
            ("volume day", False, "dumbbell-rdl"),
        ]


def test_the_chats_own_days_decide_mon_tue_wed_hinges_monday_and_wednesday() -> None:
    profile = profile_of(CATALOG, "advanced", "gym", None, 3, 0b0000111)
    assert [(day, hinge) for day, hinge, _ in _week(profile, 1)] == [
        ("heavy day", True),
        ("volume day", False),
        ("moderate day", True),
    ]


def test_a_chat_training_the_day_after_a_hinge_day_hinges_with_dumbbells() -> None:
    # Mon, Thu is the chat's; it trained Tuesday and Wednesday instead: Wednesday waits.
    profile = profile_of(CATALOG, "intermediate", "gym", None, 2, 0b0001001)
    days = [MONDAY + timedelta(days=1), MONDAY + timedelta(days=2)]
    weeks = training_weeks(days)
    tuesday, wednesday = (plan_session(CATALOG, profile, number, weeks) for number in (1, 2))
    assert tuesday.exercises[0].exercise.id == "deadlift"
    assert wednesday.exercises[0].exercise.id == "dumbbell-rdl"
    assert wednesday.in_place_of == (("deadlift", "dumbbell-rdl"),)


@settings(max_examples=40, deadline=None)
@given(level=st.sampled_from(list(Level)), days=DAYS)
def test_no_plan_puts_barbell_hinges_on_back_to_back_days_and_every_week_has_each_kind(
    level: Level, days: frozenset[int]
) -> None:
    mask = sum(1 << day for day in days)
    profile = profile_of(CATALOG, level, "gym", None, len(days), mask)
    count = 2 * CATALOG.routines.level(level).block_weeks * profile.per_week
    planned = [plan_session(CATALOG, profile, number) for number in range(1, count + 1)]
    assert rules.check_hinge_days(CATALOG, planned) == []
    assert rules.check_week_kinds(CATALOG, planned) == []
    assert rules.check_barbell_hinges(CATALOG, planned) == []
    # /log and /progress read a day's kind by ``day_kind``: the day the plan gave it.
    assert all(day_kind(CATALOG, profile, s.number) in {s.day or "day 1", "deload week"} for s in planned)
