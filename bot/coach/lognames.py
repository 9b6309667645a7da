"""How exercise names compare: what /log and a told set read a typed name against.

A name is matched on its key (case, punctuation and plurals aside, so "Pull-ups" and "pull up" agree),
with or without its spaces ("pullups"), by its words, or by spelling (rapidfuzz: difflib's measure, in
C, since difflib held the event loop up to 20 ms per unknown name). Pure: no Telegram, no database.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

# How many exercises a question back offers.
SUGGESTIONS = 3
# How alike (0-1) a typed word and a name's movement must be for the name to be offered in its place,
# and how many letters of it a slip may change at most ("dedlfit": two of "deadlift").
KIN = 0.8
LETTERS_A_SLIP = 4

# Words that say what a movement is done with, how it is gripped or where from, not which movement it is:
# a "wide grip pulldown" is a pulldown, and a "dumbbell curl" no kin of the dumbbell row.
MODIFIERS = frozenset(
    {
        *("barbell", "bb", "dumbbell", "db", "cable", "machine", "band", "banded", "bar", "ez", "smith"),
        *("kettlebell", "kb", "rope", "plate", "weighted", "grip", "wide", "close", "narrow", "neutral"),
        *("overhand", "underhand", "seated", "standing", "kneeling", "lying", "incline", "decline", "flat"),
        *("bent", "over", "one", "single", "two", "arm", "alternating", "supported", "hold", "with", "a"),
        *("the", "and", "or", "on"),
    }
)
# Words that join the word before them into one movement: "pull up", "pull down", "pull apart".
PARTICLES = frozenset({"up", "down", "apart"})
# Parts of the body this coach does not train: a "chest fly" is no rear-delt fly, nor a "calf raise" a
# Y-T-W raise, though their movements are spelled alike.
ELSEWHERE = frozenset(
    {
        *("chest", "pec", "bicep", "tricep", "leg", "calf", "calve", "quad", "glute", "hamstring", "ab"),
        *("hip", "forearm", "wrist", "lateral", "front", "side"),
    }
)
# What lifters shorten in their notebooks: "db row" is a dumbbell row, "dl" a deadlift.
SHORTHAND = {"db": "dumbbell", "bb": "barbell", "dl": "deadlift"}


@dataclass(frozen=True)
class Names:
    """An exercise and every name it may be typed as."""

    id: str
    names: tuple[str, ...]


def exercise_named(
    text: str,
    exercises: Sequence[Names],
    *,
    prefer: Collection[str] = (),
    then: Sequence[Collection[str]] = (),
) -> str | None:
    """The name of an exercise a sentence mentions word for word ("... on the band row today" → "band row"),
    the longest if several; None when it names none. A name that fits several but only one of ``prefer``
    (today's lifts: "rows" on a band-row day) is that one's own name, so the line reads the same to /log
    whatever the day; else it is the name as told ("assisted pull up", never the "pull up" inside it, which
    names another exercise), for /log to place by what else was told or to ask which. ``then`` are more
    preferences, tried in order where ``prefer`` holds none or several (the rest of today's session, then
    each lift logged, the most recent first)."""
    tiers = (prefer, *then)
    keys = index(tuple(exercises))
    named = _spellings(tuple(exercises)).named
    words = name_key(text).split()
    for size in range(min(5, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            span = " ".join(words[start : start + size])
            found = named.get(compact(span), ())
            if found and (told := _narrowed(words, start, size, keys)) is not None:
                return _one_of(told, tiers, keys)
            if len(found) == 1:
                return span
            if len(found) > 1 and (chosen := preferred(found, tiers)) is not None:
                return _shortest_own(chosen, keys)
            if len(found) > 1:
                return span
    # A lift's last word alone ("rows", "pulldowns") names today's one lift of that kind.
    pool = {ex for tier in tiers for ex in tier}
    heads = [ex for ex in pool if ex in keys and any(_head(n) in words for n in keys[ex])]
    chosen = preferred(heads, tiers)
    return None if chosen is None else _shortest_own(chosen, keys)


def preferred(candidates: Collection[str], tiers: Sequence[Collection[str]]) -> str | None:
    """Of several exercises a name fits, the one the first tier holding exactly one of them holds; None when
    no tier holds exactly one."""
    for tier in tiers:
        among = [ex for ex in candidates if ex in tier]
        if len(among) == 1:
            return among[0]
    return None


# Words a name is never widened by: "rows and pulldowns", "deadlifts with a band" are no longer names.
_NOT_NARROWING = frozenset({"with", "a", "the", "and", "or", "on"})


def _narrowed(words: list[str], start: int, size: int, keys: dict[str, frozenset[str]]) -> str | None:
    """The words before a name found that narrow it to other exercises, with the name ("romanian deadlift",
    not the "deadlift" inside it, which names the barbell deadlift: a newcomer trial's dumbbell RDL was
    logged as that), when some exercise has them all in one of its names; None when no word before does."""
    first = start
    while first > 0 and words[first - 1] not in _NOT_NARROWING:
        wider = set(words[first - 1 : start + size])
        if not any(wider <= set(name.split()) for names in keys.values() for name in names):
            break
        first -= 1
    return " ".join(words[first : start + size]) if first < start else None


def _one_of(told: str, tiers: Sequence[Collection[str]], keys: dict[str, frozenset[str]]) -> str:
    """A name widened by the words before it, as told; or, when it fits one of a tier's only (today's
    dumbbell RDL for "romanian deadlifts"), that one's own name, as an exact name is."""
    said = set(told.split())
    fitting = [ex for ex, names in keys.items() if any(said <= set(name.split()) for name in names)]
    chosen = preferred(fitting, tiers) if len(fitting) > 1 else None
    return told if chosen is None else _shortest_own(chosen, keys)


def mentions(text: str, exercises: Sequence[Names]) -> int:
    """How many exercises a sentence mentions, by a whole name or a lift's last word ("... 3x10 rows and
    pulldowns 3x8": two), whichever exercise each may be; a name inside a longer one counts once."""
    spellings = _spellings(tuple(exercises))
    words = name_key(text).split()
    count, at = 0, 0
    while at < len(words):
        size = next(
            (
                size
                for size in range(min(5, len(words) - at), 0, -1)
                if compact(" ".join(words[at : at + size])) in spellings.named
            ),
            1 if words[at] in spellings.heads else 0,
        )
        count += size > 0
        at += max(size, 1)
    return count


@dataclass(frozen=True)
class _Spellings:
    """Every exercise's names run together ("pullup": a span of words names an exercise when it runs
    together as one of its names do), each to the exercises it names in the catalog's order, and the words
    that name a lift's movement said alone ("row", "pulldown")."""

    named: dict[str, tuple[str, ...]]
    heads: frozenset[str]


@functools.lru_cache(maxsize=8)
def _spellings(exercises: tuple[Names, ...]) -> _Spellings:
    keys = index(exercises)
    joined = {ex: {compact(name) for name in names} for ex, names in keys.items()}
    every = {spelling for spellings in joined.values() for spelling in spellings}
    named = {spelling: tuple(ex for ex, own in joined.items() if spelling in own) for spelling in every}
    heads = frozenset(head for names in keys.values() for name in names if (head := _movement_head(name)))
    return _Spellings(named, heads)


def _movement_head(name: str) -> str:
    """The word that names a lift's movement when said alone ("row" of "band row", "deadlift" of "backpack
    rdl with ..."), not a modifier ("hold", "dumbbells") or a particle ("up")."""
    parts = name.split()
    parts = parts[: parts.index("with")] if "with" in parts[1:] else parts
    head = _head(" ".join(parts))
    return "" if head in MODIFIERS else head


def _head(name: str) -> str:
    """A name's last word if it names a movement ("row" of "band row"), not a particle ("up" of "pull up")."""
    last = name.split()[-1]
    return last if len(last) >= 3 else ""


def _shortest_own(exercise: str, keys: dict[str, frozenset[str]]) -> str:
    """The shortest name that is this exercise's alone ("band row", not "row")."""
    own = [n for n in keys[exercise] if not any(n in names for ex, names in keys.items() if ex != exercise)]
    return min(own or keys[exercise], key=lambda n: (len(n), n))


def own_name(exercise: str, other: str, exercises: Sequence[Names]) -> str | None:
    """A name of ``exercise`` that ``parse_log`` never reads as ``other`` ("strict pull-up", when a plain
    "pull-up" would be read as the band-assisted one), in the order ``exercises`` lists its names."""
    for names in exercises:
        if names.id == exercise:
            return next((name for name in names.names if not fits(name, exercises, other)), None)
    return None


def fits(typed: str, exercises: Sequence[Names], exercise: str | None) -> bool:
    """Whether every word typed is in one of ``exercise``'s names ("pull up" and "pullups" in
    "band-assisted pull-up")."""
    query = name_key(typed)
    words, joined = set(query.split()), compact(query)
    for name in index(tuple(exercises)).get(exercise or "", ()):
        parts = name.split()
        runs = {"".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)}
        if words <= set(parts) or joined in runs:
            return True
    return False


@functools.lru_cache(maxsize=8)
def index(exercises: tuple[Names, ...]) -> dict[str, frozenset[str]]:
    """Each exercise's names as match keys; cached, as the catalog is the same on every call."""
    return {ex.id: frozenset({name_key(name) for name in (ex.id, *ex.names)} - {""}) for ex in exercises}


def closest(typed: str, exercises: Sequence[Names], among: Collection[str]) -> tuple[str, ...]:
    """The exercises of ``among``, the one most like ``typed`` first (to offer in its place)."""
    keys = index(tuple(exercises))
    query = name_key(typed)
    ranked = sorted((ex for ex in keys if ex in among), key=lambda ex: -likeness(query, keys[ex]))
    return tuple(ranked[:SUGGESTIONS])


def related(query: str, names: Collection[str]) -> bool:
    """Whether an exercise (by its name keys) is one a typed name could plausibly mean: a movement of
    it spelled close to one of the exercise's ("tbar row" a row, "pul up negatve" a pull-up, "facepul" the
    face pull), with no part of the body the exercise does not name ("bicep curl", "chest fly")."""
    words = query.split()
    own = {word for name in names for word in name.split()}
    if any(word in ELSEWHERE and word not in own for word in words):
        return False
    # Each movement typed, and all of it run together ("facepul"), against each name's movement (its last
    # word, before any "with …": "row with a loaded backpack") and all of the name run together.
    typed = (*_movements(words), compact(" ".join(_meaningful(words))))
    for name in names:
        parts = name.split()
        parts = parts[: parts.index("with")] if "with" in parts[1:] else parts
        own_words = (*_movements(parts)[-1:], compact(" ".join(_meaningful(parts))))
        if any(_alike(one, other) for one in typed for other in own_words):
            return True
    return False


def _alike(one: str, other: str) -> bool:
    """Spelled alike, with a slip (a letter left out, added, changed or swapped) in every few letters at
    most: "pul" is "pull", but "pull" is not "pullup", two letters short of it."""
    slips = max(1, max(len(one), len(other)) // LETTERS_A_SLIP)
    return _word_likeness(one, other) >= KIN and OSA.distance(one, other) <= slips


def _meaningful(words: list[str]) -> list[str]:
    """The words that name the movement; all of them when every one is a modifier ("db")."""
    return [word for word in words if word not in MODIFIERS] or words


def _movements(words: list[str]) -> list[str]:
    """The words of a name that may name its movement, a particle joined to the word before it ("pullup")."""
    found: list[str] = []
    for word in _meaningful(words):
        if word in PARTICLES and found:
            found[-1] += word
        else:
            found.append(word)
    return found


def likeness(query: str, names: Collection[str]) -> float:
    """How alike, at best over an exercise's names: spelled as a whole ("facepul" ~ "face pull") or word
    by word in any order ("pul up negatve" ~ "negative pull up"), whichever is closer."""
    typed = query.split()
    best = 0.0
    for name in names:
        words = name.split()
        by_word = sum(max(_word_likeness(t, w) for w in words) for t in typed) / len(typed)
        best = max(best, by_word, _word_likeness(compact(query), compact(name)))
    return best


def _word_likeness(one: str, other: str) -> float:
    # difflib's measure (matching characters over total length), computed in C by rapidfuzz.
    return fuzz.ratio(one, other) / 100


def compact(name: str) -> str:
    return name.replace(" ", "")


def name_key(name: str) -> str:
    """Lower case, no punctuation, single spaces, plurals singular: "Pull-ups", "pull ups" and "pull up"
    agree (so "ups" is singular too, and any word of three letters or more ending in a single s), and so
    do "flies" and "fly"; shorthand written out ("db row" is "dumbbell row", "dls" "deadlift")."""
    words = re.sub(r"[^\w]+", " ", unicodedata.normalize("NFKC", name).casefold().replace("_", " ")).split()
    return " ".join(SHORTHAND.get(word, word) for word in map(_singular, words))


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if len(word) >= 3 and word.endswith("s") and not word.endswith("ss") else word
