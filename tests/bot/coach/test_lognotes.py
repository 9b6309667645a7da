"""A note typed with a /log's sets: in brackets, after " - " or "note:", kept apart from the sets."""

import pytest

from bot.coach.catalog import Catalog
from bot.coach.lognames import Names
from bot.coach.lognotes import note_told, noted
from bot.coach.logparse import ParsedLog, parse_log

NAMES = tuple(Names(ex.id, (ex.name, ex.short)) for ex in Catalog.load().exercises.values())


@pytest.mark.parametrize(
    ("typed", "rest", "note"),
    [
        ("seated row 30kg 3x10 (light, shoulder pain)", "seated row 30kg 3x10", "light, shoulder pain"),
        ("seated row (felt easy) 30kg 3x10", "seated row 30kg 3x10", "felt easy"),
        ("seated row 30kg 3x10 [new grip]", "seated row 30kg 3x10", "new grip"),
        ("seated row 30kg 3x10 - felt heavy today", "seated row 30kg 3x10", "felt heavy today"),
        ("seated row 30kg 3x10 note: slow lowering", "seated row 30kg 3x10", "slow lowering"),
        ("seated row 30kg 3x10 (light) - last set hard", "seated row 30kg 3x10", "light, last set hard"),
        # The machine's help and a range are no notes.
        ("assisted pull up 2x10 -40kg", "assisted pull up 2x10 -40kg", ""),
        ("row 8 - 10", "row 8 - 10", ""),
        ("row 3x10 40kg ()", "row 3x10 40kg", ""),
    ],
)
def test_a_note_is_taken_out_of_the_sets(typed: str, rest: str, note: str) -> None:
    left, found = noted(typed)
    assert " ".join(left.split()) == rest
    assert found == note


def test_the_sets_are_read_and_the_note_kept() -> None:
    # A newcomer trial got "I couldn't read “(light,”".
    parsed = parse_log("seated row 30kg 3x10 (light, shoulder pain)", NAMES)
    assert isinstance(parsed, ParsedLog)
    assert (parsed.exercise, parsed.reps, parsed.load, parsed.note) == (
        "seated-cable-row",
        (10, 10, 10),
        30,
        "light, shoulder pain",
    )


def test_a_colour_in_a_note_is_no_band() -> None:
    parsed = parse_log("band row 3x12 (red, felt easy)", NAMES)
    assert isinstance(parsed, ParsedLog) and parsed.note == "red, felt easy"


def test_what_the_log_wrote_itself_is_no_typed_note() -> None:
    helped = "assisted by {assist}"
    assert note_told("assisted by 40 kg; red band; each hand; light", ("each hand",), helped) == "light"
    assert note_told("red band; each hand", ("each hand",), helped) is None
    assert note_told(None, (), helped) is None
