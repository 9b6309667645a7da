"""A load or reps typed as a correction of a lift logged today: "actually the pulldown was 27.5 not 25", "the
row was 42.5 not 40", "sorry, pulldown 27.5kg", "oops, the rows were 12 reps not 10", dumbbells called by
their weight: "actually the rows were with the 12s, not the 15s", "it was the 12s on the rows"; and reps told
set by set: "sorry seated row was 8,8,6 not 3x8", "the fly was only 8 and 6, not 12" (``read_sets``).

A newcomer trial's "actually the pulldown was 27.5 not 25" went to the question answerer and got a "did you
mean". Such a message is read here as a correction: which lift it names (the words left once the numbers,
the correcting words and filler are out), the value it is now, the value it was when named, and whether
that is a load or a count of reps. What today's sets of that lift say to it (``fixed``) decides what the
button offers, or why nothing can change. Pure: no Telegram, no database.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.coach.loadanswer import SETS, UNIT, unit_named
from bot.coach.loadwords import FILLER
from bot.coach.lognames import name_key
from bot.coach.logsets import MAX_LOAD, MAX_REPS, MAX_SETS
from bot.coach.numerals import ascii_digits
from bot.coach.progression import in_unit

_NUMBER = r"(\d{1,4}(?:[.,]\d{1,2})?)"
_TAIL = rf"\s*(?:({UNIT})\b|(reps?)\b)?"
# What says the message corrects something already told: without one of these it is no correction.
_MARKER = re.compile(
    r"\b(?:actually|sorry|correction|oops|whoops|my\s+bad|i\s+meant|meant|typo|mistake|wrong"
    r"|should\s+(?:have\s+)?be(?:en)?|not(?=\s+\d)|instead\s+of|rather\s+than)\b"
)
# The value it was: "not 25", "instead of 25kg", "rather than 10 reps".
_OLD = re.compile(rf"\b(?:not|instead\s+of|rather\s+than)\s+{_NUMBER}{_TAIL}")
# The value it is, said after the one it was: "was 25, should have been 27.5", "i meant 27.5".
_NEW = re.compile(rf"\b(?:should\s+(?:have\s+)?be(?:en)?|i\s+meant|meant)\s+{_NUMBER}{_TAIL}")
_ANY = re.compile(rf"(?<![\w.,])(?:was\s+|were\s+)?{_NUMBER}{_TAIL}")
# Dumbbells called by their weight ("with the 12s", "not the 15's", "12s"): the number, one dumbbell's load,
# as a load typed each hand's is logged ("12 lb each, not 15 lb each" was read, "the 12s, not the 15s" not).
_PAIR = re.compile(
    r"(?<![\w.,])(?:(?:with|using)\s+)?(?:(?:the|a\s+pair\s+of|two)\s+)?(\d{1,4}(?:[.,]\d{1,2})?)'?s\b"
)
# A pair told as what was used, with no correcting word: "it was the 12s on the rows", "the rows were with
# the 12s".
_WAS_PAIR = re.compile(r"\b(?:was|were)\s+(?:with\s+)?(?:the|a\s+pair\s+of)\s+\d{1,4}(?:[.,]\d{1,2})?'?s\b")
# Words of a correction besides the lift's name, on top of a load answer's filler.
_WORDS = frozenset(
    {
        *("actually", "sorry", "correction", "oops", "whoops", "bad", "meant", "typo", "mistake", "wrong"),
        *("should", "have", "been", "be", "not", "instead", "rather", "than", "today", "earlier", "set"),
        *("sets", "rep", "reps", "kg", "kgs", "kilo", "kilos", "lb", "lbs", "pound", "pounds", "no", "wait"),
    }
)


class Field(StrEnum):
    LOAD = "l"
    REPS = "r"


@dataclass(frozen=True)
class Told:
    """A correction as typed: the words naming the lift, the value now and the one it was (None: not said),
    the unit named with either (None: none), whether a count of reps was said, and whether the load was told
    as dumbbells called by their weight ("the 12s": ``paired``). No words (``said`` empty) only for a pair
    told with the one it was ("with the 12s not the 15s"): the lift is the one logged today at that."""

    said: str
    new: float
    old: float | None
    unit: str | None
    reps: bool
    paired: bool = False


def read(text: str) -> Told | None:
    """The correction a message types, or None when it is no correction of one lift's load or reps (a
    question, sets told, no correcting word, no number, or two numbers neither of which it says it was)."""
    plain = " ".join(unicodedata.normalize("NFKC", ascii_digits(text)).casefold().split())
    plain = plain.replace("’", "'")
    if not plain or "?" in plain or SETS.search(plain):
        return None
    was_pair = _WAS_PAIR.search(plain) is not None
    plain, pairs = _PAIR.subn(r"\1", plain)
    if _MARKER.search(plain) is None and not was_pair:
        return None
    old = _OLD.search(plain)
    rest = _cut(plain, old)
    new = _NEW.search(rest)
    rest = _cut(rest, new)
    others = list(_ANY.finditer(rest))
    if len(others) > 1 or (new is None and not others) or (new is not None and old is not None and others):
        return None
    if others:
        # The one number left is the value now, or, after "should have been 27.5", the one it was.
        if new is None:
            new = others[0]
        else:
            old = others[0]
        rest = _cut(rest, others[0])
    assert new is not None
    said = _name(rest)
    if not said and not (pairs and old is not None):
        return None
    units = [unit_named(match.group(2)) for match in (new, old) if match is not None and match.group(2)]
    reps = any(match.group(3) for match in (new, old) if match is not None)
    if reps and units:
        return None
    value = float(new.group(1).replace(",", "."))
    was = None if old is None else float(old.group(1).replace(",", "."))
    return Told(said, value, was, units[0] if units else None, reps, paired=pairs > 0)


def _cut(text: str, found: re.Match[str] | None) -> str:
    return text if found is None else f"{text[: found.start()]} {text[found.end() :]}"


def _name(words: str) -> str:
    said = re.split(r"[^\w']+", words)
    kept = [word for word in said if word and word not in FILLER and word not in _WORDS]
    return " ".join(word for word in name_key(" ".join(kept)).split() if word not in FILLER)


@dataclass(frozen=True)
class Logged:
    """One of today's sets of the lift: its number, reps, load (None: none) and the load's unit, seconds,
    and whether the load is each hand's (a pair of dumbbells': said so, and kept so when corrected)."""

    number: int
    reps: int
    load: float | None
    unit: str
    seconds: int | None
    each_hand: bool = False


@dataclass(frozen=True)
class Change:
    """What the button changes: the sets of ``numbers``, whose ``field`` is ``old`` now, to ``new`` (a load
    in ``unit``; reps have the chat's unit, unused)."""

    field: Field
    old: float
    new: float
    unit: str
    numbers: tuple[int, ...]


class Refusal(StrEnum):
    """Why today's sets take no correction: none at the value named (or, a load told, none with a load),
    several values and none named, the value told the one logged, a value no set can have, or reps told set
    by set for another number of sets than logged."""

    NOT_AT = "not_at"
    SEVERAL = "several"
    COUNT = "count"
    SAME = "same"
    OUT_OF_RANGE = "out_of_range"


def fixed(told: Told, sets: Sequence[Logged], *, unit: str, loaded: bool) -> Change | Refusal:
    """What ``told`` changes of today's ``sets`` of the lift it names (``loaded``: the lift takes a load),
    in the chat's ``unit``: a load unless reps were said or the lift takes none."""
    field = Field.REPS if told.reps or not loaded else Field.LOAD
    timed = [one for one in sets if one.seconds is None]
    if field is Field.REPS:
        if not told.new.is_integer() or not 1 <= told.new <= MAX_REPS or told.unit is not None:
            return Refusal.OUT_OF_RANGE
        values = {one.number: float(one.reps) for one in timed}
        now_unit = unit
    else:
        now_unit = told.unit or unit
        if not 0 < told.new <= MAX_LOAD[now_unit]:
            return Refusal.OUT_OF_RANGE
        values = {
            one.number: round(in_unit(one.load, one.unit, now_unit) or 0, 2) for one in timed if one.load
        }
    if told.old is not None:
        # A load logged in the other unit is converted to 0.1 (25 kg is 55.1 lb): "not 55 lb" names it.
        converted = field is Field.LOAD and any(one.unit != now_unit for one in timed)
        near = max(0.01, told.old * 0.01) if converted else 0.01
        numbers = tuple(number for number, value in values.items() if abs(value - told.old) < near)
        old = told.old
    else:
        distinct = set(values.values())
        if len(distinct) > 1:
            return Refusal.SEVERAL
        numbers, old = tuple(values), next(iter(distinct), 0.0)
    if not numbers:
        return Refusal.NOT_AT
    if abs(old - told.new) < 0.01:
        return Refusal.SAME
    return Change(field, old, told.new, now_unit, numbers)


# ---------------------------------------------------------------- reps set by set

# Reps told set by set ("8,8,6", "8, 8 and 6", "8 and 6"), or sets of equal reps ("3x8"); a set's reps are
# 1-3 digits. Not a decimal comma's "27,5" (two figures, no space): that is a load (``read``).
_EACH = r"\d{1,3}(?:\s*,\s*(?:and\s+)?\d{1,3}(?!\d)|\s+(?:and|&)\s+\d{1,3}(?!\d))+"
_SETS_BY = r"\d{1,2}\s*[x×*]\s*\d{1,3}"
_COUNTS = rf"(?:{_SETS_BY}|{_EACH})"
_DECIMAL = re.compile(r"\d{1,3},\d{1,2}")
# The reps it was: "not 3x8", "instead of 12", "rather than 8, 8 and 8".
_OLD_SETS = re.compile(
    rf"\b(?:not|instead\s+of|rather\s+than)\s+(?:the\s+)?({_COUNTS}|\d{{1,3}})(?:\s*reps?)?\b(?![.,]\d)"
)
# The reps it is now, after what may lead to them ("was", "only", "did"): a list or sets of equal reps.
_NEW_SETS = re.compile(rf"(?<![\w.])(?<!\d,)({_COUNTS})(?:\s*reps?)?(?![\w.]|,\d)")
_UNIT_WORD = re.compile(rf"\d\s*(?:{UNIT})\b|\b(?:{UNIT})\b")


@dataclass(frozen=True)
class Recounted:
    """Reps told set by set as a correction ("sorry seated row was 8,8,6 not 3x8"): the words naming the
    lift, the reps now one a set, and the reps it was, one a set (``(8, 8, 8)`` for "3x8"), one count every
    set had ("not 12"), or None when not said."""

    said: str
    new: tuple[int, ...]
    old: tuple[int, ...] | int | None = None
    paired: bool = False


def read_sets(text: str) -> Recounted | None:
    """The reps a message corrects set by set, or None when it is no such correction: a question, no
    correcting word, a load told ("8,8,6 at 40kg": a /log), no list of reps or several, or no lift named."""
    plain = " ".join(unicodedata.normalize("NFKC", ascii_digits(text)).casefold().split()).replace("’", "'")
    if not plain or "?" in plain or _MARKER.search(plain) is None or _UNIT_WORD.search(plain):
        return None
    old = _OLD_SETS.search(plain)
    rest = _cut(plain, old)
    news = list(_NEW_SETS.finditer(rest))
    if len(news) != 1:
        return None
    rest = _cut(rest, news[0])
    if re.search(r"\d", rest):
        return None  # a number left over: whose is it?
    if _DECIMAL.fullmatch(news[0].group(1)):
        return None  # "27,5": a load with a decimal comma
    new = _counts(news[0].group(1))
    was = None if old is None else _counts(old.group(1))
    said = _name(rest)
    if new is None or not said or (old is not None and was is None):
        return None
    if was is not None and len(was) == 1 and not SETS.search(old.group(1) if old else ""):
        return Recounted(said, new, was[0])
    return Recounted(said, new, was)


def _counts(told: str) -> tuple[int, ...] | None:
    """ "3x8" as (8, 8, 8), "8, 8 and 6" as (8, 8, 6), "12" as (12,); None past the limits."""
    if (by := re.fullmatch(r"(\d{1,2})\s*[x×*]\s*(\d{1,3})", told)) is not None:
        counts = (int(by.group(2)),) * int(by.group(1))
    else:
        counts = tuple(int(n) for n in re.findall(r"\d+", told))
    if not counts or len(counts) > MAX_SETS or not all(1 <= n <= MAX_REPS for n in counts):
        return None
    return counts


@dataclass(frozen=True)
class Recount:
    """What the button changes of reps told set by set: the sets of ``numbers``, whose reps are ``old`` now,
    each to its reps in ``new``."""

    numbers: tuple[int, ...]
    old: tuple[int, ...]
    new: tuple[int, ...]


def recounted(told: Recounted, sets: Sequence[Logged]) -> Recount | Refusal:
    """What ``told`` changes of today's ``sets`` of the lift it names: every set counted in reps, each to the
    reps told for it, when as many were told as are logged and they are as told they were."""
    counted = [one for one in sets if one.seconds is None]
    reps = tuple(one.reps for one in counted)
    if not counted or len(told.new) != len(counted):
        return Refusal.COUNT
    if isinstance(told.old, int) and any(n != told.old for n in reps):
        return Refusal.NOT_AT
    if isinstance(told.old, tuple) and told.old != reps:
        return Refusal.NOT_AT
    if told.new == reps:
        return Refusal.SAME
    return Recount(tuple(one.number for one in counted), reps, told.new)
