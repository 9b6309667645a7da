"""Vocabulary shared by the coach logic, storage and handlers."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Level(StrEnum):
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class Equipment(StrEnum):
    GYM = "gym"
    HOME = "home"


@dataclass(frozen=True)
class SetDone:
    """One logged set as the coaching logic sees it: reps, load (None = bodyweight), reps in reserve.

    A timed hold has ``seconds`` and 0 reps: progression and records count reps, so they pass it by.
    ``each_hand`` says ``load`` is the total of two told as each hand's (a home move's "8 kg each", held
    as 16 kg, ``ladders.held_total``): only how the load is shown, so it plays no part in equality.
    ``bands`` are the bands its note keeps ("red band", ``kitwords.bands_in``): said with the sets wherever
    they are shown, since reps with a band mean little without which one; no part of equality either.
    """

    reps: int
    load: float | None = None
    rir: int | None = None
    seconds: int | None = None
    each_hand: bool = field(default=False, compare=False)
    bands: tuple[str, ...] = field(default=(), compare=False)
