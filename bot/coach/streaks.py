"""Weekly streaks, derived from the workout log every time instead of kept as a counter that can drift.

A week runs Monday to Sunday in the chat's own calendar (callers convert instants with
:func:`local_day`). A week *counts* when the chat trained on at least its target of distinct days in it;
the streak is the run of counting weeks up to now, where:

- the current week never breaks the run while it is still going: it adds one as soon as it
  reaches its target and is otherwise left out;
- a week's target is ``weekly_target``, but a week a paused range (holiday, illness) touches asks only
  for the chat's training days the pause left free in it, one at least (``week_target``): away Monday to
  Wednesday on a Monday/Wednesday/Friday plan, Friday's session counts the week, as a coach would count
  it. A newcomer trial's /streak asked for "2 more sessions this week" in the week a pause ended, the
  whole week's, while /progress shaded that week as paused;
- a week touching a pause that missed its target is skipped, neither breaking nor extending the run:
  being paused should never cost a streak, and training through a holiday deserves credit;
- a pause still to come touches no week before its own: its days later in the current week count,
  those of weeks to come do not (``up_to_week``).
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

DEFAULT_WEEKLY_TARGET = 2
_WEEK = timedelta(days=7)


# Every weekday a training day: a caller that does not say which days the chat trains.
EVERY_DAY = frozenset(range(7))


@dataclass(frozen=True)
class StreakSummary:
    current_weeks: int
    best_weeks: int
    this_week: int
    """Distinct training days so far in the current week."""
    weekly_target: int
    total: int
    """Distinct training days up to and including today."""
    target_this_week: int
    """What the current week asks for: ``weekly_target``, or less where a pause touches it."""
    paused_this_week: tuple[date, date] | None
    """The first and last paused days of the current week, when a pause touches it."""


def week_start(day: date) -> date:
    """The Monday of the ISO week holding ``day``."""
    return day - timedelta(days=day.weekday())


def local_day(instant: datetime, tz: ZoneInfo) -> date:
    """The calendar day ``instant`` falls on for someone living in ``tz``."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("local_day needs a timezone-aware instant; naive datetimes are ambiguous")
    return instant.astimezone(tz).date()


class _PausedWeeks:
    """The weeks touched by pause ranges, merged into runs of consecutive week starts."""

    def __init__(self, ranges: Iterable[tuple[date, date]]) -> None:
        spans = sorted(
            (week_start(first), week_start(last))
            for first, last in ranges
            if _plain_date(first) <= _plain_date(last)
        )
        merged: list[list[date]] = []
        for first, last in spans:
            # Merge on "next week starts right after": a run of back-to-back paused weeks is one gap.
            if merged and first - merged[-1][1] <= _WEEK:
                merged[-1][1] = max(merged[-1][1], last)
            else:
                merged.append([first, last])
        self._starts = [span[0] for span in merged]
        self._ends = [span[1] for span in merged]

    def covers(self, first: date, last: date) -> bool:
        """Whether every week from ``first`` to ``last`` (week starts, inclusive) is paused."""
        if first > last:
            return True
        index = bisect.bisect_right(self._starts, first) - 1
        return index >= 0 and self._ends[index] >= last


def paused_weeks(paused: Iterable[tuple[date, date]], weeks: Iterable[date]) -> frozenset[date]:
    """Which of ``weeks`` (Mondays) touch a pause range: the weeks the streak passes by when they miss the
    target, so that /progress passes them by too."""
    pauses = _PausedWeeks(paused)
    return frozenset(week for week in weeks if pauses.covers(week, week))


def so_far(paused: Iterable[tuple[date, date]], today: date) -> list[tuple[date, date]]:
    """The pause ranges' days up to ``today``: a pause still to come ("/pause from 2 jan") passes no week by
    before its days come, and one running passes by only the days it has held."""
    return [(first, min(last, today)) for first, last in paused if first <= today]


def up_to_week(paused: Iterable[tuple[date, date]], today: date) -> list[tuple[date, date]]:
    """The pause ranges' days up to the end of ``today``'s week: a pause still to come touches no week
    before its own, and its days later this week are this week's, which asks for less (``week_target``)."""
    return so_far(paused, week_start(today) + timedelta(days=6))


def paused_in_week(monday: date, paused: Iterable[tuple[date, date]]) -> tuple[date, date] | None:
    """The first and last days of the week from ``monday`` that a pause range holds; None for none."""
    sunday = monday + timedelta(days=6)
    held = [
        (max(first, monday), min(last, sunday))
        for first, last in paused
        if max(first, monday) <= min(last, sunday)  # a reversed range holds no day
    ]
    return (min(f for f, _ in held), max(last for _, last in held)) if held else None


def week_target(
    monday: date,
    weekly_target: int,
    paused: Iterable[tuple[date, date]],
    workout_days: Collection[int] = EVERY_DAY,
) -> int:
    """The sessions the week from ``monday`` asks for: ``weekly_target``, or, in a week a pause range
    touches, the chat's training days (``workout_days``, Monday = 0) the pause left free in it, one at
    least and ``weekly_target`` at most."""
    sunday = monday + timedelta(days=6)
    ranges = [(first, last) for first, last in paused if max(first, monday) <= min(last, sunday)]
    if not ranges:
        return weekly_target
    free = sum(
        1
        for weekday in set(workout_days)
        if not any(first <= monday + timedelta(days=weekday) <= last for first, last in ranges)
    )
    return max(1, min(weekly_target, free))


def _plain_date(day: date) -> date:
    # datetime is a subclass of date, but comparing it with a date raises, and its "day" depends
    # on a timezone this module cannot know, so it is refused with a pointer to the right tool.
    if isinstance(day, datetime):
        raise TypeError(f"expected a date, got datetime {day!r}; convert it with local_day()")
    return day


def summarize(
    log_days: Iterable[date],
    today: date,
    weekly_target: int = DEFAULT_WEEKLY_TARGET,
    paused: Iterable[tuple[date, date]] = (),
    workout_days: Collection[int] = EVERY_DAY,
) -> StreakSummary:
    """Streak figures for a chat's log as of ``today``.

    Duplicate days count once and days after ``today`` are ignored (a clock skew between replicas
    must not grant credit early). Pause ranges are inclusive, read up to the end of this week
    (``up_to_week``); a range whose end precedes its start is ignored. ``workout_days`` (Monday = 0) are
    the chat's training days, which say what a week a pause touched asks for (``week_target``).
    """
    if not 1 <= weekly_target <= 7:
        raise ValueError(f"weekly_target must be between 1 and 7 days, got {weekly_target}")
    today = _plain_date(today)
    days = {day for day in map(_plain_date, log_days) if day <= today}
    per_week = Counter(week_start(day) for day in days)
    current = week_start(today)
    known = [(_plain_date(first), _plain_date(last)) for first, last in up_to_week(paused, today)]
    pauses = _PausedWeeks(known)

    run = best = 0
    previous: date | None = None
    # Only weeks with a log entry can count; the empty weeks between them break the run unless
    # every one of them is paused, which _PausedWeeks answers without walking week by week (an empty
    # week asks for one session at least, so a paused one is always passed by).
    for week in sorted(per_week):
        if previous is not None and not pauses.covers(previous + _WEEK, week - _WEEK):
            run = 0
        if per_week[week] >= week_target(week, weekly_target, known, workout_days):
            run += 1
            best = max(best, run)
        elif week != current and not pauses.covers(week, week):
            run = 0
        previous = week
    if previous is not None and previous < current and not pauses.covers(previous + _WEEK, current - _WEEK):
        run = 0

    return StreakSummary(
        current_weeks=run,
        best_weeks=best,
        this_week=per_week.get(current, 0),
        weekly_target=weekly_target,
        total=len(days),
        target_this_week=week_target(current, weekly_target, known, workout_days),
        paused_this_week=paused_in_week(current, known),
    )
