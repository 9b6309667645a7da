"""A session cut to the time a trainee has ("/workout 30", "I only have half an hour"), as a coach cuts it.

An upper-back session trains three patterns: the hinge, a vertical pull and a horizontal pull
(``catalog.MAIN_PATTERNS``, each exercise's ``pattern`` in ``exercises.toml``). A short session keeps
one lift of each pattern the session has (the first compound lift for its own pattern, else the pattern's
first main lift) at ``MIN_SETS`` before it gives any lift more sets. Below that, a set at a time in
``KEEP_FIRST``'s order: the smallest useful session is one set each of the horizontal and the vertical
pull; then one set of the hinge, so that every pattern has a set before any has a second; then second
sets, the pulls first. So where not even a set of each fits, the hinge is what goes: rows and pulldowns
are the heart of upper-back work, and a deadlift trained once in the week's sessions loses less than an
upper-back session without its rows. What time is left then buys, in order: sets back for the patterns'
lifts (a set each, the first compound lift first, round and round), then the other main lifts, the
secondary lifts and the accessories, each at ``MIN_SETS`` and then set by set. The warm-up shrinks to its
essentials (one drill, the hinge drill, the ramp-up sets: present, because the first working set is heavy)
as soon as anything is cut. Rest periods never shrink: a heavy set rushed is a lighter set, so time is
found by doing fewer sets, not by resting less. What is kept stays in the session's order, and the
estimate is the planner's (``sessiontime.estimate_seconds``), unrounded, so a cut session never runs over the
budget it was cut to. ``shortwhy`` says which patterns a cut kept, which it dropped and why.

Exercises already logged today (``logged``) are never dropped: they are done. They count towards the
budget as the warm-up does, from ``MIN_SETS`` up like any kept lift, so logging what the cut kept leaves
the cut as it was however often it is rebuilt during the day; only a lift it had dropped, logged after
all, takes time from what is still to do.

Pure: no Telegram, no database. A cut session is rebuilt from its number, its budget and what is logged,
which is how /workout, Done's As written and "still to do" all mean the same cut session.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from bot.coach.catalog import TIERS, Pattern, RoutinesFile
from bot.coach.numerals import NUMBER_WORDS, ascii_digits
from bot.coach.planner import Prescribed, Session
from bot.coach.sessiontime import estimate_seconds

# "/workout short" and the ⏱ button: the half hour a trainee short on time most often has.
SHORT_MINUTES = 30
# Fewer sets than this barely trains a lift: every main pattern gets it before any lift gets more; below it,
# a pattern keeps one set only where two of each do not fit (see ``KEEP_FIRST``).
MIN_SETS = 2
# The order in which the main patterns' lifts get their first sets, then their second ones, when a session
# is too short for ``MIN_SETS`` of each: the pulls before the hinge, rows first, because they are the heart
# of upper-back work; the first two are the smallest useful session.
KEEP_FIRST: tuple[Pattern, ...] = ("horizontal-pull", "vertical-pull", "hinge")
# A budget past this is no budget ("/workout 600"): the usage reply says what /workout reads.
MAX_MINUTES = 240
FULL = "full"


class BudgetError(StrEnum):
    """Why an argument to /workout is not a time: the usage reply's key under [workout]."""

    MALFORMED = "usage"
    TOO_LONG = "usage_too_long"
    ZERO = "usage_zero"


_SHORT_WORDS = frozenset({"short", "shorter", "quick", "quicker", "fast", "express", "brief", "rushed"})
_FULL_WORDS = frozenset({"full", "whole", "all", "normal", "long", "complete", "everything"})
# Words around a time that say nothing more about it ("for 30 min", "about 45 minutes today").
_FILLER = frozenset(
    {"for", "in", "about", "around", "approx", "approximately", "roughly", "only", "just", "max", "maximum",
     "today", "session", "workout", "please", "i", "have", "got", "under", "within", "~", "<", "a", "an",
     "of"}
)  # fmt: skip
_EXTRA_WORDS = {"forty": 40, "fifty": 50, "sixty": 60}
_WORDS = sorted([*NUMBER_WORDS, *_EXTRA_WORDS], key=len, reverse=True)
_NUMBER = r"(\d+(?:[.,]\d+)?|" + "|".join(_WORDS) + ")"
_MINUTES_UNIT = r"(?:m|min|mins|minute|minutes|mn|')"
_HOURS_UNIT = r"(?:h|hr|hrs|hour|hours)"
# "1h30", "1 h 30 min", "1:30" (an hour and a half, as a clock reads a length).
_HOURS_AND = re.compile(rf"^(\d+)\s*(?:{_HOURS_UNIT}|:)\s*(\d{{1,2}})\s*{_MINUTES_UNIT}?$")
_AMOUNT = re.compile(rf"^{_NUMBER}\s*-?\s*({_MINUTES_UNIT}|{_HOURS_UNIT})?$")
# In a sentence ("I only have 30 minutes today"): a number with its unit, or an hour in words.
_TOLD = re.compile(rf"(?<![\w.,]){_NUMBER}\s*-?\s*({_MINUTES_UNIT}|{_HOURS_UNIT})(?!\w)")
_HALF_HOUR = re.compile(r"\bhalf (?:an )?hour\b|\bhalf-hour\b|\b30-minute\b")
_QUARTER_HOUR = re.compile(r"\b(?:a )?quarter (?:of )?an hour\b")
_HOUR_AND_HALF = re.compile(r"\b(?:an|one|1) hour and a half\b|\b(?:one|1|an) and a half hours?\b")
_AN_HOUR = re.compile(r"\b(?:an|one) hour\b")


def _fold(text: str) -> str:
    return " ".join(ascii_digits(text).lower().replace("’", "'").split())


def _number(token: str) -> Fraction | None:
    if token in NUMBER_WORDS:
        return Fraction(NUMBER_WORDS[token])
    if token in _EXTRA_WORDS:
        return Fraction(_EXTRA_WORDS[token])
    try:
        return Fraction(token.replace(",", "."))
    except (ValueError, ZeroDivisionError):
        return None


def _phrase_minutes(text: str) -> int | None:
    """Minutes said in words: half an hour, a quarter of an hour, an hour and a half, an hour."""
    for pattern, minutes in ((_HOUR_AND_HALF, 90), (_HALF_HOUR, 30), (_QUARTER_HOUR, 15), (_AN_HOUR, 60)):
        if pattern.search(text):
            return minutes
    return None


def _amount_minutes(number: str, unit: str | None) -> int | None:
    value = _number(number)
    if value is None:
        return None
    if unit is not None and re.fullmatch(_HOURS_UNIT, unit):
        value *= 60
    return math.floor(value)


def read_budget(typed: str) -> int | str | BudgetError | None:
    """What /workout's argument asks for: minutes (int), ``FULL`` (the whole session again), None (no
    argument), or why it is not a time. A bare number is minutes ("/workout 30"); "short" is
    ``SHORT_MINUTES``; hours are read too ("1h", "1.5 hours", "1h30", "half an hour")."""
    text = _fold(typed)
    if not text:
        return None
    words = [word for word in text.split() if word not in _FILLER]
    if not words:
        return BudgetError.MALFORMED
    if set(words) <= _SHORT_WORDS:
        return SHORT_MINUTES
    if set(words) <= _FULL_WORDS:
        return FULL
    # "short 20", "quick 20 min", "20 short": the time given says how short.
    joined = " ".join(word for word in words if word not in _SHORT_WORDS)
    minutes = _phrase_minutes(text)
    if minutes is None and (both := _HOURS_AND.match(joined)):
        minutes = int(both[1]) * 60 + int(both[2])
    if minutes is None and (amount := _AMOUNT.match(joined)):
        minutes = _amount_minutes(amount[1], amount[2])
    if minutes is None:
        return BudgetError.MALFORMED
    if minutes < 1:
        return BudgetError.ZERO
    if minutes > MAX_MINUTES:
        return BudgetError.TOO_LONG
    return minutes


def minutes_told(question: str) -> int | None:
    """The time a message says the trainee has ("I only have 30 minutes today", "half an hour"), if any,
    for the /workout pointer's button; a time past ``MAX_MINUTES`` or under a minute is none."""
    text = _fold(question)
    minutes = _phrase_minutes(text)
    if minutes is None and (found := _TOLD.search(text)):
        minutes = _amount_minutes(found[1], found[2])
    return minutes if minutes is not None and 1 <= minutes <= MAX_MINUTES else None


# Short on time without a number ("short on time, quick session?"): /workout short.
_SHORT_TOLD = re.compile(
    r"\b(?:short (?:on|of) time|in a (?:rush|hurry)|pressed for time|not much time|little time|quick(?:er)?"
    r"|short(?:er|est|en)?)\b"
)


def argument_told(question: str) -> str | None:
    """The argument a /workout pointer's button carries for a message short on time: its minutes ("30"),
    "short" when it says no number, or None for a message that asks for the session as it is."""
    minutes = minutes_told(question)
    if minutes is not None:
        return str(minutes)
    return "short" if _SHORT_TOLD.search(_fold(question)) else None


def carried(value: str) -> bool:
    """Whether a button's /workout argument is one ``argument_told`` writes (anything else is forged)."""
    return value == "short" or carried_minutes(value) is not None


def carried_minutes(value: str) -> int | None:
    """A button's minutes as /workout's buttons write them (ASCII digits, 1 to ``MAX_MINUTES``), else None."""
    if value.isascii() and value.isdigit() and 1 <= int(value) <= MAX_MINUTES:
        return int(value)
    return None


@dataclass(frozen=True)
class Cut:
    """``session`` cut to ``budget`` minutes. ``fits`` is False when even the smallest useful session is
    longer: ``session`` is then that smallest one. ``trimmed`` are the kept items given fewer sets (as
    kept), ``dropped`` the items left out (as planned); ``changed`` is False when the whole session fits."""

    session: Session
    budget: int
    fits: bool
    kept: tuple[Prescribed, ...]
    trimmed: tuple[Prescribed, ...]
    dropped: tuple[Prescribed, ...]
    short_warmup: bool
    whole: Session
    """The session as planned."""
    logged: frozenset[str] = frozenset()
    """The ids of the kept exercises already logged today: never dropped, whatever the budget."""

    @property
    def changed(self) -> bool:
        return self.short_warmup or bool(self.trimmed or self.dropped)


def anchor(items: Sequence[Prescribed]) -> int:
    """The index of the lift a short session is for: the first compound main lift (the first item when
    the session has none, a bodyweight-only plan with a hold first, say)."""
    return next(
        (i for i, item in enumerate(items) if item.tier == "main" and item.exercise.multi_joint),
        0,
    )


def pattern_lifts(items: Sequence[Prescribed]) -> list[int]:
    """The lifts a short session keeps first, one per main pattern the session has, in ``KEEP_FIRST``'s
    order: the anchor for its own pattern, else the pattern's first lift (a main lift before a secondary
    one); an anchor of no main pattern (none is planned so today) comes after them."""
    if not items:
        return []
    first = anchor(items)
    chosen = []
    for pattern in KEEP_FIRST:
        of_pattern = [i for i, item in enumerate(items) if item.exercise.pattern == pattern]
        if first in of_pattern:
            chosen.append(first)
        elif of_pattern:
            chosen.append(min(of_pattern, key=lambda i: (items[i].tier != "main", i)))
    return chosen if first in chosen else [*chosen, first]


def cut(session: Session, budget: int, routines: RoutinesFile, logged: Collection[str] = ()) -> Cut:
    """The fullest version of ``session`` that fits ``budget`` minutes (see the module's docstring);
    ``logged`` are the ids of its exercises already logged today, never dropped."""
    items = session.exercises
    done = frozenset(item.exercise.id for item in items if item.exercise.id in logged)

    def minutes(short_warmup: bool, sets: Sequence[int]) -> float:
        warmup_minutes = routines.warmup.short_minutes if short_warmup else routines.warmup.minutes
        return warmup_minutes + estimate_seconds(_kept(items, sets)) / 60

    sets = [item.sets for item in items]
    if minutes(False, sets) <= budget:
        return _result(session, budget, True, False, sets, minutes(False, sets), routines, done)
    order, ladder, floor = _ladder(items, {i for i, item in enumerate(items) if item.exercise.id in done})
    sets = ladder[0]
    # Even the smallest useful session may be too long: it is offered as it is, with its length said.
    fits = minutes(True, sets) <= budget
    if fits:
        reached = 0
        for n, step in enumerate(ladder[1:], 1):
            if minutes(True, step) > budget:
                break
            sets, reached = step, n
        # Below every pattern at MIN_SETS the ladder's order is the rule (a set of each pattern before any
        # second set): spare time there buys no extra set out of turn.
        if reached >= floor:
            sets = _refill(items, order, sets, lambda trial: minutes(True, trial) <= budget)
    return _result(session, budget, fits, True, sets, minutes(True, sets), routines, done)


def _ladder(items: Sequence[Prescribed], logged: Collection[int]) -> tuple[list[int], list[list[int]], int]:
    """From the smallest useful session up to every set planned, a set or a lift at a time (sets per
    item, 0 for left out), each step longer than the last: the pulls at a set each, then the hinge's set,
    then second sets in the same order (the patterns' lifts at ``MIN_SETS``), their sets back, then each
    tier's other lifts. Also the order in which kept lifts are given sets back, and the index of the first
    step with every pattern's lift at ``MIN_SETS`` (below it, only the ladder adds sets)."""
    # A logged lift is done, so it is never dropped; it starts at MIN_SETS like any other, so logging a
    # lift the cut kept leaves the cut as it was.
    sets = [min(item.sets, MIN_SETS) if i in logged else 0 for i, item in enumerate(items)]
    core = pattern_lifts(items)
    first = anchor(items) if items else 0
    # Past MIN_SETS the first compound lift, what the block progresses, gets its sets back first.
    growing = sorted(core, key=lambda i: (i != first, i))
    order = [*growing]
    for tier in TIERS:
        order += [i for i, item in enumerate(items) if item.tier == tier and i not in core]
    if not items:
        return order, [sets], 0
    pulls = [i for i in core if items[i].exercise.pattern in KEEP_FIRST[:2]]
    for i in pulls or core[:1]:
        sets[i] = sets[i] or 1
    ladder = [list(sets)]

    def step(i: int, n: int) -> None:
        if sets[i] < min(items[i].sets, n):
            sets[i] = min(items[i].sets, n)
            ladder.append(list(sets))

    for n in range(1, MIN_SETS + 1):
        for i in core:
            step(i, n)
    floor = len(ladder) - 1
    _grow(items, growing, sets, ladder)
    for tier in TIERS:
        group = [i for i in order[len(core) :] if items[i].tier == tier]
        for i in group:
            step(i, MIN_SETS)
        _grow(items, group, sets, ladder)
    return order, ladder, floor


def _grow(
    items: Sequence[Prescribed], group: Sequence[int], sets: list[int], ladder: list[list[int]]
) -> None:
    """A set back for each of ``group``'s lifts, the first first, round and round, to the sets planned."""
    growing = True
    while growing:
        growing = False
        for i in group:
            if sets[i] < items[i].sets:
                sets[i] += 1
                ladder.append(list(sets))
                growing = True


def _refill(
    items: Sequence[Prescribed], order: Sequence[int], sets: list[int], fits: Callable[[list[int]], bool]
) -> list[int]:
    """Sets given back, a set at a time, to the lifts kept (in the ladder's order: the pattern lifts, the
    first lift first, then the rest), while the session still fits: the next step up the ladder may be a
    lift too long for what is left when a set of a shorter one still fits."""
    sets = list(sets)
    growing = True
    while growing:
        growing = False
        for i in order:
            if 0 < sets[i] < items[i].sets:
                trial = [n + 1 if j == i else n for j, n in enumerate(sets)]
                if fits(trial):
                    sets, growing = trial, True
    return sets


def _kept(items: Sequence[Prescribed], sets: Sequence[int]) -> list[Prescribed]:
    """The items with sets left, in order, with their sets; a superset whose partner went is two plain
    exercises again: the one kept rests after its sets, as any exercise does."""
    kept_ids = {item.exercise.id for item, n in zip(items, sets, strict=True) if n}
    result = []
    for item, n in zip(items, sets, strict=True):
        if not n:
            continue
        changed = dataclasses.replace(item, sets=n) if n != item.sets else item
        if changed.technique == "superset" and (
            changed.partner is None or changed.partner.id not in kept_ids
        ):
            changed = dataclasses.replace(changed, technique=None, partner=None, rests=True)
        result.append(changed)
    return result


def _result(
    session: Session,
    budget: int,
    fits: bool,
    short_warmup: bool,
    sets: Sequence[int],
    exact: float,
    routines: RoutinesFile,
    logged: frozenset[str],
) -> Cut:
    items = session.exercises
    kept = _kept(items, sets)
    # Whole minutes rounded up: "about 30 min" never stands for 31 (the planner's own rounds to 5).
    minutes = math.ceil(exact - 1e-9)
    if not short_warmup:
        whole = dataclasses.replace(session, minutes=minutes)
        return Cut(whole, budget, True, tuple(items), (), (), False, session, logged)
    dropped = tuple(item for item, n in zip(items, sets, strict=True) if not n)
    trimmed = tuple(item for item in kept if item.sets < _planned_sets(items, item))
    techniques = routines.techniques
    notes = [
        note
        for note in session.notes
        if not (note == techniques.superset and not any(i.technique == "superset" for i in kept))
        and not (note == techniques.drop_set and not any(i.technique == "drop set" for i in kept))
    ]
    shortened = dataclasses.replace(
        session,
        warmup=_short_warmup(session.warmup, routines),
        exercises=tuple(kept),
        notes=tuple(notes),
        minutes=minutes,
    )
    return Cut(shortened, budget, fits, tuple(kept), trimmed, dropped, True, session, logged)


def _planned_sets(items: Sequence[Prescribed], kept: Prescribed) -> int:
    return next(item.sets for item in items if item.exercise.id == kept.exercise.id)


def _short_warmup(warmup: Sequence[str], routines: RoutinesFile) -> tuple[str, ...]:
    """No cardio and one drill; the hinge drill and the ramp-up sets stay (they make the first heavy set
    safe)."""
    plan = routines.warmup
    cardio = set(plan.cardio_gym) | set(plan.cardio_home)
    drills = [item for item in warmup if item in plan.drills][:1]
    rest = [item for item in warmup if item not in cardio and item not in plan.drills]
    return (*drills, *rest)
