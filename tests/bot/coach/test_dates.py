"""Calendar days as people write them, read against an injected today: what /pause and its pointer rely on
for "until the 20th", "3 January", "20/12" and "Friday"."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.coach.dates import WEEKDAYS, nearest, next_day_of_month, read_day, tokens, written

TODAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2200, 12, 31))
SAT_5_DEC = date(2026, 12, 5)


def day(text: str, today: date = SAT_5_DEC, *, bare_number: bool = False) -> date | None:
    words = tokens(text)
    read = read_day(words, 0, today, bare_number=bare_number)
    return read.day if read is not None and read.end == len(words) else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the 20th", date(2026, 12, 20)),
        ("20th", date(2026, 12, 20)),
        ("the twentieth", date(2026, 12, 20)),
        ("the 3rd", date(2027, 1, 3)),  # the 3rd of this month is gone: next month's
        ("the 5th", SAT_5_DEC),  # today is the 5th
        ("20 dec", date(2026, 12, 20)),
        ("20 December", date(2026, 12, 20)),
        ("dec 20th", date(2026, 12, 20)),
        ("december the 20th", date(2026, 12, 20)),
        ("the 3rd of January", date(2027, 1, 3)),
        ("3 january", date(2027, 1, 3)),
        ("twenty first of december", date(2026, 12, 21)),
        ("the twenty-first", date(2026, 12, 21)),
        ("20/12", date(2026, 12, 20)),
        ("20.12.", date(2026, 12, 20)),
        ("3/1", date(2027, 1, 3)),  # day first: the 3rd of January
        ("12/20", date(2026, 12, 20)),  # no 20th month: only one reading
        ("20/12/2026", date(2026, 12, 20)),
        ("20/12/26", date(2026, 12, 20)),
        ("2026-12-20", date(2026, 12, 20)),
        ("20 dec 2027", date(2027, 12, 20)),
        ("1 dec", date(2026, 12, 1)),  # four days gone, not next year's: nearest wins
        ("friday", date(2026, 12, 11)),
        ("Sunday", date(2026, 12, 6)),
        ("sat", date(2026, 12, 12)),  # today is Saturday: the next one
        ("next thursday", date(2026, 12, 10)),
        ("today", SAT_5_DEC),
        ("tomorrow", date(2026, 12, 6)),
        ("the end of the month", date(2026, 12, 31)),
        ("end of january", date(2027, 1, 31)),
        ("end of february", date(2027, 2, 28)),
        ("the end of the year", date(2026, 12, 31)),
        ("١٥ dec", date(2026, 12, 15)),
    ],
)
def test_reads_the_days_people_write(text: str, expected: date) -> None:
    assert day(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "20",
        "soon",
        "the friday",
        "may",
        "31/4",
        "30 feb",
        "13/13",
        "32nd",
        "the 0th",
        "end of the week",
        "2 weeks",
    ],
)
def test_what_names_no_day_is_none(text: str) -> None:
    assert day(text) is None


def test_a_bare_number_is_a_day_only_where_nothing_else_fits() -> None:
    assert day("20") is None, "in a sentence 'until 20' may be a time of day"
    assert day("20", bare_number=True) == date(2026, 12, 20)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("29 feb", date(2028, 2, 10), date(2028, 2, 29)),
        ("29 feb", date(2027, 12, 20), date(2028, 2, 29)),
        ("29/2/2027", date(2027, 1, 1), None),
        ("29/2/2028", date(2027, 1, 1), date(2028, 2, 29)),
        ("the 29th", date(2027, 1, 31), date(2027, 3, 29)),  # no 29 Feb in 2027
        ("the 29th", date(2028, 1, 31), date(2028, 2, 29)),
        ("the 31st", date(2026, 4, 1), date(2026, 5, 31)),
        ("the 30th", date(2027, 1, 31), date(2027, 3, 30)),
        ("end of the month", date(2028, 2, 3), date(2028, 2, 29)),
        ("3 january", date(2026, 12, 28), date(2027, 1, 3)),
        ("the 2nd", date(2026, 12, 28), date(2027, 1, 2)),
        ("friday", date(2026, 12, 31), date(2027, 1, 1)),
        ("28 dec", date(2027, 1, 2), date(2026, 12, 28)),  # last week, across the year end
    ],
)
def test_month_ends_year_ends_and_leap_years(text: str, today: date, expected: date | None) -> None:
    assert day(text, today) == expected


@given(today=TODAYS, offset=st.integers(-150, 150))
def test_a_day_written_as_the_bot_writes_it_reads_back(today: date, offset: int) -> None:
    target = today + timedelta(days=offset)
    assert day(written(target), today) == target
    assert day(f"{target.day}/{target.month}", today) == target
    assert day(f"the {target.day}th of {target:%B}", today) == target


@given(today=TODAYS, target=TODAYS)
def test_a_day_with_its_year_is_that_day_whenever_it_is_read(today: date, target: date) -> None:
    assert day(f"{target.day} {target:%b} {target.year}", today) == target
    assert day(f"{target.day}/{target.month}/{target.year}", today) == target
    assert day(target.isoformat(), today) == target


@given(today=TODAYS, number=st.integers(1, 31))
def test_a_day_of_the_month_is_the_first_such_day_from_today(today: date, number: int) -> None:
    found = next_day_of_month(number, today)
    assert found is not None and found.day == number and found >= today
    assert all((today + timedelta(days=n)).day != number for n in range((found - today).days))


@given(today=TODAYS, month=st.integers(1, 12), number=st.integers(1, 31))
def test_a_day_and_month_is_the_one_nearest_today(today: date, month: int, number: int) -> None:
    found = nearest(month, number, today)
    if found is None:
        return  # no such day (31 April, 30 February)
    assert (found.month, found.day) == (month, number)
    if (month, number) != (2, 29):
        assert abs((found - today).days) <= 183


@given(today=TODAYS, name=st.sampled_from(sorted(WEEKDAYS)))
def test_a_weekday_is_the_next_one_within_a_week(today: date, name: str) -> None:
    found = day(name, today)
    assert found is not None and found.weekday() == WEEKDAYS[name]
    assert 1 <= (found - today).days <= 7


@given(today=TODAYS)
def test_the_end_of_the_month_is_its_last_day(today: date) -> None:
    found = day("the end of the month", today)
    assert found is not None and found.month == today.month and found >= today
    assert (found + timedelta(days=1)).day == 1
