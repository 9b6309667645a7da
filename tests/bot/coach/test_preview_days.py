"""`backcoach plan --days`: the plan a chat with those training days gets, as the bot plans it.

A coach previewing a plan could not say which days the chat trains on, though the bot places its heavy days
and barbell hinges by them (``trainingdays.apart``, ``week_turns``): `--days mon,thu` or a count now gives
the profile a chat with those days has, and each session says the weekday it falls on.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.coach import rules
from bot.coach.model import Level
from bot.coach.planner import plan_session
from bot.coach.preview import PlanArgumentError, as_json, as_text, days_from_flag, profile_from_flags, weekday
from bot.coach.profile import profile_of
from bot.coach.trainingdays import apart
from scheduler.slots import parse_days

CATALOG = rules.shipped()
HINGES = {"Barbell deadlift", "Barbell Romanian deadlift"}


def mask(days: frozenset[int]) -> int:
    return sum(1 << day for day in days)


@pytest.mark.parametrize(
    ("typed", "days"),
    [
        ("mon,thu", {0, 3}),
        ("Tuesday and Friday", {1, 4}),
        ("mon-wed", {0, 1, 2}),
        ("2", {0, 3}),
        ("3", {0, 2, 4}),
        ("4", {0, 1, 3, 4}),
        ("5", {0, 1, 2, 3, 4}),
    ],
)
def test_days_are_read_as_schedule_reads_them_and_a_count_as_set_up_offers_it(
    typed: str, days: set[int]
) -> None:
    assert days_from_flag(typed, parse_days) == frozenset(days)


@pytest.mark.parametrize(
    ("typed", "said"), [("mon,xyz", "xyz"), ("0", "not 0"), ("9", "not 9"), ("", "Which days")]
)
def test_days_it_cannot_use_name_the_flag(typed: str, said: str) -> None:
    with pytest.raises(PlanArgumentError, match="--days") as error:
        days_from_flag(typed, parse_days)
    assert said in str(error.value)


def test_a_weekly_target_that_disagrees_with_the_days_is_refused() -> None:
    with pytest.raises(PlanArgumentError, match="--per-week 3 and --days"):
        profile_from_flags(CATALOG, "beginner", "gym", None, 3, frozenset({0, 3}))
    assert profile_from_flags(CATALOG, "beginner", "gym", None, 2, frozenset({0, 3})).per_week == 2


@given(
    days=st.frozensets(st.integers(0, 6), min_size=1, max_size=6),
    level=st.sampled_from(list(Level)),
    home=st.sampled_from([None, "bar,bands", "dumbbells", ""]),
)
def test_the_preview_plans_by_the_days_as_the_bot_does_for_a_chat_with_them(
    days: frozenset[int], level: Level, home: str | None
) -> None:
    equipment = "gym" if home is None else "home"
    profile = profile_from_flags(CATALOG, str(level), equipment, home, None, days)
    # The bot's profile of a stored chat with those days: its mask, and its weekly target their number.
    stored = profile_of(CATALOG, str(level), equipment, home, len(days), mask(days))
    assert profile == stored
    ordered = sorted(days)
    places = apart(days, CATALOG.routines.barbell_hinge_days)
    for number in range(1, 2 * len(days) + 1):
        session = plan_session(CATALOG, profile, number)
        assert weekday(session) == ordered[(number - 1) % len(days)]
        assert (
            as_json(session)["weekday"] == ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[weekday(session)]
        )
        # A barbell hinge only on the days the week's hinges go to, never back to back where they allow.
        if any(item.exercise.name in HINGES for item in session.exercises):
            assert (number - 1) % len(days) in places, (sorted(days), number)


def test_the_text_names_each_sessions_weekday() -> None:
    profile = profile_from_flags(CATALOG, "advanced", "gym", None, None, frozenset({0, 1, 3, 4}))
    texts = [as_text(plan_session(CATALOG, profile, number)) for number in range(1, 5)]
    assert [text.splitlines()[0] for text in texts] == [
        "— Monday —",
        "— Tuesday —",
        "— Thursday —",
        "— Friday —",
    ]
    # Mon, Tue, Thu, Fri: heavy, volume, moderate, volume, the deadlift Monday and Thursday (the bot's week).
    assert [text.splitlines()[1].rsplit("· ", 1)[1] for text in texts] == [
        "heavy day",
        "volume day",
        "moderate day",
        "volume day",
    ]
    assert ["1. Barbell deadlift" in text for text in texts] == [True, False, True, False]
