"""The size of the pair of dumbbells a home trainee tells at the kit question: "two dumbbells of 6 kg", "a
pair of 6kg dumbbells", "6 kilo dumbbells", "a pair of 6s".

A newcomer trial told the kit question "two dumbbells of 6 kg": the kit was noted, the 6 kg forgotten, and the
first session asked (or guessed) a load the trainee had already told. The size is kept with the kit
(``chats.home_pair``) and counts as a pair owned (``homepairs``), never as sets lifted.

One size only: "6 and 10 kg dumbbells" or adjustable dumbbells ("up to 24 kg") tell no one pair, and none is
kept. Pure text in, a load out.
"""

from __future__ import annotations

import re

from bot.coach.logsets import UNIT_WORD, UNITS
from bot.coach.progression import in_unit

_SIZE = rf"(\d{{1,3}}(?:[.,]\d{{1,2}})?)\s*({UNIT_WORD})?"
_DUMBBELLS = r"(?:dumbbells?|dumbells?|dbs?)"
_PAIR_OF = r"(?:two|a\s+pair\s+of|pair\s+of|the)"
# The ways a pair is told: its size before the word ("6kg dumbbells", "a pair of 6s", "two 6 kg ones") or
# after it ("two dumbbells of 6 kg", "dumbbells, 6 kg each", "a pair of dumbbells (6kg)"). A number without a
# unit is a size only where it cannot be a count: after "a pair of" or "two", or "of" after the word ("2
# dumbbells" are two of them; "dumbbells 3 days a week" tells the days).
_BEFORE = re.compile(rf"(?<![\w.,])(?P<of>{_PAIR_OF}\s+)?{_SIZE}\s*(?:s|{_DUMBBELLS}|ones)\b")
_AFTER = re.compile(
    rf"\b{_DUMBBELLS}\s*[(,:-]?\s*(?P<of>of|weighing|that\s+weigh)?\s*{_SIZE}(?![\w.,]*\d)(?!\s*(?:days?|x|times)\b)"
)
# Several sizes or a range told ("6 and 10 kg dumbbells", "6-10kg"), or dumbbells whose size changes.
_SEVERAL = re.compile(
    rf"\d\s*(?:{UNIT_WORD})?\s*(?:and|or|&|,|-|to)\s*\d+\s*(?:{UNIT_WORD}|s\b|{_DUMBBELLS})"
    r"|\badjustable\b|\bup\s+to\b"
)


def pair_told(text: str) -> tuple[float, str | None] | None:
    """The load of one dumbbell of the pair ``text`` tells, and the unit told with it (None: none told);
    None where it tells no pair's size, or several."""
    lowered = text.casefold()
    if not re.search(rf"\b{_DUMBBELLS}\b", lowered) or _SEVERAL.search(lowered):
        return None
    found: set[tuple[float, str | None]] = set()
    for pattern in (_BEFORE, _AFTER):
        for match in pattern.finditer(lowered):
            size, unit = match.group(2), match.group(3)
            if unit is None and match.group("of") is None:
                continue
            found.add((float(size.replace(",", ".")), UNITS[unit] if unit else None))
    sizes = {load for load, _ in found}
    if len(sizes) != 1:
        return None
    units = {unit for _, unit in found if unit is not None}
    return sizes.pop(), units.pop() if len(units) == 1 else None


def in_chat_unit(load: float | None, unit: str | None, chat_unit: str) -> float | None:
    """The pair kept (``load`` in ``unit``, None: the chat's) in the chat's unit now: a chat that moved to lb
    after telling 6 kg owns a 13.2 lb pair."""
    return in_unit(load, unit or chat_unit, chat_unit)
