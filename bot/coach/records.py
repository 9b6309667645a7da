"""Personal records per exercise, derived from the logged sets (never stored, so an undo recomputes them).

Three kinds, the ones lifters already know from Strong and Hevy:

- **heaviest**: the most load on any set;
- **reps at a load**: more reps than ever at that load *or heavier* — so 10 reps at 40 kg beats 8 at
  45 kg, while a first set at a new, heavier load is a "heaviest" record instead, not a rep record;
  bodyweight sets (no load) all count as one load;
- **estimated 1RM** (Epley: load × (1 + reps/30)), from sets of 1-12 reps only, since the formula
  overestimates badly on long sets.

The first log of an exercise beats nothing: there was nothing to beat. All loads of one call must be in
one unit (the caller converts). Timed holds (sets with ``seconds``) have no reps to beat and are passed by.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.coach.model import SetDone

EPLEY_MAX_REPS = 12


class RecordKind(StrEnum):
    HEAVIEST = "heaviest"
    REPS_AT_LOAD = "reps_at_load"
    E1RM = "e1rm"


@dataclass(frozen=True)
class Best:
    """An exercise's records so far; None where no set qualifies (bodyweight has no heaviest or 1RM)."""

    heaviest: float | None
    most_reps: int | None  # at any load, for a bodyweight exercise the rep record itself
    e1rm: float | None


@dataclass(frozen=True)
class NewRecord:
    """A record beaten by a new set: the new value, the one it beat, and the set that did it."""

    kind: RecordKind
    value: float
    previous: float
    reps: int
    load: float | None


def epley(load: float | None, reps: int) -> float | None:
    """Estimated one-rep max, or None for bodyweight sets and sets outside 1-12 reps."""
    if load is None or not 1 <= reps <= EPLEY_MAX_REPS:
        return None
    return load * (1 + reps / 30)


def best(sets: Iterable[SetDone]) -> Best:
    done = _counted(sets)
    loads = [s.load for s in done if s.load is not None]
    estimates = [e for e in (epley(s.load, s.reps) for s in done) if e is not None]
    return Best(
        heaviest=max(loads, default=None),
        most_reps=max((s.reps for s in done), default=None),
        e1rm=max(estimates, default=None),
    )


def new_records(previous_sets: Sequence[SetDone], new_sets: Sequence[SetDone]) -> list[NewRecord]:
    """Which records the new sets of one exercise beat, at most one per kind; none on a first log."""
    previous_sets, new_sets = _counted(previous_sets), _counted(new_sets)
    if not previous_sets or not new_sets:
        return []
    beaten = [
        _heaviest(previous_sets, new_sets),
        _reps_at_load(previous_sets, new_sets),
        _e1rm(previous_sets, new_sets),
    ]
    return [record for record in beaten if record is not None]


def _heaviest(previous: Sequence[SetDone], new: Sequence[SetDone]) -> NewRecord | None:
    before = best(previous).heaviest
    top = max((s for s in new if s.load is not None), key=_load, default=None)
    if before is None or top is None or _load(top) <= before:
        return None
    return NewRecord(RecordKind.HEAVIEST, _load(top), before, top.reps, top.load)


def _reps_at_load(previous: Sequence[SetDone], new: Sequence[SetDone]) -> NewRecord | None:
    found: NewRecord | None = None
    for done in new:
        # The best before at this load or heavier (previous sessions only: a session does not beat itself).
        rivals = [s.reps for s in previous if _load(s) >= _load(done)]
        if not rivals or done.reps <= max(rivals):
            continue
        record = NewRecord(RecordKind.REPS_AT_LOAD, done.reps, max(rivals), done.reps, done.load)
        # Of several, the one at the heaviest load, then the one beating its rival by most, reads best.
        if found is None or (_load(done), done.reps - max(rivals)) > (
            _load_of(found),
            found.value - found.previous,
        ):
            found = record
    return found


def _e1rm(previous: Sequence[SetDone], new: Sequence[SetDone]) -> NewRecord | None:
    before = best(previous).e1rm
    scored = [(e, s) for s in new if (e := epley(s.load, s.reps)) is not None]
    if before is None or not scored:
        return None
    estimate, top = max(scored, key=lambda pair: pair[0])
    if estimate <= before + 1e-9:
        return None
    return NewRecord(RecordKind.E1RM, estimate, before, top.reps, top.load)


def _counted(sets: Iterable[SetDone]) -> list[SetDone]:
    return [done for done in sets if done.seconds is None]


def _load(done: SetDone) -> float:
    return done.load if done.load is not None else 0.0


def _load_of(record: NewRecord) -> float:
    return record.load if record.load is not None else 0.0
