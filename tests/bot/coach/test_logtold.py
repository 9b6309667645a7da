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
