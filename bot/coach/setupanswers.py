"""A set-up question's answer typed rather than tapped: "beginner", "1", "at the gym", "pull-up bar and
bands", "probably 3, like tuesday thursday and saturday", "tuesdays and fridays, around 9 in the evening".

Only a message that tells rather than asks, and names exactly one of the waiting question's options (the
kit question: some of its items, or nothing at all), is an answer; anything else is read as a message as
usual ("is home training enough?" is a question about home training, not the place). A word that turns an
option down in the clause that names it ("not a beginner", "no bar") leaves the answer open, so it is no
answer either; one in another clause says something else ("I've never really lifted anything, so a beginner
I suppose"). A longer message is an answer only where the option is named in a short clause of its own by a
word that means nothing else there ("new" may be a new job).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import time

from bot.coach import scheduleasked, trainingdays
from bot.coach.logtold import asks
from bot.coach.model import Equipment, Level
from bot.coach.numerals import NUMBER_WORDS, ascii_digits
from bot.coach.scheduleasked import ScheduleAsked

# Up to this a message is an answer wherever it names the option; longer, it is one only where the option's
# clause is at most CLAUSE_WORDS long and its words are not LOOSE; longer than MOST_WORDS it is telling or
# asking something else, whatever option it names on the way.
MAX_WORDS = 12
CLAUSE_WORDS = 8
MOST_WORDS = 40

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
    "load": ("something to load", "backpack", "rucksack", "weights", "kettlebell", "other load"),
    "dumbbells": ("dumbbells", "dumbbell", "dumbells", "dumbell"),
}
# Words that name an option in a short answer but may mean something else in a story ("a new job", "I've
# been away for a while", "my place is tiny").
LOOSE = frozenset(("new", "for a while", "house", "my place", "table", "band", "weights"))
NOTHING = "nothing"
_NOTHING_WORDS = ("nothing at all", "nothing", "none", "no equipment", "no kit", "no gear", "not a thing")
# "probably 3", "3 days", "three times a week", "twice a week", "2x a week": the count of days; "3 sets"
# counts something else.
_TIMES = {"once": 1, "twice": 2, "thrice": 3}
_COUNT = re.compile(
    rf"\b(\d|{'|'.join(NUMBER_WORDS)})(?:\s?x(?=\s+(?:a|per)\s+week))?\b"
    rf"(?!\s*(?:x\b|kgs?\b|lbs?\b|sets?\b|reps?\b|pm\b|am\b|[:.]\d))|\b({'|'.join(_TIMES)})\b"
)
_NOT = re.compile(
    r"\b(?:not|no|never|without|dont|don't|cant|can't|cannot|isnt|isn't|arent|aren't|nor|except)\b"
)
# A clause that tells what was ("I started as a beginner", "I used to have a bar") says nothing of now.
_PAST = re.compile(r"\b(?:was|were|used to|started|ago|back then|did)\b")
# Where a clause ends: a mark, or a word that joins two ("never lifted anything so a beginner").
_CLAUSE_END = re.compile(
    r"[,;:.!?()\n]+|\b(?:and|but|so|because|cause|cos|since|though|although|whereas|however)\b"
)


def _plain(text: str) -> str:
    """Folded, digits in ASCII, punctuation (a label's emoji, a hyphen) as spaces, one space between words."""
    folded = ascii_digits(unicodedata.normalize("NFKC", text)).casefold().replace("’", "'")
    return " ".join(re.sub(r"[^\w'#]+", " ", folded).split())


def readable(text: str) -> bool:
    """Whether a message is short and tells rather than asks, as an answer typed to a question does."""
    return 0 < len(text.split()) <= MAX_WORDS and not asks(text)


def _clauses(text: str) -> list[str] | None:
    """A message that tells, in its clauses, each plain; None for one that asks or runs too long."""
    if not 0 < len(text.split()) <= MOST_WORDS or asks(text):
        return None
    folded = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    return [plain for part in _CLAUSE_END.split(folded) if (plain := _plain(part))]


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


def _told(
    text: str, words: Mapping[str, tuple[str, ...]], clause_words: int = CLAUSE_WORDS
) -> set[str] | None:
    """The options a message names, each in a clause that neither turns it down nor tells the past ("I
    started as a beginner"); None where one does, or, in a long message, where one is named loosely or in a
    clause longer than ``clause_words``."""
    words = _firm(text, words)
    return _told_by(text, lambda clause: _named(clause, words), clause_words)


def _firm(text: str, words: Mapping[str, tuple[str, ...]]) -> Mapping[str, tuple[str, ...]]:
    """``words`` without the LOOSE ones in a message longer than a short answer, where they may be story."""
    if len(text.split()) <= MAX_WORDS:
        return words
    return {option: tuple(p for p in phrases if p not in LOOSE) for option, phrases in words.items()}


def _told_by(
    text: str, find: Callable[[str], tuple[set[str], str]], clause_words: int = CLAUSE_WORDS
) -> set[str] | None:
    """``_told`` with the options of a clause found by ``find``: what it names, and what is left of it."""
    clauses = _clauses(text)
    if clauses is None:
        return None
    long = len(text.split()) > MAX_WORDS
    found: set[str] = set()
    for clause in clauses:
        named, left = find(clause)
        if named and (
            _NOT.search(left) or _PAST.search(left) or (long and len(clause.split()) > clause_words)
        ):
            return None
        found |= named
    return found


def _one(text: str, words: Mapping[str, tuple[str, ...]]) -> str | None:
    found = _told(text, words)
    return found.pop() if found is not None and len(found) == 1 else None


def level_named(text: str) -> Level | None:
    """The level a message answers "Your level?" with: "beginner", "I'm new", "2", "level 3", or never
    having lifted told as now ("I've never lifted weights before": ``_never_lifted``)."""
    number = _LEVEL_NUMBER.fullmatch(_plain(text))
    if number is not None:
        return list(Level)[int(number[1]) - 1]
    found = _told(text, LEVEL_WORDS)
    if found is not None and _never_lifted(text):
        # Beside another level named ("… but I'm advanced at yoga") it is two answers, so none.
        found = found | {Level.BEGINNER}
    return Level(found.pop()) if found is not None and len(found) == 1 else None


def _never_lifted(text: str) -> bool:
    """Whether a message that tells says, in a clause of its own, that the trainee has never lifted: a
    newcomer trial's first message, "Hello, I'm Rosa, I'm 68 and a retired teacher. I've never lifted weights
    before", got "I don't know that one" and the level question again. Not where the clause says it ended
    ("I'd never lifted weights before last year", "until I was 40")."""
    clauses = _clauses(text) or []
    return any(_NEVER_LIFTED.search(clause) and not _ENDED.search(clause) for clause in clauses)


# "never lifted", "never trained", "never done any weight training", "never been to a gym".
_NEVER_LIFTED = re.compile(
    r"\bnever\s+(?:really\s+|ever\s+)?(?:lifted|trained|worked\s+out|been\s+to\s+a\s+gym"
    r"|done\s+(?:any\s+)?(?:weights|weight\s+training|strength\s+training|lifting))\b"
)
# A never that ended: told in the past perfect, or up to a time.
_ENDED = re.compile(r"\b(?:i'd|i had|until|till|ago|since|last|years?|months?|when)\b")


def place_named(text: str) -> Equipment | None:
    """The place a message answers "Where do you train?" with: "home", "at the gym", "mostly at home"."""
    named = _one(text, PLACE_WORDS)
    return None if named is None else Equipment(named)


def kit_named(text: str, home: Collection[str]) -> list[str] | None:
    """The home kit a message says it owns, in ``home``'s order, [] for "nothing"; None where it names none
    of the items it owns, or nothing together with an item. An item turned down or told as past in its own
    clause ("… and a band, no pull-up bar", "I used to have a bar") is not owned; the others are: a trial's
    "a pair of adjustable dumbbells and a resistance band, no pull-up bar" was read as no answer at all."""
    words = _firm(
        text, {NOTHING: _NOTHING_WORDS} | {name: KIT_WORDS[name] for name in home if name in KIT_WORDS}
    )
    clauses = _clauses(text)
    if clauses is None:
        return None
    found: set[str] = set()
    for clause in clauses:
        # Kit is named by things, no word of which means anything else in a clause however long.
        named, left = _named(clause, words)
        if not (_NOT.search(left) or _PAST.search(left)):
            found |= named
    if not found or (NOTHING in found and len(found) > 1):
        return None
    return [name for name in home if name in found]


def zone_named(text: str, zones_in: Callable[[str], tuple[set[str], str]]) -> str | None:
    """The timezone a message answers "Your timezone?" with: the one zone it names, a city, a full key or a
    country with one zone, found in each clause by ``zones_in`` (``scheduler.slots.zones_in``: "I live in
    Amsterdam", "I'm in Berlin", "based near Manchester, UK", "Toronto time"); None where it names none,
    several, or one it turns down or tells the past of ("not Berlin any more", "I used to live in Paris")."""
    found = _told_by(text, zones_in)
    return found.pop() if found is not None and len(found) == 1 else None


def _count(number: str, times: str) -> int:
    if times:
        return _TIMES[times]
    return int(number) if number.isdigit() else NUMBER_WORDS[number]


def days_named(text: str) -> ScheduleAsked | None:
    """The training days a message answers the days question with, and the reminder time told with them:
    the days it names anywhere ("probably 3, like tuesday thursday and saturday", "tuesdays and fridays,
    around 9 in the evening"), or a count onboarding offers ("probably 3", "three times a week") as that
    count's weekdays, but for the days it says do not work ("twice a week, I work mondays and thursdays":
    Tue, Fri; ``trainingdays.spread_around``); None where the two disagree, it names neither, or leaves the
    time or the days it turns down open."""
    timed = scheduleasked.time_asked(text) if readable(text) else None
    if timed is None:
        return None
    at, untimed = timed
    asked = scheduleasked.schedule_asked(text, None)
    plain = _plain(untimed)
    counts = {_count(number, times) for number, times in _COUNT.findall(plain)}
    if asked is not None:
        return asked if not counts or counts == {len(asked.days)} else None
    # "I can't do 3" turns the count down; "3 days, can't do weekends" only the days.
    counted = [clause for part in _CLAUSE_END.split(untimed) if _COUNT.search(clause := _plain(part))]
    if len(counts) != 1 or any(_NOT.search(clause) for clause in counted):
        return None
    count, unavailable = counts.pop(), scheduleasked.days_turned_down(text)
    if count not in trainingdays.CHOICES or unavailable is None:
        return None
    days = trainingdays.spread_around(count, unavailable)
    return None if days is None else ScheduleAsked(days, at)


@dataclass(frozen=True)
class ScheduleReply:
    """What a reply to /schedule's question sets: the days (None: the chat's stay) and the reminder time
    (None: it stays), and whether they were read from words rather than as /schedule reads its arguments
    (an hour read as the morning's is then said, with how to have the evening's)."""

    days: frozenset[int] | None
    at: time | None
    in_words: bool = False


# A count onboarding offers, alone, replies to the days question ("3"), rather than naming 03:00; any other
# digit is an hour, as /schedule reads it ("6" is 06:00).
_COUNT_ALONE = re.compile(rf"[{''.join(map(str, trainingdays.CHOICES))}]")


def schedule_reply(
    text: str,
    current: frozenset[int],
    strict: Callable[[str], tuple[frozenset[int] | None, time | None] | None],
) -> ScheduleReply | None:
    """The days and time a reply to /schedule's question ("Which days, and at what time?") sets: a count
    onboarding offers alone ("3"), then what ``strict`` reads (/schedule's own reading of its arguments,
    "mon thu", "tue fri 7pm", a time alone "10:00" or "10"), then days or a count told in words, with a
    time or without, as set-up's days question reads them ("tuesdays and fridays at 7pm", "3 days",
    "twice a week, I work mondays and thursdays"), then a change of the chat's ``current`` days or time
    ("around 8 in the evening", "drop friday"); None for a message that tells none of them."""
    alone = _COUNT_ALONE.fullmatch(_plain(text))
    if alone is not None:
        return ScheduleReply(trainingdays.spread(int(alone[0])), None)
    read = strict(text)
    if read is not None:
        return ScheduleReply(*read)
    named = days_named(text)
    if named is not None:
        return ScheduleReply(named.days, named.at, in_words=True)
    asked = scheduleasked.schedule_asked(text, current) if readable(text) else None
    if asked is None:
        return None
    return ScheduleReply(None if asked.days == current else asked.days, asked.at, in_words=True)


# A count that says what it counts ("3 days a week", "twice a week"), as an answer told early must.
_COUNTED = re.compile(r"\b(?:days?|week|weekly|times)\b")


@dataclass(frozen=True)
class Ahead:
    """What a message tells of set-up's later questions while another is open: the place, the home kit it
    owns (items named: "nothing" alone is no answer told early), the timezone, the days (and time)."""

    place: Equipment | None = None
    kit: tuple[str, ...] = ()
    zone: str | None = None
    days: ScheduleAsked | None = None


def told_ahead(text: str, home: Collection[str], zones_in: Callable[[str], tuple[set[str], str]]) -> Ahead:
    """The answers a message gives to set-up questions not yet asked, each read as its own question reads
    it ("I'm in Lisbon, mondays and thursdays at 7" while the kit question is open: Europe/Lisbon, Mon and
    Thu at 07:00). A count of days must say what it counts: beside another question's answer a bare "2"
    is that answer (a level's number), while "beginner, 3 days a week" tells the days too."""
    days = days_named(text)
    if (
        days is not None
        and scheduleasked.schedule_asked(text, None) is None
        and not _COUNTED.search(_plain(text))
    ):
        days = None
    return Ahead(place_named(text), tuple(kit_named(text, home) or ()), zone_named(text, zones_in), days)
