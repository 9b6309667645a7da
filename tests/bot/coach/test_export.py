from __future__ import annotations

import csv
import io
from datetime import date
from typing import NamedTuple

from hypothesis import given
from hypothesis import strategies as st

from bot.coach.export import HEADER, filename, to_csv


class Row(NamedTuple):
    day: date
    user_id: int
    user_name: str | None
    exercise: str
    set_number: int
    reps: int
    load: float | None
    unit: str
    rir: int | None
    note: str | None
    seconds: int | None = None


NAMES = {"bent-over-row": "Barbell bent-over row", "pull-up": "Pull-up"}
ROWS = [
    Row(date(2026, 12, 1), 1, "Ann", "bent-over-row", 1, 10, 42.5, "kg", 2, None),
    Row(
        date(2026, 12, 1),
        1,
        "Ann",
        "bent-over-row",
        2,
        9,
        42.5,
        "kg",
        None,
        'grip "slipped", chalk next time',
    ),
    Row(date(2026, 12, 3), 1, "Ann", "pull-up", 1, 5, None, "kg", 1, "=HYPERLINK(evil)"),
    Row(date(2026, 12, 3), 2, "Bob", "face-pull", 1, 12, 35, "lb", None, "ünïcödé ✓"),
]


def parse(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def test_one_row_per_set_that_parses_back() -> None:
    parsed = parse(to_csv(ROWS, NAMES))
    assert len(parsed) == len(ROWS)
    assert list(parsed[0]) == list(HEADER)
    assert parsed[0] == {
        "Date": "2026-12-01",
        "Exercise Name": "Barbell bent-over row",
        "Set Order": "1",
        "Reps": "10",
        "Weight": "42.5",
        "Weight Unit": "kg",
        "RIR": "2",
        "Notes": "",
        "Seconds": "",
    }
    assert parsed[1]["Notes"] == 'grip "slipped", chalk next time'
    assert (parsed[2]["Weight"], parsed[2]["RIR"]) == ("", "1")  # bodyweight: no weight
    assert parsed[3]["Exercise Name"] == "face-pull"  # an id with no name stays readable
    assert (parsed[3]["Weight"], parsed[3]["Weight Unit"], parsed[3]["Notes"]) == ("35", "lb", "ünïcödé ✓")


def test_a_hold_has_seconds_and_no_reps() -> None:
    hold = Row(date(2026, 12, 3), 1, "Ann", "prone-cobra", 1, 0, None, "kg", None, None, seconds=45)
    parsed = parse(to_csv([hold], NAMES))
    assert (parsed[0]["Reps"], parsed[0]["Seconds"], parsed[0]["Weight"]) == ("", "45", "")


def test_formulas_typed_as_notes_are_defused() -> None:
    assert parse(to_csv(ROWS, NAMES))[2]["Notes"] == "'=HYPERLINK(evil)"


def test_group_export_names_the_member() -> None:
    parsed = parse(to_csv(ROWS, NAMES, with_member=True))
    assert [row["Member"] for row in parsed] == ["Ann", "Ann", "Ann", "Bob"]


def test_no_sets_is_a_header_only_file() -> None:
    assert to_csv([], NAMES).decode() == ",".join(HEADER) + "\r\n"
    assert filename(date(2026, 12, 4)) == "backcoach-2026-12-04.csv"


notes = st.one_of(st.none(), st.text(st.characters(blacklist_categories=("Cs",)), max_size=40))


@given(st.lists(st.tuples(st.integers(0, 100), st.one_of(st.none(), st.floats(0, 500)), notes), max_size=20))
def test_any_sets_round_trip(sets: list[tuple[int, float | None, str | None]]) -> None:
    rows = [
        Row(date(2026, 1, 1), 1, "A", "pull-up", i + 1, r, load, "kg", None, note)
        for i, (r, load, note) in enumerate(sets)
    ]
    parsed = parse(to_csv(rows, NAMES))
    assert len(parsed) == len(rows)
    for row, back in zip(rows, parsed, strict=True):
        assert int(back["Reps"]) == row.reps
        assert (back["Weight"] == "") == (row.load is None)
        if row.load is not None:
            assert abs(float(back["Weight"]) - row.load) <= 1e-4 * max(1.0, row.load)
        assert back["Notes"].lstrip("'") == (row.note or "").lstrip("'") or back["Notes"] == "'" + (
            row.note or ""
        )
