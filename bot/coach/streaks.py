"""Weekly streaks, derived from the workout log every time instead of kept as a counter that can drift.

A week runs Monday to Sunday in the chat's own calendar (callers convert instants with
:func:`local_day`). A week *counts* when the chat trained on at least ``weekly_target`` distinct
days in it; the streak is the run of counting weeks up to now, where:

- the current week never breaks the run while it is still going: it adds one as soon as it
  reaches the target and is otherwise left out;
- a week touching a paused range (holiday, illness) that missed the target is skipped, neither
  breaking nor extending the run. If the chat trained enough anyway, the week counts like any
  other: being paused should never cost a streak, and training through a holiday deserves credit.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

DEFAULT_WEEKLY_TARGET = 2
_WEEK = timedelta(days=7)


@dataclass(frozen=True)
class StreakSummary:
    current_weeks: int
    best_weeks: int
    this_week: int
    """Distinct training days so far in the current week."""
    weekly_target: int
    total: int
    """Distinct training days up to and including today."""


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
) -> StreakSummary:
    """Streak figures for a chat's log as of ``today``.

    Duplicate days count once and days after ``today`` are ignored (a clock skew between replicas
    must not grant credit early). Pause ranges are inclusive, read up to ``today`` (``so_far``); a range
    whose end precedes its start is ignored.
    """
    if not 1 <= weekly_target <= 7:
        raise ValueError(f"weekly_target must be between 1 and 7 days, got {weekly_target}")
    today = _plain_date(today)
    days = {day for day in map(_plain_date, log_days) if day <= today}
    per_week = Counter(week_start(day) for day in days)
    current = week_start(today)
    pauses = _PausedWeeks(so_far(paused, today))

    run = best = 0
    previous: date | None = None
    # Only weeks with a log entry can count; the empty weeks between them break the run unless
    # every one of them is paused, which _PausedWeeks answers without walking week by week.
    for week in sorted(per_week):
        if previous is not None and not pauses.covers(previous + _WEEK, week - _WEEK):
            run = 0
        if per_week[week] >= weekly_target:
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
    )
