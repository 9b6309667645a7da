"""Vocabulary shared by the coach logic, storage and handlers."""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class Equipment(StrEnum):
    GYM = "gym"
    HOME = "home"
