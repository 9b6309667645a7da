"""A dumbbell accessory or home load logged weeks ago starts again there, not a size up."""

from __future__ import annotations

from datetime import date, timedelta

from bot.coach.lapsed import as_loaded, days_lapsed, weeks_ago
from bot.coach.model import SetDone
from bot.coach.progression import Plan, Prescription, Reason

DAY = date(2026, 11, 2)
PLAN = Plan(sets=2, rep_range=(12, 15), target_rir=3, increment=2.5)


def days(*offsets: int) -> list[date]:
    return [DAY + timedelta(days=n) for n in offsets]


def test_more_than_two_weeks_since_is_a_break_and_two_weeks_is_not() -> None:
    assert days_lapsed(days(0), DAY + timedelta(days=15)) == 15
    assert days_lapsed(days(0), DAY + timedelta(days=14)) == 0
    assert days_lapsed([], DAY) == 0 and days_lapsed(days(0), None) == 0


def test_a_lift_on_a_three_week_rhythm_is_not_on_a_break() -> None:
    # A fly every third session of a once-a-week plan: three weeks apart every time, still progressing.
    assert days_lapsed(days(0, 21), DAY + timedelta(days=42)) == 0
    assert days_lapsed(days(0, 21), DAY + timedelta(days=50)) == 29
    assert days_lapsed(days(0, 7), DAY + timedelta(days=22)) == 15


def test_after_a_break_the_next_dumbbell_up_becomes_last_times_load_at_its_weakest_reps() -> None:
    last = [SetDone(15, 10.0), SetDone(13, 10.0)]
    heavier = Prescription("rear-delt-fly", 2, 12, 12.5, Reason.ADD_LOAD)
    held, lapsed = as_loaded(heavier, last, PLAN, days(0), DAY + timedelta(days=21))
    assert (held.load, held.reps, held.sets, held.reason, lapsed) == (10.0, 13, 2, Reason.LAPSED, 21)
    recent, lapsed = as_loaded(heavier, last, PLAN, days(0), DAY + timedelta(days=3))
    assert (recent.load, recent.reason, lapsed) == (10.0, Reason.ADD_LOAD, 0)
    # Reps below the range start at its bottom; a first time (nothing logged) is left as it is.
    low, _ = as_loaded(heavier, [SetDone(9, 10.0)], PLAN, days(0), DAY + timedelta(days=21))
    assert low.reps == 12
    start = Prescription("rear-delt-fly", 2, 12, None, Reason.START)
    assert as_loaded(start, [], PLAN, [], DAY) == (start, 0)


def test_weeks_are_whole_weeks_and_at_least_two() -> None:
    assert [weeks_ago(n) for n in (15, 21, 27, 28)] == [2, 3, 3, 4]
