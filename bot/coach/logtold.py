"""Sets told in words ("band rows, three rounds of twelve", "3 sets of 12 on the band row today", "pull
ups 8, 7 and 6"), written as /log takes them ("band row 3x12", "pull up 8,7,6"), so the coach can offer to
log them with one tap instead of answering them as a question.

What is written must log what was told and nothing else: a date, a time, a weight or a lone number is
never read as sets, and a load that can't be placed means no offer at all rather than one without it.

Sets of several lifts told in one message are one /log of several parts (``bot.coach.logmany``); the
numbers of one lift's are read by ``bot.coach.toldsets``.

A message that is nothing but an exercise and its sets ("lat pulldown 32.5 x 10, 10", "pull aparts 3 x
15") is read as /log reads it. Which day the sets were told for is ``bot.coach.logday``'s to say.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from bot.coach.kitwords import PAIR, kit_said
from bot.coach.loglifts import Lifts
from bot.coach.logmany import both, told_many
from bot.coach.lognames import Names, mentions, name_key
from bot.coach.logparse import PART, ParsedLog, name_typed, parse_log, written
from bot.coach.toldsets import SETS_OF, load_told, one_lift, reps_told, spans

# "log" typed before the sets as the command's word without its slash ("log dumbbell deadlift 6kg 10 10"): not
# the lift's name, which a trial's pointer carried as "/log log dumbbell deadlift …".
_LOG_WORD = re.compile(r"^\W*log\b[\s:,-]*", re.IGNORECASE)

# A message that opens like a question asks about its sets ("is 3x8 at 75 good for pulldowns", "should I do
# 3 sets of 12 band rows or more"), even with no question mark: it is answered, not logged.
_ASKS = re.compile(
    r"^\W*(?:is|isn'?t|are|aren'?t|should|shall|how|why|which|does|doesn'?t|do|would|could|am\s+i|was|were"
    r"|what(?!\s+a\b))\b"
)


def asks(text: str) -> bool:
    """Whether a message asks something (a question mark, or it opens as a question) rather than tells.
    The load wait's own is ``loadanswer.asks``, which says why their words differ."""
    return "?" in text or _ASKS.match(text.casefold().replace("\u2019", "'")) is not None


def counts_told(text: str) -> bool:
    """Whether a message tells sets and reps at all ("3x10", "three rounds of twelve", "8, 7 and 6")."""
    return reps_told(text.casefold()) is not None


def told(
    text: str,
    exercises: Sequence[Names],
    *,
    prefer: Collection[str] = (),
    unit: str | None = None,
    loaded: Collection[str] | None = None,
    holds: Collection[str] = (),
    helped: Collection[str] = (),
    barbells: Collection[str] = (),
    then: Sequence[Collection[str]] = (),
) -> str | None:
    """The /log line for sets a message tells ("band row 3x12 40kg", "pull up 8,7,6"), or None when it
    does not tell an exercise of the catalog with its sets and reps; a name that fits several is the one
    of ``prefer``'s, else ``then``'s (of those that take a load, ``loaded``, when a load is told; of those
    the kit told allows, ``Lifts.named``). A load typed without a unit is the chat's ``unit``, written out
    when given (else left bare, as /log reads a bare load in the chat's unit). Several lifts' sets are one
    line of several parts, joined by ``PART`` as /log reads them ("deadlift 1x3 200kg; lat pulldown 3x8
    75kg"). A message that is just an exercise and its sets ("lat pulldown 32.5 x 10, 10", "pull aparts 3 x
    15") is read as /log would read it. A "log" typed first is the command's word, not the lift's name."""
    text = _LOG_WORD.sub("", text, count=1)
    lowered = text.casefold()
    lifts = Lifts(exercises, prefer, loaded, holds, helped, barbells, then)
    line = _as_logged(text, lifts, unit)
    if line is None:
        found = spans(lowered)
        if (told_both := both(lowered, lifts, unit)) is not None:
            line = told_both
        elif len(found) > 1:
            line = told_many(lowered, found, lifts, unit)
        elif mentions(lowered, exercises) > 1:
            return None  # "pull ups 8 and 3 face pulls": whose sets?
        else:
            line = one_lift(lowered, lifts, unit)
    # "did the deadlifts with two 10kg dumbbells": never the barbell deadlift (``barbells``).
    return None if line is None or lifts.contradicted(line, kit_said(lowered), unit) else line


def _as_logged(text: str, lifts: Lifts, unit: str | None) -> str | None:
    """A message that is nothing but an exercise and its sets, as /log reads it, written back; None for
    anything else (a word /log would not read, a name it would ask about, numbers it would ask about)."""
    lowered = text.casefold()
    found = reps_told(lowered)
    if found is None or PART in text or load_told(lowered) is None:
        return None  # no sets told, several parts, or a number after "at" that may be the hour
    if found[0] is None and len(spans(lowered)) < 2:
        return None  # sets told as nobody logs them ("8 7 6 4 3 2 1 1 1 1 1")
    if SETS_OF.search(lowered) or PAIR.search(lowered):
        # "did lat pulldown 2 sets of 12 at 30kg", "rows 3x10 with the 20s": told in words, read in words.
        return None
    parsed = parse_log(
        text,
        lifts.exercises,
        unit=unit or "kg",
        prefer=lifts.prefer,
        holds=lifts.holds,
        loaded=lifts.loaded,
        helped=lifts.helped,
    )
    name = name_typed(text)
    if not isinstance(parsed, ParsedLog) or name is None:
        return None
    if unit is None and (parsed.load, parsed.loads, parsed.assist) != (None, (), None):
        return None  # a load in a unit not known here: the words below leave it bare
    return written(parsed, name_key(name))
