"""A session's warm-up list: cardio, the drills of the day, a hinge drill before a hinge and the ramp-up.

The drills rotate through routines.toml's list (``agefit.warmup_lists``: the 60+ list for a trainee of 60+)
by the session's number. A drill that is the move the chat swapped away (a 68-year-old swapped the wall
slide for the standing Y-T-W raise and still met "10 wall slides" in the warm-up) is passed over: the
trainee asked never to do it, and the list has other drills that loosen the same shoulders. Pure.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.coach import agefit
from bot.coach.catalog import Catalog, Exercise
from bot.coach.profile import Profile


def warmup(catalog: Catalog, profile: Profile, number: int, exercises: Sequence[Exercise]) -> tuple[str, ...]:
    """Session ``number``'s warm-up before ``exercises`` (the session's, first lift first)."""
    warmup = catalog.routines.warmup
    cardio, listed = agefit.warmup_lists(catalog, profile)
    listed = tuple(drill for drill in listed if not swapped_away(catalog, profile, drill)) or listed
    drills = [
        listed[(number * warmup.drills_per_session + offset) % len(listed)]
        for offset in range(warmup.drills_per_session)
    ]
    result = [cardio[number % len(cardio)], *dict.fromkeys(drills)]
    if any(exercise.pattern == "hinge" for exercise in exercises):
        result.append(warmup.hinge_drill)
    loaded = bool(exercises) and exercises[0].kind == "load"
    result.append(warmup.ramp_up_load if loaded else warmup.ramp_up_bodyweight)
    return tuple(result)


def swapped_away(catalog: Catalog, profile: Profile, drill: str) -> bool:
    """Whether ``drill`` is a move the chat swapped away: it names the exercise by its short name ("10 wall
    slides, …" the wall slide's "wall slide")."""
    said = drill.casefold()
    return any(catalog.exercises[old].short.casefold() in said for old, _new in profile.swaps)
