"""The rung a secondary lift is prescribed at when the member has already done a harder one well.

The planner rotates the secondary slot through a pattern's variations by the session's number, without the
member's log (a group's members share one plan). A rotation that lands on an easier rung of a ladder than
one the member has shown (slow negatives after 8, 7, 6 strict pull-ups and 3×8 chin-ups) is a step back,
not variety: a coach gives the rung they have shown. So the member's target for that slot is the highest
rung they have done well, or the next harder one where that rung is already a main lift of the session (a
lift twice in one day would read as one session of twice the sets), and only one the chat's kit and level
allow; with none, the planned variation stands. ``sessionlog.targets`` prescribes the rung from its own log.

"Done well": a session with as many sets as the slot asks (three at most), each of at least the slot's
bottom rep or ``SHOWN_REPS``, whichever is fewer (``progression.done_well``). A move ranked as a rung (a
chin-up as a pull-up, ``ranks_as``) shows that rung.

A main lift is the block's, not raised here; its own rule keeps a rung done well: ``progression`` never steps
a bodyweight rung down when its last session did it well (an advanced volume day's strict pull-ups, 8, 8, 7
short of 10–12, once became the assisted machine). And /log reads a plain name as the rung the member has
done well, never as today's easier version (``done_rungs``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from bot.coach.catalog import Catalog
from bot.coach.model import SetDone
from bot.coach.planner import Prescribed, Session, available
from bot.coach.progression import SHOWN_REPS, SHOWN_SETS, Ladder, sessions_by_day
from bot.coach.progression import done_well as sets_done_well

MAIN = "main"


def ranked_ids(catalog: Catalog, ladders: Mapping[str, Ladder]) -> set[str]:
    """The moves ranked as a rung of ``ladders`` (chin-ups for pull-ups): their logs show that rung too."""
    rungs = {rung for ladder in ladders.values() for rung in ladder.rungs}
    return {exercise.id for exercise in catalog.exercises.values() if exercise.ranks_as in rungs}


def done_well(sets: Sequence[SetDone], item: Prescribed) -> bool:
    """Whether one session's sets of a rung show it done well for ``item``'s slot (see the docstring)."""
    return sets_done_well(sets, item.sets, item.reps[0] if item.reps is not None else SHOWN_REPS)


def shown(
    catalog: Catalog, item: Prescribed, ladder: Ladder, history: Mapping[str, Sequence[tuple[date, SetDone]]]
) -> str | None:
    """The highest rung of ``ladder`` above ``item``'s exercise the member has done well, or None."""
    at = ladder.rungs.index(item.exercise.id)
    done = [rung for rung in ladder.rungs[at + 1 :] if _done(catalog, rung, item, history)]
    return done[-1] if done else None


def done_rungs(
    catalog: Catalog,
    session: Session,
    ladders: Mapping[str, Ladder],
    history: Mapping[str, Sequence[tuple[date, SetDone]]],
) -> frozenset[str]:
    """The rungs of the session's ladders the member has done well for the slot they are on, and every
    rung below the highest of them (weighted pull-ups done well show pull-ups): what /log reads a plain
    name fitting one of them as, never as today's easier version (``sessionlog.easier_today``). Strict
    pull-ups logged 10, 9, 8, 8 make a plain "pull-up" the strict one on a day the plan has the assisted
    machine; a beginner who never did them well keeps the plan's band-assisted reading."""
    found: set[str] = set()
    for item in session.exercises:
        ladder = ladders.get(item.exercise.id)
        if ladder is None or item.exercise.id not in ladder.rungs:
            continue
        for at, rung in enumerate(ladder.rungs):
            if _done(catalog, rung, item, history):
                found.update(ladder.rungs[: at + 1])
    return frozenset(found)


def done_anywhere(
    catalog: Catalog, item: Prescribed | None, history: Mapping[str, Sequence[tuple[date, SetDone]]]
) -> frozenset[str]:
    """The rungs of every ladder the member has done well for ``item``'s slot (None: a slot of
    ``SHOWN_SETS`` sets from ``SHOWN_REPS`` reps), and every rung below the highest of them: what a swap
    never offers (``swaps.alternatives``), whichever exercise is swapped (3×8 strict pull-ups done, a
    lat pulldown swapped away is not offered the assisted machine)."""
    asked, low = (item.sets, item.reps[0] if item.reps else SHOWN_REPS) if item else (SHOWN_SETS, SHOWN_REPS)
    found: set[str] = set()
    for entry in catalog.ladders:
        for at, rung in enumerate(entry.rungs):
            moves = [rung, *(e.id for e in catalog.exercises.values() if e.ranks_as == rung)]
            logged = [sorted(history.get(move, ()), key=lambda pair: pair[0]) for move in moves]
            if any(sets_done_well(sets, asked, low) for pairs in logged for sets in sessions_by_day(pairs)):
                found.update(entry.rungs[: at + 1])
    return frozenset(found)


def _done(
    catalog: Catalog, rung: str, item: Prescribed, history: Mapping[str, Sequence[tuple[date, SetDone]]]
) -> bool:
    """Whether the member has done ``rung`` well for ``item``'s slot in a session, or a move ranked as it."""
    moves = [rung, *(e.id for e in catalog.exercises.values() if e.ranks_as == rung)]
    logged = [sorted(history.get(move, ()), key=lambda pair: pair[0]) for move in moves]
    return any(done_well(sets, item) for pairs in logged for sets in sessions_by_day(pairs))


def raised(
    catalog: Catalog,
    session: Session,
    ladders: Mapping[str, Ladder],
    history: Mapping[str, Sequence[tuple[date, SetDone]]],
) -> dict[str, str]:
    """Each secondary or accessory exercise of ``session`` the member has outgrown, to the rung to prescribe
    in its place (see the docstring); ``ladders`` are the chat's, ``history`` the member's log."""
    taken = {item.exercise.id for item in session.exercises if item.tier == MAIN}
    found: dict[str, str] = {}
    for item in session.exercises:
        ladder = ladders.get(item.exercise.id)
        if item.tier == MAIN or ladder is None or item.exercise.id not in ladder.rungs:
            continue
        best = shown(catalog, item, ladder, history)
        if best is None:
            continue
        allowed = (
            rung
            for rung in ladder.rungs[ladder.rungs.index(best) :]
            if rung not in taken and available(catalog.exercises[rung], session.profile, session.number)
        )
        rung = next(allowed, None)
        if rung is not None:
            found[item.exercise.id] = rung
    return found
