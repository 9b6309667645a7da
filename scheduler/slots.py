"""When a chat's next reminder is due, and reading the schedule a user types.

Pure functions only: no Telegram, no database. All instants are UTC-aware; all
calendar reasoning happens on the chat's local dates, computed with ``zoneinfo``.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo, available_timezones

from storage.records import OutboxKind

__all__ = [
    "WEEKDAY_NAMES",
    "Schedule",
    "ScheduleInputError",
    "format_days",
    "local_instant",
    "next_slot",
    "next_tip",
    "parse_days",
    "parse_schedule",
    "parse_time",
    "parse_timezone",
    "rest_days",
    "slot_on",
    "zones_in",
]


WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_FULL_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Every weekday kind recurs within 7 days and sparse mode within 14 (the first workout day of
# the *next* ISO week); one extra day covers a slot whose gap-shifted instant crosses midnight.
_LOOKAHEAD_DAYS = 16


@dataclass(frozen=True)
class Schedule:
    days: frozenset[int]
    at: time
    tz: str
    nudges: bool = True
    sparse: bool = False
    paused_until: date | None = None
    # A pause's first day; None for one that started when it was sent, which holds every day through
    # ``paused_until``. A later one leaves the days before it as they were.
    paused_from: date | None = None

    def __post_init__(self) -> None:
        bad = sorted(d for d in self.days if not (isinstance(d, int) and 0 <= d <= 6))
        if bad:
            raise ValueError(f"weekdays must be 0 (Monday) .. 6 (Sunday), got {bad}")


def local_instant(day: date, at: time, tz: ZoneInfo) -> datetime:
    """The UTC instant at which the wall clock in ``tz`` shows ``at`` on ``day``.

    PEP 495 semantics of ``fold=0`` give exactly the policy we want: an ambiguous wall time
    resolves to its first occurrence, and a nonexistent one (DST gap) is interpreted with the
    pre-transition offset, which lands the same distance past the gap as it was into it
    (02:30 in a 02:00→03:00 gap becomes 03:30).
    """
    wall = datetime.combine(day, at.replace(tzinfo=None, fold=0), tzinfo=tz)
    return wall.astimezone(UTC)


def rest_days(days: frozenset[int]) -> frozenset[int]:
    """Weekdays that follow a workout day without being one themselves."""
    return frozenset((d + 1) % 7 for d in days) - days


def _paused(schedule: Schedule, day: date) -> bool:
    if schedule.paused_until is None or day > schedule.paused_until:
        return False
    return schedule.paused_from is None or day >= schedule.paused_from


def slot_on(schedule: Schedule, day: date) -> OutboxKind | None:
    """What is due on the chat's local date ``day``, if anything."""
    if not schedule.days or _paused(schedule, day):
        return None
    weekday = day.weekday()
    if schedule.sparse:
        # One reminder per ISO week is the whole point of sparse mode, so no nudges either.
        return OutboxKind.WORKOUT if weekday == min(schedule.days) else None
    if weekday in schedule.days:
        return OutboxKind.WORKOUT
    if schedule.nudges and weekday in rest_days(schedule.days):
        # "Rest today" after a workout day that fell inside the pause would refer to a session
        # we never prompted; the first message after a pause should be a workout or nothing.
        if _paused(schedule, day - timedelta(days=1)):
            return None
        return OutboxKind.REST
    return None


def next_slot(schedule: Schedule, after: datetime) -> tuple[datetime, OutboxKind, date]:
    """The first slot strictly after ``after``: (UTC instant, kind, local date of the slot)."""
    if not schedule.days:
        raise ValueError("schedule has no workout days")
    if after.tzinfo is None or after.utcoffset() is None:
        raise ValueError("'after' must be timezone-aware")
    tz = ZoneInfo(schedule.tz)
    # Start a day early: a slot on the previous local date can be pushed past midnight by a gap.
    start = after.astimezone(tz).date() - timedelta(days=1)
    until = schedule.paused_until
    if until is not None and until >= start:
        first = schedule.paused_from
        if first is not None and first > start:
            # A pause still to come: the slots before it are as ever, and the next one after it.
            found = _first_slot(schedule, tz, after, start, first)
            if found is not None:
                return found
        start = until + timedelta(days=1)
    found = _first_slot(schedule, tz, after, start, None)
    if found is not None:
        return found
    raise AssertionError(f"no slot within {_LOOKAHEAD_DAYS} days for {schedule!r}")  # pragma: no cover


def _first_slot(
    schedule: Schedule, tz: ZoneInfo, after: datetime, start: date, stop: date | None
) -> tuple[datetime, OutboxKind, date] | None:
    """The first slot strictly after ``after`` on a day from ``start``, before ``stop`` if given."""
    # Instants for a fixed wall time never decrease from one local date to the next, so the
    # first qualifying date in calendar order is also the earliest instant.
    for offset in range(_LOOKAHEAD_DAYS):
        day = start + timedelta(days=offset)
        if stop is not None and day >= stop:
            return None
        kind = slot_on(schedule, day)
        if kind is None:
            continue
        instant = local_instant(day, schedule.at, tz)
        if instant > after:
            return instant, kind, day
    return None


def _quote(text: str, limit: int = 40) -> str:
    """The user's words echoed back in an error, short enough never to swamp the reply."""
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ScheduleInputError(ValueError):
    """Input the user typed that we cannot use; ``str(err)`` is a sentence to show them."""


_DAYS_HELP = (
    "Use day names like mon, thu or monday, thursday (ranges like mon-fri work too), "
    "choosing 1 to 6 days so there is at least one rest day."
)
_TIME_HELP = "Use a time like 07:30, 18:00, 7.30, 18 or 6pm / 6:30 pm."
_TZ_HELP = (
    "Use an IANA time zone like Europe/Berlin, America/New_York or Asia/Kolkata, a city like Berlin, or UTC."
)

_DAY_ALIASES = {"weds": 2, "thurs": 3, "thur": 3, "tues": 1}
_FILLER = frozenset({"and", "on", "at", "every", "each", "days"})
_RANGE_WORDS = frozenset({"-", "to", "through", "thru", "till", "until"})
_GROUPS = {
    "weekdays": frozenset(range(5)),
    "weekday": frozenset(range(5)),
    "weekends": frozenset({5, 6}),
    "weekend": frozenset({5, 6}),
}


def _day_index(token: str) -> int | None:
    if token in _DAY_ALIASES:
        return _DAY_ALIASES[token]
    if len(token) > 3 and token.endswith("s") and token[:-1] in _FULL_NAMES:
        token = token[:-1]  # "mondays"
    if len(token) < 2:
        return None  # "t" and "s" are ambiguous; "m" alone is too terse to trust
    matches = [i for i, name in enumerate(_FULL_NAMES) if name.startswith(token)]
    return matches[0] if len(matches) == 1 else None


def parse_days(text: str) -> frozenset[int]:
    """Weekdays (0=Mon) from liberal user text: "mon,thu", "Monday and Thursday", "tue/fri", "mon-wed"."""
    tokens = re.findall(r"[^\W\d_]+|[0-9]+|-", text.lower().replace("–", "-").replace("—", "-"))
    days: set[int] = set()
    pending_range_from: int | None = None
    last: int | None = None
    for token in tokens:
        if token in _RANGE_WORDS:
            if last is None:
                raise ScheduleInputError(f"A range needs a day on both sides. {_DAYS_HELP}")
            pending_range_from = last
            continue
        if token in _FILLER:
            continue
        if token in _GROUPS:
            days |= _GROUPS[token]
            last = None
            continue
        index = _day_index(token)
        if index is None:
            raise ScheduleInputError(f"I don't know the day \u201c{_quote(token)}\u201d. {_DAYS_HELP}")
        if pending_range_from is not None:
            span = (index - pending_range_from) % 7
            days.update((pending_range_from + i) % 7 for i in range(span + 1))
            pending_range_from = None
        days.add(index)
        last = index
    if pending_range_from is not None:
        raise ScheduleInputError(f"A range needs a day on both sides. {_DAYS_HELP}")
    if not days:
        raise ScheduleInputError(f"Which days do you want to train? {_DAYS_HELP}")
    if len(days) == 7:
        raise ScheduleInputError(f"Every day leaves no time to recover. {_DAYS_HELP}")
    return frozenset(days)


_TIME_RE = re.compile(
    r"""
    (?P<hour>[0-9]{1,2})
    (?: \s* [:.h] \s* (?P<minute>[0-9]{2}) )?
    \s* h?
    \s* (?: (?P<ampm>[ap]) \.? \s* m \.? )?
    """,
    re.VERBOSE,
)
_COMPACT_TIME_RE = re.compile(r"(?P<hm>[0-9]{3,4})\s*(?:(?P<ampm>[ap])\.?\s*m\.?)?")


def parse_time(text: str) -> time:
    """A wall-clock time from "07:30", "7.30", "18", "6pm", "6:30 pm" or "0730"."""
    cleaned = text.strip().lower()
    if m := _TIME_RE.fullmatch(cleaned):
        hour, minute = int(m["hour"]), int(m["minute"] or 0)
    elif m := _COMPACT_TIME_RE.fullmatch(cleaned):
        hour, minute = divmod(int(m["hm"]), 100)
    else:
        raise ScheduleInputError(f"I couldn't read \u201c{_quote(text)}\u201d as a time. {_TIME_HELP}")
    ampm: str | None = m["ampm"]
    if ampm is not None:
        if not 1 <= hour <= 12:
            raise ScheduleInputError(f"With am/pm the hour goes from 1 to 12. {_TIME_HELP}")
        hour = hour % 12 + (12 if ampm == "p" else 0)
    if hour > 23 or minute > 59:
        raise ScheduleInputError(f"\u201c{_quote(text)}\u201d isn't a time of day. {_TIME_HELP}")
    return time(hour, minute)


def parse_schedule(text: str) -> tuple[frozenset[int], time | None]:
    """Arguments of ``/schedule``: days, then optionally a time ("mon,thu 07:30")."""
    # Day names never contain digits and times always start with one, so split there.
    first_digit = re.search(r"[0-9]", text)
    if first_digit is None:
        days_part, time_part = text, None
    else:
        days_part, time_part = text[: first_digit.start()], text[first_digit.start() :]
    if not re.search(r"[^\W\d_]", days_part):
        raise ScheduleInputError(
            f"Tell me the days first, then optionally a time, e.g. /schedule mon,thu 07:30. {_DAYS_HELP}"
        )
    days = parse_days(days_part)
    return days, (parse_time(time_part) if time_part is not None else None)


_GEOGRAPHIC = frozenset(
    {"Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"}
)
# "localtime" mirrors whatever the server's clock says and "Factory" is a placeholder zone.
_EXCLUDED = frozenset({"localtime", "Factory", "posixrules"})


def _norm(name: str) -> str:
    return re.sub(r"[\s_-]+", "_", name.strip().lower())


@cache
def _zone_index() -> tuple[dict[str, str], dict[str, str]]:
    """(normalised key → key, normalised city → key), built once: available_timezones() scans disk."""
    keys = sorted(available_timezones() - _EXCLUDED)
    by_key = {_norm(k): k for k in keys}
    candidates: dict[str, list[str]] = {}
    for key in keys:
        parts = key.split("/")
        if len(parts) >= 2 and parts[0] in _GEOGRAPHIC:
            candidates.setdefault(_norm(parts[-1]), []).append(key)
    # Duplicate city names are backward-compatible links to the same zone (America/Buenos_Aires vs
    # America/Argentina/Buenos_Aires); prefer the longer, current name, then alphabetical for stability.
    by_city = {city: min(keys_, key=lambda k: (-k.count("/"), k)) for city, keys_ in candidates.items()}
    return by_key, by_city


# Countries with one time zone, as people name them after a town the zone database does not list ("Manchester,
# UK", "Leeds, England"); countries with several (the US, Canada, Australia, Brazil, Russia, Mexico) are
# left out, so the town or the zone is asked for.
_ONE_ZONE_COUNTRIES = {
    "uk": "Europe/London",
    "united kingdom": "Europe/London",
    "great britain": "Europe/London",
    "britain": "Europe/London",
    "england": "Europe/London",
    "scotland": "Europe/London",
    "wales": "Europe/London",
    "northern ireland": "Europe/London",
    "ireland": "Europe/Dublin",
    "germany": "Europe/Berlin",
    "france": "Europe/Paris",
    "italy": "Europe/Rome",
    "netherlands": "Europe/Amsterdam",
    "holland": "Europe/Amsterdam",
    "belgium": "Europe/Brussels",
    "poland": "Europe/Warsaw",
    "austria": "Europe/Vienna",
    "switzerland": "Europe/Zurich",
    "sweden": "Europe/Stockholm",
    "norway": "Europe/Oslo",
    "denmark": "Europe/Copenhagen",
    "finland": "Europe/Helsinki",
    "greece": "Europe/Athens",
    "czechia": "Europe/Prague",
    "czech republic": "Europe/Prague",
    "hungary": "Europe/Budapest",
    "romania": "Europe/Bucharest",
    "ukraine": "Europe/Kyiv",
    "turkey": "Europe/Istanbul",
    "israel": "Asia/Jerusalem",
    "uae": "Asia/Dubai",
    "united arab emirates": "Asia/Dubai",
    "india": "Asia/Kolkata",
    "pakistan": "Asia/Karachi",
    "china": "Asia/Shanghai",
    "japan": "Asia/Tokyo",
    "south korea": "Asia/Seoul",
    "korea": "Asia/Seoul",
    "philippines": "Asia/Manila",
    "vietnam": "Asia/Ho_Chi_Minh",
    "thailand": "Asia/Bangkok",
    "singapore": "Asia/Singapore",
    "malaysia": "Asia/Kuala_Lumpur",
    "south africa": "Africa/Johannesburg",
    "nigeria": "Africa/Lagos",
    "kenya": "Africa/Nairobi",
    "egypt": "Africa/Cairo",
    "new zealand": "Pacific/Auckland",
    "argentina": "America/Argentina/Buenos_Aires",
    "colombia": "America/Bogota",
    "peru": "America/Lima",
    "uruguay": "America/Montevideo",
}


_OFFSET_RE = re.compile(r"(?:utc|gmt)?\s*(?P<sign>[+-])\s*(?P<hours>[0-9]{1,2})(?::?00)?")


def parse_timezone(text: str) -> str:
    """A canonical IANA key from "Europe/Berlin", "europe/berlin", "Berlin", "UTC" or "UTC+2"."""
    cleaned = text.strip()
    if not cleaned:
        raise ScheduleInputError(f"Which time zone are you in? {_TZ_HELP}")
    by_key, by_city = _zone_index()
    normalised = _norm(cleaned)
    if normalised in by_key:
        return by_key[normalised]
    if normalised in by_city:
        return by_city[normalised]
    # "Manchester, UK": a town the database lacks beside a country with one zone, or a zone it knows.
    for part in reversed(re.split(r"[,(]", cleaned.rstrip(")"))):
        name = " ".join(part.lower().replace(".", "").split())
        if _norm(name) in by_city:
            return by_city[_norm(name)]
        if name in _ONE_ZONE_COUNTRIES:
            return _ONE_ZONE_COUNTRIES[name]
    if m := _OFFSET_RE.fullmatch(cleaned.lower()):
        hours = int(m["hours"])
        # The Etc/GMT zones invert the sign (POSIX convention): UTC+2 is Etc/GMT-2.
        key = f"Etc/GMT{'-' if m['sign'] == '+' else '+'}{hours}" if hours else "UTC"
        if key in by_key.values():
            return key
    raise ScheduleInputError(f"I don't know the time zone \u201c{_quote(cleaned)}\u201d. {_TZ_HELP}")


# Zone-database names that are also everyday words or names ("north", "center", "wake", "phoenix", "jersey"
# of New Jersey): in a sentence they name no zone, though the name alone, or its full key, still does.
_WORDS_NOT_PLACES = frozenset((
    "act", "casey", "center", "christmas", "comoro", "creston", "currie", "darwin", "davis", "dawson",
    "easter", "jersey", "johnston", "knox", "lindeman", "marigot", "midway", "nome", "north", "oral",
    "palmer", "phoenix", "regina", "resolute", "reunion", "south", "stanley", "troll", "victoria",
    "virgin", "wake", "west", "yap"
))  # fmt: skip
# The longest zone name in words ("port of spain", "dar es salaam").
_MOST_ZONE_WORDS = 3


@cache
def _sentence_zones() -> dict[str, str]:
    """Zones as a sentence names them, by their words: a city ("new york"), a full key ("europe berlin"),
    a country with one zone ("uk"), a country's own key ("japan"), "utc" and "gmt"; no abbreviation a word
    may spell ("met", "est")."""
    by_key, by_city = _zone_index()
    named = {city.replace("_", " "): key for city, key in by_city.items() if city not in _WORDS_NOT_PLACES}
    named |= {norm.replace("/", " ").replace("_", " "): key for norm, key in by_key.items() if "/" in key}
    named |= {norm: key for norm, key in by_key.items() if key.isalpha() and key[1:].islower()}
    named |= {name: key for name, key in _ONE_ZONE_COUNTRIES.items()}
    named |= {"utc": "UTC", "gmt": "GMT"}
    return named


def zones_in(plain: str) -> tuple[set[str], str]:
    """The zones a clause names, its words lower-case and split by spaces ("i live in amsterdam", "toronto
    time"; accents are no matter, "sao paulo" is "são paulo"), longest name first, and the clause without
    them."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", plain) if not unicodedata.combining(c))
    words = folded.split()
    named = _sentence_zones()
    found: set[str] = set()
    left: list[str] = []
    at = 0
    while at < len(words):
        for size in range(min(_MOST_ZONE_WORDS, len(words) - at), 0, -1):
            zone = named.get(" ".join(words[at : at + size]))
            # "utc 2" was "UTC+2" or "UTC-2" before its sign was folded away: no zone to guess.
            offset = zone in ("UTC", "GMT") and at + size < len(words) and words[at + size].isdigit()
            if zone is not None and not offset:
                found.add(zone)
                at += size
                break
        else:
            left.append(words[at])
            at += 1
    return found, " ".join(left)


# Where gyms load in pounds: the US and the territories that use its kit (zone.tab's country codes). Canada,
# Mexico and the UK weigh plates in kilos, whatever else they measure in pounds.
POUND_COUNTRIES = frozenset(("US", "PR", "GU", "VI", "AS", "MP", "UM"))


@cache
def _zone_countries() -> dict[str, str]:
    """Each zone's country code, zone.tab's, and an old name's (``US/Central``, ``America/Indianapolis``)
    through the link tzdata keeps; a link zone.tab lists under a country of its own (``America/Creston``,
    Canada, linked to Phoenix) stays that country's, and the generic ``MST`` and ``HST`` are no country's."""
    folder = resources.files("tzdata").joinpath("zoneinfo")
    countries: dict[str, str] = {}
    for line in folder.joinpath("zone.tab").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, _, key = line.split("\t")[:3]
            countries[key] = code
    for line in folder.joinpath("tzdata.zi").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        linked = len(parts) == 3 and parts[0] == "L" and parts[1] in countries
        if linked and parts[2] not in countries and "/" in parts[2]:
            countries[parts[2]] = countries[parts[1]]
    return countries


def lifts_in_pounds(zone: str) -> bool:
    """Whether a chat in ``zone`` most likely loads in pounds: America/Chicago yes, America/Toronto no."""
    return _zone_countries().get(zone) in POUND_COUNTRIES


def format_days(days: frozenset[int]) -> str:
    """ "Mon, Thu" in week order."""
    return ", ".join(WEEKDAY_NAMES[d].capitalize() for d in sorted(days))


def next_tip(used: frozenset[int], count: int, seed: int) -> int:
    """The next rest-day tip index: a seed-fixed shuffle of range(count), skipping those already used.

    Once every tip has been shown this returns the first of the rotation again; the caller then
    resets ``used`` to just that index. Indices in ``used`` beyond ``count`` (tips since removed)
    are ignored.
    """
    if count <= 0:
        raise ValueError("count must be positive")
    order = list(range(count))
    random.Random(seed).shuffle(order)
    return next((i for i in order if i not in used), order[0])
