"""``backcoach plan``: the sessions a new chat would get, as plain text or one JSON object per line.

Coaches use it to see what an edit of ``bot/content`` does before any trainee does; the JSON shape is
the contract in the issue that introduced it (and the rules tests read it the same way).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

from bot.coach.catalog import Catalog
from bot.coach.model import Equipment, Level
from bot.coach.planner import Profile, Session, plan_session
from bot.coach.workouts import render_session


class PlanArgumentError(ValueError):
    """A flag with a value the planner can't use; the message names the flag."""


def profile_from_flags(
    catalog: Catalog, level: str, equipment: str, kit: str | None, per_week: int
) -> Profile:
    if level not in set(Level):
        raise PlanArgumentError(f"--level must be one of {', '.join(Level)}, not {level!r}")
    if equipment not in set(Equipment):
        raise PlanArgumentError(f"--equipment must be gym or home, not {equipment!r}")
    if not 1 <= per_week <= 7:
        raise PlanArgumentError(f"--per-week must be 1 to 7, not {per_week}")
    if equipment == Equipment.GYM:
        if kit is not None:
            raise PlanArgumentError("--kit is for --equipment home; a gym has everything")
        return Profile(Level(level), Equipment.GYM, catalog.kit_for(Equipment.GYM, frozenset()), per_week)
    names = [name.strip() for name in (kit or "").split(",") if name.strip() and name.strip() != "none"]
    unknown = [name for name in names if name not in catalog.kit.home]
    if unknown:
        raise PlanArgumentError(
            f"--kit: unknown {', '.join(unknown)}; use any of {', '.join(catalog.kit.home)} (or none)"
        )
    return Profile(Level(level), Equipment.HOME, frozenset(names), per_week)


def sessions(catalog: Catalog, profile: Profile, count: int) -> Iterator[Session]:
    for number in range(1, count + 1):
        yield plan_session(catalog, profile, number)


def as_json(session: Session) -> dict[str, Any]:
    profile = session.profile
    kit = sorted(profile.kit)
    return {
        "session": session.number,
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
    """The Telegram message without its markup, as a person reads it."""
    return html.unescape(re.sub(r"</?[bi]>", "", render_session(session)))
