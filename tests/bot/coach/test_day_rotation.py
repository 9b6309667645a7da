"""Advanced days take turns (heavy, moderate, volume): progression compares like with like.

A newcomer trial: a moderate day after a heavy day of 200×3 was told "4×6 @ 200 kg, or 220 kg once all
sets reach 8", a heavy day after a volume day of 4×8 @ 175 "4×3 @ 192.5 kg. Every set hit the top".
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_FLOOR, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.coach.catalog import Catalog
from bot.coach.charts import Lift, Member, render_progress
from bot.coach.deload import deload_target
from bot.coach.ladders import ladder_for, load_ladders
from bot.coach.model import Equipment, Level, SetDone
from bot.coach.planner import DELOAD_DAY, Profile, Session, day_kind, day_kinds, plan_session, rotates
from bot.coach.progress_text import progress_line
from bot.coach.progression import (
    ESTIMATE_SESSIONS,
    Ladder,
    Plan,
    Reason,
    best_set,
    e1rm,
    estimated_load,
    next_prescription,
    progressed_load,
)
from bot.coach.progression_days import next_on_day
from bot.coach.sessionlog import Rotation, Target, targets
from bot.coach.texts import Texts
from bot.coach.trainingweeks import training_weeks
from tests.bot.coach.progression_strategies import histories, loads, plans

CATALOG = Catalog.load()
ENTRIES = load_ladders(CATALOG)
TEXTS = Texts.load()
NAMES = {ex.id: ex.name for ex in CATALOG.exercises.values()}
# The advanced deadlift's days; a volume day of 8–10 is the range sets outside the heavy and moderate
# days' (the planner's volume day hinges with a Romanian deadlift, 10–12).
# Advanced lifters add 3.5 % on a hinge, 2 % on a pull (routines.toml's ``increase``).
HEAVY = Plan(sets=4, rep_range=(3, 5), target_rir=1, lower_body=True, increment=2.5, increase_pct=3.5)
MODERATE = Plan(sets=4, rep_range=(6, 8), target_rir=2, lower_body=True, increment=2.5, increase_pct=3.5)
VOLUME = Plan(sets=4, rep_range=(8, 10), target_rir=2, lower_body=True, increment=2.5, increase_pct=3.5)
PULLDOWN_HEAVY = Plan(sets=4, rep_range=(3, 5), target_rir=1, increment=2.5, increase_pct=2)

HEAVY_DAY = [SetDone(5, 180), SetDone(3, 190), SetDone(3, 200), SetDone(3, 200)]
VOLUME_DAY = [SetDone(8, 175)] * 4


def at(load: float | None, *reps: int, rir: int | None = None) -> list[SetDone]:
    return [SetDone(r, load, rir) for r in reps]


# ---------------------------------------------------------------- the trial's three lines


def test_a_first_moderate_day_after_a_heavy_day_is_estimated_not_the_heavy_load() -> None:
    nxt = next_on_day("deadlift", [], [HEAVY_DAY], MODERATE)
    # 200 × 3 → 1RM 220 → 8 reps to failure (6 + 2 in reserve) → 173.7 → 172.5 on the 2.5 step.
    assert (nxt.reason, nxt.sets, nxt.reps, nxt.load) == (Reason.ESTIMATE, 4, 6, 172.5)
    assert nxt.basis == SetDone(3, 200)


def test_a_heavy_day_after_a_volume_day_follows_the_last_heavy_day() -> None:
    nxt = next_on_day("deadlift", [HEAVY_DAY], [HEAVY_DAY, [SetDone(6, 172.5)] * 4, VOLUME_DAY], HEAVY)
    # Ramped to two triples at 200: not 4×4 @ 200 (twice the sets, a rep more, at the top triples' load)
    # but the plan's four sets at what 200 × 3 says for 3 reps with 1 in reserve: 1RM 220 → 194 → 192.5.
    assert (nxt.reason, nxt.sets, nxt.reps, nxt.load) == (Reason.RAMPED, 4, 3, 192.5)
    assert nxt.basis == SetDone(3, 200)
    # What the trial got from the volume day: lighter than his heavy day, and "every set hit the top".
    wrong = next_prescription("deadlift", [HEAVY_DAY, VOLUME_DAY], HEAVY)
    assert (wrong.reason, wrong.load) == (Reason.ADD_LOAD, 180.0)


def test_a_first_heavy_day_after_a_volume_day_is_estimated_from_it() -> None:
    nxt = next_on_day("lat-pulldown", [], [at(80, 12, 11, 10, 10)], PULLDOWN_HEAVY)
    # 80 × 12 → 1RM 112 → 4 reps to failure → 98.8 → 97.5, not 82.5.
    assert (nxt.reason, nxt.reps, nxt.load, nxt.basis) == (Reason.ESTIMATE, 3, 97.5, SetDone(12, 80))
    deadlift = next_on_day("deadlift", [], [VOLUME_DAY], HEAVY)
    assert (deadlift.reason, deadlift.reps, deadlift.load) == (Reason.ESTIMATE, 3, 195.0)


# ---------------------------------------------------------------- the rule's cases


def test_nothing_logged_at_all_is_a_first_time() -> None:
    assert next_on_day("deadlift", [], [], HEAVY) == next_prescription("deadlift", [], HEAVY)
    assert next_on_day("deadlift", [], [], HEAVY).reason is Reason.START


def test_nothing_to_estimate_from_says_work_up_to_the_range() -> None:
    bodyweight = next_on_day("pull-up", [], [at(None, 12, 12, 10)], HEAVY)
    assert (bodyweight.reason, bodyweight.load, bodyweight.reps) == (Reason.NEW_DAY, None, 3)
    # Added load on a bodyweight rung is not what was lifted: no one-rep max from it.
    weighted = next_on_day("weighted-pull-up", [], [at(20, 8, 8, 8)], HEAVY, estimable=False)
    assert (weighted.reason, weighted.load) == (Reason.NEW_DAY, None)
    # Sets too long for Epley to say anything.
    long_sets = next_on_day("face-pull", [], [at(20, 25, 25)], HEAVY)
    assert (long_sets.reason, long_sets.load) == (Reason.NEW_DAY, None)


def test_a_day_of_its_kind_done_in_another_range_is_estimated_again() -> None:
    # A heavy day done as 4×8 @ 175 (past the top of 3–5): the estimate says 195 kg, but a session adds
    # at most 10 % (ACSM's 2–10 %), 192.5 kg; on an upper-body lift that is more than its usual 5 %.
    past = next_on_day("deadlift", [VOLUME_DAY], [VOLUME_DAY], HEAVY)
    assert (past.reason, past.reps, past.load) == (Reason.ESTIMATE, 3, 192.5)
    pulldown = next_on_day("lat-pulldown", [at(80, 8, 8, 8, 8)], [at(80, 8, 8, 8, 8)], PULLDOWN_HEAVY)
    assert (pulldown.reason, pulldown.load) == (Reason.ESTIMATE, 87.5)  # 2 %: 82.5 kg
    # Just past the top: what the estimate says (200 × 6 → 1RM 240 → 211.8), at least the usual added
    # load: a load for another range is put right, not an increase at the level's pace.
    just = next_on_day("deadlift", [at(200, 6, 6, 6, 6)], [at(200, 6, 6, 6, 6)], HEAVY)
    assert just.load == 210.0 and just.reason is Reason.ESTIMATE
    assert just.load >= progressed_load(200, HEAVY) == 205.0
    # A moderate day whose best set was 5 reps: lighter, from the 1RM.
    short = next_on_day("deadlift", [at(190, 5, 5, 4, 4)], [HEAVY_DAY, at(190, 5, 5, 4, 4)], MODERATE)
    # The lower of the two sessions' estimates: 200 × 3 (1RM 220) → 173.7 → 172.5, not 190 × 5's 175.
    assert (short.reason, short.reps, short.load, short.basis) == (Reason.ESTIMATE, 6, 172.5, SetDone(3, 200))
    # Past the top with nothing to estimate from: the usual step, and no "every set hit the top".
    weighted = next_on_day(
        "weighted-pull-up", [at(20, 7, 7, 7, 7)], [at(20, 7, 7, 7, 7)], HEAVY, estimable=False
    )
    assert (weighted.reason, weighted.load) == (Reason.PAST_TOP, 22.5)


def test_every_set_at_the_top_of_the_days_range_adds_load_as_before() -> None:
    top = at(200, 5, 5, 5, 5)
    nxt = next_on_day("deadlift", [top], [top, VOLUME_DAY], HEAVY)
    assert nxt == next_prescription("deadlift", [top], HEAVY)
    assert (nxt.reason, nxt.load, nxt.reps) == (Reason.ADD_LOAD, 205.0, 3)


def test_stalls_count_on_the_same_kind_of_day() -> None:
    stuck = [at(200, 4, 4, 3, 3)] * 4
    mixed = [day for heavy in stuck for day in (heavy, [SetDone(6, 172.5)] * 4, VOLUME_DAY)]
    nxt = next_on_day("deadlift", stuck, mixed, HEAVY)
    assert nxt.reason is Reason.BACK_OFF and nxt.load == 180.0


def test_an_estimate_reads_only_the_last_few_sessions() -> None:
    old_best = at(250, 3)
    recent = [old_best, *[VOLUME_DAY] * ESTIMATE_SESSIONS]
    assert best_set(recent) == SetDone(8, 175)
    assert best_set([old_best, *[VOLUME_DAY] * (ESTIMATE_SESSIONS - 1)]) == SetDone(3, 250)
    # Reps in reserve count as reps it could have done; no load, a hold or 21+ reps to failure: none.
    assert e1rm(SetDone(8, 175, rir=2)) == pytest.approx(175 * 40 / 30)
    assert [e1rm(s) for s in (SetDone(8, None), SetDone(0, 20, seconds=30), SetDone(18, 20, rir=3))] == [
        None
    ] * 3


# ---------------------------------------------------------------- arithmetic


def _step_floor(value: Decimal, step: Decimal) -> Decimal:
    return (value / step).to_integral_value(ROUND_FLOOR) * step


@given(loads, st.integers(1, 20), st.one_of(st.none(), st.integers(0, 4)), plans)
def test_an_estimate_is_on_the_step_never_rounded_up_and_at_least_one_step(
    load: float, reps: int, rir: int | None, plan: Plan
) -> None:
    basis = SetDone(reps, load, rir)
    if e1rm(basis) is None:
        return
    estimate = Decimal(str(estimated_load(basis, plan)))
    step = Decimal(str(plan.increment))
    assert estimate % step == 0 and estimate >= step
    exact = Decimal(str(load)) * (30 + reps + (rir or 0)) / (30 + plan.rep_range[0] + plan.target_rir)
    assert estimate == max(step, _step_floor(exact, step))


@given(loads, plans)
def test_a_set_done_as_the_day_asks_estimates_its_own_load_back(load: float, plan: Plan) -> None:
    low = plan.rep_range[0]
    if low + plan.target_rir > 20:
        return
    basis = SetDone(low, load, plan.target_rir)
    step = Decimal(str(plan.increment))
    assert Decimal(str(estimated_load(basis, plan))) == max(step, _step_floor(Decimal(str(load)), step))


@given(st.lists(st.lists(st.integers(0, 5), min_size=1, max_size=5), max_size=6), loads, plans)
def test_sets_inside_the_days_range_progress_exactly_as_double_progression(
    offsets: list[list[int]], load: float, plan: Plan
) -> None:
    low, high = plan.rep_range
    sessions = [[SetDone(min(high, low + o), load) for o in session] for session in offsets]
    assert next_on_day("row", sessions, sessions, plan) == next_prescription("row", sessions, plan)


@given(histories, histories, plans, st.booleans())
def test_any_history_gives_a_load_on_the_step_or_none(
    same: list[list[SetDone]], others: list[list[SetDone]], plan: Plan, estimable: bool
) -> None:
    recent = others + same
    nxt = next_on_day("row", same, recent, plan, estimable=estimable)
    assert nxt.sets == plan.sets and nxt.reps >= 1
    if nxt.load is not None:
        assert nxt.load >= 0
        if nxt.reason in (Reason.ESTIMATE, Reason.PAST_TOP):
            assert Decimal(str(nxt.load)) % Decimal(str(plan.increment)) == 0 and nxt.load > 0
    if not same:
        assert nxt.reason in (Reason.START, Reason.NEW_DAY, Reason.ESTIMATE)
        assert (nxt.reason is Reason.START) == (not any(recent))
    if nxt.reason is Reason.ESTIMATE:
        assert estimable and nxt.basis is not None and nxt.basis in [s for sets in recent for s in sets]
    if nxt.reason is Reason.ADD_LOAD and nxt.load is not None and same:
        # "Every set hit the top" is said only of sets in the day's range, at its top.
        working_load = max(s.load for s in same[-1] if s.load is not None)
        working = [s for s in same[-1] if s.load == working_load]
        assert all(s.reps == plan.rep_range[1] for s in working)


# ---------------------------------------------------------------- which kind of day a session is


def advanced(per_week: int = 2) -> Profile:
    return Profile(Level.ADVANCED, Equipment.GYM, CATALOG.kit_for(Equipment.GYM, frozenset()), per_week)


@pytest.mark.parametrize("per_week", range(1, 8))
def test_a_sessions_kind_of_day_is_the_day_the_planner_gives_it(per_week: int) -> None:
    profile = advanced(per_week)
    for number in range(1, 60):
        session = plan_session(CATALOG, profile, number)
        assert day_kind(CATALOG, profile, number) == (DELOAD_DAY if session.deload else session.day)
    days = [date(2026, 1, 1) + timedelta(days=2 * n) for n in range(10)]
    kinds = day_kinds(CATALOG, profile, list(reversed(days)) + days[:3])
    # By the weeks the days were trained in (every other day: three or four a calendar week).
    weeks = training_weeks(days)
    assert [kinds[day] for day in days] == [day_kind(CATALOG, profile, n, weeks) for n in range(1, 11)]


def test_only_the_advanced_level_takes_turns() -> None:
    assert rotates(CATALOG, Level.ADVANCED)
    assert not rotates(CATALOG, Level.BEGINNER) and not rotates(CATALOG, Level.INTERMEDIATE)
    assert [day_kind(CATALOG, advanced(), n) for n in range(1, 10)] == [
        "heavy day",
        "moderate day",
        "volume day",
        "heavy day",
        "moderate day",
        "volume day",
        DELOAD_DAY,
        DELOAD_DAY,
        "heavy day",
    ]


# ---------------------------------------------------------------- a session's targets


def ladders_of(session: Session) -> dict[str, Ladder]:
    found = {
        item.exercise.id: ladder_for(item.exercise.id, ENTRIES, CATALOG, session.profile)
        for item in session.exercises
    }
    return {exercise: ladder for exercise, ladder in found.items() if ladder is not None}


MONDAY = date(2026, 11, 2)
DAYS = [MONDAY + timedelta(days=3 * n) for n in range(12)]


def history_of(*sessions: list[SetDone]) -> list[tuple[date, SetDone]]:
    return [(DAYS[n], done) for n, sets in enumerate(sessions) for done in sets]


def targets_on(
    number: int, history: dict[str, list[tuple[date, SetDone]]], *, rotation: bool = True
) -> dict[str, Target]:
    profile = advanced()
    session = plan_session(CATALOG, profile, number)
    turns = Rotation(day_kind(CATALOG, profile, number), day_kinds(CATALOG, profile, DAYS[: number - 1]))
    found = targets(
        session, history, increment=2.5, ladders=ladders_of(session), rotation=turns if rotation else None
    )
    return {target.planned: target for target in found}


def test_targets_take_the_last_session_of_the_same_kind_of_day() -> None:
    history = {"deadlift": history_of(HEAVY_DAY, at(172.5, 6, 6, 6, 6), VOLUME_DAY)}
    heavy = targets_on(4, history)["deadlift"]
    assert heavy.day == "heavy day" and heavy.last == tuple(HEAVY_DAY)
    assert (heavy.prescription.reason, heavy.prescription.load) == (Reason.RAMPED, 192.5)
    moderate = targets_on(2, {"deadlift": history_of(HEAVY_DAY)})["deadlift"]
    assert moderate.day == "moderate day" and moderate.last == ()
    assert (moderate.prescription.reason, moderate.prescription.load) == (Reason.ESTIMATE, 172.5)
    # Without a rotation (what beginner and intermediate chats get), the last session as before.
    plain = targets_on(4, history, rotation=False)["deadlift"]
    assert plain.day == "" and plain.last == tuple(VOLUME_DAY) and plain.prescription.load == 180.0


def test_a_ladders_rung_is_read_from_every_day_its_target_from_its_own_kind() -> None:
    # Session 28 is a heavy day with pull-ups (6–8), a rung of the pull-up ladder; sessions 1 and 4 were
    # heavy days, 3 a volume day.
    assert [day_kind(CATALOG, advanced(), n) for n in (1, 3, 4, 28)] == ["heavy day", "volume day"] + [
        "heavy day"
    ] * 2
    volume_only = {"pull-up": history_of([], [], at(None, 12, 12, 12))}
    target = targets_on(28, volume_only)["pull-up"]
    # 3×12 on a volume day says nothing of a heavy day's 6–8: no move up to weighted pull-ups. Its first
    # heavy day starts from those reps, at the range's top (``bodyreps``), under them as last time's.
    assert (target.prescription.exercise, target.prescription.reason) == ("pull-up", Reason.FROM_REPS)
    assert (target.prescription.reps, target.prescription.load) == (8, None)
    assert target.last == tuple(at(None, 12, 12, 12))
    assert targets_on(28, volume_only, rotation=False)["pull-up"].prescription.reason is Reason.MOVE_UP
    heavy_too = {"pull-up": history_of(at(None, 8, 8, 8), [], at(None, 12, 12, 12))}
    moved = targets_on(28, heavy_too)["pull-up"]
    assert (moved.prescription.exercise, moved.prescription.reason) == ("weighted-pull-up", Reason.MOVE_UP)
    assert moved.last == tuple(at(None, 8, 8, 8))


@given(
    st.sampled_from([Level.BEGINNER, Level.INTERMEDIATE]),
    st.integers(1, 30),
    st.lists(st.tuples(st.integers(0, 5), st.lists(st.integers(1, 15), min_size=1, max_size=4)), max_size=6),
    st.decimals(min_value=10, max_value=200, places=1).map(float),
)
def test_one_kind_of_day_prescribes_exactly_as_before(
    level: Level, number: int, logged: list[tuple[int, list[int]]], load: float
) -> None:
    """A level with one kind of day gets no rotation, and every loaded lift's target is next_prescription
    over all of its sessions: the rule before days took turns."""
    assert not rotates(CATALOG, level)
    profile = Profile(level, Equipment.GYM, CATALOG.kit_for(Equipment.GYM, frozenset()))
    session = plan_session(CATALOG, profile, number)
    days = sorted({MONDAY + timedelta(days=gap * 3 + n) for n, (gap, _) in enumerate(logged)})
    history: dict[str, list[tuple[date, SetDone]]] = {}
    per_day: list[list[SetDone]] = []
    for day, (_, reps) in zip(days, logged, strict=False):
        sets = [SetDone(r, load) for r in reps]
        per_day.append(sets)
        history.setdefault("lat-pulldown", []).extend((day, s) for s in sets)
    found = {t.planned: t for t in targets(session, history, increment=2.5, ladders=ladders_of(session))}
    if "lat-pulldown" not in found:
        return
    target = found["lat-pulldown"]
    # A deload week's session is the deload's, from the work before it (``bot.coach.deload``).
    rule = deload_target if session.deload else next_prescription
    expected = rule("lat-pulldown", per_day, target.plan)
    assert target.prescription == expected and target.day == ""
    assert target.last == (tuple(per_day[-1]) if per_day else ())


# ---------------------------------------------------------------- what /workout says


def line_for(
    exercise: str, same: list[list[SetDone]], recent: list[list[SetDone]], plan: Plan, day: str
) -> str:
    prescription = next_on_day(exercise, same, recent, plan)
    return progress_line(
        exercise=exercise,
        last=same[-1] if same else [],
        prescription=prescription,
        plan=plan,
        unit="kg",
        names=NAMES,
        texts=TEXTS,
        day=day,
        loaded=exercise != "pull-up",
    )


def test_the_lines_name_the_kind_of_day_and_what_an_estimate_comes_from() -> None:
    assert line_for("deadlift", [], [HEAVY_DAY], MODERATE, "moderate day") == (
        "Barbell deadlift: first moderate day for it → today 4×6 @ 172.5 kg, "
        "worked out from your recent set (200 kg × 3)."
    )
    heavy = line_for("deadlift", [HEAVY_DAY], [HEAVY_DAY, VOLUME_DAY], HEAVY, "heavy day")
    assert heavy == (
        "Barbell deadlift: last heavy day 5 @ 180 kg, 3 @ 190 kg, 2×3 @ 200 kg → today 4×3 @ 192.5 kg: "
        "every set at a load all of them can take, worked out from your top set (200 kg × 3)."
    )
    past = line_for("deadlift", [VOLUME_DAY], [VOLUME_DAY], HEAVY, "heavy day")
    assert past == (
        "Barbell deadlift: last heavy day 4×8 @ 175 kg, past the top of 3–5 → today 4×3 @ 192.5 kg, "
        "worked out from your recent set (175 kg × 8). 💪"
    )
    assert "Every set hit the top" not in past
    short = line_for("deadlift", [at(190, 5, 5, 4, 4)], [at(190, 5, 5, 4, 4)], MODERATE, "moderate day")
    assert "short of 6–8 → today 4×6 @ 175 kg, lighter" in short
    top = line_for("deadlift", [at(200, 5, 5, 5, 5)], [at(200, 5, 5, 5, 5)], HEAVY, "heavy day")
    assert top == (
        "Barbell deadlift: last heavy day 4×5 @ 200 kg → today 4×3 @ 205 kg. "
        "Every set hit the top: heavier now. 💪"
    )
    new = line_for("pull-up", [], [at(None, 12, 12)], HEAVY, "heavy day")
    assert new == (
        "Pull-up: first heavy day for it — 3–5 clean reps with 1 in reserve; log what you managed."
    )
    new = line_for("deadlift", [], [at(None, 12, 12)], HEAVY, "heavy day")
    assert new == (
        "Barbell deadlift: first heavy day for it — work up to a load you can lift 3–5 times "
        "with 1 in reserve, and log it."
    )


# ---------------------------------------------------------------- /progress


def test_the_progress_caption_compares_a_lift_with_its_own_kind_of_day() -> None:
    today = date(2026, 12, 4)
    days = [today - timedelta(days=n) for n in (20, 17, 14, 10, 7, 3)]
    kinds = dict(zip(days, ["heavy day", "moderate day", "volume day"] * 2, strict=True))
    best = [200, 172.5, 175, 205, 175, 177.5]
    reps = [3, 6, 8, 3, 6, 8]
    lift = Lift(
        "Barbell deadlift",
        [(d, SetDone(r, b)) for d, r, b in zip(days, reps, best, strict=True)],
        "kg",
        kinds,
    )
    chart = render_progress(
        today=today, weekly_target=3, members=[Member("You", days)], lifts=[lift], texts=TEXTS
    )
    assert chart is not None
    # Not "-22.5 kg" against the first heavy day: +2.5 kg against the first volume day.
    assert "Barbell deadlift: 177.5 kg × 8, volume day (+2.5 kg on volume days)" in chart.caption
    first = Lift("Barbell deadlift", lift.sets[:3], "kg", kinds)
    chart = render_progress(
        today=today, weekly_target=3, members=[Member("You", days)], lifts=[first], texts=TEXTS
    )
    assert chart is not None and "Barbell deadlift: 175 kg × 8, first volume day" in chart.caption
    plain = Lift("Barbell deadlift", lift.sets, "kg")
    chart = render_progress(
        today=today, weekly_target=3, members=[Member("You", days)], lifts=[plain], texts=TEXTS
    )
    assert chart is not None and "Barbell deadlift: 177.5 kg × 8 (-22.5 kg)" in chart.caption


# ---------------------------------------------------------------- the volume day's Romanian deadlift


def test_a_volume_days_romanian_deadlift_progresses_from_its_own_sets_not_the_deadlifts() -> None:
    deadlift = {"deadlift": history_of(HEAVY_DAY, at(172.5, 6, 6, 6, 6))}
    first = targets_on(3, deadlift)
    assert "deadlift" not in first
    rdl = first["barbell-rdl"]
    # Its first target only starts from the deadlift's best estimate (200 × 33 / 30 = 220 kg): about 80 %
    # of it for 10 reps with 2 in reserve, 125 kg (``firstload.first_from_lift``); from then on its own sets.
    assert (rdl.day, rdl.source, rdl.prescription.reason, rdl.prescription.load) == (
        "volume day",
        "deadlift",
        Reason.FROM_LIFT,
        125.0,
    )
    rdl_sets = at(80, 12, 12, 12, 12)
    logged = {**deadlift, "barbell-rdl": history_of([], [], rdl_sets)}
    again = targets_on(6, logged)["barbell-rdl"]
    assert again.last == tuple(rdl_sets)
    # Every set at the top: an advanced hinge's 3.5 % more, on the step: 82.8 → 82.5.
    assert (again.prescription.reason, again.prescription.reps, again.prescription.load) == (
        Reason.ADD_LOAD,
        10,
        82.5,
    )
    # The heavy day's deadlift still follows the last heavy day, whatever the RDL did in between.
    heavy = targets_on(4, logged)["deadlift"]
    assert (heavy.last, heavy.prescription.reason, heavy.prescription.load) == (
        tuple(HEAVY_DAY),
        Reason.RAMPED,
        192.5,
    )


def test_a_first_heavy_romanian_deadlift_is_estimated_from_romanian_deadlifts() -> None:
    # Block 2 (session 9 on, twice a week) hinges with the Romanian deadlift every day: its first heavy
    # day is estimated from the volume days' RDLs, never from the heavier deadlift of the same days.
    rdl_sets = at(80, 12, 12, 12, 12)
    history = {
        "deadlift": history_of(HEAVY_DAY, at(172.5, 6, 6, 6, 6), [], HEAVY_DAY),
        "barbell-rdl": history_of([], [], rdl_sets),
    }
    target = targets_on(9, history)["barbell-rdl"]
    assert (target.day, target.plan.rep_range) == ("heavy day", (6, 8))
    prescription = target.prescription
    assert (prescription.reason, prescription.basis) == (Reason.ESTIMATE, SetDone(12, 80))
    # 80 × 12 → 1RM 112 → 7 reps to failure (6 + 1 in reserve) → 90.8 → 90 on the 2.5 step.
    assert prescription.load == 90.0
