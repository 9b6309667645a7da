"""``older.toml`` as a typed model: what changes for a trainee who said they are 60 or older.

A coach edits the file without reading Python; a mistake stops start-up with the file and key named
(``older.toml: floor.prone-cobra: no exercise 'wall-slyde'``), as every content file does. The planner's
use of it is ``bot.coach.agefit``; this module only reads and checks, so ``bot.coach.catalog`` can hold it
without importing the planner.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import Field, ValidationInfo, model_validator

from bot.coach.content import Strict
from bot.coach.knowledge import TopicId

OLDER_FILE = "older.toml"
Id = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=40)]
Text = Annotated[str, Field(min_length=1, max_length=200)]


class OlderWarmup(Strict):
    """The warm-up's lists for an older trainee: no jumping, nothing done down on the floor (routines.toml's
    ``[warmup.older]``: the warm-up is written there)."""

    cardio_gym: tuple[Text, ...] = Field(min_length=1)
    cardio_home: tuple[Text, ...] = Field(min_length=1)
    drills: tuple[Text, ...] = Field(min_length=1)


class OlderFile(Strict):
    from_age: int = Field(ge=40, le=90)
    gentle_sessions: int = Field(ge=0, le=12)
    extra_rest_s: int = Field(ge=0, le=120)
    extra_rir: int = Field(ge=0, le=2)
    floor_pulls_from: int = Field(ge=1, le=60)
    floor_pulls: tuple[Id, ...] = ()
    # A floor move and the standing or supported move in its place ("" where there is none).
    floor: dict[Id, Annotated[str, Field(max_length=40)]] = Field(default_factory=dict)
    gentle_note: Text
    adapted_note: Text
    # Under the answer to a question of these topics, for a chat of 60+: what its plan already does.
    answer_topics: tuple[TopicId, ...] = ()
    answer_note: Annotated[str, Field(min_length=1, max_length=400)]

    @model_validator(mode="after")
    def _known(self, info: ValidationInfo) -> OlderFile:
        exercises: Mapping[str, Any] = (info.context or {}).get("exercises", {})
        if not exercises:
            return self
        for key in self.floor_pulls:
            if key not in exercises:
                raise ValueError(f"floor_pulls: no exercise {key!r} in exercises.toml")
        for key, version in self.floor.items():
            for named in (key, version):
                if named and named not in exercises:
                    raise ValueError(f"floor.{key}: no exercise {named!r} in exercises.toml")
            if version and version in self.floor:
                raise ValueError(f"floor.{key}: {version!r} is a floor move itself")
            if version and exercises[version].multi_joint != exercises[key].multi_joint:
                # A version fills the same slot: a main lift's version is a multi-joint pull too.
                raise ValueError(f"floor.{key}: {version!r} can't fill the same slot (multi_joint differs)")
        for placeholder in ("{sessions}",):
            if placeholder not in self.gentle_note:
                raise ValueError(f"gentle_note: must include {placeholder}")
        return self
