"""The numbers of sets told in words, read for one lift: "three rounds of twelve", "3 sets of 8", "8, 7 and
6", "200x3", "75 for 3 sets of 8", with the load told beside them ("at 55", "with 20kg"), and one lift's /log
line from them (``one_lift``). What is read must be what was told: a date, a time, a weight or a lone number
is never read as sets, and a load that can't be placed means no line at all rather than one without it.

``bot.coach.logtold`` writes a message's line from these, and ``bot.coach.logmany`` a line of several lifts'
parts. Pure: no Telegram, no database.
"""

from __future__ import annotations

import re

from bot.coach.kitwords import PAIR, bands_said, kit_said, paired
from bot.coach.loglifts import Lifts
from bot.coach.logparse import MAX_LOAD, MAX_REPS, MAX_SETS, UNIT_WORD, UNITS
from bot.coach.logsets import turnable
from bot.coach.numerals import NUMBER_WORDS

# Counts of sets and reps as words; "twenty five" is two words, matched before "twenty".
COUNTS = {**NUMBER_WORDS, "twenty five": 25}
# A list of reps one number a set: two sets at least (a lone number is no list), ten at most.
LIST_SETS = (2, 10)

_WORD = "|".join(sorted(COUNTS, key=len, reverse=True))
_COUNT = rf"\d+|{_WORD}"
# "3 sets of 8", "three rounds of twelve", and "2 times 10" (a trial's "the dumbbell deadlift I did 2 times 10
# with 6 kg" got a did-you-mean): sets of reps, never a load ("3 times 10 kg").
SETS_OF = re.compile(
    rf"\b({_COUNT})\s+(?:(?:sets|rounds)\s+(?:of\s+)?|times\s+)({_COUNT})\b(?!\s*(?:kg|kilo|lb|pound))"
)
# "3x8", and "3x8x60" as /log reads it (the third number a load only when it can't be a count of sets).
# Not the "5x8" of "42.5x8": that is a load first.
_SETS_X_REPS = re.compile(
    rf"(?<![\d.])(?<!\d,)\b(\d+)\s*[x×]\s*(\d+)(?:\s*[x×]\s*(\d+(?:[.,]\d+)?)\s*({UNIT_WORD})?)?\b"
)
# A load first, then reps and maybe sets ("200x3", "100kg x 5", "42.5x8", "100x5x3"): a first number with a
# unit or a decimal, or more than anyone's sets, is the load (see ``_load_first``).
_LOAD_FIRST = re.compile(
    rf"(?<![\d.])(?<!\d,)\b(\d+(?:[.,]\d+)?)\s*({UNIT_WORD})?\s*[x×]\s*(\d+)(?:\s*[x×]\s*(\d+))?\b"
    rf"(?!\s*(?:{UNIT_WORD})\b)"
)
_LOAD = re.compile(rf"\b(\d+(?:[.,]\d+)?)\s*({UNIT_WORD})\b")
# The load told is a counterweight's help ("with 40kg assistance", "40kg assisted", "40kg counterweight").
_HELP = re.compile(
    r"\b(?:assist|assistance|counter-?weight)\b|\d\s*(?:kg|kgs|kilos?|lbs?|pounds?)\s+assisted\b"
)
_SETS_STATED = re.compile(rf"\b({_COUNT})\s+(?:sets|rounds)\b")
# The sets counted after a load first ("105x7 for 3 sets", "200x3 x 2 sets"): its sets, not one set.
_FOR_SETS = re.compile(rf"\s*(?:for\s+|x\s*)?({_COUNT})\s+(?:sets|rounds)\b(?!\s+of\b)")

# Per-set reps: "8, 7, 6", "8 7 6", "8, 7 and 6", "8 reps then 7 then 6". A leading zero is a date or a
# clock ("08 03"); a number joined to another by . : / or - is a decimal, a time, a date or a range.
_ITEM = rf"(?:[1-9]\d*|{_WORD})"
_SEP = r"(?:\s*reps?\b)?(?:\s*,\s*|\s+)(?:(?:and\s+then|and|then)\s+)?(?:(?:only|just)\s+)?"
# What makes a number something other than reps: a load, a time, a length, a count of sets.
_NOT_REPS = (
    rf"[%×x:]|(?:{UNIT_WORD}|am|pm|a\.m|p\.m|h|hrs?|hours?|mins?|minutes?|s|secs?|seconds?|sets?|rounds?"
    r"|times|o'?clock|th|st|nd|rd|bands?|plates?|more|extra|cm|ft|feet|inch\w*|years?|yrs?|yo|weeks?|days?"
    r"|months?)\b"
    # ...and a load before its sets: "75 for 3x8", "75 for 3 sets of 8".
    rf"|for\s+(?:\d+\s*[x×]\s*\d|(?:{_COUNT})\s+(?:sets|rounds)\b)"
)
# Where the next lift's sets begin ("8 7 6, then 3x5 ...", "... and 3 sets of 10", "... and 75 for 3x8"): a
# list may end before them, though not before another number.
_NEXT_SETS = (
    rf"\d+(?:[.,]\d+)?\s*(?:{UNIT_WORD})?\s*[x×]\s*\d|(?:{_COUNT})\s+(?:sets|rounds)\b"
    r"|\d+(?:[.,]\d+)?\s+for\s+\d"
)
_LIST = re.compile(
    rf"({_ITEM}(?:{_SEP}{_ITEM})+)(?:\s*reps?\b)?"
    rf"(?!\w|[.,:/-]\d|{_SEP}(?!{_NEXT_SETS})(?:\d|(?:{_WORD})\b)|\s*(?:{_NOT_REPS}))"
)
_RUN = re.compile(rf"(?<![\w.:/×-])(?<!\d,){_LIST.pattern}")
# Reps that go on after "3 sets of 8" or "3x8" ("3 sets of 8, 7 and 6"): those are the sets' reps.
_GOES_ON = re.compile(rf"{_SEP}{_ITEM}\b(?!\s*(?:{_NOT_REPS}))")
# A list after these is a date, a time, loads or a height ("on 12 3", "at 6 30", "at 50, 55 and 60",
# "I'm 5 11"), not reps.
_NOT_BEFORE_A_LIST = re.compile(
    r"(?:\b(?:at|with|on|by|from|since|till|until|around|about|i'?m|i am|aged?|jan(?:uary)?|feb(?:ruary)?"
    r"|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?"
    r"|dec(?:ember)?)|@)\s*$"
)

# A load with no unit: "at 55", "with 20", "@ 42.5", in the chat's unit as /log reads it.
_AT = re.compile(r"(?:\b(?:at|with)|@)\s*(?:(?:about|around|roughly|~)\s*)?(?=\d)")
_NUMBER = re.compile(r"\d+(?:[.,:/-]\d+)*")
_AMOUNT = re.compile(r"\d+(?:[.,]\d{1,2})?")
# After such a number, these say it is no load: a clock, a length of time, a count, a load with its unit.
_NOT_A_LOAD = re.compile(
    rf"\s*(?:[%×x]|(?:am|pm|a\.m|p\.m|h|hrs?|hours?|mins?|minutes?|s|secs?|seconds?|sets?|rounds?|reps?"
    rf"|times|o'?clock|bands?|plates?|percent|rir|rpe|in\s+reserve|in\s+the\s+tank|left|to\s+spare"
    rf"|{UNIT_WORD})\b)"
)
# A bare load before the sets it was lifted for: "75 for 3 sets of 8", "60 for 3x10", "105 for 7, 7 and
# then only 5" (a trial's offer was "deadlift 7,7", its load and last set lost).
_FOR_LOAD = re.compile(
    rf"(?<![\d.])(?<!\d,)\b(\d+(?:[.,]\d{{1,2}})?)\s+for\s+"
    rf"(?=(?:{_COUNT})\s+(?:sets|rounds)\s+(?:of\s+)?(?:{_COUNT})\b|\d+\s*[x×]\s*\d|{_LIST.pattern})"
)
# After a bare number, these leave it open whether it was a load or a clock ("at 6 before work", "at 100
# this morning"): then nothing is offered rather than sets without their load, or with a wrong one.
_MAYBE_A_CLOCK = re.compile(r"\s*(?:this|tonight|in\s+the|last|before|after|when|then|on|yesterday|yday)\b")
# ...of which these name a day: after a number no clock reads as an hour ("at 40 yesterday"), the load,
# as it is without the day (a newcomer trial got the row's card instead of the /log with its day). After a
# part of the day ("this morning", "tonight") a clock may have three digits too ("at 100 this morning").
_DAY_AFTER = re.compile(r"\s*(?:this|tonight|last|on|yesterday|yday)\b")
_PART_OF_DAY = re.compile(r"\s*(?:this|tonight)\b")
# A bare number up to 12 after "at" may be the hour ("pull ups 8 7 6 today at 5").
_HOUR_LIKE = 12
# ...and another number after it makes it a list or a clock ("at 50, 55 and 60", "at 6 30"), unless that
# number counts the sets ("at 55, 3 sets of 8").
_LOAD_THEN_NUMBER = re.compile(rf"{_SEP}\d+(?!\s*(?:[x×]|sets?\b|rounds?\b|days?\s+ago\b))")


def one_lift(lowered: str, lifts: Lifts, unit: str | None) -> str | None:
    """One lift's sets as a /log line: the sets and load told, the one lift ``lifts`` reads the words as
    (``Lifts.named``), the band told kept; None when any of them can't be read (see ``logtold.told``)."""
    found = reps_told(lowered)
    if found is None or found[0] is None:
        return None
    sets, load = found
    other = load_told(lowered)
    if load and other not in ((), load):
        return None  # "200x3 at 180": which is it?
    given = load or other
    each = ""
    if (pair := paired(lowered)) is not None:
        if given is None or (given and given[0] != pair[0]) or "barbell" in kit_said(lowered, paired=False):
            return None  # "3x10 at 40 with the 20s": which is it? "barbell rows with the 20s": plates?
        given, each = (pair[0], pair[1] or (given[1] if given else None)), " each"
    if given is None:
        return None
    name = lifts.named(lowered, weighted=bool(given))
    if name is None:
        return None
    # "with the purple band": kept as /log keeps it, in the note, so the offer logs what was told.
    band = "".join(f" {told}" for told in bands_said(lowered))
    if not given:
        return f"{name} {sets}{band}"
    amount, typed_unit = given
    if not 0 < amount <= MAX_LOAD[typed_unit or unit or "kg"]:
        return None
    # "pull ups 2x10 with 40kg assistance": the machine's help, as /log reads it, never a load lifted.
    helped = " assist" if _HELP.search(lowered) else ""
    return f"{name} {sets} {amount:g}{typed_unit or unit or ''}{each}{helped}{band}"


def spans(lowered: str) -> list[tuple[int, int]]:
    """Where a message tells sets, in order: each "3 sets of 8", "3x8" or "200x3" (with any reps that go on
    after it: "3x8, 7, 6"), and each list of reps one a set."""
    found = []
    firsts = _loads_first(lowered)
    for m in (*SETS_OF.finditer(lowered), *_crossed(lowered, firsts), *firsts):
        listed = _goes_on(lowered, m, firsts)
        found.append((m.start(), max(m.end(), listed.end() if listed else 0)))
    found += [
        run.span() for run in _lists(lowered) if not any(a < run.end() and run.start() < b for a, b in found)
    ]
    # Without the spaces (or new line) a match may end with.
    return sorted((start, start + len(lowered[start:end].rstrip())) for start, end in found)


def _goes_on(lowered: str, told: re.Match[str], firsts: list[re.Match[str]]) -> re.Match[str] | None:
    """The reps told after "3 sets of 8" or "3x8" ("3x8, 7, 6": 8, 7 and 6) or after one set at a load
    ("32.5 x 10, 10": 10 and 10 at 32.5), from the first set's reps on; None when none go on."""
    first = told in firsts
    if first and told.group(4) is not None:
        return None  # "100x5x3, 4": the sets were counted
    reps = 3 if first else 2
    return _LIST.match(lowered, told.start(reps)) if _GOES_ON.match(lowered, told.end(reps)) else None


def _loads_first(lowered: str) -> list[re.Match[str]]:
    """The "200x3"s (load first) of a message: a first number that has a unit or a decimal, or is more sets
    than anyone logs, is the load (as in /log's "3x8x60", where 60 can't be the sets)."""
    return [
        m
        for m in _LOAD_FIRST.finditer(lowered)
        if m.group(2) or not m.group(1).isdigit() or int(m.group(1)) > MAX_SETS
    ]


def _crossed(lowered: str, firsts: list[re.Match[str]]) -> list[re.Match[str]]:
    """The sets-by-reps of a message ("3x8", "3x8x60") that are not a load first."""
    return [
        m for m in _SETS_X_REPS.finditer(lowered) if not any(f.start() <= m.start() < f.end() for f in firsts)
    ]


# A load as told: its amount and its unit if typed; () for none.
_Load = tuple[float, str | None] | tuple[()]
# What a message's numbers say: the sets as /log writes them (None: told, but unreadably) and the load
# the sets came with ("3x8x60", "3x8x60kg", "200x3"; () for none).
_Reps = tuple[str | None, _Load]


def reps_told(lowered: str) -> _Reps | None:
    """The sets a message tells, or None when it tells none."""
    firsts = _loads_first(lowered)
    crossed = _crossed(lowered, firsts)
    told_as = [*SETS_OF.finditer(lowered), *firsts, *crossed]
    if len(told_as) > 1:
        return None, ()  # "3x8 rows and 3x10 pulldowns": two lifts' sets (``_told_many``)
    if told_as:
        found = told_as[0]
        listed = _goes_on(lowered, found, firsts)
        rest = lowered[: found.start()] + " " * (found.end() - found.start()) + lowered[found.end() :]
        if listed is None and _lists(rest):
            return None, ()  # "pull ups 8 7 6 and 3x5 negatives": two lifts' sets, as above
        if listed is not None and found in firsts:  # "32.5 x 10, 10": reps at that load
            return _each(listed, None), _load_first(found)[1]
        if listed is not None:  # "3 sets of 8, 7 and 6", "3x8, 7, 6"
            return _each(listed, _number(found.group(1))), ()
        if found in firsts:
            return _load_first(found, lowered)
        if found.re is SETS_OF:
            return _written(_number(found.group(1)), _number(found.group(2)), in_words=True), ()
        return _sets_by_reps(found)
    lists = _lists(lowered)
    if not lists:
        return None
    stated = {_number(m.group(1)) for m in _SETS_STATED.finditer(lowered)}
    if len(lists) > 1 or len(stated) > 1:
        return None, ()
    return _each(lists[0], stated.pop() if stated else None), ()


def _written(sets: int, reps: int, *, in_words: bool = False) -> str | None:
    """Sets of equal reps as /log writes them ("3x8"), if within its limits; many sets of a few reps told in
    words ("twelve sets of two") as told, since /log may read "12x2" the other way round."""
    if not (1 <= sets <= MAX_SETS and 1 <= reps <= MAX_REPS):
        return None
    return f"{sets} sets of {reps}" if in_words and turnable(sets, reps) else f"{sets}x{reps}"


def _load_first(found: re.Match[str], lowered: str = "") -> _Reps:
    """ "200x3" (one set), "100kg x 5", "100x5x3" or "105x7 for 3 sets" (three sets): the sets and the load
    they were lifted at."""
    load, typed_unit, reps, sets = found.groups()
    counted = _FOR_SETS.match(lowered, found.end()) if sets is None else None
    count = int(sets) if sets else _number(counted.group(1)) if counted else 1
    return _written(count, int(reps)), (
        float(load.replace(",", ".")),
        UNITS[typed_unit] if typed_unit else None,
    )


def _sets_by_reps(found: re.Match[str]) -> _Reps:
    """ "3x8", and "3x8x60" as /log reads it: the sets, and a third number as their load."""
    written = _written(int(found.group(1)), int(found.group(2)))
    if found.group(3) is None:
        return written, ()
    amount, typed_unit = found.group(3).replace(",", "."), found.group(4)
    if typed_unit is None and amount.isdigit() and int(amount) <= MAX_SETS:
        return None, ()  # "3x10x5": 3 sets of 10 at 5, or 3 kg for 5 sets of 10, as /log can't tell
    return written, (float(amount), UNITS[typed_unit] if typed_unit else None)


def _lists(lowered: str) -> list[re.Match[str]]:
    """The runs of numbers that read as reps one number a set (not a date, a clock or loads)."""
    return [run for run in _RUN.finditer(lowered) if not _NOT_BEFORE_A_LIST.search(lowered[: run.start()])]


def _each(listed: re.Match[str] | None, sets: int | None) -> str | None:
    """A list of reps one number a set as /log writes it, if it is one and has the ``sets`` told."""
    if listed is None:
        return None
    each = [_number(item) for item in re.findall(rf"\d+|\b(?:{_WORD})\b", listed.group(1))]
    plausible = LIST_SETS[0] <= len(each) <= LIST_SETS[1] and all(1 <= r <= MAX_REPS for r in each)
    if not plausible or sets not in (None, len(each)):
        return None
    # Commas, not spaces: /log reads "12 5" as numbers that could be reps or a load, "12,5" as two sets.
    return ",".join(map(str, each))


def load_told(lowered: str) -> _Load | None:
    """The load a message gives its sets, () for none, or None when a number after "at", "with" or "@"
    may or may not be the load ("at 50, 55 and 60", "at 6 30")."""
    if _LOAD.search(lowered):
        typed = {(float(m.group(1).replace(",", ".")), UNITS[m.group(2)]) for m in _LOAD.finditer(lowered)}
        # Two loads ("45 kg then 50 kg") can't both be the sets': no offer rather than the first.
        return typed.pop() if len(typed) == 1 else None
    amounts = set()
    for at in _AT.finditer(lowered):
        number = _NUMBER.match(lowered, at.end())
        if number is None or ":" in number.group() or "/" in number.group():
            continue  # a clock or a date
        if _NOT_A_LOAD.match(lowered, number.end()):
            continue  # a length of time, a count of sets or reps in reserve, a load with its unit
        if not _AMOUNT.fullmatch(number.group()) or _LOAD_THEN_NUMBER.match(lowered, number.end()):
            return None
        amount = float(number.group().replace(",", "."))
        hour_like = at.group().lstrip().startswith("at") and amount <= _HOUR_LIKE
        after = number.end()
        short_clock = _PART_OF_DAY.match(lowered, after) is not None
        a_day_then = _DAY_AFTER.match(lowered, after) is not None and not _clock_like(
            number.group(), short_clock
        )
        if hour_like or (_MAYBE_A_CLOCK.match(lowered, after) and not a_day_then):
            return None
        amounts.add(amount)
    amounts |= {float(m.group(1).replace(",", ".")) for m in _FOR_LOAD.finditer(lowered)}
    if len(amounts) > 1:
        return None
    return (amounts.pop(), None) if amounts else ()


def _clock_like(number: str, short_clock: bool) -> bool:
    """Whether a bare number may be a time of day: an hour (6, 18) or one written as a clock (1830; with
    ``short_clock``, 930 too)."""
    if not number.isdigit():
        return False
    value, lengths = int(number), (3, 4) if short_clock else (4,)
    return value <= 24 or (len(number) in lengths and value // 100 <= 23 and value % 100 <= 59)


def _number(token: str) -> int:
    return int(token) if token.isdigit() else COUNTS[token]


def sets_start(lowered: str) -> int:
    """Where a message's sets begin (its end when it tells none)."""
    return min((start for start, _ in spans(lowered)), default=len(lowered))


# A number after "at", "with" or "@": the load, or something told about the sets ("with 2 minutes rest").
_AT_NUMBER = re.compile(rf"{_AT.pattern}\d+(?:[.,:/]\d+)*")


def placed(chunk: str) -> list[tuple[int, int]]:
    """Where a message's numbers are read as its sets or their load: a number outside all of these is
    something else (another lift's, in a message of several)."""
    return [
        m.span()
        for pattern in (
            SETS_OF,
            _SETS_X_REPS,
            _LOAD_FIRST,
            _SETS_STATED,
            _LOAD,
            _AT_NUMBER,
            _FOR_LOAD,
            _RUN,
            PAIR,
        )
        for m in pattern.finditer(chunk)
    ]
