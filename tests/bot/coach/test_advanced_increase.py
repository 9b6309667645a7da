"""An advanced lifter's pace: the level's increase from routines.toml, the day after a ramp to a top set,
and no one-rep max of a load added to bodyweight.

A strength coach's trial: a 200 kg deadlift heavy day pointed at 220 kg (10 %, a newcomer's pace), a
ramp to two triples at 200 kg asked 4×4 @ 200 kg next time, and a weighted pull-up's 15 kg × 6 was a
record "estimated 1-rep max 18.0 kg".
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from bot.coach.catalog import Catalog, Increase
from bot.coach.chart_axes import Scale
from bot.coach.charts import Lift, lift_series
from bot.coach.content import ContentError, parse
from bot.coach.model import Equipment, Level, SetDone
from bot.coach.planner import Profile, plan_session
from bot.coach.progression import Plan, Reason, increase_fraction, next_prescription, progressed_load
from bot.coach.progression_days import next_on_day
from bot.coach.records import RecordKind, new_records
from tests.bot.coach.progression_strategies import histories, increments, loads

CATALOG = Catalog.load()
HEAVY = Plan(sets=4, rep_range=(3, 5), target_rir=1, lower_body=True, increment=2.5, increase_pct=3.5)
MODERATE = Plan(sets=4, rep_range=(6, 8), target_rir=2, lower_body=True, increment=2.5, increase_pct=3.5)
RAMP = [SetDone(5, 180), SetDone(3, 190), SetDone(3, 200), SetDone(3, 200)]

percents = st.decimals(min_value=Decimal("0.5"), max_value=10, places=1).map(float)
advanced_plans = st.builds(
    Plan,
    sets=st.integers(1, 5),
    rep_range=st.tuples(st.integers(1, 12), st.integers(0, 5)).map(lambda t: (t[0], t[0] + t[1])),
    target_rir=st.integers(0, 4),
    lower_body=st.booleans(),
    increment=increments,
    increase_pct=st.one_of(st.none(), percents),
)


# ---------------------------------------------------------------- the level's increase, from content


def test_each_level_says_its_increase_and_advanced_is_the_slowest() -> None:
    routines = CATALOG.routines
    assert routines.level(Level.BEGINNER).increase == Increase(upper_pct=5, lower_pct=10)
    # An intermediate's 140 kg deadlift gains 5 kg, not a beginner's 12.5 kg (a newcomer trial).
    assert routines.level(Level.INTERMEDIATE).increase == Increase(upper_pct=2.5, lower_pct=5)
    advanced = routines.level(Level.ADVANCED).increase
    # About 2–5 %: the deadlift near the top, pulls near the bottom.
    assert 2 <= advanced.upper_pct < advanced.lower_pct <= 5


def test_an_increase_is_checked_where_the_coach_writes_it() -> None:
    try:
        parse({"upper_pct": 4, "lower_pct": 2}, Increase, "routines.toml")
    except ContentError as error:
        assert "lower_pct" in str(error)
    else:
        raise AssertionError("a hinge moving less than a pull should not load")


def test_the_planner_hands_each_lift_its_levels_increase() -> None:
    def increases(level: Level) -> dict[str, float | None]:
        profile = Profile(level, Equipment.GYM, CATALOG.kit_for(Equipment.GYM, frozenset()))
        session = plan_session(CATALOG, profile, 1)
        return {item.exercise.id: item.increase_pct for item in session.exercises}

    advanced = increases(Level.ADVANCED)
    assert advanced["deadlift"] == 3.5 and advanced["lat-pulldown"] == 2
    intermediate = increases(Level.INTERMEDIATE)
    assert intermediate["lat-pulldown"] == 2.5 and intermediate["deadlift"] == 5


def test_the_trials_numbers() -> None:
    # A coach adds 2.5–5 kg on a 170–200 kg deadlift: 3.5 % rounded down to the 2.5 kg step.
    assert [progressed_load(load, HEAVY) for load in (170, 172.5, 180, 190, 200)] == [
        175.0,
        177.5,
        185.0,
        195.0,
        205.0,
    ]
    pull = Plan(sets=4, rep_range=(6, 8), increment=2.5, increase_pct=2)
    # 2 % of a 100 kg row is less than a plate step: one step.
    assert progressed_load(100, pull) == 102.5 and progressed_load(150, pull) == 152.5
    # A plan with no level increase given keeps a beginner's 5 % and 10 %.
    assert progressed_load(200, Plan(sets=3, rep_range=(6, 8), lower_body=True)) == 220.0
    assert progressed_load(100, Plan(sets=3, rep_range=(6, 8))) == 105.0


@given(loads, advanced_plans)
def test_an_increase_is_never_above_its_percentage_but_by_the_one_step_minimum(
    load: float, plan: Plan
) -> None:
    new = Decimal(str(progressed_load(load, plan)))
    last, step = Decimal(str(load)), Decimal(str(plan.increment))
    rise = new - last
    cap = last * increase_fraction(plan)
    assert rise > 0 and new % step == 0
    # Within the percentage, or at most the one-step minimum where the percentage is under a step.
    assert rise <= cap or (rise <= step and cap < step)
    if last % step == 0:
        assert rise >= step  # on the grid, never less than one step
    if plan.increase_pct is None:
        assert increase_fraction(plan) == (Decimal("0.10") if plan.lower_body else Decimal("0.05"))


@given(histories, advanced_plans)
def test_a_prescribed_increase_keeps_the_levels_pace(history: list[list[SetDone]], plan: Plan) -> None:
    nxt = next_prescription("row", history, plan)
    if nxt.reason is not Reason.ADD_LOAD or not history or nxt.load is None:
        return
    last = max(s.load for s in history[-1] if s.load is not None)
    rise, step = Decimal(str(nxt.load)) - Decimal(str(last)), Decimal(str(plan.increment))
    cap = Decimal(str(last)) * increase_fraction(plan)
    assert rise <= cap or (rise <= step and cap < step)
    assert rise > 0


# ---------------------------------------------------------------- after a ramp to a top set


def test_a_ramp_to_two_top_triples_gives_four_triples_the_estimate_allows() -> None:
    nxt = next_on_day("deadlift", [RAMP], [RAMP, [SetDone(6, 172.5)] * 4], HEAVY)
    # 200 × 3 → 1RM 220 → 4 reps to failure (3 + 1 in reserve) → 194.1 → 192.5 on the 2.5 step.
    assert (nxt.reason, nxt.sets, nxt.reps, nxt.load, nxt.basis) == (
        Reason.RAMPED,
        4,
        3,
        192.5,
        SetDone(3, 200),
    )
    # Top sets with reps in reserve estimate higher, but never above the top load: 4×3 @ 200.
    easy = [SetDone(5, 180), SetDone(5, 200, rir=2), SetDone(5, 200, rir=2)]
    held = next_on_day("deadlift", [easy], [easy], HEAVY)
    assert (held.reason, held.sets, held.reps, held.load) == (Reason.RAMPED, 4, 3, 200.0)


def test_what_is_no_ramp_progresses_as_before() -> None:
    # One load, fewer sets (a session cut short): held, one more rep.
    short = [SetDone(4, 180)] * 2
    assert next_on_day("deadlift", [short], [short], HEAVY) == next_prescription("deadlift", [short], HEAVY)
    # The plan's sets at the top after warm-ups: those are the day's work.
    worked = [SetDone(5, 140), *[SetDone(4, 180)] * 4]
    nxt = next_on_day("deadlift", [worked], [worked], HEAVY)
    assert (nxt.reason, nxt.sets, nxt.reps, nxt.load) == (Reason.ADD_REP, 4, 5, 180.0)
    # A load added to bodyweight has no estimate: held as before.
    pull = [SetDone(8, 10), SetDone(6, 20), SetDone(6, 20)]
    weighted = next_on_day("weighted-pull-up", [pull], [pull], MODERATE, estimable=False)
    assert (weighted.reason, weighted.load) == (Reason.ADD_REP, 20.0)


ramps = st.builds(
    lambda warm, top, top_reps, count, rir: [
        *(SetDone(reps, load) for load, reps in warm),
        *[SetDone(top_reps, top, rir)] * count,
    ],
    st.lists(
        st.tuples(st.integers(1, 200).map(lambda n: n * 0.5), st.integers(1, 12)), min_size=1, max_size=3
    ),
    st.integers(202, 600).map(lambda n: n * 0.5),
    st.integers(1, 12),
    st.integers(1, 3),
    st.one_of(st.none(), st.integers(0, 4)),
)


@given(ramps, advanced_plans.filter(lambda plan: plan.sets >= 4))
def test_after_a_ramp_the_plans_sets_never_exceed_the_top_load(ramp: list[SetDone], plan: Plan) -> None:
    nxt = next_on_day("deadlift", [ramp], [ramp], plan)
    if nxt.reason is not Reason.RAMPED:
        return
    top = ramp[-1].load
    assert top is not None and nxt.load is not None
    assert nxt.sets == plan.sets and nxt.reps == plan.rep_range[0]
    assert 0 < nxt.load <= max(top, plan.increment)
    assert Decimal(str(nxt.load)) % Decimal(str(plan.increment)) == 0


# ---------------------------------------------------------------- a load added to bodyweight


def test_a_load_added_to_bodyweight_has_no_one_rep_max_record() -> None:
    before, after = [SetDone(5, 15)] * 3, [SetDone(8, 15)] * 3
    kinds = {record.kind for record in new_records(before, after)}
    assert RecordKind.E1RM in kinds  # a barbell's 15 kg × 8 would be one
    added = new_records(before, after, estimable=False)
    assert [(r.kind, r.value, r.load) for r in added] == [(RecordKind.REPS_AT_LOAD, 8, 15)]
    heavier = new_records(before, [SetDone(5, 17.5)], estimable=False)
    assert [r.kind for r in heavier] == [RecordKind.HEAVIEST]
    # Heavier for fewer reps is still the heaviest added load yet, and nothing estimated.
    assert [r.kind for r in new_records(before, [SetDone(3, 17.5)], estimable=False)] == [RecordKind.HEAVIEST]


def test_the_catalog_knows_which_loads_are_added_to_bodyweight() -> None:
    exercises = CATALOG.exercises
    assert not exercises["weighted-pull-up"].estimable and exercises["weighted-pull-up"].added_load
    assert not exercises["assisted-pull-up-machine"].estimable
    assert exercises["deadlift"].estimable and exercises["lat-pulldown"].estimable


def test_an_added_load_is_charted_one_line_per_kind_of_day() -> None:
    monday = date(2026, 12, 7)
    days = [monday + timedelta(days=n) for n in (0, 3, 7, 10)]
    kinds = dict(zip(days, ["heavy day", "moderate day", "volume day", "heavy day"], strict=True))
    sets = [
        (days[0], SetDone(5, 15)),
        (days[1], SetDone(8, 10)),
        (days[2], SetDone(10, 5)),
        (days[3], SetDone(5, 17.5)),
    ]
    series = lift_series(Lift("Weighted pull-up", sets, "kg", kinds, estimable=False), monday)
    assert {s.kind: [(p.value, p.reps) for p in s.points] for s in series} == {
        "heavy day": [(15.0, 5), (17.5, 5)],
        "moderate day": [(10.0, 8)],
        "volume day": [(5.0, 10)],
    }
    assert {s.scale for s in series} == {Scale.LOAD}
    # A lift that is all load joins one kind of day, the others marked off its line.
    [whole] = lift_series(Lift("Barbell deadlift", sets, "kg", kinds, line_kind="heavy day"), monday)
    assert whole.scale is Scale.LOAD and whole.kind == "" and whole.joins == "heavy day"
