"""Sets of several lifts told in one message ("hit 200x3 on deadlift, then 3 sets of 8 on pulldown at 75",
"3x8 rows and 3x10 pulldowns", "both the RDLs and the rows, 2 sets of 8 and 2 sets of 10") as one /log of
several parts, "deadlift 1x3 200; lat pulldown 3x8 75", when the message reads one way only: each part
between two lifts' sets names one lift, with no number left over that could be the other's.

Each part is read as one lift's sets are (``bot.coach.toldsets``); ``bot.coach.logtold`` decides when a
message is read here. Pure: no Telegram, no database.
"""

from __future__ import annotations

import itertools
import math
import re

from bot.coach.loglifts import Lifts
from bot.coach.lognames import mentions
from bot.coach.logparse import PART
from bot.coach.toldsets import COUNTS, one_lift, placed, spans

# The most lifts one message is read for, and the most ways of cutting it weighed.
MAX_LIFTS = 6
MAX_CUTS = 64
# Where a message may move on from one lift to the next: a new line or sentence, "then", "+", "and", a
# comma (not a decimal comma's).
_CUT = re.compile(r"\n|;|\.(?=\s)|\+|&|,(?!\d)|\b(?:and|then|plus|also|after\s+that|followed\s+by)\b")
_SPACE_OR_CUT = re.compile(rf"{_CUT.pattern}|\s+")
# Any number in a part, to check that each is its own lift's ("one" is no count: "one-arm row", "one more").
_NUMERAL = re.compile(
    rf"\d+(?:[.,:/]\d+)*|\b(?:{'|'.join(sorted(set(COUNTS) - {'one'}, key=len, reverse=True))})\b"
)


def told_many(lowered: str, spans: list[tuple[int, int]], lifts: Lifts, unit: str | None) -> str | None:
    """Several lifts' sets as one /log line of parts. The message is cut between each two lifts' sets at a
    word or mark that may part them, or a space where there is none ("deadlift 3x5 face pulls 3x15"), and
    when no such way of cutting it reads, at any space too ("deadlift 200x3 lat pulldown, 3 sets of 8"). Every
    way of cutting it whose parts each read as one lift's sets (``_part``) must read the same, or nothing is
    offered."""
    if len(spans) > MAX_LIFTS:
        return None
    between = list(itertools.pairwise(spans))
    marked = [list(_CUT.finditer(lowered, end, start)) for (_, end), (start, _) in between]
    spaced = [list(_SPACE_OR_CUT.finditer(lowered, end, start)) for (_, end), (start, _) in between]
    read: dict[tuple[int, int], str | None] = {}
    for gaps in ([cuts or spaces for cuts, spaces in zip(marked, spaced, strict=True)], spaced):
        if math.prod(len(gap) for gap in gaps) > MAX_CUTS:
            return None
        readings = {_cut_at(lowered, chosen, lifts, unit, read) for chosen in itertools.product(*gaps)}
        readings.discard(None)
        if readings:
            return f"{PART} ".join(readings.pop() or ()) if len(readings) == 1 else None
    return None


# "both the RDLs and the rows": two lifts told together, the first name up to the "and", the second up to
# a mark or a number, less the words that lead to a load ("with the 10s", "at 40").
_BOTH = re.compile(r"\bboth\s+(?:the\s+|my\s+)?(?P<one>[^,.;:!?\n\d]+?)\s+and\s+(?:the\s+|my\s+)?")
_NAME_ENDS = re.compile(r"[,.;:!?\n\d@]")
_TO_A_LOAD = frozenset(("with", "the", "a", "pair", "of", "at", "using", "for", "about", "around", "on"))


def both(lowered: str, lifts: Lifts, unit: str | None) -> str | None:
    """Two lifts told together ("went up to the 10s on both the RDLs and the rows, 2 sets of 8 and 2 sets
    of 10") as a /log of two parts: the sets told after them one group each, in the lifts' order, or one
    group for both; the rest of the message (the load, "with the 10s") said of both."""
    both = _BOTH.search(lowered)
    if both is None:
        return None
    words = list(re.finditer(r"\S+", _NAME_ENDS.split(lowered[both.end() :], maxsplit=1)[0]))
    while words and words[-1].group() in _TO_A_LOAD:
        words.pop()
    end = both.end() + (words[-1].end() if words else 0)
    names = (both["one"], lowered[both.end() : end])
    rest = f"{lowered[: both.start()]} {lowered[end:]}"
    groups = spans(rest)
    if any(mentions(name, lifts.exercises) != 1 for name in names) or mentions(rest, lifts.exercises):
        return None
    if len(groups) not in (1, len(names)):
        return None  # "both the rows and the pulldowns, 3x8, 3x10 and 3x12": whose is which?
    lines: list[str | None] = []
    for at, name in enumerate(names):
        own = rest
        for other, (start, stop) in enumerate(groups):
            if len(groups) > 1 and other != at:
                own = own[:start] + " " * (stop - start) + own[stop:]
        # Read as a part of several lifts' is: every number in it its lift's.
        lines.append(_part(f"{name} {own}", lifts, unit))
    return None if None in lines else f"{PART} ".join(line or "" for line in lines)


def _cut_at(
    lowered: str,
    cuts: tuple[re.Match[str], ...],
    lifts: Lifts,
    unit: str | None,
    read: dict[tuple[int, int], str | None],
) -> tuple[str, ...] | None:
    """The parts a message cut at ``cuts`` reads as, if each is one lift's sets (``read`` keeps each part's
    reading, for the other ways of cutting it)."""
    bounds = [0, *(at for cut in cuts for at in cut.span()), len(lowered)]
    lines = []
    for begin, end in zip(bounds[::2], bounds[1::2], strict=True):
        if (begin, end) not in read:
            read[begin, end] = _part(lowered[begin:end], lifts, unit)
        line = read[begin, end]
        if line is None:
            return None
        lines.append(line)
    return tuple(lines)


def _part(chunk: str, lifts: Lifts, unit: str | None) -> str | None:
    """One lift's sets, if ``chunk`` names one lift and every number in it is that lift's."""
    found = spans(chunk)
    if len(found) != 1:
        return None
    taken = placed(chunk)
    taken += found
    if any(not any(a <= m.start() and m.end() <= b for a, b in taken) for m in _NUMERAL.finditer(chunk)):
        return None  # "6 and rows 12, 10": the 6 was the lift before's
    if mentions(chunk, lifts.exercises) != 1:
        return None  # "pull ups and rows 3x8": whose sets?
    return one_lift(chunk, lifts, unit)
