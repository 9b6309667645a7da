"""Done's ✅ As written typed: the words, and what ``Chat.awaiting`` keeps of the offer."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.coach.donetyped import is_offer, offered, offered_day, says_as_written


@pytest.mark.parametrize(
    "text",
    [
        "as written",
        "As written please",
        "yes as written",
        "Yes, as written!",
        "all as planned",
        "everything as written thanks",
        "it all went as planned",
        "the rest as written",
        "just as written, thanks",
        "✅ As written",
        "as planned 👍",
    ],
)
def test_as_written_said_alone(text: str) -> None:
    assert says_as_written(text)


@pytest.mark.parametrize(
    "text",
    [
        "is it as written?",  # a question
        "not as written",
        "as written but the rows were the 12s",  # more than the answer: read as usual
        "was the session as written",
        "written",
        "what does as written mean",
    ],
)
def test_anything_more_or_less_is_not(text: str) -> None:
    assert not says_as_written(text)


@given(st.dates(date(2000, 1, 1), date(2099, 12, 31)), st.integers(0, 2))
def test_the_offer_keeps_its_day_for_the_day_it_was_made(today: date, back: int) -> None:
    day = today - timedelta(days=back)
    value = offered(day, today)
    assert len(value) <= 16 and is_offer(value)
    assert offered_day(value, today) == day
    # The next day the offer is no longer the last thing asked (a reminder may have asked anew).
    assert offered_day(value, today + timedelta(days=1)) is None


def test_other_waits_are_no_offer() -> None:
    today = date(2026, 11, 24)
    for value in (None, "timezone", "kit", "L20261124", "W2026112", "Wabcdefghi"):
        assert offered_day(value, today) is None
