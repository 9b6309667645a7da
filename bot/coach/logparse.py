"""Reading what a trainee types after ``/log``: ``row 3x10 40kg``, ``pull-up 5,5,4``, ``deadlift 60kg 3x8``.

People type sets the way their notebook or app writes them, so the parser is forgiving about form
(``3×10 @ 40 kg``, ``12,12,10 15lb``, ``pull up 5 5 4``, any order of the parts, a decimal comma in
``42,5 kg``, digits from any script) and strict about sense: a load below zero or above what anyone
lifts, more than 100 reps, an exercise it cannot place, numbers that could be reps or a load.

Timed holds (``prone cobra 3x30s``, ``3x45 sec``, ``60s``, ``1 min``) are read as seconds, and so are
plain numbers after a hold exercise's name: the caller says which exercises are holds. Seconds after an
exercise counted in reps are refused, naming the holds there are.

Several exercises go in one /log as parts joined by ``;`` (``deadlift 1x3 200kg; lat pulldown 3x8 75kg``),
each read as a /log of its own (``parts``): the caller logs them all or, if one is refused, none.

Every refusal is a value, not an exception: a ``LogError`` whose kind names a one-line message with an
example in ``messages.toml`` (``[log]``), filled in by ``describe``.

Exercise names are matched against the names the caller passes (the catalog's names, short names and
aliases): exact, then by words, then by spelling (``bot.coach.lognames``), preferring the exercises of
the trainee's own plan when a word such as "row" fits several. Spelling only ever offers an exercise of
the same movement ("tbar row" a row): a lift this coach does not track ("bicep curls") is said to be one,
not matched to the nearest letters. ``parse_as`` reads the numbers as one exercise's, whatever name was
typed: the sets of a button that picks one of the exercises a name may mean.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from bot.coach.lognames import SUGGESTIONS, Names, closest, compact, fits, index, likeness, name_key, related
from bot.coach.numerals import ascii_digits
from bot.coach.texts import Texts, escape

MAX_LOAD = {"kg": 500.0, "lb": 1100.0}
MAX_REPS = 100
MAX_SETS = 20
MAX_RIR = 10
# The longest hold logged, in seconds: routines.toml prescribes holds of at most 600 s too.
MAX_HOLD_S = 600
# How alike two spellings must be (0-1) to be taken without asking.
ACCEPT_RATIO = 0.8

# What joins the parts of a /log of several exercises ("deadlift 1x3 200kg; lat pulldown 3x8 75kg"), and
# how many parts one /log takes.
PART = ";"
MAX_PARTS = 8

# The words a load's unit is typed as, and the unit each means.
UNITS = {"kg": "kg", "kgs": "kg", "kilo": "kg", "kilos": "kg", "lb": "lb", "lbs": "lb", "pound": "lb"}
UNITS |= {"pounds": "lb"}
UNIT_WORD = "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))
_TIMES = str.maketrans({"×": "x", "х": "x", "X": "x", "*": "x", "Х": "x"})

_SECONDS_WORD = "seconds|second|secs|sec|s"
_MINUTES_WORD = "minutes|minute|mins|min"

_SETS_X_REPS = re.compile(r"^(\d+)x(\d+)$")
_SETS_X_REPS_X_LOAD = re.compile(rf"^(\d+)x(\d+)x(\d+(?:[.,]\d+)?)({UNIT_WORD})?$")
_SETS_X_SECONDS = re.compile(r"^(\d+)x(\d+)s$")
_SECONDS_LIST = re.compile(r"^\d+(?:[,/]\d+)*s$")
_REPS_LIST = re.compile(r"^\d+(?:[,/]\d+)+$")
_LOAD = re.compile(rf"^([+-]?\d+(?:[.,]\d+)?)({UNIT_WORD})?$")
_RIR = re.compile(r"^rir(\d+)$")
_RPE = re.compile(r"^rpe(\d+(?:[.,]5)?)$")
_BODYWEIGHT = {"bw", "bodyweight"}


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
    load: float | None  # None: bodyweight
    unit: str
    rir: int | None = None
    note: str | None = None
    seconds: tuple[int, ...] = ()
    # The harder variation the name also fits, when it was read as the plan's easier one ("pull-up" on
    # a band-assisted day): the reply says how to claim the harder one.
    instead_of: str | None = None


def describe(error: LogError, texts: Texts, names: Mapping[str, str] | None = None) -> str:
    """The error's one line (HTML, what the trainee typed escaped); ``names`` shows ids as names."""
    values = {key: escape(value) for key, value in error.values.items()}
    shown = [(names or {}).get(ex, ex) for ex in error.suggestions]
    values["choices"] = escape(", ".join(shown))
    return texts.get(error.message_key, **values)


def parts(text: str) -> list[str] | LogError:
    """The parts of a /log of several exercises, one exercise's sets each ("deadlift 1x3 200kg; lat pulldown
    3x8 75kg"), blank ones left out: one part for a /log of one exercise (none when nothing was typed)."""
    found = [part.strip() for part in text.split(PART) if part.strip()]
    if len(found) > MAX_PARTS:
        return LogError(LogErrorKind.TOO_MANY_PARTS, {"parts": str(len(found)), "max": str(MAX_PARTS)})
    return found


def parse_log(
    text: str,
    exercises: Sequence[Names],
    *,
    unit: str = "kg",
    prefer: Collection[str] = (),
    holds: Collection[str] = (),
    loaded: Collection[str] | None = None,
    usable: Collection[str] = (),
    easier: Mapping[str, str] | None = None,
) -> ParsedLog | LogError:
    """Read the arguments of ``/log``; loads without a unit are in the chat's ``unit``, and the
    exercises in ``holds`` are timed (their sets are seconds).

    ``loaded`` are the exercises that take a load (None: any may). A load typed with a name goes to one
    of them: "row 3x10 40kg" is a dumbbell or cable row even when the plan's row is a band row, "pull up
    5 5 4 10kg" the weighted pull-up. Of several, the plan's (``prefer``) or the only one the chat's kit
    allows (``usable``) is taken, else the trainee is asked; a name that fits no loaded exercise ("band
    row 3x10 40kg") is refused, since a load on a band or bodyweight move would be prescribed back.

    A name that fits several exercises and one of the plan's by its words ("assisted pull-up" on a
    band-assisted day) is the plan's. ``easier`` maps a ladder's harder variations to the one today's
    plan has: a name that fits both ("pull-up" on a band-assisted day) means the plan's, since assisted
    reps taken for strict ones would move the ladder and beat records nobody set. A name only the
    harder one has ("strict pull-up") or a load (the weighted pull-up) still names the harder one.
    """
    split = _split(text)
    if isinstance(split, LogError):
        return split
    typed, figures, note = split
    timed = isinstance(figures, _Figures) and figures.timed
    # Seconds say the trainee means a hold: "prone 30s" is the prone cobra, not the prone lat pull.
    found = match_exercise(typed, exercises, prefer={*prefer, *holds} if timed else prefer)
    if isinstance(found, LogError) and found.kind is LogErrorKind.AMBIGUOUS:
        # "assisted pull-up" names two exercises, and today's band-assisted one by its words.
        planned = [ex for ex in prefer if fits(typed, exercises, ex)]
        found = planned[0] if len(planned) == 1 else found
    weighted = isinstance(figures, _Figures) and _carries_load(figures)
    takes_it = isinstance(found, str) and (found in (loaded or ()) or found in holds)
    if loaded is not None and weighted and not timed and not takes_it:
        found = _loaded_variant(typed, exercises, found, loaded, prefer, usable)
    instead_of = None
    if isinstance(found, str) and not weighted and fits(typed, exercises, (easier or {}).get(found)):
        instead_of, found = found, (easier or {})[found]
    if isinstance(found, LogError):
        unknown = (LogErrorKind.UNKNOWN_EXERCISE, LogErrorKind.UNTRACKED)
        if timed and holds and found.kind in unknown:
            return LogError(LogErrorKind.UNKNOWN_HOLD, found.values, closest(typed, exercises, holds))
        return found
    if isinstance(figures, LogError):
        return figures
    if figures.timed and found not in holds:
        return LogError(LogErrorKind.NOT_TIMED, {"name": typed}, closest(typed, exercises, holds))
    return _read(found, figures, unit, holds, note, instead_of)


def parse_as(
    text: str,
    exercise: str,
    *,
    unit: str = "kg",
    holds: Collection[str] = (),
    loaded: Collection[str] | None = None,
) -> ParsedLog | LogError:
    """The numbers of ``text`` (what followed ``/log``) as ``exercise``'s sets, whatever name they follow,
    refused as ``parse_log`` would refuse them for that exercise (a load on one that takes none, seconds
    for one counted in reps)."""
    split = _split(text)
    if isinstance(split, LogError):
        return split
    typed, figures, note = split
    if isinstance(figures, LogError):
        return figures
    hold = exercise in holds
    if figures.timed and not hold:
        return LogError(LogErrorKind.NOT_TIMED, {"name": typed})
    if loaded is not None and not hold and exercise not in loaded and _carries_load(figures):
        return LogError(LogErrorKind.NOT_LOADED, {"name": typed})
    return _read(exercise, figures, unit, holds, note)


def _split(text: str) -> tuple[str, _Figures | LogError, str] | LogError:
    """The name typed, the numbers after it and the note after a ``#``."""
    cleaned = _normalize(text)
    if isinstance(cleaned, LogError):
        return cleaned
    cleaned, _, note = cleaned.partition("#")
    tokens = _tokens(cleaned)
    if not tokens:
        return LogError(LogErrorKind.EMPTY)
    split = next((i for i, token in enumerate(tokens) if _is_figure(token)), len(tokens))
    if split == 0:
        return LogError(LogErrorKind.NO_EXERCISE)
    return " ".join(tokens[:split]), _figures(tokens[split:]), note


def _read(
    found: str, figures: _Figures, unit: str, holds: Collection[str], note: str, instead_of: str | None = None
) -> ParsedLog | LogError:
    hold = found in holds
    checked = _checked(figures, unit, hold=hold)
    if isinstance(checked, LogError):
        if checked.kind is LogErrorKind.UNCLEAR_NUMBERS:
            readings = _readings(found, figures, unit, note.strip() or None)
            return LogError(checked.kind, checked.values, readings=readings)
        return checked
    counts, load, load_unit, rir = checked
    if hold:
        return ParsedLog(found, (), load, load_unit, rir, note.strip() or None, seconds=counts)
    return ParsedLog(found, counts, load, load_unit, rir, note.strip() or None, instead_of=instead_of)


def match_exercise(typed: str, exercises: Sequence[Names], *, prefer: Collection[str] = ()) -> str | LogError:
    """The id of the exercise ``typed`` names, or why not (with the closest names offered)."""
    query = name_key(typed)
    if not query:
        return LogError(LogErrorKind.NO_EXERCISE)
    keys = index(tuple(exercises))
    exact = [ex for ex, names in keys.items() if query in names or compact(query) in map(compact, names)]
    if exact:
        return _one(exact, prefer, typed)
    words = set(query.split())
    containing = [ex for ex, names in keys.items() if any(words <= set(name.split()) for name in names)]
    if containing:
        return _one(containing, prefer, typed)
    # Only exercises of the movement typed are weighed: "sit ups" is no misspelt pull-up.
    kin = (ex for ex, names in keys.items() if names and related(query, names))
    scored = sorted(((likeness(query, keys[ex]), ex) for ex in kin), reverse=True)
    if not scored:
        return LogError(LogErrorKind.UNTRACKED, {"name": typed.strip()})
    if scored[0][0] >= ACCEPT_RATIO and (len(scored) == 1 or scored[1][0] < scored[0][0] - 0.05):
        return scored[0][1]
    ranked = tuple(ex for _, ex in scored)
    return LogError(
        LogErrorKind.UNKNOWN_EXERCISE, {"name": typed.strip()}, ranked[:SUGGESTIONS], candidates=ranked
    )


def _loaded_variant(
    typed: str,
    exercises: Sequence[Names],
    found: str | LogError,
    loaded: Collection[str],
    prefer: Collection[str],
    usable: Collection[str],
) -> str | LogError:
    """The exercise a name typed with a load means: one that takes a load, among those the name fits."""
    if isinstance(found, LogError) and found.kind is not LogErrorKind.AMBIGUOUS:
        return found
    query = name_key(typed)
    keys = index(tuple(exercises))
    words = set(query.split())
    fits = [
        ex
        for ex, names in keys.items()
        if ex in loaded
        and (
            query in names
            or compact(query) in map(compact, names)
            or any(words <= set(n.split()) for n in names)
        )
    ]
    if len(fits) == 1:
        return fits[0]
    if not fits:
        return LogError(LogErrorKind.NOT_LOADED, {"name": typed.strip()}, closest(typed, exercises, loaded))
    for narrowed in ([ex for ex in fits if ex in prefer], [ex for ex in fits if ex in usable]):
        if len(narrowed) == 1:
            return narrowed[0]
    offered = tuple(sorted(fits, key=lambda ex: ex not in usable))
    return LogError(
        LogErrorKind.WHICH_LOADED, {"name": typed.strip()}, offered[: SUGGESTIONS + 2], candidates=offered
    )


def _carries_load(figures: _Figures) -> bool:
    """Whether the numbers include a load: one with a unit or sign, a plain number after the sets, or
    two plain numbers of which one must be a load ("row 10 40", see ``_checked``)."""
    if any(amount for amount, _, _ in figures.loads):
        return True
    if figures.counts is not None:
        return any(figures.plain)
    return len(figures.plain) > 1 and max(figures.plain) > 2 * min(figures.plain)


def _one(candidates: list[str], prefer: Collection[str], typed: str) -> str | LogError:
    if len(candidates) == 1:
        return candidates[0]
    preferred = [ex for ex in candidates if ex in prefer]
    if len(preferred) == 1:
        return preferred[0]
    offered = tuple(preferred or candidates)
    every = (*preferred, *(ex for ex in candidates if ex not in preferred))
    return LogError(
        LogErrorKind.AMBIGUOUS, {"name": typed.strip()}, offered[: SUGGESTIONS + 2], candidates=every
    )


def _normalize(text: str) -> str | LogError:
    """ASCII digits from any script's; numerals that are not plain digits (½, Ⅲ, ²) are refused."""
    numeral = next((c for c in text if unicodedata.category(c) in ("No", "Nl")), None)
    if numeral is not None:
        return LogError(LogErrorKind.DIGITS, {"char": numeral})
    return unicodedata.normalize("NFKC", ascii_digits(text)).translate(_TIMES).casefold()


def _tokens(text: str) -> list[str]:
    text = text.replace("@", " ")
    text = re.sub(r"\b(?:with|at)\s+(?=[+-]?\d)", " ", text)  # 3x12 with 8kg, 3x10 at 40 → 3x12 8kg
    text = re.sub(r"(?<=\d)\s*x\s*(?=\d)", "x", text)  # 3 x 10 → 3x10, 3 x 8 x 60 → 3x8x60
    text = re.sub(rf"(\d)\s+({UNIT_WORD})(?![a-z])", r"\1\2", text)  # 40 kg → 40kg
    text = re.sub(r"\b(rir|rpe)\s+(\d)", r"\1\2", text)  # rir 2 → rir2
    # 1 min → 60s (not "5,1 min": a list of minutes is nobody's notebook, and 5,1 may be a decimal comma)
    text = re.sub(rf"(?<![\d.,])(\d+(?:\.\d+)?)\s*(?:{_MINUTES_WORD})(?![a-z])", _minutes, text)
    text = re.sub(rf"(\d)\s*(?:{_SECONDS_WORD})(?![a-z])", r"\1s", text)  # 45 sec → 45s
    text = re.sub(r"(\d)s\s*([,/])\s*(?=\d)", r"\1\2", text)  # 60s, 45s → 60,45s
    text = re.sub(r"(\d)\s*([,/])\s*(\d)", r"\1\2\3", text)  # 5, 5, 4 → 5,5,4
    return text.split()


def _minutes(match: re.Match[str]) -> str:
    # A hold is timed to the second; anything finer than that is lost.
    return f"{round(float(match.group(1)) * 60)}s"


def _is_figure(token: str) -> bool:
    return (
        token[0].isdigit()
        or token[0] in "+-"
        or token in _BODYWEIGHT
        or bool(_RIR.match(token) or _RPE.match(token))
    )


@dataclass(frozen=True)
class _Figures:
    """The numbers of a /log as typed, before their limits are checked.

    ``counts`` has one entry per set: reps, or seconds when ``timed`` (typed with a time unit).
    ``plain`` are whole numbers typed with no unit and no sign: loads in the chat's unit once sets are
    given ("row 3x10 40"), the sets themselves when nothing else is ("pull up 5 5 4").
    """

    counts: tuple[int, ...] | None
    timed: bool
    loads: tuple[tuple[float, str | None, str], ...]  # amount, unit if typed, the token
    plain: tuple[int, ...]
    rir: int | None


def _figures(tokens: list[str]) -> _Figures | LogError:
    counts: tuple[int, ...] | None = None
    timed = False
    loads: list[tuple[float, str | None, str]] = []
    plain: list[int] = []
    rir: int | None = None
    for token in tokens:
        if match := _SETS_X_REPS_X_LOAD.match(token):
            load = _third_load(match)
            if load is None:
                return LogError(LogErrorKind.UNCLEAR_NUMBERS, {"numbers": token})
            loads.append(load)
            token = f"{match.group(1)}x{match.group(2)}"
        if match := _SETS_X_REPS.match(token) or _SETS_X_SECONDS.match(token):
            sets, count = int(match.group(1)), int(match.group(2))
            if sets > MAX_SETS:
                return LogError(LogErrorKind.TOO_MANY_SETS, {"sets": str(sets), "max": str(MAX_SETS)})
            found: tuple[int, ...] = (count,) * sets
        elif _REPS_LIST.match(token) or _SECONDS_LIST.match(token):
            found = tuple(int(part) for part in re.split(r"[,/]", token.removesuffix("s")))
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
        else:
            return LogError(LogErrorKind.MALFORMED, {"token": token})
        seconds = token.endswith("s")
        # Holds may come one token a set ("60s 60s 45s"); reps come in one token ("3x10", "5,5,4").
        if counts is not None and not (seconds and timed):
            return LogError(LogErrorKind.MALFORMED, {"token": token})
        counts, timed = (*(counts or ()), *found), seconds
    return _Figures(counts, timed, tuple(loads), tuple(plain), rir)


def _third_load(match: re.Match[str]) -> tuple[float, str | None, str] | None:
    """The load of "3x8x60": the third number, read as "row 3x8 60" is, when it cannot be a count of sets.

    "100x5x3" (load, reps, sets) is the older notation, so "3x10x5" could be 3 kg for 5 sets of 10 as
    well as 3 sets of 10 at 5: only a unit, a decimal or more sets than anyone logs settles it.
    """
    amount, typed_unit = match.group(3), match.group(4)
    if typed_unit is None and amount.isdigit() and int(amount) <= MAX_SETS:
        return None
    return float(amount.replace(",", ".")), UNITS.get(typed_unit or ""), match.group(0)


Checked = tuple[tuple[int, ...], float | None, str, int | None]


def _readings(exercise: str, figures: _Figures, unit: str, note: str | None) -> tuple[ParsedLog, ...]:
    """ "row 10 40" read both ways, one set each (10 reps at 40, 40 reps at 10), those within limits."""
    if len(figures.plain) != 2 or figures.loads:
        return ()
    found = []
    for reps, load in (figures.plain, figures.plain[::-1]):
        one = _checked(replace(figures, counts=(reps,), plain=(load,)), unit, hold=False)
        if not isinstance(one, LogError) and one[1] is not None:
            found.append(ParsedLog(exercise, one[0], one[1], one[2], one[3], note))
    return tuple(found)


def _checked(figures: _Figures, unit: str, *, hold: bool) -> Checked | LogError:
    """The sets (reps, or seconds for a ``hold``), load, its unit and reps in reserve, within limits."""
    counts, loads = figures.counts, list(figures.loads)
    plain = figures.plain
    if counts is None:
        if len(plain) > 1 and max(plain) > 2 * min(plain):
            # "row 10 40": ten reps at 40, or sets of 10 and 40? Asking beats logging the wrong one.
            return LogError(LogErrorKind.UNCLEAR_NUMBERS, {"numbers": " ".join(map(str, plain))})
        counts = plain or None
    else:
        loads += [(float(number), None, str(number)) for number in plain]
    if not counts or sum(counts) == 0:
        return LogError(LogErrorKind.NO_SECONDS if hold else LogErrorKind.NO_REPS)
    if len(loads) > 1:
        return LogError(LogErrorKind.MALFORMED, {"token": loads[-1][2]})
    if len(counts) > MAX_SETS:
        return LogError(LogErrorKind.TOO_MANY_SETS, {"sets": str(len(counts)), "max": str(MAX_SETS)})
    if hold and max(counts) > MAX_HOLD_S:
        return LogError(LogErrorKind.TOO_LONG, {"seconds": str(max(counts)), "max": str(MAX_HOLD_S)})
    if not hold and max(counts) > MAX_REPS:
        return LogError(LogErrorKind.TOO_MANY_REPS, {"reps": str(max(counts)), "max": str(MAX_REPS)})
    if hold and min(counts) == 0:
        return LogError(LogErrorKind.NO_SECONDS)
    rir = figures.rir
    if rir is not None and not 0 <= rir <= MAX_RIR:
        return LogError(LogErrorKind.BAD_RIR, {"rir": str(rir)})
    if not loads:
        return tuple(counts), None, unit, rir
    amount, load_unit = loads[0][0], loads[0][1] or unit
    if amount < 0:
        return LogError(LogErrorKind.NEGATIVE_LOAD, {"load": f"{amount:g}", "unit": load_unit})
    if amount > MAX_LOAD[load_unit]:
        limit = f"{MAX_LOAD[load_unit]:,.0f}"
        return LogError(LogErrorKind.TOO_HEAVY, {"load": f"{amount:g}", "unit": load_unit, "max": limit})
    # A load of zero is a bodyweight set typed as "0kg".
    return tuple(counts), (amount or None), load_unit, rir
