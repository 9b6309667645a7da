"""The numbers of a /log, as typed after the exercise's name (in the tokens ``bot.coach.logparse`` makes of
them): sets, reps, holds, the load (one for every set, or one a set: ``180x5, 190x3, 200x3x2``), an assisted
exercise's help, reps in reserve, read into figures (``read_numbers``); what they mean for the exercise, once
known, and a reading written back the way /log reads it, are ``bot.coach.logreading``'s.

People write sets the way their notebook or app does, so the forms are many (``3x10 40kg``, ``5,5,4``,
``100x5x3``, ``180kg x5``, ``90kgx8x4``, ``4x10 each arm 40kg``, ``2x10 with 40kg assistance``, ``3x45 sec``)
and the sense is checked: a load above what anyone lifts, more than 100 reps, numbers that could be reps
or a load. Where a coach would read them one way they are read that way; where not, every reading within
the limits comes back with the refusal, to be offered as buttons.

Which number of ``AxB`` or ``AxBxC`` is the load: one typed with a unit or a decimal, or more than anyone's
sets (``200x3`` is 3 reps at 200, ``100x5x3`` three sets of 5 at 100, ``3x8x60`` three sets of 8 at 60).
Several loads in one /log are read alike: in ``15x10, 20x8, 25x6`` the 25 can't be sets, so the 15 and
20 are loads too. ``3x10x5``, where either end could be the sets, is asked back both ways.

Sets the other way round: plans here give a lift 2 to 4 sets, so an end of ``AxBxC`` at ``MANY_SETS`` or
more is its load while the other end is fewer (``12x10x2`` is two sets of 10 at 12), and ``AxB`` of many
sets of a few reps (``12x2``) may be reps by sets (``turned``), which ``bot.coach.logreading`` settles by
the exercise. Sets told in words (``12 sets of 2``) are as told (``TOLD``).

Bare numbers apart (``row 11 11 35``) may hold a load: the end one that stands apart from the rest, which
are alike; reps go down a little set by set (``15 12 10 6``) and stay reps. For a move that takes no load
they are reps whatever they are. Assistance (``40kg assist``, ``with 40kg assistance``, ``assisted by 40``,
``-40kg``) comes as a load below zero until the exercise is known, and is then its help
(``ParsedLog.assist``), never a load lifted. Pure: no Telegram, no database.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

MAX_LOAD = {"kg": 500.0, "lb": 1100.0}
# The heaviest dumbbell a lift held in the hands is logged at, each hand's: the heaviest made in numbers
# are about 100 kg (a few gyms' showpieces go a little past it), so "chest supported row 4x6 325" is a
# slip of the keys (32.5?), not a dumbbell; a trial's was logged as "325 kg each hand".
MAX_DUMBBELL = {"kg": 100.0, "lb": 220.0}
MAX_REPS = 100
MAX_SETS = 20
MAX_RIR = 10
# Twice the most sets a plan here gives one lift (2 to 4): as many sets is a count nobody logs by default,
# while as few reps (``FEW_REPS``) may be ("12x2": 2 sets of 12 band rows, or 12 sets of 2 pull-ups?).
MANY_SETS = 8
FEW_REPS = 3
# The longest hold logged, in seconds: routines.toml prescribes holds of at most 600 s too.
MAX_HOLD_S = 600

# The words a load's unit is typed as, and the unit each means.
UNITS = {"kg": "kg", "kgs": "kg", "kilo": "kg", "kilos": "kg", "lb": "lb", "lbs": "lb", "pound": "lb"}
UNITS |= {"pounds": "lb"}
UNIT_WORD = "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))


class LogErrorKind(StrEnum):
    EMPTY = "empty"
    MALFORMED = "malformed"
    DIGITS = "digits"
    NO_EXERCISE = "no_exercise"
    NO_REPS = "no_reps"
    UNKNOWN_EXERCISE = "unknown_exercise"
    UNTRACKED = "untracked"
    AMBIGUOUS = "ambiguous"
    TOO_MANY_REPS = "too_many_reps"
    TOO_MANY_SETS = "too_many_sets"
    NEGATIVE_LOAD = "negative_load"
    TOO_HEAVY = "too_heavy"
    BAD_RIR = "bad_rir"
    UNCLEAR_NUMBERS = "unclear_numbers"
    NO_SECONDS = "no_seconds"
    TOO_LONG = "too_long"
    NOT_TIMED = "not_timed"
    UNKNOWN_HOLD = "unknown_hold"
    NOT_LOADED = "not_loaded"
    WHICH_LOADED = "which_loaded"
    TOO_MANY_PARTS = "too_many_parts"
    PER_SIDE = "per_side"
    SETS_OR_REPS = "sets_or_reps"
    BELOW_BAR = "below_bar"
    OVER_DUMBBELL = "over_dumbbell"


@dataclass(frozen=True)
class LogError:
    """Why a /log could not be read; ``suggestions`` are exercise ids, closest first (named in the reply),
    ``candidates`` every exercise a name that fits several or none may mean, closest first (to pick from),
    and ``readings`` what numbers that could be reps or a load would mean either way (``row 10 40``)."""

    kind: LogErrorKind
    values: Mapping[str, str] = field(default_factory=dict)
    suggestions: tuple[str, ...] = ()
    readings: tuple[ParsedLog, ...] = ()
    candidates: tuple[str, ...] = ()

    @property
    def message_key(self) -> str:
        return f"log.{self.kind}"


@dataclass(frozen=True)
class ParsedLog:
    """A readable /log: ``reps`` has one entry per set, or for a hold ``seconds`` has (and ``reps`` none)."""

    exercise: str
    reps: tuple[int, ...]
    load: float | None  # None: bodyweight, or a load a set (``loads``)
    unit: str
    rir: int | None = None
    note: str | None = None
    seconds: tuple[int, ...] = ()
    # The harder variation the name also fits, when it was read as the plan's easier one ("pull-up" on
    # a band-assisted day): the reply says how to claim the harder one.
    instead_of: str | None = None
    # The plan's easier version the name also fits, when it was read as the harder rung the member has done
    # well ("pull-up" on an assisted-machine day after strict ones logged): the reply says how to claim it.
    plan_version: str | None = None
    # Each set's load when they differ ("180x5, 190x3"; ``load`` is then None), in ``unit``.
    loads: tuple[float | None, ...] = ()
    # An assisted exercise's help ("2x10 40kg assist"), in ``unit``: never a load lifted.
    assist: float | None = None
    # The load was typed "each arm" or "each hand" ("db row 4x10 each arm 40kg"): each hand's, said so.
    each_hand: bool = False

    def set_loads(self) -> tuple[float | None, ...]:
        """The load of each set, in order."""
        return self.loads or (self.load,) * len(self.reps or self.seconds)


# ---------------------------------------------------------------- from tokens to figures

# A load typed "each side" ("3x5 60kg each side"), as ``logparse.tokens`` marks it: half a bar's load.
SIDE = "/side"
# A load typed "each arm" or "each hand" ("4x10 each arm 40kg"), as ``logparse.tokens`` marks it: each hand's.
HAND = "/hand"
# Sets told in words ("12 sets of 2", "8 reps for 3 sets"), as ``logparse.tokens`` marks them: as told.
TOLD = "/sets"
_CROSSED = re.compile(rf"^(\d+(?:\.\d+)?)({UNIT_WORD})?x(\d+)(?:x(\d+(?:\.\d+)?)({UNIT_WORD})?)?$")
_SETS_X_SECONDS = re.compile(r"^(\d+)x(\d+)s$")
_SECONDS_LIST = re.compile(r"^\d+(?:[,/]\d+)*s$")
_REPS_LIST = re.compile(r"^\d+(?:[,/]\d+)+$")
_LOAD = re.compile(rf"^([+-]?\d+(?:[.,]\d+)?)({UNIT_WORD})?$")
_RIR = re.compile(r"^rir(\d+)$")
_RPE = re.compile(r"^rpe(\d+(?:[.,]5)?)$")
_BODYWEIGHT = {"bw", "bodyweight"}


def is_figure(token: str) -> bool:
    """Whether a token is one of the numbers (or their words: "bw", "rir2", "/side"), not the name."""
    return (
        token[0].isdigit()
        or token[0] in "+-"
        or token in _BODYWEIGHT
        or token in (SIDE, HAND, TOLD)
        or bool(_RIR.match(token) or _RPE.match(token))
    )


# A load as typed: its amount (below zero: an assisted exercise's help), its unit if typed, the token.
Load = tuple[float, str | None, str]


@dataclass(frozen=True)
class Sets:
    """Sets typed in one go ("3x10", "5,5,4", "200x3x2"): one count a set (reps, or seconds when timed),
    and the load typed with them ("200x3x2", "3x8x60"), if any."""

    counts: tuple[int, ...]
    load: Load | None = None
    # Typed as sets of reps ("3x8", so "3x8, 7, 6" is 8, 7 and 6), not one set at a load ("32.5x10, 10").
    by_sets: bool = True


@dataclass(frozen=True)
class Figures:
    """The numbers of a /log as typed, before their limits are checked.

    ``plain`` are whole numbers typed with no unit and no sign: the load in the chat's unit once sets are
    given ("row 3x10 40"), the sets themselves when nothing else is ("pull up 5 5 4"). ``other`` is the
    other way to read numbers that read two ways ("3x10x5"), ``unclear`` what was typed for them.
    """

    sets: tuple[Sets, ...]
    timed: bool
    loads: tuple[Load, ...]
    plain: tuple[int, ...]
    rir: int | None
    side: bool = False
    other: Figures | None = None
    hand: bool = False
    unclear: str = ""
    # Sets told in words ("12 sets of 2"): never turned round (``turned``).
    told: bool = False

    @property
    def counts(self) -> tuple[int, ...] | None:
        return tuple(count for sets in self.sets for count in sets.counts) if self.sets else None

    def assisted(self) -> bool:
        """Whether help was told ("40kg assist", "-40kg")."""
        return any(amount < 0 for amount, _, _ in self.loads)

    def load_told(self) -> bool:
        """Whether the numbers include a load that must be one: with a unit or sign, with its sets
        ("200x3", "3x8x60"), or a plain number after the sets ("row 3x10 40")."""
        attached = any(sets.load is not None and sets.load[0] for sets in self.sets)
        return attached or any(amount for amount, _, _ in self.loads) or bool(self.sets and any(self.plain))

    def carries_load(self) -> bool:
        """Whether the numbers include a load, or may ("row 10 40": ten reps at 40, or 40 reps at 10)."""
        return self.load_told() or (not self.sets and bool(load_ends(self.plain)))


def load_ends(plain: tuple[int, ...]) -> tuple[int, ...]:
    """Which end of numbers apart could be a load: one far from the rest, the rest alike (in "11 11 35",
    the 35; in "10 40" either). Reps go down a little set by set ("15 12 10 6"), a load stands apart."""
    if len(plain) < 2:
        return ()
    ends = []
    for at in (len(plain) - 1, 0):
        rest = plain[:at] + plain[at + 1 :]
        alike = max(rest) <= 2 * min(rest)
        if alike and plain[at] > 0 and (plain[at] > 2 * max(rest) or 2 * plain[at] < min(rest)):
            ends.append(at)
    return tuple(ends)


def trailing_load(plain: tuple[int, ...]) -> bool:
    """Whether the last of numbers apart is the load of a lift that takes one, with no need to ask: at least
    two sets before it, and it stands apart from them as a load does ("8 8 7 7 80", "11 11 35"). Two
    numbers alone ("row 10 40") could be either way round; a load first ("35 11 11") is rarer: those ask."""
    return len(plain) >= 3 and len(plain) - 1 in load_ends(plain)


def read_numbers(found: list[str]) -> Figures | LogError:
    """The numbers typed, read the one way a coach would; numbers that read two ways ("3x10x5") come with
    the other (``Figures.other``)."""
    decided: set[bool] = set()
    unclear = ""
    for token in found:
        for item in token.split(","):
            if (match := _CROSSED.match(item)) is None:
                continue
            way = _load_first(match)
            if isinstance(way, LogError):
                return way
            if way is not None:
                decided.add(way)
            elif match.group(4) is not None:
                unclear = unclear or token  # "3x10x5": which end is the sets?
    if len(decided) > 1:
        # "200x3, 3x8x60": a load first, and sets first.
        return LogError(LogErrorKind.MALFORMED, {"token": " ".join(found)})
    if decided or not unclear:
        return _figures(found, load_first=True in decided)
    first, other = _figures(found, load_first=False), _figures(found, load_first=True)
    if isinstance(first, LogError):
        return first
    return replace(first, other=other if isinstance(other, Figures) else None, unclear=unclear)


def _is_load(amount: str, unit: str | None) -> bool:
    """Whether a number of "AxB" or "AxBxC" must be the load: a unit, a decimal, more than anyone's sets."""
    return unit is not None or not amount.isdigit() or int(amount) > MAX_SETS


def _load_first(match: re.Match[str]) -> bool | LogError | None:
    """Whether an "AxB" or "AxBxC" is a load first (True), sets first (False) or may be either (None)."""
    first, first_unit, _, third, third_unit = match.groups()
    ahead = _is_load(first, first_unit)
    if third is None:
        return True if ahead else None
    behind = _is_load(third, third_unit)
    if ahead and behind:
        # "100x5x40": neither end can be the sets.
        return LogError(LogErrorKind.UNCLEAR_NUMBERS, {"numbers": match.group()})
    if ahead != behind:
        return ahead
    # "12x10x2": 12 sets of 10 at 2, or 2 sets of 10 at 12? Only the second is a count of sets a plan gives.
    if int(first) >= MANY_SETS > int(third) > 0:
        return True
    if int(third) >= MANY_SETS > int(first) > 0:
        return False
    return None


def turnable(sets: int, reps: int) -> bool:
    """Whether "AxB" typed as ``sets`` of ``reps`` may be ``reps`` sets of ``sets`` ("12x2", "15x3", "10x2"):
    many sets of a few reps, where the other way round is a count of sets a plan gives."""
    return sets >= MANY_SETS and reps <= FEW_REPS


def turned(found: Figures) -> Figures | None:
    """The other way round of sets typed "AxB" (or "AxBxC" at a load C) with nothing else as sets ("band row
    12x2": 2 sets of 12), when ``turnable``; None for sets told in words, or any other."""
    if found.told or found.other is not None or len(found.sets) != 1:
        return None
    one = found.sets[0]
    counts = one.counts
    if not one.by_sets or len(set(counts)) != 1 or not turnable(len(counts), counts[0]):
        return None
    return replace(found, sets=(Sets((len(counts),) * counts[0], one.load),))


def _crossed(match: re.Match[str], load_first: bool) -> Sets | LogError:
    """One "AxB" or "AxBxC", its load first (load, reps, sets) or last (sets, reps, load)."""
    first, first_unit, middle, third, third_unit = match.groups()
    if load_first:
        sets, amount, unit = third or "1", first, first_unit
    else:
        sets, amount, unit = first, third, third_unit
    if not sets.isdigit():
        return LogError(LogErrorKind.UNCLEAR_NUMBERS, {"numbers": match.group()})
    if int(sets) > MAX_SETS:
        return LogError(LogErrorKind.TOO_MANY_SETS, {"sets": sets, "max": str(MAX_SETS)})
    load = None if amount is None else (float(amount), UNITS.get(unit or ""), match.group())
    return Sets((int(middle),) * int(sets), load, by_sets=not load_first)


def _listed(token: str, load_first: bool) -> list[Sets] | LogError:
    """Sets typed as a list, "180x5,190x3,200x3x2" or "32.5x10,10" or "3x8,7,6": a number alone goes on
    with the sets before it (at their load; "3x8,7,6" is three sets, of 8, 7 and 6 reps)."""
    found: list[Sets] = []
    more: list[list[int]] = []
    for item in token.split(","):
        if item.isdigit() and found:
            more[-1].append(int(item))
            continue
        match = _CROSSED.match(item)
        sets = _crossed(match, load_first) if match is not None else None
        if not isinstance(sets, Sets):
            return sets or LogError(LogErrorKind.MALFORMED, {"token": token})
        found.append(sets)
        more.append([])
    joined = []
    for sets, then in zip(found, more, strict=True):
        if then and sets.by_sets:
            if len(sets.counts) != 1 + len(then):
                return LogError(LogErrorKind.MALFORMED, {"token": token})  # "3x10,8": 10, 10, 10, 8?
            sets = replace(sets, counts=(sets.counts[0], *then))
        elif then:
            sets = replace(sets, counts=(*sets.counts, *then))
        joined.append(sets)
    return joined


def _figures(found: list[str], *, load_first: bool) -> Figures | LogError:
    sets: list[Sets] = []
    timed = side = hand = told = False
    loads: list[Load] = []
    plain: list[int] = []
    rir: int | None = None
    for token in found:
        seconds = False
        if "," in token and "x" in token:
            listed = _listed(token, load_first)
            if isinstance(listed, LogError):
                return listed
            got = listed
        elif match := _CROSSED.match(token):
            crossed = _crossed(match, load_first)
            if isinstance(crossed, LogError):
                return crossed
            got = [crossed]
        elif match := _SETS_X_SECONDS.match(token):
            count, each = int(match.group(1)), int(match.group(2))
            if count > MAX_SETS:
                return LogError(LogErrorKind.TOO_MANY_SETS, {"sets": str(count), "max": str(MAX_SETS)})
            got, seconds = [Sets((each,) * count)], True
        elif _REPS_LIST.match(token) or _SECONDS_LIST.match(token):
            seconds = token.endswith("s")
            got = [Sets(tuple(int(part) for part in re.split(r"[,/]", token.removesuffix("s"))))]
        elif token.isdigit():
            plain.append(int(token))
            continue
        elif match := _LOAD.match(token):
            loads.append((float(match.group(1).replace(",", ".")), UNITS.get(match.group(2) or ""), token))
            continue
        elif match := _RIR.match(token):
            rir = int(match.group(1))
            continue
        elif match := _RPE.match(token):
            rir = round(10 - float(match.group(1).replace(",", ".")))
            continue
        elif token in _BODYWEIGHT:
            continue
        elif token == SIDE:
            side = True
            continue
        elif token == HAND:
            hand = True
            continue
        elif token == TOLD:
            told = True
            continue
        else:
            return LogError(LogErrorKind.MALFORMED, {"token": token})
        # Holds may come one token a set ("60s 60s 45s"), and sets at their loads too ("180x5 190x3");
        # other sets come in one token ("3x10", "5,5,4").
        loaded_sets = all(s.load is not None for s in (*sets, *got))
        if sets and not ((seconds and timed) or (loaded_sets and not seconds and not timed)):
            return LogError(LogErrorKind.MALFORMED, {"token": token})
        sets += got
        timed = seconds
    return Figures(tuple(sets), timed, tuple(loads), tuple(plain), rir, side, hand=hand, told=told)
