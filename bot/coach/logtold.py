"""Sets told in words ("band rows, three rounds of twelve", "3 sets of 12 on the band row today"), written
as /log takes them ("band row 3x12"), so the coach can offer to log them with one tap instead of answering
them as a question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.coach.logparse import Names, exercise_named

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "twenty five": 25, "thirty": 30,
}  # fmt: skip
_COUNT = r"\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_SETS_OF = re.compile(rf"\b({_COUNT})\s+(?:sets|rounds)\s+(?:of\s+)?({_COUNT})\b(?!\s*(?:kg|kilo|lb|pound))")
_SETS_X_REPS = re.compile(r"\b(\d+)\s*[x×]\s*(\d+)\b")
_LOAD = re.compile(r"\b(\d+(?:[.,]\d+)?)\s*(kg|kgs|kilos?|lbs?|pounds?)\b")


def told(text: str, exercises: Sequence[Names]) -> str | None:
    """The /log line for sets a message tells ("band row 3x12 40kg"), or None when it does not tell an
    exercise of the catalog with its sets and reps."""
    lowered = text.casefold()
    found = _SETS_OF.search(lowered) or _SETS_X_REPS.search(lowered)
    if found is None:
        return None
    sets, reps = (_number(g) for g in found.groups())
    if not (1 <= sets <= 20 and 1 <= reps <= 100):
        return None
    name = exercise_named(lowered, exercises)
    if name is None:
        return None
    load = _LOAD.search(lowered)
    if load is None:
        return f"{name} {sets}x{reps}"
    unit = "lb" if load.group(2).startswith(("lb", "pound")) else "kg"
    return f"{name} {sets}x{reps} {load.group(1).replace(',', '.')}{unit}"


def _number(token: str) -> int:
    return int(token) if token.isdigit() else NUMBER_WORDS[token]
