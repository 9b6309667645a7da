"""Personal records per exercise, derived from the logged sets (never stored, so an undo recomputes them).

Three kinds, the ones lifters already know from Strong and Hevy:

- **heaviest**: the most load on any set;
- **reps at a load**: more reps than ever at that load *or heavier* — so 10 reps at 95 kg beats 8 at
  100 kg, while a first set at a new, heavier load is a "heaviest" record instead, not a rep record;
  bodyweight sets (no load) all count as one load. Only at a working load, though: at least
  ``REP_RECORD_SHARE`` (90 %) of the heaviest load the lift was logged at, or one load step under it where
  a step is more than a tenth (light dumbbells: 20 kg after a top of 22.5 kg). 11 reps at 62.5 kg when
  the best is 80 kg × 6 is a back-off set, more reps than ever at 62.5 kg only because nothing heavier was
  ever taken that far: no coach calls it a record (a newcomer trial got a 🏆 for it; ``rep_floor``);
- **estimated 1RM** (Epley: load × (1 + reps/30), ``bot.coach.epley``), from sets of 1-12 reps only, since
  the formula overestimates badly on long sets.

Where heavy, moderate and volume days take turns (advanced), a volume day's 10 reps at 60 kg beat the
heavy day's 3 at 80 kg "at that load or heavier" by design, not by getting stronger: a rep record there
also needs a set before it at the same load, or of the same kind of day at that load or heavier
(``new_records``' ``same_kind``). So the first volume day earns none, 10 reps at 80 kg on a volume day
still beats the heavy day's 3 at 80 kg, and the heaviest set and the estimated 1RM are one scale for
every kind of day and compared across them.

The first log of an exercise beats nothing: there was nothing to beat. Nor do its first
``BASELINE_SESSIONS`` sessions: a second time at a lift is finding its level (one more rep at the same
load, a few kilos more), a baseline a coach writes down, not a record to celebrate (``new_records``'
``earlier_sessions``). After them a record is a real best: a heavier load than ever (for any reps: the
heaviest lift yet is the record lifters name first), more reps at a load or heavier, or a better
estimated max.

Where kinds of day take turns, the working load a rep record needs is that of the new sets' kind of day
(the heaviest of its sets and the new ones): a volume day's 11 reps at 80 kg after its 10 are a best at
the volume day's load, though the heavy day lifts 95 kg. A load added to bodyweight (below) has no such
floor: the body's weight is most of what is lifted, and it is not known.

A reply names one record per lift (``headline``), and several lifts' in one line, at most
``MAX_BESTS_SHOWN`` of them (``shown_bests``). All loads of one call must be in
one unit (the caller converts). Timed holds (sets with ``seconds``) have no reps to beat and are passed by.

A **big jump** is checked before any record is cheered (``big_jump``): a new heaviest load whose set's
estimated 1RM is more than ``JUMP`` (a fifth) over the lift's best so far. ACSM's progression adds 2–10 %
a session, and a trainee back from a layoff climbs back to their best, not a fifth past it, so a jump like
that is far likelier a slip of the keys ("deadlift 150 for 7 7 7" after 3×6 @ 105 kg, a newcomer trial's
"🏆 heaviest ever, 150 kg (was 105 kg)") than a day's progress. It is logged all the same (what was told is
never lost), and the reply asks whether it was a typo, with the correction to send, instead of the
fanfare. Under ``JUMP_FROM`` (the empty bar) a step is a big share of a light load, so none is checked;
nor is a load added to bodyweight, which has no one-rep max. A **big drop** (``big_drop``), sets whose
heaviest load is under a third of the heaviest before it (from the empty bar up), is asked about the same
way: no deload or comeback goes that light, so "7.5" after 80×8 is far likelier a dropped digit.

An exercise a counterweight helps (the assisted pull-up machine) logs no load; its help is kept in the
sets' note ("assisted by 25 kg"). More help makes a rep easier, so a rep record (more reps than ever)
needs help the same as or less than a set before had: 12 reps with 25 kg of help never beat 10 with
15 kg. Help not told on both sides is the same; told on one side only, the sets cannot be compared and
give no rep record (``new_records``' ``help``).

A load added to bodyweight (the weighted pull-up's 18 kg) is not what was lifted: an estimated 1RM of
it alone means nothing, so such a lift has only its heaviest and rep records (``new_records``'
``estimable``); its body weight is not known to add.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from bot.coach.epley import factor
from bot.coach.model import SetDone

EPLEY_MAX_REPS = 12
# A rep record counts at a load this share of the lift's heaviest or more (or one load step under it).
REP_RECORD_SHARE = 0.9
# Loads are converted to 0.1 and kept as floats: a load this close to the floor is on it.
_SLACK = 1e-9
T = TypeVar("T")
# Sessions of a lift that set its baseline: the trial's second session, +1 rep on six lifts, was six 🏆.
BASELINE_SESSIONS = 2
# Lifts named in one reply's line of new bests; the rest are counted ("and 2 more").
MAX_BESTS_SHOWN = 4
# A new heaviest set whose estimated 1RM beats the best so far by more than this share is asked about.
JUMP = 1.2
# A new heaviest load under this share of the heaviest so far is asked about as a typo too.
DROP = 1 / 3
# The lightest new load a jump is checked at: the empty bar, under which a step is a big share.
JUMP_FROM = {"kg": 20.0, "lb": 45.0}
# Which record of a lift a reply names: a heavier load reads plainest, then reps, then the estimate.
HEADLINE_ORDER = ("heaviest", "reps_at_load", "e1rm")


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
    # The load times the factor, rounded as records always were: a best shown to a tenth reads the same.
    return load * factor(reps)


def best(sets: Iterable[SetDone]) -> Best:
    done = _counted(sets)
    loads = [s.load for s in done if s.load is not None]
    estimates = [e for e in (epley(s.load, s.reps) for s in done) if e is not None]
    return Best(
        heaviest=max(loads, default=None),
        most_reps=max((s.reps for s in done), default=None),
        e1rm=max(estimates, default=None),
    )


Helped = tuple[SetDone, float | None]  # a set of a counterweight exercise and its help (None: not told)


def new_records(
    previous_sets: Sequence[SetDone],
    new_sets: Sequence[SetDone],
    *,
    help: tuple[Sequence[float | None], Sequence[float | None]] | None = None,
    same_kind: Sequence[bool] | None = None,
    estimable: bool = True,
    earlier_sessions: int | None = None,
    step: float | None = None,
) -> list[NewRecord]:
    """Which records the new sets of one exercise beat, at most one per kind; none on a first log.

    ``earlier_sessions``: on how many days before this one the exercise was logged; under
    ``BASELINE_SESSIONS`` the new sets are its baseline and beat nothing (None: not counted, as in tests
    of the other rules).

    ``help``, for an exercise a counterweight helps: each previous and each new set's help, in order
    (None where not told), in one unit; rep records then weigh it (the module docstring has the rule).
    ``same_kind``, where kinds of day take turns: for each previous set, whether it was lifted on the
    new sets' kind of day (the module docstring has the rule); None where days do not take turns.
    Without ``estimable`` (a load added to bodyweight) no estimated one-rep max is a record, and a rep
    record needs no working load. ``step``: the chat's smallest load step, in the sets' unit, for the
    working load a rep record needs (``rep_floor``); None: 90 % of the heaviest only.
    """
    if same_kind is not None and len(same_kind) != len(previous_sets):
        raise ValueError("one same_kind per previous set")
    kin = [True] * len(previous_sets) if same_kind is None else list(same_kind)
    comparable = [s for s, alike in zip(previous_sets, kin, strict=True) if alike and s.seconds is None]
    if help is not None:
        previous_help, new_help = list(help[0]), list(help[1])
        if len(previous_help) != len(previous_sets) or len(new_help) != len(new_sets):
            raise ValueError("one help per set")
        helped_before = [
            (s, h) for s, h in zip(previous_sets, previous_help, strict=True) if s.seconds is None
        ]
        helped_now = [(s, h) for s, h in zip(new_sets, new_help, strict=True) if s.seconds is None]
    previous_sets, new_sets = _counted(previous_sets), _counted(new_sets)
    if not previous_sets or not new_sets:
        return []
    if earlier_sessions is not None and earlier_sessions < BASELINE_SESSIONS:
        return []
    # The working load a rep record needs: of the heaviest of the new sets' kind of day (all days where
    # kinds do not take turns) and the new sets.
    lifted = [s.load for s in (*comparable, *new_sets) if s.reps >= 1]  # a missed rep lifted nothing
    floor = rep_floor(lifted, step) if estimable else None
    reps = (
        _reps_at_load(previous_sets, new_sets, comparable, floor)
        if help is None
        else _reps_with_help(helped_before, helped_now)
    )
    estimate = _e1rm(previous_sets, new_sets) if estimable else None
    beaten = [_heaviest(previous_sets, new_sets), reps, estimate]
    return [record for record in beaten if record is not None]


def big_jump(
    previous_sets: Sequence[SetDone], new_sets: Sequence[SetDone], unit: str
) -> tuple[float, float] | None:
    """The new heaviest load and the heaviest before it, when the new sets are a jump too big to take on
    trust (the module docstring), else None; for a lift whose load is what was lifted (``estimable``)."""
    before, now = best(previous_sets), best(new_sets)
    if before.heaviest is None or now.heaviest is None or before.e1rm is None:
        return None
    if now.heaviest <= before.heaviest or now.heaviest < JUMP_FROM[unit]:
        return None
    # A set of more than EPLEY_MAX_REPS has no estimate: its load alone is weighed, as a single's.
    estimate = now.e1rm if now.e1rm is not None else now.heaviest
    return (now.heaviest, before.heaviest) if estimate > JUMP * before.e1rm + _SLACK else None


def big_drop(
    previous_sets: Sequence[SetDone], new_sets: Sequence[SetDone], unit: str
) -> tuple[float, float] | None:
    """The new sets' heaviest load and the heaviest before it, when the new sets are under ``DROP`` of
    it (a slip of the keys as likely as a big jump: "lat pulldown 4x8 7.5" the day after 80×8), else
    None. A deload or a first session back is about 60–90 % of the load, never a third."""
    before, now = best(previous_sets), best(new_sets)
    if before.heaviest is None or now.heaviest is None or before.heaviest < JUMP_FROM[unit]:
        return None
    return (now.heaviest, before.heaviest) if now.heaviest < DROP * before.heaviest - _SLACK else None


def rep_floor(loads: Iterable[float | None], step: float | None = None) -> float | None:
    """The lightest load a rep record counts at: ``REP_RECORD_SHARE`` of the heaviest of ``loads``, or
    one ``step`` under it when that is lower (a light lift, whose next load down is more than a tenth
    lighter); None when no set had a load (bodyweight reps all count)."""
    heaviest = max((load for load in loads if load is not None), default=None)
    if heaviest is None:
        return None
    share = heaviest * REP_RECORD_SHARE
    return share if step is None or step <= 0 else min(share, heaviest - step)


def help_in_note(note: str | None, template: str) -> tuple[float, str] | None:
    """The help a note keeps ("assisted by 25 kg; felt easy" → (25.0, "kg")), written by ``template``
    (messages.toml's ``log.assist_note``, "assisted by {assist}"), or None when it keeps none."""
    if not note or "{assist}" not in template:
        return None
    before, _, after = template.partition("{assist}")
    amount = rf"{re.escape(before)}(\d+(?:\.\d+)?) (kg|lb){re.escape(after)}"
    found = re.search(amount, note)
    return None if found is None else (float(found.group(1)), found.group(2))


def _reps_with_help(previous: Sequence[Helped], new: Sequence[Helped]) -> NewRecord | None:
    """The rep record of a counterweight exercise: more reps than ever, with help the same as or less
    than some set before (so never more help than every set compared), both told; or, help told on
    neither side, more reps than ever (bodyweight reps)."""
    best_reps = max((s.reps for s, _ in previous), default=None)
    told_before = [h for _, h in previous if h is not None]
    found: NewRecord | None = None
    for done, given in new:
        if best_reps is None or done.reps <= best_reps:
            continue
        if given is None and told_before:
            continue  # help told before but not now: not comparable
        if given is not None and (len(told_before) < len(previous) or given > max(told_before)):
            continue  # help not told before, or more help than any set before: an easier rep
        if found is None or done.reps > found.value:
            found = NewRecord(RecordKind.REPS_AT_LOAD, done.reps, best_reps, done.reps, done.load)
    return found


def headline(found: Sequence[NewRecord]) -> NewRecord | None:
    """The one record of a lift a reply names, of those its sets beat (``HEADLINE_ORDER``)."""
    return min(found, key=lambda record: HEADLINE_ORDER.index(record.kind.value), default=None)


def shown_bests(bests: Sequence[T], cap: int = MAX_BESTS_SHOWN) -> tuple[list[T], int]:
    """The lifts' bests a reply names, in the order logged, and how many more it only counts."""
    return list(bests[:cap]), max(0, len(bests) - cap)


def _heaviest(previous: Sequence[SetDone], new: Sequence[SetDone]) -> NewRecord | None:
    """The heaviest new set above every load before, for any reps: 185 kg × 3 after 180 kg × 5 is the
    heaviest deadlift yet, the record a lifter names first (a newcomer trial missed its 🏆)."""
    before = best(previous).heaviest
    if before is None:
        return None
    top = max((s for s in new if s.load is not None and s.reps >= 1), key=_load, default=None)
    if top is None or _load(top) <= before:
        return None
    return NewRecord(RecordKind.HEAVIEST, _load(top), before, top.reps, top.load)


def _reps_at_load(
    previous: Sequence[SetDone], new: Sequence[SetDone], alike: Sequence[SetDone], floor: float | None
) -> NewRecord | None:
    found: NewRecord | None = None
    for done in new:
        if floor is not None and _load(done) < floor - _SLACK:
            continue  # a back-off set: more reps than ever at a light load is no best (module docstring)
        # The best before at this load or heavier (previous sessions only: a session does not beat itself).
        rivals = [s.reps for s in previous if _load(s) >= _load(done)]
        if not rivals or done.reps <= max(rivals):
            continue
        # Beating only heavier sets of other kinds of day is the plan's rep range, not a record.
        if not any(_load(s) >= _load(done) for s in alike) and not any(
            _load(s) == _load(done) for s in previous
        ):
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
