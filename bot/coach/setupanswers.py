"""A set-up question's answer typed rather than tapped: "beginner", "1", "at the gym", "pull-up bar and
bands", "probably 3, like tuesday thursday and saturday".

Only a short message that tells rather than asks, and names exactly one of the waiting question's options (the
kit question: some of its items, or nothing at all), is an answer; anything else is read as a message as
usual ("is home training enough?" is a question about home training, not the place). A word that turns an
option down ("not a beginner", "no bar") leaves the answer open, so it is no answer either.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping

from bot.coach import scheduleasked, trainingdays
from bot.coach.logtold import asks
from bot.coach.model import Equipment, Level
from bot.coach.numerals import NUMBER_WORDS, ascii_digits

# Longer than this a message is telling or asking something else, whatever option it names on the way.
MAX_WORDS = 12

# The buttons' labels and the words the level question itself offers ("New to lifting, training for a
# while, or experienced?").
LEVEL_WORDS: Mapping[str, tuple[str, ...]] = {
    Level.BEGINNER: ("beginner", "beginners", "new", "newbie", "novice", "just starting", "new to lifting"),
    Level.INTERMEDIATE: ("intermediate", "training for a while", "for a while", "some experience"),
    Level.ADVANCED: ("advanced", "experienced", "expert", "very experienced"),
}
# A digit alone is a level where the levels go up in the buttons' order, one to three: "1" and "level 1"
# are the first either way. At the other questions a digit names no button a Telegram user can see.
_LEVEL_NUMBER = re.compile(r"(?:level\s*)?#?([1-3])\.?")
PLACE_WORDS: Mapping[str, tuple[str, ...]] = {
    Equipment.GYM: ("gym", "the gym", "a gym", "fitness centre", "fitness center"),
    # A home gym is a place at home: its kit is the next question.
    Equipment.HOME: ("home", "at home", "house", "my place", "home gym", "my garage"),
}
# The home kit's items (exercises.toml's ``kit.home``) as its buttons name them, and what people call them.
KIT_WORDS: Mapping[str, tuple[str, ...]] = {
    "bar": ("pull up bar", "pullup bar", "chin up bar", "chinup bar", "doorway bar", "door bar", "bar"),
    "low-bar": ("low bar", "rings", "gymnastic rings", "sturdy table", "table"),
    "bands": ("resistance bands", "resistance band", "bands", "band"),
    "load": ("something to load", "backpack", "rucksack", "dumbbells", "dumbbell", "weights", "kettlebell"),
}
NOTHING = "nothing"
_NOTHING_WORDS = ("nothing at all", "nothing", "none", "no equipment", "no kit", "no gear", "not a thing")
# "probably 3", "3 days", "three times a week": the count of days; "3 sets" counts something else.
_COUNT = re.compile(
    rf"\b(\d|{'|'.join(NUMBER_WORDS)})\b(?!\s*(?:x\b|kgs?\b|lbs?\b|sets?\b|reps?\b|pm\b|am\b|[:.]\d))"
)
_NOT = re.compile(
    r"\b(?:not|no|never|without|dont|don't|cant|can't|cannot|isnt|isn't|arent|aren't|nor|except)\b"
)


def _plain(text: str) -> str:
    """Folded, digits in ASCII, punctuation (a label's emoji, a hyphen) as spaces, one space between words."""
    folded = ascii_digits(unicodedata.normalize("NFKC", text)).casefold().replace("’", "'")
    return " ".join(re.sub(r"[^\w'#]+", " ", folded).split())


def readable(text: str) -> bool:
    """Whether a message is short and tells rather than asks, as an answer typed to a question does."""
    return 0 < len(text.split()) <= MAX_WORDS and not asks(text)


def _named(plain: str, words: Mapping[str, tuple[str, ...]]) -> tuple[set[str], str]:
    """The options a message names, longest phrase first ("home gym" before "gym"), and what is left of it."""
    found: set[str] = set()
    pairs = [(phrase, option) for option, phrases in words.items() for phrase in phrases]
    for phrase, option in sorted(pairs, key=lambda pair: -len(pair[0])):
        pattern = re.compile(rf"\b{re.escape(phrase)}\b")
        if pattern.search(plain):
            found.add(option)
            plain = pattern.sub(" ", plain)
    return found, plain


def _one(text: str, words: Mapping[str, tuple[str, ...]]) -> str | None:
    if not readable(text):
        return None
    found, left = _named(_plain(text), words)
    return found.pop() if len(found) == 1 and not _NOT.search(left) else None


def level_named(text: str) -> Level | None:
    """The level a message answers "Your level?" with: "beginner", "I'm new", "2", "level 3"."""
    number = _LEVEL_NUMBER.fullmatch(_plain(text))
    if number is not None:
        return list(Level)[int(number[1]) - 1]
    named = _one(text, LEVEL_WORDS)
    return None if named is None else Level(named)


def place_named(text: str) -> Equipment | None:
    """The place a message answers "Where do you train?" with: "home", "at the gym", "mostly at home"."""
    named = _one(text, PLACE_WORDS)
    return None if named is None else Equipment(named)


def kit_named(text: str, home: Collection[str]) -> list[str] | None:
    """The home kit a message says it owns, in ``home``'s order, [] for "nothing"; None where it names none
    of the items, or nothing together with an item, or turns one down ("no bar")."""
    if not readable(text):
        return None
    nothing, left = _named(_plain(text), {NOTHING: _NOTHING_WORDS})
    found, left = _named(left, {name: words for name, words in KIT_WORDS.items() if name in home})
    if _NOT.search(left) or bool(nothing) == bool(found):
        return None
    return [name for name in home if name in found]


def days_named(text: str) -> frozenset[int] | None:
    """The training days a message answers the days question with: the days it names anywhere
    ("probably 3, like tuesday thursday and saturday"), or a count onboarding offers ("probably 3",
    "three times a week") as that count's weekdays; None where the two disagree or it names neither."""
    if not readable(text):
        return None
    plain = _plain(text)
    asked = scheduleasked.schedule_asked(text, None)
    counts = {int(n) if n.isdigit() else NUMBER_WORDS[n] for n in _COUNT.findall(plain)}
    if asked is not None:
        return asked.days if not counts or counts == {len(asked.days)} else None
    if len(counts) != 1 or _NOT.search(plain):
        return None
    count = counts.pop()
    return trainingdays.spread(count) if count in trainingdays.CHOICES else None
