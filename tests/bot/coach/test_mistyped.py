"""The commands a mistyped one was probably meant to be."""

import pytest

from bot.coach.mistyped import Typed, closest, read
from bot.coach.texts import Texts

MENU = [name for name, _ in Texts.load().section("commands")]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("wrkout", ["workout"]),  # the newcomer trial's
        ("wokrout", ["workout"]),
        ("workouts", ["workout"]),
        ("histroy", ["history"]),
        ("hist", ["history"]),  # begun
        ("prog", ["progress"]),
        ("res", ["resume"]),
        ("strak", ["streak"]),
        ("stat", ["start"]),
        ("hepl", ["help"]),
        ("dne", ["done"]),
        ("setings", ["settings"]),
        ("reminder", ["reminders"]),
        ("settimezone", ["timezone"]),
        # Nothing close: the plain "I don't know that command" stands.
        ("x", []),
        ("st", []),
        ("menu", []),
        ("cancel", []),
        ("track", []),
        ("", []),
        ("workout" * 5, []),
    ],
)
def test_the_closest_commands(typed: str, expected: list[str]) -> None:
    assert closest(typed, MENU) == expected


def test_at_most_two_best_first() -> None:
    # Begun first, then the closest spelled.
    assert closest("rest", ["rust", "reset", "restart"]) == ["restart", "reset"]
    assert closest("sta", ["status", "start", "stats"]) == ["status", "start"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/wrkout", Typed("wrkout", "")),
        ("/Wrkout@BackCoachBot", Typed("wrkout", "")),
        ("  /dne   yesterday \n", Typed("dne", "yesterday")),
        ("/lgo row 3x10  40kg", Typed("lgo", "row 3x10 40kg")),
        ("/", None),
        ("wrkout", None),
        ("", None),
    ],
)
def test_read_the_typed_command(text: str, expected: Typed | None) -> None:
    assert read(text) == expected
