"""Coming back to a lift: after a pain ("It's fine now") and after a break. Never a step up from either.

**After a pain** (``cautions.back_from_pain``) a coach brings a lift back below what it last did, not at
it: a loaded lift keeps last time's reps at about 70 % of its load, rounded down to the chat's step (never
below one step, so there is still something to lift); a bodyweight or band move keeps last time's reps with
one set fewer (at least one) (``after_pain``).

**After a break** (``days_away``): a week or more without logging the lift (or any rung of its ladder,
deload days and paused weeks counted as days like any other), and longer than its own rhythm by as much
again, a week more at most, so a lift the plan has once a week is on a break after two weeks without it
and a fly every third week after four, not every time. The rest card's "after a week or more off, start a
little lighter" is the rule (a newcomer trial: back after two weeks of flu, /workout asked a rep more on
every band move, and four weeks after the last log a rep more again). Whatever the rule would have
added, today holds (``after_break``):

- under ``LONG_BREAK`` (four weeks, as /workout's "first week back" card says): last time's load at its
  weakest working set's reps (the top of the range at most), on every set, for a loaded lift, a band
  move and a bodyweight one alike: the same as last time, no step up;
- from ``LONG_BREAK`` on, a little lighter: a loaded lift about 10 % lighter on the chat's step
  (``progression.backed_off_load``), at those reps; a band or bodyweight move, or dumbbells or a backpack
  whose lighter size the rack decides, the same load at about ``FEWER`` of those reps.

A rule's target already easier than that (a back-off, an estimate lighter than last time) is kept. The
session after it progresses from what was logged, as any other. Pure: no Telegram, no database; the days
are passed in.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date, timedelta
from decimal import ROUND_FLOOR, Decimal
from enum import StrEnum
from itertools import pairwise
from typing import NamedTuple

from bot.coach.model import SetDone
from bot.coach.progression import (
    Plan,
    Prescription,
    Reason,
    backed_off_load,
    exact,
    heaviest_sets,
    to_multiple,
)


class AwayKind(StrEnum):
    BREAK = "break"
    PAUSE = "pause"
    SINCE = "since"
    # A pause inside a longer time away: the days away said, and the paused ones among them.
    LONGER = "longer"


class Away(NamedTuple):
    """What a line says of a lift's days away (``away_said``): which words, and the days they count;
    ``paused`` the paused days among them (``AwayKind.LONGER``)."""

    kind: AwayKind
    days: int
    paused: int = 0


# The share of last time's load the first session back after a pain lifts.
LIGHTER = Decimal("0.70")
WEEK = timedelta(days=7)
# From this long without a lift its first session back is lighter, not only held (``levelup.BREAK``).
LONG_BREAK = timedelta(weeks=4)
# The lift's rhythm is the median of its last few spacings: one long gap before does not hide a break.
RHYTHM_SPACINGS = 4
# A session whose top load is under this share of the heaviest of the lift's last few is a light day the
# trainee chose (``chosen_light``): a working load 15 % down is no progression step, and no back-off either
# (those take about 10 % off).
LIGHT_DAY = Decimal("0.85")
LIGHT_AFTER = 3
# After a long break, a move that cannot go lighter by a plate does about this share of its reps.
FEWER = Decimal("0.85")
# The reasons whose target may climb over last time's sets: a break holds them instead.
CLIMBS = frozenset(
    (
        Reason.ADD_LOAD,
        Reason.ADD_REP,
        Reason.REPEAT,
        Reason.PAST_TOP,
        Reason.MOVE_UP,
        Reason.ESTIMATE,
        Reason.RAMPED,
        Reason.FROM_REPS,
        Reason.REPS_FIRST,
        Reason.HELD,
        Reason.TEMPO,
    )
)

# Of those, the ones that go heavier or harder whatever their load says.
HEAVIER = frozenset((Reason.ADD_LOAD, Reason.PAST_TOP, Reason.MOVE_UP))


def lighter_load(load: float, step: float) -> float:
    """About 70 % of ``load``, rounded down to a multiple of ``step``, and at least one ``step``."""
    increment = exact(step)
    return float(max(increment, to_multiple(exact(load) * LIGHTER, increment, ROUND_FLOOR)))


def after_pain(exercise: str, last: Sequence[SetDone], sets: int, step: float) -> Prescription:
    """The first session back of ``exercise`` from ``last`` session's sets: its heaviest sets' fewest reps,
    ``sets`` sets at a lighter load (``lighter_load``) for a loaded lift, or one set fewer than last time
    (at least one) without a load. ``basis`` is last time's heaviest set, which the line names ("was")."""
    top = heaviest_sets(last)
    reps = max(1, min(s.reps for s in top))
    load = top[0].load
    if load:
        return Prescription(exercise, sets, reps, lighter_load(load, step), Reason.BACK, top[0])
    return Prescription(exercise, max(1, len(top) - 1), reps, load, Reason.BACK, top[0])


def days_away(logged: Sequence[date], today: date | None) -> int:
    """Days since the lift was last logged (``logged``: every day it was, in any order) when that is a
    break to come back from (the module docstring has the rule), else 0."""
    days = sorted(set(logged))
    if today is None or not days or days[-1] >= today:
        return 0
    gap = today - days[-1]
    spacings = sorted([after - before for before, after in pairwise(days)][-RHYTHM_SPACINGS:])
    # The lower median: of two spacings the shorter, so a break before this one does not set the rhythm.
    usual = spacings[(len(spacings) - 1) // 2] if spacings else WEEK
    return gap.days if gap >= max(WEEK, usual + min(usual, WEEK)) else 0


def after_break(
    prescription: Prescription,
    exercise: str,
    last: Sequence[SetDone],
    plan: Plan,
    away: int,
    *,
    sized: bool = False,
) -> Prescription:
    """``prescription`` held at ``last`` session's sets of ``exercise`` (the rung it is on) after ``away``
    days without it (``days_away``), or a little lighter after a long break; ``sized`` says its load is
    dumbbells or a backpack, lighter only by a size the rack decides, so fewer reps instead. The rule's
    own target is kept when it is easier, or when there is no break or nothing to hold."""
    top = heaviest_sets(last)
    if not away or prescription.reason not in CLIMBS or not top or any(s.seconds for s in top):
        return prescription
    reps = max(1, min(plan.rep_range[1], min(s.reps for s in top)))
    load = top[0].load if top[0].load else None
    if away >= LONG_BREAK.days:
        lighter = backed_off_load(load, plan) if load is not None and not sized else 0.0
        if lighter > 0:
            load = lighter
        else:
            fewer = max(1, min(reps - 1, int(to_multiple(exact(reps) * FEWER, Decimal(1), ROUND_FLOOR))))
            # A band or bodyweight move is never taken under its card's range: held at its bottom (a trial's
            # reverse snow angel went 2×12 → 2×10 on a 12–15 card).
            reps = fewer if load is not None else min(reps, max(fewer, plan.rep_range[0]))
    held = Prescription(exercise, plan.sets, reps, load, Reason.LAPSED, top[0])
    # Heavier by the rule (a dumbbell's or backpack's next size is only hinted at, its load the old one's).
    climbs = prescription.reason in HEAVIER or prescription.exercise != exercise
    return prescription if not climbs and easier(prescription, held) else held


def away_said(away: int, today: date, trained: Sequence[date], pauses: Sequence[tuple[date, date]]) -> Away:
    """How a line says ``away`` days without a lift up to ``today`` honestly, by the chat's own days
    (``trained``) and /pauses: the paused days in that gap ("back after a 10-day pause"), or where the chat
    was away longer than the pause, since it (or else the lift) last trained, those days and the paused ones
    among them ("back after 19 days, 14 of them paused"); else, where the
    chat trained in the last week (the lift's turn had not come round), the time since the lift ("3 weeks
    since you last did it"); else the time since the chat last trained at all, which the lift's may
    overstate (a trial's "back after 4 weeks" two weeks after the last session). Paused days are days away
    like any other (``days_away``)."""
    last = today - timedelta(days=away)
    paused = sum(
        max(0, (min(end, today - timedelta(days=1)) - max(start, last + timedelta(days=1))).days + 1)
        for start, end in pauses
    )
    off = min(((today - day).days for day in trained if last < day < today), default=None)
    if paused:
        # The real time away, since the chat (or else the lift) last trained, where the pause was only part of
        # it: a trial read "back after a 14-day pause" 19 days after the last session.
        gone = away if off is None else off
        # The days between the last session and today are one fewer than the days since it.
        return Away(AwayKind.LONGER, gone, paused) if gone - 1 > paused else Away(AwayKind.PAUSE, paused)
    if off is None:
        return Away(AwayKind.BREAK, away)
    return Away(AwayKind.SINCE, away) if off < WEEK.days else Away(AwayKind.BREAK, off)


def lighter_days(
    history: Mapping[str, Sequence[tuple[date, SetDone]]], cleared: Mapping[str, date]
) -> dict[str, frozenset[date]]:
    """Each exercise's days that were lighter on purpose, and done so: its first session after the day a
    pain last kept it out (``cleared``: ``cautions.cleared_moves``) or after ``LONG_BREAK`` without it,
    where it lifted less than the session before (a lighter top load, or without a load fewer sets or
    reps). Progression judges none of them, as none of a deload week (``sessionlog.targets``), and
    /progress shows no loss for them: a trial's first pulldown session back after a pain, 4×8 @ 60 kg
    where the heavy day had lifted 80 kg, became "last heavy day 4×8 @ 60 kg → today 4×6 @ 62.5 kg" and
    "(-20 kg on heavy days)". Where it lifted as much, it counts like any other day."""
    found: dict[str, frozenset[date]] = {}
    for exercise, dated in history.items():
        days = sorted({day for day, _ in dated})
        sets = {day: [done for on, done in dated if on == day] for day in days}
        back = cleared.get(exercise)
        found[exercise] = frozenset(
            day
            for before, day in pairwise(days)
            if ((back is not None and before <= back < day) or day - before >= LONG_BREAK)
            and _less(sets[day], sets[before])
        )
    return {exercise: days for exercise, days in found.items() if days}


class Lighter(StrEnum):
    """Why a lift's last session was lighter on purpose (``lighter_last``), as its /workout line says."""

    PAIN = "pain"
    BREAK = "break"
    DELOAD = "deload"
    CHOSEN = "chosen"  # a day the trainee chose to go light (``chosen_light``)


def chosen_light(
    history: Mapping[str, Sequence[tuple[date, SetDone]]],
    kinds: Mapping[date, str] | None = None,
    step: float = 0.0,
) -> dict[str, frozenset[date]]:
    """Each exercise's days the trainee went light of their own accord. A loaded one's: a top load under
    ``LIGHT_DAY`` of the heaviest of its ``LIGHT_AFTER`` sessions before (of the same kind of day, where
    ``kinds`` has them). A newcomer trial logged a seated row at 30 kg 3×10 on a day her shoulder hurt, after
    40 kg × 7, and the next plan read "3×6 @ 32.5 kg, heavier now": such a day is no baseline, as a planned
    lighter one is not (``lighter_days``). A day only one ``step`` under it is none: a back-off of a light
    load (10 kg to 7.5 kg on a 2.5 kg step) is the rule's own, and as a light day it would never take hold.
    A bodyweight or band move's (``_light_reps``): fewer sets and under ``LIGHT_DAY`` of the reps of the
    most of those sessions."""
    found: dict[str, frozenset[date]] = {}
    for exercise, dated in history.items():
        tops: dict[date, float] = {}
        for day, done in dated:
            if done.load and done.load > 0:
                tops[day] = max(tops.get(day, 0.0), done.load)
        days = sorted(tops)
        light = set()
        for index, day in enumerate(days):
            kind = (kinds or {}).get(day, "")
            before = [tops[d] for d in days[:index] if (kinds or {}).get(d, "") == kind][-LIGHT_AFTER:]
            top = exact(max(before)) if before else None
            if top is not None and exact(tops[day]) < min(top * LIGHT_DAY, top - exact(step)):
                light.add(day)
        light |= _light_reps(dated, set(tops), kinds or {})
        if light:
            found[exercise] = frozenset(light)
    return found


def _light_reps(
    dated: Sequence[tuple[date, SetDone]], loaded: Collection[date], kinds: Mapping[date, str]
) -> set[date]:
    """The days without a load (not in ``loaded``) a bodyweight or band move went light by choice: fewer
    sets than the session of the most reps among its ``LIGHT_AFTER`` before (of the same kind of day), and
    under ``LIGHT_DAY`` of those reps. A newcomer trial did chin-ups 3×8, then a light day of 2×6, and the
    next plan read "last time 2×6 → today 3×6". Only fewer sets tells a day chosen from a hard one: the
    same sets with fewer reps each are what a bad day looks like, and the rule's to judge. Its best set is
    under ``LIGHT_DAY`` of theirs too: fewer sets as hard as before (2×5 after 5, 5, 4) are a day the plan
    asked fewer sets of, not a light one."""
    by_day: dict[date, list[int]] = {}
    for day, done in dated:
        if day not in loaded and not done.seconds and done.reps > 0:
            by_day.setdefault(day, []).append(done.reps)
    days = sorted(by_day)
    light = set()
    for index, day in enumerate(days):
        kind = kinds.get(day, "")
        before = [by_day[d] for d in days[:index] if kinds.get(d, "") == kind][-LIGHT_AFTER:]
        most = max(before, key=sum, default=None)
        reps = by_day[day]
        light_sets = most is not None and max(reps) < LIGHT_DAY * max(most)
        if most is not None and light_sets and len(reps) < len(most) and sum(reps) < LIGHT_DAY * sum(most):
            light.add(day)
    return light


def lighter_last(
    dated: Sequence[tuple[date, SetDone]],
    deloads: Collection[date],
    lighter: Collection[date],
    chosen: Collection[date] = (),
) -> tuple[date, Lighter] | None:
    """The day of a lift's last session (``dated``: its sets by day, in order) and why, where it was lighter
    on purpose and so no baseline: a deload week's (``deloads``), or its first back after a pain or a long
    break (``lighter``, ``lighter_days``; a break where ``LONG_BREAK`` or more came before it). /workout's
    line then says what that session was, not only the one before it, which today follows: a coach's review
    read "last time" over the sets from before the pain. None where the last session counts."""
    days = sorted({day for day, _ in dated})
    if not days or (days[-1] not in deloads and days[-1] not in lighter and days[-1] not in chosen):
        return None
    if days[-1] in deloads:
        return days[-1], Lighter.DELOAD
    if days[-1] not in lighter:
        return days[-1], Lighter.CHOSEN
    away = len(days) > 1 and days[-1] - days[-2] >= LONG_BREAK
    return days[-1], Lighter.BREAK if away else Lighter.PAIN


def after_lighter(
    prescription: Prescription, exercise: str, last: Sequence[SetDone], plan: Plan
) -> Prescription:
    """The session after one back lighter on purpose (``lighter_days``), whose target the rule works out
    from ``last``, the sets before that one: no more than those yet, back where it was before going up."""
    top = heaviest_sets(last)
    if prescription.reason not in CLIMBS or not top or any(s.seconds for s in top):
        return prescription
    reps = max(1, min(plan.rep_range[1], min(s.reps for s in top)))
    held = Prescription(exercise, plan.sets, reps, top[0].load or None, Reason.HELD, top[0])
    return prescription if prescription.reason not in HEAVIER and easier(prescription, held) else held


def _less(sets: Sequence[SetDone], before: Sequence[SetDone]) -> bool:
    top, was = heaviest_sets(sets), heaviest_sets(before)
    if not top or not was:
        return False
    if top[0].load or was[0].load:
        return (top[0].load or 0.0) < (was[0].load or 0.0)
    return (len(top), max(s.reps for s in top)) < (len(was), max(s.reps for s in was))


def easier(one: Prescription, other: Prescription) -> bool:
    """Whether ``one`` asks less than ``other`` of the same exercise: a lighter load, or fewer reps at it."""
    if one.exercise != other.exercise:
        return False
    mine, theirs = one.load or 0.0, other.load or 0.0
    return mine < theirs or (mine == theirs and one.reps < other.reps)
