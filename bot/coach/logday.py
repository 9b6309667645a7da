"""The day a message tells its sets for: today, a past day ("pull ups 10 10 10 yesterday", "did rows 3x8
on monday") or a day to come, as a plan ("I'll do rows 3x8 tomorrow").

/log logs today's sets only (a past session is /done's, up to two days back), so only sets told for today
are offered as a /log (``bot.coach.logtold``), and /log refuses sets typed with another day.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from bot.coach import dates
from bot.coach.logtold import COUNTS, sets_start
from bot.coach.numerals import ascii_digits

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
