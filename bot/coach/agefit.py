"""A plan for a trainee of 60 or more: the same principles, the joint-friendly choices (``older.toml``).

A newcomer trial with a 67-year-old beginner got jumping jacks in the warm-up and moves done lying on the
floor, nothing asked or adapted. A strength coach keeps warm-up first, both pulls and double progression,
and picks: no jumping in the warm-up, the standing version of a floor move where there is one, a gentler
start (more rest, a rep more in reserve, the low end of the reps) and no barbell pull from the floor early.

Pure: plain values and the catalog in, plain values out; the planner calls it where a chat's profile says
``older``. The age itself is told optionally (/settings, or "I'm 67" typed) and kept as a bracket.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any, ClassVar, Protocol, TypeVar

from bot.coach.agecontent import OlderFile
from bot.coach.catalog import Catalog, Exercise
from bot.coach.model import Equipment
from bot.coach.profile import Profile
from bot.coach.rests import rest_problem

# The age brackets a chat may tell, youngest first, each by the first age in it: stored as the key, so a
# coach moving ``from_age`` to another bracket's start needs no migration.
BRACKETS: dict[str, int] = {"under-40": 0, "40-49": 40, "50-59": 50, "60-69": 60, "70-plus": 70}
# The effort a gentle start asks at most: a beginner keeps 2–3 reps in reserve (rules walk); four is a
# deload's, too easy to teach anything.
GENTLE_RIR_MAX = 3
YOUNGEST, OLDEST = 16, 110


def bracket_of(age: int) -> str | None:
    """The bracket an age told falls in; None for an age no trainee of this bot has."""
    if not YOUNGEST <= age <= OLDEST:
        return None
    return max((bracket for bracket, first in BRACKETS.items() if first <= age), key=BRACKETS.__getitem__)


def is_older(catalog: Catalog, bracket: str | None) -> bool:
    """Whether a chat of ``bracket`` (None: never told) gets the adapted plan."""
    rules = catalog.older
    return rules is not None and bracket in BRACKETS and BRACKETS[bracket] >= rules.from_age


def _rules(catalog: Catalog, profile: Profile) -> OlderFile | None:
    return catalog.older if profile.older else None


def adapt_choices(
    catalog: Catalog, profile: Profile, number: int, found: Sequence[Sequence[Exercise]]
) -> list[Exercise]:
    """A slot's choices for session ``number`` from what the chat can do of its options and of its
    fallbacks (``found``, in that order): the first that has any. Adapted for a trainee of 60+: a floor move
    gives its place to its standing version where its kit and place allow it (the floor move's level
    allowed it), a floor move with none is passed over where the options or else the fallbacks have
    anything else, and a barbell pull from the floor waits until ``floor_pulls_from``."""
    rules = _rules(catalog, profile)
    if rules is None:
        return list(next((choices for choices in found if choices), ()))
    adapted = [_adapted(catalog, rules, profile, number, choices) for choices in found]
    standing = [[exercise for exercise in choices if exercise.id not in rules.floor] for choices in adapted]
    return next((choices for choices in (*standing, *adapted) if choices), [])


def keeps_out(catalog: Catalog, profile: Profile, number: int, exercise: Exercise) -> bool:
    """Whether the chat's plan keeps ``exercise`` out of session ``number`` for a trainee of 60+: a floor move
    (older.toml's ``floor``) or a barbell pull from the floor before ``floor_pulls_from``; never given as a
    swap (``planner.slot_choices``) or in a swap's offer (``swaps.alternatives``) either."""
    rules = _rules(catalog, profile)
    if rules is None:
        return False
    return exercise.id in rules.floor or (
        exercise.id in rules.floor_pulls and number < rules.floor_pulls_from
    )


def _adapted(
    catalog: Catalog, rules: OlderFile, profile: Profile, number: int, allowed: Sequence[Exercise]
) -> list[Exercise]:
    kept: dict[str, Exercise] = {}
    for exercise in allowed:
        if exercise.id in rules.floor_pulls and number < rules.floor_pulls_from:
            continue
        version = catalog.exercises.get(rules.floor.get(exercise.id) or "")
        if version is not None and version.fits_kit(profile.kit) and profile.equipment in version.places:
            exercise = version
        kept.setdefault(exercise.id, exercise)
    return list(kept.values())


class Gentled(Protocol):
    """A prescribed set's rest and effort (``planner.Prescribed``), all a gentle start changes."""

    __dataclass_fields__: ClassVar[dict[str, Any]]

    @property
    def rest_s(self) -> tuple[int, int]: ...

    @property
    def rir(self) -> int: ...

    @property
    def exercise(self) -> Exercise: ...

    @property
    def reps(self) -> tuple[int, int] | None: ...


G = TypeVar("G", bound=Gentled)


def gentle_start(catalog: Catalog, profile: Profile, number: int, items: Sequence[G]) -> list[G]:
    """Session ``number``'s exercises for a gentle start (the planner leaves a deload week's, already easy):
    ``extra_rest_s`` more rest at both ends and ``extra_rir`` more reps in reserve, at most
    ``GENTLE_RIR_MAX``, where the rest rule allows (``_longer``); the sets and reps stay the plan's, so
    progression reads them as always."""
    rules = _rules(catalog, profile)
    if rules is None or number > rules.gentle_sessions:
        return list(items)
    return [
        dataclasses.replace(
            item,
            rest_s=_longer(item, rules.extra_rest_s),
            rir=max(item.rir, min(item.rir + rules.extra_rir, GENTLE_RIR_MAX)),
        )
        for item in items
    ]


def _longer(item: Gentled, extra: int) -> tuple[int, int]:
    """``extra`` seconds more rest, where the rest rule allows it: a 6–8's 2–2.5 min is a coach's exact rest
    (``rests``), already long, and stays."""
    longer = (item.rest_s[0] + extra, item.rest_s[1] + extra)
    if item.reps is not None and rest_problem(item.exercise, item.reps, longer) is not None:
        return item.rest_s
    return longer


def extra_rest(catalog: Catalog, profile: Profile, number: int) -> int:
    """The seconds a gentle start adds to every rest of session ``number`` (0 for anyone else): the rules
    walk allows a beginner's 60–120 s that much longer."""
    rules = _rules(catalog, profile)
    return rules.extra_rest_s if rules is not None and number <= rules.gentle_sessions else 0


def answer_note(catalog: Catalog, bracket: str | None, topic: str | None) -> str | None:
    """The line under an answer of ``topic`` for a chat of ``bracket``: what a 60+ plan already does, for the
    topics it bears on (``answer_topics``); None for anyone else or any other topic."""
    rules = catalog.older
    if rules is None or topic not in rules.answer_topics or not is_older(catalog, bracket):
        return None
    return rules.answer_note


def warmup_lists(catalog: Catalog, profile: Profile) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The warm-up's cardio for the chat's place and its drills: routines.toml's ``[warmup.older]`` for a
    trainee of 60+ (no jumping jacks, nothing on the floor), else its own lists."""
    warmup = catalog.routines.warmup
    lists = warmup.older if profile.older and catalog.older is not None and warmup.older else warmup
    gym = profile.equipment == Equipment.GYM
    return (lists.cardio_gym if gym else lists.cardio_home), lists.drills


def notes(catalog: Catalog, profile: Profile, number: int, deload: bool) -> list[str]:
    """What a session says of the adapting: in the first sessions, that it is adapted and starts gently."""
    rules = _rules(catalog, profile)
    if rules is None or number > max(rules.gentle_sessions, 1):
        return []
    said = [rules.adapted_note]
    if not deload and rules.gentle_sessions:
        said.append(rules.gentle_note.format(sessions=rules.gentle_sessions))
    return said
