"""The parts of a /log of several exercises, one exercise's sets each: "deadlift 1x3 200kg; lat pulldown 3x8
75kg", and as people write a session down, "band row 2x12, face pull 2x13" or "band row 2x12 and face pull
2x13".

A newcomer trial's "/log band row 2x12 and face pull 2x13" got "I couldn't read “and”", and with a comma
"I couldn't read “2x12,”". A ";" always parts; a comma or "and" parts where the sets before it are told
and a lift's name follows it. Commas stay within a part where numbers follow them: reps set by set ("5,5,4",
"5, 5 and 4") and loads set by set ("180x5, 190x3"). Nothing in brackets parts (a note: "(light, shoulder
pain)"). Pure: no Telegram, no database.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.coach.lognames import Names, mentions
from bot.coach.logsets import LogError, LogErrorKind

# What joins the parts of a /log of several exercises, and how many parts one /log takes.
PART = ";"
MAX_PARTS = 8

# A comma or "and" between two lifts' sets, and the words after it up to the next number: a name there
# starts a part.
_BETWEEN = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_NAME = re.compile(r"[^\d,;()\[\]]*")
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def parts(text: str, exercises: Sequence[Names] = ()) -> list[str] | LogError:
    """The parts of a /log of several exercises ("deadlift 1x3 200kg; lat pulldown 3x8 75kg"), blank ones
    left out: one part for a /log of one exercise (none when nothing was typed). Given the ``exercises``
    names may name, a comma or "and" followed by a lift's name parts the sets told before it too."""
    found = [piece.strip() for chunk in text.split(PART) for piece in _lifts(chunk, exercises)]
    found = [piece for piece in found if piece]
    if len(found) > MAX_PARTS:
        return LogError(LogErrorKind.TOO_MANY_PARTS, {"parts": str(len(found)), "max": str(MAX_PARTS)})
    return found


def _lifts(chunk: str, exercises: Sequence[Names]) -> list[str]:
    """``chunk`` cut before each lift named after a comma or "and" that follows sets told (a number)."""
    if not exercises:
        return [chunk]
    hidden = _BRACKETS.sub(lambda m: " " * len(m.group()), chunk)
    pieces, start = [], 0
    for between in _BETWEEN.finditer(hidden):
        name = _NAME.match(hidden, between.end())
        named = name.group().strip() if name is not None else ""
        told = re.search(r"\d", hidden[start : between.start()]) is not None
        if told and named and mentions(named, exercises) == 1:
            pieces.append(chunk[start : between.start()])
            start = between.end()
    return [*pieces, chunk[start:]]
