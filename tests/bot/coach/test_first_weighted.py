"""A strength coach's trial: an advanced block 2 makes the weighted pull-up a main lift, and its first
target came out as "first time — pick a load" after weeks of bodyweight pull-ups logged. Its first target
is a few reps under the last bodyweight session's best set, and (a second trial: 2.5 kg after a best of 10
was nowhere near 1 in reserve) about 1.25 kg (2.5 lb) of added load for each rep that best has to spare."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.coach.catalog import Catalog
from bot.coach.firstload import FEWER_WITH_LOAD, PER_REP, first_with_load
from bot.coach.ladders import ladder_for, load_ladders
from bot.coach.model import Equipment, Level, SetDone
from bot.coach.planner import Profile, Session, plan_session
from bot.coach.progress_text import progress_line
from bot.coach.progression import Plan, Reason
from bot.coach.sessionlog import Rotation, Target, targets
from bot.coach.texts import Texts

CATALOG = Catalog.load()
ENTRIES = load_ladders(CATALOG)
TEXTS = Texts.load()
PROFILE = Profile(Level.ADVANCED, Equipment.GYM, CATALOG.kit_for(Equipment.GYM, frozenset()), 3)
MONDAY = date(2026, 11, 2)
History = dict[str, list[tuple[date, SetDone]]]


def block_two_heavy_day() -> Session:
    session = plan_session(CATALOG, PROFILE, 13)
    assert session.day == "heavy day"
    assert any(i.exercise.id == "weighted-pull-up" and i.tier == "main" for i in session.exercises)
    return session


def weighted(session: Session, history: History, days: dict[date, str] | None = None) -> Target:
    ladders = {
        item.exercise.id: found
        for item in session.exercises
        if (found := ladder_for(item.exercise.id, ENTRIES, CATALOG, PROFILE)) is not None
    }
    kinds = days or {day: "moderate day" for day, _ in history.get("pull-up", [])}
    found = targets(session, history, increment=2.5, ladders=ladders, rotation=Rotation(session.day, kinds))
    return next(t for t in found if t.planned == "weighted-pull-up")


def pull_ups(*reps: int) -> list[tuple[date, SetDone]]:
    early = [(MONDAY, SetDone(8)) for _ in range(3)]
    return early + [(MONDAY + timedelta(days=7), SetDone(r)) for r in reps]


def line_for(target: Target, unit: str = "kg") -> str:
    return progress_line(
        exercise=target.planned,
        last=target.last,
        last_exercise=target.source,
        prescription=target.prescription,
        plan=target.plan,
        unit=unit,
        names={"weighted-pull-up": "Weighted pull-up", "pull-up": "Pull-up"},
        texts=TEXTS,
        loaded=target.loaded,
        day=target.day,
    )


def test_the_first_weighted_pull_up_is_estimated_from_the_reps_a_best_of_ten_has_to_spare() -> None:
    target = weighted(block_two_heavy_day(), {"pull-up": pull_ups(10, 9, 8, 8)})
    p = target.prescription
    # Before: 2.5 kg, the smallest step, for a trainee 4 reps past 5 with 1 in reserve.
    assert (p.exercise, p.reason, p.load, p.sets, p.reps) == (
        "weighted-pull-up",
        Reason.FROM_BODYWEIGHT,
        5.0,  # 10 - (5 + 1) = 4 to spare, 4 × 1.25 kg
        4,
        5,  # 10 - 3 = 7, capped at the heavy day's top of 5
    )
    assert target.source == "pull-up" and [s.reps for s in target.last] == [10, 9, 8, 8]
    assert target.loaded and not target.first_load
    assert line_for(target) == (
        "Weighted pull-up: last time Pull-up 10, 9, 8, 8 → today 4×5 @ 5 kg: your first sets with added"
        " load. Your best of 10 without it beats 5 reps with 1 in reserve by 4, and each rep to spare is"
        " worth about 1.25 kg added (rounded down to your step). A first guess: log what you managed."
    )


def test_a_best_with_little_to_spare_starts_at_the_smallest_step_and_says_so() -> None:
    plan = Plan(sets=4, rep_range=(6, 8), target_rir=2, increment=2.5)
    found = first_with_load("weighted-pull-up", [SetDone(9), SetDone(8)], plan)
    # 9 - (6 + 2) = 1 to spare: 1.25 kg, under the 2.5 kg step.
    assert found is not None and (found.reps, found.load) == (6, 2.5)
    line = progress_line(
        exercise="weighted-pull-up",
        last=[SetDone(9), SetDone(8)],
        last_exercise="pull-up",
        prescription=found,
        plan=plan,
        unit="kg",
        names={"weighted-pull-up": "Weighted pull-up", "pull-up": "Pull-up"},
        texts=TEXTS,
    )
    assert line == (
        "Weighted pull-up: last time Pull-up 9, 8 → today 4×6 @ 2.5 kg: your first sets with added load."
        " Your best of 9 without it leaves little over 6 reps with 2 in reserve, so start with the smallest"
        " step (+2.5 kg). Log what you managed."
    )


def test_a_pound_chat_gets_about_two_and_a_half_pounds_a_spare_rep() -> None:
    plan = Plan(sets=4, rep_range=(3, 5), target_rir=1, increment=5.0)
    found = first_with_load("weighted-pull-up", [SetDone(14)], plan, PER_REP["lb"])
    # 14 - (5 + 1) = 8 to spare: 20 lb, on the 5 lb step.
    assert found is not None and (found.reps, found.load) == (5, 20.0)


def test_with_nothing_logged_on_either_rung_it_is_still_a_first_time() -> None:
    assert weighted(block_two_heavy_day(), {}).prescription.reason is Reason.START


def test_once_weighted_pull_ups_are_logged_they_are_what_it_progresses_from() -> None:
    history = {
        "pull-up": pull_ups(10, 9, 8, 8),
        "weighted-pull-up": [(MONDAY + timedelta(days=9), SetDone(5, 2.5))] * 4,
    }
    days = {MONDAY: "moderate day", MONDAY + timedelta(days=7): "moderate day"}
    days[MONDAY + timedelta(days=9)] = "heavy day"
    target = weighted(block_two_heavy_day(), history, days)
    assert target.source == "weighted-pull-up"
    assert target.prescription.reason is Reason.ADD_LOAD and target.prescription.load == 5.0


@given(
    reps=st.lists(st.integers(1, 30), min_size=1, max_size=6),
    low=st.integers(1, 10),
    width=st.integers(0, 6),
    sets=st.integers(1, 6),
    rir=st.integers(0, 4),
    step=st.sampled_from([1.0, 1.25, 2.5, 5.0]),
    per_rep=st.sampled_from(list(PER_REP.values())),
)
def test_the_first_load_is_the_spare_reps_worth_on_the_step_for_reps_in_range_and_under_the_best(
    reps: list[int], low: int, width: int, sets: int, rir: int, step: float, per_rep: float
) -> None:
    plan = Plan(sets=sets, rep_range=(low, low + width), target_rir=rir, increment=step)
    found = first_with_load("weighted-pull-up", [SetDone(r) for r in reps], plan, per_rep)
    if max(reps) - FEWER_WITH_LOAD < low:
        assert found is None, "load would only cut a set already short of the range"
        return
    assert found is not None and found.load is not None
    assert found.sets == sets and found.reason is Reason.FROM_BODYWEIGHT
    assert low <= found.reps <= low + width
    assert found.reps <= max(reps) - FEWER_WITH_LOAD
    assert found.basis == SetDone(max(reps))
    worth = max(0, max(reps) - found.reps - rir) * per_rep
    steps = found.load / step
    assert abs(steps - round(steps)) < 1e-9, "a load on the chat's step"
    assert found.load >= step, "one step at least"
    assert found.load <= max(step, worth) + 1e-9, "never more than the spare reps are worth"
    assert found.load > worth - step - 1e-9, "rounded down by less than a step"


def test_loaded_sets_and_holds_say_nothing_of_bodyweight_reps() -> None:
    plan = Plan(sets=4, rep_range=(3, 5))
    assert first_with_load("weighted-pull-up", [SetDone(12, 10.0), SetDone(0, seconds=30)], plan) is None


def test_a_deload_weeks_first_weighted_pull_up_is_no_first_try_at_a_load() -> None:
    session = block_two_heavy_day()
    deload = replace(session, deload=True)
    assert weighted(deload, {"pull-up": pull_ups(14, 13, 12)}).prescription.reason is Reason.START
