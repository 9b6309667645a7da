"""How many days a week a new trainee can train, and the weekdays each answer gives them.

Pure: onboarding offers these counts as buttons and stores the weekdays; /schedule picks any others.
"""

from __future__ import annotations

from collections.abc import Iterable

# The counts onboarding offers; every level's ``days_a_week`` (routines.toml) is among them (rules.py).
CHOICES: tuple[int, ...] = (2, 3, 4)
# Weekdays (0 = Monday) spread so that a rest day follows each session where the count allows, and the
# weekend stays free: two days rest three days apart, four days pair up around Wednesday.
SPREADS: dict[int, frozenset[int]] = {
    2: frozenset({0, 3}),
    3: frozenset({0, 2, 4}),
    4: frozenset({0, 1, 3, 4}),
}


def spread(count: int) -> frozenset[int]:
    """The weekdays a chat training ``count`` days a week gets until it picks its own."""
    return SPREADS[count]


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
