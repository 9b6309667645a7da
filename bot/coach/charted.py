"""Which lifts the /progress chart draws: the plan's main lifts, one per main slot (the hinge, the
vertical pull, the horizontal pull), in the slots' order, so each keeps its colour from one chart to the
next.

A newcomer trial on an advanced gym plan: after a volume day, whose hinge is the barbell Romanian
deadlift in the deadlift's place, the chart drew the Romanian deadlift and left the deadlift off, because
it drew the lifts of the latest session. A slot's lift is now the block's (``planner.block_lifts``), or a
higher rung of its ladder that the trainee has climbed to; another of the slot's exercises stands in only
while that has no sets in the chart's weeks (a new block's first sessions, a variant logged instead).

A strength coach's trial: in block 2 of an advanced gym plan the chart left off the barbell deadlift the
trainee had trained all of block 1, since only block 2's lifts were drawn. The previous block's main
lifts logged in the chart's weeks are drawn after the block's own (``earlier_lifts``), room allowing.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from bot.coach.catalog import Catalog
from bot.coach.model import SetDone
from bot.coach.planner import Profile, block_lifts, position
from bot.coach.trainingweeks import PLANNED, Weeks


@dataclass(frozen=True)
class MainSlot:
    """A main slot's exercises as the chart reads them: ``lifts`` the block's lift and the higher rungs of
    its ladder, ``others`` the slot's other options and fallbacks, which stand in for it."""

    lifts: frozenset[str]
    others: frozenset[str]


def main_slots(catalog: Catalog, profile: Profile, number: int, weeks: Weeks = PLANNED) -> list[MainSlot]:
    """The main slots of session ``number``'s block, each with the lift the block keeps in it."""
    slots = []
    for slot, lift in block_lifts(catalog, profile, number, weeks):
        # A strict pull-up logged on a band-assisted pull-up block is the same lift, climbed.
        lifts = frozenset(
            {lift.id, *(other for other in catalog.exercises if catalog.harder(other, lift.id))}
        )
        slots.append(MainSlot(lifts, frozenset((*slot.options, *slot.fallback)) - lifts))
    return slots


def previous_slots(catalog: Catalog, profile: Profile, number: int, weeks: Weeks = PLANNED) -> list[MainSlot]:
    """The main slots of the block before session ``number``'s, none in the first block."""
    at = position(catalog, profile, max(1, number), weeks)
    if at.block <= 1:
        return []
    # The session before the block's first is the previous block's last.
    return main_slots(catalog, profile, max(1, number) - at.in_block - 1, weeks)


def earlier_lifts(
    picked: Sequence[str],
    logged: Mapping[str, Sequence[tuple[date, SetDone]]],
    slots: Sequence[MainSlot],
    previous: Sequence[MainSlot],
    room: int,
    since: date = date.min,
) -> list[str]:
    """The previous block's main lifts (each of ``previous``' slots' own lift, not its stand-ins) with sets
    since ``since`` that are neither drawn already (``picked``) nor a main lift of this block (``slots``),
    in the slots' order, at most ``room`` of them."""
    current = {lift for slot in slots for lift in slot.lifts}
    found = []
    for slot in previous:
        trained = [
            lift
            for lift in sorted(slot.lifts)
            if lift not in picked
            and lift not in current
            and any(day >= since for day, _ in logged.get(lift, ()))
        ]
        if trained:
            # Of a ladder's rungs, the one logged last, as ``chart_lifts`` picks a slot's lift.
            found.append(max(trained, key=lambda lift: max(day for day, _ in logged[lift])))
    return found[: max(0, room)]


def chart_lifts(
    logged: Mapping[str, Sequence[tuple[date, SetDone]]],
    limit: int,
    slots: Sequence[MainSlot] = (),
    since: date = date.min,
) -> list[str]:
    """The lifts to draw, of those with sets since ``since``: each main slot's lift, or the slot's exercise
    logged last while that has none; with no plan to read (``slots`` empty), those of the latest sessions
    first, then the most often trained.

    Ranking by the number of days alone kept a trainee who moved from home to the gym looking at the
    home lifts, and on a tie it fell back to the order of the log, oldest first, so the gym lifts
    logged today were cut off.
    """
    days = {exercise: {day for day, _ in sets if day >= since} for exercise, sets in logged.items()}

    def rank(exercise: str) -> tuple[date, int]:
        return max(days[exercise]), len(days[exercise])

    found = [exercise for exercise, trained in days.items() if trained]
    if not slots:
        return sorted(found, key=rank, reverse=True)[:limit]
    picked = []
    for slot in slots:
        for group in (slot.lifts, slot.others):
            candidates = [exercise for exercise in found if exercise in group]
            if candidates:
                picked.append(max(candidates, key=rank))
                break
    return picked[:limit]


def left_beside(
    picked: Sequence[str],
    logged: Mapping[str, Sequence[tuple[date, SetDone]]],
    slots: Sequence[MainSlot],
    added: Collection[str],
    since: date = date.min,
) -> dict[str, list[str]]:
    """For each drawn lift whose load is added to bodyweight (``added``: the weighted pull-up), its slot's
    exercises logged only without a load since its first loaded set in the chart's weeks (an advanced
    block's volume-day pull-ups): reps, which its added-load lines do not draw, so the caption names them
    rather than letting them vanish. A coach's trial asked where the block's pull-ups had gone."""
    found: dict[str, list[str]] = {}
    for lift in picked:
        slot = next((s for s in slots if lift in s.lifts | s.others), None)
        loaded = [day for day, done in logged.get(lift, ()) if day >= since and done.load]
        if lift not in added or slot is None or not loaded:
            continue
        beside = [
            other
            for other in sorted((slot.lifts | slot.others) - {lift})
            if (after := [done for day, done in logged.get(other, ()) if day >= min(loaded)])
            and not any(done.load or done.seconds is not None for done in after)
        ]
        if beside:
            found[lift] = beside
    return found
