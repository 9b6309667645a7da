"""How long a message says something lasts: "away two weeks" is 14 days, "until the 20th" a last day.

The pointer to /pause carries it, so its button holds the reminders for as long as the trainee said rather
than the default week; /pause itself reads what it is given here, lengths and end dates alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bot.coach import dates
from bot.coach.numerals import NUMBER_WORDS, ascii_digits

# Counted in days; a month is taken as 30.
UNITS = {
    "day": 1, "days": 1, "week": 7, "weeks": 7, "wk": 7, "wks": 7, "fortnight": 14, "month": 30, "months": 30,
}  # fmt: skip
# Besides the number words, the counts people say before a span of time.
NUMBERS = {**NUMBER_WORDS, "a": 1, "an": 1, "couple": 2, "few": 3}
_WORD = re.compile(r"[a-z]+|\d+")


def days_named(text: str) -> int | None:
    """The first span of time the text names ("a couple of weeks", "10 days", "a fortnight"), in days."""
    tokens = _WORD.findall(ascii_digits(text).casefold())
    for i, token in enumerate(tokens):
        unit = UNITS.get(token)
        if unit is None:
            continue
        if token == "fortnight":
            return 14
        before = [t for t in tokens[max(0, i - 3) : i] if t != "of"]
        # "a couple of weeks": the count is the nearest number word or figure before the unit.
        count = next((_count(t) for t in reversed(before) if _count(t) is not None), None)
        # "for the next month", "this week": a unit named once, with no count, is one of it.
        if count is None and not token.endswith("s"):
            count = 1
        if count is not None and count > 0:
            return count * unit
    return None


def _count(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return NUMBERS.get(token)


# ---------------------------------------------------------------- what /pause is given, and end dates told

# "till", "to", "through": the day named after one is the last one paused.
UNTIL = frozenset(("until", "till", "til", "untill", "through", "thru", "to"))
# "back", "home" and "return": the day named after one is the first day back.
RETURNS = frozenset(("back", "home", "return", "returns", "returning"))
# "Home" is a return only after one of these ("I'm home on the 20th", not "working from home on Mondays").
_BEING = frozenset(
    ("m", "am", "be", "re", "are", "s", "is", "get", "getting", "come", "coming", "fly", "flying")
)
# ...and "back" is one unless it is the back being trained ("hurt my back on Sunday").
_BODY = frozenset(
    ("my", "the", "your", "his", "her", "our", "their", "upper", "lower", "mid", "middle", "sore", "bad", "a")
)
# Shorthand a command line may use, too short to be read in a sentence ("I'd" is not a day).
_TYPED_UNITS = {**UNITS, "d": 1, "w": 7}


@dataclass(frozen=True)
class PauseRefusal:
    """Why a /pause argument is not taken; ``key`` names its line in reminders.toml ("commands.pause_…")
    and ``day`` the day it concerns (the past day asked for, or the latest day a pause may reach)."""

    key: str
    day: date | None = None


def pause_asked(text: str, today: date, longest: int) -> date | PauseRefusal:
    """The last day a /pause argument holds reminders through: a number of days ("14"), a length ("2
    weeks", "a fortnight") or a day ("until 20 dec", "till the 20th", "friday", "20/12"), at most
    ``longest`` days counting today."""
    words = dates.tokens(text)
    latest = today + timedelta(days=longest - 1)
    length = _length_typed(words)
    if length is not None:
        if length < 1:
            return PauseRefusal("usage")
        return today + timedelta(days=length - 1) if length <= longest else PauseRefusal("too_far", latest)
    start, back = 0, False
    if words and words[0] in UNTIL:
        start = 1
    elif words and words[0] in RETURNS:
        start, back = 1 + (dates.word_at(words, 1) in ("on", "by")), True
    read = dates.read_day(words, start, today, bare_number=start > 0)
    if read is None or read.end != len(words):
        return PauseRefusal("usage")
    if back and read.day == today:
        return PauseRefusal("usage")  # "back today": there is nothing to pause through
    if read.day < today:
        return PauseRefusal("past", read.day)
    until = read.day - timedelta(days=back)
    return until if until <= latest else PauseRefusal("too_far", latest)


def until_told(text: str, today: date) -> date | None:
    """The last day a message asks to be left alone through, when it names one: "away until the 20th",
    "till Sunday", "from the 5th to 3 January", or the day before "I'm back on the 3rd". Any day is
    returned, past or far; whether a pause can reach it is the caller's to say."""
    words = dates.tokens(text)
    for i, word in enumerate(words):
        if word in UNTIL:
            read = dates.read_day(words, i + 1, today)
            # "to" is also "going to Lisbon": after it, only a written date, or a weekday after a "from".
            if read is not None and (word != "to" or read.spelled or "from" in words[:i]):
                return read.day
        elif word in RETURNS and _returning(words, i):
            for start in _return_starts(words, i + 1):
                if (read := dates.read_day(words, start, today)) is not None:
                    # The day before a return, save a return on the first day there is (0001-01-01).
                    return read.day - timedelta(days=1) if read.day > date.min else read.day
    return None


def _returning(words: Sequence[str], i: int) -> bool:
    before = dates.word_at(words, i - 1)
    if words[i] == "home":
        return before in _BEING
    return words[i] != "back" or before not in _BODY


def _return_starts(words: Sequence[str], at: int) -> list[int]:
    """Where the day after a return may start: right away ("back Monday", "back on the 3rd") or after a
    few words and an "on" or "by" ("back at work on Monday", "home by the 20th")."""
    starts = [at]
    for i in range(at, min(at + 4, len(words))):
        if words[i] in ("on", "by"):
            starts.append(i + 1)
            break
    return starts


def _length_typed(words: Sequence[str]) -> int | None:
    """A whole argument that is a length: "14", "two weeks", "a couple of weeks", "for 10 days", "3w"."""
    at = 1 if words[:1] == ["for"] else 0
    counts: list[int] = []
    while at < len(words) and ((value := _count(words[at])) is not None or words[at] == "of"):
        if value is not None:
            counts.append(value)
        at += 1
    unit = _TYPED_UNITS.get(words[at]) if at < len(words) else None
    if unit is not None:
        at += 1
    if at != len(words) or (not counts and unit is None):
        return None
    if not counts:
        # "a fortnight" and "month" alone are one of it; "weeks" alone says no number.
        return unit if unit is not None and not words[-1].endswith("s") else None
    # "twenty one days" is 21; "a couple of weeks" counts the couple.
    count = counts[-1]
    if len(counts) >= 2 and counts[-2] in (20, 30) and counts[-1] < 10:
        count += counts[-2]
    return count * (unit or 1)
