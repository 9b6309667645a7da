"""A request to take one lift's sets logged today off the log: "please delete the barbell one", "remove the
deadlift I logged", "take the rows off today's log".

A newcomer trial's "that wasn't a barbell deadlift, I did the dumbbell romanian deadlifts, please delete the
barbell one" got the deadlift's card, and the only way out was /undo four times. Such a message is read here
as a request: a word that asks to take something off, and the words after it that name the lift (the filler
and the log's own words left out). Which of today's lifts they name is the caller's to say, as a correction's
are. Pure: no Telegram, no database.
"""

from __future__ import annotations

import re
import unicodedata

from bot.coach.lognames import name_key
from bot.coach.logtold import asks, counts_told

# What asks to take something off the log ("take the rows off"). "Drop" is no such word: a drop set is a set.
_ASK = re.compile(
    r"\b(?:delete|remove|erase|scrap|unlog|wipe|get\s+rid\s+of|take\s+(?:back|away)|cancel"
    r"|take(?=\s.*\b(?:off|out)\b))\b"
)
# A lift taken out of the plan, not the log ("remove deadlifts from my program"): no such request.
_PLAN = re.compile(r"\b(?:plans?|program(?:me)?s?|routines?|workouts|sessions|schedule|rotation)\b")
# Where the words naming the lift end: the end of the clause.
_CLAUSE_END = re.compile(r"[.,;:!\n]|\b(?:and|but|because|since|as|so|then)\b")
# The words around a lift named and the log's own: what is left names the lift ("the barbell one": barbell).
_WORDS = frozenset(
    {
        *("a", "an", "the", "one", "ones", "i", "me", "my", "it", "its", "that", "this", "those", "these"),
        *("them", "of", "on", "in", "at", "for", "with", "from", "off", "out", "back", "away", "by"),
        *("logged", "log", "logs", "today", "todays", "set", "sets", "entry", "entries", "lift", "exercise"),
        *("please", "pls", "plz", "kindly", "just", "only", "which", "was", "were", "wrong", "mistake"),
        *("earlier", "accident", "you", "can", "could", "all", "again", "did", "didnt", "not", "last"),
        *("accidentally", "mistakenly", "wrongly", "added", "put", "entered", "typed", "recorded"),
    }
)


def read(text: str) -> str | None:
    """The words naming the lift a message asks to take off the log ("barbell" of "please delete the barbell
    one"), or None when it asks no such thing: no word that asks it, a question (how to delete a log is a
    question for the answerer), sets told, or no word left to name a lift ("delete it" is /undo's)."""
    plain = " ".join(unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'").split())
    if not plain or asks(plain) or counts_told(plain):
        return None
    asked = _ASK.search(plain)
    if asked is None:
        return None
    end = _CLAUSE_END.search(plain, asked.end())
    said = plain[asked.end() : end.start() if end else len(plain)].replace("'s", "").replace("'", "")
    if _PLAN.search(said):
        return None
    kept = [word for word in re.split(r"[^\w]+", said) if word and word not in _WORDS]
    named = " ".join(word for word in name_key(" ".join(kept)).split() if word not in _WORDS)
    return named or None
