"""Which lift a slot's day holds up to: a main lift a day asks too many reps of gives way to the slot's next
option (``suited``), and the kinds of day a block's lift is kept on (``days_kept``), which the new-block
note names when it is not all of them.

Moved out of ``bot.coach.planner`` (which picks each session's lifts with it) to keep that module under
its size limit when the new-block note began to read which days a lift takes over on.

Pure: no Telegram, no database.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.coach.catalog import Catalog, Exercise, Prescription, Slot
from bot.coach.model import Level


def asked(slot: Slot, tier: Prescription, level: Level) -> tuple[int, int]:
    """The reps the day asks of the slot, before any exercise's own range moves them."""
    override = slot.override.get(level)
    reps = override.reps if override and override.reps else tier.reps
    return reps.low, reps.high


def suited(exercise: Exercise, fresh: Sequence[Exercise], reps: tuple[int, int]) -> Exercise:
    """``exercise``, or the slot's next option after it that holds up to the day's reps.

    More reps than a lift holds up to (a conventional deadlift for 10–12 on short rests) is a swap to a
    variation that suits them (the slot's next: a Romanian deadlift), not the lift for fewer reps, which
    would lose the day's point. With nothing in the slot to swap to, ``_prescribe`` caps the reps.
    """
    if exercise.max_reps is None or reps[1] <= exercise.max_reps:
        return exercise
    start = fresh.index(exercise) + 1 if exercise in fresh else 0
    for other in (*fresh[start:], *fresh[:start]):
        if other.max_reps is None or reps[1] <= other.max_reps:
            return other
    return exercise


def days_kept(
    catalog: Catalog, slot: Slot, level: Level, exercise: Exercise, options: Sequence[Exercise]
) -> tuple[str, ...]:
    """The names of the level's days that keep ``exercise`` as ``slot``'s main lift: the others ask more
    reps than it holds up to (the advanced volume day's 10–12 swaps a weighted pull-up for a pull-up) or
    are not among its ``days``. Weekly caps, which change week to week, are left to their own note."""
    kept = []
    for day in catalog.routines.level(level).day:
        fits = [option for option in options if not option.days or day.name in option.days]
        if (
            exercise in fits
            and suited(exercise, fits, asked(slot, getattr(day, slot.tier), level)) == exercise
        ):
            kept.append(day.name)
    return tuple(kept)


def kinds_of_day(names: Sequence[str]) -> str:
    """Day names as one phrase for "on … days": "heavy day", "moderate day" → "heavy and moderate"."""
    kinds = [name.removesuffix(" day") for name in names]
    return kinds[0] if len(kinds) == 1 else f"{', '.join(kinds[:-1])} and {kinds[-1]}"
