"""Short definitions of the words on workout cards ("RIR", "drop set", "hinge"), and questions that ask one.

"What does RIR mean?" asks for one word, and the whole intermediate card buries the answer. A short question
whose every word, besides one term of glossary.toml, is a word that asks for a meaning gets the term's two or
three sentences under its topic's title, with the card a button away. A word about using the term ("how many
RIR should I leave", "should I do drop sets") leaves the question to the answerer, which sends the card.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field, field_validator, model_validator

from bot.coach import content
from bot.coach.knowledge import DEFAULT_DIRECTORY, TOPIC_IDS, html_problem
from bot.coach.texts import escape
from bot.coach.wording import phrase_key, stem, words

MAX_DEFINITION = 420
# A question about a word's meaning is short; a longer message says more, and the answerer reads it whole.
MAX_WORDS = 12
# Every sets × reps ("3x10", "4 × 6") reads as the one spelling glossary.toml can name.
SETS_X_REPS = "3x10"
_SETS_X_REPS = re.compile(r"\d+\s*[x×*]\s*\d+")
_DIGITS = re.compile(r"\d+")
# What is left of an amount once its number goes ("90s", "40kg"): it says nothing about the meaning asked.
_UNITS = frozenset(("s", "sec", "secs", "min", "mins", "kg", "kgs", "lb", "lbs", "x"))
# "What's" keeps its verb: "what" asks for a meaning only next to "is" or "are".
_CONTRACTED = {"whats": ("what", "is"), "whatre": ("what", "are"), "wtfs": ("wtf", "is")}
# A term asked alone ("rir?") may still have its article.
_ARTICLES = frozenset(("a", "an", "the"))
# "What is my max" asks for the asker's own number, and "what are the sets and reps for me" for their own
# prescription, which a definition does not give.
_OWN = frozenset(("my", "our"))
_FOR_ME = frozenset(("me", "us", "my", "our"))


class Asking(content.Strict):
    """Which words make a question ask what a term means (glossary.toml [asking])."""

    meaning: tuple[str, ...] = Field(min_length=1)
    what: tuple[str, ...] = Field(min_length=1)
    be: tuple[str, ...] = Field(min_length=1)
    around: tuple[str, ...] = ()
    pointer: str

    @field_validator("meaning", "what", "be", "around")
    @classmethod
    def _one_word_each(cls, listed: tuple[str, ...]) -> tuple[str, ...]:
        several = [w for w in listed if len(words(w)) != 1]
        if several:
            raise ValueError(f"one word each, not {', '.join(repr(w) for w in several)}")
        return listed

    @field_validator("pointer")
    @classmethod
    def _pointer(cls, pointer: str) -> str:
        try:
            pointer.format(title="")
        except (KeyError, IndexError, ValueError):
            raise ValueError("only {title} can be filled in") from None
        return _html(pointer)

    def stems(self) -> frozenset[str]:
        return frozenset(stem(w) for w in (*self.meaning, *self.what, *self.be, *self.around))


class Term(content.Strict):
    id: str
    topic: str
    names: tuple[str, ...] = Field(min_length=1)
    text: str = Field(max_length=MAX_DEFINITION)
    # False where the word alone with a question mark ("sets?", "rest?") more likely asks how many or how
    # long, which the card answers: then only a word that asks ("what are sets?") gets the definition.
    alone: bool = True

    @field_validator("topic")
    @classmethod
    def _topic(cls, topic: str) -> str:
        if topic not in TOPIC_IDS:
            raise ValueError(f"unknown topic {topic!r}")
        return topic

    @field_validator("names")
    @classmethod
    def _names(cls, names: tuple[str, ...]) -> tuple[str, ...]:
        empty = [n for n in names if not phrase_key(n)]
        if empty:
            raise ValueError(f"a name needs a word, not {', '.join(repr(n) for n in empty)}")
        return names

    @field_validator("text")
    @classmethod
    def _text(cls, text: str) -> str:
        return _html(text)


class Glossary(content.Strict):
    asking: Asking
    term: tuple[Term, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _distinct(self) -> Glossary:
        ids = [t.id for t in self.term]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"terms listed twice: {', '.join(twice)}")
        owner: dict[tuple[str, ...], str] = {}
        for term in self.term:
            for name in term.names:
                key = phrase_key(name)
                if owner.get(key, term.id) != term.id:
                    raise ValueError(f"{name!r} names both {owner[key]!r} and {term.id!r}")
                owner[key] = term.id
        asking = self.asking.stems()
        # A name made only of asking words would turn "what is this?" into a definition.
        vague = sorted(" ".join(key) for key in owner if set(key) <= asking)
        if vague:
            raise ValueError(f"names made only of [asking] words: {', '.join(vague)}")
        return self

    @classmethod
    def load(cls, directory: Path | None = None) -> Glossary:
        return content.load((directory or DEFAULT_DIRECTORY) / "glossary.toml", cls)


def _html(text: str) -> str:
    problem = html_problem(text)
    if problem is not None:
        raise ValueError(problem)
    return text


@dataclass(frozen=True)
class Definer:
    """Which term a question asks the meaning of, and the reply; built once from the glossary."""

    glossary: Glossary
    names: dict[tuple[str, ...], Term]
    longest: int
    asking: frozenset[str]
    meaning: frozenset[str]
    what: frozenset[str]
    be: frozenset[str]
    vocabulary: frozenset[str]

    @classmethod
    def build(cls, glossary: Glossary) -> Definer:
        names = {phrase_key(name): term for term in glossary.term for name in term.names}
        asking = glossary.asking.stems()

        def stems(listed: tuple[str, ...]) -> frozenset[str]:
            return frozenset(stem(w) for w in listed)

        a = glossary.asking
        vocabulary = asking | {w for key in names for w in key}
        return cls(
            glossary,
            names,
            max(len(key) for key in names),
            asking,
            stems(a.meaning),
            stems(a.what),
            stems(a.be),
            frozenset(vocabulary),
        )

    def asked(self, question: str, correct: Callable[[str], Sequence[str]] | None = None) -> Term | None:
        """The term ``question`` asks the meaning of, when it asks nothing else. ``correct`` gives a word the
        glossary does not know as the answerer reads it, as stems ("waht" is "what")."""
        stems = self._stems(question, correct)
        if stems is None or any(a == "for" and b in _FOR_ME for a, b in itertools.pairwise(stems)):
            return None
        found: Term | None = None
        rest: list[str] = []
        i = 0
        while i < len(stems):
            for length in range(min(self.longest, len(stems) - i), 0, -1):
                term = self.names.get(tuple(stems[i : i + length]))
                if term is not None:
                    # Two terms ("rir or rpe?") ask for a comparison, which the card makes.
                    if (found is not None and term.id != found.id) or (i > 0 and stems[i - 1] in _OWN):
                        return None
                    found = term
                    i += length
                    break
            else:
                rest.append(stems[i])
                i += 1
        if found is None or not self.asking.issuperset(rest):
            return None
        said = set(rest)
        if said & self.meaning or (said & self.what and said & self.be):
            return found
        if found.alone and said <= _ARTICLES and question.rstrip().endswith("?"):
            return found
        return None

    def _stems(self, question: str, correct: Callable[[str], Sequence[str]] | None) -> list[str] | None:
        tokens = words(_SETS_X_REPS.sub(f" {SETS_X_REPS} ", question.lower()))
        if not tokens or len(tokens) > MAX_WORDS:
            return None
        stems: list[str] = []
        for token in tokens:
            for part in _CONTRACTED.get(token, (token,)):
                stems.extend(self._stem(part, correct))
        return stems

    def _stem(self, token: str, correct: Callable[[str], Sequence[str]] | None) -> Sequence[str]:
        stemmed = stem(token)
        if stemmed in self.vocabulary:
            return (stemmed,)
        if _DIGITS.search(token):
            # A number ("2 in reserve", "rest 90s", "rir2"): the term is asked about whatever its number.
            return tuple(stem(p) for p in _DIGITS.split(token) if p and p not in _UNITS)
        return correct(token) if correct is not None else (stemmed,)

    def render(self, term: Term, title: str) -> str:
        """The definition under the topic card's ``title``, and the line that points to the card's button."""
        shown = escape(title)
        pointer = self.glossary.asking.pointer.format(title=shown)
        return f"<b>{shown}</b>\n\n{term.text}\n\n{pointer}"

    @classmethod
    def load(cls, directory: Path | None = None) -> Definer:
        return cls.build(Glossary.load(directory))
