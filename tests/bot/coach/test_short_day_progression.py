"""A session is judged by the sets it prescribed that day (a newcomer trial).

After /workout 30 cut the deadlift to 2 sets and both reached the top, the whole session said "3 × 8 @ 100 kg"
and the short one "2 × 6 @ 110 kg". A coach judges a day by what it asked: both views now say 110 kg.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from bot.coach.catalog import Catalog
from bot.coach.model import Equipment, Level, SetDone
from bot.coach.planner import Profile, plan_session
from bot.coach.progression import Plan, Reason, judged_by, next_prescription
from bot.coach.progression_days import next_on_day
from bot.coach.sessionlog import targets
from bot.coach.shortened import cut
from tests.bot.coach.progression_strategies import histories, plans

DEADLIFT = Plan(sets=3, rep_range=(6, 8), target_rir=2, lower_body=True, increment=2.5)
TWO_AT_THE_TOP = [SetDone(8, 100.0)] * 2
CATALOG = Catalog.load()
MONDAY = date(2026, 12, 7)


def test_two_sets_at_the_top_of_a_day_that_asked_two_add_load() -> None:
    earned = next_prescription("deadlift", [TWO_AT_THE_TOP], DEADLIFT, prescribed=[2])
    assert (earned.sets, earned.reps, earned.load, earned.reason) == (3, 6, 110.0, Reason.ADD_LOAD)
    # A day that asked three (or one not said: the plan's own) earned one more set at the load, not more load.
    for held in (next_prescription("deadlift", [TWO_AT_THE_TOP], DEADLIFT, prescribed=[3]),
                 next_prescription("deadlift", [TWO_AT_THE_TOP], DEADLIFT)):  # fmt: skip
        assert (held.load, held.reason) == (100.0, Reason.ADD_REP)


def test_a_short_day_breaks_a_stall_it_topped() -> None:
    """Three sessions at the same numbers then a short day at the top: progress, not a back-off."""
    stalled = [[SetDone(7, 100.0)] * 3] * 3 + [TWO_AT_THE_TOP]
    assert next_prescription("deadlift", stalled, DEADLIFT, prescribed=[3, 3, 3, 2]).load == 110.0


def test_a_prescribed_day_that_is_empty_keeps_its_place() -> None:
    """An empty session is skipped with its prescribed sets, so the others keep theirs."""
    found = next_prescription("deadlift", [[], TWO_AT_THE_TOP], DEADLIFT, prescribed=[3, 2])
    assert found.reason is Reason.ADD_LOAD


def test_a_short_day_on_a_rotation_is_judged_by_its_sets_too() -> None:
    heavy = Plan(sets=4, rep_range=(3, 5), target_rir=1, lower_body=True, increment=2.5)
    short_heavy = [SetDone(6, 200.0)] * 2  # past the top of 3–5 on both of the 2 sets asked
    found = next_on_day("deadlift", [short_heavy], [short_heavy], heavy, prescribed=[2])
    assert found.load is not None and found.load > 200.0 and found.sets == 4
    held = next_on_day("deadlift", [short_heavy], [short_heavy], heavy)
    assert held.load == 200.0


@given(histories, plans, st.integers(1, 5), st.integers(1, 5), st.data())
def test_todays_sets_never_change_what_the_log_earned(
    sessions: list[list[SetDone]], plan: Plan, today_a: int, today_b: int, data: st.DataObject
) -> None:
    """The full (3 sets) and the short (2 sets) view of one session judge the same logged days alike:
    with each day's prescribed sets given, today's sets change only how many sets are asked."""
    then = data.draw(st.lists(st.integers(1, 5), min_size=len(sessions), max_size=len(sessions)))
    a = next_prescription("x", sessions, dataclasses.replace(plan, sets=today_a), prescribed=then)
    b = next_prescription("x", sessions, dataclasses.replace(plan, sets=today_b), prescribed=then)
    assert (a.sets, b.sets) == (today_a, today_b)
    assert dataclasses.replace(a, sets=0) == dataclasses.replace(b, sets=0)
    on_a = next_on_day("x", sessions, sessions, dataclasses.replace(plan, sets=today_a), prescribed=then)
    on_b = next_on_day("x", sessions, sessions, dataclasses.replace(plan, sets=today_b), prescribed=then)
    assert dataclasses.replace(on_a, sets=0) == dataclasses.replace(on_b, sets=0)


@given(histories, plans)
def test_the_plans_own_sets_read_as_before(sessions: list[list[SetDone]], plan: Plan) -> None:
    """Days prescribed the plan's sets are judged exactly as days with nothing said."""
    same = next_prescription("x", sessions, plan, prescribed=[plan.sets] * len(sessions))
    assert same == next_prescription("x", sessions, plan)
    assert judged_by(plan, None) is plan and judged_by(plan, plan.sets) is plan


def test_the_whole_and_the_cut_session_agree_on_the_deadlift() -> None:
    profile = Profile(Level.INTERMEDIATE, Equipment.GYM, CATALOG.kit_for(Equipment.GYM, frozenset()))
    whole = plan_session(CATALOG, profile, 2)
    # 25 minutes cut the deadlift to 2 sets (30 fit its third once the pulls' 6–8 rested 2–2.5 min).
    short = cut(whole, 25, CATALOG.routines).session
    monday = cut(plan_session(CATALOG, profile, 1), 25, CATALOG.routines, {"deadlift"}).session
    prescribed = {MONDAY: {item.exercise.id: item.sets for item in monday.exercises}}
    assert prescribed[MONDAY]["deadlift"] == 2
    sets = {item.exercise.id: item.sets for item in whole.exercises}
    history = {"deadlift": [(MONDAY, done) for done in TWO_AT_THE_TOP]}
    views = [
        next(
            t.prescription
            for t in targets(session, history, increment=2.5, ladders={}, prescribed=prescribed, whole=sets)
            if t.planned == "deadlift"
        )
        for session in (whole, short)
    ]
    # (The intermediate deadlift adds 5 % a step: 100 kg → 105 kg.)
    assert [(p.sets, p.load) for p in views] == [(3, 105.0), (2, 105.0)]
    # A whole day's 2 of 3 sets earned nothing, in either view.
    unsaid = [
        next(
            t.prescription
            for t in targets(s, history, increment=2.5, ladders={}, whole=sets)
            if t.planned == "deadlift"
        )
        for s in (whole, short)
    ]
    assert [(p.sets, p.load) for p in unsaid] == [(3, 100.0), (2, 100.0)]
