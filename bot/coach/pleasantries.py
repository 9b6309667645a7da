"""Small talk: greetings, thanks, praise and goodbyes, told apart from questions before any topic is scored.

Pure logic: no I/O, no Telegram. The phrases and replies are lexicon.toml's ``[smalltalk]`` tables.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.coach.knowledge import SmallTalk
from bot.coach.reading import Reading
from bot.coach.wording import words

# When a message holds several kinds, the one replied to: thanks before a greeting ("hi, thanks!").
KIND_PRIORITY = ("aboutbot", "thanks", "bye", "howareyou", "greeting", "cheer", "ack")
# Words that make a message ask rather than only say something (its first word, for a sentence).
ASKING = frozenset((
    "how", "what", "when", "why", "which", "where", "who", "whats", "hows", "should", "can", "could",
    "is", "are", "do", "does", "did", "will", "would", "any",
))  # fmt: skip
# Of those, the ones that ask only when they open a clause: mid-clause they mostly say ("you are stricter
# than my headteacher", "this is gold"), where "what" or "should" anywhere still ask ("not sure if I should").
ASKING_FIRST = frozenset(("is", "are", "do", "does", "did"))
# Thanks, praise or goodbye can come with what helped or where the asker is off to; a greeting cannot ("hi,
# I need a beginner plan" asks for the plan).
PARTING = ("thanks", "bye", "cheer")
PARTING_WORDS = 15  # a longer message that thanks is usually a story with a question in it
# Small talk that may come with the asker's own words as a clause ("hello there, it's Graham again").
FRAMING = ("greeting", "howareyou", "thanks", "bye")
# Small talk that says the same wherever it stands in a message that asks nothing (a greeting does not: "hi"
# and "hey" stand inside questions too).
ANYWHERE = ("thanks", "cheer")
# The longest small-talk phrase looked for at either end of a message of one clause ("thanks a million").
EDGE_WORDS = 3
_CLAUSE_END = re.compile(r"[,;:.!?]+")
# "Hello from Bogota!": a greeting and where it comes from, a place the lexicon need not know.
_GREETING_FROM = re.compile(
    r"^((hi|hello|hey|hiya|greetings|hola|howdy|(good )?(morning|afternoon|evening))[!,.]* ?)+"
    r"(there |all |everyone )?,? ?from( [^\W\d_]+){1,6}[\s!.]*$"
)
# The bot's own name: "nice to meet you, Back Coach" names no back.
_NAME = re.compile(r"\bback\s*coach\b", re.IGNORECASE)
# A remark that measures the bot against someone ("you are more strict than my climbing coach"): whatever
# the comparison's words, it asks nothing.
_MEASURED = re.compile(
    r"\b(you|youre|you're|you’re|ur|u)\s+(are\s+|r\s+)?(a\s+|so\s+|even\s+|way\s+|much\s+|far\s+|a\s+lot\s+)?"
    r"(more\s+\w+|less\s+\w+|\w+er)"
    r"(\s+coach|\s+trainer)?\s+than\b"
)


class Pleasantries:
    def __init__(self, entries: Sequence[SmallTalk], read: Callable[[str], Reading]) -> None:
        self._entries = tuple(entries)
        self._by_kind = {entry.kind: entry for entry in entries}
        self._read = read

    def kind(self, question: str, kept: str, reading: Reading, asks_bot: Callable[[], bool]) -> str | None:
        """The kind of small talk ``question`` is (``kept`` its trimmed text, ``reading`` how it reads), or
        None for a question; ``asks_bot`` tells whether it asks the bot to do something."""
        if _NAME.search(kept):
            question, kept = _NAME.sub(" ", question), _NAME.sub(" ", kept)
            reading = self._read(kept)
        if not reading.concepts and not reading.smalltalk and not words(question):
            kind = self._emoji(question)
            if kind is not None:
                return kind
        # What the bot is, or a joke asked of it: its words may ask, and the asker's own words may be anything
        # but a topic or a pain ("are you a robot or a real coach? just curious").
        if (
            "aboutbot" in reading.smalltalk
            and not reading.safety
            and (not reading.concepts or reading.only_smalltalk)
        ):
            return "aboutbot"
        # Every word is small talk or filler: a greeting, or thanks whose words also name a concept ("that
        # helped", "so useful"); a question mark makes it a question ("does that help?"), and so does asking
        # the bot for something ("what can this bot even do": "evening" and "even" read alike).
        if reading.only_smalltalk and (not reading.concepts or "?" not in question) and not asks_bot():
            return min(reading.smalltalk, key=KIND_PRIORITY.index)
        if _GREETING_FROM.match(" ".join(question.lower().split())):
            return "greeting"
        # Thanks, praise or goodbye said with what helped or where the asker is off to ("thanks, that cue
        # about the elbows really helped", "gotta run to practice, talk later") is still small talk: nothing
        # in a short message asks, nothing hurts and nothing asks the bot to do something ("I'm off on
        # holiday, hold the reminders" is /pause).
        parting = self._parting(kept)
        if parting is not None and not reading.safety and _says_only(question) and not asks_bot():
            return parting
        # Small talk with words the lexicon need not know ("good morning from a grey Stockholm", "how are you
        # today, are you even awake"): nothing in it names a topic, another subject, a pain or a request.
        framed = self._framed(kept)
        if (
            framed is not None
            and not reading.concepts
            and not (reading.offtopic or reading.unrelated or reading.foreign or reading.safety)
            and len(words(question)) <= PARTING_WORDS
            and not asks_bot()
        ):
            return framed
        # One clause that opens or closes with small talk and names nothing else the coach reads ("ty coach
        # ur lowkey goated", "morning lol just woke up at 2pm"): the words around it are the asker's own.
        # The edges are read last: reading them costs up to six readings, the checks before it none.
        # Praise or thanks inside the asker's own words ("lol ur lowkey better than my coach", "cheers boss,
        # you're a proper star") says no more than it does at an edge, whatever words the lexicon lacks.
        praised = [k for k in reading.smalltalk if k in ANYWHERE]
        if (
            not reading.concepts
            and not (reading.offtopic or reading.unrelated or reading.safety)
            and (praised or not reading.foreign)
            and _says_only(question)
            and not asks_bot()
        ):
            return self._edge_words(kept) or (min(praised, key=KIND_PRIORITY.index) if praised else None)
        # The bot measured against someone, in any words ("haha, you are more strict than my climbing coach").
        measured = _MEASURED.search(question.lower()) is not None
        if measured and not reading.safety and _says_only(question) and not asks_bot():
            return "cheer"
        return None

    def likely_kind(self, question: str, reading: Reading) -> str:
        """The kind of small talk a message the learned model takes for small talk is: the first its words
        name, but no praise for a question ("are you stricter than my headteacher"), and an acknowledgement
        when they name none."""
        kinds = [k for k in reading.smalltalk if k != "cheer" or _says_only(question)]
        return min(kinds, key=KIND_PRIORITY.index) if kinds else "ack"

    def reply(self, kind: str) -> str:
        return self._by_kind[kind].reply

    def _emoji(self, question: str) -> str | None:
        found = [entry.kind for entry in self._entries if any(e in question for e in entry.emoji)]
        return min(found, key=KIND_PRIORITY.index) if found else None

    def _framed(self, kept: str) -> str | None:
        """Small talk of a kind that may come with words of the asker's own (a greeting, "how are you",
        thanks, goodbye) as the first or last clause of a message of several."""
        return self._edge_clause(kept, FRAMING)

    def _parting(self, kept: str) -> str | None:
        """Thanks, praise or goodbye as a clause of its own opening or closing a message of several."""
        return self._edge_clause(kept, PARTING)

    def _edge_clause(self, kept: str, fitting: Sequence[str]) -> str | None:
        """The small talk of a ``fitting`` kind that the first or last clause is made of alone."""
        clauses = [c for c in _CLAUSE_END.split(kept) if words(c)]
        if len(clauses) < 2:
            return None
        for clause in (clauses[0], clauses[-1]):
            said = self._read(clause)
            kinds = [k for k in said.smalltalk if k in fitting]
            if said.only_smalltalk and kinds:
                return min(kinds, key=KIND_PRIORITY.index)
        return None

    def _edge_words(self, kept: str) -> str | None:
        """The small talk of a ``FRAMING`` kind that the first or last few words are made of alone."""
        said = words(kept)
        for n in range(min(EDGE_WORDS, len(said) - 1), 0, -1):
            for edge in (said[:n], said[-n:]):
                reading = self._read(" ".join(edge))
                kinds = [k for k in reading.smalltalk if k in FRAMING]
                if reading.only_smalltalk and kinds:
                    return min(kinds, key=KIND_PRIORITY.index)
        return None


def _says_only(question: str) -> bool:
    """Whether a short message only says something: no question mark and no word that asks."""
    said = words(question)
    if "?" in question or len(said) > PARTING_WORDS or ASKING.difference(ASKING_FIRST).intersection(said):
        return False
    openers = (words(clause)[:1] for clause in _CLAUSE_END.split(question))
    return not any(opener and opener[0] in ASKING_FIRST for opener in openers)
