"""/export: every logged set as CSV, one row per set, in the columns Strong and Hevy exports use.

Lifters move their history between apps through these files, so the header names follow theirs
(``Date``, ``Exercise Name``, ``Set Order``, ``Weight``, ``Reps``, ``Seconds``, …) rather than our column
names, and the exercise is its readable name, not our id. Written with the csv module (quoting, commas
in notes). Text a trainee typed is guarded against spreadsheet formula injection: a note starting with
``=``, ``+``, ``-`` or ``@`` would run as a formula when the file is opened, so it gets a leading
apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Protocol

# "Seconds" last: a file read by position before holds were logged still finds every other column.
HEADER = ("Date", "Exercise Name", "Set Order", "Reps", "Weight", "Weight Unit", "RIR", "Notes", "Seconds")
MEMBER = "Member"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class LoggedSet(Protocol):
    """What a row needs; ``storage.logbook.SetRow`` has these fields."""

    @property
    def day(self) -> date: ...
    @property
    def user_name(self) -> str | None: ...
    @property
    def exercise(self) -> str: ...
    @property
    def set_number(self) -> int: ...
    @property
    def reps(self) -> int: ...
    @property
    def load(self) -> float | None: ...
    @property
    def unit(self) -> str: ...
    @property
    def rir(self) -> int | None: ...
    @property
    def note(self) -> str | None: ...
    @property
    def seconds(self) -> int | None: ...


def to_csv(rows: Iterable[LoggedSet], names: Mapping[str, str], *, with_member: bool = False) -> bytes:
    """The CSV file as UTF-8 bytes; ``names`` maps exercise ids to names, ``with_member`` adds a column
    naming who lifted (a group's export)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow((*HEADER, MEMBER) if with_member else HEADER)
    for row in rows:
        cells = [
            row.day.isoformat(),
            names.get(row.exercise, row.exercise),
            str(row.set_number),
            # A hold has seconds, not reps (stored as 0): its Reps cell is empty, as Strong writes it.
            "" if row.seconds is not None else str(row.reps),
            "" if row.load is None else f"{row.load:g}",
            row.unit,
            "" if row.rir is None else str(row.rir),
            _text(row.note),
            "" if row.seconds is None else str(row.seconds),
        ]
        if with_member:
            cells.append(_text(row.user_name))
        writer.writerow(cells)
    return buffer.getvalue().encode("utf-8")


def filename(today: date) -> str:
    return f"backcoach-{today.isoformat()}.csv"


def _text(value: str | None) -> str:
    if not value:
        return ""
    return f"'{value}" if value.startswith(_FORMULA_START) else value
