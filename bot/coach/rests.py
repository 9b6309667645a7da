"""How long a set rests, by the range it is chosen by and what is lifted: the rule the planner applies
over a routine's own rest and the rules walk checks every session against.

ACSM 2009 (shared/DESIGN.md) gives heavy sets 2–3 minutes and more, lighter ones 1–2; a range is judged by
its top, the load it is chosen by:

- **Heavy** (top ``HEAVY_REPS`` or fewer: 3–5, 4–6): at least ``HEAVY_REST_S`` (3–3.5 min), whatever the
  day's rest.
- **Moderate** (top up to ``MODERATE_REPS``: 6–8): 2–2.5 min (``MODERATE_REST_S``) for a pull or a
  dumbbell hinge, a barbell hinge (the deadlift, a barbell Romanian deadlift) keeping about 3 min
  (``HEAVY_REST_S``): it loads the whole back and legs at once. An intermediate's session of three 6–8
  main lifts at 3–3.5 min each ran 65–70 min (a coach's trial); at 2–2.5 min it is about an hour.
- **Lighter**: the routine's own rest (``routines.toml``: 1–2 min).
- **A deload week's sets**, whatever their reps, rest like light work: at most ``DELOAD_REST_S``
  (60–90 s), a barbell hinge at most ``DELOAD_HINGE_REST_S`` (2 min). At about four reps in reserve a
  set of 3 or 6 is easy, so the heavy rule's 3–3.5 min (there to recover from hard sets) only makes an
  easy week's sessions long (a coach's trial: a deload 2×6 chin-up resting 3–3.5 min).

Pure: no Telegram, no database.
"""

from __future__ import annotations

from bot.coach.catalog import Exercise

# A range whose top is this many reps or fewer (3–5, 4–6) is heavy and rests at least HEAVY_REST_S
# seconds; 6–8 is chosen by its 8, not its 6.
HEAVY_REPS = 6
HEAVY_REST_S = 180
# A range whose top is above HEAVY_REPS and at most this (6–8) is moderate: MODERATE_REST_S, but a
# barbell hinge's heavy rest.
MODERATE_REPS = 8
MODERATE_REST_S = (120, 150)
# A deload week's sets are easy (about four in reserve), so they rest like the lighter work ACSM gives
# 1–2 min: a pull, a dumbbell or machine hinge, anything else 60–90 s, as an accessory's 10–12 does. A
# barbell hinge keeps 2 min: however light, it loads the whole back and legs and is set up from the floor.
DELOAD_REST_S = (60, 90)
DELOAD_HINGE_REST_S = (120, 120)


def heavy_hinge(exercise: Exercise) -> bool:
    """A barbell hinge (the deadlift, a barbell Romanian deadlift): 6–8 of it rests like heavy sets."""
    return exercise.barbell and exercise.pattern == "hinge"


def deload_rest(exercise: Exercise) -> tuple[int, int]:
    """The longest rest of ``exercise``'s sets in a deload week."""
    return DELOAD_HINGE_REST_S if heavy_hinge(exercise) else DELOAD_REST_S


def rest_for(
    exercise: Exercise, reps: tuple[int, int], rest: tuple[int, int], deload: bool = False
) -> tuple[int, int]:
    """The rest of ``exercise``'s sets of ``reps``, from the routine's ``rest`` for them (the module
    docstring has the rule): raised for heavy sets, and a moderate range's 2–2.5 min for all but a barbell
    hinge; in a deload week (``deload``), the routine's rest cut to the deload's, never lengthened."""
    low, high = rest
    if deload:
        most_low, most_high = deload_rest(exercise)
        return min(low, most_low), min(high, most_high)
    top = reps[1]
    if top <= HEAVY_REPS or (top <= MODERATE_REPS and heavy_hinge(exercise)):
        return max(low, HEAVY_REST_S), max(high, HEAVY_REST_S + 30)
    if top <= MODERATE_REPS:
        return MODERATE_REST_S
    return low, high


def rest_problem(
    exercise: Exercise, reps: tuple[int, int], rest: tuple[int, int], deload: bool = False
) -> str | None:
    """What is wrong with resting ``rest`` between sets of ``reps`` of ``exercise`` by the rule (in a
    deload week with ``deload``), or None."""
    if deload:
        most = deload_rest(exercise)[1]
        if rest[1] > most:
            return f"{exercise.id}: a deload week's sets rest {rest[0]}–{rest[1]} s; at most {most} s"
        return None
    top = reps[1]
    shown = f"{reps[0]}–{reps[1]}"
    if (top <= HEAVY_REPS or (top <= MODERATE_REPS and heavy_hinge(exercise))) and rest[0] < HEAVY_REST_S:
        return f"{exercise.id}: sets of {shown} reps rest {rest[0]} s; give them 3 min"
    if HEAVY_REPS < top <= MODERATE_REPS and not heavy_hinge(exercise) and rest != MODERATE_REST_S:
        low, high = MODERATE_REST_S
        return f"{exercise.id}: sets of {shown} reps rest {rest[0]}–{rest[1]} s; give them {low}–{high} s"
    return None
