"""Warm-up sets that ramp into a heavy main lift: "bar × 8, 60 × 5, 90 × 3, 120 × 2, 135 × 1" before 150 × 5.

The general warm-up readies the body; these ready the lift. A coach ramps in percentages of the day's
working load, rounded to the chat's plate step, the reps falling as the load climbs so the warm-up tires
nothing: for a barbell the empty bar first, then about 40, 60, 80 and 90 %. A set too close to the one
before it (less than a plate jump: ``MIN_JUMP`` on a barbell, a tenth of the working load elsewhere) says
nothing new and is left out, so a lighter load gets fewer sets; a load near the empty bar, or light for its
implement (``HEAVY``), gets none, nor does a band or bodyweight move (the general warm-up's easy sets do).

Only the session's first ramped lift needs the whole ramp. A later lift of a pattern already warm gets one
feeler set (``LATER``), and so does the first lift of a new pattern once a ramp has warmed the body
(``FEELER``): after five sets into a heavy deadlift, a pulldown needs a groove, not a second warm-up, and
two more ramps of two sets would add some six minutes to the session for nothing. A session cut short
(/workout 20) ramps only its first lift, a barbell in two sets (``SHORT``: the bar and the small jumps
dropped), the others not at all: those sets are the warm-up's "1–2 easy sets of your first exercise", inside
its minutes, so a cut never runs over its budget.

A deload day's sets are light and easy, so is its ramp (``light``): the bar, about 50 % × 5 and 75 % × 3 on
a barbell, one set of about 60 % × 6 on a stack or dumbbells, never a single near a working load that is
itself far from a max (a newcomer trial got "bar × 8, 37.5 × 5, 57.5 × 3, 75 × 2, 85 × 1" before easy sets
of 6 at 95 kg). Later lifts keep their one set.

Pure: loads in, sets out. The time the sets take is ``seconds``, added to the session's estimate.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.coach.catalog import Exercise
from bot.coach.progress_text import format_load

# The empty Olympic bar, in the units a gym's plates come in.
BAR = {"kg": 20.0, "lb": 45.0}
# The smallest jump worth a warm-up set on a barbell: a pair of 5 kg (10 lb) plates.
MIN_JUMP = {"kg": 10.0, "lb": 20.0}
# Elsewhere a set must be this share of the working load above the one before it.
MIN_SHARE = 0.1
Scheme = tuple[tuple[float, int], ...]
# (load share, reps): the classic ramp, reps falling as the load climbs.
BARBELL: Scheme = ((0.4, 5), (0.6, 3), (0.8, 2), (0.9, 1))
BAR_REPS = 8
# Dumbbells and cable or machine stacks start light without a bar: two sets are the ramp.
STACK: Scheme = ((0.5, 8), (0.75, 4))
SHORT: Scheme = ((0.5, 5), (0.8, 2))
# A deload day's first ramp: fewer, lighter steps before easy sets.
LIGHT_BARBELL: Scheme = ((0.5, 5), (0.75, 3))
LIGHT_STACK: Scheme = ((0.6, 6),)
LATER: Scheme = ((0.7, 3),)
FEELER: Scheme = ((0.6, 5),)
# The working load from which a lift needs ramping: twice the empty bar for a barbell, a pair of dumbbells
# as heavy as the bar (each hand's load), a stack as heavy as two bars.
HEAVY = {
    "barbell": {"kg": 40.0, "lb": 90.0},
    "dumbbell": {"kg": 20.0, "lb": 45.0},
    "stack": {"kg": 40.0, "lb": 90.0},
}
# A warm-up set's time: set up as for a working set (``sessiontime.SETUP_SECONDS``), the reps, and the short
# rest a plate change takes: a warm-up set tires nothing to recover from.
SETUP_SECONDS = 20
SECONDS_PER_REP = 3
REST_SECONDS = 45


class Implement(StrEnum):
    BARBELL = "barbell"
    DUMBBELL = "dumbbell"
    STACK = "stack"  # a cable or a machine


@dataclass(frozen=True)
class WarmSet:
    load: float | None
    """None: the empty bar."""
    reps: int


def ramp(
    working: float,
    implement: Implement,
    unit: str,
    step: float,
    *,
    first: bool = True,
    short: bool = False,
    warm: bool = False,
    light: bool = False,
) -> tuple[WarmSet, ...]:
    """The warm-up sets before a working load of ``working`` (in ``unit``, rounded to ``step``): the whole
    ramp for the ``first`` lift of its pattern in a session not ``warm`` from an earlier ramp (a deload
    day's, ``light``, shorter), one set otherwise, two for a barbell in a ``short`` session; none below
    ``HEAVY``."""
    if working < HEAVY[implement][unit]:
        return ()
    barbell = implement == Implement.BARBELL
    if not first:
        scheme = LATER
    elif warm:
        scheme = FEELER
    elif short and barbell:
        scheme = SHORT
    elif light:
        scheme = LIGHT_BARBELL if barbell else LIGHT_STACK
    else:
        scheme = BARBELL if barbell else STACK
    cents = _cents(step)
    top = _cents(working)
    jump = _cents(MIN_JUMP[unit]) if barbell else max(cents, round(top * MIN_SHARE))
    bar = _cents(BAR[unit])
    bare = barbell and first and not short and not warm
    loads: list[int] = []
    last = bar if bare else 0
    for share, _ in scheme:
        load = _round(top * share, cents)
        # Above the bar and the set before by a jump worth making, and below the working load by one too.
        if load >= max(last + jump, bar if barbell else cents) and load <= top - max(cents, jump // 2):
            loads.append(load)
            last = load
    # Fewer sets keep the scheme's first reps: the lightest set kept is the one with the most.
    sets = [
        WarmSet(None if load == bar and barbell else load / 100, reps)
        for load, (_, reps) in zip(loads, scheme, strict=False)
    ]
    return (WarmSet(None, BAR_REPS), *sets) if bare else tuple(sets)


def implement_of(exercise: Exercise) -> Implement | None:
    """What a lift is loaded with, for its ramp; None for a lift that gets none: a band or bodyweight move,
    a load added to bodyweight (the weighted pull-up warms up on plain ones), a backpack at home, an
    assisted machine's counterweight, a single-joint accessory."""
    if exercise.kind != "load" or not exercise.multi_joint:
        return None
    if exercise.added_load or exercise.backpack or exercise.counterweight:
        return None
    if exercise.barbell:
        return Implement.BARBELL
    if "dumbbells" in exercise.needs:
        return Implement.DUMBBELL
    if exercise.needs & {"cable", "machine"}:
        return Implement.STACK
    return None


def session_ramps(
    lifts: Sequence[tuple[Exercise, float | None]],
    unit: str,
    step: float,
    *,
    short: bool = False,
    light: bool = False,
) -> list[tuple[WarmSet, ...]]:
    """Each lift's ramp, in order, for a session's lifts in order with their working loads (None: no load
    known, or not a lift to ramp): the whole ramp for the first lift ramped, one set for every later one,
    since the body is warm by then (``FEELER``; ``LATER`` for a pattern already worked, which a lift before
    it with no ramp warmed too). A ``short`` session ramps its first lift alone; a deload day's (``light``)
    first ramp is the light one."""
    warm: set[str] = set()
    ramped = False
    ramps: list[tuple[WarmSet, ...]] = []
    for exercise, load in lifts:
        implement = implement_of(exercise)
        first = exercise.pattern not in warm
        if load is None or implement is None or (short and warm):
            ramps.append(())
        else:
            sets = ramp(load, implement, unit, step, first=first, short=short, warm=ramped, light=light)
            ramps.append(sets)
            ramped = ramped or bool(ramps[-1])
        warm.add(exercise.pattern)
    return ramps


def describe(sets: Sequence[WarmSet], unit: str, bar: str = "bar") -> str:
    """ "bar × 8, 60 × 5, 90 × 3": the load without its unit (the line names it once), the bar by name."""
    return ", ".join(
        f"{bar if s.load is None else format_load(s.load, unit).removesuffix(' ' + unit)} × {s.reps}"
        for s in sets
    )


def total_seconds(ramps: Iterable[Sequence[WarmSet]]) -> float:
    return sum(seconds(sets) for sets in ramps)


def seconds(sets: Sequence[WarmSet]) -> float:
    """How long the sets take, for the session's time estimate."""
    return sum(SETUP_SECONDS + s.reps * SECONDS_PER_REP + REST_SECONDS for s in sets)


def _cents(load: float) -> int:
    # Steps are in hundredths at most (/units), so whole hundredths keep the arithmetic exact.
    return round(load * 100)


def _round(cents: float, step: int) -> int:
    """To the nearest multiple of ``step`` hundredths, halves down: a warm-up errs light."""
    below = int(cents // step) * step
    return below + step if cents - below > step / 2 else below
