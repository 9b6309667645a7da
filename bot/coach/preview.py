"""``backcoach plan``: the sessions a new chat would get, as plain text or one JSON object per line.

Coaches use it to see what an edit of ``bot/content`` does before any trainee does; the JSON shape is
the contract in the issue that introduced it (and the rules tests read it the same way).
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Callable, Iterator
from typing import Any

from bot.coach.agefit import OLDEST, YOUNGEST, bracket_of, is_older
from bot.coach.catalog import Catalog
from bot.coach.dates import WEEKDAY_NAMES
from bot.coach.model import Equipment, Level
from bot.coach.planner import Profile, Session, plan_session
from bot.coach.profile import DEFAULT_PER_WEEK, MAX_PER_WEEK
from bot.coach.trainingdays import weekdays
from bot.coach.workouts import render_session


class PlanArgumentError(ValueError):
    """A flag with a value the planner can't use; the message names the flag."""


def days_from_flag(text: str, parse_days: Callable[[str], frozenset[int]]) -> frozenset[int]:
    """The weekdays ``--days`` gives (0 = Monday): days as /schedule takes them ("mon,thu", "tue-thu"), read
    by its own ``parse_days`` (passed in: ``scheduler.slots``'s), or a count ("3"), the days onboarding
    offers for it (Mon, Wed, Fri) or, for a count it offers none for, the week's first."""
    typed = text.strip()
    if typed.isascii() and typed.isdigit():
        count = int(typed)
        if not 1 <= count <= MAX_PER_WEEK:
            raise PlanArgumentError(
                f"--days takes days (mon,thu) or a count from 1 to {MAX_PER_WEEK}, not {count}"
            )
        return weekdays(0, count)
    try:
        return parse_days(typed)
    except ValueError as error:
        raise PlanArgumentError(f"--days: {error}") from None


def profile_from_flags(
    catalog: Catalog,
    level: str,
    equipment: str,
    kit: str | None,
    per_week: int | None,
    days: frozenset[int] = frozenset(),
) -> Profile:
    """The profile of a new chat with these flags. ``days`` are its training days (``days_from_flag``), as a
    chat's /schedule sets them: its weekly target is their number, as the bot's is, so the plan's weeks,
    its heavy days and its barbell hinges fall on them as the bot plans them; none, ``per_week`` sessions on
    the days onboarding offers for it."""
    if level not in set(Level):
        raise PlanArgumentError(f"--level must be one of {', '.join(Level)}, not {level!r}")
    if equipment not in set(Equipment):
        raise PlanArgumentError(f"--equipment must be gym or home, not {equipment!r}")
    if per_week is not None and not 1 <= per_week <= MAX_PER_WEEK:
        raise PlanArgumentError(f"--per-week must be 1 to {MAX_PER_WEEK}, not {per_week}")
    if days and per_week is not None and per_week != len(days):
        raise PlanArgumentError(
            f"--per-week {per_week} and --days ({len(days)} days) disagree: a chat trains once on each of"
            " its days"
        )
    per_week = len(days) if days else per_week or DEFAULT_PER_WEEK
    days = days or weekdays(0, per_week)
    if equipment == Equipment.GYM:
        if kit is not None:
            raise PlanArgumentError("--kit is for --equipment home; a gym has everything")
        gym = catalog.kit_for(Equipment.GYM, frozenset())
        return Profile(Level(level), Equipment.GYM, gym, per_week, days)
    names = [name.strip() for name in (kit or "").split(",") if name.strip() and name.strip() != "none"]
    unknown = [name for name in names if name not in catalog.kit.home]
    if unknown:
        raise PlanArgumentError(
            f"--kit: unknown {', '.join(unknown)}; use any of {', '.join(catalog.kit.home)} (or none)"
        )
    return Profile(Level(level), Equipment.HOME, frozenset(names), per_week, days)


def older_from_flag(catalog: Catalog, profile: Profile, age: int | None) -> Profile:
    """``profile`` as for a chat that told ``age`` (``--age``; None: told none), as /settings or "I'm 67"
    keeps it: adapted from ``older.toml``'s ``from_age``."""
    if age is None:
        return profile
    bracket = bracket_of(age)
    if bracket is None:
        raise PlanArgumentError(f"--age must be {YOUNGEST} to {OLDEST}, not {age}")
    return dataclasses.replace(profile, older=is_older(catalog, bracket))


def sessions(catalog: Catalog, profile: Profile, count: int) -> Iterator[Session]:
    for number in range(1, count + 1):
        yield plan_session(catalog, profile, number)


def weekday(session: Session) -> int:
    """The weekday (0 = Monday) a session falls on: its place in its training week on the chat's days."""
    profile, weeks = session.profile, session.weeks
    first = weeks.first(weeks.week_of(session.number, profile.per_week), profile.per_week)
    days = sorted(profile.weekdays)
    return days[min(session.number - first, len(days) - 1)]


def as_json(session: Session) -> dict[str, Any]:
    profile = session.profile
    kit = sorted(profile.kit)
    return {
        "session": session.number,
        "weekday": WEEKDAY_NAMES[weekday(session)][:3],
        "level": str(profile.level),
        "equipment": str(profile.equipment),
        "kit": kit,
        "block": session.block,
        "week": session.week,
        "deload": session.deload,
        "minutes": session.minutes,
        "warmup": list(session.warmup),
        "exercises": [
            {
                "name": item.exercise.name,
                "article_exercise": item.exercise.article,
                "pattern": item.exercise.pattern,
                "multi_joint": item.exercise.multi_joint,
                "sets": item.sets,
                "reps": list(item.reps) if item.reps is not None else None,
                "hold_s": list(item.hold_s) if item.hold_s is not None else None,
                "rest_s": list(item.rest_s),
                "rir": item.rir,
                "grip": item.grip_text,
                "technique": item.technique,
                "needs": sorted(item.exercise.needs),
                "needs_one_of": sorted(item.exercise.needs_one_of),
            }
            for item in session.exercises
        ],
    }


def as_text(session: Session) -> str:
    """The Telegram message without its markup, as a person reads it, under the weekday it falls on."""
    message = html.unescape(re.sub(r"</?[bi]>", "", render_session(session)))
    return f"— {WEEKDAY_NAMES[weekday(session)].capitalize()} —\n{message}"
