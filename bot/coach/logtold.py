"""Sets told in words ("band rows, three rounds of twelve", "3 sets of 12 on the band row today", "pull
ups 8, 7 and 6"), written as /log takes them ("band row 3x12", "pull up 8,7,6"), so the coach can offer to
log them with one tap instead of answering them as a question.

What is written must log what was told and nothing else: a date, a time, a weight or a lone number is
never read as sets, and a load that can't be placed means no offer at all rather than one without it.

/log logs today's sets only (a past session is /done's, up to two days back), so ``when_told`` says whether
a message tells its sets for today, for a past day ("pull ups 10 10 10 yesterday", "did rows 3x8 on
monday") or as a plan ("I'll do rows 3x8 tomorrow"): only today's are offered.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from datetime import date
from enum import StrEnum

from bot.coach import dates
from bot.coach.lognames import Names, exercise_named
from bot.coach.logparse import MAX_LOAD, MAX_REPS, MAX_SETS, UNIT_WORD, UNITS
from bot.coach.numerals import NUMBER_WORDS, ascii_digits

# Counts of sets and reps as words; "twenty five" is two words, matched before "twenty".
COUNTS = {**NUMBER_WORDS, "twenty five": 25}
# A list of reps one number a set: two sets at least (a lone number is no list), ten at most.
LIST_SETS = (2, 10)

_WORD = "|".join(sorted(COUNTS, key=len, reverse=True))
_COUNT = rf"\d+|{_WORD}"
_SETS_OF = re.compile(rf"\b({_COUNT})\s+(?:sets|rounds)\s+(?:of\s+)?({_COUNT})\b(?!\s*(?:kg|kilo|lb|pound))")
# "3x8", and "3x8x60" as /log reads it (the third number a load only when it can't be a count of sets).
_SETS_X_REPS = re.compile(rf"\b(\d+)\s*[x×]\s*(\d+)(?:\s*[x×]\s*(\d+(?:[.,]\d+)?)\s*({UNIT_WORD})?)?\b")
_LOAD = re.compile(rf"\b(\d+(?:[.,]\d+)?)\s*({UNIT_WORD})\b")
_SETS_STATED = re.compile(rf"\b({_COUNT})\s+(?:sets|rounds)\b")

# Per-set reps: "8, 7, 6", "8 7 6", "8, 7 and 6", "8 reps then 7 then 6". A leading zero is a date or a
# clock ("08 03"); a number joined to another by . : / or - is a decimal, a time, a date or a range.
_ITEM = rf"(?:[1-9]\d*|{_WORD})"
_SEP = r"(?:\s*reps?\b)?(?:\s*,\s*|\s+)(?:(?:and\s+then|and|then)\s+)?"
# What makes a number something other than reps: a load, a time, a length, a count of sets.
_NOT_REPS = (
    rf"[%×x:]|(?:{UNIT_WORD}|am|pm|a\.m|p\.m|h|hrs?|hours?|mins?|minutes?|s|secs?|seconds?|sets?|rounds?"
    r"|times|o'?clock|th|st|nd|rd|bands?|plates?|more|extra|cm|ft|feet|inch\w*|years?|yrs?|yo|weeks?|days?"
    r"|months?)\b"
)
_LIST = re.compile(
    rf"({_ITEM}(?:{_SEP}{_ITEM})+)(?:\s*reps?\b)?(?!\w|[.,:/-]\d|{_SEP}(?:\d|(?:{_WORD})\b)|\s*(?:{_NOT_REPS}))"
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
# After a bare number, these leave it open whether it was a load or a clock ("at 6 before work", "at 100
# this morning"): then nothing is offered rather than sets without their load, or with a wrong one.
_MAYBE_A_CLOCK = re.compile(r"\s*(?:this|tonight|in\s+the|last|before|after|when|then|on|yesterday)\b")
# A bare number up to 12 after "at" may be the hour ("pull ups 8 7 6 today at 5").
_HOUR_LIKE = 12
# ...and another number after it makes it a list or a clock ("at 50, 55 and 60", "at 6 30"), unless that
# number counts the sets ("at 55, 3 sets of 8").
_LOAD_THEN_NUMBER = re.compile(rf"{_SEP}\d+(?!\s*(?:[x×]|sets?\b|rounds?\b))")


def counts_told(text: str) -> bool:
    """Whether a message tells sets and reps at all ("3x10", "three rounds of twelve", "8, 7 and 6")."""
    return _reps(text.casefold()) is not None


def told(
    text: str, exercises: Sequence[Names], *, prefer: Collection[str] = (), unit: str | None = None
) -> str | None:
    """The /log line for sets a message tells ("band row 3x12 40kg", "pull up 8,7,6"), or None when it
    does not tell an exercise of the catalog with its sets and reps; a name that fits several is the one
    of ``prefer``'s. A load typed without a unit is the chat's ``unit``, written out when given (else left
    bare, as /log reads a bare load in the chat's unit)."""
    lowered = text.casefold()
    found = _reps(lowered)
    if found is None or found[0] is None:
        return None
    sets, load = found
    name = exercise_named(lowered, exercises, prefer=prefer)
    if name is None:
        return None
    given = load or _load(lowered)
    if given is None:
        return None
    if not given:
        return f"{name} {sets}"
    amount, typed_unit = given
    if not 0 < amount <= MAX_LOAD[typed_unit or unit or "kg"]:
        return None
    return f"{name} {sets} {amount:g}{typed_unit or unit or ''}"


# A load as told: its amount and its unit if typed; () for none.
_Load = tuple[float, str | None] | tuple[()]
# What a message's numbers say: the sets as /log writes them (None: told, but unreadably) and the load
# the sets came with ("3x8x60", "3x8x60kg"; () for none).
_Reps = tuple[str | None, _Load]


def _reps(lowered: str) -> _Reps | None:
    """The sets a message tells, or None when it tells none."""
    if len(_SETS_OF.findall(lowered)) + len(_SETS_X_REPS.findall(lowered)) > 1:
        return None, ()  # "3x8 rows and 3x10 pulldowns": one /log can't hold both
    found = _SETS_OF.search(lowered) or _SETS_X_REPS.search(lowered)
    if found is not None and not _GOES_ON.match(lowered, found.end(2)):
        rest = lowered[: found.start()] + " " * (found.end() - found.start()) + lowered[found.end() :]
        if _lists(rest):
            return None, ()  # "pull ups 8 7 6 and 3x5 negatives": two lifts' sets, as above
    if found := _SETS_OF.search(lowered):
        sets, reps = (_number(g) for g in found.groups())
        if _GOES_ON.match(lowered, found.end(2)):
            return _each(_LIST.match(lowered, found.start(2)), sets), ()
        return (f"{sets}x{reps}" if 1 <= sets <= MAX_SETS and 1 <= reps <= MAX_REPS else None), ()
    if found := _SETS_X_REPS.search(lowered):
        sets, reps = int(found.group(1)), int(found.group(2))
        written = f"{sets}x{reps}" if 1 <= sets <= MAX_SETS and 1 <= reps <= MAX_REPS else None
        if found.group(3) is None and _GOES_ON.match(lowered, found.end(2)):
            return _each(_LIST.match(lowered, found.start(2)), sets), ()
        if found.group(3) is None:
            return written, ()
        amount, typed_unit = found.group(3).replace(",", "."), found.group(4)
        if typed_unit is None and amount.isdigit() and int(amount) <= MAX_SETS:
            return None, ()  # "3x10x5": 3 sets of 10 at 5, or 3 kg for 5 sets of 10, as /log can't tell
        return written, (float(amount), UNITS[typed_unit] if typed_unit else None)
    lists = _lists(lowered)
    if not lists:
        return None
    stated = {_number(m.group(1)) for m in _SETS_STATED.finditer(lowered)}
    if len(lists) > 1 or len(stated) > 1:
        return None, ()
    return _each(lists[0], stated.pop() if stated else None), ()


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


def _load(lowered: str) -> _Load | None:
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
        if _MAYBE_A_CLOCK.match(lowered, number.end()) or hour_like:
            return None
        amounts.add(amount)
    if len(amounts) > 1:
        return None
    return (amounts.pop(), None) if amounts else ()


def _number(token: str) -> int:
    return int(token) if token.isdigit() else COUNTS[token]


# ---------------------------------------------------------------- the day the sets were told for


class When(StrEnum):
    """The day a message tells its sets for."""

    TODAY = "today"
    PAST = "past"
    FUTURE = "future"


# A weekday as people write it, but not "mon", "wed", "sat" or "sun": those are words too ("sat down").
_WEEKDAYS = {name: day for name, day in dates.WEEKDAYS.items() if name not in ("mon", "wed", "sat", "sun")}
_WEEKDAY = re.compile(
    rf"\b(?:(last|next|this\s+coming|coming)\s+)?({'|'.join(sorted(_WEEKDAYS, key=len, reverse=True))})\b"
)
_SOME = rf"\d+|{_WORD}|a\s+few|a\s+couple(?:\s+of)?|couple(?:\s+of)?|few|several"
_PAST = re.compile(
    r"\b(?:(?:the\s+)?day\s+before\s+yesterday|yesterday|yday|yest|last\s+(?:night|week|weekend|time|session"
    r"|workout|month)|the\s+other\s+day|(?:days?|weeks?|nights?)\s+ago|(?:over|at|on)\s+the\s+weekend"
    r"|(?:this\s+)?past\s+(?:week|weekend)|earlier\s+(?:this|in\s+the)\s+week"
    r"|previous\s+(?:session|workout|day))\b"
)
_FUTURE = re.compile(
    r"\b(?:(?:the\s+)?day\s+after\s+tomorrow|tomorrow|tmrw|tmr|tomoz|next\s+(?:week|weekend|month)"
    rf"|in\s+(?:{_SOME})\s+days?)\b"
)
# Before the sets, these make them a plan ("I'll do rows 3x8"); after them, the plan is for what comes
# next ("pull ups 8 7 6, I'll try for 9 next time"). "I'm going to log ..." asks for a log.
_PLANNED = re.compile(
    r"\b(?:i'll|i\s+will|will\s+(?:do|try|hit|go|aim|attempt)|going\s+to|gonna|plan(?:ning)?\s+(?:to|on)"
    r"|about\s+to|next\s+(?:time|session|workout))\b"
    r"(?!(?:\s+\w+)?\s+(?:log|record|track|note|add|save|enter|write|jot|put)\b)"
    # "going to the gym", "going to work": a place, not a plan for the sets.
    r"(?!\s+(?:the|a|an|my|work|bed|school|gym|class)\b)"
)
# A day after these is compared with, not the day of the sets ("one more than last time", "sore since
# yesterday", "better than on monday").
_COMPARED = re.compile(
    r"\b(?:than|since|as|vs\.?|versus|like|compared\s+(?:to|with)|after|before)\s+(?:on\s+)?(?:the\s+)?$"
)


def when_told(text: str, today: date) -> When:
    """Whether a message tells its sets for ``today`` (the chat's), for a past day or as a plan.

    A day named anywhere counts ("pull ups 10 10 10 yesterday"), unless it is compared with; a weekday is
    today's only on that weekday, and a day neither before nor after today by its words ("on monday", "on
    the 20th") is a past one unless the sets are planned. No day named is today ("this morning", "tonight").
    """
    lowered = ascii_digits(text).casefold().replace("\u2019", "'")
    if any(m.start() < _sets_start(lowered) for m in _PLANNED.finditer(lowered)):
        return When.FUTURE
    if _named(_PAST, lowered):
        return When.PAST
    if _named(_FUTURE, lowered):
        return When.FUTURE
    other = False
    for m in _named(_WEEKDAY, lowered):
        which, name = m.groups()
        if which == "last":
            return When.PAST
        if which is not None:
            return When.FUTURE
        other = other or _WEEKDAYS[name] != today.weekday()
    return When.PAST if other or _date_named(lowered, today) else When.TODAY


def _named(pattern: re.Pattern[str], lowered: str) -> list[re.Match[str]]:
    return [m for m in pattern.finditer(lowered) if not _COMPARED.search(lowered[: m.start()])]


def _sets_start(lowered: str) -> int:
    """Where a message's sets begin (its end when it tells none)."""
    found = [m.start() for m in (_SETS_OF.search(lowered), _SETS_X_REPS.search(lowered)) if m is not None]
    found += [run.start() for run in _lists(lowered)[:1]]
    return min(found, default=len(lowered))


def _date_named(lowered: str, today: date) -> bool:
    """Whether the message names a calendar day other than today after "on" ("on the 20th", "on 22/11")."""
    words = dates.tokens(lowered)
    for at, word in enumerate(words):
        if word == "on" and not _COMPARED.search(" ".join(words[:at]) + " "):
            read = dates.read_day(words, at + 1, today)
            if read is not None and read.spelled and read.day != today:
                return True
    return False
