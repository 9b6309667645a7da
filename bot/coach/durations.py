"""How long a message says something lasts, in days: "away two weeks" is 14, "for 10 days" is 10.

The pointer to /pause carries it, so its button holds the reminders for as long as the trainee said rather
than the default week.
"""

from __future__ import annotations

import re
import unicodedata

# Counted in days; a month is taken as 30.
UNITS = {
    "day": 1, "days": 1, "week": 7, "weeks": 7, "wk": 7, "wks": 7, "fortnight": 14, "month": 30, "months": 30,
}  # fmt: skip
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15, "twenty": 20,
    "thirty": 30, "couple": 2, "few": 3,
}  # fmt: skip
_WORD = re.compile(r"[a-z]+|\d+")


def days_named(text: str) -> int | None:
    """The first span of time the text names ("a couple of weeks", "10 days", "a fortnight"), in days."""
    tokens = _WORD.findall(_ascii_digits(text).casefold())
    for i, token in enumerate(tokens):
        unit = UNITS.get(token)
        if unit is None:
            continue
        if token == "fortnight":
            return 14
        before = [t for t in tokens[max(0, i - 3) : i] if t != "of"]
        # "a couple of weeks": the count is the nearest number word or figure before the unit.
        count = next((_count(t) for t in reversed(before) if _count(t) is not None), None)
        # "for the next month", "this week": a unit named once, with no count, is one of it.
        if count is None and not token.endswith("s"):
            count = 1
        if count is not None and count > 0:
            return count * unit
    return None


def _count(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return NUMBERS.get(token)


def _ascii_digits(text: str) -> str:
    """Digits of any script as ASCII digits ("١٤" is 14)."""
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() and not c.isascii() else c for c in text)
