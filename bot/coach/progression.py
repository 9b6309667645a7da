"""The next prescription of an exercise, from what was logged: double progression, ladders, back-offs.

What was logged moves the plan, not the calendar. The rule (the article's "progressive overload",
with the numbers of ACSM 2009 where the article gives none):

- **Double progression.** Work inside a rep range at one load. When every working set reaches the top
  of the range at the target effort (at least the target reps in reserve, or effort not given), add
  load: the level's share of ACSM's 2–10 % (routines.toml's ``increase``: beginners 5 % upper body,
  10 % lower body; intermediate 2.5 % and 5 %; advanced 2 % and 3.5 %), rounded down to the chat's
  smallest step but never less than one step. Short of the top, keep the load and aim one more rep on
  the weakest set; where a loaded lift's sets faded, the best set's reps on every set, at most
  ``MOST_OVER`` over the weakest: 8, 8, 6 @ 100 kg is 3×8 at 100 kg, never 3×7 under the two sets that
  made 8 (a strength coach's trial; ``matched_reps``). Without a load, the body's or a band's, sets fade by
  nature and there is nothing to take off: a rep over the weakest, never the range's bottom for its own
  sake (``bot.coach.bodyreps``), the line saying where the best set is. At the top but harder than the
  target effort, repeat it. A session is judged by the sets it prescribed (``prescribed``): a day cut
  to 2 sets (/workout 30) that hit the top on both earned the load, whether the next session is cut or
  whole (a newcomer trial).
- **Ramped sets.** Sets at several loads with fewer than the plan's sets at the heaviest ("100x5,
  110x5, 120x3") were ramped to a top set, not worked at it: the load they say is the heaviest at which
  a set reached the bottom of the range. A load only lifted for fewer reps is never the one to do all
  sets at; when no set reached the range (or the ones that did went past its top at that load), the
  load is worked out from the session's best set as on a day that takes turns (below), but never more
  than the usual added load over its heaviest set. Lighter sets under the plan's sets at the heaviest
  load are warm-ups, and a session at one load reads as it always did (``working_sets``).
- **On the step.** Every load worked out (added, backed off, estimated) is a multiple of the chat's
  step, in the chat's unit, because that is what can be put on the bar. A held load is the load logged,
  whatever the step: 12 kg dumbbells held are 12 kg, never 12.5 kg, which may not exist in the rack
  (a newcomer trial), and 100 lb logged in a kg chat is held as 45.4 kg, the same dumbbell. From a last
  load off that grid an added load goes to the next multiple above it at least, a back-off or a
  lighter estimate to the next multiple below it at least. A pair of dumbbells goes up to its rack's next
  size, 12 kg to 14 kg, and where that is a big jump, with more reps first (``bot.coach.pairstep``).
- **Stalls.** A session that beats the one before it neither on load nor on total reps at its load is
  a stall. Three in a row (four sessions at the same numbers) back the load off by about 10 % to rebuild
  from the bottom of the range; a lighter session resets the count.
- **Ladders.** A bodyweight exercise cannot add load, so it moves up a rung instead (inverted row on a high
  bar → feet elevated; negatives → band-assisted → strict → weighted pull-ups). A rung that carries load
  (weighted pull-ups) starts at one step and then progresses like any loaded lift; one the plan names before
  it was ever logged (an advanced block's weighted pull-up) starts from the last session without load: a few
  reps under its best set, at a load estimated from the reps that set has to spare
  (``bot.coach.firstload``). A bodyweight rung moves one rung down only on a real failure: three stalls, or
  two sessions in a row short of the bottom of the range on most of their sets, and never when its last
  session did it well (``done_well``: five reps a set, or the range's bottom if fewer, on as many sets as
  asked, three at most). Strict pull-ups 8, 8, 7 short of a volume day's 10–12 are a range not reached yet,
  not a rung lost: a coach keeps them on pull-ups aiming at the range, never sends them to the assisted
  machine (a strength coach's trial of an advanced block 2). Inside the range (8, 7, 6 on 6–8) it holds and
  aims for more reps. The rung a trainee is on is the one logged last, but sets on a harder rung the plan
  has not moved them to are a try until every set reaches the bottom of the range (five strict pull-ups on a
  band-assisted day are kept as strict pull-ups, and the band-assisted sets go on progressing), and sets on
  an easier rung move them down only where the rule sent them, or where it is the exercise the session
  names: negatives the plan prescribes beside pull-ups say nothing of the pull-ups (a newcomer trial).

Days that take turns (advanced heavy, moderate, volume) are ``bot.coach.progression_days``'s
(``next_on_day``); a level with one kind of day uses ``next_prescription`` alone.

Pure: no Telegram, no database; loads are plain numbers in the chat's unit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from enum import StrEnum
from itertools import pairwise

from bot.coach.bodyreps import MOST_OVER, far_short, next_reps
from bot.coach.epley import for_reps, one_rep_max
from bot.coach.model import SetDone
from bot.coach.pairstep import pair_aim, rack_step, unowned

UPPER_BODY_STEP = Decimal("0.05")
LOWER_BODY_STEP = Decimal("0.10")
BACK_OFF = Decimal("0.90")
STALLS_BEFORE_BACK_OFF = 3
# Sessions in a row short of the range's bottom on most sets that step a bodyweight rung down a rung.
FAILURES_BEFORE_DOWN = 2
DEFAULT_INCREMENT = {"kg": 2.5, "lb": 5.0}
POUND_KG = 0.45359237
# An estimate reads the exercise's last few sessions of any kind (a turn of heavy, moderate and volume),
# so it reflects today's strength rather than a best from before a layoff, and only sets of at most
# ESTIMATE_MAX_REPS reps to failure: Epley is fair from 1 to 20 between neighbouring rep ranges.
ESTIMATE_SESSIONS = 3
ESTIMATE_MAX_REPS = 20
# A rung done well (``done_well``): five clean strict pull-ups a set is a trainee past negatives and bands,
# whatever range the day asks, on as many sets as asked, three at most.
SHOWN_REPS = 5
SHOWN_SETS = 3


class Reason(StrEnum):
    """Why the prescription is what it is; the handler turns it into one line of text."""

    START = "start"  # nothing logged for this exercise yet: start at the bottom of the range
    ADD_LOAD = "add_load"  # every set at the top of the range: heavier
    ADD_REP = "add_rep"  # short of the top: same load, one more rep
    REPEAT = "repeat"  # top reached but harder than the target effort, or nothing left to add
    BACK_OFF = "back_off"  # three stalls: about 10 % lighter, rebuild
    MOVE_UP = "move_up"  # bodyweight ladder: the next, harder variation
    MOVE_DOWN = "move_down"  # bodyweight ladder, three stalls or two failures: the easier variation
    # Days that take turns (``next_on_day``):
    ESTIMATE = "estimate"  # from recent sets' estimated 1RM: first day of its kind, or off range
    NEW_DAY = "new_day"  # first day of its kind and nothing to estimate from: work up to the range
    PAST_TOP = "past_top"  # every set past the top of the day's range, nothing to estimate from: heavier
    RAMPED = "ramped"  # the last same day ramped to fewer top sets than the plan's: all sets, eased
    DELOAD = "deload"  # a deload week's session: lighter than the recent work (``bot.coach.deload``)
    # The first session back after a pain ("It's fine now", ``cautions.back_from_pain``): lighter than last
    # time (``comeback.after_pain``).
    BACK = "back"
    # A loaded rung's first session after bodyweight sets on the rung below (``firstload``).
    FROM_BODYWEIGHT = "from_bodyweight"
    # A first barbell RDL, from the deadlift's estimated one-rep max (``firstload.first_from_lift``).
    FROM_LIFT = "from_lift"
    # A bodyweight or band move's first day of its kind: from the reps last logged (``bodyreps.first_reps``).
    FROM_REPS = "from_reps"
    # A dumbbell accessory or home load not logged for weeks: last time's sets again (``bot.coach.lapsed``).
    LAPSED = "lapsed"
    # A pair of dumbbells at the top whose next pair is a big jump: more reps first (``pairstep``).
    REPS_FIRST = "reps_first"
    # The session after one lighter on purpose: back at the sets before it (``comeback.after_lighter``).
    HELD = "held"
    # A home pair of dumbbells at its most reps, the next pair one the chat never logged: the same sets,
    # lowered slower with a pause, until a heavier pair is logged (``more_reps_first``).
    TEMPO = "tempo"


@dataclass(frozen=True)
class Ladder:
    """Variations of one movement, easiest first; ``loaded`` rungs carry added weight."""

    rungs: tuple[str, ...]
    loaded: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Plan:
    """How an exercise is programmed: the routine's sets and rep range, and how hard a set should be."""

    sets: int
    rep_range: tuple[int, int]
    target_rir: int = 2
    lower_body: bool = False  # the deadlift and other lower-body lifts take bigger steps
    increment: float = DEFAULT_INCREMENT["kg"]
    increase_pct: float | None = None  # the level's (routines.toml); None: 5 %, 10 % lower body
    bodyweight: bool = False  # the body's load or a band's help: a first day of its kind from its reps
    pair: bool = False  # one dumbbell's load a hand: heavier is the next pair up (``pairstep``)
    # At home, the pairs the chat has logged (None at the gym, whose rack has every size): a next pair not
    # among them is one it may not own, never prescribed unasked (``more_reps_first``).
    pairs: frozenset[float] | None = None


@dataclass(frozen=True)
class Prescription:
    exercise: str
    sets: int
    reps: int  # the target for every set
    load: float | None  # None: bodyweight, or no load known yet
    reason: Reason
    basis: SetDone | None = None  # ESTIMATE: the logged set the load was worked out from
    # Reps far short of the range (``bodyreps.far_short``): the easier rung to suggest, its own id if none.
    easier: str | None = None


def default_increment(unit: str) -> float:
    return DEFAULT_INCREMENT[unit]


def in_unit(load: float | None, unit: str, wanted: str) -> float | None:
    """A logged load in the chat's current unit, so a chat that switched units keeps one history.

    To 0.1: no plate is finer, and 45.36 kg for 100 lb reads as false precision.
    """
    if load is None or unit == wanted:
        return load
    return round(load * POUND_KG if unit == "lb" else load / POUND_KG, 1)


def step_below(load: float, increment: float) -> float:
    """``load`` at the multiple of ``increment`` at or below it: the most a lighter load may be."""
    step = exact(increment)
    return float(to_multiple(exact(load), step, ROUND_FLOOR))


def next_prescription(
    exercise: str,
    sessions: Sequence[Sequence[SetDone]],
    plan: Plan,
    ladder: Ladder | None = None,
    *,
    estimable: bool = True,
    prescribed: Sequence[int | None] = (),
) -> Prescription:
    """The next session's target for ``exercise``, from its logged sessions (oldest first).

    Only the sets at each session's heaviest load count as working sets, so logged warm-ups do not
    hide a success. A prescription on another rung of ``ladder`` names that exercise instead. Without
    ``estimable`` (as in ``progression_days.next_on_day``) no load is worked out from a set's estimated
    one-rep max.
    ``prescribed`` (``judged_by``) gives each session's sets as prescribed that day.
    """
    low, high = plan.rep_range
    logged, judged = judged_sessions(sessions, plan, prescribed)
    if not logged:
        return Prescription(exercise, plan.sets, low, None, Reason.START)
    # Today's target has the plan's sets; the last session is judged by what it prescribed.
    on_day = judged[-1]
    last = working_sets(logged[-1], on_day)
    if not last:
        basis = best_set(logged[-1:]) if ladder is None and estimable else None
        if basis is not None:
            # Double progression's pace still holds: never more than the usual step over the heaviest set.
            top = max(s.load or 0.0 for s in logged[-1])
            capped = min(estimated_load(basis, plan), progressed_load(top, plan))
            return Prescription(exercise, plan.sets, low, capped, Reason.ESTIMATE, basis)
        last = heaviest_sets(logged[-1])
    load = last[0].load
    easier = rung_beside(exercise, ladder, -1)
    # A bodyweight rung the last session did well is kept, whatever the day's range asked (the docstring).
    kept = load is None and easier is not None and done_well(logged[-1], on_day.sets, low)
    # A bodyweight move with no easier rung has nothing to back off to: it goes on from its reps.
    if _stalls(logged, judged) >= STALLS_BEFORE_BACK_OFF and not kept and (load is not None or easier):
        return _back_off(exercise, load, plan, ladder)
    if (
        load is None
        and easier is not None
        and not kept
        and _failed(logged[-FAILURES_BEFORE_DOWN:], judged, low)
    ):
        start = plan.increment if ladder is not None and easier in ladder.loaded else None
        return Prescription(easier, plan.sets, low, start, Reason.MOVE_DOWN)
    if not _at_top(last, on_day) and load is None:
        return more_reps(exercise, last, plan, ladder)
    if not _at_top(last, on_day):
        # Held as logged, not put on the step: the trainee repeats the load they lifted.
        return Prescription(exercise, plan.sets, matched_reps(last, plan), load, Reason.ADD_REP)
    if not all(s.rir is None or s.rir >= plan.target_rir for s in last):
        return Prescription(exercise, plan.sets, high, load, Reason.REPEAT)
    if load is None:
        return _bodyweight_top(exercise, plan, ladder)
    heavier = progressed_load(load, plan)
    first = more_reps_first(exercise, last, load, heavier, plan)
    return first or Prescription(exercise, plan.sets, low, heavier, Reason.ADD_LOAD)


def more_reps_first(
    exercise: str, last: Sequence[SetDone], load: float, heavier: float, plan: Plan
) -> Prescription | None:
    """A pair of dumbbells at the top whose next pair up, ``heavier``, is a big jump or one a home chat never
    logged (``pairstep.pair_aim``): the same pair, a rep over the weakest set (the best set's reps where it
    did more), up to the reps that earn it; then None (the next pair), or at home the same sets lowered
    slower (``Reason.TEMPO``) until a heavier pair is logged. None for another lift."""
    pairs = plan.pairs
    aim = pair_aim(exact(load), exact(heavier), plan.rep_range, plan.target_rir, pairs) if plan.pair else None
    reps = [s.reps for s in last]
    if aim is None or not reps:
        return None
    weakest = min(reps)
    if weakest >= aim:
        kept = unowned(exact(heavier), pairs)
        return Prescription(exercise, plan.sets, aim, load, Reason.TEMPO) if kept else None
    target = min(aim, max(weakest + 1, min(max(reps), weakest + MOST_OVER)))
    return Prescription(exercise, plan.sets, target, load, Reason.REPS_FIRST)


def matched_reps(last: Sequence[SetDone], plan: Plan) -> int:
    """A loaded lift's target short of the top: one over the weakest set, or the best set's reps where it did
    more, at most ``MOST_OVER`` over the weakest, inside the range (the module docstring)."""
    low, high = plan.rep_range
    reps = [s.reps for s in last]
    weakest = min(reps)
    return min(high, max(low, weakest + 1, min(max(reps), weakest + MOST_OVER)))


def more_reps(exercise: str, last: Sequence[SetDone], plan: Plan, ladder: Ladder | None) -> Prescription:
    """A bodyweight or band move short of its range's top: a rep more than the weakest set (``bodyreps``)."""
    reps = [s.reps for s in last]
    target = next_reps(reps, plan.rep_range)
    return Prescription(
        exercise, plan.sets, target, None, Reason.ADD_REP, easier=easier_version(exercise, reps, plan, ladder)
    )


def easier_version(exercise: str, reps: Sequence[int], plan: Plan, ladder: Ladder | None) -> str | None:
    """The version to suggest beside reps far short of the range: the rung below, or ``exercise`` itself."""
    return (rung_beside(exercise, ladder, -1) or exercise) if far_short(reps, plan.rep_range[0]) else None


def done_well(sets: Sequence[SetDone], asked: int, low: int) -> bool:
    """Whether one session's ``sets`` show a rung done well for a slot asking ``asked`` sets from ``low``
    reps: as many sets (``SHOWN_SETS`` at most) of at least ``low`` or ``SHOWN_REPS`` reps, the fewer."""
    enough = [done for done in heaviest_sets(sets) if done.reps >= min(low, SHOWN_REPS)]
    return len(enough) >= min(asked, SHOWN_SETS)


def past_top(sets: Sequence[SetDone], plan: Plan) -> bool:
    """Whether every working set reached the top of the range and one went past it: a load for more reps."""
    working = heaviest_sets(sets)
    high = plan.rep_range[1]
    return bool(working) and all(s.reps >= high for s in working) and any(s.reps > high for s in working)


def e1rm(done: SetDone) -> float | None:
    """The set's estimated one-rep max (Epley), its reps in reserve counted as reps it could have done;
    None for a set without a load or a rep, or of more than ``ESTIMATE_MAX_REPS`` reps to failure."""
    to_failure = done.reps + (done.rir or 0)
    if done.load is None or done.load <= 0 or done.seconds is not None or done.reps < 1:
        return None
    if not 1 <= to_failure <= ESTIMATE_MAX_REPS:
        return None
    return float(one_rep_max(exact(done.load), to_failure))


def best_set(sessions: Sequence[Sequence[SetDone]]) -> SetDone | None:
    """The set of the last ``ESTIMATE_SESSIONS`` sessions with the highest estimated one-rep max (the
    latest of equals), or None when none has one."""
    best: tuple[float, SetDone] | None = None
    for sets in [sets for sets in sessions if sets][-ESTIMATE_SESSIONS:]:
        for done in sets:
            value = e1rm(done)
            if value is not None and (best is None or value >= best[0]):
                best = (value, done)
    return None if best is None else best[1]


def estimated_load(basis: SetDone, plan: Plan) -> float:
    """The load for the bottom of ``plan``'s range with its reps in reserve, from ``basis``'s estimated
    one-rep max: rounded down to the increment (an estimate is never rounded up), at least one step."""
    assert basis.load is not None
    step = exact(plan.increment)
    to_failure = basis.reps + (basis.rir or 0)
    wanted = plan.rep_range[0] + plan.target_rir
    load = for_reps(exact(basis.load), to_failure, wanted)
    return float(max(step, to_multiple(load, step, ROUND_FLOOR)))


def rung_now(
    sessions: Sequence[tuple[str, Sequence[SetDone]]], plan: Plan, ladder: Ladder, start: str
) -> str:
    """The rung of ``ladder`` a trainee works on, from its sessions (oldest first, each one rung's sets);
    ``start`` is where the plan puts them before anything is logged.

    The plan's own exercise (``start``) logged puts them back on it: that is the session as shown. Another
    easier rung logged moves them down only when the rule sent them there (a real failure, see the
    module docstring): the plan may prescribe it beside the harder one. A harder one moves them up when
    the plan sent them there, or when every one of the plan's sets reached the bottom of the range;
    short of that it is a try, and the rung below keeps its place, its targets and its reps.
    """
    where = start
    logged: dict[str, list[Sequence[SetDone]]] = {}
    for rung, sets in sessions:
        if rung != where and (
            rung == start or _moves(rung, sets, where, logged.get(where, []), plan, ladder)
        ):
            where = rung
        logged.setdefault(rung, []).append(sets)
    return where


def _moves(
    rung: str,
    sets: Sequence[SetDone],
    where: str,
    worked: Sequence[Sequence[SetDone]],
    plan: Plan,
    ladder: Ladder,
) -> bool:
    harder = ladder.rungs.index(rung) > ladder.rungs.index(where)
    if harder and _in_range(heaviest_sets(sets), plan):
        return True
    # Another easier rung logged is no failure of this one (the plan may prescribe negatives beside
    # pull-ups: a newcomer trial was stepped down after 8, 7, 6 pull-ups): down only where the rule sent them.
    return next_prescription(where, worked, plan, ladder).exercise == rung


def progressed_load(load: float, plan: Plan) -> float:
    """The plan's percentage more (``increase_fraction``), rounded down to a multiple of the increment,
    and at least the next multiple above ``load`` (one increment more when ``load`` is itself a multiple).

    Rounded down so the step never exceeds its percentage; the minimum is what makes small loads move
    at all (5 % of 20 kg is less than the smallest plates). Always a multiple, so a load converted from
    the other unit (45.4 kg) comes back loadable (47.5 kg), not 47.9 kg. A pair of dumbbells (``pair``)
    goes up on its rack's steps, a whole one at least: 12 → 14 kg, never 12.5 kg (``pairstep.rack_step``).
    """
    step = exact(plan.increment)
    current = exact(load)
    percent = increase_fraction(plan)
    rounded = to_multiple(current * (1 + percent), step, ROUND_FLOOR)
    next_above = (current / step).to_integral_value(ROUND_FLOOR) * step + step
    rack = rack_step(current, step) if plan.pair else None
    if rack is not None:
        # A pair: on its rack's steps, a whole one up at least.
        return float(max(to_multiple(current * (1 + percent), rack, ROUND_FLOOR), current + rack))
    return float(max(rounded, next_above))


def increase_fraction(plan: Plan) -> Decimal:
    """The share of the last load ``progressed_load`` adds before rounding (0.05 for 5 %)."""
    if plan.increase_pct is not None:
        return exact(plan.increase_pct) / 100
    return LOWER_BODY_STEP if plan.lower_body else UPPER_BODY_STEP


def backed_off_load(load: float, plan: Plan) -> float:
    """About 10 % less, to the nearest multiple of the increment; at least the next multiple below
    ``load`` (one increment less when ``load`` is itself a multiple), never below zero."""
    step = exact(plan.increment)
    current = exact(load)
    rounded = to_multiple(current * BACK_OFF, step, ROUND_HALF_UP)
    next_below = (current / step).to_integral_value(ROUND_CEILING) * step - step
    return float(max(Decimal(0), min(rounded, next_below)))


def to_multiple(value: Decimal, step: Decimal, rounding: str) -> Decimal:
    return (value / step).to_integral_value(rounding) * step


def exact(value: float) -> Decimal:
    # Through str, so 2.5 and 42.5 stay exact instead of carrying binary noise into the rounding.
    return Decimal(str(value))


def working_sets(sets: Sequence[SetDone], plan: Plan) -> list[SetDone]:
    """The sets of one session that say what load it was worked at; empty when none does.

    At one load, or with the plan's sets (or more) at the heaviest load, the sets at the heaviest load,
    lighter ones being warm-ups. Otherwise the sets were ramped to a top set or two ("100x5, 110x5,
    120x3"), and a load lifted only for fewer reps than the bottom of the range is no load to work at
    for it: the sets at the heaviest load where one reached the bottom. None: no set reached it, or the
    ones that did went past the top at that load (a load for more reps); the caller then estimates one
    from the best set (``estimated_load``).
    """
    heaviest = heaviest_sets(sets)
    loads = {s.load for s in sets}
    if len(loads) <= 1 or None in loads or len(heaviest) >= plan.sets:
        return heaviest
    if any(s.seconds is not None for s in sets):
        return heaviest
    reached = [s.load for s in sets if s.load is not None and s.reps >= plan.rep_range[0]]
    if not reached:
        return []
    at = [s for s in sets if s.load == max(reached)]
    return [] if past_top(at, plan) else at


def judged_by(plan: Plan, sets: int | None) -> Plan:
    """``plan`` as a session that prescribed ``sets`` is judged (None: the plan's own sets)."""
    return plan if sets is None or sets < 1 or sets == plan.sets else replace(plan, sets=sets)


def judged_sessions(
    sessions: Sequence[Sequence[SetDone]], plan: Plan, prescribed: Sequence[int | None]
) -> tuple[list[list[SetDone]], list[Plan]]:
    """The sessions with any sets, and each one's plan as it is judged (``judged_by``); ``prescribed``
    runs alongside ``sessions``, a None or a missing one being the plan's own sets."""
    sets_then = list(prescribed) + [None] * (len(sessions) - len(prescribed))
    kept = [
        (list(sets), judged_by(plan, then)) for sets, then in zip(sessions, sets_then, strict=False) if sets
    ]
    return [sets for sets, _ in kept], [on_day for _, on_day in kept]


def heaviest_sets(sets: Sequence[SetDone]) -> list[SetDone]:
    """The sets at the session's heaviest load (all of them when none has a load)."""
    heaviest = max((s.load for s in sets if s.load is not None), default=None)
    return [s for s in sets if s.load == heaviest]


def _at_top(working: Sequence[SetDone], plan: Plan) -> bool:
    return len(working) >= plan.sets and all(s.reps >= plan.rep_range[1] for s in working)


def _in_range(working: Sequence[SetDone], plan: Plan) -> bool:
    return len(working) >= plan.sets and all(s.reps >= plan.rep_range[0] for s in working)


def _failed(sessions: Sequence[Sequence[SetDone]], judged: Sequence[Plan], low: int) -> bool:
    """Whether each of ``sessions`` (the last ``FAILURES_BEFORE_DOWN``) fell short of the range's bottom on
    most of the sets it prescribed, a set not done counting as short: a real failure, not a hold."""
    if len(sessions) < FAILURES_BEFORE_DOWN:
        return False
    plans = judged[-len(sessions) :]
    return all(
        2 * sum(s.reps >= low for s in heaviest_sets(sets)) < on_day.sets
        for sets, on_day in zip(sessions, plans, strict=True)
    )


def _stalls(sessions: Sequence[Sequence[SetDone]], judged: Sequence[Plan]) -> int:
    """Sessions in a row, counted back from the last, that beat the one before on neither load nor reps;
    ``judged`` is each session's plan with the sets it prescribed."""
    count = 0
    for (before, plan_before), (after, plan_after) in reversed(
        list(pairwise(zip(sessions, judged, strict=True)))
    ):
        earlier, later = working_sets(before, plan_before), working_sets(after, plan_after)
        if not earlier or not later:
            break
        same_load = earlier[0].load == later[0].load
        if not same_load or _at_top(later, plan_after) or _total(later) > _total(earlier):
            break
        count += 1
    return count


def _total(sets: Sequence[SetDone]) -> int:
    return sum(s.reps for s in sets)


def rung_beside(exercise: str, ladder: Ladder | None, offset: int) -> str | None:
    """The rung ``offset`` steps from ``exercise`` on ``ladder`` (-1 the easier one below, +1 the harder one
    above), or None off either end, off the ladder or without one."""
    if ladder is None or exercise not in ladder.rungs:
        return None
    index = ladder.rungs.index(exercise) + offset
    return ladder.rungs[index] if 0 <= index < len(ladder.rungs) else None


def _bodyweight_top(exercise: str, plan: Plan, ladder: Ladder | None) -> Prescription:
    low, high = plan.rep_range
    if ladder is not None and exercise in ladder.loaded:
        # A loaded rung logged without load (the first weighted session): start with one step.
        return Prescription(exercise, plan.sets, low, plan.increment, Reason.ADD_LOAD)
    harder = rung_beside(exercise, ladder, +1)
    if harder is None:
        return Prescription(exercise, plan.sets, high, None, Reason.REPEAT)
    start = plan.increment if ladder is not None and harder in ladder.loaded else None
    return Prescription(harder, plan.sets, low, start, Reason.MOVE_UP)


def _back_off(exercise: str, load: float | None, plan: Plan, ladder: Ladder | None) -> Prescription:
    low = plan.rep_range[0]
    if load is not None and load > 0:
        return Prescription(exercise, plan.sets, low, backed_off_load(load, plan), Reason.BACK_OFF)
    easier = rung_beside(exercise, ladder, -1)
    if easier is not None:
        start = plan.increment if ladder is not None and easier in ladder.loaded else None
        return Prescription(easier, plan.sets, low, start, Reason.MOVE_DOWN)
    return Prescription(exercise, plan.sets, low, load, Reason.BACK_OFF)


def sessions_by_day(days_and_sets: Sequence[tuple[object, SetDone]]) -> list[list[SetDone]]:
    """Group (day, set) pairs, already in order, into sessions: the shape ``next_prescription`` takes."""
    grouped: list[list[SetDone]] = []
    previous: object = object()
    for day, done in days_and_sets:
        if day != previous:
            grouped.append([])
            previous = day
        grouped[-1].append(done)
    return grouped
