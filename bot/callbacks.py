"""Inline-button payloads: short, versioned, and checked before anything acts on them.

Telegram caps callback data at 64 bytes and gives back whatever a client sends, so a payload is
only trusted after ``unpack`` has checked its version and shape. Pure (no Telegram import), so the
scheduler's message builders encode the same payloads; ``bot.keyboards`` turns rows into keyboards.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

VERSION = "1"
SEPARATOR = ":"
MAX_BYTES = 64


def pack(*parts: str) -> str:
    data = SEPARATOR.join((VERSION, *parts))
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
    return data


def unpack(data: object, feature: str, arity: int) -> tuple[str, ...] | None:
    """The arguments after ``VERSION:feature``, or None for anything forged, stale or malformed."""
    if not isinstance(data, str) or len(data.encode()) > MAX_BYTES:
        return None
    parts = data.split(SEPARATOR)
    if len(parts) != arity + 2 or parts[0] != VERSION or parts[1] != feature:
        return None
    return tuple(parts[2:])


def pack_day(day: date) -> str:
    return f"{day:%Y%m%d}"


def unpack_day(value: str) -> date | None:
    """The day a button was made for, or None for anything that is not exactly YYYYMMDD."""
    if len(value) != 8 or not value.isdigit():
        return None
    try:
        return datetime.strptime(value, "%Y%m%d").date()
    except ValueError:
        return None


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Base 36 of microseconds since 1970: 11 characters until the year 2084, 13 at most for any datetime.
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
_MAX_INSTANT_CHARS = 13


def pack_instant(instant: datetime) -> str:
    """An instant to the microsecond (what names a batch of logged sets), in few bytes: 64 is tight."""
    micros = (instant - _EPOCH) // timedelta(microseconds=1)
    if micros < 0:
        raise ValueError(f"instant before 1970: {instant!r}")
    return base36(micros)


def base36(number: int) -> str:
    """A whole number of zero or more in digits and lower-case letters, the shortest way to carry it."""
    digits = ""
    while True:
        number, digit = divmod(number, 36)
        digits = DIGITS[digit] + digits
        if not number:
            return digits


def unpack_instant(value: str) -> datetime | None:
    """The instant ``pack_instant`` wrote (aware, UTC), or None for anything it could not have written."""
    if not 0 < len(value) <= _MAX_INSTANT_CHARS or any(c not in DIGITS for c in value):
        return None
    if len(value) > 1 and value[0] == "0":
        return None
    try:
        return _EPOCH + timedelta(microseconds=int(value, 36))
    except OverflowError:
        return None


# A Telegram user id, as ``str`` writes it.
_OWNER = re.compile(r"-?\d{1,19}")


def unpack_owner(value: str) -> int | None:
    """Whose sets a button is about, or None for anything that is not a user id."""
    return int(value) if _OWNER.fullmatch(value) else None


def pack_undo(feature: str, day: date, instant: datetime, owner: int) -> str:
    """An ↩️ Undo's payload: the day, the instant that names what it takes back, and whose that is."""
    return pack(feature, pack_day(day), pack_instant(instant), str(owner))


def unpack_undo(data: object, feature: str) -> tuple[date, int, datetime] | None:
    """The day, owner and instant ``pack_undo`` packed, or None for anything it could not have made."""
    found = unpack(data, feature, 3)
    if found is None:
        return None
    day, when, owner = unpack_day(found[0]), unpack_instant(found[1]), unpack_owner(found[2])
    if day is None or when is None or owner is None:
        return None
    return day, owner, when


def pattern(feature: str) -> str:
    """A regex routing this feature's buttons to its handler (validation happens in ``unpack``)."""
    return f"^{VERSION}{SEPARATOR}{feature}(?:{SEPARATOR}|$)"
