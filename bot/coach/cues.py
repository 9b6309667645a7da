"""What an exercise's cue says, checked when ``exercises.toml`` loads, and which cue a chat's kit reads.

The cue is what the trainee reads under a move on /workout and when asking what it is ("what's a band
pulldown?"), so it is held to the catalog's facts: a cue that bends the trainee over at the hips is a
``bent_over`` move the lower back's caution keeps out, one that lifts the chest face down a
``back_extension``, one that hangs from a bar a move that ``hangs``. And it must fit the kit of every chat
the move is planned for: a newcomer trial without a pull-up bar read "looped round a pull-up bar" under her
kneeling band pulldown. A cue names no home kit item the move does not need (``KIT_CUE``); where such an
item helps those who own it, its words are a cue of their own, ``cue_with``, read by a chat that has it
(``catalog.Exercise.cue_for``).

Pure: the catalog passes each exercise in; nothing here reads a file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.coach.catalog import Exercise

# How a cue tells the trainee to bend over at the hips ("Hinge forward with a flat back", "bent over"):
# such a move is ``bent_over`` (checked at start-up), whatever its pattern says.
BENT_OVER_CUE = re.compile(
    r"\bhing(?:e|ing)\b|\bbent[- ]over\b|\b(?:bend|bent|lean)\s+forward\b", re.IGNORECASE
)
# How a cue tells the trainee to lift the chest while lying face down (a prone cobra: "Face down, lift chest
# and arms just off the floor"): the lower back's muscles hold that arch, so such a move is
# ``back_extension`` (checked at start-up). A face-down move that lifts only the arms is not one.
BACK_EXTENSION_CUE = re.compile(
    r"\bface down\b.*\b(?:lift|raise|arch)\s+(?:up\s+)?(?:your\s+|the\s+)?chest\b", re.IGNORECASE
)
# How a cue hangs the trainee from a bar overhead ("Hang with straight arms", "a dead hang"): ``hangs``.
# Hanging under a low bar (an inverted row) is a row's.
HANG_CUE = re.compile(r"\bdead hang\b|\bhang(?:s|ing)?\s+(?:from|with straight arms)\b", re.IGNORECASE)
# How a cue starts a move with the arms overhead to pull down from there (the straight-arm pulldown):
# ``from_overhead``. Lying face down with the arms overhead (a floor slide) is no pull from overhead.
FROM_OVERHEAD_CUE = re.compile(r"\bstart\w*\s+with\s+(?:your\s+|the\s+)?arms\s+overhead\b", re.IGNORECASE)
# The words a cue names a home kit item by, as the thing it is done with ("looped round a pull-up bar"): the
# bar of a barbell, a lat pulldown or an inverted row is none of them.
KIT_CUE: Mapping[str, re.Pattern[str]] = {
    "bar": re.compile(r"\b(?:pull|chin)[- ]?up bars?\b", re.IGNORECASE),
    "low-bar": re.compile(r"\blow bar\b|\brings\b", re.IGNORECASE),
    "bands": re.compile(r"\bbands?\b", re.IGNORECASE),
    "load": re.compile(r"\bbackpack\b", re.IGNORECASE),
    "dumbbells": re.compile(r"\bdumbbells?\b", re.IGNORECASE),
}


def problem(exercise: Exercise) -> str | None:
    """What is wrong with ``exercise``'s cues (its ``cue`` and each of ``cue_with``), said from the key at
    fault on ("bent_over: false, but its cue says …"); None when nothing is."""
    owned = exercise.needs | exercise.needs_one_of
    for item, _ in exercise.cue_with:
        if item in owned:
            return f"cue_with.{item}: it needs {item}, so its cue names it for everyone"
    for key, cue in [("cue", exercise.cue), *((f"cue_with.{k}", v) for k, v in exercise.cue_with)]:
        allowed = owned | {key.removeprefix("cue_with.")}
        if extra := [item for item, words in KIT_CUE.items() if item not in allowed and words.search(cue)]:
            # A chat without it would read it: such words go under cue_with, and the cue fits every kit.
            return f"{key} names {', '.join(extra)}, which it does not need: say it under cue_with.{extra[0]}"
        if said := _held_to(exercise, key, cue):
            return said
    return None


def _held_to(exercise: Exercise, key: str, cue: str) -> str | None:
    """The flag ``cue`` (``key``) contradicts, ``bent_over``, ``back_extension``, ``hangs`` or
    ``from_overhead``, and how."""
    if exercise.pattern != "hinge" and exercise.bent_over != bool(BENT_OVER_CUE.search(cue)):
        # One that bends them over a move the cautions would keep in the plan (or the reverse) is a row the
        # lower back's caution misses.
        said = "does not say" if exercise.bent_over else "says"
        flag = str(exercise.bent_over).lower()
        return f"bent_over: {flag}, but its {key} {said} it is done bent over (hinge forward, bent over)"
    if exercise.back_extension != bool(BACK_EXTENSION_CUE.search(cue)):
        # A face-down chest lift under a move the lower back's caution would keep is a back extension missed.
        said = "does not say" if exercise.back_extension else "says"
        flag = str(exercise.back_extension).lower()
        return f"back_extension: {flag}, but its {key} {said} it lifts the chest face down"
    if exercise.pattern != "vertical-pull" and exercise.hangs != bool(HANG_CUE.search(cue)):
        return f"hangs: {str(exercise.hangs).lower()}, but its {key} says otherwise"
    if exercise.pattern != "vertical-pull" and exercise.from_overhead != bool(FROM_OVERHEAD_CUE.search(cue)):
        return f"from_overhead: {str(exercise.from_overhead).lower()}, but its {key} says otherwise"
    return None
