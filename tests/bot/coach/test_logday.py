"""The day typed in a /log, before or after its sets, read as /done reads its day (``logday.day_typed``)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.coach import logday
from bot.coach.catalog import Catalog
from bot.coach.logday import Typed, day_typed
from bot.coach.sessionlog import DayError, parse_day

TUESDAY = date(2026, 11, 24)
MONDAY, SUNDAY = TUESDAY - timedelta(1), TUESDAY - timedelta(2)
FAR, FUTURE = DayError("log.too_far_back"), DayError("log.future_day")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("pull-up 8 7 6 yesterday", Typed("pull-up 8 7 6", MONDAY)),
        ("yesterday pull-up 8 7 6", Typed("pull-up 8 7 6", MONDAY)),
        ("yesterday: row 3x10 40kg; pull-up 5,5,4", Typed("row 3x10 40kg; pull-up 5,5,4", MONDAY)),
        ("row 3x10 40kg, yesterday", Typed("row 3x10 40kg", MONDAY)),
        ("row 3x10 40kg last night", Typed("row 3x10 40kg", MONDAY)),
        ("row 3x10 40kg 2 days ago", Typed("row 3x10 40kg", SUNDAY)),
        ("the day before yesterday row 3x10", Typed("row 3x10", SUNDAY)),
        ("row 3x10 on monday", Typed("row 3x10", MONDAY)),
        ("on sun: row 3x10", Typed("row 3x10", SUNDAY)),
        ("row 3x10 2026-11-23", Typed("row 3x10", MONDAY)),
        ("row 3x10 40kg today", Typed("row 3x10 40kg", TUESDAY)),
        ("row 3x10 this morning", Typed("row 3x10", TUESDAY)),
        # The note after "#" stays with the sets, and a day in it is no day of theirs.
        ("pull-up 8 7 6 yesterday # tired", Typed("pull-up 8 7 6 # tired", MONDAY)),
        ("pull-up 8 7 6 # one more than yesterday", Typed("pull-up 8 7 6 # one more than yesterday", None)),
        # Out of /done's window: the day, to be refused.
        ("row 3x10 3 days ago", Typed("row 3x10", FAR)),
        ("thursday row 3x10", Typed("row 3x10", FAR)),
        ("row 3x10 2026-11-25", Typed("row 3x10", FUTURE)),
        # What /done does not read stays among the sets (``when_told`` tells it).
        ("row 3x10 tomorrow", Typed("row 3x10 tomorrow", None)),
        ("row 3x10 last week", Typed("row 3x10 last week", None)),
        # A number is a set unless it says it counts days.
        ("pull-up 8 7 6", Typed("pull-up 8 7 6", None)),
        ("pull-up 8 7 2", Typed("pull-up 8 7 2", None)),
        ("row 3x10 40kg 2d", Typed("row 3x10 40kg 2d", None)),
        ("", Typed("", None)),
        ("yesterday", Typed("", MONDAY)),
    ],
)
def test_day_typed(typed: str, expected: Typed) -> None:
    assert day_typed(typed, TUESDAY) == expected


CATALOG = Catalog.load()
NAMES = sorted(
    {name for ex in CATALOG.exercises.values() for name in (ex.name, ex.short, *ex.aliases) if name}
)


@pytest.mark.parametrize("name", NAMES)
def test_no_exercise_name_reads_as_a_day(name: str) -> None:
    for typed in (f"{name} 3x10 40kg", f"{name} 8 7 6", f"{name} 3x30s # held"):
        assert day_typed(typed, TUESDAY) == Typed(typed, None), typed


DAYS = ["today", "yesterday", "yday", "last night", "2 days ago", "1 day ago", "day before yesterday"]
DAYS += ["mon", "monday", "sunday", "tue", "2026-11-23", "2 days back"]


@given(
    name=st.sampled_from(NAMES),
    sets=st.lists(st.integers(1, 30), min_size=1, max_size=6),
    load=st.none() | st.integers(1, 300),
    day=st.sampled_from(DAYS),
    first=st.booleans(),
    today=st.dates(date(2000, 1, 1), date(2100, 1, 1)),
)
def test_a_day_before_or_after_any_sets_is_the_day_done_reads(
    name: str, sets: list[int], load: int | None, day: str, first: bool, today: date
) -> None:
    logged = " ".join([name, *map(str, sets), *([f"{load}kg"] if load else [])])
    typed = f"{day} {logged}" if first else f"{logged} {day}"
    assert day_typed(typed, today) == Typed(logged, parse_day(day, today))


@pytest.mark.parametrize(
    ("text", "far"),
    [
        ("deadlift 100x5 last week", True),  # a trial: "I couldn't tell which day that was"
        ("row 3x8 5 days ago", True),
        ("row 3x8 three weeks ago", True),
        ("row 3x8 a week ago", True),
        ("row 3x8 last friday", True),  # Tuesday 8 Dec: Friday was four days back
        ("row 3x8 last sunday", False),  # two days back: /log takes it
        ("row 3x8 two days ago", False),
        ("row 3x8 the other day", False),  # which day is unclear: that is what /log says
        ("row 3x8 # a week ago I did less", False),
        ("row 3x8, more than last week", False),  # compared with, not the day of the sets
    ],
)
def test_a_past_day_further_back_than_the_window_is_told_apart(text: str, far: bool) -> None:
    assert logday.too_far_back(text.partition("#")[0], date(2026, 12, 8)) is far


@given(st.integers(min_value=10_000, max_value=10**40))
def test_a_day_too_far_back_in_any_number_of_days_is_refused_not_an_overflow(days: int) -> None:
    # /done 99999999999 days ago once raised OverflowError from timedelta (the command fuzz test found it).
    assert isinstance(parse_day(f"{days} days ago", date(2026, 12, 7)), DayError)
