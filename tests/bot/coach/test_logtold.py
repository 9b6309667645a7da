"""Sets told in words, written as /log takes them."""

import pytest

from bot.coach.catalog import Catalog
from bot.coach.lognames import Names
from bot.coach.logparse import ParsedLog, parse_log
from bot.coach.logtold import told

NAMES = tuple(Names(ex.id, (ex.name, ex.short)) for ex in Catalog.load().exercises.values())


@pytest.mark.parametrize(
    ("text", "line", "exercise"),
    [
        ("just finished: band rows, three rounds of twelve", "band row 3x12", "band-row"),
        ("I did 3 sets of 12 on the band row today, note that down", "band row 3x12", "band-row"),
        ("did lat pulldown 3x10 at 50 kilos", "lat pulldown 3x10 50kg", "lat-pulldown"),
        ("face pulls, 4 sets of 15 with 10 lb", "face pull 4x15 10lb", "face-pull"),
        ("I did 3 sets of 8 pull-ups today", "pull up 3x8", "pull-up"),
    ],
)
def test_what_it_writes_is_what_log_reads(text: str, line: str, exercise: str) -> None:
    assert told(text, NAMES) == line
    parsed = parse_log(line, NAMES)
    assert isinstance(parsed, ParsedLog) and parsed.exercise == exercise


@pytest.mark.parametrize(
    "text",
    [
        "should I do 3 sets of 10 or 5 sets of 5",  # no exercise named
        "rows, 3 sets of ten",  # "rows" fits several exercises
        "band rows felt great today",  # no sets and reps
        "band row 50 sets of 12",  # more sets than anyone logs
    ],
)
def test_nothing_to_log_is_none(text: str) -> None:
    assert told(text, NAMES) is None


@pytest.mark.parametrize(
    ("text", "today", "line"),
    [
        ("rows, 3 sets of ten", {"band-row", "face-pull"}, "band row 3x10"),
        ("did my pulldowns, 3x12", {"lat-pulldown", "face-pull"}, "lat pulldown 3x12"),
        ("3 sets of 8 rows at 20 kg", {"one-arm-dumbbell-row"}, "dumbbell row 3x8 20kg"),
        ("band rows 3x12", {"inverted-row"}, "band row 3x12"),  # named in full: today's lifts don't matter
    ],
)
def test_a_name_that_fits_several_is_todays_lift(text: str, today: set[str], line: str) -> None:
    assert told(text, NAMES) in (None, line)
    assert told(text, NAMES, prefer=today) == line
    parsed = parse_log(line, NAMES)
    assert isinstance(parsed, ParsedLog) and (parsed.exercise in today or "band" in line)


@pytest.mark.parametrize(
    ("text", "today"),
    [
        ("rows, 3 sets of ten", {"band-row", "inverted-row"}),  # two rows today: which one is unclear
        ("got up early and did 3x10", {"pull-up", "band-row"}),  # "up" is no lift
        ("rows, 3 sets of ten", {"face-pull"}),  # no row today
    ],
)
def test_an_unclear_name_is_still_none(text: str, today: set[str]) -> None:
    assert told(text, NAMES, prefer=today) is None
