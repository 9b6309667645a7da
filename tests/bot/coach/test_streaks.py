from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.coach.streaks import (
    EVERY_DAY,
    StreakSummary,
    local_day,
    paused_in_week,
    summarize,
    week_start,
    week_target,
)

D = date


def reference(
    log: Sequence[date],
    today: date,
    target: int,
    paused: Sequence[tuple[date, date]],
    workout_days: Collection[int] = EVERY_DAY,
) -> tuple[int, int]:
    """(current, best) by walking every week and every day, straight from the module docstring's rules."""
    days = {day for day in log if day <= today}
    if not days:
        return 0, 0
    current_week = today - timedelta(days=today.weekday())

    def held(day: date) -> bool:
        return any(first <= day <= last for first, last in paused if first <= last)

    def asks(monday: date) -> tuple[bool, int]:
        week = [monday + timedelta(days=d) for d in range(7)]
        if not any(held(day) for day in week):
            return False, target
        free = sum(1 for day in week if day.weekday() in workout_days and not held(day))
        return True, max(1, min(target, free))

    run = best = 0
    earliest = min(days)
    monday = earliest - timedelta(days=earliest.weekday())
    while monday <= current_week:
        trained = sum(1 for day in days if monday <= day <= monday + timedelta(days=6))
        touched, wanted = asks(monday)
        if trained >= wanted:
            run += 1
            best = max(best, run)
        elif monday != current_week and not touched:
            run = 0
        monday += timedelta(days=7)
    return run, best


def twice_a_week(first_monday: date, weeks: int) -> list[date]:
    return [first_monday + timedelta(weeks=w, days=d) for w in range(weeks) for d in (0, 3)]


days_near = st.dates(min_value=D(2020, 10, 1), max_value=D(2021, 4, 30))
logs = st.lists(days_near, max_size=60)
pauses = st.lists(st.tuples(days_near, days_near), max_size=3)
targets = st.integers(min_value=1, max_value=4)
training_days = st.sets(st.integers(min_value=0, max_value=6), min_size=1, max_size=6)


# ------------------------------------------------------------------------------------- properties


@settings(max_examples=400)
@given(log=logs, today=days_near, target=targets, paused=pauses, workout_days=training_days)
def test_matches_a_week_by_week_walk(
    log: list[date], today: date, target: int, paused: list[tuple[date, date]], workout_days: set[int]
) -> None:
    summary = summarize(log, today, target, paused, workout_days)
    assert (summary.current_weeks, summary.best_weeks) == reference(log, today, target, paused, workout_days)
    assert 1 <= summary.target_this_week <= target
    assert summary.best_weeks >= summary.current_weeks >= 0
    assert summary.weekly_target == target
    assert summary.total == len({day for day in log if day <= today})
    assert summary.this_week == len({day for day in log if week_start(today) <= day <= today})
    assert 0 <= summary.this_week <= 7


@given(log=logs, today=days_near, target=targets, paused=pauses, data=st.data())
def test_duplicates_order_and_future_days_change_nothing(
    log: list[date], today: date, target: int, paused: list[tuple[date, date]], data: st.DataObject
) -> None:
    future = data.draw(st.lists(st.dates(min_value=today + timedelta(days=1), max_value=D(2030, 1, 1))))
    noisy = list(reversed(log)) + log + future
    assert summarize(noisy, today, target, paused) == summarize(log, today, target, paused)


@given(log=logs, today=days_near, target=targets)
def test_an_unfinished_week_never_breaks_the_streak(log: list[date], today: date, target: int) -> None:
    before_this_week = [day for day in log if day < week_start(today)]
    with_this_week = summarize(log, today, target)
    without_this_week = summarize(before_this_week, today, target)
    met = with_this_week.this_week >= target
    assert with_this_week.current_weeks == without_this_week.current_weeks + (1 if met else 0)


@given(log=logs, today=days_near, target=targets, paused=pauses, workout_days=training_days)
def test_pausing_never_lowers_a_streak(
    log: list[date], today: date, target: int, paused: list[tuple[date, date]], workout_days: set[int]
) -> None:
    with_pause = summarize(log, today, target, paused, workout_days)
    without = summarize(log, today, target, workout_days=workout_days)
    assert with_pause.current_weeks >= without.current_weeks
    assert with_pause.best_weeks >= without.best_weeks


@given(day=st.dates())
def test_week_start_is_the_iso_monday(day: date) -> None:
    monday = week_start(day)
    assert monday.isoweekday() == 1
    assert 0 <= (day - monday).days <= 6
    year, week, _ = day.isocalendar()
    assert monday == date.fromisocalendar(year, week, 1)


@given(
    instant=st.datetimes(
        min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
    ),
    zone=st.sampled_from(["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Kiritimati", "UTC"]),
)
def test_local_day_follows_the_zone_offset(instant: datetime, zone: str) -> None:
    tz = ZoneInfo(zone)
    offset = instant.astimezone(tz).utcoffset()
    assert offset is not None
    assert local_day(instant, tz) == (instant.replace(tzinfo=None) + offset).date()


# ------------------------------------------------------------------------------------- named cases


def test_empty_log() -> None:
    assert summarize([], D(2024, 5, 15)) == StreakSummary(0, 0, 0, 2, 0, 2, None)


def test_streak_survives_a_week_still_in_progress() -> None:
    log = twice_a_week(D(2024, 4, 1), 3)  # weeks of 1, 8 and 15 April
    assert summarize(log, D(2024, 4, 24)).current_weeks == 3
    assert summarize([*log, D(2024, 4, 22)], D(2024, 4, 24)).current_weeks == 3
    assert summarize([*log, D(2024, 4, 22), D(2024, 4, 24)], D(2024, 4, 24)).current_weeks == 4


def test_a_finished_week_below_target_breaks_it() -> None:
    log = [*twice_a_week(D(2024, 4, 1), 3), D(2024, 4, 23)]
    summary = summarize(log, D(2024, 4, 29))  # Monday after the short week
    assert (summary.current_weeks, summary.best_weeks, summary.this_week) == (0, 3, 0)


def test_a_gap_resets_current_but_keeps_best() -> None:
    log = twice_a_week(D(2024, 1, 1), 4) + twice_a_week(D(2024, 2, 5), 2)  # week of 29 Jan skipped
    summary = summarize(log, D(2024, 2, 15))
    assert (summary.current_weeks, summary.best_weeks, summary.total) == (2, 4, 12)


def test_iso_week_53_and_the_new_year() -> None:
    # 2020 has an ISO week 53: Monday 28 Dec 2020 to Sunday 3 Jan 2021.
    log = [D(2020, 12, 21), D(2020, 12, 24), D(2020, 12, 31), D(2021, 1, 1), D(2021, 1, 4), D(2021, 1, 6)]
    assert D(2020, 12, 31).isocalendar()[:2] == (2020, 53)
    summary = summarize(log, D(2021, 1, 6))
    assert (summary.current_weeks, summary.this_week) == (3, 2)


def test_dec_31_and_jan_1_can_share_a_week() -> None:
    # 31 Dec 2024 (Tuesday) and 1 Jan 2025 (Wednesday) are both in ISO week 2025-W01.
    assert week_start(D(2024, 12, 31)) == week_start(D(2025, 1, 1)) == D(2024, 12, 30)
    summary = summarize([D(2024, 12, 31), D(2025, 1, 1)], D(2025, 1, 5))
    assert (summary.current_weeks, summary.this_week) == (1, 2)
    assert summarize([D(2024, 12, 31), D(2025, 1, 1)], D(2025, 1, 6)).current_weeks == 1


def test_duplicate_days_count_once() -> None:
    summary = summarize([D(2024, 5, 13)] * 5, D(2024, 5, 15))
    assert (summary.this_week, summary.total, summary.current_weeks) == (1, 1, 0)


def test_future_days_are_ignored() -> None:
    summary = summarize([D(2024, 5, 13), D(2024, 5, 16)], D(2024, 5, 15))
    assert (summary.this_week, summary.total, summary.current_weeks) == (1, 1, 0)


def test_weekly_target_of_one() -> None:
    log = [D(2024, 5, 6), D(2024, 5, 13), D(2024, 5, 20)]
    assert summarize(log, D(2024, 5, 20), weekly_target=1).current_weeks == 3


@pytest.mark.parametrize("target", [0, -1, 8])
def test_impossible_targets_are_refused(target: int) -> None:
    with pytest.raises(ValueError, match="weekly_target"):
        summarize([], D(2024, 5, 15), weekly_target=target)


def test_a_paused_week_is_skipped() -> None:
    log = twice_a_week(D(2024, 7, 1), 2) + twice_a_week(D(2024, 7, 22), 1)  # week of 15 July missing
    today = D(2024, 7, 26)
    assert summarize(log, today).current_weeks == 1
    holiday = [(D(2024, 7, 13), D(2024, 7, 16))]  # touches the weeks of 8 and 15 July
    summary = summarize(log, today, paused=holiday)
    assert (summary.current_weeks, summary.best_weeks) == (3, 3)


def test_a_paused_week_that_still_met_the_target_counts() -> None:
    log = twice_a_week(D(2024, 7, 1), 3)
    summary = summarize(log, D(2024, 7, 18), paused=[(D(2024, 7, 8), D(2024, 7, 14))])
    assert summary.current_weeks == 3


def test_a_paused_week_with_one_session_is_skipped_not_broken() -> None:
    log = [*twice_a_week(D(2024, 7, 1), 1), D(2024, 7, 9), *twice_a_week(D(2024, 7, 15), 1)]
    assert summarize(log, D(2024, 7, 19)).current_weeks == 1
    assert summarize(log, D(2024, 7, 19), paused=[(D(2024, 7, 8), D(2024, 7, 8))]).current_weeks == 2


def test_a_long_pause_bridges_many_empty_weeks() -> None:
    log = twice_a_week(D(2024, 1, 1), 2)
    today = D(2024, 6, 5)
    assert summarize(log, today).current_weeks == 0
    pauses = [(D(2024, 1, 15), D(2024, 3, 1)), (D(2024, 3, 2), D(2024, 6, 2))]
    assert summarize(log, today, paused=pauses).current_weeks == 2
    gap_left = [(D(2024, 1, 15), D(2024, 3, 1)), (D(2024, 3, 11), D(2024, 6, 2))]  # week of 4 March open
    assert summarize(log, today, paused=gap_left).current_weeks == 0


def test_a_reversed_pause_range_is_ignored() -> None:
    log = twice_a_week(D(2024, 7, 1), 1) + twice_a_week(D(2024, 7, 15), 1)
    assert summarize(log, D(2024, 7, 18), paused=[(D(2024, 7, 14), D(2024, 7, 8))]).current_weeks == 1
    assert summarize(log, D(2024, 7, 18), paused=[(D(2024, 7, 8), D(2024, 7, 14))]).current_weeks == 2


def test_datetimes_are_refused() -> None:
    with pytest.raises(TypeError, match="local_day"):
        summarize([datetime(2024, 5, 13, 18, 0, tzinfo=UTC)], D(2024, 5, 15))


def test_late_evening_utc_is_the_next_day_in_berlin() -> None:
    instant = datetime(2024, 3, 10, 23, 30, tzinfo=UTC)
    assert local_day(instant, ZoneInfo("Europe/Berlin")) == D(2024, 3, 11)
    assert local_day(instant, ZoneInfo("UTC")) == D(2024, 3, 10)
    assert local_day(instant, ZoneInfo("America/Los_Angeles")) == D(2024, 3, 10)


def test_early_morning_utc_is_the_previous_day_in_new_york() -> None:
    instant = datetime(2024, 1, 1, 3, 0, tzinfo=UTC)
    assert local_day(instant, ZoneInfo("America/New_York")) == D(2023, 12, 31)
    assert local_day(instant, ZoneInfo("Pacific/Kiritimati")) == D(2024, 1, 1)


def test_local_day_decides_the_week_across_a_sunday_midnight() -> None:
    # 23:30 UTC on Sunday 31 Dec is already Monday 1 Jan in Berlin: another week and another year.
    instant = datetime(2023, 12, 31, 23, 30, tzinfo=UTC)
    berlin = local_day(instant, ZoneInfo("Europe/Berlin"))
    assert berlin == D(2024, 1, 1)
    assert week_start(berlin) != week_start(instant.date())


def test_local_day_refuses_naive_datetimes() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        local_day(datetime(2024, 3, 10, 23, 30), ZoneInfo("Europe/Berlin"))


# ------------------------------------------------------------------------------------- weeks a pause touched

MON_WED_FRI = {0, 2, 4}
mondays = st.dates(min_value=D(2020, 10, 1), max_value=D(2021, 4, 30)).map(week_start)


@given(monday=mondays, target=st.integers(1, 7), workout_days=training_days, paused=pauses, more=pauses)
def test_a_week_asks_for_its_free_training_days_between_one_and_the_target(
    monday: date,
    target: int,
    workout_days: set[int],
    paused: list[tuple[date, date]],
    more: list[tuple[date, date]],
) -> None:
    asked = week_target(monday, target, paused, workout_days)
    assert 1 <= asked <= target
    if paused_in_week(monday, paused) is None:
        assert asked == target
    # More paused days never ask for more.
    assert week_target(monday, target, [*paused, *more], workout_days) <= asked


@given(
    monday=mondays,
    target=st.integers(1, 4),
    workout_days=training_days,
    first=st.integers(0, 6),
    length=st.integers(0, 9),
)
def test_training_on_every_free_day_of_a_paused_week_counts_it(
    monday: date, target: int, workout_days: set[int], first: int, length: int
) -> None:
    pause = (monday + timedelta(days=first), monday + timedelta(days=first + length))
    free = [
        monday + timedelta(days=d)
        for d in sorted(workout_days)
        if not pause[0] <= monday + timedelta(days=d) <= pause[1]
    ]
    trained = free[:target] or [monday + timedelta(days=first)]  # every day held: one session on holiday
    week_after = monday + timedelta(days=7 + 3)
    assert summarize(trained, week_after, target, [pause], workout_days).best_weeks == 1


def test_the_week_a_pause_ended_asks_only_for_the_days_left() -> None:
    # Mon/Wed/Fri, paused Mon 8 to Wed 10 July: Thursday's /streak asks for Friday's session alone.
    pause = [(D(2024, 7, 8), D(2024, 7, 10))]
    log = [D(2024, 7, 1), D(2024, 7, 3), D(2024, 7, 5)]
    thursday = summarize(log, D(2024, 7, 11), 3, pause, MON_WED_FRI)
    assert (thursday.target_this_week, thursday.paused_this_week) == (1, (D(2024, 7, 8), D(2024, 7, 10)))
    assert thursday.current_weeks == 1
    friday = summarize([*log, D(2024, 7, 12)], D(2024, 7, 12), 3, pause, MON_WED_FRI)
    assert friday.current_weeks == 2, "Friday's session counts the week"
    # Missed, the week is passed by, never broken.
    assert summarize(log, D(2024, 7, 15), 3, pause, MON_WED_FRI).current_weeks == 1


def test_a_pause_later_this_week_is_this_weeks_and_no_earlier_weeks() -> None:
    coming = [(D(2024, 7, 12), D(2024, 7, 21))]  # from Friday through the next week
    summary = summarize([D(2024, 7, 8)], D(2024, 7, 9), 3, coming, MON_WED_FRI)
    assert (summary.target_this_week, summary.paused_this_week) == (2, (D(2024, 7, 12), D(2024, 7, 14)))
    assert paused_in_week(D(2024, 7, 1), coming) is None
