"""The day a message tells its sets for: today, a past day ("pull ups 10 10 10 yesterday", "did rows 3x8
on monday") or a day to come, as a plan ("I'll do rows 3x8 tomorrow").

/log logs sets for today or a past day within /done's window (up to two days back), the day typed before
or after the sets ("/log yesterday row 3x10 40kg", "/log row 3x10 40kg yesterday") in the words /done
reads (``sessionlog.parse_day``): ``day_typed`` finds it. A day it cannot read there ("last week", "on the
20th") or one to come is what ``when_told`` tells, so /log can say why it logged nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from bot.coach import dates, sessionlog
from bot.coach.numerals import ascii_digits
from bot.coach.toldsets import COUNTS, sets_start

_WORD = "|".join(sorted(COUNTS, key=len, reverse=True))


class When(StrEnum):
    """The day a message tells its sets for."""

    TODAY = "today"
    PAST = "past"
    FUTURE = "future"


# A weekday as people write it, but not "mon", "wed", "sat" or "sun": those are words too ("sat down").
_WEEKDAYS = {name: day for name, day in dates.WEEKDAYS.items() if name not in ("mon", "wed", "sat", "sun")}
_WEEKDAY = re.compile(
    rf"\b(?:(last|next|this\s+coming|coming)\s+)?({'|'.join(sorted(_WEEKDAYS, key=len, reverse=True))})\b"
)
_SOME = rf"\d+|{_WORD}|a\s+few|a\s+couple(?:\s+of)?|couple(?:\s+of)?|few|several"
_PAST = re.compile(
    r"\b(?:(?:the\s+)?day\s+before\s+yesterday|yesterday|yday|yest|last\s+(?:night|week|weekend|time|session"
    r"|workout|month)|the\s+other\s+day|(?:days?|weeks?|nights?)\s+ago|(?:over|at|on)\s+the\s+weekend"
    r"|(?:this\s+)?past\s+(?:week|weekend)|earlier\s+(?:this|in\s+the)\s+week"
    r"|previous\s+(?:session|workout|day))\b"
)
_FUTURE = re.compile(
    r"\b(?:(?:the\s+)?day\s+after\s+tomorrow|tomorrow|tmrw|tmr|tomoz|next\s+(?:week|weekend|month)"
    rf"|in\s+(?:{_SOME})\s+days?)\b"
)
# Before the sets, these make them a plan ("I'll do rows 3x8"); after them, the plan is for what comes
# next ("pull ups 8 7 6, I'll try for 9 next time"). "I'm going to log ..." asks for a log.
_PLANNED = re.compile(
    r"\b(?:i'll|i\s+will|will\s+(?:do|try|hit|go|aim|attempt)|going\s+to|gonna|plan(?:ning)?\s+(?:to|on)"
    r"|about\s+to|next\s+(?:time|session|workout))\b"
    r"(?!(?:\s+\w+)?\s+(?:log|record|track|note|add|save|enter|write|jot|put)\b)"
    # "going to the gym", "going to work": a place, not a plan for the sets.
    r"(?!\s+(?:the|a|an|my|work|bed|school|gym|class)\b)"
)
# A day after these is compared with, not the day of the sets ("one more than last time", "sore since
# yesterday", "better than on monday").
_COMPARED = re.compile(
    r"\b(?:than|since|as|vs\.?|versus|like|compared\s+(?:to|with)|after|before)\s+(?:on\s+)?(?:the\s+)?$"
)


def when_told(text: str, today: date) -> When:
    """Whether a message tells its sets for ``today`` (the chat's), for a past day or as a plan.

    A day named anywhere counts ("pull ups 10 10 10 yesterday"), unless it is compared with; a weekday is
    today's only on that weekday, and a day neither before nor after today by its words ("on monday", "on
    the 20th") is a past one unless the sets are planned. No day named is today ("this morning", "tonight").
    """
    lowered = ascii_digits(text).casefold().replace("\u2019", "'")
    if any(m.start() < sets_start(lowered) for m in _PLANNED.finditer(lowered)):
        return When.FUTURE
    if _named(_PAST, lowered):
        return When.PAST
    if _named(_FUTURE, lowered):
        return When.FUTURE
    other = False
    for m in _named(_WEEKDAY, lowered):
        which, name = m.groups()
        if which == "last":
            return When.PAST
        if which is not None:
            return When.FUTURE
        other = other or _WEEKDAYS[name] != today.weekday()
    return When.PAST if other or _date_named(lowered, today) else When.TODAY


# Past days no reading puts within /done's window: /log says they are too far back, not that it couldn't
# tell which day ("/log deadlift 100x5 last week").
_LONG_AGO = re.compile(
    rf"\b(?:last\s+(?:week|month|year)|(?:a|an|one|{_SOME})\s+(?:weeks?|months?|years?)\s+ago)\b"
)
_DAYS_AGO = re.compile(rf"\b({_SOME})\s+days?\s+ago\b")


def too_far_back(text: str, today: date) -> bool:
    """Whether a message told for a past day (``when_told``) names one further back than /done's window:
    "last week", "a month ago", "5 days ago", "last monday" four days on, "on the 20th" a week on."""
    lowered = ascii_digits(text).casefold().replace("\u2019", "'")
    if _named(_LONG_AGO, lowered):
        return True
    for m in _named(_DAYS_AGO, lowered):
        count = m.group(1)
        days = int(count) if count.isdigit() else COUNTS.get(" ".join(count.split()))
        if days is not None and days > sessionlog.MAX_DAYS_BACK:
            return True
    for m in _named(_WEEKDAY, lowered):
        which, name = m.groups()
        if which == "last" and ((today.weekday() - _WEEKDAYS[name]) % 7 or 7) > sessionlog.MAX_DAYS_BACK:
            return True
    words = dates.tokens(lowered)
    for at, word in enumerate(words):
        if word == "on" and not _COMPARED.search(" ".join(words[:at]) + " "):
            read = dates.read_day(words, at + 1, today)
            if read is not None and read.spelled and (today - read.day).days > sessionlog.MAX_DAYS_BACK:
                return True
    return False


def _named(pattern: re.Pattern[str], lowered: str) -> list[re.Match[str]]:
    return [m for m in pattern.finditer(lowered) if not _COMPARED.search(lowered[: m.start()])]


def _date_named(lowered: str, today: date) -> bool:
    """Whether the message names a calendar day other than today after "on" ("on the 20th", "on 22/11")."""
    words = dates.tokens(lowered)
    for at, word in enumerate(words):
        if word == "on" and not _COMPARED.search(" ".join(words[:at]) + " "):
            read = dates.read_day(words, at + 1, today)
            if read is not None and read.spelled and read.day != today:
                return True
    return False


@dataclass(frozen=True)
class Typed:
    """A /log's text without the day typed before or after its sets (``rest``), and that day: None when
    none was typed, a ``sessionlog.DayError`` for one /done refuses too (to come, or too far back)."""

    rest: str
    day: date | sessionlog.DayError | None


# "the day before yesterday" and "the night before last" are /done's longest days.
_DAY_WORDS = 4
# What may part a day from the sets: "yesterday: row 3x10", "row 3x10, yesterday".
_PARTING = " ,;:.!-\u2013\u2014"
# A number read as days back must say so ("2 days ago", "2 days", "2d ago"): a bare "6" ending
# "/log pull-up 8 7 6" is a set.
_DAYS_SAID = re.compile(r"(?:ago|back|days?)$")


def day_typed(text: str, today: date) -> Typed:
    """The day typed first or last in a /log ("yesterday row 3x10 40kg", "row 3x10 40kg on thursday",
    "pull-up 8 7 6 2 days ago # tired"), read as /done reads its day, and the sets without it.

    Only a whole day at an edge counts, so a note ("# one more than yesterday") and the words of a name
    stay as typed; the note after "#" stays with the sets.
    """
    head, mark, note = text.partition("#")
    words = list(re.finditer(r"\S+", head))
    start = 1 if words and words[0].group().casefold() == "on" else 0
    for count in range(min(_DAY_WORDS, len(words) - start), 0, -1):
        span = words[start : start + count]
        day = _read_day(" ".join(word.group() for word in span), today)
        if day is not None:
            return Typed((head[span[-1].end() :].lstrip(_PARTING) + mark + note).strip(), day)
    for count in range(min(_DAY_WORDS, len(words)), 0, -1):
        span = words[-count:]
        day = _read_day(" ".join(word.group() for word in span), today)
        if day is not None:
            cut = span[0].start()
            if count < len(words) and words[-count - 1].group().casefold() == "on":
                cut = words[-count - 1].start()
            rest = head[:cut].rstrip(_PARTING)
            return Typed(f"{rest} {mark}{note}".strip() if mark else rest.strip(), day)
    return Typed(text.strip(), None)


def _read_day(phrase: str, today: date) -> date | sessionlog.DayError | None:
    """The day ``phrase`` is as /done reads it, or None when it is no day (its own "which day?")."""
    phrase = phrase.strip(_PARTING)
    if not phrase or (phrase[0].isdigit() and not _DAYS_SAID.search(phrase) and "-" not in phrase):
        return None
    read = sessionlog.parse_day(phrase, today)
    return None if isinstance(read, sessionlog.DayError) and read.key == "log.bad_day" else read
