"""Sets told in words ("band rows, three rounds of twelve", "3 sets of 12 on the band row today"), written
as /log takes them ("band row 3x12"), so the coach can offer to log them with one tap instead of answering
them as a question.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from bot.coach.lognames import Names, exercise_named
from bot.coach.logparse import UNIT_WORD, UNITS
from bot.coach.numerals import NUMBER_WORDS

# Counts of sets and reps as words; "twenty five" is two words, matched before "twenty".
COUNTS = {**NUMBER_WORDS, "twenty five": 25}
_COUNT = r"\d+|" + "|".join(sorted(COUNTS, key=len, reverse=True))
_SETS_OF = re.compile(rf"\b({_COUNT})\s+(?:sets|rounds)\s+(?:of\s+)?({_COUNT})\b(?!\s*(?:kg|kilo|lb|pound))")
_SETS_X_REPS = re.compile(r"\b(\d+)\s*[x×]\s*(\d+)\b")
_LOAD = re.compile(rf"\b(\d+(?:[.,]\d+)?)\s*({UNIT_WORD})\b")


def counts_told(text: str) -> bool:
    """Whether a message tells sets and reps at all ("3x10", "three rounds of twelve")."""
    lowered = text.casefold()
    return _SETS_OF.search(lowered) is not None or _SETS_X_REPS.search(lowered) is not None


def told(text: str, exercises: Sequence[Names], *, prefer: Collection[str] = ()) -> str | None:
    """The /log line for sets a message tells ("band row 3x12 40kg"), or None when it does not tell an
    exercise of the catalog with its sets and reps; a name that fits several is the one of ``prefer``'s."""
    lowered = text.casefold()
    found = _SETS_OF.search(lowered) or _SETS_X_REPS.search(lowered)
    if found is None:
        return None
    sets, reps = (_number(g) for g in found.groups())
    if not (1 <= sets <= 20 and 1 <= reps <= 100):
        return None
    name = exercise_named(lowered, exercises, prefer=prefer)
    if name is None:
        return None
    load = _LOAD.search(lowered)
    if load is None:
        return f"{name} {sets}x{reps}"
    return f"{name} {sets}x{reps} {load.group(1).replace(',', '.')}{UNITS[load.group(2)]}"


def _number(token: str) -> int:
    return int(token) if token.isdigit() else COUNTS[token]
