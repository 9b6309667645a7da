"""How long a message says something lasts: "away two weeks" is 14 days, "until the 20th" a last day.

The pointer to /pause carries it, so its button holds the reminders for as long as the trainee said rather
than the default week; /pause itself reads what it is given here, lengths and end dates alike.

A pause holds whole days, and a length with a part of a day in it ("1,5 weeks" is 10½ days, "half a week"
3½) is held through the day that part falls on: rounded up, so the reminders never start again while the
trainee said they would still be away. "1.5 weeks" is 11 days counting today, "half a week" 4.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from bot.coach import dates
from bot.coach.numerals import NUMBER_WORDS, ascii_digits

# Counted in days; a month is taken as 30.
UNITS = {
    "day": 1, "days": 1, "week": 7, "weeks": 7, "wk": 7, "wks": 7, "fortnight": 14, "month": 30, "months": 30,
}  # fmt: skip
# Besides the number words, the counts people say before a span of time.
NUMBERS = {**NUMBER_WORDS, "a": 1, "an": 1, "couple": 2, "few": 3}
# What /pause alone holds, and a pause asked to start on a day with no length or end ("from Wednesday").
DEFAULT_DAYS = 7
# "1,5" and "1.5": a decimal comma or point with one or two decimals ("1,000" is a thousand, no decimal).
_DECIMAL = re.compile(r"\d+[.,]\d{1,2}")
_WORD = re.compile(r"\d+[.,]\d{1,2}(?!\d)|[a-z]+|\d+")
_HALF = ["and", "a", "half"]


def days_named(text: str) -> int | None:
    """The first span of time the text names ("a couple of weeks", "10 days", "a fortnight", "a week and a
    half"), in whole days."""
    tokens = _WORD.findall(_fold(text))
    for i, token in enumerate(tokens):
        unit = UNITS.get(token)
        if unit is None:
            continue
        if token == "fortnight":
            return 14
        count = _count_before(tokens, i)
        # "for the next month", "this week": a unit named once, with no count, is one of it.
        if count is None and not token.endswith("s"):
            count = Fraction(1)
        if count is not None and tokens[i + 1 : i + 4] == _HALF:
            count += Fraction(1, 2)  # "a week and a half"
        if count is not None and count > 0:
            return _whole_days(count * unit)
    return None


def _count_before(tokens: Sequence[str], i: int) -> Fraction | None:
    """The count said before the unit at ``i``: "a couple of", "1,5", "half a", "one and a half"."""
    if i >= 2 and tokens[i - 2] == "half" and tokens[i - 1] in ("a", "an"):
        return Fraction(1, 2)
    if i >= 3 and tokens[i - 1] == "half":
        # "one and a half weeks", "2 and half weeks"
        at = i - 2 - (tokens[i - 2] in ("a", "an"))
        whole = _count(tokens[at - 1]) if at >= 1 and tokens[at] == "and" else None
        if whole is not None:
            return whole + Fraction(1, 2)
    before = [t for t in tokens[max(0, i - 3) : i] if t != "of"]
    # "a couple of weeks": the count is the nearest number word or figure before the unit.
    return next((count for t in reversed(before) if (count := _count(t)) is not None), None)


def _count(token: str) -> Fraction | None:
    if token.isdigit():
        return Fraction(int(token))
    if _DECIMAL.fullmatch(token):
        return Fraction(token.replace(",", "."))
    number = NUMBERS.get(token)
    return None if number is None else Fraction(number)


def _whole_days(days: Fraction) -> int:
    # A part of a day is held as the whole day (the module's docstring says why).
    return math.ceil(days)


def _fold(text: str) -> str:
    """The text in ASCII digits and lower case, with "1½" as "1,5" and a lone "½" as the word."""
    folded = ascii_digits(text).casefold()
    return re.sub(r"(\d)\s*½", r"\1,5", folded).replace("½", " half ")


# ---------------------------------------------------------------- what /pause is given, and end dates told

# "till", "to", "through": the day named after one is the last one paused.
UNTIL = frozenset(("until", "till", "til", "untill", "through", "thru", "to"))
# "back", "home" and "return": the day named after one is the first day back.
RETURNS = frozenset(("back", "home", "return", "returns", "returning"))
# "from", "starting": the day named after one is the first one paused.
STARTS = frozenset(("from", "starting", "start", "beginning"))
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
# A decimal comma stays one token ("1,5"); a decimal point already does, as a date's figures do ("1.5").
_DECIMAL_COMMA = re.compile(r"(\d+,\d{1,2})(?!\d)")


@dataclass(frozen=True)
class PauseRefusal:
    """Why a /pause argument is not taken; ``key`` names its line in reminders.toml ("commands.pause_…")
    and ``day`` the day it concerns (the past day asked for, or the latest day a pause may reach)."""

    key: str
    day: date | None = None


@dataclass(frozen=True)
class Later:
    """A pause asked to start on a later day ("from Wednesday for a week", "wed to sun"): its first and
    last days."""

    first: date
    until: date


def pause_asked(text: str, today: date, longest: int) -> date | Later | PauseRefusal:
    """The last day a /pause argument holds reminders through: a number of days ("14"), a length ("2
    weeks", "a fortnight", "1,5 weeks") or a day ("until 20 dec", "till the 20th", "friday", "20/12"), its
    end at most ``longest`` days from today, counting today.

    One asked to start later ("from Wednesday for a week", "wed to sun", "from 2 jan until 10 jan") is
    ``Later``, with the days it asked for; one asked from a day already begun ("from the 1st to the 20th")
    is held from today."""
    words = _typed_tokens(text)
    latest = today + timedelta(days=longest - 1)
    start, started = today, _start_typed(words, today)
    if started is not None:
        start, words = started
        if start > latest:
            return PauseRefusal("too_far", latest)
    until = _end_typed(words, start, today, latest, asked_start=started is not None)
    if isinstance(until, PauseRefusal):
        return until
    if until < start:
        return PauseRefusal("usage")  # "from the 20th until the 10th"
    if until < today:
        return PauseRefusal("past", until)
    if until > latest:
        return PauseRefusal("too_far", latest)
    return Later(start, until) if start > today else until


def _typed_tokens(text: str) -> list[str]:
    """A /pause argument in words as ``dates`` reads them, a decimal comma kept whole ("1,5 weeks")."""
    pieces = _DECIMAL_COMMA.split(_fold(text))
    # split() puts what the pattern captured at the odd places.
    return [word for i, piece in enumerate(pieces) for word in ([piece] if i % 2 else dates.tokens(piece))]


def _start_typed(words: Sequence[str], today: date) -> tuple[date, list[str]] | None:
    """The first day a /pause argument asks for ("from wed", "starting the 9th", "wed to sun") and the
    words around it, which say how long or until when."""
    for i, word in enumerate(words):
        if word in STARTS and (read := dates.read_day(words, i + 1, today, bare_number=True)) is not None:
            end = read.end + (dates.word_at(words, read.end) in ("on", "onwards", "onward"))
            return read.day, [*words[:i], *words[end:]]
    if list(words[:2]) == ["next", "week"]:
        # "next week" (and "next week for 10 days"): from its Monday.
        return today + timedelta(days=7 - today.weekday()), list(words[2:])
    at = int(dates.word_at(words, 0) == "on")
    read = dates.read_day(words, at, today)
    # "wed to sun", and a day with a length after it: "friday for a week", "on friday for a week", "tomorrow
    # for 10 days".
    if read is not None and (
        dates.word_at(words, read.end) in UNTIL or _length_typed(words[read.end :]) is not None
    ):
        return read.day, list(words[read.end :])
    return None


def _end_typed(
    words: Sequence[str], start: date, today: date, latest: date, *, asked_start: bool
) -> date | PauseRefusal:
    """The last day the words after a start ask for: a length counted from ``start`` or a day read from it
    (so "from Friday to Wednesday" is the Wednesday after that Friday)."""
    if not words:
        # "from Wednesday" alone is the week /pause alone holds; nothing at all says nothing.
        return start + timedelta(days=DEFAULT_DAYS - 1) if asked_start else PauseRefusal("usage")
    length = _length_typed(words)
    if length is not None:
        if length < 1:
            return PauseRefusal("usage")
        # Checked before the date is counted: "/pause 99999999999 days" would overflow the calendar.
        return (
            start + timedelta(days=length - 1)
            if length <= (latest - start).days + 1
            else PauseRefusal("too_far", latest)
        )
    at, back = 0, False
    if words[0] in UNTIL:
        at = 1
    elif words[0] in RETURNS:
        at, back = 1 + (dates.word_at(words, 1) in ("on", "by")), True
    read = dates.read_day(words, at, start, bare_number=at > 0)
    if read is None or read.end != len(words):
        return PauseRefusal("usage")
    if back and read.day == start:
        return PauseRefusal("usage")  # "back today": there is nothing to pause through
    if read.day < today:
        return PauseRefusal("past", read.day)
    return read.day - timedelta(days=back)


def until_told(text: str, today: date) -> date | None:
    """The last day a message asks to be left alone through, when it names one: "away until the 20th",
    "till Sunday", "from the 5th to 3 January", the day before "I'm back on the 3rd", or the last day of a
    length from a later start ("away from Wednesday for a week", "off next Friday for 10 days"). An end after
    a later start is read from that start: "from Friday until the 2nd" sent on the 30th is the 2nd of the
    month after that Friday. Any day is returned, past or far; whether a pause can reach it is the caller's
    to say."""
    words = dates.tokens(text)
    first = _first_told(text, words, today)
    end = _end_told(words, today if first is None else max(first, today))
    if end is not None:
        return end[0]
    # A length from today is the length alone (the pointer's button runs /pause with it).
    if first is not None and first != today and (length := days_named(text)) is not None:
        try:
            return first + timedelta(days=length - 1)
        except OverflowError:  # a start near the last day there is
            return None
    return None


def start_told(text: str, today: date) -> date | None:
    """The first day a message asks to be left alone from ("away from Wednesday until the 20th", "from the
    2nd to the 10th of January", "starting next Friday"), when it names one; a day told with no "from"
    ("away on Friday for a week", "no reminders next week") only beside a length or an end."""
    return _first_told(text, dates.tokens(text), today)


def told_for_a_while(text: str) -> bool:
    """Whether a message names the end of a break, or a length from a later start ("no reminders from the
    18th to the 27th"): a request for a while, not for good. Which days they are does not matter here, so
    they are read against a fixed day."""
    return until_told(text, _ANY_DAY) is not None


# Any day serves to tell whether words name days at all (``told_for_a_while``).
_ANY_DAY = date(2001, 1, 1)
# The words before a day that tell it with no "from": "on Friday", "next Friday", "tomorrow".
_BARE = frozenset(("on", "next", "this", "coming", "tomorrow", "tmrw", "tmr"))


def _first_told(text: str, words: Sequence[str], today: date) -> date | None:
    """The first day a message asks to be left alone from: after a start word ("from Wednesday", "starting
    the 8th"), or told bare beside a length or an end ("away on Friday for a week", "off next Friday until
    the 2nd", "no reminders next week")."""
    for i, word in enumerate(words):
        if word in STARTS and (read := dates.read_day(words, i + 1, today)) is not None:
            return read.day
    end = _end_told(words, today)
    if end is None and days_named(text) is None:
        return None
    return _bare_start(words, today, None if end is None else end[1])


def _bare_start(words: Sequence[str], today: date, taken: int | None) -> date | None:
    """A day told with no start word ("on Friday", "next Friday", "tomorrow", "next week": its Monday),
    that is not the end read at ``taken`` nor a day after an end's or a return's word ("until next Friday",
    "back on Monday", "home by the 20th")."""
    for i, word in enumerate(words):
        before = dates.word_at(words, i - 1)
        if word not in _BARE or before in UNTIL or before in RETURNS or before in ("by", "the"):
            continue
        if word == "next" and dates.word_at(words, i + 1) == "week":
            # "No reminders next week": the week from its Monday ("the next week" is a week from today).
            return today + timedelta(days=7 - today.weekday())
        at = i + (word == "on")
        if at != taken and (read := dates.read_day(words, at, today)) is not None:
            return read.day
    return None


def _end_told(words: Sequence[str], start: date) -> tuple[date, int] | None:
    """The last day the words ask to be left alone through, read from ``start``, and where its day is
    written: the day after an end's word ("until the 20th"), or the day before a return ("back on the
    3rd")."""
    for i, word in enumerate(words):
        if word in UNTIL:
            read = dates.read_day(words, i + 1, start)
            # "to" is also "going to Lisbon": after it, only a written date, or a weekday after a "from".
            if read is not None and (word != "to" or read.spelled or "from" in words[:i]):
                return read.day, i + 1
        elif word in RETURNS and _returning(words, i):
            for at in _return_starts(words, i + 1):
                if (read := dates.read_day(words, at, start)) is not None:
                    # The day before a return, save a return on the first day there is (0001-01-01).
                    back = read.day - timedelta(days=1) if read.day > date.min else read.day
                    return back, at
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
    """A whole argument that is a length: "14", "two weeks", "a couple of weeks", "for 10 days", "3w",
    "1,5 weeks", "a week and a half", "half a week"."""
    at = 1 if words[:1] == ["for"] else 0
    rest = words[at:]
    if len(rest) == 3 and rest[0] == "half" and rest[1] in ("a", "an") and rest[2] in _TYPED_UNITS:
        return _whole_days(Fraction(_TYPED_UNITS[rest[2]], 2))
    told: list[str] = []
    while at < len(words) and (_count(words[at]) is not None or words[at] == "of"):
        told += [words[at]] if words[at] != "of" else []
        at += 1
    half = bool(told) and list(words[at : at + 3]) == _HALF  # "one and a half weeks"
    at += 3 * half
    unit_word = words[at] if at < len(words) and words[at] in _TYPED_UNITS else None
    if unit_word is not None:
        at += 1
        if not half and list(words[at : at + 3]) == _HALF:  # "a week and a half"
            half, at = True, at + 3
    if at != len(words) or (not told and unit_word is None):
        return None
    figures = [word for word in told if word[0].isdigit()]
    # One figure at most ("1 5 weeks" is no length), and "1.5" with no unit is the 1st of May.
    if len(figures) > 1 or (unit_word is None and any("." in word for word in figures)):
        return None
    counts = [count for word in told if (count := _count(word)) is not None]
    if not counts:
        # "a fortnight" and "month" alone are one of it; "weeks" alone says no number.
        if unit_word is None or unit_word.endswith("s"):
            return None
        counts = [Fraction(1)]
    # "twenty one days" is 21; "a couple of weeks" counts the couple.
    count = counts[-1]
    if len(counts) >= 2 and counts[-2] in (20, 30) and counts[-1] < 10:
        count += counts[-2]
    unit = _TYPED_UNITS[unit_word] if unit_word is not None else 1
    return _whole_days((count + Fraction(half, 2)) * unit)
