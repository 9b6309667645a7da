"""A load far over the lift's best is asked about as a typo, not cheered (``records.big_jump``)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.coach.epley import factor
from bot.coach.model import SetDone
from bot.coach.records import JUMP, JUMP_FROM, big_jump


def test_the_trials_150_for_7_after_3x6_at_105_is_a_jump() -> None:
    before = [SetDone(6, 105.0)] * 3
    assert big_jump(before, [SetDone(7, 150.0)] * 3, "kg") == (150.0, 105.0)


def test_a_normal_step_a_return_to_an_old_best_and_light_loads_are_no_jump() -> None:
    before = [SetDone(6, 105.0)] * 3
    assert big_jump(before, [SetDone(6, 115.0)] * 3, "kg") is None, "10 % more"
    # Heavier than the last sessions, but under the best ever: back to where it was.
    history = [SetDone(5, 140.0), *before]
    assert big_jump(history, [SetDone(5, 135.0)], "kg") is None
    # 4 kg dumbbells to 8 kg is a real jump in a small load: under the empty bar, none is checked.
    assert big_jump([SetDone(12, 4.0)], [SetDone(12, 8.0)], "kg") is None
    assert big_jump([SetDone(12, 20.0)], [SetDone(12, 40.0)], "lb") is None
    # Nothing before, nothing with a load, or more reps at the same load: nothing to compare.
    assert big_jump([], [SetDone(5, 200.0)], "kg") is None
    assert big_jump([SetDone(10)], [SetDone(5, 100.0)], "kg") is None
    assert big_jump(before, [SetDone(12, 105.0)], "kg") is None


loads = st.integers(min_value=1, max_value=1200).map(lambda n: n * 0.25)
reps = st.integers(min_value=1, max_value=12)


@given(old=loads, old_reps=reps, new=loads, new_reps=reps, unit=st.sampled_from(["kg", "lb"]))
def test_a_jump_is_a_heavier_load_over_the_minimum_a_fifth_over_the_best_estimate(
    old: float, old_reps: int, new: float, new_reps: int, unit: str
) -> None:
    found = big_jump([SetDone(old_reps, old)], [SetDone(new_reps, new)], unit)
    over = new * float(factor(new_reps)) > JUMP * old * float(factor(old_reps)) + 1e-9
    assert (found is not None) == (new > old and new >= JUMP_FROM[unit] and over)
    if found is not None:
        assert found == (new, old)
