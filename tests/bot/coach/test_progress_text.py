from __future__ import annotations

import pytest

from bot.coach.model import SetDone
from bot.coach.progress_text import format_sets, progress_line
from bot.coach.progression import Ladder, Plan, Reason, next_prescription
from bot.coach.texts import Texts

TEXTS = Texts.load()
NAMES = {"bent-over-row": "Barbell row", "pull-up": "Pull-up", "assisted-pull-up": "Assisted pull-up"}
ROW = Plan(sets=3, rep_range=(10, 12), increment=2.5)


def line(exercise: str, sessions: list[list[SetDone]], plan: Plan = ROW, ladder: Ladder | None = None) -> str:
    prescription = next_prescription(exercise, sessions, plan, ladder)
    last = sessions[-1] if sessions else []
    return progress_line(
        exercise=exercise,
        last=last,
        prescription=prescription,
        plan=plan,
        unit="kg",
        names=NAMES,
        texts=TEXTS,
    )


def test_the_issues_example_line() -> None:
    assert line("bent-over-row", [[SetDone(10, 40)] * 3]) == (
        "Barbell row: last time 3×10 @ 40 kg → today 3×11 @ 40 kg, or 42.5 kg once all sets reach 12."
    )


def test_lines_for_each_reason() -> None:
    assert "heavier" in line("bent-over-row", [[SetDone(12, 40)] * 3])
    assert "3×10 @ 42.5 kg" in line("bent-over-row", [[SetDone(12, 40)] * 3])
    assert line("bent-over-row", []).startswith("Barbell row: first time")
    ladder = Ladder(("assisted-pull-up", "pull-up"))
    moved = line("assisted-pull-up", [[SetDone(12)] * 3], ladder=ladder)
    assert moved == "Assisted pull-up: every set at the top → today try Pull-up: 3×10."
    assert "lighter" in line("bent-over-row", [[SetDone(10, 60)] * 3] * 4)


@pytest.mark.parametrize(
    "sets, text",
    [
        ([SetDone(10, 40)] * 3, "3×10 @ 40 kg"),
        ([SetDone(10, 42.5), SetDone(10, 42.5), SetDone(9, 42.5)], "10, 10, 9 @ 42.5 kg"),
        ([SetDone(5), SetDone(5), SetDone(4)], "5, 5, 4"),
        ([SetDone(10, 20), SetDone(8, 40)], "10 @ 20 kg, 8 @ 40 kg"),
        ([], ""),
    ],
)
def test_format_sets(sets: list[SetDone], text: str) -> None:
    assert format_sets(sets, "kg") == text


def test_every_reason_has_a_line() -> None:
    for reason in Reason:
        assert f"progression.{reason.value}" in TEXTS


def test_a_bodyweight_move_starts_with_clean_reps_not_a_load() -> None:
    prescription = next_prescription("pull-up", [], ROW, None)
    text = progress_line(
        exercise="pull-up",
        last=[],
        prescription=prescription,
        plan=ROW,
        unit="kg",
        names=NAMES,
        texts=TEXTS,
        loaded=False,
    )
    assert text.startswith("Pull-up: first time") and "load" not in text
