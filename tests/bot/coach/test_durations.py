"""How long a message says something lasts, read for the /pause pointer's button and for /pause itself."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.coach.dates import written
from bot.coach.durations import Later, PauseRefusal, days_named, pause_asked, start_told, until_told

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
        # Lengths past the calendar are too far, not an OverflowError (the fuzz test found one).
        ("99999999999999999999 days", PauseRefusal("too_far", date(2027, 3, 4))),
        ("from wed for 9999999999999999 weeks", PauseRefusal("too_far", date(2027, 3, 4))),
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


# A pause holds whole days: a length with a part of a day left over is held through that day, so
# 1.5 weeks (10½ days) is 11 days counting today and half a week (3½) is 4.
@pytest.mark.parametrize(
    ("typed", "days"),
    [
        ("1,5 weeks", 11),  # a decimal comma, once read as 5 weeks
        ("1.5 weeks", 11),
        ("for 1,5 weeks", 11),
        ("one and a half weeks", 11),
        ("1 and a half weeks", 11),
        ("a week and a half", 11),
        ("1½ weeks", 11),
        ("half a week", 4),
        ("2.5 days", 3),
        ("1,5", 2),  # a bare number is days; a comma is no date's separator
        ("1.5 months", 45),
        ("half a month", 15),
        ("0,5 days", 1),
    ],
)
def test_pause_reads_a_decimal_or_a_half_and_holds_the_part_day_too(typed: str, days: int) -> None:
    assert pause_asked(typed, SAT_5_DEC, LONGEST) == SAT_5_DEC + timedelta(days=days - 1)


@pytest.mark.parametrize("typed", ["1 5 weeks", "1,5,2 weeks", "1,000 days", "0,0 weeks", "and a half weeks"])
def test_pause_never_takes_one_of_several_figures(typed: str) -> None:
    assert isinstance(pause_asked(typed, SAT_5_DEC, LONGEST), PauseRefusal)


def test_a_dotted_day_and_month_is_still_a_date() -> None:
    assert pause_asked("20.12", SAT_5_DEC, LONGEST) == date(2026, 12, 20)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("I'm away 1,5 weeks, hold the reminders", 11),
        ("away for 1.5 weeks", 11),
        ("away for a week and a half, hold the pings", 11),
        ("off for one and a half weeks", 11),
        ("mute them for half a week", 4),
    ],
)
def test_days_named_reads_decimals_and_halves(text: str, days: int) -> None:
    assert days_named(text) == days


# Wednesday 9 Dec is four days after Saturday 5 Dec. A later start is kept with the end asked (the pause holds
# from that day); a start today or gone by is a pause from today.
WED_9_DEC = date(2026, 12, 9)


@pytest.mark.parametrize(
    ("typed", "until"),
    [
        ("from wednesday to sunday", date(2026, 12, 13)),
        ("wednesday to sunday", date(2026, 12, 13)),
        ("from Wednesday for a week", date(2026, 12, 15)),
        ("for a week from wednesday", date(2026, 12, 15)),
        ("starting wednesday for 3 days", date(2026, 12, 11)),
        ("from wednesday", date(2026, 12, 15)),  # no length: the week /pause alone holds
        ("from 9 dec until 20 dec", date(2026, 12, 20)),
        ("from wednesday to wednesday", date(2026, 12, 16)),  # the end is read from the start
    ],
)
def test_a_later_start_is_kept_with_the_days_asked(typed: str, until: date) -> None:
    assert pause_asked(typed, SAT_5_DEC, LONGEST) == Later(WED_9_DEC, until)


def test_a_later_start_may_end_as_late_as_a_pause_from_today() -> None:
    # The end is held to the same 90 days from today (Wed 3 Mar 2027 is the 89th day after Sat 5 Dec).
    assert pause_asked("from 2 jan until 3 march", SAT_5_DEC, LONGEST) == Later(
        date(2027, 1, 2), date(2027, 3, 3)
    )
    assert pause_asked("from 2 jan until 5 march", SAT_5_DEC, LONGEST) == PauseRefusal(
        "too_far", date(2027, 3, 4)
    )


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("I'm away for a trip from Wednesday until the 20th, hold the reminders", WED_9_DEC),
        ("from the 2nd to the 10th of January, please pause the reminders", date(2027, 1, 2)),
        ("away until the 20th", None),
    ],
)
def test_start_told_reads_the_first_day_a_message_asks_for(text: str, first: date | None) -> None:
    assert start_told(text, SAT_5_DEC) == first


@pytest.mark.parametrize(
    ("typed", "asked"),
    [
        ("from today for a week", date(2026, 12, 11)),
        ("starting today until the 20th", date(2026, 12, 20)),
        ("from 1 dec to 20 dec", date(2026, 12, 20)),  # begun already: held from today
        ("from 20 dec until 10 dec", PauseRefusal("usage")),
        ("from 1 nov to 20 nov", PauseRefusal("past", date(2026, 11, 20))),
        ("from wednesday until 20 march", PauseRefusal("too_far", date(2027, 3, 4))),
    ],
)
def test_a_start_today_or_gone_by_pauses_from_today(typed: str, asked: date | PauseRefusal) -> None:
    assert pause_asked(typed, SAT_5_DEC, LONGEST) == asked


@pytest.mark.parametrize(
    ("text", "through"),
    [
        ("I'm away from wednesday for 10 days, hold the reminders", date(2026, 12, 18)),
        ("starting monday I'm off for a week, mute the pings", date(2026, 12, 13)),
        ("I'll be away 1,5 weeks from the 8th, hold the reminders", date(2026, 12, 18)),
    ],
)
def test_until_told_reads_a_later_start_and_a_length(text: str, through: date) -> None:
    assert until_told(text, SAT_5_DEC) == through
