"""A pause asked for in words, read directly: the first and last days a message asks the reminders held
("starting next Friday, I'm away for a week", "from the 18th to the 27th", "from Friday until the 2nd",
"on Friday for a week", "next week"), the same days typed after /pause, and the answerer pointing such a
message to /pause rather than /stop or a decline; and a return told ("I'm back from my trip!"). Every day
is read against a ``today`` passed in."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.coach import asking
from bot.coach.answerer import Answerer
from bot.coach.assist import Assist
from bot.coach.dates import WEEKDAY_NAMES
from bot.coach.durations import Later, pause_asked, start_told, told_for_a_while, until_told
from bot.coach.knowledge import KnowledgeBase

ANSWERER = Answerer(KnowledgeBase.load(), Assist.load())
MON_30_NOV = date(2026, 11, 30)
SAT_5_DEC = date(2026, 12, 5)
LONGEST = 90

# The newcomer trial's three messages, and the ways of saying a later start the trial's did not use.
FRI_4_DEC, THU_10_DEC = date(2026, 12, 4), date(2026, 12, 10)
TRIAL = [
    ("can you pause my reminders starting next Friday, I'm away for a week", FRI_4_DEC, THU_10_DEC),
    ("no reminders from the 18th to the 27th please", date(2026, 12, 18), date(2026, 12, 27)),
    ("I'm off on holiday from Friday until the 2nd", FRI_4_DEC, date(2027, 1, 2)),
]


@pytest.mark.parametrize(("text", "first", "last"), TRIAL)
def test_the_trials_messages_name_their_first_and_last_days(text: str, first: date, last: date) -> None:
    assert (start_told(text, MON_30_NOV), until_told(text, MON_30_NOV)) == (first, last)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("I'm going on holiday on Friday for a week, pause please", FRI_4_DEC, THU_10_DEC),
        ("could you pause reminders while I'm away next Friday for a week", FRI_4_DEC, THU_10_DEC),
        ("I'm away tomorrow for 10 days", date(2026, 12, 1), date(2026, 12, 10)),
        ("no reminders next week please, I'm travelling", date(2026, 12, 7), date(2026, 12, 13)),
        ("I'm off on holiday on Friday until the 2nd", FRI_4_DEC, date(2027, 1, 2)),
    ],
)  # fmt: skip
def test_a_day_told_without_from_is_a_start_beside_a_length_or_an_end(
    text: str, first: date, last: date
) -> None:
    assert (start_told(text, MON_30_NOV), until_told(text, MON_30_NOV)) == (first, last)


@pytest.mark.parametrize(
    "text",
    [
        "back on the 3rd of January, can you hold the pings",  # a return, not a start
        "hold the reminders until next Friday",  # an end
        "pause for the next week",  # a week from today
        "I'm home by the 20th, mute the pings",
    ],
)
def test_an_end_or_a_return_is_never_read_as_the_start(text: str) -> None:
    assert start_told(text, SAT_5_DEC) is None


def test_an_end_after_a_later_start_is_read_from_that_start() -> None:
    # Sent on Mon 30 Nov, "the 2nd" alone is Wed 2 Dec; after Friday 4 Dec it is Sat 2 Jan.
    assert until_told("until the 2nd", MON_30_NOV) == date(2026, 12, 2)
    assert until_told("from Friday until the 2nd", MON_30_NOV) == date(2027, 1, 2)
    assert until_told("from Friday to Monday", MON_30_NOV) == date(2026, 12, 7)


def test_a_length_or_an_end_makes_it_a_while_and_a_start_alone_does_not() -> None:
    assert told_for_a_while("no reminders from the 18th to the 27th please")
    assert told_for_a_while("no reminders on friday for a week")
    assert not told_for_a_while("no reminders from tomorrow")
    assert not told_for_a_while("no more reminders")


@pytest.mark.parametrize(
    ("typed", "asked"),
    [
        ("friday for a week", Later(date(2026, 12, 4), date(2026, 12, 10))),
        ("on friday for a week", Later(date(2026, 12, 4), date(2026, 12, 10))),
        ("next friday for a week", Later(date(2026, 12, 4), date(2026, 12, 10))),
        ("tomorrow for 10 days", Later(date(2026, 12, 1), date(2026, 12, 10))),
        ("next week", Later(date(2026, 12, 7), date(2026, 12, 13))),
        ("next week for 10 days", Later(date(2026, 12, 7), date(2026, 12, 16))),
        ("from friday until the 2nd", Later(date(2026, 12, 4), date(2027, 1, 2))),
        ("friday", date(2026, 12, 4)),  # a day alone is still the last one
        ("today for a week", date(2026, 12, 6)),
    ],
)
def test_pause_takes_a_later_day_with_its_length_as_typed(typed: str, asked: date | Later) -> None:
    assert pause_asked(typed, MON_30_NOV, LONGEST) == asked


DAYS_AROUND = st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31))


@given(
    today=DAYS_AROUND,
    weekday=st.sampled_from(WEEKDAY_NAMES),
    days=st.integers(min_value=1, max_value=60),
    said=st.sampled_from(
        ["from {day} for {n} days", "starting next {day}, away for {n} days", "on {day} for {n} days"]
    ),
)
def test_a_weekday_and_a_length_told_hold_that_many_days_from_the_next_such_day(
    today: date, weekday: str, days: int, said: str
) -> None:
    text = said.format(day=weekday, n=days)
    first = start_told(text, today)
    assert first is not None and first.weekday() == WEEKDAY_NAMES.index(weekday)
    assert 1 <= (first - today).days <= 7, "the next one, never today"
    assert until_told(text, today) == first + timedelta(days=days - 1)


@given(
    today=DAYS_AROUND,
    weekday=st.sampled_from(WEEKDAY_NAMES),
    days=st.integers(min_value=1, max_value=60),
    typed=st.sampled_from(["{day} for {n} days", "on {day} for {n} days", "next {day} for {n} days"]),
)
def test_pause_typed_with_a_weekday_and_a_length_is_a_later_pause(
    today: date, weekday: str, days: int, typed: str
) -> None:
    asked = pause_asked(typed.format(day=weekday, n=days), today, LONGEST)
    assert isinstance(asked, Later)
    assert asked.first.weekday() == WEEKDAY_NAMES.index(weekday) and 1 <= (asked.first - today).days <= 7
    assert (asked.until - asked.first).days == days - 1


def ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


@given(today=DAYS_AROUND, weekday=st.sampled_from(WEEKDAY_NAMES), day_of_month=st.integers(1, 28))
def test_an_end_day_of_the_month_after_a_later_start_never_comes_before_it(
    today: date, weekday: str, day_of_month: int
) -> None:
    text = f"I'm off from {weekday} until the {ordinal(day_of_month)}"
    first, last = start_told(text, today), until_told(text, today)
    assert first is not None and last is not None
    assert last.day == day_of_month and first <= last < first + timedelta(days=32)


@pytest.mark.parametrize(
    "text",
    [
        *(text for text, _, _ in TRIAL),
        "please pause from friday, I'm away for a week",
        "pause please, from the 18th to the 27th",
        "I'm going on holiday on Friday for a week, pause please",
    ],
)
def test_the_answerer_points_a_break_with_its_days_to_pause(text: str) -> None:
    assert ANSWERER.answer(text).command == "pause"


@pytest.mark.parametrize(
    ("named", "text", "command"),
    [
        ("stop", "stop the reminders from tomorrow", "stop"),  # a start alone: for good, as asked
        ("stop", "no more reminders please, from the 18th to the 27th", "pause"),
        (None, "pause reps from monday on", None),  # a pause in a lift
        (None, "pause forever from monday", None),
        (None, "pause from monday", "pause"),
    ],
)
def test_only_a_break_with_its_days_is_held_for_a_while(
    named: str | None, text: str, command: str | None
) -> None:
    assert asking.held_for_a_while(named, text) == command


def test_a_return_is_told_of_oneself_not_of_a_switch() -> None:
    assert asking.tells_return("hi, I'm back from my trip!")
    assert asking.tells_return("back from holiday, let's go")
    assert asking.tells_return("just got home from Lisbon")
    assert not asking.tells_return("turn my reminders back on")
    assert not asking.tells_return("resume my reminders")
    assert not asking.tells_return("I want the reminders back")
