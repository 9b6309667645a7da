"""Set-up answers typed: which option a short message names, and what is no answer."""

from __future__ import annotations

import pytest

from bot.coach.model import Equipment, Level
from bot.coach.setupanswers import days_named, kit_named, level_named, place_named

HOME = ("bar", "low-bar", "bands", "load")


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("1", Level.BEGINNER),
        ("beginner", Level.BEGINNER),
        ("🌱 Beginner", Level.BEGINNER),
        ("I'm new to lifting", Level.BEGINNER),
        ("level 2", Level.INTERMEDIATE),
        ("been training for a while", Level.INTERMEDIATE),
        ("3", Level.ADVANCED),
        ("experienced", Level.ADVANCED),
        ("not a beginner", None),
        ("beginner or intermediate", None),
        ("what's a beginner routine?", None),
        ("how do I know if I'm advanced", None),
        ("4", None),
        ("hello", None),
    ],
)
def test_level(text: str, level: Level | None) -> None:
    assert level_named(text) == level


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("home", Equipment.HOME),
        ("at home", Equipment.HOME),
        ("🏠 Home", Equipment.HOME),
        ("home gym in my garage", Equipment.HOME),
        ("at the gym", Equipment.GYM),
        ("gym", Equipment.GYM),
        ("gym or home", None),
        ("is home training enough?", None),
        ("not at the gym", None),
        ("1", None),
    ],
)
def test_place(text: str, place: Equipment | None) -> None:
    assert place_named(text) == place


@pytest.mark.parametrize(
    ("text", "kit"),
    [
        ("pull-up bar and bands", ["bar", "bands"]),
        ("a backpack and rings", ["low-bar", "load"]),
        ("low bar", ["low-bar"]),
        ("nothing", []),
        ("no equipment at all", []),
        ("no bar", None),
        ("nothing but bands", None),
        ("gym", None),
        ("which bands should I buy?", None),
    ],
)
def test_kit(text: str, kit: list[str] | None) -> None:
    assert kit_named(text, HOME) == kit


def test_kit_reads_only_the_items_offered() -> None:
    assert kit_named("bar and bands", ("bands",)) == ["bands"]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("probably 3, like tuesday thursday and saturday", {1, 3, 5}),
        ("probably 3", {0, 2, 4}),
        ("three times a week", {0, 2, 4}),
        ("2 days I think", {0, 3}),
        ("weekends", {5, 6}),
        ("2, tue thu sat", None),
        ("5 days", None),
        ("3 or 4", None),
        ("how many days should I train?", None),
        ("I can't do 3", None),
        ("I did 3 sets of rows", None),
    ],
)
def test_days(text: str, days: set[int] | None) -> None:
    assert days_named(text) == (None if days is None else frozenset(days))
