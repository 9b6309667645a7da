"""The weekdays a count of sessions gets around the days a trainee said they can't train."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.coach.trainingdays import CHOICES, spread, spread_around


@pytest.mark.parametrize(
    ("count", "unavailable", "days"),
    [
        # the usual spread where it misses the days turned down
        (3, {5, 6}, {0, 2, 4}),
        (2, {2}, {0, 3}),
        # else the free days spread most evenly, the weekend last
        (2, {0, 3}, {1, 4}),
        (3, {0, 2}, {1, 3, 5}),
        (3, {4}, {0, 2, 5}),
        (4, {4}, {0, 1, 3, 5}),
    ],
)
def test_a_count_lands_around_the_days_turned_down(count: int, unavailable: set[int], days: set[int]) -> None:
    assert spread_around(count, unavailable) == frozenset(days)


def test_too_few_free_days_give_none() -> None:
    assert spread_around(3, {0, 1, 2, 3, 4}) is None


@given(st.sampled_from(CHOICES), st.frozensets(st.integers(0, 6), max_size=6))
def test_never_a_day_turned_down(count: int, unavailable: frozenset[int]) -> None:
    days = spread_around(count, unavailable)
    if 7 - len(unavailable) < count:
        assert days is None
        return
    assert days is not None and len(days) == count and not days & unavailable
    if not spread(count) & unavailable:
        assert days == spread(count)
