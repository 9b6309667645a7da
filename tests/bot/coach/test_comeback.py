"""The first session back after a pain is lighter than last time (``bot.coach.comeback``)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from bot.coach.comeback import after_pain, lighter_load
from bot.coach.model import SetDone
from bot.coach.progression import Reason

STEPS = st.sampled_from([0.5, 1.0, 1.25, 2.0, 2.5, 5.0])
LOADS = st.integers(min_value=1, max_value=800).map(lambda quarter: quarter * 0.25)


def test_the_trials_backpack_rdl_comes_back_at_8_kg_from_12() -> None:
    back = after_pain("backpack-rdl", [SetDone(10, 12.0), SetDone(10, 12.0)], 2, 1.0)
    assert (back.sets, back.reps, back.load, back.reason) == (2, 10, 8.0, Reason.BACK)
    assert back.basis == SetDone(10, 12.0), "last time's load, for the line's '(was 12 kg)'"


@given(load=LOADS, step=STEPS)
def test_the_load_is_on_the_step_at_most_70_percent_and_at_least_one_step(load: float, step: float) -> None:
    lighter = Decimal(str(lighter_load(load, step)))
    exact_step, exact_load = Decimal(str(step)), Decimal(str(load))
    assert lighter % exact_step == 0
    assert lighter >= exact_step
    if exact_load * Decimal("0.7") >= exact_step:
        # Rounded down, and by less than one step.
        assert lighter <= exact_load * Decimal("0.7") < lighter + exact_step
    else:
        assert lighter == exact_step


@given(reps=st.lists(st.integers(min_value=1, max_value=30), min_size=1, max_size=6), sets=st.integers(1, 5))
def test_a_move_without_load_keeps_last_times_fewest_reps_with_one_set_fewer(
    reps: list[int], sets: int
) -> None:
    back = after_pain("band-row", [SetDone(r) for r in reps], sets, 1.0)
    assert back.load is None and back.reps == min(reps)
    assert back.sets == max(1, len(reps) - 1)


def test_warm_up_sets_logged_lighter_do_not_count_as_last_time() -> None:
    back = after_pain("backpack-rdl", [SetDone(12, 6.0), SetDone(9, 20.0), SetDone(8, 20.0)], 3, 2.5)
    assert (back.sets, back.reps, back.load) == (3, 8, 12.5)
