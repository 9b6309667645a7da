"""Bodyweight ladders from ``content/ladders.toml``, and the bridge from a planned exercise to its
progression ``Plan``, so handlers turn the catalog into what ``bot.coach.progression`` needs in one call.

Ladders are content a coach edits (which variation comes after which), checked at load against the
exercise catalog like routines are. A chat climbs only the rungs its kit allows; the level does not
gate a rung, because reaching the top of the rung below on every set is the evidence a level stands
for (moving to a new *level* is still only ever suggested, see ``bot.coach.levelup``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from bot.coach.catalog import LADDERS_FILE, Catalog, Exercise, LadderEntry, LaddersFile
from bot.coach.content import CONTENT_DIR, load
from bot.coach.planner import Prescribed, Profile
from bot.coach.progression import Ladder, Plan


def load_ladders(catalog: Catalog, directory: Path | None = None) -> tuple[LadderEntry, ...]:
    path = (directory or CONTENT_DIR) / LADDERS_FILE
    return tuple(load(path, LaddersFile, context={"exercises": dict(catalog.exercises)}).ladder)


def usable(exercise: Exercise, profile: Profile) -> bool:
    """Whether the chat's kit and place allow the exercise (its level is not asked; see the docstring)."""
    return exercise.fits_kit(profile.kit) and profile.equipment in exercise.places


# What a weight held in the hands is on: a dumbbell move and a backpack-or-dumbbells move lift the same.
HELD = frozenset({"dumbbell", "dumbbells"})


def stand_ins(catalog: Catalog, profile: Profile) -> dict[str, str]:
    """For each move with a weight in the hands that the chat's place or kit does not allow, the one that
    lifts the same with what it has: the move of the same topic and pattern with a held load it allows,
    where there is exactly one. At home, the gym's dumbbell RDL is the RDL "with a loaded backpack or
    dumbbells" the plan has, and the one-arm dumbbell row its row, so "/log db rdl 3x10 12kg" adds to the
    same history, the same records and the same next load as As written does (a newcomer trial's heavier
    dumbbell RDL, logged as the gym's move, was no 🏆 after the home move's baseline)."""
    found: dict[str, str] = {}
    for exercise in catalog.exercises.values():
        if exercise.kind != "load" or not HELD & set(exercise.implements) or usable(exercise, profile):
            continue
        same = [
            other.id
            for other in catalog.exercises.values()
            if other.kind == "load"
            and HELD & set(other.implements)
            and (other.topic, other.pattern) == (exercise.topic, exercise.pattern)
            and usable(other, profile)
        ]
        if len(same) == 1:
            found[exercise.id] = same[0]
    return found


def held_versions(catalog: Catalog, exercise: str) -> tuple[str, ...]:
    """The moves with a weight in the hands that lift what a barbell lift does (the same topic and pattern:
    the dumbbell and backpack RDLs of the deadlift), offered when its load is less than the empty bar."""
    lift = catalog.exercises[exercise]
    return tuple(
        other.id
        for other in catalog.exercises.values()
        if other.kind == "load"
        and HELD & set(other.implements)
        and (other.topic, other.pattern) == (lift.topic, lift.pattern)
    )


def held_total(load: float | None, *, each_hand: bool, backpack: bool) -> float | None:
    """The load a set lifted, as records, the next load and /progress weigh it: the work is the total load.
    A backpack-or-dumbbells move (``backpack``) told as each hand's ("8 kg each": two dumbbells) lifted
    both, 16 kg, as a 16 kg backpack does; a trial's 14 kg each after a 24 kg backpack read as no record
    and a lighter next load. A dumbbell move's load stays each hand's: its whole history is kept so."""
    return load * 2 if load is not None and each_hand and backpack else load


def ladder_for(
    exercise: str, ladders: Sequence[LadderEntry], catalog: Catalog, profile: Profile
) -> Ladder | None:
    """The ladder ``exercise`` is on, with the rungs this chat can do; None when it is on none."""
    for entry in ladders:
        if exercise in entry.rungs:
            rungs = tuple(
                rung for rung in entry.rungs if rung == exercise or usable(catalog.exercises[rung], profile)
            )
            loaded = frozenset(rung for rung in rungs if catalog.exercises[rung].kind == "load")
            return Ladder(rungs, loaded)
    return None


def plan_for(prescribed: Prescribed, increment: float) -> Plan | None:
    """The progression plan of a planned exercise; None for a timed hold (it has no reps to progress)."""
    if prescribed.reps is None:
        return None
    return Plan(
        sets=prescribed.sets,
        rep_range=prescribed.reps,
        target_rir=prescribed.rir,
        lower_body=prescribed.exercise.pattern == "hinge",
        increment=increment,
        increase_pct=prescribed.increase_pct,
        bodyweight=prescribed.exercise.kind != "load",
        # Dumbbells of its own, a size a rack has: a backpack at home weighs what it weighs (``home_load``).
        pair="dumbbells" in prescribed.exercise.needs,
    )
