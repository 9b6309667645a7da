"""What a lift's name told in words means for /log: the catalog's names read with today's lifts, those that
take a load and the kit told with them ("deadlifts with the 10s" is the dumbbell deadlift), apart from
``bot.coach.logtold``, which writes the sets told as a /log line.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from bot.coach.kitwords import kit_said
from bot.coach.lognames import Names, exercise_named, fits, index, name_key
from bot.coach.logparse import PART, ParsedLog, parse_log

# The words of a name that say what it is done with: a lift named with one is done with no other kit ("the
# 10s on the rows" is no seated cable row).
KIT_WORDS = frozenset({"dumbbell", "barbell", "cable", "machine", "band", "backpack", "towel", "kettlebell"})


def kit_fits(exercise: str, kit: Collection[str], exercises: Sequence[Names]) -> bool:
    """Whether ``exercise`` may be done with the ``kit`` told ("dumbbell" for "the 10s"): a name of it says
    that kit, or none says another (the rear-delt fly, done with dumbbells, names none)."""
    words = {word for name in index(tuple(exercises)).get(exercise, ()) for word in name.split()}
    return bool(words & set(kit)) or not words & (KIT_WORDS - set(kit))


@dataclass(frozen=True)
class Lifts:
    """What a name told means: the catalog's ``exercises``, today's lifts (``prefer``: "rows" is today's
    row), those that take a load (``loaded``: "rows with 40kg" is today's loaded row, not its inverted
    row; None: any may), the holds and those a counterweight helps (``helped``), as /log has them, and the
    preferences after ``prefer`` where it holds none or several (``then``: the rest of today's session, then
    each lift logged, the most recent first)."""

    exercises: Sequence[Names]
    prefer: Collection[str] = ()
    loaded: Collection[str] | None = None
    holds: Collection[str] = ()
    helped: Collection[str] = ()
    barbells: Collection[str] = ()
    then: Sequence[Collection[str]] = ()

    def named(self, lowered: str, *, weighted: bool) -> str | None:
        """The name told, read with today's lifts and the kit told: "the 10s on the rows" is today's dumbbell
        row, never its seated cable row (a newcomer trial's was)."""
        kit = kit_said(lowered)
        tiers = [self.prefer, *self.then]
        if weighted and self.loaded is not None:
            tiers = [[ex for ex in tier if ex in self.loaded] for tier in tiers]
        if kit:
            tiers = [[ex for ex in tier if kit_fits(ex, kit, self.exercises)] for tier in tiers]
        name = exercise_named(lowered, self.exercises, prefer=tiers[0], then=tiers[1:])
        return None if name is None else self.with_kit(name, kit)

    def with_kit(self, name: str, kit: Collection[str]) -> str:
        """The name narrowed by the kit told with it ("deadlift" with dumbbells: "dumbbell deadlift", which
        only the dumbbell RDLs fit), when some exercise's name has both."""
        words = name_key(name).split()
        for said in kit:
            wider = f"{said} {name}"
            if said not in words and any(fits(wider, self.exercises, ex.id) for ex in self.exercises):
                return wider
        return name

    def contradicted(self, line: str, kit: Collection[str], unit: str | None) -> bool:
        """Whether a /log line reads as a lift the kit told rules out: a barbell lift told with dumbbells."""
        pieces = line.split(PART) if "dumbbell" in kit else []
        read = [
            parse_log(one, self.exercises, unit=unit or "kg", prefer=self.prefer, loaded=self.loaded)
            for one in pieces
        ]
        return any(isinstance(one, ParsedLog) and one.exercise in self.barbells for one in read)
