"""Reading what a trainee types after ``/log``: ``row 3x10 40kg``, ``pull-up 5,5,4``, ``deadlift 60kg 3x8``.

People type sets the way their notebook or app writes them, so the parser is forgiving about form
(``3×10 @ 40 kg``, ``12,12,10 15lb``, ``pull up 5 5 4``, any order of the parts, a decimal comma in
``42,5 kg``, digits from any script, shorthand such as ``db row`` or ``dl``) and strict about sense: a load
above what anyone lifts, more than 100 reps, an exercise it cannot place. ``tokens`` joins each number's
parts; what the numbers mean (a load first, ``200x3``; a load a set, ``180x5, 190x3``; numbers that read
several ways, ``row 10 40``) is ``bot.coach.logsets``' and ``bot.coach.logreading``'s.

Help told with a load ("2x10 with 40kg assistance", "40kg assist", "-40kg") is the assisted pull-up
machine's, never a load lifted; a load told as added ("+10kg", "plus 10kg", "10kg added", "10kg on a belt")
is a load lifted, the weighted pull-up's after "pullup"; bare numbers after a move that takes no load are
its reps.

Timed holds (``prone cobra 3x30s``, ``3x45 sec``, ``60s``, ``1 min``) are read as seconds, and so are
plain numbers after a hold exercise's name: the caller says which exercises are holds. Seconds after an
exercise counted in reps are refused, naming the holds there are.

A note typed with the sets, after "#", in brackets or after " - " ("3x10 (light, shoulder pain)"), is kept
in the sets' note (``bot.coach.lognotes``).

Several exercises go in one /log as parts joined by ``;`` (``deadlift 1x3 200kg; lat pulldown 3x8 75kg``),
or by a comma or "and" before a lift's name (``band row 2x12, face pull 2x13``), each read as a /log of its
own (``parts``, ``bot.coach.logparts``): the caller logs them all or, if one is refused, none.

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
from dataclasses import replace

from bot.coach.kitwords import BACKPACK, NOTE_PARTS, bands_in, dumbbells_by_weight, kit_told, pair_by_weight
from bot.coach.lognames import SUGGESTIONS, Names, closest, compact, fits, index, likeness, name_key, related
from bot.coach.lognotes import noted
from bot.coach.logparts import MAX_PARTS, PART, parts
from bot.coach.logreading import BODYWEIGHT, HELPED, HOLD, LOADED, as_log, written
from bot.coach.logsets import (
    HAND,
    MAX_HOLD_S,
    MAX_LOAD,
    MAX_REPS,
    MAX_RIR,
    MAX_SETS,
    SIDE,
    TOLD,
    UNIT_WORD,
    UNITS,
    Figures,
    LogError,
    LogErrorKind,
    ParsedLog,
    is_figure,
    read_numbers,
)
from bot.coach.numerals import ascii_digits
from bot.coach.texts import Texts, escape

# The numbers' own names, used through this module by its callers.
__all__ = [
    "MAX_HOLD_S",
    "MAX_LOAD",
    "MAX_PARTS",
    "MAX_REPS",
    "MAX_RIR",
    "MAX_SETS",
    "PART",
    "UNITS",
    "UNIT_WORD",
    "LogError",
    "LogErrorKind",
    "ParsedLog",
    "describe",
    "match_exercise",
    "name_typed",
    "parse_as",
    "parse_log",
    "parts",
    "written",
]

# How alike two spellings must be (0-1) to be taken without asking.
ACCEPT_RATIO = 0.8

_TIMES = str.maketrans({"×": "x", "х": "x", "X": "x", "*": "x", "Х": "x"})
_SECONDS_WORD = "seconds|second|secs|sec|s"
_MINUTES_WORD = "minutes|minute|mins|min"
_AMOUNT = r"\d+(?:[.,]\d+)?"
# Help told with a load: "40kg assistance", "40 kg of assistance", "40 assist", "assisted by 40", "assist
# 40kg"; "assisted" right before or after bare numbers ("assisted 8 7 6") is no load.
_HELP = r"assist|assistance|counter-?weight"
_ASSIST_AFTER = re.compile(
    rf"(?<![\w.,-])({_AMOUNT}(?:{UNIT_WORD}))\s+(?:of\s+)?(?:{_HELP}|assisted)\b"
    rf"|(?<![\w.,-])({_AMOUNT})\s+(?:of\s+)?(?:{_HELP})\b"
)
_ASSIST_BEFORE = re.compile(
    rf"\b(?:{_HELP}|assisted)\s+(?:(?:by|of|with|at)\s+({_AMOUNT}(?:{UNIT_WORD})?)|({_AMOUNT}(?:{UNIT_WORD})))"
    r"(?![\w.,])"
)
# A load held in each hand ("4x10 each arm 40kg", "40kg each"): the load typed is each hand's, as logged.
# "Each side" of a bar is half the load on it, though: marked, so a barbell lift can ask (``SIDE``).
_EACH_HAND = re.compile(r"\b(?:each|per|in\s+each|a)\s+(?:arm|hand)s?\b|/\s*(?:arm|hand)\b|\beach\b")
_EACH_SIDE = re.compile(r"\b(?:each|per|a)\s+sides?\b|/\s*side\b")

# Sets told in words, as a told set reads them: "3 sets of 8" is 3x8, "105x7 for 3 sets" three sets of 7 at
# 105, "8 reps for 3 sets" 3x8, and "75 for 3x8" 3x8 at 75.
_SETS_OF = re.compile(
    rf"(?<![\w.,])(\d+)\s+(?:sets|rounds)\s+(?:of\s+)?(\d+)(?!\d)(?:\s*reps?\b)?(?!\s*(?:{UNIT_WORD}|[.,x]\d))"
)
_FOR_SETS = re.compile(
    rf"(?<![\w.,])(\d+(?:[.,]\d+)?(?:{UNIT_WORD})?\s*x\s*\d+)\s+(?:for\s+|x\s*)?(\d+)\s+(?:sets|rounds)\b"
)
_REPS_FOR_SETS = re.compile(r"(?<![\w.,])(\d+)\s*reps?\s+(?:for\s+|x\s*)(\d+)\s+(?:sets|rounds)\b")
_FOR = re.compile(rf"(\d(?:{UNIT_WORD})?)\s+for\s+(?=\d)")

# A load told as added to bodyweight ("+ 10kg", "plus 10kg", "added 10kg", "10kg added", "10 kg extra"):
# a load lifted, written "+10kg", never an assisted machine's help.
_ADDED_BEFORE = re.compile(
    rf"(?:(?<![\w.,])\+\s+|\b(?:plus|added|extra)\s+(?:(?:load|weight)\s+)?(?:of\s+)?)"
    rf"(?={_AMOUNT}(?:{UNIT_WORD})?(?![\w.,]))"
)
_ADDED_AFTER = re.compile(
    rf"(?<![\w.,+-])({_AMOUNT}(?:{UNIT_WORD})?)\s+(?:of\s+)?(?:added|extra)(?:\s+(?:load|weight))?\b"
)

# "with", "at" or "@" before a number that is nothing else: no sets ("with 3 x 10"), no time ("at 45 sec").
_WITH_LOAD = re.compile(
    rf"\b(?:with|at)\s+(?={_AMOUNT}(?:{UNIT_WORD})?(?![\w.,])"
    rf"(?!\s*(?:x\s*\d|(?:{_MINUTES_WORD}|{_SECONDS_WORD})\b)))"
)


def describe(error: LogError, texts: Texts, names: Mapping[str, str] | None = None) -> str:
    """The error's one line (HTML, what the trainee typed escaped); ``names`` shows ids as names."""
    values = {key: escape(value) for key, value in error.values.items()}
    shown = [(names or {}).get(ex, ex) for ex in error.suggestions]
    values["choices"] = escape(", ".join(shown))
    return texts.get(error.message_key, **values)


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
    shown: Collection[str] = (),
    helped: Collection[str] = (),
    barbells: Collection[str] = (),
    today: Collection[str] = (),
    stand_ins: Mapping[str, str] | None = None,
    light: Collection[str] = (),
    banded: Collection[str] = (),
) -> ParsedLog | LogError:
    """Read the arguments of ``/log``; loads without a unit are in the chat's ``unit``, and the
    exercises in ``holds`` are timed (their sets are seconds).

    ``loaded`` are the exercises that take a load (None: any may). A load typed with a name goes to one
    of them: "row 3x10 40kg" is a dumbbell or cable row even when the plan's row is a band row, "pull up
    5 5 4 10kg" the weighted pull-up. Of several, the plan's (``prefer``) or the only one the chat's kit
    allows (``usable``) is taken, else the trainee is asked; a name that fits no loaded exercise ("band
    row 3x10 40kg") is refused, since a load on a band or bodyweight move would be prescribed back. Bare
    numbers that may or may not hold a load ("chin-up 15 12 10 6", "chin-up 12 5") are reps for a name
    that fits no loaded exercise.

    ``helped`` are the exercises a counterweight helps (the assisted pull-up machine): help told ("2x10
    40kg assist", "-40kg") goes to one of them the name fits, and so does a load typed with a name that
    fits one of them and no loaded exercise ("machine assisted pull up 2x10 40kg"); it is their help,
    never a load lifted. A load typed "each side" of a bar (one of ``barbells``) is asked back.

    A name that fits several exercises and one of the plan's by its words ("assisted pull-up" on a
    band-assisted day) is the plan's. ``easier`` maps a ladder's harder variations to the one today's
    plan has: a name that fits both ("pull-up" on a band-assisted day) means the plan's, since assisted
    reps taken for strict ones would move the ladder and beat records nobody set. A name only the
    harder one has ("strict pull-up") or a load (the weighted pull-up) still names the harder one, and so
    does a rung the member has done well (``shown``): their "pull-up" is strict (``plan_version`` the plan's).

    A name that fits several exercises means one the chat's place and kit allow (``usable``), today's
    (``today``, else ``prefer``) first, as the buttons for it are ordered (``bot.coach.logpick``): "face
    pulls" at home with bands is the band face pull. "Backpack" told with the sets ("rdl 2x10 backpack
    8kg") means the backpack version. A move they do not allow that no other name fits is its stand-in
    (``stand_ins``, ``bot.coach.ladders.stand_ins``): "db rdl" at home the backpack-or-dumbbells RDL. In
    ``light``, those never done for a few reps (a band row, a face pull), "12x2" is 2 sets of 12; many sets
    of a few reps of any other are asked back (``logreading.as_log``).

    A band told with the sets ("pull up 6,5 purple band") means the band version of the name, one of
    ``banded`` (the band-assisted pull-up), as a load added means the weighted pull-up: sets a band helped
    are never a strict pull-up's.
    """
    split = _split(text)
    if isinstance(split, LogError):
        return split
    typed, figures, note = split
    timed = isinstance(figures, Figures) and figures.timed
    # Seconds say the trainee means a hold: "prone 30s" is the prone cobra, not the prone lat pull.
    found = match_exercise(typed, exercises, prefer={*prefer, *holds} if timed else prefer)
    if isinstance(found, LogError) and found.kind is LogErrorKind.AMBIGUOUS:
        # "assisted pull-up" names two exercises, and today's band-assisted one by its words; "rear delt fly"
        # the gym's and the home one, and today's by its words (a trial was asked "Did you mean …?" of it).
        for among in (prefer, today):
            planned = [ex for ex in dict.fromkeys(among) if fits(typed, exercises, ex)]
            if len(planned) == 1:
                found = planned[0]
                break
    found = _packed(typed, exercises, found, text)
    found = _allowed(typed, exercises, found, usable, today or prefer, stand_ins or {})
    weighted = isinstance(figures, Figures) and figures.carries_load()
    takes_it = isinstance(found, str) and (found in (loaded or ()) or found in holds)
    unloaded = None
    if isinstance(figures, Figures) and figures.assisted() and not timed:
        found = _helped_variant(typed, exercises, found, helped)
    elif isinstance(figures, Figures) and loaded is not None and weighted and not timed and not takes_it:
        variant = _loaded_variant(typed, exercises, found, loaded, prefer, usable)
        assisting = [ex for ex in helped if ex == found or fits(typed, exercises, ex)]
        refused = isinstance(variant, LogError) and variant.kind is LogErrorKind.NOT_LOADED
        if refused and figures.load_told() and len(assisting) == 1:
            found = assisting[0]  # "machine assisted pull up 2x10 40kg": the machine's help
        elif refused and not figures.load_told() and isinstance(found, str):
            pass  # "chin-up 15 12 10 6", "chin-up 12 5": a chin-up takes no load, so these are reps
        else:
            unloaded = found if isinstance(found, str) and not figures.load_told() else None
            found = variant
    if not weighted and bands_in(note):
        found = _banded_variant(typed, exercises, found, banded)
    instead_of = kept = None
    if isinstance(found, str) and not weighted and fits(typed, exercises, (easier or {}).get(found)):
        if found in shown:
            kept = (easier or {})[found]
        else:
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
    if figures.side and found in barbells and figures.load_told():
        return LogError(LogErrorKind.PER_SIDE, {"name": typed})
    takes = _takes(found, holds, loaded, helped)
    read = _read(found, figures, unit, takes, note, instead_of, unloaded, typed, light=found in light)
    return replace(read, plan_version=kept) if kept and isinstance(read, ParsedLog) else read


def parse_as(
    text: str,
    exercise: str,
    *,
    unit: str = "kg",
    holds: Collection[str] = (),
    loaded: Collection[str] | None = None,
    helped: Collection[str] = (),
    light: Collection[str] = (),
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
    takes = _takes(exercise, holds, loaded, helped)
    if figures.timed and takes != HOLD:
        return LogError(LogErrorKind.NOT_TIMED, {"name": typed})
    if takes == BODYWEIGHT and figures.load_told() and not figures.assisted():
        return LogError(LogErrorKind.NOT_LOADED, {"name": typed})
    return _read(exercise, figures, unit, takes, note, typed=typed, light=exercise in light)


def _takes(
    exercise: str, holds: Collection[str], loaded: Collection[str] | None, helped: Collection[str]
) -> str:
    """What an exercise takes (``logreading.LOADED`` …): any takes a load when ``loaded`` is None."""
    if exercise in holds:
        return HOLD
    if exercise in helped:
        return HELPED
    return LOADED if loaded is None or exercise in loaded else BODYWEIGHT


def name_typed(text: str) -> str | None:
    """The exercise's name as /log reads it from ``text`` (what came before the numbers), if any."""
    split = _split(text)
    return None if isinstance(split, LogError) else split[0]


def _split(text: str) -> tuple[str, Figures | LogError, str] | LogError:
    """The name typed, the numbers after it and the note after a ``#``."""
    cleaned = normalize(text)
    if isinstance(cleaned, LogError):
        return cleaned
    cleaned, _, note = cleaned.partition("#")
    # A note in brackets or after " - " before the kit words: "(red, felt easy)" is no band told.
    cleaned, typed_note = noted(cleaned)
    cleaned, kit = kit_told(cleaned)
    note = NOTE_PARTS.join(filter(None, (*kit, note.strip(), typed_note)))
    # "25 sets of 8": told as sets, so too many of them, not a load of 25 (as "25x8" would read).
    counted = [int(m.group(1)) for m in _SETS_OF.finditer(cleaned)]
    counted += [int(m.group(2)) for m in _REPS_FOR_SETS.finditer(cleaned)]
    if counted and max(counted) > MAX_SETS:
        return LogError(LogErrorKind.TOO_MANY_SETS, {"sets": str(max(counted)), "max": str(MAX_SETS)})
    found = tokens(cleaned)
    if not found:
        return LogError(LogErrorKind.EMPTY)
    split = next((i for i, token in enumerate(found) if is_figure(token)), len(found))
    if split == 0:
        return LogError(LogErrorKind.NO_EXERCISE)
    return " ".join(found[:split]), read_numbers(found[split:]), note


def _read(
    found: str,
    figures: Figures,
    unit: str,
    takes: str,
    note: str,
    instead_of: str | None = None,
    unloaded: str | None = None,
    typed: str = "",
    light: bool = False,
) -> ParsedLog | LogError:
    read = as_log(
        found,
        figures,
        unit=unit,
        takes=takes,
        note=note.strip() or None,
        instead_of=instead_of,
        unloaded=unloaded,
        light=light,
    )
    if isinstance(read, LogError) and read.kind in (LogErrorKind.NEGATIVE_LOAD, LogErrorKind.SETS_OR_REPS):
        return LogError(read.kind, {**read.values, "name": typed}, readings=read.readings)
    return read


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
    # As a name fits any exercise (``fits``), run together too: "pullup" is the weighted pull-up's, as
    # "pull up" is, never left to the assisted machine's "assisted pullup" (a trial: "/log pullup 10,9,8,8
    # +10kg" logged the machine's help).
    fitting = [ex.id for ex in exercises if ex.id in loaded and fits(typed, exercises, ex.id)]
    fitting = list(dict.fromkeys(fitting))
    if len(fitting) == 1:
        return fitting[0]
    if not fitting:
        return LogError(LogErrorKind.NOT_LOADED, {"name": typed.strip()}, closest(typed, exercises, loaded))
    for narrowed in ([ex for ex in fitting if ex in prefer], [ex for ex in fitting if ex in usable]):
        if len(narrowed) == 1:
            return narrowed[0]
    offered = tuple(sorted(fitting, key=lambda ex: ex not in usable))
    return LogError(
        LogErrorKind.WHICH_LOADED, {"name": typed.strip()}, offered[: SUGGESTIONS + 2], candidates=offered
    )


def _packed(typed: str, exercises: Sequence[Names], found: str | LogError, text: str) -> str | LogError:
    """The backpack version of the exercise a name means when a backpack was told ("rdl 2x10 backpack 8kg",
    "row 3x10 backpack 10kg"), if it has one."""
    if isinstance(found, LogError) and found.kind is not LogErrorKind.AMBIGUOUS:
        return found
    if not BACKPACK.search(text.casefold()):
        return found
    packed = [ex.id for ex in exercises if fits(f"{typed} backpack", exercises, ex.id)]
    return packed[0] if len(packed) == 1 else found


def _allowed(
    typed: str,
    exercises: Sequence[Names],
    found: str | LogError,
    usable: Collection[str],
    today: Collection[str],
    stand_ins: Mapping[str, str],
) -> str | LogError:
    """The exercise a name chosen without asking means ("face pulls": the cable one by its short name) when
    the chat's place and kit do not allow it and another the name fits they do (the band face pull at
    home): the only such one, or today's only one, in the order the buttons offer them (kit allows, today's
    first); several are asked about. A name already asked about is left to the buttons (``logpick``)."""
    if not usable or not isinstance(found, str) or found in usable:
        return found
    fitting = [ex.id for ex in exercises if ex.id != found and fits(typed, exercises, ex.id)]
    allowed = sorted((ex for ex in dict.fromkeys(fitting) if ex in usable), key=lambda ex: ex not in today)
    planned = [ex for ex in allowed if ex in today]
    if len(allowed) == 1 or len(planned) == 1:
        return allowed[0]
    if allowed:
        offered = (*allowed, found)
        return LogError(
            LogErrorKind.AMBIGUOUS, {"name": typed.strip()}, offered[: SUGGESTIONS + 2], candidates=offered
        )
    return stand_ins.get(found, found)  # no name fits one they allow: the move lifting the same, if any


def _banded_variant(
    typed: str, exercises: Sequence[Names], found: str | LogError, banded: Collection[str]
) -> str | LogError:
    """The band version of what ``typed`` names, for sets told with a band: the one of ``banded`` the name
    fits, if only one does; else ``found`` as it was."""
    if found in banded or (isinstance(found, LogError) and found.kind is not LogErrorKind.AMBIGUOUS):
        return found
    fitting = [ex for ex in banded if fits(typed, exercises, ex)]
    return fitting[0] if len(fitting) == 1 else found


def _helped_variant(
    typed: str, exercises: Sequence[Names], found: str | LogError, helped: Collection[str]
) -> str | LogError:
    """The exercise help told with a name is for ("assisted pull ups 2x10 with 40kg assistance", "pull up
    2x10 -40kg"): one a counterweight helps that the name fits; none is a refusal (help is no load)."""
    if isinstance(found, LogError) and found.kind not in (LogErrorKind.AMBIGUOUS, LogErrorKind.NOT_LOADED):
        return found
    fitting = [ex for ex in helped if ex == found or fits(typed, exercises, ex)]
    if len(fitting) == 1:
        return fitting[0]
    if not fitting:
        return LogError(LogErrorKind.NEGATIVE_LOAD, {"name": typed.strip()})
    return LogError(
        LogErrorKind.AMBIGUOUS, {"name": typed.strip()}, tuple(fitting), candidates=tuple(fitting)
    )


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


def normalize(text: str) -> str | LogError:
    """ASCII digits from any script's; numerals that are not plain digits (½, Ⅲ, ²) are refused."""
    numeral = next((c for c in text if unicodedata.category(c) in ("No", "Nl")), None)
    if numeral is not None:
        return LogError(LogErrorKind.DIGITS, {"char": numeral})
    return unicodedata.normalize("NFKC", ascii_digits(text)).translate(_TIMES).casefold()


def tokens(text: str) -> list[str]:
    """The words and numbers of a /log, each number's parts joined ("3 x 10" → "3x10", "40 kg" → "40kg"),
    help written as a load below zero ("40kg assist" → "-40kg") and a load "each side" marked (``SIDE``)."""
    text = text.replace("@", " with ")
    text = re.sub(rf"(\d)\s+({UNIT_WORD})(?![a-z])", r"\1\2", text)  # 40 kg → 40kg
    text = _ASSIST_AFTER.sub(lambda m: f" -{m.group(1) or m.group(2)} ", text)  # 40kg assist → -40kg
    text = _ASSIST_BEFORE.sub(lambda m: f" -{m.group(1) or m.group(2)} ", text)
    text = _ADDED_AFTER.sub(r" +\1 ", _ADDED_BEFORE.sub(" +", text))  # plus 10kg, 10kg added → +10kg
    # "with a 10kg belt" (the belt is kit: gone already) → "with 10kg".
    text = re.sub(r"\b(?:with|using|wearing|in)\s+(?:a|an|my)\s+(?=[+-]?\d)", "with ", text)
    text = pair_by_weight(text, HAND)  # with the 8s → 8 /hand
    text = _EACH_HAND.sub(f" {HAND} ", _EACH_SIDE.sub(f" {SIDE} ", text))
    # In words: "3 sets of 8" → "3x8 /sets" (told), "105x7 for 3 sets" → "105x7x3", "75 for 3x8" → "75 3x8".
    text = _FOR_SETS.sub(lambda m: f"{''.join(m.group(1).split())}x{m.group(2)}", text)
    text = _REPS_FOR_SETS.sub(rf"\2x\1 {TOLD} ", text)
    text = _SETS_OF.sub(rf"\1x\2 {TOLD} ", text)
    text = _FOR.sub(r"\1 ", text)
    # A number after "with", "at" or "@" is a load: "3x12 with 8kg" → "3x12 +8kg", "5 5 4 @ 10" → "5 5 4 +10".
    text = _WITH_LOAD.sub(" +", text)
    text = re.sub(r"\b(?:with|at)\s+(?=[+-]?\d)", " ", text)
    text = re.sub(rf"(\d(?:{UNIT_WORD})?)\s*x\s*(?=\d)", r"\1x", text)  # 3 x 10 → 3x10, 180kg x 5 → 180kgx5
    # A decimal comma in a load before its reps or after its sets ("42,5x8", "3x10x42,5"), before commas
    # part the sets ("180x5, 190x3").
    text = re.sub(rf"(?<![\d.,x])(\d+),(\d{{1,2}})(?=(?:{UNIT_WORD})?x\d)", r"\1.\2", text)
    text = re.sub(r"(\d+x\d+x\d+),(\d{1,2})(?![\d,x])", r"\1.\2", text)
    text = re.sub(r"\b(rir|rpe)\s+(\d)", r"\1\2", text)  # rir 2 → rir2
    text = dumbbells_by_weight(text, HAND)  # db row 3x10 20s → 3x10 20 /hand
    # 1 min → 60s (not "5,1 min": a list of minutes is nobody's notebook, and 5,1 may be a decimal comma)
    text = re.sub(rf"(?<![\d.,])(\d+(?:\.\d+)?)\s*(?:{_MINUTES_WORD})(?![a-z])", _minutes, text)
    text = re.sub(rf"(\d)\s*(?:{_SECONDS_WORD})(?![a-z])", r"\1s", text)  # 45 sec → 45s
    text = re.sub(r"(\d)s\s*([,/])\s*(?=\d)", r"\1\2", text)  # 60s, 45s → 60,45s
    text = re.sub(r"(\d)\s*([,/])\s*(?=\d)", r"\1\2", text)  # 5, 5, 4 → 5,5,4
    return text.split()


def _minutes(match: re.Match[str]) -> str:
    # A hold is timed to the second; anything finer than that is lost.
    return f"{round(float(match.group(1)) * 60)}s"
