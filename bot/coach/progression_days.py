"""The next prescription on a plan whose days take turns: heavy, moderate, volume (advanced).

Where a level's days differ in rep range (advanced: heavy 3–5, moderate 6–8, volume 10–12), a session is
compared with the last one of the same kind of day, as the plan says ("beat them the next time the same
day comes round"): a volume day's 4×8 says nothing about a heavy day's top. With none yet, or when the
last one's working sets all fell outside the day's range (past its top, or short of its bottom: the load
was for another range), the load is worked out from the exercise's last few sessions of any kind: each
one's best working set's estimated one-rep max (Epley, the reps it had left counted as reps it could have
done) brought to the bottom of the day's range with the day's reps in reserve, the lowest of them, rounded
down to the step, and never more than a recent working set lifted for fewer reps (``recent_estimate``).
Past the top on every one of the plan's sets, at least the usual added load and at most 10 % more; fewer
sets hold the load; short of the bottom, never heavier than before. Nothing to estimate from (added load
on a bodyweight rung, where the body is most of what is lifted; a band) gives no load number: work up to
the range, or for a move without load, the reps last logged on it say where to start (``first_on_day``).
A last one ramped to fewer top sets than the plan's ("180x5, 190x3, 200x3x2" for 4×3–5) gives
the plan's sets at its top set's estimate for the bottom of the range, never above the top load: 4×3 @
192.5 kg, not twice the sets and a rep more at 200 kg (``_after_ramp``). A level with one kind of day uses
``progression.next_prescription`` alone.

The rest of the rule (double progression, ramped sets, the step, stalls, ladders) is
``bot.coach.progression``'s, which this builds on. Pure: no Telegram, no database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import ROUND_FLOOR

from bot.coach.bodyreps import first_reps
from bot.coach.model import SetDone
from bot.coach.progression import (
    ESTIMATE_SESSIONS,
    LOWER_BODY_STEP,
    Ladder,
    Plan,
    Prescription,
    Reason,
    e1rm,
    easier_version,
    estimated_load,
    exact,
    heaviest_sets,
    judged_sessions,
    more_reps_first,
    next_prescription,
    past_top,
    progressed_load,
    step_below,
    to_multiple,
    working_sets,
)


def next_on_day(
    exercise: str,
    same_day: Sequence[Sequence[SetDone]],
    recent: Sequence[Sequence[SetDone]],
    plan: Plan,
    ladder: Ladder | None = None,
    *,
    estimable: bool = True,
    prescribed: Sequence[int | None] = (),
) -> Prescription:
    """The next target for ``exercise`` on a plan whose days take turns, ``plan`` being today's kind.

    ``same_day`` are its sessions on days of today's kind, ``recent`` its sessions on any day (both
    oldest first; ``same_day`` is a part of ``recent``), ``prescribed`` the sets each of ``same_day``
    prescribed (``judged_by``). ``estimable`` is False where a logged load does not say what was
    lifted (added load on a bodyweight rung). The module docstring has the rule.
    """
    low = plan.rep_range[0]
    logged, judged = judged_sessions(same_day, plan, prescribed)
    sets_then = [on_day.sets for on_day in judged]
    found = recent_estimate(recent, plan) if estimable else None
    basis = None if found is None else found[1]
    if not logged:
        if found is not None:
            return Prescription(exercise, plan.sets, low, found[0], Reason.ESTIMATE, basis)
        latest = next((sets for sets in reversed(recent) if sets), ())
        if plan.bodyweight and latest and all(s.load is None and s.seconds is None for s in latest):
            return first_on_day(exercise, latest, plan, ladder)
        reason = Reason.NEW_DAY if any(recent) else Reason.START
        return Prescription(exercise, plan.sets, low, None, reason)
    worked = working_sets(logged[-1], judged[-1])
    if not worked:
        if found is None:
            # Nothing to estimate from: the heaviest sets, held (fewer than the plan's sets add nothing).
            return next_prescription(exercise, logged, plan, ladder, estimable=False, prescribed=sets_then)
        # Ramped to a top set off the range: no load of it is today's; the recent sets say, and with
        # fewer than the plan's sets at the top load, never more than it.
        top = max(s.load or 0.0 for s in logged[-1])
        capped = max(plan.increment, min(found[0], step_below(top, plan.increment)))
        return Prescription(exercise, plan.sets, low, capped, Reason.ESTIMATE, basis)
    last, load = worked, worked[0].load
    eased = _after_ramp(last, logged[-1], plan, judged[-1].sets) if estimable else None
    if eased is not None:
        return replace(eased, exercise=exercise)
    # Past the top on every one of the plan's sets: heavier. Fewer sets than the plan's are not yet
    # the day's work at that load (a newcomer trial: two sets then a jump), so they hold it below.
    if load is not None and load > 0 and past_top(last, plan) and len(last) >= judged[-1].sets:
        added = progressed_load(load, plan)
        # A pair of dumbbells whose next pair is a big jump earns it with reps first (``pairstep``).
        if (first := more_reps_first(exercise, last, load, added, plan)) is not None:
            return first
        if found is None:
            return Prescription(exercise, plan.sets, low, added, Reason.PAST_TOP)
        # The estimate may say more, but a session adds at most 10 % (ACSM's 2–10 %).
        ten = to_multiple(exact(load) * (1 + LOWER_BODY_STEP), exact(plan.increment), ROUND_FLOOR)
        heavier = max(added, min(found[0], float(ten)))
        return Prescription(exercise, plan.sets, low, heavier, Reason.ESTIMATE, basis)
    if load is not None and load > 0 and short_of_range(last, plan) and found is not None:
        lighter = max(plan.increment, min(step_below(load, plan.increment), found[0]))
        return Prescription(exercise, plan.sets, low, lighter, Reason.ESTIMATE, basis)
    return next_prescription(exercise, logged, plan, ladder, estimable=estimable, prescribed=sets_then)


def first_on_day(exercise: str, last: Sequence[SetDone], plan: Plan, ladder: Ladder | None) -> Prescription:
    """A bodyweight or band move's first day of its kind, from ``last`` session's reps, whatever its day
    (``bodyreps``): 10, 9, 8, 8 for a volume day's 10–12 with 2 in reserve is 4×8, not 4×10."""
    reps = [s.reps for s in last]
    target = first_reps(reps, [s.rir for s in last], plan.target_rir, plan.rep_range[1])
    hint = easier_version(exercise, reps, plan, ladder)
    return Prescription(exercise, plan.sets, target, None, Reason.FROM_REPS, max(last, key=_reps), hint)


def _reps(done: SetDone) -> int:
    return done.reps + (done.rir or 0)


def _after_ramp(
    worked: Sequence[SetDone], session: Sequence[SetDone], plan: Plan, sets_then: int
) -> Prescription | None:
    """The day after a ramp to fewer top sets than that day prescribed (``sets_then``; the module docstring
    has the rule); None when the day was no ramp (one load, or its sets at the top) or has no estimate."""
    load = worked[0].load
    ramped = len({s.load for s in session}) > 1 and len(worked) < sets_then
    rated = [(value, done) for done in worked if (value := e1rm(done)) is not None]
    if load is None or load <= 0 or not ramped or not rated:
        return None
    top = max(rated, key=lambda pair: pair[0])[1]
    eased = max(plan.increment, min(estimated_load(top, plan), step_below(load, plan.increment)))
    return Prescription("", plan.sets, plan.rep_range[0], eased, Reason.RAMPED, top)


def _best(sets: Sequence[SetDone]) -> SetDone | None:
    """A session's best working set: of its heaviest (warm-ups say nothing of today's strength), the one
    with the highest estimated one-rep max; None where none has one."""
    rated = [(value, done) for done in heaviest_sets(sets) if (value := e1rm(done)) is not None]
    return max(rated, key=lambda pair: pair[0])[1] if rated else None


def _matched(best: SetDone | None, later: SetDone | None) -> bool:
    return (
        best is not None
        and later is not None
        and (later.load or 0.0) >= (best.load or 0.0)
        and later.reps >= best.reps
    )


def short_of_range(sets: Sequence[SetDone], plan: Plan) -> bool:
    """Whether even the best working set fell short of the bottom of the range: a load for fewer reps."""
    working = heaviest_sets(sets)
    return bool(working) and max(s.reps for s in working) < plan.rep_range[0]


def recent_estimate(recent: Sequence[Sequence[SetDone]], plan: Plan) -> tuple[float, SetDone] | None:
    """The load a day that takes turns is worked out at from ``recent`` sessions of any kind (oldest
    first), and the set it comes from; None when no working set has an estimated one-rep max.

    Conservative, because Epley flatters a few reps not taken to failure: 200 kg × 3 on a heavy day says
    165 kg for a volume day's 8 reps with 2 in reserve, when the moderate day since lifted 160 kg × 6 (a
    newcomer trial). So each of the last ``ESTIMATE_SESSIONS`` sessions gives the estimate of its best
    working set (the sets at its heaviest load; warm-ups say nothing of today's strength), unless a later
    one matched that set, at least as heavy for at least as many reps; the lowest of those is taken, and
    never more than the load of any of those working sets done for fewer reps than today's: more reps
    are never prescribed at more load than a recent day lifted for fewer.
    """
    sessions = [sets for sets in recent if sets][-ESTIMATE_SESSIONS:]
    bests = [_best(sets) for sets in sessions]
    # A set a later session matched (as heavy, as many reps) says nothing of today: a trial's target was
    # "worked out from your recent set (32.5 kg × 6)" the day after 4×8 @ 32.5 kg.
    kept = [
        (sets, best)
        for at, (sets, best) in enumerate(zip(sessions, bests, strict=True))
        if not any(_matched(best, later) for later in bests[at + 1 :])
    ]
    sessions = [sets for sets, _ in kept]
    chosen: tuple[float, SetDone] | None = None
    for best in (best for _, best in kept):
        if best is None:
            continue
        load = estimated_load(best, plan)
        if chosen is None or load <= chosen[0]:
            chosen = (load, best)
    if chosen is None:
        return None
    step = exact(plan.increment)
    ceiling = min(
        (
            max(step, to_multiple(exact(done.load), step, ROUND_FLOOR))
            for sets in sessions
            for done in heaviest_sets(sets)
            if done.load and done.load > 0 and done.seconds is None and 1 <= done.reps < plan.rep_range[0]
        ),
        default=None,
    )
    if ceiling is not None and exact(chosen[0]) > ceiling:
        return float(ceiling), chosen[1]
    return chosen
