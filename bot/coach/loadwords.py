"""Loads told in words while As written waits for them: "about 45 I think", "24kg dumbbell, pec deck was
35", "40 on the rows and 55 on the pulldown", "the row was 40kg".

A newcomer's answers like these were not read as loads: they went to the question answerer, were declined
as off-topic, and the question waiting was dropped, so what they told was lost. Each part of the message
(cut at a comma, a semicolon, a line, "and" or "then") holds one number, with its unit and "each" as a
plain answer takes them, and what else it says is either filler ("about", "I think", "was", "kg",
"dumbbell") or names a lift asked, by the names /log reads (``lognames``, ``logparse.match_exercise``). A
named number is that lift's, in any order; the others answer the lifts asked in the order asked. A part
that says anything else, names a lift not asked, tells sets, or holds two numbers, makes the message no
answer: a wrong lift logged would be worse than asking again. Pure: no Telegram, no database.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from bot.coach.loadanswer import EACH, SAME, SET_WORDS, SETS, SKIP_WORDS, UNIT, Answer, Kind, unit_named
from bot.coach.loglifts import kit_fits
from bot.coach.lognames import Names, exercise_named, index, name_key
from bot.coach.logparse import LogError, LogErrorKind, match_exercise
from bot.coach.numerals import ascii_digits

# Between two loads told: a line, a semicolon, a comma (not a decimal comma, "82,5"), "and", "then".
_PARTS = re.compile(r"\s*(?:[;\n]|,(?!\d)|\band\b|\bthen\b|&)\s*")
# A number told as a load, not part of a word or of another number: "24kg", "45", "82,5 kg", "8 kg each", or
# dumbbells called by their weight, "the 15s" ("s" or "'s" right after it), each hand's.
_NUMBER = re.compile(
    rf"(?<![\w.,+\-−])(\d{{1,9}}(?:[.,]\d{{1,2}})?)(?!\d)(?:('?s)\b|\s*(?:({UNIT})\b)?({EACH})?)"
)
# What a part may say besides its number and a lift's name: how sure, linking words, what held the load.
FILLER = frozenset(
    {
        *("about", "around", "roughly", "approximately", "approx", "maybe", "probably", "like", "ish"),
        *("i", "think", "guess", "reckon", "believe", "was", "were", "is", "it", "its", "that", "those"),
        *(
            "did",
            "used",
            "went",
            "with",
            "on",
            "in",
            "for",
            "at",
            "of",
            "the",
            "a",
            "my",
            "me",
            "just",
            "only",
        ),
        *("all", "both", "them", "so", "ok", "okay", "um", "uh", "oh", "yeah", "yes", "sorry", "hmm"),
        *(
            "dumbbell",
            "dumbbells",
            "db",
            "barbell",
            "bar",
            "empty",
            "ones",
            "cable",
            "machine",
            "stack",
            "weight",
            "load",
        ),
        *("backpack", "bag", "rucksack", "pack", "bottle", "bottles", "water", "weights", "plates"),
        # Not "arm" or "side": a name's words ("straight arm", "one arm row"); "8 kg each arm" is read with
        # its number.
        *("each", "hand", "hands", "per", "pair"),
    }
)


# Filler that is also a word of lifts' names: kept to tell which lift a name means ("the cable row").
NAME_KIT = frozenset({"dumbbell", "dumbbells", "db", "barbell", "cable", "machine"})
# How ``kit_fits`` calls the kit words a trainee may say otherwise.
_KIT_AS = {"dumbbells": "dumbbell", "db": "dumbbell"}


@dataclass(frozen=True)
class Unasked:
    """A message whose part names a lift, but none of those asked ("pec deck was 35" when the fly is
    asked): no answer, and the words that named it, to say so."""

    said: str
    # The one exercise it names and the load told, when known: one logged today is said how to correct.
    exercise: str | None = field(default=None, compare=False)
    load: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Unclear:
    """A part whose name fits several lifts asked and none of them best ("arm pulldown" with two
    pulldowns asked): no answer, the words, and the places among the lifts asked it could be."""

    said: str
    lifts: tuple[int, ...]


# One load told for every lift asked: "8 kg for both", "both 8", "same for all" (not "both hands").
_BOTH = re.compile(r"\bboth\b(?!\s+(?:hands?|arms?|sides?|dumbbells?|bottles?))")
_ALL = re.compile(r"\b(?:for|on)\s+(?:them\s+)?all\b|\ball\s+(?:of\s+them|at|\d|were|(?:the\s+)?same)\b")


@dataclass(frozen=True)
class Told:
    """One load (or skip) told, and the place among the lifts asked of the lift its part named (None: the
    part named none, so it answers the next lift in the order asked)."""

    answer: Answer
    lift: int | None = None


def read_told(
    text: str, asked: Sequence[Sequence[str]], exercises: Sequence[Names], *, loose: bool = False
) -> list[Told] | Unasked | Unclear | None:
    """The loads a message tells for the lifts ``asked`` (each as the exercise ids it may be named by, in
    the order asked), part by part; ``Unasked`` when a part names a lift not asked, ``Unclear`` when one
    names several asked and none best, None when it is no such answer otherwise (see the module's
    docstring). One load told "for both" of two lifts asked (or "for all") is each one's. ``loose``: a
    short name that names a lift not asked is the one lift asked whose name holds its every word
    ("the deadlift" the dumbbell RDL, ``holding``), for ``asked`` that are every lift of the session
    left (the Adjust panel's), so no lift the name means exactly is passed over."""
    plain = " ".join(unicodedata.normalize("NFKC", ascii_digits(text)).casefold().split())
    plain = plain.replace("’", "'").replace("~", " about ")
    if not plain or "?" in plain or SETS.search(plain) or SET_WORDS.search(plain):
        return None
    told: list[Told] = []
    for part in _PARTS.split(plain):
        read = _part(part.strip(" .!:"), asked, exercises, loose=loose)
        if read is None or isinstance(read, (Unasked, Unclear)):
            return read
        told.extend(read)
    if not any(t.answer.kind in (Kind.LOAD, Kind.SAME) for t in told):
        return None
    every = _ALL.search(plain) is not None or (_BOTH.search(plain) is not None and len(asked) == 2)
    if len(told) == 1 and told[0].lift is None and len(asked) > 1 and (every or _BOTH.search(plain)):
        # "Both" of more lifts than two: which two is not said.
        return [Told(told[0].answer, at) for at in range(len(asked))] if every else None
    return told


def _part(
    part: str, asked: Sequence[Sequence[str]], exercises: Sequence[Names], *, loose: bool = False
) -> list[Told] | Unasked | Unclear | None:
    """One part's load (none for a part of filler alone, "i think"), ``Unasked`` when it names a lift not
    asked, or None when it is no load."""
    numbers = list(_NUMBER.finditer(part))
    if not numbers:
        if part in SKIP_WORDS:
            return [Told(Answer(Kind.SKIP))]
        same = SAME.search(part)
        if same is None:
            return [] if _rest(part) == "" else None
        rest = _rest(part[: same.start()] + " " + part[same.end() :])
        lift = lift_named(rest, asked, exercises) if rest else None
        if isinstance(lift, tuple):
            return Unclear(rest, lift)
        return None if rest and lift is None else [Told(Answer(Kind.SAME), lift)]
    if len(numbers) > 1:
        return None
    number = numbers[0]
    figures = number.group(1).replace(",", ".")
    each = number.group(2) is not None or number.group(4) is not None
    answer = Answer(Kind.LOAD, float(figures), unit_named(number.group(3)), figures, each)
    words = part[: number.start()] + " " + part[number.end() :]
    rest = _rest(words)
    if not rest:
        return [Told(answer)]
    # "The 10s on the rows", "8 kg each on the rows": a lift held in the hands; "the cable row": the one row
    # asked that takes a cable (a trial's was "row" alone, so the cable and the dumbbell row were unclear).
    said_kit = {_KIT_AS.get(word, word) for word in re.split(r"[^\w']+", words) if word in NAME_KIT}
    kit = sorted(said_kit | ({"dumbbell"} if answer.each else set()))
    lift = lift_named(rest, asked, exercises, kit=kit)
    if isinstance(lift, tuple):
        return Unclear(rest, lift)
    # With the kit it names: "the cable row" is no chest-supported dumbbell row (a trial's 67.5 kg was
    # logged on it), "the one arm row" no cable row.
    full = _rest(words, keep=NAME_KIT)
    if lift is not None:
        return Unasked(full) if names_other(full, asked[lift], exercises) else [Told(answer, lift)]
    if loose and len(held := holding(full, asked, exercises)) == 1:
        return [Told(answer, held[0])]
    # Said back with its kit ("cable row", not "row"), the one lift it names when it names one.
    for said in dict.fromkeys((full, rest)):
        named = match_exercise(exercise_named(said, exercises) or said, exercises)
        if isinstance(named, str):
            return Unasked(full, named, figures)
    # A name several lifts share, none of them asked ("rear-delt fly": the gym's and the backpack one) names
    # a lift not asked all the same: a re-trial's went to the question answerer.
    several = isinstance(named, LogError) and named.kind is LogErrorKind.AMBIGUOUS
    return Unasked(full, load=figures) if several else None


def names_other(said: str, ids: Collection[str], exercises: Sequence[Names]) -> bool:
    """Whether ``said`` names, on its own, one exercise other than ``ids`` (the lift a looser reading
    found) whose names do not hold all its words: "one arm row" read as the cable row asked."""
    if holding(said, [tuple(ids)], exercises):
        return False
    named = match_exercise(exercise_named(said, exercises) or said, exercises)
    if isinstance(named, LogError):
        # "One arm row": the one-arm dumbbell row or the doorframe row, none of them the lift found.
        return named.kind is LogErrorKind.AMBIGUOUS and not set(named.candidates) & set(ids)
    return named not in ids


def _rest(words: str, keep: Collection[str] = ()) -> str:
    """The words left once the filler (but ``keep``) is taken out (as name keys: "rows" is "row")."""
    filler = FILLER - set(keep)
    # Filler is taken out before the name key singularises words: "was" is not "wa".
    kept = [word for word in re.split(r"[^\w']+", words) if word not in filler and word not in SKIP_WORDS]
    return " ".join(word for word in name_key(" ".join(kept)).split() if word not in filler)


def lift_named(
    said: str,
    asked: Sequence[Sequence[str]],
    exercises: Sequence[Names],
    *,
    kit: Collection[str] = (),
    then: Sequence[Collection[str]] = (),
) -> int | tuple[int, ...] | None:
    """The place among the lifts ``asked`` of the one ``said`` names ("rows", "the pulldown", "pec deck"),
    by the names /log reads; of several it fits, those the ``kit`` told allows ("the 10s on the rows": a
    dumbbell row, no cable row), then the one it fits best (``best_fit``), then the one the first of the
    preferences ``then`` holds alone (the lifts of today's plan, then each lift by when it was logged, the
    latest first), or all of their places when none does; None when it names no lift asked."""
    prefer = {ex for ids in asked for ex in ids}
    spoken = exercise_named(said, exercises, prefer=prefer) or said
    found = match_exercise(spoken, exercises, prefer=prefer)
    meant = set(found.candidates) if isinstance(found, LogError) else {found}
    places = [at for at, ids in enumerate(asked) if meant & set(ids)]
    if kit and len(places) > 1:
        places = [at for at in places if any(kit_fits(ex, kit, exercises) for ex in asked[at])] or places
    if len(places) <= 1:
        return places[0] if places else None
    best = best_fit(said, [asked[at] for at in places], exercises)
    if best is not None:
        return places[best]
    for tier in then:
        among = [at for at in places if set(asked[at]) & set(tier)]
        if len(among) == 1:
            return among[0]
    return tuple(places)


def holding(said: str, lifts: Sequence[Sequence[str]], exercises: Sequence[Names]) -> tuple[int, ...]:
    """The places among ``lifts`` (each as its exercise ids) of those one of whose names holds every word
    ``said``: "deadlift" the dumbbell Romanian deadlift logged, though "deadlift" alone names the barbell
    one, so a lift is found by the words a trainee calls it by ("the deadlift", "the row", "the fly")."""
    keys = index(tuple(exercises))
    words = set(name_key(said).split())
    return tuple(
        at
        for at, ids in enumerate(lifts)
        if words and any(words <= set(name.split()) for ex in ids for name in keys.get(ex, ()))
    )


def best_fit(said: str, lifts: Sequence[Sequence[str]], exercises: Sequence[Names]) -> int | None:
    """Which of ``lifts`` (each as its exercise ids) a name fits best: every word of it in one of the
    lift's names, with fewer words besides than any other's ("pulldown" is the lat pulldown, not the
    straight-arm cable pulldown; "straight arm" only the latter), or None when no one does."""
    keys = index(tuple(exercises))
    words = set(name_key(said).split())
    spare: list[int | None] = []
    for ids in lifts:
        names = [name.split() for ex in ids for name in keys.get(ex, ())]
        fitting = [len(set(name) - words) for name in names if words <= set(name)]
        spare.append(min(fitting) if fitting else None)
    counted = sorted(n for n in spare if n is not None)
    if not counted or (len(counted) > 1 and counted[0] == counted[1]):
        return None
    return spare.index(counted[0])


def placed(told: Sequence[Told], count: int) -> list[Answer | None] | None:
    """The answer for each of ``count`` lifts asked (None: not answered this time): each named load on its
    lift, the rest on the lifts left, in the order asked. None when a lift is answered twice or more loads
    are told than lifts left for them."""
    answers: list[Answer | None] = [None] * count
    for one in told:
        if one.lift is not None:
            if answers[one.lift] is not None:
                return None
            answers[one.lift] = one.answer
    for one in told:
        if one.lift is None:
            free = next((at for at, answer in enumerate(answers) if answer is None), None)
            if free is None:
                return None
            answers[free] = one.answer
    return answers
