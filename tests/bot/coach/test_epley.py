from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from bot.coach import records
from bot.coach.epley import factor, for_reps, one_rep_max

# Loads as the bot keeps them: converted to a tenth, from a light dumbbell to a heavy deadlift.
loads = st.decimals(min_value=Decimal("0.1"), max_value=Decimal("1000"), places=1)
reps = st.integers(min_value=0, max_value=30)


def test_a_set_to_failure_estimates_a_thirtieth_of_its_load_a_rep_over_it() -> None:
    assert one_rep_max(Decimal("150"), 5) == Decimal("175")
    assert one_rep_max(Decimal("60"), 10) == Decimal("80")
    # Epley's: one rep to failure reads a little over the load lifted.
    assert one_rep_max(Decimal("90"), 1) == Decimal("93")
    assert one_rep_max(60.0, 10) == 80.0


def test_the_max_for_other_reps_is_the_same_formula_turned_round() -> None:
    # 150 kg × 5 (about 175 kg) allows 131.25 kg for 10 reps to failure; a max of 0.8 for 8 + 2 in reserve.
    assert for_reps(Decimal("150"), 5, 10) == Decimal("131.25")
    assert for_reps(Decimal("0.8"), 0, 10) == Decimal("0.6")


@given(loads, reps)
def test_no_reps_to_failure_is_the_load_itself(load: Decimal, n: int) -> None:
    assert one_rep_max(load, 0) == load
    assert for_reps(load, n, n) == load


@given(loads, loads, reps, reps)
def test_more_load_or_more_reps_never_estimates_less(a: Decimal, b: Decimal, m: int, n: int) -> None:
    low, high = sorted((a, b))
    fewer, more = sorted((m, n))
    assert one_rep_max(low, fewer) <= one_rep_max(high, fewer) <= one_rep_max(high, more)
    assert one_rep_max(float(low), fewer) <= one_rep_max(float(high), fewer) <= one_rep_max(float(high), more)
    if fewer < more:
        assert one_rep_max(high, fewer) < one_rep_max(high, more)
        # The same max allows less load for more reps.
        assert for_reps(high, fewer, more) < for_reps(high, fewer, fewer)


@given(loads, reps, reps)
def test_a_load_carried_to_other_reps_and_back_is_the_load(load: Decimal, n: int, wanted: int) -> None:
    there = for_reps(load, n, wanted)
    assert abs(for_reps(there, wanted, n) - load) < Decimal("1e-20")
    assert abs(one_rep_max(there, wanted) - one_rep_max(load, n)) < Decimal("1e-20")


@given(loads, st.integers(min_value=1, max_value=records.EPLEY_MAX_REPS))
def test_records_estimate_is_the_float_epley_it_always_was(load: Decimal, n: int) -> None:
    # Records show the estimate to a tenth: the same float as load × (1 + reps/30), to the last bit.
    assert records.epley(float(load), n) == float(load) * (1 + n / 30)
    assert factor(n) == 1 + n / 30
