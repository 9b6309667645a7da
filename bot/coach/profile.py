"""What planning needs to know about a chat, as plain values (``bot.coach.planner`` plans by it)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from bot.coach.catalog import Catalog
from bot.coach.model import Equipment, Level
from bot.coach.trainingdays import weekdays

DEFAULT_PER_WEEK = 2
MAX_PER_WEEK = 7


@dataclass(frozen=True)
class Profile:
    """What planning needs to know about a chat, as plain values."""

    level: Level
    equipment: Equipment
    kit: frozenset[str]
    """Everything the chat can use: the whole gym, or the home kit it ticked (empty = nothing)."""
    per_week: int = DEFAULT_PER_WEEK
    days: frozenset[int] = frozenset()
    """The weekdays it trains on (0 = Monday), /schedule's; none, or not ``per_week`` of them: the ones its
    weekly target is offered (``trainingdays.weekdays``)."""
    swaps: tuple[tuple[str, str], ...] = ()
    """The exercises the chat asked to swap, each with the one it chose in its place (``bot.coach.swaps``):
    the planner gives that one wherever the plan would give the other and allows it."""

    older: bool = False
    """Told an age of 60 or more (``agefit.is_older``): joint-friendly choices, a gentler start."""

    def swapped(self, exercise: str) -> str | None:
        """The exercise the chat chose in place of ``exercise``, None when it swapped nothing for it."""
        return next((new for old, new in self.swaps if old == exercise), None)

    @property
    def weekdays(self) -> frozenset[int]:
        return self.days if len(self.days) == self.per_week else weekdays(0, self.per_week)


def profile_of(
    catalog: Catalog,
    level: str,
    equipment: str,
    kit: str | None,
    per_week: int,
    days: int = 0,
    swaps: str | None = None,
    older: bool = False,
) -> Profile:
    """The profile of a stored chat: ``kit`` is its comma-separated home kit (None: never asked), ``days``
    its ``workout_days`` bit mask (bit 0 = Monday), ``swaps`` its ``chats.swaps`` (``read_swaps``), ``older``
    whether its age bracket is adapted for."""
    owned = frozenset(name for name in (kit or "").split(",") if name)
    place = Equipment(equipment)
    count = max(1, min(MAX_PER_WEEK, per_week))
    chosen = read_swaps(swaps, catalog.exercises)
    kit_owned = catalog.kit_for(place, owned)
    return Profile(Level(level), place, kit_owned, count, weekdays(days, count), chosen, older)


# How ``chats.swaps`` holds a chat's swaps: "face-pull>reverse-pec-deck,lat-pulldown>pull-up".
SWAP_SEPARATOR, SWAPS_SEPARATOR = ">", ","


def read_swaps(stored: str | None, known: Collection[str]) -> tuple[tuple[str, str], ...]:
    """The swaps ``chats.swaps`` holds, each exercise ``known`` (an exercise since renamed or taken out of
    exercises.toml is passed over, not a crash), in a fixed order so equal profiles are equal."""
    pairs = (one.split(SWAP_SEPARATOR) for one in (stored or "").split(SWAPS_SEPARATOR) if one)
    found = {pair[0]: pair[1] for pair in pairs if len(pair) == 2 and pair[0] in known and pair[1] in known}
    return tuple(sorted((old, new) for old, new in found.items() if old != new))


def write_swaps(swaps: Iterable[tuple[str, str]]) -> str | None:
    """``chats.swaps`` for ``swaps``: None for none."""
    written = SWAPS_SEPARATOR.join(f"{old}{SWAP_SEPARATOR}{new}" for old, new in sorted(swaps))
    return written or None
