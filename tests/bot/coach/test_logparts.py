"""The parts of a /log of several exercises: ";", and a comma or "and" before a lift's name."""

import pytest

from bot.coach.catalog import Catalog
from bot.coach.lognames import Names
from bot.coach.logparts import MAX_PARTS, parts
from bot.coach.logsets import LogError, LogErrorKind

NAMES = tuple(Names(ex.id, (ex.name, ex.short)) for ex in Catalog.load().exercises.values())


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        # A newcomer trial's: "I couldn't read “and”", "I couldn't read “2x12,”".
        ("band row 2x12 and face pull 2x13", ["band row 2x12", "face pull 2x13"]),
        ("band row 2x12, face pull 2x13", ["band row 2x12", "face pull 2x13"]),
        ("band row 2x12, and face pull 2x13", ["band row 2x12", "face pull 2x13"]),
        (
            "deadlift 60kg 3x8, lat pulldown 40kg 8,8,7, seated row 35kg 3x10",
            ["deadlift 60kg 3x8", "lat pulldown 40kg 8,8,7", "seated row 35kg 3x10"],
        ),
        ("row 3x10 40kg; pull-up 5,5,4", ["row 3x10 40kg", "pull-up 5,5,4"]),
        # Commas and "and" before numbers are a lift's own: reps and loads set by set.
        ("pull-up 5, 5 and 4", ["pull-up 5, 5 and 4"]),
        ("dl 180x5, 190x3, 200x3x2", ["dl 180x5, 190x3, 200x3x2"]),
        ("deadlift 180kg x5, 190kg x3", ["deadlift 180kg x5, 190kg x3"]),
        # No lift's name after it, or no sets before it: one part.
        ("row 3x10 and felt good", ["row 3x10 and felt good"]),
        ("rear delt fly and face pull 3x12", ["rear delt fly and face pull 3x12"]),
        ("seated row 30kg 3x10 (light, shoulder pain)", ["seated row 30kg 3x10 (light, shoulder pain)"]),
        ("", []),
    ],
)
def test_parts(typed: str, found: list[str]) -> None:
    assert parts(typed, NAMES) == found


def test_without_names_only_a_semicolon_parts() -> None:
    assert parts("band row 2x12, face pull 2x13") == ["band row 2x12, face pull 2x13"]


def test_too_many_parts_are_refused() -> None:
    typed = ", ".join(["band row 2x12"] * (MAX_PARTS + 1))
    refused = parts(typed, NAMES)
    assert isinstance(refused, LogError) and refused.kind is LogErrorKind.TOO_MANY_PARTS
