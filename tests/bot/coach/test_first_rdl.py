"""A strength coach's trial: an advanced trainee's first barbell RDL (the volume day's hinge) said "first
time — pick a load" beside a 150 kg × 5 deadlift logged. A coach starts it from the deadlift: the load
its estimated one-rep max allows for the day's reps with their reserve, about 60 % of that max, on the
chat's step, and says where the number comes from."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.coach.catalog import Catalog
from bot.coach.firstload import first_from_lift
from bot.coach.model import Equipment, Level, SetDone
from bot.coach.planner import Profile, Session, plan_session
from bot.coach.progress_text import progress_line
from bot.coach.progression import Plan, Reason, e1rm, exact
from bot.coach.sessionlog import Rotation, Target, ladder_ids, targets
from bot.coach.texts import Texts

CATALOG = Catalog.load()
TEXTS = Texts.load()
# Twice a week: session 3, the first volume day, is the week's first barbell hinge, so it is the barbell RDL
# (three a week, the third session's hinge is a dumbbell RDL: ``barbell_hinge_days``).
PROFILE = Profile(Level.ADVANCED, Equipment.GYM, CATALOG.kit_for(Equipment.GYM, frozenset()), 2)
MONDAY = date(2026, 11, 2)
NAMES = {"barbell-rdl": "Barbell Romanian deadlift", "deadlift": "Barbell deadlift"}
History = dict[str, list[tuple[date, SetDone]]]


def volume_day() -> Session:
    session = plan_session(CATALOG, PROFILE, 3)
    assert session.day == "volume day"
    assert any(i.exercise.id == "barbell-rdl" and i.tier == "main" for i in session.exercises)
    return session


def rdl(session: Session, history: History, deloads: frozenset[date] = frozenset()) -> Target:
    kinds = {MONDAY: "heavy day", MONDAY + timedelta(days=2): "moderate day"}
    found = targets(
        session, history, increment=2.5, ladders={}, rotation=Rotation(session.day, kinds), deloads=deloads
    )
    return next(t for t in found if t.planned == "barbell-rdl")


def line_for(target: Target) -> str:
    return progress_line(
        exercise=target.planned,
        last=target.last,
        last_exercise=target.source,
        prescription=target.prescription,
        plan=target.plan,
        unit="kg",
        names=NAMES,
        texts=TEXTS,
        loaded=target.loaded,
        day=target.day,
    )


def deadlifts(*sessions: tuple[float, int]) -> list[tuple[date, SetDone]]:
    return [
        (MONDAY + timedelta(days=2 * i), SetDone(reps, load))
        for i, (load, reps) in enumerate(sessions)
        for _ in range(4)
    ]


def test_the_session_reads_the_deadlifts_log_for_its_rdl() -> None:
    assert "deadlift" in ladder_ids(volume_day(), {})


def test_a_first_rdl_starts_from_the_deadlifts_estimated_max_and_says_so() -> None:
    target = rdl(volume_day(), {"deadlift": deadlifts((150.0, 5))})
    p = target.prescription
    # Before: "Barbell Romanian deadlift: first time — pick a load you could lift a couple more times …".
    # 150 × (30 + 5) / 30 = 175; its RDL max about 80 % of that (140), for 10 + 2 reps to failure 100 kg.
    assert (p.exercise, p.reason, p.sets, p.reps, p.load) == ("barbell-rdl", Reason.FROM_LIFT, 4, 10, 100.0)
    assert p.basis == SetDone(5, 150.0) and target.source == "deadlift" and target.loaded
    assert not target.first_load, "As written logs the line's load, not a question"
    assert target.sets == [SetDone(10, 100.0)] * 4
    assert line_for(target) == (
        "Barbell Romanian deadlift: first time — from your barbell deadlift 150 kg × 5 (a one-rep max of"
        " about 175 kg): today 4×10 @ 100 kg, about 57 % of it; log what you managed."
    )


def test_the_rdl_starts_from_the_deadlifts_best_recent_estimate_outside_deload_weeks() -> None:
    history = {"deadlift": deadlifts((150.0, 5), (140.0, 8), (125.0, 8))}
    deload = MONDAY + timedelta(days=4)
    # 140 × 38 / 30 = 177.3 beats 150 × 35 / 30 = 175; the deload's 125 kg × 8 is not read at all.
    assert rdl(volume_day(), history, frozenset({deload})).prescription.basis == SetDone(8, 140.0)
    assert [s.load for s in rdl(volume_day(), history, frozenset({deload})).last] == [140.0] * 4


def test_without_a_loaded_deadlift_or_once_logged_the_rdl_keeps_its_own_rule() -> None:
    session = volume_day()
    assert rdl(session, {}).prescription.reason is Reason.START
    assert rdl(session, {"deadlift": [(MONDAY, SetDone(5))]}).prescription.reason is Reason.START
    logged: History = {"deadlift": deadlifts((150.0, 5)), "barbell-rdl": [(MONDAY, SetDone(10, 80.0))]}
    assert rdl(session, logged).prescription.reason is not Reason.FROM_LIFT


def test_a_first_deadlift_is_never_worked_out_from_rdls() -> None:
    session = plan_session(CATALOG, PROFILE, 1)
    found = targets(session, {"barbell-rdl": [(MONDAY, SetDone(10, 100.0))]}, increment=2.5, ladders={})
    lift = next(t for t in found if t.planned == "deadlift")
    assert lift.prescription.reason is Reason.START and lift.prescription.load is None


@given(
    load=st.integers(1, 400).map(lambda n: n * 1.25),
    reps=st.integers(1, 20),
    rir=st.sampled_from([None, 0, 1, 2, 3]),
    low=st.integers(3, 15),
    target_rir=st.integers(0, 4),
    increment=st.sampled_from([1.0, 1.25, 2.5, 5.0]),
)
def test_a_first_rdl_is_on_the_step_under_seventy_percent_of_the_estimate(
    load: float, reps: int, rir: int | None, low: int, target_rir: int, increment: float
) -> None:
    plan = Plan(4, (low, low + 2), target_rir, lower_body=True, increment=increment)
    done = SetDone(reps, load, rir)
    found = first_from_lift("barbell-rdl", [[done]], plan)
    estimate = e1rm(done)
    if found is None:
        # Only a set with no estimate, or a max too light for one step of its share (0.49 at least).
        assert estimate is None or estimate * 0.48 < increment
        return
    assert found.load is not None and found.load > 0
    assert exact(found.load) % exact(increment) == 0
    assert estimate is not None and found.load <= 0.7 * estimate
    assert (found.sets, found.reps, found.reason, found.basis) == (4, low, Reason.FROM_LIFT, done)
