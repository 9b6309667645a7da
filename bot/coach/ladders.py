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
from typing import Annotated

from pydantic import Field, ValidationInfo, model_validator

from bot.coach.catalog import Catalog, Exercise, Id
from bot.coach.content import CONTENT_DIR, Strict, load
from bot.coach.planner import Prescribed, Profile
from bot.coach.progression import Ladder, Plan

LADDERS_FILE = "ladders.toml"


class LadderEntry(Strict):
    id: Id
    rungs: Annotated[tuple[Id, ...], Field(min_length=2)]


class LaddersFile(Strict):
    ladder: list[LadderEntry] = Field(min_length=1)

    @model_validator(mode="after")
    def _known(self, info: ValidationInfo) -> LaddersFile:
        exercises: dict[str, Exercise] = (info.context or {}).get("exercises", {})
        for entry in self.ladder:
            unknown = [rung for rung in entry.rungs if rung not in exercises]
            if unknown:
                raise ValueError(f"ladder {entry.id!r}: no exercise {', '.join(unknown)} in exercises.toml")
            if len(set(entry.rungs)) != len(entry.rungs):
                raise ValueError(f"ladder {entry.id!r}: a rung appears twice")
            kinds = [exercises[rung].kind for rung in entry.rungs]
            if "hold" in kinds:
                raise ValueError(f"ladder {entry.id!r}: a timed hold cannot be a rung (rungs count reps)")
            loaded = [i for i, kind in enumerate(kinds) if kind == "load"]
            bodyweight = [i for i, kind in enumerate(kinds) if kind == "bodyweight"]
            if loaded and bodyweight and min(loaded) < max(bodyweight):
                raise ValueError(f"ladder {entry.id!r}: loaded rungs go above every bodyweight rung")
        return self


def load_ladders(catalog: Catalog, directory: Path | None = None) -> tuple[LadderEntry, ...]:
    path = (directory or CONTENT_DIR) / LADDERS_FILE
    return tuple(load(path, LaddersFile, context={"exercises": dict(catalog.exercises)}).ladder)


def usable(exercise: Exercise, profile: Profile) -> bool:
    """Whether the chat's kit and place allow the exercise (its level is not asked; see the docstring)."""
    return exercise.needs <= profile.kit and profile.equipment in exercise.places


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
    )
