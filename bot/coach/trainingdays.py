"""How many days a week a new trainee can train, and the weekdays each answer gives them.

Pure: onboarding offers these counts as buttons and stores the weekdays; /schedule picks any others.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterable

# The counts onboarding offers; every level's ``days_a_week`` (routines.toml) is among them (rules.py).
CHOICES: tuple[int, ...] = (2, 3, 4)
# Weekdays (0 = Monday) spread so that a rest day follows each session where the count allows, and the
# weekend stays free: two days rest three days apart, four days pair up around Wednesday.
SPREADS: dict[int, frozenset[int]] = {
    2: frozenset({0, 3}),
    3: frozenset({0, 2, 4}),
    4: frozenset({0, 1, 3, 4}),
}


_SATURDAY = 5


def spread(count: int) -> frozenset[int]:
    """The weekdays a chat training ``count`` days a week gets until it picks its own."""
    return SPREADS[count]


def spread_around(count: int, unavailable: Collection[int]) -> frozenset[int] | None:
    """The weekdays for ``count`` sessions a week where the days in ``unavailable`` can't be trained ("twice a
    week, I work mondays and thursdays"): the count's usual spread where it misses them, else the free days
    spread the most evenly (the shortest rest between sessions, across the weekend too, the longest), with
    the fewest sessions back to back, the fewest weekend days, then the earliest; None where fewer than
    ``count`` days are free."""
    usual = SPREADS[count]
    if not usual & set(unavailable):
        return usual
    free = [day for day in range(7) if day not in unavailable]
    if len(free) < count:
        return None
    best = max(
        itertools.combinations(free, count),
        key=lambda days: (
            min(gaps := [(later - earlier) % 7 or 7 for earlier, later in _cyclic(list(days))]),
            -gaps.count(1),
            -sum(1 for day in days if day >= _SATURDAY),
            [-day for day in days],
        ),
    )
    return frozenset(best)


def weekdays(mask: int, count: int) -> frozenset[int]:
    """The weekdays of a stored ``workout_days`` bit mask (bit 0 = Monday), or, where the mask does not
    hold ``count`` days (never set, or a target told apart from the days), the ones ``count`` is offered:
    onboarding's spread, else the first ``count`` days of the week."""
    days = frozenset(day for day in range(7) if mask >> day & 1)
    if len(days) == count:
        return days
    return SPREADS.get(count, frozenset(range(max(1, min(7, count)))))


def apart(days: Collection[int], count: int) -> tuple[int, ...]:
    """Which of ``days`` (weekdays, 0 = Monday), as places in their week's order from 0, take the week's
    ``count`` sessions of a lift that wants a day off before it comes again (the barbell hinges): the
    earliest that are never on back-to-back days, Sunday to the next Monday included (Mon, Tue, Thu, Fri:
    Mon and Thu). Where the days allow fewer, as many as they do, one at least."""
    ordered = sorted(set(days))
    for size in range(min(count, len(ordered)), 0, -1):
        for chosen in itertools.combinations(range(len(ordered)), size):
            picked = [ordered[at] for at in chosen]
            if size == 1 or all((later - earlier) % 7 > 1 for earlier, later in _cyclic(picked)):
                return chosen
    return (0,)


def week_turns(kinds: int, days: Collection[int], hinges: int) -> tuple[int, ...]:
    """The kind of day (an index into a level's ``kinds`` days, heaviest first) of each place in a training
    week on ``days``, where the days take turns and the week holds each kind (advanced, 3 or more a week):
    the heaviest on the places the week's ``hinges`` barbell hinges go to (``apart``), the others' on the
    rest in turn. Every week then has its heavy deadlift on the same day, a day or more from the next
    hinge: Mon, Tue, Thu, Fri is heavy, volume, moderate, volume (a newcomer trial had three kinds drift
    across four days, Monday's and Tuesday's deadlifts back to back and the heavy one 15 days apart).
    ``()`` where the kinds simply take turns."""
    if kinds < 2 or len(days) < kinds:
        return ()
    turns = dict(zip(apart(days, hinges), range(kinds), strict=False))
    rest = [kind for kind in range(kinds) if kind not in turns.values()] or list(range(kinds))
    others = [place for place in range(len(days)) if place not in turns]
    turns |= {place: rest[at % len(rest)] for at, place in enumerate(others)}
    return tuple(turns[place] for place in range(len(days)))


def _cyclic(days: list[int]) -> Iterable[tuple[int, int]]:
    """Each day with the next, the last with the first (next week's)."""
    return zip(days, [*days[1:], days[0]], strict=True)


def parse_choice(value: str) -> int | None:
    """The count a days button carries, or None for anything onboarding never offered."""
    if value.isascii() and value.isdigit() and int(value) in CHOICES:
        return int(value)
    return None


def count_words(counts: Iterable[int], joiner: str) -> str:
    """ "3", "2 or 3": the counts a level is advised, in order, the last two joined by ``joiner``."""
    ordered = [str(count) for count in sorted(set(counts))]
    if len(ordered) == 1:
        return ordered[0]
    return f"{', '.join(ordered[:-1])} {joiner} {ordered[-1]}"
