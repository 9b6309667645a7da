"""A home load's or a dumbbell accessory's prescription at the load last logged.

A backpack or a dumbbell weighs what it weighs: 8 kg stays 8 kg, never 7.5 kg on a 2.5 kg step, and going
heavier /workout says to add a little (or take the next dumbbell up) while the sets keep the load known.
Its heavier step is a size the rack or the backpack decides, so /workout names no number for it and As
written has to ask what was lifted. After a break that advice is stale (a coach's trial had a rear-delt
fly told "take the next dumbbell up from 10 kg" from a session three weeks back): every lift then holds
(``comeback.after_break``), these at the load last lifted, named, so As written logs it as shown and asks
nothing. Pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot.coach.model import SetDone
from bot.coach.progression import Prescription, Reason

# The reasons a home load is kept as last logged: holding it, or going heavier by "a little more in the
# backpack" rather than by a step of plates it has none of.
HOME_KEEPS = frozenset((Reason.ADD_REP, Reason.REPEAT, Reason.ADD_LOAD, Reason.PAST_TOP))


def as_loaded(prescription: Prescription, last: Sequence[SetDone]) -> Prescription:
    """The prescription at the load last logged (``last``'s heaviest) where the rule keeps or adds to it."""
    loads = [done.load for done in last if done.load]
    if prescription.reason not in HOME_KEEPS or not loads or prescription.load is None:
        return prescription
    return replace(prescription, load=max(loads))


def weeks_ago(days: int) -> int:
    """Whole weeks, as a line says them: 15 days is "2 weeks", at least 1."""
    return max(1, days // 7)
