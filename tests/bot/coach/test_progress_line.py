"""An advanced trainee who logs exactly what /workout prescribes sees their /progress line rise.

A strength coach's trial: heavy, moderate and volume days logged as written drew an estimated one-rep
max line that fell twice a week (96 → 90 → 83.3 kg on the lat pulldown, then up to 98.7 and down again):
each day's load is worked out cautiously from the days before, and Epley reads 4×10 at 62.5 kg far
below the heavy day's 4×6 at 80 kg. And after a first heavy day that ramped to a top set (200 kg × 3),
the eased heavy day the plan then asks (4×3 @ 192.5 kg) was captioned "-7.5 kg on heavy days".

Everything here is the pure path the bot takes: the planner's sessions and kinds of day, each lift's
target from what was logged (``sessionlog.targets``), the sets logged as written, and the chart's data
and caption from those sets.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from bot.coach.catalog import Catalog
from bot.coach.charts import Lift, Scale, caption, joined, lift_series
from bot.coach.model import Equipment, Level, SetDone
from bot.coach.planner import DELOAD_DAY, Profile, day_kind, heaviest_kind, plan_session
from bot.coach.sessionlog import Rotation, targets
from bot.coach.streaks import week_start
from bot.coach.texts import Texts

CATALOG = Catalog.load()
TEXTS = Texts.load()
PROFILE = Profile(Level.ADVANCED, Equipment.GYM, CATALOG.kit_for(Equipment.GYM, frozenset()), per_week=3)
HEAVY = heaviest_kind(CATALOG, Level.ADVANCED)
START = date(2026, 9, 7)  # a Monday
# A lift's first day, where /workout has nothing to go on and says "work up to" the range: a lifter
# ramps the deadlift to a top set and works the others at a load they know.
FIRST_TIME = {
    "deadlift": [SetDone(5, 180), SetDone(3, 190), SetDone(3, 200), SetDone(3, 200)],
    "lat-pulldown": [SetDone(6, 80)] * 4,
    "seated-cable-row": [SetDone(6, 70)] * 4,
    "barbell-rdl": [SetDone(10, 120)] * 4,  # the volume day's hinge
}


def as_prescribed(sessions: int) -> tuple[dict[str, list[tuple[date, SetDone]]], dict[date, str]]:
    """Three sessions a week, Monday, Wednesday and Friday, each main lift logged as /workout wrote it."""
    history: dict[str, list[tuple[date, SetDone]]] = {}
    kinds: dict[date, str] = {}
    for number in range(1, sessions + 1):
        day = START + timedelta(days=7 * ((number - 1) // 3) + 2 * ((number - 1) % 3))
        session = plan_session(CATALOG, PROFILE, number)
        found = targets(
            session,
            history,
            increment=2.5,
            ladders={},
            rotation=Rotation(day_kind(CATALOG, PROFILE, number), dict(kinds)),
            whole={item.exercise.id: item.sets for item in session.exercises},
        )
        kinds[day] = day_kind(CATALOG, PROFILE, number)
        for target in found:
            if not target.main:
                continue
            done = target.prescription
            sets = (
                FIRST_TIME[done.exercise]
                if done.load is None
                else [SetDone(done.reps, done.load)] * done.sets
            )
            history.setdefault(done.exercise, []).extend((day, one) for one in sets)
    return history, kinds


def line_of(lift: Lift) -> list[tuple[str, float]]:
    [series] = lift_series(lift, START)
    assert series.scale is Scale.E1RM
    return [(point.kind, point.value) for point in joined(series)]


def words(lifts: list[Lift], last: date) -> str:
    weeks = [week_start(last) - timedelta(weeks=back) for back in range(11, -1, -1)]
    return caption(weeks, 3, [[0] * 12], lifts, TEXTS)


def test_the_heaviest_kind_of_day_comes_from_the_routines() -> None:
    assert HEAVY == "heavy day"
    assert heaviest_kind(CATALOG, Level.INTERMEDIATE) == ""


def test_three_weeks_as_prescribed_draw_a_line_that_rises() -> None:
    history, kinds = as_prescribed(9)
    assert [kinds[day] for day in sorted(kinds)] == ["heavy day", "moderate day", "volume day"] * 3
    pulldown = Lift("Lat pulldown", history["lat-pulldown"], "kg", kinds, line_kind=HEAVY)
    # Before: 96, 90, 83.3, 98.7, 92.5, 85.4, 101.3, 95, 87.5: down on six of eight steps.
    assert line_of(pulldown) == [("heavy day", 96.0), ("heavy day", 98.7), ("heavy day", 101.3)]
    # The moderate and volume days are still drawn, each at its own estimate, off the line and under the
    # heavy day of their week (their loads are worked out cautiously below its estimate).
    [series] = lift_series(pulldown, START)
    off_line = [(p.kind, p.value) for p in series.points if p.kind != HEAVY]
    assert [kind for kind, _ in off_line] == ["moderate day", "volume day"] * 3
    heavy = [value for _, value in line_of(pulldown)]
    for week, (kind, value) in enumerate(off_line):
        assert value < heavy[week // 2], (kind, value, heavy)
    row = Lift("Seated cable row", history["seated-cable-row"], "kg", kinds, line_kind=HEAVY)
    for lift in (pulldown, row):
        values = [value for _, value in line_of(lift)]
        assert all(later > earlier for earlier, later in pairwise(values)), (lift.name, values)


def test_the_eased_heavy_day_after_a_ramp_is_no_loss_in_the_caption() -> None:
    history, kinds = as_prescribed(4)
    deadlift = Lift("Barbell deadlift", history["deadlift"], "kg", kinds, line_kind=HEAVY)
    last = max(kinds)
    # The plan eased the second heavy day to every set at a load all four can take.
    assert [done for day, done in history["deadlift"] if day == last] == [SetDone(3, 192.5)] * 4
    said = words([deadlift], last)
    assert "-7.5 kg" not in said, said
    assert (
        "Barbell deadlift: 192.5 kg × 3, heavy day (4 sets at it; last heavy day 2×3 @ 200 kg at the top)"
        in said
    )
    # Once a heavy day was worked like it, the change is told against that one.
    history, kinds = as_prescribed(7)
    deadlift = Lift("Barbell deadlift", history["deadlift"], "kg", kinds, line_kind=HEAVY)
    assert "Barbell deadlift: 192.5 kg × 4, heavy day (+0 kg on heavy days)" in words([deadlift], max(kinds))
    # The line, too, starts at the first heavy day worked for all its sets: before, 220 (the top set
    # 200 kg × 3), 211.8, 218.2, falling on the day the plan eased. The top set stays marked, off it.
    assert line_of(deadlift) == [("heavy day", 211.8), ("heavy day", 218.2)]
    [series] = lift_series(deadlift, START)
    top = series.points[0]
    assert (top.kind, top.value, top.reps, top.load) == ("heavy day", 220.0, 3, 200)


def test_the_caption_says_what_the_line_joins() -> None:
    history, kinds = as_prescribed(3)
    pulldown = Lift("Lat pulldown", history["lat-pulldown"], "kg", kinds, line_kind=HEAVY)
    said = words([pulldown], max(kinds))
    assert (
        "lifts charted as estimated 1-rep max (Epley, each day's best set of 1–12 reps); the line joins "
        "heavy days, and the other days, worked lighter on purpose, stand off it"
    ) in said, said


KINDS = ("heavy day", "moderate day", "volume day", DELOAD_DAY)
days_logged = st.lists(
    st.tuples(
        st.sampled_from(KINDS),
        st.integers(1, 12),
        st.decimals(min_value=20, max_value=300, places=1).map(float),
    ),
    min_size=1,
    max_size=12,
)


@given(days_logged)
def test_the_line_is_the_heavy_days_own_estimates_in_order(logged: list[tuple[str, int, float]]) -> None:
    days = [START + timedelta(days=2 * index) for index in range(len(logged))]
    lift = Lift(
        "Lift",
        [(day, SetDone(reps, load)) for day, (_, reps, load) in zip(days, logged, strict=True)],
        "kg",
        {day: kind for day, (kind, _, _) in zip(days, logged, strict=True)},
        line_kind=HEAVY,
    )
    heavy = [round(load * (1 + reps / 30), 1) for kind, reps, load in logged if kind == HEAVY]
    others = [
        round(load * (1 + reps / 30), 1) for kind, reps, load in logged if kind not in (HEAVY, DELOAD_DAY)
    ]
    # Whatever the other days lift, the line is the heavy days' (or, with none, the working days').
    assert [value for _, value in line_of(lift)] == (heavy or others)


@given(
    st.decimals(min_value=60, max_value=300, places=1).map(float),
    st.integers(1, 3),
    st.integers(1, 20),
    st.integers(3, 5),
)
def test_more_sets_at_a_lighter_load_are_never_a_loss_against_a_ramp(
    top: float, top_sets: int, eased_by: int, reps: int
) -> None:
    eased = round(top - 2.5 * eased_by, 1)
    first, then = START, START + timedelta(days=7)
    ramp = [(first, SetDone(5, round(top * 0.8, 1))), *[(first, SetDone(3, top))] * top_sets]
    lift = Lift(
        "Lift",
        [*ramp, *[(then, SetDone(reps, eased))] * 4],
        "kg",
        {first: HEAVY, then: HEAVY},
        line_kind=HEAVY,
    )
    said = words([lift], then)
    assert f"Lift: {eased:g} kg × {reps}, heavy day (4 sets at it; last heavy day " in said, said
    assert " kg on heavy days)" not in said
    # The line leaves the ramp off: it never falls on the eased day, however far it was eased.
    assert line_of(lift) == [(HEAVY, round(eased * (1 + reps / 30), 1))]


@given(st.integers(1, 4), st.integers(0, 8), st.integers(3, 5))
def test_a_day_cut_short_or_heavier_is_still_compared(sets: int, more: int, reps: int) -> None:
    # Fewer sets at the same load (a day cut short), or a heavier load: no ramp the plan eased.
    first, then = START, START + timedelta(days=7)
    heavier = 180 + 2.5 * more
    lift = Lift(
        "Lift",
        [*[(first, SetDone(reps, 180.0))] * sets, *[(then, SetDone(reps, heavier))] * 4],
        "kg",
        {first: HEAVY, then: HEAVY},
        line_kind=HEAVY,
    )
    assert f"Lift: {heavier:g} kg × {reps}, heavy day ({2.5 * more:+g} kg on heavy days)" in words(
        [lift], then
    )
    assert [day for day, _ in line_of(lift)] == [HEAVY, HEAVY]
