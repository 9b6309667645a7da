"""Reading a correction typed of a lift logged today, and what today's sets make of it."""

from __future__ import annotations

import pytest

from bot.coach.correction import (
    Change,
    Field,
    Logged,
    Recount,
    Recounted,
    Refusal,
    Told,
    fixed,
    read,
    read_sets,
    recounted,
)


@pytest.mark.parametrize(
    "text, told",
    [
        ("actually the pulldown was 27.5 not 25", Told("pulldown", 27.5, 25, None, False)),
        ("the row was 42.5 not 40", Told("row", 42.5, 40, None, False)),
        ("sorry, pulldown 27.5kg", Told("pulldown", 27.5, None, "kg", False)),
        ("the row was 42.5kg, not 40kg", Told("row", 42.5, 40, "kg", False)),
        ("oops, the rows were 12 reps not 10", Told("row", 12, 10, None, True)),
        ("the pulldown was 25, should have been 27.5", Told("pulldown", 27.5, 25, None, False)),
        ("i meant 27.5 for the lat pulldown, not 25", Told("lat pulldown", 27.5, 25, None, False)),
        ("actually the lat pulldown was 27,5 kg not 25", Told("lat pulldown", 27.5, 25, "kg", False)),
    ],
)
def test_corrections_are_read(text: str, told: Told) -> None:
    assert read(text) == told


@pytest.mark.parametrize(
    "text, told",
    [
        # Dumbbells called by their weight: "12 lb each, not 15 lb each" was read, "the 12s" not.
        ("actually the rows were with the 12s, not the 15s", Told("row", 12, 15, None, False, paired=True)),
        ("actually the rows were the 12’s not the 15’s", Told("row", 12, 15, None, False, paired=True)),
        ("with the 12s not the 15s on the rows", Told("row", 12, 15, None, False, paired=True)),
        ("sorry, the rows were 12s not 15s", Told("row", 12, 15, None, False, paired=True)),
        # A pair told as what was used needs no correcting word.
        ("it was the 12s on the rows", Told("row", 12, None, None, False, paired=True)),
        ("the rows were with the 12s", Told("row", 12, None, None, False, paired=True)),
        # No lift named: the one logged today at the 15s is the caller's to find.
        ("with the 12s not the 15s", Told("", 12, 15, None, False, paired=True)),
    ],
)
def test_dumbbells_called_by_their_weight_are_read(text: str, told: Told) -> None:
    assert read(text) == told


@pytest.mark.parametrize(
    "text",
    [
        "it was the 12s",  # no lift, and nothing it was
        "actually 27.5 not 25",  # no lift: only a pair told with its old one is found by its load
        "rows with the 12s",  # nothing says it corrects anything, nor what was used
    ],
)
def test_a_pair_without_a_lift_or_what_it_was_is_no_correction(text: str) -> None:
    assert read(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "is the pulldown 27.5 not 25?",  # a question
        "pulldown 3x10 27.5 sorry",  # sets told: a /log
        "the pulldown was 27.5",  # nothing says it corrects anything
        "sorry I'm late",  # no number
        "actually the pulldown was 27.5 not 25 and the row 40",  # two lifts
        "sorry, the pulldown was 10 reps at 27.5 kg",  # reps and a load at once
    ],
)
def test_other_messages_are_no_correction(text: str) -> None:
    assert read(text) is None


SETS = [Logged(1, 10, 25, "kg", None), Logged(2, 10, 25, "kg", None), Logged(3, 8, 25, "kg", None)]


def test_a_load_changes_every_set_at_the_old_one_keeping_their_reps() -> None:
    told = Told("pulldown", 27.5, 25, None, False)
    assert fixed(told, SETS, unit="kg", loaded=True) == Change(Field.LOAD, 25, 27.5, "kg", (1, 2, 3))


def test_reps_change_only_the_sets_at_the_old_count() -> None:
    told = Told("pulldown", 9.0, 8.0, None, True)
    assert fixed(told, SETS, unit="kg", loaded=True) == Change(Field.REPS, 8, 9, "kg", (3,))


def test_a_bodyweight_lift_is_corrected_in_reps() -> None:
    sets = [Logged(1, 5, None, "kg", None), Logged(2, 4, None, "kg", None)]
    assert fixed(Told("pull up", 6.0, 5.0, None, False), sets, unit="kg", loaded=False) == Change(
        Field.REPS, 5, 6, "kg", (1,)
    )


@pytest.mark.parametrize(
    "told, refusal",
    [
        (Told("pulldown", 27.5, 30, None, False), Refusal.NOT_AT),
        (Told("pulldown", 25, None, None, False), Refusal.SAME),
        (Told("pulldown", 12.0, None, None, True), Refusal.SEVERAL),
        (Told("pulldown", 900, 25, None, False), Refusal.OUT_OF_RANGE),
        (Told("pulldown", 12.5, 10, None, True), Refusal.OUT_OF_RANGE),
    ],
)
def test_what_stands_in_the_way(told: Told, refusal: Refusal) -> None:
    assert fixed(told, SETS, unit="kg", loaded=True) is refusal


def test_a_load_in_the_other_unit_is_compared_in_it() -> None:
    told = Told("pulldown", 60, 55, "lb", False)
    sets = [Logged(1, 10, 25, "kg", None)]
    assert fixed(told, sets, unit="kg", loaded=True) == Change(Field.LOAD, 55, 60, "lb", (1,))


@pytest.mark.parametrize(
    "text, told",
    [
        # A newcomer trial's: the Bent-over row card, and "I don't know that one".
        ("sorry seated row was 8,8,6 not 3x8", Recounted("seated row", (8, 8, 6), (8, 8, 8))),
        ("The fly was only 8 and 6, not 12", Recounted("fly", (8, 6), 12)),
        ("the rows were 8, 8 and 6 instead of 3x8", Recounted("row", (8, 8, 6), (8, 8, 8))),
        ("sorry the pulldown was 3x6 not 3x8", Recounted("pulldown", (6, 6, 6), (8, 8, 8))),
        ("actually the rows were 10, 10, 8 reps not 10", Recounted("row", (10, 10, 8), 10)),
        ("sorry seated row was 8,8,6", Recounted("seated row", (8, 8, 6))),
        ("oops the pull ups were 8 & 6 rather than 8, 8", Recounted("pull up", (8, 6), (8, 8))),
    ],
)
def test_reps_set_by_set_are_read(text: str, told: Recounted) -> None:
    assert read_sets(text) == told


@pytest.mark.parametrize(
    "text",
    [
        "actually the lat pulldown was 27,5 not 25",  # a decimal comma: a load (``read``)
        "sorry rows 8,8,6 at 40kg not 3x8",  # a load told: a /log
        "the fly was 8 and 6?",  # a question
        "the fly was 8 and 6",  # nothing says it corrects
        "sorry 8,8,6 not 3x8",  # no lift
        "oops the row was 8,8,6 not 8,8,8 and pulldown 10",  # a number left over: whose?
        "oops, the rows were 12 reps not 10",  # one count: ``read``'s
    ],
)
def test_what_is_no_correction_of_reps_set_by_set(text: str) -> None:
    assert read_sets(text) is None


def _sets(*reps: int) -> list[Logged]:
    return [Logged(n, r, 35.0, "kg", None) for n, r in enumerate(reps, start=1)]


def test_each_set_takes_its_own_reps() -> None:
    assert recounted(Recounted("row", (8, 8, 6), (8, 8, 8)), _sets(8, 8, 8)) == Recount(
        (1, 2, 3), (8, 8, 8), (8, 8, 6)
    )
    assert recounted(Recounted("fly", (8, 6), 12), _sets(12, 12)) == Recount((1, 2), (12, 12), (8, 6))
    assert recounted(Recounted("fly", (8, 6)), _sets(12, 12)) == Recount((1, 2), (12, 12), (8, 6))


def test_reps_set_by_set_that_do_not_fit_change_nothing() -> None:
    assert recounted(Recounted("fly", (8, 6), 12), _sets(12, 12, 12)) is Refusal.COUNT
    assert recounted(Recounted("fly", (8, 6), 10), _sets(12, 12)) is Refusal.NOT_AT
    assert recounted(Recounted("row", (8, 8, 6), (8, 8, 8)), _sets(8, 8, 7)) is Refusal.NOT_AT
    assert recounted(Recounted("row", (8, 8, 6)), _sets(8, 8, 6)) is Refusal.SAME
    # A timed hold's sets are no reps to recount.
    assert recounted(Recounted("cobra", (8, 6)), [Logged(1, 0, None, "kg", 30)]) is Refusal.COUNT
