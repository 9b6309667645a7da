"""A home trainee's dumbbells: the pairs they own are the pairs they have logged.

A gym's rack has every size; a home has the pairs bought (a newcomer trial: one pair of 6 kg dumbbells, and
a plan that said 7.5 kg each hand, which ✅ As written then logged as lifted). So at home a pair never logged
is one the trainee may not own: progression gives it more reps and then a slower lowering instead
(``progression.Plan.pairs``, ``pairstep.pair_aim``), and no target names a load the trainee has not logged
on a dumbbell move (``to_owned``), so As written logs only a pair they lifted. A heavier pair logged once,
with /log or in answer to a load question, is owned from then on. So is a pair told at the kit question
("two dumbbells of 6 kg", ``kitpair``): owned, not lifted, so no progression reads it, but a dumbbell move's
first load is that pair (``first_pair``), where it would otherwise be asked.

Pure: no Telegram, no database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from decimal import ROUND_FLOOR, Decimal

from bot.coach.model import SetDone
from bot.coach.progression import Prescription


def owned_pairs(
    pair_lifts: Iterable[str],
    history: Mapping[str, Sequence[tuple[date, SetDone]]],
    told: float | None = None,
) -> frozenset[float]:
    """Every load logged on any of ``pair_lifts`` (the dumbbell moves' ids), and the pair ``told`` at set-up:
    the pairs the chat owns."""
    logged = {
        done.load for lift in pair_lifts for _, done in history.get(lift, ()) if done.load and done.load > 0
    }
    return frozenset(logged | ({told} if told else set()))


def first_pair(prescription: Prescription, told: float) -> Prescription:
    """A dumbbell move with no load known yet (its first time) at the pair ``told`` at set-up, at the reps
    prescribed: the pair the trainee has, not a load to pick or to be asked."""
    return prescription if prescription.load is not None else replace(prescription, load=told)


def to_owned(prescription: Prescription, pairs: frozenset[float]) -> Prescription:
    """``prescription`` at a pair of ``pairs``: its own load where owned (or nothing is logged yet, or it has
    no load); else the heaviest owned pair under it at the same reps; else, for a load lighter than every
    pair owned (a comeback's), the lightest pair for as many fewer reps as the load was lighter, one at least.
    """
    load = prescription.load
    if load is None or not pairs or load in pairs:
        return prescription
    below = [pair for pair in pairs if pair < load]
    if below:
        return replace(prescription, load=max(below))
    lightest = min(pairs)
    share = Decimal(str(load)) / Decimal(str(lightest))
    reps = int((prescription.reps * share).to_integral_value(ROUND_FLOOR))
    return replace(prescription, load=lightest, reps=max(1, reps))
