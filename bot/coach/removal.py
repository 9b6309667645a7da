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
from collections.abc import Collection, Sequence

from bot.coach.lognames import Names, exercise_named, name_key
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
# What points back to a lift named before the request ("I didn't do the band rows, please take them off").
_PRONOUNS = frozenset({"it", "them", "those", "these", "that", "this", "they", "em"})
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


def asks_off(text: str) -> bool:
    """Whether a message has a word that asks to take something off ("delete", "take … off"): only then is
    today's log read to find what it names."""
    return _ASK.search(_plain(text)) is not None


def _plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'").split())


def read(text: str, exercises: Sequence[Names] = (), *, prefer: Collection[str] = ()) -> str | None:
    """The words naming the lift a message asks to take off the log ("barbell" of "please delete the barbell
    one"), or None when it asks no such thing: no word that asks it, a question (how to delete a log is a
    question for the answerer), sets told, or no word left to name a lift ("delete it" is /undo's). A
    request whose object is a pronoun ("take them off", "delete it", "remove those") names the lift the
    message named before it, among ``exercises`` (the last clause before it that names one; "rows" alone,
    one of ``prefer``, today's logged lifts), so "I didn't do the band rows today, please take them off" is
    the band row's."""
    plain = _plain(text)
    if not plain or asks(plain) or counts_told(plain):
        return None
    asked = _ASK.search(plain)
    if asked is None:
        return None
    end = _CLAUSE_END.search(plain, asked.end())
    said = plain[asked.end() : end.start() if end else len(plain)].replace("'s", "").replace("'", "")
    if _PLAN.search(said):
        return None
    words = [word for word in re.split(r"[^\w]+", said) if word]
    kept = [word for word in words if word not in _WORDS]
    named = " ".join(word for word in name_key(" ".join(kept)).split() if word not in _WORDS)
    if not named and _PRONOUNS.intersection(words):
        return _named_before(plain[: asked.start()], exercises, prefer)
    return named or None


def _named_before(text: str, exercises: Sequence[Names], prefer: Collection[str]) -> str | None:
    """The lift the last clause of ``text`` that names one names, as the words /log reads; None for none."""
    clauses = [clause for clause in _CLAUSE_END.split(text) if clause.strip()]
    for clause in reversed(clauses):
        named = exercise_named(clause, exercises, prefer=prefer)
        if named is not None:
            return name_key(named)
    return None
