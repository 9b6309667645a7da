"""Going heavier on a pair of dumbbells: a real step up, and more reps first where that step is a big one.

Dumbbells come in fixed sizes, so a pair's load is never "a little more": 12 kg each hand on a 2.5 kg step is
not followed by 12.5 kg, a dumbbell few racks have and a fifth of a step (a newcomer trial), but by the next
dumbbell of the rack those 12 kg come from (``next_pair``). The chat's step is a plate step; a rack's is
read off the pair lifted: the chat's own where the pair is on it and it is a dumbbell's step (2.5 kg on
12.5 kg, or 2 kg where /units said so), else the usual rack step it is on (12 kg: 2 kg, so 14 kg).
On light dumbbells that step is a big share of the load: 12 → 14 kg is 17 % heavier, where ACSM's progression
adds 2–10 % a session, and the bottom of an 8–12 range at the new pair takes about what 15 reps did at the
old one. A strength coach then has the trainee earn the jump with reps before taking it (double progression,
the range stretched at its top): the same pair, a rep more a set, until every set reaches the reps Epley says
make the heavier pair doable for the bottom of the range at the same effort, capped at ``most_reps`` so a set
stays a strength set; then the next pair at the bottom of the range (``reps_first``). A step of 10 % or less
goes up at once, as any load.

**At home** the rack is the trainee's own: a pair they never logged is one they may not own (a newcomer
trial's plan said 7.5 kg each hand to a trainee with one pair of 6 kg dumbbells). Its reps go up to
``most_reps`` before it, whatever the jump (``pair_aim``), and then ``progression`` keeps the pair, lowered
slower, until a heavier one is logged.

Pure arithmetic on exact decimals; ``bot.coach.progression`` applies it to a lift whose ``Plan.pair`` says its
load is one dumbbell's.
"""

from __future__ import annotations

import math
from decimal import ROUND_CEILING, Decimal
from fractions import Fraction

# ACSM 2009: load rises 2–10 % a session. A pair more than this heavier than the last is earned with reps.
BIG_JUMP = Decimal("0.10")
# Epley: a rep more to failure is worth a thirtieth of the one-rep max.
EPLEY = Decimal(30)
# The reps first never run further over the range's top than its width, nor less than this.
MIN_EXTRA = 3
# The steps dumbbell racks go up in, coarsest first: 2.5 kg (12.5, 15, 17.5 …), 2 kg (8, 10, 12, 14 …), 1 kg
# (adjustable handles, light sets). A plate step finer than these (1.25 kg) is no dumbbell's.
RACK_STEPS = (Decimal("2.5"), Decimal(2), Decimal(1))


def rack_step(load: Decimal, step: Decimal) -> Decimal | None:
    """The step of the rack a pair of ``load`` comes from: the chat's ``step`` where ``load`` is on it and it
    is a dumbbell's (one of ``RACK_STEPS``, or coarser), else the first of ``RACK_STEPS`` ``load`` is on;
    None for a load on none (45.4 kg, 100 lb converted), whose rack is not known."""
    own = (step,) if step >= RACK_STEPS[0] or step in RACK_STEPS else ()
    return next((rack for rack in (*own, *RACK_STEPS) if load % rack == 0), None)


def next_pair(load: Decimal, step: Decimal) -> Decimal | None:
    """The next pair up from ``load``, a whole step of its rack (``rack_step``): 12 → 14 kg and 12.5 → 15 kg
    on a 2.5 kg step, never 12 → 12.5 kg; None where the rack is not known."""
    rack = rack_step(load, step)
    return None if rack is None else load + rack


def jump(load: Decimal, heavier: Decimal) -> Decimal:
    """How much heavier ``heavier`` is, as a share of ``load`` (0.25 for 25 %)."""
    return (heavier - load) / load


def most_reps(rep_range: tuple[int, int]) -> int:
    """The most reps a set at the old pair is asked for before the next: the range's top and its width
    again, ``MIN_EXTRA`` at least (8–12: 16; 10–12: 15)."""
    low, high = rep_range
    return high + max(MIN_EXTRA, high - low)


def reps_first(load: Decimal, heavier: Decimal, rep_range: tuple[int, int], rir: int) -> int | None:
    """The reps every set at ``load`` should reach before the pair at ``heavier`` is taken for the range's
    bottom with ``rir`` in reserve, or None where the step is no big jump (``BIG_JUMP``) or the range's top
    already earns it. Between the top's next rep and ``most_reps``."""
    low, high = rep_range
    if load <= 0 or jump(load, heavier) <= BIG_JUMP:
        return None
    # Epley at the same effort: (30 + reps + rir) × load = (30 + low + rir) × heavier.
    # In exact fractions: a Decimal quotient rounds (8/7 × 42 came out a hair over 48: one rep too many).
    aim = math.ceil(Fraction(heavier) * int(EPLEY + low + rir) / Fraction(load)) - int(EPLEY) - rir
    return None if aim <= high else min(aim, most_reps(rep_range))


def unowned(heavier: Decimal, pairs: frozenset[float] | None) -> bool:
    """Whether ``heavier`` is a home pair not among ``pairs``, the pairs the chat logged (None: a gym's rack,
    which has every size)."""
    return pairs is not None and heavier not in {Decimal(str(pair)) for pair in pairs}


def pair_aim(
    load: Decimal, heavier: Decimal, rep_range: tuple[int, int], rir: int, pairs: frozenset[float] | None
) -> int | None:
    """The reps every set at ``load`` reaches before the next pair, ``heavier``: ``most_reps`` where that pair
    may not be owned (``unowned``), else what earns a big jump (``reps_first``, None for a small one)."""
    return most_reps(rep_range) if unowned(heavier, pairs) else reps_first(load, heavier, rep_range, rir)


def pair_moved(load: Decimal, steps: int, step: Decimal, pairs: frozenset[float] | None) -> Decimal | None:
    """The pair ``steps`` sizes from ``load`` (up, or down for a negative number), as ✏️ Adjust's ± buttons
    move a dumbbell lift: at home through the pairs owned (``pairs``, the load itself among them), at a gym
    through the rack ``load`` comes from (``rack_step``: 12 kg ± 1 is 14 or 10 kg, never 14.5 or 9.5 on a
    2.5 kg plate step). None past the last pair owned, down to no load, or where the rack is not known."""
    if pairs is not None:
        owned = sorted({Decimal(str(pair)) for pair in pairs} | {load})
        at = owned.index(load) + steps
        return owned[at] if 0 <= at < len(owned) else None
    rack = rack_step(load, step)
    moved = None if rack is None else load + steps * rack
    return moved if moved is not None and moved > 0 else None


def pair_steps(
    load: Decimal, step: Decimal, pairs: frozenset[float] | None, most: int
) -> tuple[int, int] | None:
    """How many sizes down and up from ``load`` ``pair_moved`` finds a pair, each ``most`` at the most (the
    down count negative); None where the rack is not known, and the chat's plate step is all there is."""
    if pairs is not None:
        owned = {Decimal(str(pair)) for pair in pairs}
        below, above = sum(pair < load for pair in owned), sum(pair > load for pair in owned)
        return -min(below, most), min(above, most)
    rack = rack_step(load, step)
    if rack is None:
        return None
    below = int((load / rack).to_integral_value(ROUND_CEILING)) - 1
    return -min(below, most), most
