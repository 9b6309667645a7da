"""The weeks the /progress chart covers: at most the last ``WEEKS``, from the week of the chat's first
session in them, and never fewer than ``MIN_WEEKS`` drawn.

A newcomer trial three weeks in read "6 sessions in 12 weeks" under a sessions panel of 12 bars, 8 of
them empty: the twelve weeks are the most the chart looks back, not the period a young chat has trained.
The caption now counts the weeks trained ("6 sessions in 3 weeks") and the panel draws those weeks, padded
to ``MIN_WEEKS`` so a first week's chart is not one bar the panel's width.

A later trial, with a two-week /pause, read "6 sessions in 5 weeks, target met in 1 of them": the paused
weeks counted as missed, though /streak passes them by. A week the streak passes by (it touches a pause
and missed the target, ``passed_by``) is now left out of the weeks counted and said apart ("6 sessions in 3
weeks (not counting 2 weeks paused)"), and the sessions panel shades it rather than drawing a plain zero.

A third, with a 7-day pause from a Friday through the next Thursday, read "3 sessions in 1 week (not
counting 2 weeks paused)": a week the pause touched asked for its full target, and seven days read as two
weeks. Such a week now asks for the training days the pause left free (``streaks.week_target``), so one
trained to that counts and is not shaded; and where the weeks passed by are not all paused from Monday to
Sunday, the caption says the pause in days (``pause_said``): "(not counting a 7-day pause)".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bot.coach.streaks import EVERY_DAY, paused_in_week, paused_weeks, up_to_week, week_start, week_target
from bot.coach.texts import Texts

WEEKS = 12
MIN_WEEKS = 4
# A /pause's first and last days, inclusive.
Pause = tuple[date, date]


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


def week_targets(
    weeks: Sequence[date], target: int, paused: Iterable[Pause], workout_days: Collection[int] = EVERY_DAY
) -> list[int]:
    """What each of ``weeks`` (Mondays) asks for, as the streak reads it (``streaks.week_target``): the
    weekly target, or in a week a pause touched, the training days (``workout_days``) it left free."""
    held = list(paused)
    return [week_target(week, target, held, workout_days) for week in weeks]


def passed_by(
    weeks: Sequence[date],
    totals: Sequence[int],
    target: int,
    paused: Iterable[Pause],
    workout_days: Collection[int] = EVERY_DAY,
) -> frozenset[date]:
    """The weeks (Mondays, with ``totals`` the sessions in each) that touch a pause and missed what they
    asked for (``week_targets``): not missed, as /streak reads them (``streaks``). A paused week trained to
    its target counts like any other."""
    held = list(paused)
    touched = paused_weeks(held, weeks)
    asked = week_targets(weeks, target, held, workout_days)
    return frozenset(
        week
        for week, total, wanted in zip(weeks, totals, asked, strict=True)
        if week in touched and total < wanted
    )


def paused_standing(
    today: date,
    weeks: Sequence[date],
    totals: Sequence[int],
    trained: int,
    target: int,
    paused: Iterable[Pause],
    workout_days: Collection[int] = EVERY_DAY,
) -> tuple[frozenset[date], tuple[int, ...]]:
    """The chart's weeks a pause passed by, of the last ``trained`` (``passed_by``), and what each of
    ``weeks`` asks for (``week_targets``); a pause still to come touches no week before its own, as the
    streak reads it (``streaks.up_to_week``)."""
    held = up_to_week(paused, today)
    passed = (
        passed_by(weeks[-trained:], totals[-trained:], target, held, workout_days) if trained else frozenset()
    )
    return passed, tuple(week_targets(weeks, target, held, workout_days))


@dataclass(frozen=True)
class PauseSaid:
    """A pause said in days rather than in the weeks it passed by: the ``days`` paused in the pauses that
    touched them, and whether that is ``one`` pause, all of it in the chart's weeks ("a 7-day pause"),
    rather than several or one running on past them ("9 days paused")."""

    days: int
    one: bool


def pause_said(
    today: date, weeks: Sequence[date], passed: Collection[date], paused: Iterable[Pause]
) -> PauseSaid | None:
    """How the caption says the pauses behind the ``passed`` weeks of the chart's ``weeks`` trained: None
    where each of them is paused from Monday to Sunday (said in weeks, "2 weeks paused"), else in days, those
    of the pauses that touched them from the first of ``weeks`` to the end of this week, as far as the
    streak reads them (``streaks.up_to_week``): a pause from a Friday to the next Thursday is 7 days, not the
    2 weeks it touches."""
    if not passed or not weeks:
        return None
    start, end = weeks[0], week_start(today) + timedelta(days=6)
    held = [(first, last) for first, last in paused if first <= end and last >= start]
    if all(_days_held(monday, held) == 7 for monday in passed):
        return None
    touching = [pause for pause in held if any(paused_in_week(monday, [pause]) for monday in passed)]
    days = {day for first, last in touching for day in _days(max(first, start), min(last, end))}
    whole = len(touching) == 1 and start <= touching[0][0] and touching[0][1] <= end
    return PauseSaid(len(days), one=whole)


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _days_held(monday: date, paused: Sequence[Pause]) -> int:
    """How many days of the week from ``monday`` a pause holds."""
    return sum(
        1
        for day in _days(monday, monday + timedelta(days=6))
        if any(first <= day <= last for first, last in paused)
    )


def weeks_words(
    sessions: int, trained: int, paused: int, met: int, texts: Texts, said: PauseSaid | None = None
) -> str:
    """The caption's opening: the sessions in the weeks trained (``trained``), the ``paused`` weeks among
    them not counted, said in weeks or, ``said``, as the pause in days, and how many met the target."""
    counted = texts.count("count.session", sessions)
    if not paused:
        return texts.get("chart.caption", sessions=counted, weeks=texts.count("count.week", trained), met=met)
    if said is None:
        pause = texts.get("chart.weeks_paused", weeks=texts.count("count.week", paused))
    elif said.one:
        pause = texts.get("chart.a_pause_of", days=said.days)
    else:
        pause = texts.get("chart.days_paused", days=texts.count("count.day", said.days))
    if paused >= trained:
        key = "chart.caption_all_paused" if said is None else "chart.caption_all_in_pause"
        return texts.get(key, sessions=counted, weeks=texts.count("count.week", paused), pause=pause)
    return texts.get(
        "chart.caption_paused",
        sessions=counted,
        weeks=texts.count("count.week", trained - paused),
        pause=pause,
        met=met,
    )
