"""Backdating: the day ``/done yesterday`` and friends, ``/log … 2 days ago`` and a day told in a message
mean, at most ``MAX_DAYS_BACK`` days back. Moved out of ``bot.coach.sessionlog``, which re-exports it.

Pure: today is passed in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from bot.coach.dates import WEEKDAY_NAMES

MAX_DAYS_BACK = 2


@dataclass(frozen=True)
class DayError:
    """Why a day could not be used; ``key`` names its one line in messages.toml."""

    key: str


# At most four digits: "99999999999 days ago" is refused as a day out of reach, not an overflow.
_AGO = re.compile(r"^(\d{1,4})\s*(?:d|days?)?\s*(?:ago|back)?$")
# The parts of today ("tonight": a session told at 1am is today, as /done logs it), of yesterday ("last
# night": told the next day or in the small hours, as a reminder's Done after midnight) and the day before.
TODAY_WORDS = ("", "today", "tonight", "this morning", "this afternoon", "this evening")
YESTERDAY_WORDS = ("yesterday", "yday", "last night", "last evening")
BEFORE_YESTERDAY_WORDS = ("day before yesterday", "the day before yesterday", "the night before last")


def parse_day(text: str, today: date) -> date | DayError:
    """``""``/today ("tonight", "this morning"), yesterday ("last night"), "2 days ago", a weekday ("mon"),
    or an ISO date; at most 2 days back."""
    words = " ".join(text.casefold().replace("-", " ").split()) if not _iso(text) else text.strip()
    day: date | None
    if words in TODAY_WORDS:
        day = today
    elif words in YESTERDAY_WORDS:
        day = today - timedelta(days=1)
    elif words in BEFORE_YESTERDAY_WORDS:
        day = today - timedelta(days=2)
    elif match := _AGO.match(words):
        day = today - timedelta(days=int(match.group(1)))
    elif (weekday := _weekday(words)) is not None:
        day = today - timedelta(days=(today.weekday() - weekday) % 7)
    elif _iso(words):
        day = date.fromisoformat(words)
    else:
        return DayError("log.bad_day")
    if day > today:
        return DayError("log.future_day")
    if today - day > timedelta(days=MAX_DAYS_BACK):
        return DayError("log.too_far_back")
    return day


_TOLD = re.compile(
    r"\b(?:(the day before yesterday|the night before last)|(yesterday|last night|last evening)"
    rf"|(one|two|1|2) days? ago|({'|'.join(WEEKDAY_NAMES)}))\b"
)


def day_told(text: str) -> str | None:
    """The day a message says a session was ("I trained on Wednesday evening", "2 days ago", "last night"),
    as /done takes it ("wed", "2 days ago", "yesterday"), or None when it names none: today's ("this
    morning", "tonight") is what /done alone logs."""
    match = _TOLD.search(" ".join(text.casefold().split()))
    if match is None:
        return None
    before, yesterday, ago, weekday = match.groups()
    if before:
        return "2 days ago"
    if yesterday:
        return "yesterday"
    if ago:
        return "1 day ago" if ago in ("one", "1") else "2 days ago"
    return weekday[:3]


# Every day ``day_told`` can give: all a /done button may carry.
DAYS_TOLD = frozenset(("yesterday", "1 day ago", "2 days ago", *(name[:3] for name in WEEKDAY_NAMES)))


def _weekday(word: str) -> int | None:
    matches = [i for i, name in enumerate(WEEKDAY_NAMES) if len(word) >= 3 and name.startswith(word)]
    return matches[0] if len(matches) == 1 else None


def _iso(text: str) -> bool:
    try:
        date.fromisoformat(text.strip())
    except ValueError:
        return False
    return True
