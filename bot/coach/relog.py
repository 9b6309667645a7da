"""Whether a /log of a lift already logged that day looks like the same work sent again (a duplicate
message, a typo fixed and sent whole): then the trainee is asked ➕ Add / 🔁 Replace rather than the day
showing six sets where three were done (``bot.handlers.relog``).

Pure: plain sets in, a yes or no out.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.coach.model import SetDone

# "About as many sets": a set more or fewer is still the same work told again (a set forgotten the first
# time, or one the typo fix drops); two more is a second round of the lift.
SETS_APART = 1


def same_work(earlier: Sequence[SetDone], new: Sequence[SetDone]) -> bool:
    """Whether ``new`` looks like ``earlier`` (the lift's sets logged that day, in the same unit) again:
    about as many sets, and a load among them already logged (for a bodyweight move or a hold, no load on
    both and as many sets). A new load is new work, a heavier top set say, and is added to as ever."""
    fewer, more = sorted((len(earlier), len(new)))
    # A set more or fewer is "about as many" from two sets up: one set after two is a set added. Without a
    # load on either, nothing else says it is the same work: as many sets it must be (a band row's 2×12,
    # then 3×10, is more rows).
    loadless = all(done.load is None for done in [*earlier, *new])
    if not fewer or more - fewer > (SETS_APART if fewer > 1 and not loadless else 0):
        return False
    loads = {_load(done.load) for done in earlier}
    return any(_load(done.load) in loads for done in new)


def _load(load: float | None) -> float | None:
    # Converted loads carry float noise (35 kg read back from pounds): to the hundredth a load is stored at.
    return None if load is None else round(load, 2)
