"""The weeks the /progress chart covers: at most the last ``WEEKS``, from the week of the chat's first
session in them, and never fewer than ``MIN_WEEKS`` drawn.

A newcomer trial three weeks in read "6 sessions in 12 weeks" under a sessions panel of 12 bars, 8 of
them empty: the twelve weeks are the most the chart looks back, not the period a young chat has trained.
The caption now counts the weeks trained ("6 sessions in 3 weeks") and the panel draws those weeks, padded
to ``MIN_WEEKS`` so a first week's chart is not one bar the panel's width.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from bot.coach.streaks import week_start

WEEKS = 12
MIN_WEEKS = 4


def chart_weeks(today: date, weeks: int = WEEKS) -> list[date]:
    """The Mondays of the last ``weeks`` weeks, the last one today's."""
    return [week_start(today) - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]


def weeks_trained(today: date, days: Iterable[date]) -> int:
    """How many of the last ``WEEKS`` weeks the chat has trained in: from the week of the first of
    ``days`` (sessions done or sets logged) in them through today's; 0 with none in them."""
    since = chart_weeks(today)[0]
    first = min((day for day in days if day >= since), default=None)
    if first is None:
        return 0
    # A day after today (none is logged so, but a clock may disagree) still counts its own week.
    return max(1, (week_start(today) - week_start(first)).days // 7 + 1)


def drawn_weeks(trained: int, today: date) -> list[date]:
    """The sessions panel's weeks: those trained, ``MIN_WEEKS`` at least."""
    return chart_weeks(today, max(trained, MIN_WEEKS))


def per_week(days: Sequence[date], weeks: list[date]) -> list[int]:
    """Sessions in each of ``weeks`` (Mondays), a day counted once."""
    counted = Counter(week_start(day) for day in set(days))
    return [counted.get(monday, 0) for monday in weeks]
