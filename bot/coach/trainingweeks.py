"""A chat's training weeks, which a block's weeks are counted in (``bot.coach.planner``).

A coach counts a block in weeks of training: a trainee who trains three times a week is in week 2 in
their second week, not after their third session, and a holiday week with no session does not use a
week of the block up. A week is a calendar week, Monday to Sunday, of the chat's local dates (the days
its sessions were logged on), as streaks count them.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from bot.coach.streaks import week_start


@dataclass(frozen=True)
class Weeks:
    """The chat's training weeks: ``starts`` are the numbers of the sessions that opened one (sessions
    numbered in date order from 1), known for the first ``sessions`` sessions.

    Past those, sessions are counted at the weekly target: the last known week is filled up to it, then
    each week takes that many (``backcoach plan``'s preview). ``Weeks()`` is the plan alone.
    """

    starts: tuple[int, ...] = ()
    sessions: int = 0
    day_after: frozenset[int] = frozenset()
    """The known sessions logged the day after the one before them (a barbell hinge waits a day)."""

    def first(self, week: int, per_week: int) -> int:
        """The number of the session that opens training week ``week`` (from 0)."""
        if week < len(self.starts):
            return self.starts[week]
        room = 0
        if self.starts:
            room = max(0, per_week - (self.sessions - self.starts[-1] + 1))
        return self.sessions + room + 1 + (week - len(self.starts)) * per_week

    def week_of(self, number: int, per_week: int) -> int:
        """The training week (from 0) session ``number`` falls in."""
        if number <= self.sessions:
            return bisect.bisect_right(self.starts, number) - 1
        week = max(0, len(self.starts) - 1)
        while self.first(week + 1, per_week) <= number:
            week += 1
        return week

    def upto(self, number: int) -> Weeks:
        """What session ``number`` needs of these weeks: the same answers for it and every session before
        it, so chats whose pasts agree up to it share a plan (and the planner's caches)."""
        if number >= self.sessions:
            return self
        kept = frozenset(after for after in self.day_after if after <= number)
        return Weeks(tuple(start for start in self.starts if start <= number), number, kept)


PLANNED = Weeks()


def training_weeks(days: Sequence[date]) -> Weeks:
    """The ``Weeks`` of the days a chat trained (local dates, any order, repeats counted once): a session
    opens a week when it is the first in its calendar week."""
    ordered = sorted(set(days))
    starts = tuple(
        number
        for number, day in enumerate(ordered, 1)
        if number == 1 or week_start(day) != week_start(ordered[number - 2])
    )
    day_after = frozenset(
        number
        for number, (before, day) in enumerate(itertools.pairwise(ordered), 2)
        if (day - before).days == 1
    )
    return Weeks(starts, len(ordered), day_after)


def weeks_until(days: Sequence[date], day: date) -> tuple[int, Weeks]:
    """The number ``day``'s session has (or, not logged yet, would have) and the weeks up to it: the days
    trained before it, and it."""
    before = [logged for logged in days if logged < day]
    weeks = training_weeks([*before, day])
    return weeks.sessions, weeks
