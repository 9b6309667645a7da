"""Calendar days as people write them: "the 20th", "3 January", "dec 20th", "20/12", "Friday", "tomorrow".

Everything is read against ``today`` (the chat's own, passed in), because "the 20th" means a different day
in every month:

- a day of the month alone is the next one on or after today ("the 31st" skips months without one);
- a day and a month without a year is the one nearest today, so "20 nov" sent on 24 Nov is four days gone
  (and can be refused as past) rather than next year's;
- a weekday is the next one after today, one to seven days ahead;
- figures are day first, as the bot writes its dates ("Sun 20 Dec"): "3/4" is the 3rd of April, and "12/20"
  is read month first only because no 20th month exists.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bot.coach.numerals import ascii_digits

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
# The weekdays' names, Monday first (as date.weekday() counts); every module that reads a day named in words
# (here, /done's day, the /schedule pointer) spells them from this.
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# How people write them: in full, in three letters, and the longer short forms.
WEEKDAYS = {
    **{name: i for i, name in enumerate(WEEKDAY_NAMES)},
    **{name[:3]: i for i, name in enumerate(WEEKDAY_NAMES)},
    "tues": 1, "weds": 2, "thur": 3, "thurs": 3,
}  # fmt: skip
_ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
    "nineteenth", "twentieth",
)  # fmt: skip
ORDINAL_WORDS = {word: n for n, word in enumerate(_ORDINALS, start=1)} | {"thirtieth": 30}
_SUFFIXES = frozenset(("st", "nd", "rd", "th"))
# A date in figures stays one token: "20/12", "20.12.2026", "2026-12-20".
_TOKEN = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}(?:[/.](?:\d{4}|\d{2}))?(?!\d)|[a-z]+|\d+")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(ascii_digits(text).casefold())


@dataclass(frozen=True)
class Read:
    """A day read from ``tokens[start:end]``; ``spelled`` says whether it was written as a calendar date
    (a month, figures, or an ordinal) rather than as a weekday or a bare day number."""

    day: date
    end: int
    spelled: bool


def read_day(words: Sequence[str], start: int, today: date, *, bare_number: bool = False) -> Read | None:
    """The day the words from ``start`` name, or None. ``bare_number`` lets "20" alone mean the 20th (after
    "/pause until", where it can mean nothing else; in a sentence it may be a time of day)."""
    at = start
    word = word_at(words, at)
    if word == "today":
        return Read(today, at + 1, False)
    if word in ("tomorrow", "tmrw", "tmr"):
        return Read(today + timedelta(days=1), at + 1, False)
    if word in ("this", "next", "coming") and word_at(words, at + 1) in WEEKDAYS:
        at += 1
        word = word_at(words, at)
    if word in WEEKDAYS:
        ahead = (WEEKDAYS[word] - today.weekday() - 1) % 7 + 1
        return Read(today + timedelta(days=ahead), at + 1, False)
    if word is not None and any(c in word for c in "/.-"):
        day = _figures(word, today)
        return Read(day, at + 1, True) if day is not None else None
    the = word == "the"
    if the:
        at += 1
    if word_at(words, at) == "end" and word_at(words, at + 1) == "of":
        return _end_of(words, at + 2, today)
    if (month := MONTHS.get(word_at(words, at) or "")) is not None:
        # "december 20th", "dec the 20th"
        at += 1 + (word_at(words, at + 1) == "the")
        number = _day_number(words, at)
        if number is None:
            return None
        day_of_month, at, _ = number
        return _with_year(words, at, month, day_of_month, today)
    number = _day_number(words, at)
    if number is None:
        return None
    day_of_month, at, ordinal = number
    if word_at(words, at) == "of" and word_at(words, at + 1) in MONTHS:
        at += 1
    if (month := MONTHS.get(word_at(words, at) or "")) is not None:
        return _with_year(words, at + 1, month, day_of_month, today)
    if not (ordinal or the or bare_number):
        return None
    found = next_day_of_month(day_of_month, today)
    return Read(found, at, True) if found is not None else None


def written(day: date) -> str:
    """A day as a trainee could type it back ("8 dec"), for the examples the bot gives."""
    return f"{day.day} {day:%b}".lower()


def next_day_of_month(day: int, today: date) -> date | None:
    """The first date on or after ``today`` that is the ``day``-th of its month."""
    year, month = today.year, today.month
    # A day of 29 to 31 is missing from at most two months in a row (January 31st → March 31st).
    for _ in range(4):
        try:
            found = date(year, month, day)
        except ValueError:
            found = None
        if found is not None and found >= today:
            return found
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def nearest(month: int, day: int, today: date) -> date | None:
    """The ``day`` of ``month`` nearest ``today``, before or after (the later one on a tie); a 29th of
    February looks as far as the leap years around it."""
    found = []
    for year in range(today.year - 4, today.year + 5):
        try:
            found.append(date(year, month, day))
        except ValueError:
            continue
    if not found:
        return None
    return min(found, key=lambda d: (abs((d - today).days), d < today))


def word_at(words: Sequence[str], index: int) -> str | None:
    return words[index] if 0 <= index < len(words) else None


def _day_number(words: Sequence[str], at: int) -> tuple[int, int, bool] | None:
    """A day of the month at ``at``: (the day, where it ends, whether it was an ordinal: "20th", "third")."""
    word = word_at(words, at)
    if word is None:
        return None
    if word.isdigit() and len(word) <= 2:
        ordinal = word_at(words, at + 1) in _SUFFIXES
        number = int(word)
        return (number, at + 1 + ordinal, ordinal) if 1 <= number <= 31 else None
    if word in ("twenty", "thirty") and (unit := ORDINAL_WORDS.get(word_at(words, at + 1) or "")) is not None:
        number = (20 if word == "twenty" else 30) + unit
        return (number, at + 2, True) if unit <= 9 and number <= 31 else None
    if word in ORDINAL_WORDS:
        return ORDINAL_WORDS[word], at + 1, True
    return None


def _with_year(words: Sequence[str], at: int, month: int, day: int, today: date) -> Read | None:
    year = word_at(words, at)
    if year is not None and len(year) == 4 and year.isdigit():
        try:
            return Read(date(int(year), month, day), at + 1, True)
        except ValueError:
            return None
    found = nearest(month, day, today)
    return Read(found, at, True) if found is not None else None


def _end_of(words: Sequence[str], at: int, today: date) -> Read | None:
    """ "the end of the month", "end of january", "end of the year": the last day of it."""
    if word_at(words, at) in ("the", "this"):
        at += 1
    word = word_at(words, at)
    if word == "year":
        return Read(date(today.year, 12, 31), at + 1, True)
    month = today.month if word == "month" else MONTHS.get(word or "")
    if month is None:
        return None
    year = today.year if month >= today.month else today.year + 1
    return Read(_last_of(year, month), at + 1, True)


def _last_of(year: int, month: int) -> date:
    first_of_next = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return first_of_next - timedelta(days=1)


def _figures(word: str, today: date) -> date | None:
    """ "20/12", "20.12.26", "20/12/2026", "2026-12-20"."""
    try:
        if "-" in word:
            year, month, day = (int(part) for part in word.split("-"))
            return date(year, month, day)
        parts = [int(part) for part in re.split(r"[/.]", word)]
        first, second = parts[0], parts[1]
        day, month = (first, second) if 1 <= second <= 12 else (second, first)
        if len(parts) == 3:
            year = parts[2] + 2000 if parts[2] < 100 else parts[2]
            return date(year, month, day)
        return nearest(month, day, today) if 1 <= month <= 12 else None
    except ValueError:
        return None
