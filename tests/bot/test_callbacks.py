"""Undo's batch time in a payload: exact to the microsecond, short, and nothing else is read as one."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from bot import callbacks

INSTANTS = st.datetimes(
    min_value=datetime(1970, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.just(UTC)
)


@given(INSTANTS)
def test_an_instant_packs_and_unpacks_exactly(instant: datetime) -> None:
    packed = callbacks.pack_instant(instant)
    assert callbacks.unpack_instant(packed) == instant
    assert len(packed) <= 13


def test_an_undo_payload_of_this_century_fits_with_room() -> None:
    stamp = callbacks.pack_instant(datetime(2099, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC))
    assert len(callbacks.pack("lu", "20991231", "20991231", "s", stamp).encode()) <= 40


@given(st.text(max_size=16))
def test_unpack_instant_reads_only_what_pack_instant_writes(value: str) -> None:
    found = callbacks.unpack_instant(value)
    assert found is None or callbacks.pack_instant(found) == value


@given(INSTANTS, st.integers(min_value=-(10**13), max_value=10**13))
def test_an_undo_payload_gives_back_its_day_owner_and_instant(instant: datetime, owner: int) -> None:
    packed = callbacks.pack_undo("fu", instant.date(), instant, owner)
    assert callbacks.unpack_undo(packed, "fu") == (instant.date(), owner, instant)
    assert callbacks.unpack_undo(packed, "ru") is None


def test_unpack_owner_reads_only_a_user_id() -> None:
    assert [callbacks.unpack_owner(value) for value in ("7411", "-1001234567890", "9" * 19)] == [
        7411,
        -1001234567890,
        int("9" * 19),
    ]
    for value in ("", "-", "12a", " 12", "1.5", "9" * 20, "1:2"):
        assert callbacks.unpack_owner(value) is None, value
