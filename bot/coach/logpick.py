"""Picking the exercise a /log meant when its name fits several or none ("rear delt flys", "tbar row"):
one button per exercise it may mean, each carrying the sets as typed, read as that exercise's.

Only exercises the chat's place and kit allow are offered (a gym trainee is not asked about the backpack
version), today's first, and only those the numbers read for: a button logs exactly what it says. A
button's data is the reading itself (``fields``), checked again when it comes back (``reading``), since
Telegram returns whatever a client sends. Pure: no Telegram, no database.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from bot.coach.logparse import (
    MAX_HOLD_S,
    MAX_LOAD,
    MAX_REPS,
    MAX_RIR,
    MAX_SETS,
    LogError,
    LogErrorKind,
    ParsedLog,
    parse_as,
)

# At most this many buttons: more is a list to read, not a choice.
MAX_PICKS = 4
PICKABLE = frozenset(
    {LogErrorKind.AMBIGUOUS, LogErrorKind.WHICH_LOADED, LogErrorKind.UNKNOWN_EXERCISE, LogErrorKind.BELOW_BAR}
)
# Numbers that read several ways, asked back with every reading.
ASKED = frozenset({LogErrorKind.UNCLEAR_NUMBERS, LogErrorKind.SETS_OR_REPS})

_EQUAL = re.compile(r"^([1-9]\d?)x(\d{1,3})$")
_EACH = re.compile(r"^\d{1,3}(?:\.\d{1,3})*$")


def picks(
    error: LogError,
    text: str,
    *,
    usable: Collection[str],
    today: Sequence[str],
    unit: str,
    holds: Collection[str],
    loaded: Collection[str] | None,
    helped: Collection[str] = (),
    light: Collection[str] = (),
) -> tuple[ParsedLog, ...] | LogError:
    """The readings to offer for what ``text`` (the /log's words) was refused with, one per exercise;
    () when there is nothing to pick (another refusal, or no exercise the kit allows). Numbers that read
    several ways for each give every exercise's every reading, up to ``MAX_PICKS``. When the numbers read
    for none of them, why not: the name would not have been the only thing to fix."""
    if error.kind not in PICKABLE:
        return ()
    offered = sorted((ex for ex in error.candidates if ex in usable), key=lambda ex: ex not in today)
    read = [
        parse_as(text, ex, unit=unit, holds=holds, loaded=loaded, helped=helped, light=light)
        for ex in offered
    ]
    found = [reading for reading in read if isinstance(reading, ParsedLog)]
    if not found:
        refused = [reading for reading in read if isinstance(reading, LogError)]
        # A load on what takes none is a question of which exercise, which the reply already asks.
        numbers = [why for why in refused if why.kind is not LogErrorKind.NOT_LOADED]
        if numbers and all(why.kind in ASKED and why.readings for why in numbers):
            # "romanian deadlift 3x10x5" on a plan with two RDLs: which one, and which reading, in one tap.
            return tuple(reading for why in numbers for reading in why.readings)[:MAX_PICKS]
        return numbers[0] if numbers else ()
    same = [reading for reading in found if _sets(reading) == _sets(found[0])]
    return tuple(same[:MAX_PICKS])


def below_bar(reading: ParsedLog, *, name: str, bar: float, held: Sequence[str]) -> LogError | None:
    """Why a barbell lift's reading is not logged as read: a load lighter than the empty ``bar`` (in the
    reading's unit), which no barbell lift can be; the moves with a weight in the hands that lift the same
    (``held``) and the lift itself (a lighter technique bar) are to pick from. None for a load the bar
    allows. A trial's "romanian deadlifts with two 10kg dumbbells" was logged as a 10 kg barbell deadlift."""
    loads = [load for load in reading.set_loads() if load is not None]
    if not loads or min(loads) >= bar:
        return None
    values = {"name": name, "load": f"{min(loads):g}", "bar": f"{bar:g}", "unit": reading.unit}
    return LogError(LogErrorKind.BELOW_BAR, values, candidates=(*held, reading.exercise))


def _sets(reading: ParsedLog) -> tuple[object, ...]:
    return reading.reps, reading.seconds, reading.set_loads(), reading.unit, reading.rir, reading.assist


def fields(reading: ParsedLog) -> tuple[str, ...]:
    """A reading as a button's data: exercise, sets ("3x12", or "12.12.10" when they differ), load ("" for
    none), unit and reps in reserve ("" for none). A note is left out: a button has no room for one, nor
    for a load a set or an assisted exercise's help (ValueError: no button carries those)."""
    if reading.loads or reading.assist is not None:
        raise ValueError("a load a set, or help, is more than a button carries")
    counts = reading.seconds or reading.reps
    sets = f"{len(counts)}x{counts[0]}" if len(set(counts)) == 1 else ".".join(map(str, counts))
    load = "" if reading.load is None else f"{reading.load:g}"
    rir = "" if reading.rir is None else str(reading.rir)
    return reading.exercise, sets, load, reading.unit, rir


def reading(
    data: Sequence[str], *, exercises: Collection[str], holds: Collection[str], loaded: Collection[str]
) -> ParsedLog | None:
    """The reading ``fields`` made, or None for anything it could not have made or /log would refuse."""
    if len(data) != 5:
        return None
    exercise, sets, load, unit, rir = data
    if exercise not in exercises or unit not in MAX_LOAD:
        return None
    hold = exercise in holds
    counts = _counts(sets, MAX_HOLD_S if hold else MAX_REPS)
    if counts is None or (hold and min(counts) == 0) or not any(counts):
        return None
    if load and not (_is_load(load, unit) and (hold or exercise in loaded)):
        return None
    amount = float(load) if load else None
    if rir and not (rir.isdigit() and str(int(rir)) == rir and int(rir) <= MAX_RIR):
        return None
    effort = int(rir) if rir else None
    if hold:
        return ParsedLog(exercise, (), amount, unit, effort, seconds=counts)
    return ParsedLog(exercise, counts, amount, unit, effort)


def _counts(sets: str, most: int) -> tuple[int, ...] | None:
    if match := _EQUAL.match(sets):
        counts = (int(match.group(2)),) * int(match.group(1))
    elif _EACH.match(sets):
        counts = tuple(map(int, sets.split(".")))
    else:
        return None
    if not 1 <= len(counts) <= MAX_SETS or max(counts) > most:
        return None
    # Written only the way ``fields`` writes it: "03x10" or "10.10" is no button of ours.
    shown = f"{len(counts)}x{counts[0]}" if len(set(counts)) == 1 else ".".join(map(str, counts))
    return counts if shown == sets else None


def _is_load(load: str, unit: str) -> bool:
    """Whether ``load`` is one ``fields`` writes, within the limits ("40.0", "nan" and "-4" are not)."""
    try:
        amount = float(load)
    except ValueError:
        return False
    return 0 < amount <= MAX_LOAD[unit] and f"{amount:g}" == load
