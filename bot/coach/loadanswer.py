"""A load asked for after Done, and the message typed in answer: which lifts are asked, what a chat waiting
for the answer keeps, and what the answer says.

As written never logs a lift that takes a load without one when none is known: a loadless barbell deadlift
was progressed as a bodyweight move, and a loadless cable face pull never got a load to progress. Every
such lift of the session, main or not, is asked for, one at a time in the session's order; a band or
bodyweight move never is. Each question takes a number ("100", "100 kg", "225 lb", in any script's
digits, or in words: "twelve", "twenty five kg") or a skip (the lift stays unlogged, still to log); a
message that is plainly a failed try at one (an emoji, "abc", "100000", "twelve and a half") is answered
with what the question takes, and anything else is read by the handler (``bot.handlers.load_answer``).
Pure: no Telegram, no database.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from bot.coach.catalog import Exercise
from bot.coach.kitwords import NOTE_PARTS
from bot.coach.logsets import MAX_DUMBBELL, MAX_LOAD
from bot.coach.numerals import NUMBER_WORDS, TENS, ascii_digits, number_in_words
from bot.coach.panelshift import MAX_REP_SHIFT, Shift, adjusted
from bot.coach.sessionlog import Target

# What a chat waiting for a typed load keeps (``Chat.awaiting``, 16 characters): the day, then the lift
# asked's place among the session's targets when it is not the first that wants a load (one capital, "B"
# for 1, after a skip), then each main lift's reps shift from the panel, one letter each ("j" none), so the
# reps Adjust set are kept (dropped when they would not fit).
LOAD_AWAITED = "L"
MAX_AWAITED = 16
_SHIFT_LETTERS = "abcdefghijklmnopqrs"  # -9 … +9
_PLACES = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
UNIT = r"kg|kgs|kilos?|lb|lbs|pounds?"
# A load held in each hand said so ("8 kg each", "8 per dumbbell"): a dumbbell's, or one of two at home.
EACH = r"\s+(?:each(?:\s+(?:hand|arm|dumbbell|one))?|(?:per|a|in\s+each)\s+(?:hand|arm|dumbbell))"
_TYPED_LOAD = re.compile(rf"(\d{{1,9}}(?:[.,]\d{{1,2}})?)\s*({UNIT})?({EACH})?\.?")
# Dumbbells called by their weight, as a lifter names a pair on the rack ("the 15s", "the 15's", "with the
# 15s", "15s", "a pair of 15s", "the 15 kg dumbbells"): one dumbbell's load, each hand's, as /log's "with the
# 8s" is. A newcomer's "the 15s" was told it was no number.
_PAIR_LOAD = re.compile(
    r"(?:(?:with|using)\s+)?(?:(?:the|two|a\s+pair\s+of|pair\s+of)\s+)?(\d{1,3}(?:[.,]\d{1,2})?)"
    rf"(?:'?s|\s*({UNIT})?\s*(?:dumbbells?|dbs?|ones))\.?"
)
# The same in words: "twelve", "twenty five kg", "forty-two pounds each".
_WORDS_LOAD = re.compile(rf"([a-z][a-z -]*?)\s*({UNIT})?({EACH})?\.?")
# Words that say a number or a unit: a short message of them that reads as no load ("twelve and a half
# kilos") is a failed try at one, told what the question takes.
_NUMBER_WORDS = re.compile(rf"\b(?:{'|'.join([*NUMBER_WORDS, *TENS, 'hundred'])}|{UNIT})\b")
_ROUGHLY = re.compile(r"^(?:about|around|roughly|approximately|approx\.?|maybe|~)\s*")
SET_WORDS = re.compile(r"\b(?:sets?|reps?|rounds?)\b")
SETS = re.compile(r"\d\s*[x×*]\s*\d")
# Between two answers in one message: a line break, a semicolon, or a comma followed by a space.
_BETWEEN_ANSWERS = re.compile(r"\s*(?:[;\n]|,(?=\s))\s*")
# "Skip" said in words: the same as the ⏭ Skip button under the question.
SKIP_WORDS = frozenset(("skip", "skip it", "skip this", "skip this one", "next", "pass", "later", "none"))
# The load logged last time said again: "same", "same again", "same as last time", "as before".
SAME = re.compile(
    r"(?:(?:the|just)\s+)?same(?:\s+(?:again|weight|load|one|as\s+(?:last\s+(?:time|week|session)|before|usual)))?"
    r"|as\s+(?:last\s+time|before|usual)"
)
# What opens a question with no question mark ("how heavy should it be", "can i log it later"): a message
# that does not, and is no small talk or command, is a try at the answer while loads are asked. Not "did",
# "was" or "don't": "did 40", "was busy", "don't remember" tell.
_OPENS_AS_QUESTION = re.compile(
    r"^\W*(?:how|what(?!\s+an?\b)|why|when|where|which|who|whose|should|shall|can|could|would|is|isn'?t|are"
    r"|aren'?t|do|does|doesn'?t|am)\b"
)
# Where a message may turn from telling a load to asking something: after a clause's mark, at a line, "but",
# "and" ("just the 2 kilo ones, my right shoulder clicks a bit on that one, is that normal?").
_CLAUSE = re.compile(r"(?<=[,;.!?])\s+|\s*\n\s*|\s+(?:but|and)\s+")
# Said by someone who does not know the load: answered with how to skip, not read as a question.
UNSURE_WORDS = frozenset(("idk", "dunno", "don't know", "dont know", "not sure", "no idea", "forgot"))


@dataclass(frozen=True)
class Awaited:
    """What ``awaiting_load`` keeps: the day asked about, the reps shifts of its main lifts (none when
    they did not fit or the plan has another number of main lifts now) and the first target's place the
    next question may be about (past the ones skipped)."""

    day: date
    shifts: list[Shift]
    start: int = 0


def awaiting_load(day: date, shifts: Sequence[Shift], start: int = 0) -> str:
    """``Chat.awaiting`` for a load asked on ``day`` about the first lift from target ``start`` on."""
    place = _PLACES[start] if 0 < start < len(_PLACES) else ""
    letters = "".join(_SHIFT_LETTERS[s.reps + MAX_REP_SHIFT] for s in shifts)
    value = f"{LOAD_AWAITED}{day:%Y%m%d}{place}"
    return value + letters if len(value) + len(letters) <= MAX_AWAITED else value


def awaited_load(value: str | None, main: int) -> Awaited | None:
    """What ``awaiting_load`` wrote, its reps shifts for ``main`` main lifts (as planned when it kept
    another number), or None when the chat waits for no load."""
    if value is None or not value.startswith(LOAD_AWAITED) or len(value) < 9:
        return None
    try:
        day = date(int(value[1:5]), int(value[5:7]), int(value[7:9]))
    except ValueError:
        return None
    rest = value[9:]
    start = 0
    if rest and rest[0] in _PLACES:
        start, rest = _PLACES.index(rest[0]), rest[1:]
    if len(rest) != main or any(letter not in _SHIFT_LETTERS for letter in rest):
        return Awaited(day, [Shift()] * main, start)
    return Awaited(day, [Shift(reps=_SHIFT_LETTERS.index(letter) - MAX_REP_SHIFT) for letter in rest], start)


def asks_load(target: Target, shift: Shift, left: Collection[str]) -> bool:
    """Whether a lift still to log (its ``planned`` in ``left``) takes a load but As written has none for
    it: a main lift with none known or set on the panel (``shift``), an accessory (``Shift()``) with none
    it keeps (``held_load``), or one /workout told to go heavier by an amount it could not name (a backpack's
    "add a little", ``Target.unstated_load``) unless the panel set it. As written asks for it rather than log
    it without one, or at the old load as if that were what was lifted."""
    if target.planned not in left or not target.loaded:
        return False
    if target.unstated_load:
        # Heavier by "a little": only a load set on the panel says what it was.
        return not target.main or (shift.steps == 0 and shift.told is None)
    if target.main:
        return target.first_load and adjusted(target, shift)[0].load is None
    return held_load(target) is None


def held_load(target: Target) -> float | None:
    """The load As written logs an accessory at: the one /workout's line under it showed
    (``Target.shows_line``), held, a plate step heavier (a cable's, a machine's) or backed off. None, and it
    is asked for, when /workout named none: never logged at a load (but at the pair of dumbbells told at
    set-up, ``Target.owned_pair``), or the next dumbbell up (``Target.unstated_load``)."""
    loads = [done.load for done in target.last if done.load]
    load = target.prescription.load
    if target.owned_pair:
        return load  # the pair told at set-up, which /workout named
    if not target.loaded or load is None or not loads or target.unstated_load:
        return None
    return load


def asked(
    targets: Sequence[Target], shifts: Mapping[str, Shift], left: Collection[str], start: int = 0
) -> list[int]:
    """The places in ``targets`` (the session's, in its order) of the lifts to ask a load for, from
    ``start`` on; ``shifts`` are the main lifts' by planned exercise."""
    return [
        index
        for index, target in enumerate(targets)
        if index >= start and asks_load(target, shifts.get(target.planned, Shift()), left)
    ]


def per_dumbbell(exercise: Exercise) -> bool:
    """A lift done with a dumbbell in each hand or one: its load is one dumbbell's, as /log keeps it ("db
    row 4x10 each arm 40kg" is 40), so the question says so. A backpack-or-dumbbells move at home is not:
    a backpack is one load, and its question asks for the backpack's or each dumbbell's (``held_each``). A
    fly with a light weight or a water bottle in each hand is held like dumbbells."""
    return "dumbbells" in exercise.needs or ("dumbbells" in exercise.implements and not exercise.backpack)


def pair(exercise: Exercise) -> bool:
    """A load of one dumbbell's weight: a pair's each hand's, a one-arm lift's (the one-arm row) the
    dumbbell's, which is each hand's too; logged and said after the sets with the one label /log's "each
    arm" gets, "each hand" (a trial's one-arm row read "@ 37.5 kg each hand" from /log, a bare "@ 37.5 kg"
    from As written)."""
    return per_dumbbell(exercise)


def said_each_hand(exercise: Exercise | None, load: float | None, note: str | None, hand: str) -> bool:
    """Whether a logged set's load is said as each hand's: its note says so (``hand``: a /log's "each arm",
    a home move's "8 kg each"), or it is a pair of dumbbells', whose load is each hand's however logged."""
    told = hand in (note or "").split(NOTE_PARTS)
    return load is not None and (told or (exercise is not None and pair(exercise)))


def heaviest_logged(exercise: Exercise | None, unit: str, *, each_hand: bool) -> float:
    """The heaviest load a set of ``exercise`` is logged at: one dumbbell's (a lift held in the hands, or a
    backpack-or-dumbbells move told each hand's) is ``MAX_DUMBBELL``, anything else ``MAX_LOAD``."""
    held = exercise is not None and (per_dumbbell(exercise) or (exercise.backpack and each_hand))
    return MAX_DUMBBELL[unit] if held else MAX_LOAD[unit]


def held_each(exercise: Exercise, answer: Answer) -> bool | None:
    """Whether a load typed in answer is each hand's, to log and say so as /log's "each arm 40kg": always a
    pair of dumbbells', a backpack-or-dumbbells move's when said so ("8 kg each": two dumbbells, not the
    backpack); None when said so of a lift no hand holds alone ("60 each" of a barbell: each side?), which
    is no answer."""
    if pair(exercise):
        return True
    if answer.each and not (exercise.backpack or per_dumbbell(exercise)):
        return None
    return answer.each


class Kind(enum.Enum):
    LOAD = "load"
    SKIP = "skip"
    SAME = "same"
    """Last time's load again: a load once the lift's last one is looked up."""
    NOT_A_LOAD = "not a load"


@dataclass(frozen=True)
class Answer:
    kind: Kind
    amount: float = 0.0
    unit: str | None = None
    typed: str = ""
    """The number as typed (its digits in ASCII), for a reply that says it back."""
    each: bool = False
    """Said to be held in each hand ("8 kg each"): a dumbbell's, not a backpack's."""


def read_answer(text: str) -> Answer | None:
    """What a message typed while a load is asked says: a load (with its unit if typed), a skip, a failed
    try at a load (no letters at all, a number with a word /log has no unit for, a word of three letters or
    fewer, "idk", a number in words that reads as none) to answer with what the question takes, or None for
    anything else, read as usual. A number may be in words ("twelve kilos") and said to be each hand's, as
    it is of dumbbells called by their weight ("the 15s")."""
    plain = " ".join(unicodedata.normalize("NFKC", text).casefold().split()).replace("’", "'")
    # "About 12": the number is the answer, as near as the trainee knows it.
    match = _TYPED_LOAD.fullmatch(_ROUGHLY.sub("", plain))
    if match is not None:
        figures = ascii_digits(match.group(1).replace(",", "."))
        return Answer(
            Kind.LOAD, float(figures), unit_named(match.group(2)), figures, match.group(3) is not None
        )
    pair = _PAIR_LOAD.fullmatch(_ROUGHLY.sub("", plain))
    if pair is not None:
        figures = ascii_digits(pair.group(1).replace(",", "."))
        return Answer(Kind.LOAD, float(figures), unit_named(pair.group(2)), figures, each=True)
    told = _WORDS_LOAD.fullmatch(_ROUGHLY.sub("", plain))
    number = None if told is None else number_in_words(told.group(1))
    if told is not None and number is not None:
        return Answer(
            Kind.LOAD, float(number), unit_named(told.group(2)), str(number), told.group(3) is not None
        )
    bare = plain.strip(" .!")
    if bare in SKIP_WORDS:
        return Answer(Kind.SKIP)
    if SAME.fullmatch(bare):
        return Answer(Kind.SAME)
    words = plain.split()
    if not plain:
        return None
    # Sets ("3x6 100kg") are read as usual: the /log they make is offered.
    sets = SETS.search(plain) is not None
    # A number or a unit in words that reads as no load ("twelve and a half kilos", "a dozen kg"), not sets
    # told in words ("three sets of eight", offered as a /log) nor a question.
    in_words = len(words) <= 5 and bool(_NUMBER_WORDS.search(plain)) and not SET_WORDS.search(plain)
    if (
        not any(c.isalpha() for c in plain)
        or (len(words) <= 2 and any(c.isdigit() for c in plain) and not sets)
        or (len(words) == 1 and len(bare) <= 3)
        or bare in UNSURE_WORDS
        or (in_words and "?" not in plain)
    ):
        return Answer(Kind.NOT_A_LOAD)
    return None


def read_answers(text: str) -> list[Answer] | None:
    """Several answers in one message, in the order the lifts are asked: "16, 40, 45, 6", one a line, or
    "40; skip; 55", each part read as ``read_answer`` reads a whole message. None for a message of one part,
    or one with a part that is no try at a load at all (sets, a question: read as usual). A comma with no
    space after it is a decimal comma ("82,5 kg"), never between two answers."""
    parts = [part for part in _BETWEEN_ANSWERS.split(text.strip()) if part.strip()]
    if len(parts) < 2:
        return None
    answers = [read_answer(part) for part in parts]
    if any(answer is None for answer in answers):
        return None
    read = [answer for answer in answers if answer is not None]
    return read if any(answer.kind in (Kind.LOAD, Kind.SAME) for answer in read) else None


def asks(text: str) -> bool:
    """Whether a message asks something: a question mark, or it opens with a question's word. Not
    ``logtold.asks``, whose words differ both ways: there "was" and "were" ask ("was 3x8 enough"), here
    they tell ("was 40", "was busy"); here "can", "when", "where", "who" and "am" ask ("can I log it
    later"), there they may tell a set-up answer ("can do 3 days", "am a beginner")."""
    plain = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    return "?" in plain or _OPENS_AS_QUESTION.match(plain) is not None


def unmarked(text: str) -> str | None:
    """A message with a question mark without its marks, to read as a hesitant answer ("20 kilos?", "was it
    12.5?"): a trial's "just the empty bar I think, 20 kilos?" was declined as a question and the load lost.
    None for a message with no mark."""
    return text.replace("?", " ").strip() if "?" in text else None


def split_question(text: str) -> list[tuple[str, str]]:
    """The ways a message may be a load told, then a question ("2 kilos, is that normal?"): each clause
    boundary after which the rest asks and before which nothing does, the longest told part first."""
    cuts = [(m.start(), m.end()) for m in _CLAUSE.finditer(text)]
    splits = []
    for start, end in reversed(cuts):
        said, rest = text[:start].strip(" ,;.!"), text[end:].strip()
        if said and rest and "?" not in said and asks(rest):
            splits.append((said, rest))
    return splits


def unit_named(word: str | None) -> str | None:
    """ "lb" for a pound's word, "kg" for a kilo's, None for none typed."""
    return None if word is None else "lb" if word[0] in "lp" else "kg"


def typed_load(text: str) -> tuple[float, str | None] | None:
    """A load typed alone in answer ("100", "100 kg", "82,5kg", "225 lbs"), with its unit if typed, or None
    for anything else."""
    answer = read_answer(text)
    if answer is None or answer.kind != Kind.LOAD:
        return None
    return answer.amount, answer.unit
