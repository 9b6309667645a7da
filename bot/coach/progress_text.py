"""The line /workout shows under a main lift: what was done last time and what to aim for today.

"last time 3×10 @ 40 kg → today 3×11, or 42.5 kg once all sets reach 12": the trainee sees the rule
work, not just a number. Wording lives in ``messages.toml`` ([progression]), one line per reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.coach.model import SetDone
from bot.coach.progression import Plan, Prescription, Reason, in_unit, progressed_load
from bot.coach.texts import Texts, escape


def format_load(load: float, unit: str) -> str:
    """``42.5 kg``: to 0.01 at most, trailing zeros dropped. Targets are multiples of the chat's step and
    converted loads are to 0.1, so this only hides float noise (47.50000000001)."""
    shown = f"{round(load, 2):.2f}".rstrip("0").rstrip(".")
    return f"{'0' if shown == '-0' else shown} {unit}"


def shown_load(load: float | None, unit: str, wanted: str) -> float | None:
    """A logged load as a list of past sets shows it in the chat's unit ``wanted``.

    A load logged in that unit is shown as logged (41.25 kg stays 41.25); a converted one is rounded
    to one decimal, since 45.359 kg claims a precision no plate has.
    """
    converted = in_unit(load, unit, wanted)
    return converted if converted is None or unit == wanted else round(converted, 1)


def format_sets(sets: Sequence[SetDone], unit: str) -> str:
    """``3×10 @ 40 kg`` when every set matches, ``10, 10, 9 @ 40 kg`` when not; no load for bodyweight."""
    if not sets:
        return ""
    reps = [done.reps for done in sets]
    counted = f"{len(reps)}×{reps[0]}" if len(set(reps)) == 1 else ", ".join(map(str, reps))
    loads = {done.load for done in sets}
    if len(loads) == 1 and None not in loads:
        return f"{counted} @ {format_load(sets[0].load or 0.0, unit)}"
    if loads == {None}:
        return counted
    # Mixed loads (a warm-up set logged too): each set with its own.
    return ", ".join(f"{d.reps} @ {format_load(d.load, unit)}" if d.load else str(d.reps) for d in sets)


def format_prescription(prescription: Prescription, unit: str) -> str:
    sets = [SetDone(prescription.reps, prescription.load)] * prescription.sets
    return format_sets(sets, unit)


def progress_line(
    *,
    exercise: str,
    last: Sequence[SetDone],
    prescription: Prescription,
    plan: Plan,
    unit: str,
    names: Mapping[str, str],
    texts: Texts,
    loaded: bool = True,
) -> str:
    """One line (HTML-escaped) for ``exercise``, whose last session was ``last`` (empty: never logged).

    ``loaded`` is False for a bodyweight move: its first time is about clean reps, not picking a load.
    """
    values = {
        "name": escape(names.get(exercise, exercise)),
        "exercise": escape(names.get(prescription.exercise, prescription.exercise)),
        "last": format_sets(last, unit),
        "today": format_prescription(prescription, unit),
        "reps": str(prescription.reps),
        "top": str(plan.rep_range[1]),
        "next_load": "",
    }
    key = prescription.reason.value
    if prescription.reason is Reason.START and not loaded:
        key = "start_bodyweight"
    if prescription.reason is Reason.ADD_REP and prescription.load:
        values["next_load"] = format_load(progressed_load(prescription.load, plan), unit)
        key = "add_rep_then_load"
    return texts.get(f"progression.{key}", **values)
