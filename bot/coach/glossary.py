"""Short definitions of the words on workout cards ("RIR", "drop set", "hinge"), and questions that ask one.

"What does RIR mean?" asks for one word, and the whole intermediate card buries the answer. A short question
whose every word, besides one term of glossary.toml, is a word that asks for a meaning gets the term's two or
three sentences, with its topic's card a button away. A word about using the term ("how many
RIR should I leave", "should I do drop sets") leaves the question to the answerer, which sends the card.

The exercises on the cards are asked about the same way ("what's a floor slide?", and also "how do I do a band
row?"): such a question gets the exercise's name and cue from exercises.toml, with its topic's card a button
away. The lift a card is all about (``subject``: "how do I do a deadlift?") is left to the card.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field, field_validator, model_validator

from bot.coach import content
from bot.coach.assist import LEVELS, Asker
from bot.coach.catalog import EXERCISES_FILE, Exercise, ExercisesFile
from bot.coach.knowledge import DEFAULT_DIRECTORY, TopicId, html_problem
from bot.coach.model import Equipment
from bot.coach.texts import escape
from bot.coach.wording import phrase_key, stem, words

MAX_DEFINITION = 420
# A question about a word's meaning is short, perhaps with a short remark ("what's a floor slide? the card
# says W and Y, I don't get it"): this many words besides the name. A longer message says more, and the
# answerer reads it whole.
MAX_WORDS = 14
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
# A letter alone is read off the card or the cue ("it says W and Y"): it names nothing else.
_LETTER = re.compile(r"[a-z]")
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
    # "How do I do a band row?" asks how an exercise goes: a word of each, and no other words but these.
    how: tuple[str, ...] = Field(min_length=1)
    doing: tuple[str, ...] = Field(min_length=1)
    pointer: str

    @field_validator("meaning", "what", "be", "around", "how", "doing")
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
    topic: TopicId
    names: tuple[str, ...] = Field(min_length=1)
    text: str = Field(max_length=MAX_DEFINITION)
    # False where the word alone with a question mark ("sets?", "rest?") more likely asks how many or how
    # long, which the card answers: then only a word that asks ("what are sets?") gets the definition.
    alone: bool = True
    # Level cards besides ``topic`` that speak of it in their own words: a chat at one of those levels is
    # pointed to its own card (a beginner asking what "2 in reserve" means was sent to the intermediate one,
    # while the beginner routine says "stop 2–3 reps short of failure").
    also: tuple[TopicId, ...] = ()

    @field_validator("also")
    @classmethod
    def _levels(cls, also: tuple[str, ...]) -> tuple[str, ...]:
        if not set(also) <= set(LEVELS):
            raise ValueError(
                f"also names level cards only ({', '.join(LEVELS)}), not {sorted(set(also) - set(LEVELS))}"
            )
        return also

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


def _exercise_names(exercise: Exercise) -> tuple[str, ...]:
    return (exercise.name, exercise.short, *exercise.aliases)


@dataclass(frozen=True)
class Definer:
    """Which term or exercise a question asks about, and the reply; built once from the glossary and the
    exercises. A name several exercises share ("assisted pull-up") is the one that fits the asker."""

    glossary: Glossary
    names: dict[tuple[str, ...], Term | tuple[Exercise, ...]]
    longest: int
    asking: frozenset[str]
    meaning: frozenset[str]
    what: frozenset[str]
    be: frozenset[str]
    how: frozenset[str]
    doing: frozenset[str]
    vocabulary: frozenset[str]

    @classmethod
    def build(cls, glossary: Glossary, exercises: Sequence[Exercise] = ()) -> Definer:
        names: dict[tuple[str, ...], Term | tuple[Exercise, ...]] = {
            phrase_key(name): term for term in glossary.term for name in term.names
        }
        cued: dict[tuple[str, ...], tuple[Exercise, ...]] = {}
        written: dict[tuple[str, ...], str] = {}
        for exercise in exercises:
            for name in _exercise_names(exercise):
                key = phrase_key(name)
                if exercise not in cued.get(key, ()):
                    cued[key] = (*cued.get(key, ()), exercise)
                    written.setdefault(key, name)
        for key, sharing in cued.items():
            # A name the card's own lift has too asks for the card.
            if any(e.subject for e in sharing):
                continue
            term = names.get(key)
            if isinstance(term, Term):
                raise content.ContentError(
                    f"{EXERCISES_FILE}: {sharing[0].id!r} is called {written[key]!r}, which glossary.toml's "
                    f"{term.id!r} names too; one of them has to drop the name"
                )
            names[key] = sharing
        a = glossary.asking

        def stems(listed: tuple[str, ...]) -> frozenset[str]:
            return frozenset(stem(w) for w in listed)

        asking = a.stems()
        vocabulary = asking | stems(a.how) | stems(a.doing) | {w for key in names for w in key}
        return cls(
            glossary,
            names,
            max(len(key) for key in names),
            asking,
            stems(a.meaning),
            stems(a.what),
            stems(a.be),
            stems(a.how),
            stems(a.doing),
            frozenset(vocabulary),
        )

    def asked(
        self,
        question: str,
        correct: Callable[[str], Sequence[str]] | None = None,
        asker: Asker | None = None,
    ) -> Term | Exercise | None:
        """The term ``question`` asks the meaning of, or the exercise it asks what it is or how it goes, when
        it asks nothing else. ``correct`` gives a word the glossary does not know as the answerer reads it, as
        stems ("waht" is "what"); ``asker`` picks between exercises of one name."""
        stems = self._stems(question, correct)
        if stems is None or any(a == "for" and b in _FOR_ME for a, b in itertools.pairwise(stems)):
            return None
        found: Term | Exercise | None = None
        rest: list[str] = []
        i = 0
        while i < len(stems):
            for length in range(min(self.longest, len(stems) - i), 0, -1):
                named = self.names.get(tuple(stems[i : i + length]))
                if named is not None:
                    entry = named if isinstance(named, Term) else _fitting(named, asker)
                    # Two names ("rir or rpe?", "band row or cable row?") ask for a comparison: the card.
                    second = found is not None and _identity(entry) != _identity(found)
                    if second or (i > 0 and stems[i - 1] in _OWN):
                        return None
                    found = entry
                    i += length
                    break
            else:
                rest.append(stems[i])
                i += 1
        if found is None or len(rest) > MAX_WORDS:
            return None
        exercise = isinstance(found, Exercise)
        allowed = self.asking | self.how | self.doing if exercise else self.asking
        if not allowed.issuperset(w for w in rest if not _LETTER.fullmatch(w)):
            return None
        said = set(rest)
        if said & self.meaning or (said & self.what and said & self.be):
            return found
        if exercise and said & self.how and said & self.doing:
            return found
        alone = found.alone if isinstance(found, Term) else True
        if alone and said <= _ARTICLES and question.rstrip().endswith("?"):
            return found
        return None

    def _stems(self, question: str, correct: Callable[[str], Sequence[str]] | None) -> list[str] | None:
        tokens = words(_SETS_X_REPS.sub(f" {SETS_X_REPS} ", question.lower()))
        # The words besides the name are counted once it is found; this bounds the work on a long message.
        if not tokens or len(tokens) > MAX_WORDS + self.longest:
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

    def render(self, found: Term | Exercise, title: str, asker: Asker | None = None) -> str:
        """A term's definition, or an exercise's name and cue (the one for the ``asker``'s kit, as /workout
        shows it: no pull-up bar for a chat without one), and the line that points to the button of the
        topic card (``title``). A term has no heading: its card's title over it ("Intermediate progression"
        over what RIR means) read to a beginner as if the word were not for them yet."""
        pointer = self.glossary.asking.pointer.format(title=escape(title))
        if isinstance(found, Exercise):
            cue = found.cue_for(asker.owned() if asker is not None else frozenset())
            return f"<b>{escape(found.name)}</b>\n\n{escape(cue)}\n\n{pointer}"
        return f"{found.text}\n\n{pointer}"

    @classmethod
    def load(cls, directory: Path | None = None, exercises: Path | None = None) -> Definer:
        """From the shipped content, or ``directory`` (the knowledge files) and ``exercises`` (the content
        directory with exercises.toml)."""
        return cls.build(Glossary.load(directory), ExercisesFile.load(exercises).exercise)


def _identity(entry: Term | Exercise) -> tuple[str, str]:
    return ("exercise" if isinstance(entry, Exercise) else "term", entry.id)


def _fitting(sharing: tuple[Exercise, ...], asker: Asker | None) -> Exercise:
    """Of the exercises a name stands for, the one the asker's place and kit allow, else the first listed."""
    if asker is None or asker.equipment is None:
        return sharing[0]
    place, owned = asker.equipment, asker.owned()

    # Where none fits the kit (a home chat that owns nothing), the place's own version: the home fly with
    # water bottles, not the dumbbell one a home chat with dumbbells is given.
    def rank(e: Exercise) -> tuple[bool, bool, bool]:
        fits = place == Equipment.GYM or e.fits_kit(owned)
        return place in e.places, fits, not fits and e.places == {place}

    return max(sharing, key=rank)


def card_for(found: Term | Exercise, asker: Asker | None) -> str:
    """The card a definition points to: its own, or the asker's level card where that speaks of the term."""
    if isinstance(found, Term) and asker is not None and asker.level in found.also:
        return asker.level
    return found.topic
