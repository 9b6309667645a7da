"""What planning needs to know about a chat, as plain values (``bot.coach.planner`` plans by it)."""

from __future__ import annotations

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
    older: bool = False
    """Told an age of 60 or more (``agefit.is_older``): joint-friendly choices, a gentler start."""

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
    older: bool = False,
) -> Profile:
    """The profile of a stored chat: ``kit`` is its comma-separated home kit (None: never asked), ``days``
    its ``workout_days`` bit mask (bit 0 = Monday), ``older`` whether its age bracket is adapted for."""
    owned = frozenset(name for name in (kit or "").split(",") if name)
    place = Equipment(equipment)
    count = max(1, min(MAX_PER_WEEK, per_week))
    return Profile(Level(level), place, catalog.kit_for(place, owned), count, weekdays(days, count), older)
