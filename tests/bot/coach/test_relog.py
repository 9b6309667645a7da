"""Which /log of a lift logged earlier that day looks like the same work sent again (``coach.relog``)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.coach.model import SetDone
from bot.coach.relog import same_work


def sets(n: int, reps: int = 8, load: float | None = 35.0) -> list[SetDone]:
    return [SetDone(reps, load)] * n


def test_the_same_sets_again_are_the_same_work() -> None:
    assert same_work(sets(3), sets(3))
    assert same_work(sets(3), sets(3, reps=10)), "a typo in the reps fixed and sent whole"
    assert same_work(sets(3), sets(2)) and same_work(sets(2), sets(3))
    assert same_work(sets(3, load=None), sets(3, reps=6, load=None)), "a bodyweight move's sets again"
    assert same_work(sets(1), sets(1))


def test_more_work_or_a_new_load_is_added_to() -> None:
    assert not same_work(sets(3), sets(3, load=40.0))
    assert not same_work(sets(3), sets(1)), "one set after three is a set added"
    assert not same_work(sets(2), sets(1))
    assert not same_work(sets(3), sets(5))
    assert not same_work(sets(3), sets(3, load=None))
    assert not same_work([], sets(3))
    assert not same_work(sets(2, reps=12, load=None), sets(3, reps=10, load=None)), "more band rows"


@given(st.integers(1, 8), st.integers(1, 8), st.floats(0.5, 300, allow_nan=False))
def test_it_reads_both_ways_alike(earlier: int, new: int, load: float) -> None:
    assert same_work(sets(earlier, load=load), sets(new, load=load)) == same_work(
        sets(new, load=load), sets(earlier, load=load)
    )
    assert same_work(sets(earlier, load=load), sets(new, load=load)) == (
        abs(earlier - new) <= (1 if min(earlier, new) > 1 else 0)
    )
