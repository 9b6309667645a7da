"""The ✏️ Adjust panel's state: how far each main lift's logged sets are from its target (reps per set, load
in steps or a load typed), as its buttons carry it, and the sets that state stands for. Pure logic."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.coach.model import SetDone
from bot.coach.pairstep import pair_moved
from bot.coach.progression import exact
from bot.coach.sessionlog import MAX_LOAD_SHIFT, Target

# How far the Adjust buttons move a target's reps per set, either way (its load: ``MAX_LOAD_SHIFT``).
MAX_REP_SHIFT = 9
# A first load is set from zero: a button adding about this much saves a dozen presses of one step.
FIRST_LOAD_JUMP = {"kg": 10.0, "lb": 20.0}


@dataclass(frozen=True)
class Shift:
    """How far a main lift's logged sets are from its target: reps per set, and load in steps."""

    reps: int = 0
    steps: int = 0
    told: float | None = None
    """A load typed while the panel was open ("6 kg on the rdl"): the steps count from it, not the target."""

    def limits(self, target: Target, max_load: float) -> tuple[int, int]:
        """The steps the panel may move the lift: from a load told, a few either way, as from a known one."""
        if self.told is None or not target.loaded:
            return target.load_steps(max_load)
        return (-MAX_LOAD_SHIFT, MAX_LOAD_SHIFT)


def encode(shifts: Sequence[Shift]) -> str:
    """``"0.0_-1.16"``, a load told after "@" (``"0.0@6"``): short enough for a button's 64 bytes with three
    main lifts and the day, even with three first loads of six digits' worth of steps."""
    return "_".join(f"{s.reps}.{s.steps}" + ("" if s.told is None else f"@{s.told:g}") for s in shifts)


def decode(text: str, main: Sequence[Target], max_load: float) -> list[Shift] | None:
    """The shifts for ``main`` (the session's main lifts), or None for anything malformed, written
    otherwise than ``encode`` writes it, out of a lift's range or for another number of lifts."""
    parts = text.split("_") if text else []
    if len(parts) != len(main):
        return None
    shifts = []
    for part, target in zip(parts, main, strict=True):
        match = re.fullmatch(r"(-?\d{1,2})\.(-?\d{1,6})(?:@(\d{1,4}(?:\.\d{1,2})?))?", part)
        if match is None:
            return None
        told = None if match.group(3) is None else float(match.group(3))
        if told is not None and not (target.loaded and 0 < told <= max_load):
            return None
        shift = Shift(int(match.group(1)), int(match.group(2)), told)
        low, high = shift.limits(target, max_load)
        if abs(shift.reps) > MAX_REP_SHIFT or not low <= shift.steps <= high:
            return None
        shifts.append(shift)
    return shifts if encode(shifts) == text else None


def shifted(
    shifts: Sequence[Shift], index: int, limits: tuple[int, int], *, reps: int | None = None, steps: int = 0
) -> list[Shift]:
    """The state after one press: ``reps`` None resets the reps to the target (the "all reps" button);
    ``limits`` are the lift's ``Shift.limits``."""
    result = list(shifts)
    current = result[index]
    new_reps = 0 if reps is None else max(-MAX_REP_SHIFT, min(MAX_REP_SHIFT, current.reps + reps))
    new_steps = max(limits[0], min(limits[1], current.steps + steps))
    result[index] = replace(current, reps=new_reps, steps=new_steps)
    return result


def first_load_jump(increment: float, unit: str) -> int:
    """How many steps the first-load button adds: about ``FIRST_LOAD_JUMP``, at least one."""
    return max(1, round(FIRST_LOAD_JUMP[unit] / increment))


def adjusted(target: Target, shift: Shift) -> list[SetDone]:
    """The sets as the trainee says they went: at least one rep a set, and no load below zero (a load
    of zero is none); a lift without a load takes none, however the buttons were forged. A pair of
    dumbbells moves by sizes, not plate steps (``moved_pair``)."""
    p = target.prescription
    reps = max(1, p.reps + shift.reps)
    load = p.load
    if shift.told is not None and target.loaded:
        load = shift.told
    moved = moved_pair(target, shift.steps, shift.told)
    if moved is not None:
        load = moved
    elif target.loaded:
        load = max(0.0, round((load or 0.0) + shift.steps * target.plan.increment, 2)) or None
    return [SetDone(reps, load)] * p.sets


def moved_pair(target: Target, steps: int, told: float | None = None) -> float | None:
    """A dumbbell lift's known pair, or the one ``told`` on the panel, ``steps`` sizes away, as Adjust moves
    it (the rack's next size at a gym, the next pair owned at home: ``pairstep.pair_moved``); None for any
    other lift, no load known yet, or a rack not known, which move by the chat's plate step."""
    load = target.prescription.load if told is None else told
    if not (target.loaded and target.plan.pair and load is not None):
        return None
    moved = pair_moved(exact(load), steps, exact(target.plan.increment), target.plan.pairs)
    return None if moved is None else float(moved)
