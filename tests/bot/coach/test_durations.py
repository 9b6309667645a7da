"""How long a message says something lasts, read for the /pause pointer's button."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.coach.durations import days_named


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("I'll be away two weeks, mute the pings till I'm back", 14),
        ("hold the notifications for 10 days please", 10),
        ("off for a couple of weeks", 14),
        ("going on holiday for a fortnight", 14),
        ("pause everything for a month", 30),
        ("camping for a week, no reminders", 7),
        ("mute for 3 days", 3),
        ("hold them for ١٤ days", 14),
        ("give me a break from the pings for a few days", 3),
        ("finals are coming, leave me alone for the next month", 30),
    ],
)
def test_reads_the_span_people_name(text: str, days: int) -> None:
    assert days_named(text) == days


@pytest.mark.parametrize("text", ["pause my reminders", "for a while", "until I'm back", "0 days off", ""])
def test_no_span_named_is_none(text: str) -> None:
    assert days_named(text) is None


@given(n=st.integers(min_value=1, max_value=400), unit=st.sampled_from([("days", 1), ("weeks", 7)]))
def test_a_figure_times_its_unit(n: int, unit: tuple[str, int]) -> None:
    word, length = unit
    assert days_named(f"please hold the reminders for {n} {word}, thanks") == n * length
