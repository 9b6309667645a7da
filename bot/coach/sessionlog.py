"""What a logged session holds: the targets "As written" logs, the Adjust panel's state, backdating.

The glue between the planner (what a session asks for) and the progression rule (what the log says
comes next), as plain values: no Telegram, no database.

- A session's **targets**: for every exercise counted in reps, the sets × reps × load the progression
  rule prescribes from the member's history ("As written" logs exactly these).
- The **Adjust** panel keeps its state in the buttons themselves (per main lift: reps and load steps
  away from the target), so nothing half-done is stored and any replica can take the next press. A
  lift that takes a load but has none known yet (its first time) counts its steps from zero: Adjust
  is where its first load is set, or every As written would log it without one and it never would
  get a load to progress.
- What of a day's session is **already logged** (a /log before Done): As written and Adjust log only
  the rest, so nothing is logged twice.
- **Backdating**: ``/done yesterday`` and friends, at most ``MAX_DAYS_BACK`` days back
  (``bot.coach.backdating``, re-exported here).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from bot.coach.backdating import DAYS_TOLD as DAYS_TOLD
from bot.coach.backdating import MAX_DAYS_BACK as MAX_DAYS_BACK
from bot.coach.backdating import DayError as DayError
from bot.coach.backdating import day_told as day_told
from bot.coach.backdating import parse_day as parse_day
from bot.coach.comeback import (
    Lighter,
    after_break,
    after_lighter,
    after_pain,
    chosen_light,
    days_away,
    lighter_last,
)
from bot.coach.deload import deload_target
from bot.coach.firstload import PER_REP, STARTS_FROM, first_target
from bot.coach.homepairs import first_pair, owned_pairs, to_owned
from bot.coach.ladders import plan_for
from bot.coach.lapsed import as_loaded
from bot.coach.model import Equipment, SetDone
from bot.coach.pairstep import pair_steps
from bot.coach.planner import Session
from bot.coach.progression import (
    Ladder,
    Plan,
    Prescription,
    Reason,
    exact,
    next_prescription,
    rung_now,
)
from bot.coach.progression_days import next_on_day

# How far the Adjust buttons move a target's load, in steps either way (its reps: ``panelshift``).
MAX_LOAD_SHIFT = 9
MAIN = "main"


@dataclass(frozen=True)
class Target:
    """What one exercise of a session asks for; ``planned`` is the session's exercise (a ladder's
    prescription may name another rung), ``main`` whether Adjust offers buttons for it.

    ``source`` is the exercise whose log the prescription comes from (the planned one, or the rung of
    its ladder logged last, or the bodyweight rung below a loaded one never logged: pull-ups for a first
    weighted pull-up) and ``last`` that exercise's last session: /workout's "last time" is always
    one exercise's own sets, named when it is not the planned one. ``loaded`` says whether the
    prescription's exercise takes a load (a band or bodyweight move never does). ``dumbbells`` marks a
    dumbbell lift outside the main slots (the rear-delt fly): heavier is the next dumbbell up, a size the
    rack decides, not the chat's plate step, so /workout names none and As written asks what it was.
    """

    planned: str
    prescription: Prescription
    plan: Plan
    main: bool
    source: str = ""
    last: tuple[SetDone, ...] = ()
    loaded: bool = False
    day: str = ""
    home_load: bool = False
    dumbbells: bool = False
    raised: bool = False
    """Prescribed at ``source``, a harder rung the member has done well, in place of ``planned``
    (``shownrung``): /workout says so."""
    lapsed: int = 0
    """Days since it was last logged, when that is a break it comes back from (``comeback.days_away``)."""
    latest: tuple[SetDone, ...] = ()
    """``source``'s last session on any kind of day, where ``last`` is the same kind's: the load "same as
    last time" means when As written asks a volume day's first load of a lift done on heavy days."""
    lighter: tuple[SetDone, ...] = ()
    """``source``'s last session of today's kind where it was lighter on purpose (a deload week's, the first
    back after a pain or a long break), ``last`` being the one before it: /workout's line says both."""
    lighter_why: Lighter | None = None
    owned_pair: bool = False
    """Its first load is the pair of dumbbells told at set-up (``homepairs.first_pair``): /workout names it
    and As written logs it, where a first load is otherwise asked."""

    @property
    def sets(self) -> list[SetDone]:
        p = self.prescription
        return [SetDone(p.reps, p.load)] * p.sets

    @property
    def bare(self) -> list[SetDone]:
        """The sets without a load: what As written logs of an exercise /workout shows no target for."""
        p = self.prescription
        return [SetDone(p.reps)] * p.sets

    @property
    def unstated_load(self) -> bool:
        """Whether /workout told it to go heavier by an amount it cannot name: a backpack at home gets "add
        a little (more than 10 kg)", an accessory's dumbbells "the next dumbbell up from 8 kg". Its
        prescription keeps the old load only as the floor; logging that as what was lifted would read as
        fewer reps at the same load and take the progression back."""
        p = self.prescription
        unnamed = self.home_load or self.dumbbells
        return unnamed and self.loaded and p.load is not None and p.reason in HOME_HEAVIER

    @property
    def shows_line(self) -> bool:
        """Whether /workout shows a line under it: always under a main lift or another rung than the plan's;
        under another lift once it has been logged (more reps, heavier, a stronger band), so what As
        written logs is what the trainee read. Not its first time, nor a lift that takes a load logged
        without one (As written asks for it)."""
        if self.main or self.prescription.exercise != self.planned or self.owned_pair:
            return True
        return bool(self.last) and not (self.loaded and self.prescription.load is None)

    @property
    def first_load(self) -> bool:
        """Whether it takes a load and none is known yet: Adjust sets one from zero."""
        return self.loaded and self.prescription.load is None

    def load_steps(self, max_load: float) -> tuple[int, int]:
        """The fewest and most load steps Adjust may move it: none without a load, a few either way from
        a known one, and from zero up to ``max_load`` (the heaviest /log takes) for a first load."""
        if not self.loaded:
            return (0, 0)
        load = self.prescription.load
        if self.plan.pair and load is not None:
            # A pair of dumbbells moves through the sizes there are (``pairstep.pair_moved``).
            sizes = pair_steps(exact(load), exact(self.plan.increment), self.plan.pairs, MAX_LOAD_SHIFT)
            if sizes is not None:
                return sizes
        if not self.first_load:
            return (-MAX_LOAD_SHIFT, MAX_LOAD_SHIFT)
        return (0, int(Decimal(str(max_load)) // Decimal(str(self.plan.increment))))


@dataclass(frozen=True)
class Rotation:
    """Where the level's days take turns: the kind of day the session is, and of each logged day (as
    ``planner.day_kinds`` gives them). Progression then compares like with like."""

    today: str
    days: Mapping[date, str]


def ladder_ids(session: Session, ladders: Mapping[str, Ladder]) -> set[str]:
    """Every exercise whose history the session's targets need: its own and their ladders' rungs."""
    ids = {item.exercise.id for item in session.exercises}
    ids |= {STARTS_FROM[ex] for ex in ids if ex in STARTS_FROM}
    for item in session.exercises:
        if item.exercise.id in ladders:
            ids.update(ladders[item.exercise.id].rungs)
    return ids


def targets(
    session: Session,
    history: Mapping[str, Sequence[tuple[date, SetDone]]],
    *,
    increment: float,
    ladders: Mapping[str, Ladder],
    rotation: Rotation | None = None,
    prescribed: Mapping[date, Mapping[str, int]] | None = None,
    whole: Mapping[str, int] | None = None,
    raised: Mapping[str, str] | None = None,
    deloads: Collection[date] = frozenset(),
    lighter: Mapping[str, Collection[date]] | None = None,
    back: Collection[str] = (),
    per_rep: float = PER_REP["kg"],
    today: date | None = None,
    told_pair: float | None = None,
) -> list[Target]:
    """Each rep-counted exercise's prescription from its history, oldest first (one unit throughout).

    An exercise in ``back`` (its first session back after a pain, ``cautions.back_from_pain``) comes back
    lighter than its last session, on the rung it is on (``comeback.after_pain``), whatever the rule adds.

    A logged day is judged by the sets it prescribed: ``prescribed`` has them for the days cut short
    (/workout 30), ``whole`` the sets of the session uncut (``session`` may be a cut one) for every other
    day, so the short and the full view of a session agree on what the last one earned.

    A ladder's exercises share one history: the trainee who moved from negatives to band-assisted
    pull-ups is prescribed from the band-assisted sessions (a main lift's; another slot climbs only onto
    the loaded rung right above it, ``slot_ladder``). Which rung they are on is
    ``progression.rung_now``'s to say (a strict pull-up tried on a band-assisted day does not move it),
    from its sessions on every kind of day. With a ``rotation``, the rung's target comes from its
    sessions on days of the session's kind (``progression_days.next_on_day``); without one, from all.
    ``raised`` maps a secondary the member has outgrown to the rung it is prescribed at (``shownrung``).
    ``deloads`` are the logged days of deload weeks: never judged (``bot.coach.deload``), so a deload
    session is prescribed from the work before its week, and the next block from that work too; nor are
    each exercise's ``lighter`` days, back lighter on purpose (``comeback.lighter_days``), nor the days it
    went light by choice (``comeback.chosen_light``: well under its recent load).
    ``per_rep`` is the added load a spare pull-up is worth, in the chat's unit (``firstload.PER_REP``).
    ``today`` is the session's day: a lift not logged for a week or more before it holds (``comeback``).
    ``told_pair`` is the pair of dumbbells a home trainee told at set-up: owned, and a dumbbell move's first
    load.
    """
    found: list[Target] = []
    # At home, the pairs of dumbbells logged are the ones owned (``homepairs``): none other is prescribed.
    home = session.profile.equipment is Equipment.HOME
    pair_lifts = [item.exercise.id for item in session.exercises if "dumbbells" in item.exercise.needs]
    pairs = owned_pairs(pair_lifts, history, told_pair) if home else None
    # Days the trainee went light of their own accord are no baseline either (``comeback.chosen_light``).
    chosen = chosen_light(history, rotation.days if rotation is not None else None, increment)
    planned = lighter or {}
    light = {ex: frozenset(planned.get(ex, ())) | chosen.get(ex, frozenset()) for ex in {*planned, *chosen}}
    for item in session.exercises:
        plan = plan_for(item, increment)
        if plan is None:
            continue
        plan = replace(plan, pairs=pairs) if plan.pair else plan
        exercise = item.exercise.id
        start = (raised or {}).get(exercise, exercise)
        whole_ladder = ladders.get(exercise)
        ladder = slot_ladder(start, whole_ladder, main=item.tier == MAIN)
        rungs = ladder.rungs if ladder is not None else (start,)
        # A band or bodyweight move is never prescribed a load, whatever an old log holds for it.
        if ladder is not None:
            with_load = set(ladder.loaded)
        elif start != exercise:
            with_load = {start} & (whole_ladder.loaded if whole_ladder is not None else set())
        else:
            with_load = {exercise} if item.exercise.kind == "load" else set()
        tagged = sorted(
            (
                (day, rung, done if rung in with_load else _unloaded(done))
                for rung in rungs
                for day, done in history.get(rung, ())
                if day not in deloads and day not in light.get(rung, ())
            ),
            key=lambda entry: entry[0],
        )
        logged = _by_session(tagged)
        rungs_logged = [(rung, sets) for _, rung, sets in logged]
        current = rung_now(rungs_logged, plan, ladder, start) if ladder is not None else start
        sessions = [sets for _, rung, sets in logged if rung == current]
        default = (whole or {}).get(exercise)

        if session.deload:
            prescription = deload_target(current, sessions, plan)
            last = tuple(sessions[-1]) if sessions else ()
        elif rotation is None:
            then = [
                _sets_then(prescribed, day, current, exercise, default)
                for day, rung, _ in logged
                if rung == current
            ]
            prescription = next_prescription(current, sessions, plan, ladder, prescribed=then)
            last = tuple(sessions[-1]) if sessions else ()
        else:
            kind = rotation.today
            on_kind = [
                (day, sets)
                for day, rung, sets in logged
                if rung == current and rotation.days.get(day) == kind
            ]
            same = [sets for _, sets in on_kind]
            then = [_sets_then(prescribed, day, current, exercise, default) for day, _ in on_kind]
            # Added load on a bodyweight rung is not what was lifted: no one-rep max from it.
            prescription = next_on_day(
                current, same, sessions, plan, ladder, estimable=ladder is None, prescribed=then
            )
            # A first day of its kind from the reps last logged names them as last time's.
            from_reps = prescription.reason is Reason.FROM_REPS
            last = tuple(same[-1] if same else sessions[-1] if from_reps else ())
        if last and not session.deload and (exercise in back or current in back):
            prescription = after_pain(current, last, prescription.sets, plan.increment)
        elif last and _latest(history, (current,)) in light.get(current, ()):
            # After it, by this rung's own last day: a try of another rung moves nothing (``rung_now``).
            prescription = after_lighter(prescription, current, last, plan)
        source = current
        # Not in a deload week: a first target from another lift's log (an RDL's from the deadlift) names it.
        if prescription.reason is Reason.START and not session.deload:
            started = first_target(current, ladder, plan, rungs_logged, history, per_rep, deloads)
            prescription, source, last = started or (prescription, source, last)
        loaded = prescription.exercise in with_load
        day = rotation.today if rotation is not None else ""
        # A backpack or bottles at home weigh what they weigh: not on the chat's plate steps. A home move
        # of the chat's own dumbbells (the bent-over row with them) steps as the gym's dumbbells do.
        held = item.exercise.kind == "load" and "dumbbells" in item.exercise.needs
        home_load = item.exercise.kind == "load" and Equipment.GYM not in item.exercise.places and not held
        # Dumbbells outside the main slots go up by the rack's next size (``Target.dumbbells``).
        dumbbells = item.tier != MAIN and held
        if (home_load or dumbbells) and prescription.exercise == exercise:
            prescription = as_loaded(prescription, last)  # at the load last logged (``lapsed``)
        # After a break, held or a little lighter (``comeback``): its days on any rung, deload days too.
        lapsed = days_away([day for rung in rungs for day, _ in history.get(rung, ())], today)
        prescription = after_break(prescription, current, last, plan, lapsed, sized=home_load or dumbbells)
        lapsed = lapsed if prescription.reason is Reason.LAPSED else 0
        owned = plan.pairs is not None and loaded and prescription.load is None and told_pair is not None
        if owned and told_pair is not None:
            prescription = first_pair(prescription, told_pair)
        if plan.pairs is not None and loaded:
            prescription = to_owned(prescription, plan.pairs)
        # Last time lighter on purpose, today following the session before it: the line says both (not in a
        # deload week, whose line is its own, nor from another lift's log, nor across kinds of day).
        skipped = (
            lighter_last(history.get(current, ()), deloads, planned.get(current, ()), chosen.get(current, ()))
            if last
            else None
        )
        kinds = rotation.days if rotation is not None else {}
        if skipped and (session.deload or source != current or kinds.get(skipped[0], day) != day):
            skipped = None
        target = Target(
            exercise,
            prescription,
            plan,
            item.tier == MAIN,
            source,
            last,
            loaded,
            day,
            home_load,
            dumbbells,
            start != exercise,
            lapsed,
            tuple(sessions[-1]) if sessions else (),
            tuple(
                done if current in with_load else _unloaded(done)
                for on, done in history.get(current, ())
                if skipped and on == skipped[0]
            ),
            skipped[1] if skipped else None,
            owned,
        )
        found.append(target)
    return found


def _latest(history: Mapping[str, Sequence[tuple[date, SetDone]]], rungs: Iterable[str]) -> date | None:
    return max((day for rung in rungs for day, _ in history.get(rung, ())), default=None)


def slot_ladder(exercise: str, ladder: Ladder | None, *, main: bool) -> Ladder | None:
    """The rungs a slot of the session may prescribe instead of its own ``exercise``.

    A main lift climbs its whole ladder. Another slot's exercise is the variation the plan chose for that
    day (negatives beside the main lift's pull-ups, or on a day without them), so other rungs' sets do not
    make it another exercise: a trial's As written logged the day's negatives as "Pull-up: 3×7" from
    pull-ups logged before. Its own progression is the rung right above it (feet-elevated inverted rows at
    the top of inverted rows; weighted pull-ups on a pull-up day, from weighted pull-ups logged in range);
    /workout names that rung in a "today" line whenever it is the target, so As written logs what it showed.
    """
    if ladder is None or main:
        return ladder
    index = ladder.rungs.index(exercise)
    rungs = ladder.rungs[index : index + 2]
    return Ladder(rungs, ladder.loaded & set(rungs)) if len(rungs) > 1 else None


# Of the reasons a home load is kept as last logged (``lapsed.HOME_KEEPS``), the ones /workout says "add a
# little" with no number for: the load lifted is not known.
HOME_HEAVIER = frozenset((Reason.ADD_LOAD, Reason.PAST_TOP))


def easier_today(found: Sequence[Target], ladders: Mapping[str, Ladder]) -> dict[str, str]:
    """Each rung harder than one the targets name, to the nearest rung below it they name: what /log reads
    a name fitting both as. A rung the plan names itself is never read as another: on a day with strict
    pull-ups and, later, negatives, a plain "pull-up" is the strict one, and a weighted one is nearer it."""
    today = {target.prescription.exercise for target in found}
    easier: dict[str, str] = {}
    for target in found:
        ladder = ladders.get(target.planned)
        if ladder is None or target.prescription.exercise not in ladder.rungs:
            continue
        below: str | None = None
        for rung in ladder.rungs:
            if rung in today:
                below = rung
            elif below is not None:
                easier[rung] = below
    return easier


def done_in_session(
    session: Session, logged: Iterable[str], ladders: Mapping[str, Ladder]
) -> dict[str, list[str]]:
    """Which of the session's exercises the day's logged ones stand for: a planned exercise → the logged
    exercises that count for it, in the order first logged.

    A logged exercise counts for the planned one of its own id, or else for the first whose ladder has it
    as a rung: strict pull-ups on a band-assisted day fill that slot, and As written must not add
    band-assisted ones on top. One the plan has no slot for counts for none (a dumbbell row on a band-row
    day): the plan's own exercise is still to do.
    """
    planned = [item.exercise.id for item in session.exercises]
    found: dict[str, list[str]] = {}
    for exercise in dict.fromkeys(logged):
        if exercise in planned:
            slot: str | None = exercise
        else:
            slot = next((p for p in planned if p in ladders and exercise in ladders[p].rungs), None)
        if slot is not None:
            found.setdefault(slot, []).append(exercise)
    return found


def still_to_log(found: Sequence[Target], done: Collection[str]) -> list[Target]:
    """The targets no logged set stands for yet (``done`` as ``done_in_session`` gives it): what As written
    and Adjust log into a session some of which is already logged."""
    return [target for target in found if target.planned not in done]


def holds_to_log(session: Session, done: Collection[str]) -> list[tuple[str, list[SetDone]]]:
    """The session's timed holds no logged set stands for yet, each as the plan writes it: its sets at the
    low end of its seconds ("2 × 20–30 s" logs 2×20 s), as a rep range's first target is its low end."""
    return [
        (item.exercise.id, [SetDone(0, seconds=item.hold_s[0])] * item.sets)
        for item in session.exercises
        if item.hold_s is not None and item.exercise.id not in done
    ]


def _sets_then(
    prescribed: Mapping[date, Mapping[str, int]] | None,
    day: date,
    rung: str,
    exercise: str,
    default: int | None,
) -> int | None:
    """The sets ``day`` prescribed the rung logged (or the slot it stands for), else ``default``."""
    that_day = (prescribed or {}).get(day, {})
    return that_day.get(rung, that_day.get(exercise, default))


def _unloaded(done: SetDone) -> SetDone:
    return replace(done, load=None) if done.load is not None else done


def _by_session(
    tagged: Sequence[tuple[date, str, SetDone]],
) -> list[tuple[date, str, list[SetDone]]]:
    """Sets tagged with their day and rung, in order, as sessions: one per day and rung."""
    found: list[tuple[date, str, list[SetDone]]] = []
    previous: tuple[date, str] | None = None
    for day, rung, done in tagged:
        if (day, rung) != previous:
            found.append((day, rung, []))
            previous = (day, rung)
        found[-1][2].append(done)
    return found
