"""The work of a backpack-or-dumbbells move is the total load lifted: two 12 kg dumbbells ≈ a 24 kg
backpack (``ladders.held_total``), so records and the next load weigh them alike."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.coach import records
from bot.coach.ladders import held_total
from bot.coach.model import SetDone

loads = st.one_of(st.none(), st.floats(0.25, 500, allow_nan=False))


@given(load=loads, each_hand=st.booleans(), backpack=st.booleans())
def test_only_a_backpack_move_told_each_hand_counts_both_hands(
    load: float | None, each_hand: bool, backpack: bool
) -> None:
    total = held_total(load, each_hand=each_hand, backpack=backpack)
    if load is None:
        assert total is None
    elif each_hand and backpack:
        assert total == 2 * load
    else:
        assert total == load, "a dumbbell move's load stays each hand's, a backpack's is its own"


@given(each=st.floats(0.5, 100, allow_nan=False), backpack=st.floats(0.5, 200, allow_nan=False))
def test_a_pair_beats_a_backpack_exactly_when_the_pair_weighs_more(each: float, backpack: float) -> None:
    before = [SetDone(10, backpack)] * 4  # two sessions of 2 sets: the baseline
    pair = held_total(each, each_hand=True, backpack=True)
    found = records.new_records(before, [SetDone(10, pair)] * 2, earlier_sessions=2, step=1.0)
    heaviest = any(r.kind is records.RecordKind.HEAVIEST for r in found)
    assert heaviest == (2 * each > backpack)


def test_the_coachs_trial_fourteen_each_after_a_24_kg_backpack_is_a_record() -> None:
    before = [SetDone(10, 24.0)] * 4
    pair = held_total(14.0, each_hand=True, backpack=True)
    [record] = [
        r
        for r in records.new_records(before, [SetDone(10, pair)] * 2, earlier_sessions=2, step=2.5)
        if r.kind is records.RecordKind.HEAVIEST
    ]
    assert (record.value, record.previous) == (28.0, 24.0)
