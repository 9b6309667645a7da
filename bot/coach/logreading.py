"""A /log's numbers as one exercise's sets (``as_log``): ``bot.coach.logsets`` reads what was typed into
figures without knowing the exercise; what they mean depends on what it takes (a load, help, neither, or
a hold), so that is read here, within the limits, with every reading when they read several ways; and a
reading written back the way /log reads it (``written``), for the /log a told set is offered as.
Pure: no Telegram, no database.
"""

from __future__ import annotations

from dataclasses import replace

from bot.coach.kitwords import bands_in
from bot.coach.logsets import (
    MAX_HOLD_S,
    MAX_LOAD,
    MAX_REPS,
    MAX_RIR,
    MAX_SETS,
    Figures,
    LogError,
    LogErrorKind,
    ParsedLog,
    Sets,
    load_ends,
    trailing_load,
    turnable,
    turned,
)

# What an exercise takes: a load, help (a counterweight: a load typed is its help), neither (its bare
# numbers are reps), or it is a hold (its counts are seconds).
LOADED, HELPED, BODYWEIGHT, HOLD = "load", "help", "bodyweight", "hold"

# The sets, each set's load (or one for all), their unit, reps in reserve and the help.
Checked = tuple[tuple[int, ...], tuple[float | None, ...], str, int | None, float | None]


def as_log(
    exercise: str,
    found: Figures,
    *,
    unit: str,
    takes: str,
    note: str | None,
    instead_of: str | None = None,
    unloaded: str | None = None,
    light: bool = False,
) -> ParsedLog | LogError:
    """``exercise``'s sets from the numbers typed; ``takes`` says what it takes (``LOADED`` …). Numbers
    that read several ways come back refused with every reading (``unloaded``, when given, is the exercise
    the reading of bare numbers as reps is for: "pull up 12 5" is the weighted pull-up only with a load).

    Many sets of a few reps ("12x2") are the other way round for a ``light`` exercise, one never loaded
    for so few reps (a band row: 2 sets of 12), and asked back for any other (12 sets of 2 pull-ups is a
    way to build up to them, 10 sets of 3 a way to deadlift)."""
    plain = found.plain
    bare = not (found.sets or found.loads or found.other)
    if takes == LOADED and unloaded in (None, exercise) and bare and trailing_load(plain):
        # "lat pulldown 8 8 7 7 80": reps going down a little, then a number no set of them reaches.
        found = replace(found, sets=(Sets(plain[:-1]),), plain=plain[-1:])
    other = None if found.timed or takes == HOLD else turned(found)
    if other is not None and light:
        found = other  # "band row 12x2": nobody does twelve sets of two band rows
    elif other is not None:
        return _either_way(exercise, found, other, unit=unit, takes=takes, note=note, instead_of=instead_of)
    checked = _checked(found, unit, takes=takes)
    if isinstance(checked, LogError):
        if checked.kind is LogErrorKind.UNCLEAR_NUMBERS:
            readings = _readings(exercise, found, unit, takes, note, unloaded)
            return LogError(checked.kind, checked.values, readings=readings)
        return checked
    return _parsed(exercise, checked, takes, note, instead_of, hand=found.hand)


def _parsed(
    exercise: str,
    checked: Checked,
    takes: str,
    note: str | None,
    instead_of: str | None = None,
    *,
    hand: bool = False,
) -> ParsedLog:
    counts, loads, unit, rir, assist = checked
    load, each = (loads[0], ()) if len(set(loads)) == 1 else (None, loads)
    if takes == HOLD:
        return ParsedLog(exercise, (), load, unit, rir, note, seconds=counts, loads=each)
    # "Each hand" says whose a load is; with no load ("10 each arm") it says nothing the log keeps.
    each_hand = hand and takes == LOADED and any(loads)
    return ParsedLog(
        exercise,
        counts,
        load,
        unit,
        rir,
        note,
        instead_of=instead_of,
        loads=each,
        assist=assist,
        each_hand=each_hand,
    )


def _either_way(
    exercise: str,
    found: Figures,
    other: Figures,
    *,
    unit: str,
    takes: str,
    note: str | None,
    instead_of: str | None,
) -> ParsedLog | LogError:
    """ "pull-up 12x2" as typed and the other way round, asked back with both; refused as typed would be."""
    as_typed = _checked(found, unit, takes=takes)
    if isinstance(as_typed, LogError):
        return as_typed
    readings = [_parsed(exercise, as_typed, takes, note, instead_of, hand=found.hand)]
    round_ = _checked(other, unit, takes=takes)
    if isinstance(round_, LogError):
        return readings[0]
    readings.append(_parsed(exercise, round_, takes, note, instead_of, hand=found.hand))
    sets, reps = len(as_typed[0]), as_typed[0][0]
    values = {"numbers": f"{sets}x{reps}", "sets": str(sets), "reps": str(reps)}
    return LogError(LogErrorKind.SETS_OR_REPS, values, readings=tuple(readings))


def _readings(
    exercise: str, found: Figures, unit: str, takes: str, note: str | None, unloaded: str | None
) -> tuple[ParsedLog, ...]:
    """Numbers that read several ways, each way within the limits: "3x10x5" sets first and load first, "row
    10 40" as 10 reps at 40 and 40 at 10, "row 11 11 35" as 11, 11 at 35 and as 11, 11, 35 reps (and "pull
    up 12 5" as 12 and 5 reps of the ``unloaded`` pull-up too)."""
    # Each way: the exercise, its numbers, and whether they are reps alone.
    ways: list[tuple[str, Figures, bool]] = []
    if found.other is not None:
        ways = [(exercise, replace(found, other=None, unclear=""), False), (exercise, found.other, False)]
    elif not found.loads and not found.sets:
        plain = found.plain
        for at in load_ends(plain):
            way = replace(found, sets=(Sets(plain[:at] + plain[at + 1 :]),), plain=(plain[at],))
            ways.append((exercise, way, False))
        if len(plain) > 2 or (unloaded is not None and unloaded != exercise):
            ways.append((unloaded or exercise, replace(found, sets=(Sets(plain),), plain=()), True))
    out = []
    for way_exercise, way, reps_alone in ways:
        kind = BODYWEIGHT if reps_alone else takes
        one = _checked(way, unit, takes=kind)
        if isinstance(one, LogError) or (not reps_alone and not any(one[1]) and one[4] is None):
            continue  # beyond the limits, or a load of nothing
        out.append(_parsed(way_exercise, one, kind, note, hand=found.hand))
    return tuple(dict.fromkeys(out))


def _checked(found: Figures, unit: str, *, takes: str) -> Checked | LogError:
    """The sets (reps, or seconds for a hold), each one's load, their unit, reps in reserve and help,
    within limits."""
    hold = takes == HOLD
    if found.other is not None:
        return LogError(LogErrorKind.UNCLEAR_NUMBERS, {"numbers": found.unclear})
    counts, loads, plain = found.counts, list(found.loads), found.plain
    if counts is None:
        if takes not in (BODYWEIGHT, HELPED) and load_ends(plain):
            # "row 10 40": ten reps at 40, or sets of 10 and 40? Asking beats logging the wrong one.
            return LogError(LogErrorKind.UNCLEAR_NUMBERS, {"numbers": " ".join(map(str, plain))})
        counts = plain or None
    else:
        loads += [(float(number), None, str(number)) for number in plain]
    if not counts or sum(counts) == 0:
        return LogError(LogErrorKind.NO_SECONDS if hold else LogErrorKind.NO_REPS)
    attached = [sets.load for sets in found.sets if sets.load is not None]
    if len(loads) + bool(attached) > 1 or (attached and len(attached) < len(found.sets)):
        return LogError(LogErrorKind.MALFORMED, {"token": (loads or attached)[-1][2]})
    if len(counts) > MAX_SETS:
        return LogError(LogErrorKind.TOO_MANY_SETS, {"sets": str(len(counts)), "max": str(MAX_SETS)})
    if hold and max(counts) > MAX_HOLD_S:
        return LogError(LogErrorKind.TOO_LONG, {"seconds": str(max(counts)), "max": str(MAX_HOLD_S)})
    if not hold and max(counts) > MAX_REPS:
        return LogError(LogErrorKind.TOO_MANY_REPS, {"reps": str(max(counts)), "max": str(MAX_REPS)})
    if hold and min(counts) == 0:
        return LogError(LogErrorKind.NO_SECONDS)
    rir = found.rir
    if rir is not None and not 0 <= rir <= MAX_RIR:
        return LogError(LogErrorKind.BAD_RIR, {"rir": str(rir)})
    if attached and takes == HELPED:
        if len({load[:2] for load in attached}) > 1:
            return LogError(LogErrorKind.MALFORMED, {"token": attached[-1][2]})  # help changed set by set?
        loads = attached[:1]  # "assisted pull up 40kgx10": the machine's help, as "2x10 40kg" is
    elif attached:
        return _each_load(found, counts, unit, rir)
    if not loads:
        return counts, (None,) * len(counts), unit, rir, None
    amount, load_unit = loads[0][0], loads[0][1] or unit
    limit = _too_heavy(abs(amount), load_unit)
    if limit is not None:
        return limit
    if amount < 0 or (takes == HELPED and amount > 0):
        if takes != HELPED:
            return LogError(LogErrorKind.NEGATIVE_LOAD, {"load": f"{amount:g}", "unit": load_unit})
        return counts, (None,) * len(counts), load_unit, rir, abs(amount)
    # A load of zero is a bodyweight set typed as "0kg".
    return counts, (amount or None,) * len(counts), load_unit, rir, None


def _each_load(found: Figures, counts: tuple[int, ...], unit: str, rir: int | None) -> Checked | LogError:
    """Sets typed with their loads ("180x5, 190x3, 200x3x2"): each set's load, all in the unit typed."""
    attached = [load for sets in found.sets if (load := sets.load) is not None]
    typed = {load_unit for _, load_unit, _ in attached if load_unit is not None}
    if len(typed) > 1:
        return LogError(LogErrorKind.MALFORMED, {"token": attached[-1][2]})  # "180kgx5, 400lbx3"
    load_unit = typed.pop() if typed else unit
    each: list[float | None] = []
    for sets in found.sets:
        assert sets.load is not None
        limit = _too_heavy(sets.load[0], load_unit)
        if limit is not None:
            return limit
        each += [sets.load[0] or None] * len(sets.counts)
    return counts, tuple(each), load_unit, rir, None


def _too_heavy(amount: float, unit: str) -> LogError | None:
    if amount > MAX_LOAD[unit]:
        limit = f"{MAX_LOAD[unit]:,.0f}"
        return LogError(LogErrorKind.TOO_HEAVY, {"load": f"{amount:g}", "unit": unit, "max": limit})
    return None


# ---------------------------------------------------------------- a reading written back


def written(parsed: ParsedLog, name: str) -> str:
    """``parsed`` as /log reads it back after ``name``: "band row 3x12", "pull up 8,7,6 20kg", "deadlift
    180kgx5, 190kgx3, 200kgx3x2", "assisted pull up 2x10 40kg assist", "band row 3x12 green band", "prone
    cobra 3x30s rir2"."""
    counts = parsed.seconds or parsed.reps
    mark = "s" if parsed.seconds else ""
    if parsed.loads:
        runs: list[tuple[int, float | None, int]] = []
        for count, load in zip(counts, parsed.loads, strict=True):
            if runs and runs[-1][:2] == (count, load):
                runs[-1] = (count, load, runs[-1][2] + 1)
            else:
                runs.append((count, load, 1))
        line = ", ".join(
            f"{load or 0:g}{parsed.unit}x{count}{mark}" + (f"x{times}" if times > 1 else "")
            for count, load, times in runs
        )
    else:
        line = f"{len(counts)}x{counts[0]}" if len(set(counts)) == 1 else ",".join(map(str, counts))
        if len(set(counts)) == 1 and not parsed.seconds and turnable(len(counts), counts[0]):
            line = f"{len(counts)} sets of {counts[0]}"  # "12x2" may read the other way round
        line += mark
        if parsed.load is not None:
            line += f" {parsed.load:g}{parsed.unit}"
    if parsed.each_hand:
        line += " each hand"
    if parsed.assist is not None:
        line += f" {parsed.assist:g}{parsed.unit} assist"
    # The band told, which /log keeps in the note again: a button or an offer never loses it.
    for band in bands_in(parsed.note):
        line += f" {band}"
    if parsed.rir is not None:
        line += f" rir{parsed.rir}"
    return f"{name} {line}"
