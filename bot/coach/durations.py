"""How long a message says something lasts, in days: "away two weeks" is 14, "for 10 days" is 10.

The pointer to /pause carries it, so its button holds the reminders for as long as the trainee said rather
than the default week.
"""

from __future__ import annotations

import re

from bot.coach.numerals import NUMBER_WORDS, ascii_digits

# Counted in days; a month is taken as 30.
UNITS = {
    "day": 1, "days": 1, "week": 7, "weeks": 7, "wk": 7, "wks": 7, "fortnight": 14, "month": 30, "months": 30,
}  # fmt: skip
# Besides the number words, the counts people say before a span of time.
NUMBERS = {**NUMBER_WORDS, "a": 1, "an": 1, "couple": 2, "few": 3}
_WORD = re.compile(r"[a-z]+|\d+")


def days_named(text: str) -> int | None:
    """The first span of time the text names ("a couple of weeks", "10 days", "a fortnight"), in days."""
    tokens = _WORD.findall(ascii_digits(text).casefold())
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
