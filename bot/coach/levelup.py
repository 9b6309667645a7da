"""When to suggest moving up a level, and when to suggest an easier week back. Never automatic.

A level is the coach's guess at what a trainee is ready for; the log is the evidence. Moving up is
suggested when both halves of the evidence agree:

- **consistency**: the weekly target met in at least 6 of the last 8 complete weeks (the current week
  is still going and is left out), and
- **progress**: every main lift logged in those weeks got better from its first session there to its
  last (more load, or the same load for more reps), at least one of them logged, a deload week's
  sessions left out (lighter on purpose, ``bot.coach.deload``); a home trainee
  qualifies on progress as well with 5 strict pull-ups in one set, the article's mark of a solid base.

The suggestion has buttons (Move up / Not yet); whatever the answer, it is not asked again for two
weeks, so "Not yet" is respected without being forgotten. Advanced trainees have nowhere to move up to.

After a break of four weeks or more the first week back should be easier: strength fades slower than
the feel for a heavy bar, and an easy week brings the feel back without sore days. Pure: every date is
passed in, nothing reads a clock.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from bot.coach.model import Level, SetDone
from bot.coach.streaks import week_start

WINDOW_WEEKS = 8
WEEKS_NEEDED = 6
ASK_AGAIN_AFTER = timedelta(weeks=2)
BREAK = timedelta(weeks=4)
FIRST_WEEK = timedelta(days=7)
STRICT_PULL_UPS = 5
PULL_UP = "pull-up"
NEXT_LEVEL = {Level.BEGINNER: Level.INTERMEDIATE, Level.INTERMEDIATE: Level.ADVANCED}


@dataclass(frozen=True)
class LevelUp:
    """The verdict, with the figures behind it so the message can say why."""

    suggest: bool
    to: Level | None  # the level to suggest, when ``suggest``
    weeks_met: int  # of the last WINDOW_WEEKS complete weeks
    progressed: bool


def level_up(
    *,
    today: date,
    level: Level,
    training_days: Iterable[date],
    weekly_target: int,
    main_lifts: Mapping[str, Sequence[tuple[date, SetDone]]],
    home: bool = False,
    asked_on: date | None = None,
    deloads: Collection[date] = frozenset(),
) -> LevelUp:
    """Whether to suggest the next level today.

    ``training_days`` are the member's logged days; ``main_lifts`` each main lift's logged sets as
    (day, set) pairs, oldest first (other days are ignored); ``asked_on`` the last time it was suggested;
    ``deloads`` the days of deload weeks, whose sets say nothing of progress.
    """
    target = NEXT_LEVEL.get(level)
    this_monday = week_start(today)
    start = this_monday - timedelta(weeks=WINDOW_WEEKS)
    met = weeks_met(training_days, weekly_target, start, this_monday)
    in_window = {
        lift: [(d, s) for d, s in sets if start <= d < this_monday and d not in deloads]
        for lift, sets in main_lifts.items()
    }
    progressed = lifts_progressed(in_window.values())
    if home and not progressed:
        progressed = any(done.reps >= STRICT_PULL_UPS for _, done in in_window.get(PULL_UP, []))
    recently_asked = asked_on is not None and today - asked_on < ASK_AGAIN_AFTER
    suggest = target is not None and met >= WEEKS_NEEDED and progressed and not recently_asked
    return LevelUp(suggest, target if suggest else None, met, progressed)


def weeks_met(days: Iterable[date], weekly_target: int, start: date, end: date) -> int:
    """How many weeks from the Monday ``start`` up to (not including) the Monday ``end`` met the target."""
    per_week = Counter(week_start(day) for day in set(days) if start <= day < end)
    return sum(1 for count in per_week.values() if count >= weekly_target)


def lifts_progressed(lifts: Iterable[Sequence[tuple[date, SetDone]]]) -> bool:
    """Every lift with two or more sessions improved from its first to its last; at least one did."""
    verdicts = []
    for sets in lifts:
        sessions = sorted({day for day, _ in sets})
        if len(sessions) < 2:
            continue
        first = _best(done for day, done in sets if day == sessions[0])
        last = _best(done for day, done in sets if day == sessions[-1])
        verdicts.append(last > first)
    return bool(verdicts) and all(verdicts)


def _best(sets: Iterable[SetDone]) -> tuple[float, int]:
    """A session's top set, compared as double progression does: load first, then reps at that load."""
    return max(((done.load or 0.0, done.reps) for done in sets), default=(0.0, 0))


def first_week_back(today: date, training_days: Iterable[date]) -> bool:
    """Whether today falls in the first week after a break of four weeks or more.

    True while nothing has been logged since the break, and for seven days from the first session
    back; a trainee with no history before the gap is new, not back.
    """
    days = sorted({day for day in training_days if day <= today})
    if not days:
        return False
    if today - days[-1] >= BREAK:
        return True
    for after, before in pairwise(reversed(days)):
        if today - after >= FIRST_WEEK:
            return False
        if after - before >= BREAK:
            return True
    return False
