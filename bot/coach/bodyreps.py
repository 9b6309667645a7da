"""Rep targets for a move whose load is the body (or a band's help): it cannot add a plate, so its
progress is reps, and a target the trainee cannot reach is one As written logs as done when it was not.

A coach's rule (a strength coach's trial: strict pull-ups 10, 9, 8, 8 were asked "4 × 10–12" on a first
volume day, and band-assisted pull-ups 6, 5 were asked "2×10" twice):

- **Double progression on reps.** Short of the range's top, today asks one rep more than last time's
  weakest set, up to the top, and never the range's bottom for its own sake: 6, 5 on 10–12 is 2×6, not
  2×10. No set is then asked more than a rep or two over what it did (``next_reps``).
- **A first day of its kind** (advanced heavy, moderate, volume) starts from the reps logged on the move,
  not the range: the last session's best set, its logged reps in reserve counted, less the reps in
  reserve the day asks, at most two over its weakest set and at most the top (``first_reps``): 10, 9, 8,
  8 for a volume day's 10–12 with 2 in reserve is 4×8.
- **Far short.** Sets averaging under ``FAR_SHORT`` of the range's bottom (6, 5 for 10–12) are a long
  way from it: the line also suggests the easier version (the ladder's rung below, more help from a
  band, an easier angle) without moving the trainee there (``far_short``).

Pure arithmetic on reps; ``bot.coach.progression`` and ``progression_days`` build prescriptions with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

FAR_SHORT = Fraction(7, 10)
# The most a set is asked over its weakest logged set on a first day of its kind.
MOST_OVER = 2


def next_reps(reps: Sequence[int], rep_range: tuple[int, int]) -> int:
    """Today's target for every set after last time's ``reps`` (short of the top): one over the weakest,
    at least 1, at most the range's top."""
    return max(1, min(rep_range[1], min(reps) + 1))


def first_reps(reps: Sequence[int], in_reserve: Sequence[int | None], asked_rir: int, top: int) -> int:
    """A first day of its kind's target from the last session's ``reps`` (``in_reserve`` each set's logged
    reps in reserve, None when not told, counted as none): the best set's reps to failure less
    ``asked_rir``, at most ``MOST_OVER`` over the weakest set and ``top``, at least 1."""
    to_failure = max(done + (rir or 0) for done, rir in zip(reps, in_reserve, strict=True))
    return max(1, min(top, to_failure - asked_rir, min(reps) + MOST_OVER))


def far_short(reps: Sequence[int], low: int) -> bool:
    """Whether sets of ``reps`` average under ``FAR_SHORT`` of the range's bottom ``low``."""
    return bool(reps) and Fraction(sum(reps), len(reps)) < FAR_SHORT * low
