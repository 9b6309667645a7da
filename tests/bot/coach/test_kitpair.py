"""The pair of dumbbells told at the kit question (a newcomer trial's "two dumbbells of 6 kg"), and what it
does: a pair owned, and a dumbbell move's first load, never a set lifted."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.coach.homepairs import first_pair, owned_pairs
from bot.coach.kitpair import in_chat_unit, pair_told
from bot.coach.model import SetDone
from bot.coach.progression import Prescription, Reason


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("two dumbbells of 6 kg", (6.0, "kg")),
        ("a pair of 6kg dumbbells", (6.0, "kg")),
        ("6 kilo dumbbells", (6.0, "kg")),
        ("pull-up bar, dumbbells (6kg)", (6.0, "kg")),
        ("dumbbells, 6 kg each", (6.0, "kg")),
        ("two 10lb dumbbells and a band", (10.0, "lb")),
        ("dumbbells 8.5kg", (8.5, "kg")),
        ("a pair of dumbbells of 6", (6.0, None)),
        ("dumbbells, 6kg, 3 days a week", (6.0, "kg")),
    ],
)
def test_one_pair_told_is_read_with_its_unit(text: str, told: tuple[float, str | None]) -> None:
    assert pair_told(text) == told


@pytest.mark.parametrize(
    "text",
    [
        "dumbbells",
        "2 dumbbells",  # two of them, no size
        "dumbbells 3 days a week",
        "I have dumbbells, mondays at 7",
        "6 and 10 kg dumbbells",
        "dumbbells of 6 and 10 kg",
        "bands, 5kg and 8kg dumbbells",
        "adjustable dumbbells up to 24kg",
        "a 6 kg backpack",  # no dumbbells
    ],
)
def test_no_pair_where_none_or_several_are_told(text: str) -> None:
    assert pair_told(text) is None


@given(st.integers(1, 60), st.sampled_from(["kg", "lb", "kilos", "pounds"]))
def test_any_whole_size_with_a_unit_is_read(size: int, unit: str) -> None:
    told = pair_told(f"a pair of {size} {unit} dumbbells")
    assert told is not None and told[0] == size and told[1] in ("kg", "lb")


def test_the_pair_is_in_the_chats_unit_now() -> None:
    assert in_chat_unit(6.0, "kg", "kg") == 6.0
    assert in_chat_unit(6.0, None, "lb") == 6.0  # told in the chat's unit then, kept as that
    assert in_chat_unit(10.0, "lb", "kg") == 4.5
    assert in_chat_unit(None, None, "kg") is None


def test_a_told_pair_is_owned_and_a_first_load_but_not_a_set_lifted() -> None:
    history = {"db_row": [(date(2026, 1, 5), SetDone(10, 8.0))]}
    assert owned_pairs(["db_row", "db_rdl"], history, 6.0) == frozenset({6.0, 8.0})
    assert owned_pairs(["db_row"], {}, None) == frozenset()
    start = Prescription("db_rdl", 2, 8, None, Reason.START)
    assert first_pair(start, 6.0).load == 6.0
    known = Prescription("db_row", 2, 10, 8.0, Reason.ADD_REP)
    assert first_pair(known, 6.0) == known
