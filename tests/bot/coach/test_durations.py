"""How long a message says something lasts, read for the /pause pointer's button and for /pause itself."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.coach.dates import written
from bot.coach.durations import PauseRefusal, days_named, pause_asked, until_told

SAT_5_DEC = date(2026, 12, 5)
LONGEST = 90
TODAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2200, 12, 31))


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


@pytest.mark.parametrize(
    ("typed", "through"),
    [
        ("14", date(2026, 12, 18)),
        ("2 weeks", date(2026, 12, 18)),
        ("two weeks", date(2026, 12, 18)),
        ("for 10 days", date(2026, 12, 14)),
        ("a month", date(2027, 1, 3)),
        ("fortnight", date(2026, 12, 18)),
        ("a couple of weeks", date(2026, 12, 18)),
        ("twenty one days", date(2026, 12, 25)),
        ("3w", date(2026, 12, 25)),
        ("until 20 dec", date(2026, 12, 20)),
        ("till the 20th", date(2026, 12, 20)),
        ("until Friday", date(2026, 12, 11)),
        ("to 3 January", date(2027, 1, 3)),
        ("until 20/12", date(2026, 12, 20)),
        ("until 20", date(2026, 12, 20)),  # after "until", 20 can only be the 20th
        ("20 dec", date(2026, 12, 20)),
        ("friday", date(2026, 12, 11)),
        ("until today", SAT_5_DEC),
        ("back on monday", date(2026, 12, 6)),  # back on Monday: paused through Sunday
        ("through the end of the month", date(2026, 12, 31)),
    ],
)
def test_pause_takes_lengths_and_end_dates(typed: str, through: date) -> None:
    assert pause_asked(typed, SAT_5_DEC, LONGEST) == through


@pytest.mark.parametrize(
    ("typed", "refusal"),
    [
        ("soon", PauseRefusal("usage")),
        ("0", PauseRefusal("usage")),
        ("0 weeks", PauseRefusal("usage")),
        ("²", PauseRefusal("usage")),
        ("weeks", PauseRefusal("usage")),
        ("until", PauseRefusal("usage")),
        ("until friday please let me rest", PauseRefusal("usage")),
        ("until 31/4", PauseRefusal("usage")),
        ("until 1 dec", PauseRefusal("past", date(2026, 12, 1))),
        ("until 2025-12-20", PauseRefusal("past", date(2025, 12, 20))),
        ("back 0001-01-01", PauseRefusal("past", date(1, 1, 1))),  # was an OverflowError
        ("back today", PauseRefusal("usage")),  # nothing to pause through
        ("500", PauseRefusal("too_far", date(2027, 3, 4))),
        ("14 weeks", PauseRefusal("too_far", date(2027, 3, 4))),
        ("until 20 march", PauseRefusal("too_far", date(2027, 3, 4))),
    ],
)
def test_pause_refuses_what_it_cannot_do_and_says_why(typed: str, refusal: PauseRefusal) -> None:
    assert pause_asked(typed, SAT_5_DEC, LONGEST) == refusal


@given(today=TODAYS, offset=st.integers(-150, 150))
def test_a_pause_until_a_day_runs_through_it_within_the_longest(today: date, offset: int) -> None:
    target = today + timedelta(days=offset)
    asked = pause_asked(f"until {written(target)}", today, LONGEST)
    if offset < 0:
        assert asked == PauseRefusal("past", target)
    elif offset >= LONGEST:
        assert asked == PauseRefusal("too_far", today + timedelta(days=LONGEST - 1))
    else:
        assert asked == target


@given(today=TODAYS, days=st.integers(1, LONGEST), unit=st.sampled_from([("days", 1), ("weeks", 7)]))
def test_a_pause_of_a_length_runs_that_many_days_counting_today(
    today: date, days: int, unit: tuple[str, int]
) -> None:
    word, length = unit
    asked = pause_asked(f"{days} {word}", today, LONGEST)
    if days * length > LONGEST:
        assert isinstance(asked, PauseRefusal) and asked.key == "too_far"
    else:
        assert asked == today + timedelta(days=days * length - 1)


@pytest.mark.parametrize(
    ("text", "through"),
    [
        ("I'm away for a trip from Wednesday until the 20th, hold the reminders", date(2026, 12, 20)),
        ("back on the 3rd of January, can you hold the pings", date(2027, 1, 2)),
        ("mute the reminders until Sunday", date(2026, 12, 6)),
        ("no pings till 20 dec please", date(2026, 12, 20)),
        ("I'm back at work on Monday, hold them till then", date(2026, 12, 6)),
        ("hold everything until I'm back from Lisbon on the 20th", date(2026, 12, 19)),
        ("away from the 8th to the 15th", date(2026, 12, 15)),
        ("off from monday to friday", date(2026, 12, 11)),
        ("quiet till the end of the month", date(2026, 12, 31)),
        ("until 1 dec", date(2026, 12, 1)),  # read as written: whether it can be paused is the caller's
    ],
)
def test_until_told_reads_the_last_quiet_day_of_a_message(text: str, through: date) -> None:
    assert until_told(text, SAT_5_DEC) == through


@pytest.mark.parametrize(
    "text",
    [
        "pause my reminders, I hurt my back on Sunday",  # the back that is trained, not a return
        "working from home on monday, pause the reminders",
        "going to Lisbon for a few days",
        "hold the pings until 5pm",
        "mute until I feel better",
        "from monday I need a break",
    ],
)
def test_until_told_is_none_without_an_end_date(text: str) -> None:
    assert until_told(text, SAT_5_DEC) is None


def test_a_return_on_the_first_day_there_is_does_not_overflow() -> None:
    assert until_told("I'm back on 0001-01-01, hold the pings", SAT_5_DEC) == date(1, 1, 1)
