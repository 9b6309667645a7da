"""An advanced trainee who logs exactly what /workout prescribes sees their /progress line rise.

A newcomer trial: the heavy day went 4×5 @ 180 kg → 4×3 @ 185 kg (double progression: at the top of 3–5
the load goes up and the reps restart at 3). The caption said "+5 kg on heavy days" while the estimated
one-rep max line sloped down (Epley 210 → 203.5), and so did the pulldown's and the row's. The line is
now the heavy days' top load, what the caption compares; the other days are marked at their own load.

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
from bot.coach.chart_axes import Scale
from bot.coach.charts import Lift, caption, joined, lift_series, progress_figure
from bot.coach.lift_words import eased_days
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
    "dumbbell-rdl": [SetDone(10, 40)] * 4,  # the volume day's hinge, the week's third
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
    assert series.scale is Scale.LOAD
    return [(point.kind, point.value) for point in joined(series)]


def words(lifts: list[Lift], last: date) -> str:
    weeks = [week_start(last) - timedelta(weeks=back) for back in range(11, -1, -1)]
    return caption(weeks, 3, [[0] * 12], lifts, TEXTS)


def heavy_words(tops: list[tuple[float, int]]) -> str:
    """A lift's words from its heavy days' top sets (load, reps), in order: the change in load, or at the
    same load the change in reps, or none; then the best set where it beats the latest."""
    (first_load, first_reps), (load, reps) = tops[0], tops[-1]
    said = f"Lift: {load:g} kg × {reps}, heavy day"
    if load != first_load:
        said += f" ({load - first_load:+g} kg on heavy days)"
    elif reps != first_reps:
        more = reps - first_reps
        counted = f"{abs(more)} rep" + ("" if abs(more) == 1 else "s")
        said += f" ({'+' if more > 0 else '-'}{counted} at {load:g} kg on heavy days)"
    best = max(tops)
    return said + (f", best {best[0]:g} kg × {best[1]}" if best > (load, reps) else "")


def test_the_heaviest_kind_of_day_comes_from_the_routines() -> None:
    assert HEAVY == "heavy day"
    assert heaviest_kind(CATALOG, Level.INTERMEDIATE) == ""


def test_three_weeks_as_prescribed_draw_a_line_that_never_falls() -> None:
    history, kinds = as_prescribed(9)
    assert [kinds[day] for day in sorted(kinds)] == ["heavy day", "moderate day", "volume day"] * 3
    pulldown = Lift("Lat pulldown", history["lat-pulldown"], "kg", kinds, line_kind=HEAVY)
    # A line through every day's estimate went 96, 90, 83.3, 98.7, 92.5, 85.4, 101.3, 95, 87.5. The heavy
    # days hold 80 kg while their reps climb (6, 7, 8), as the caption says: "+2 reps at 80 kg on heavy days".
    assert line_of(pulldown) == [("heavy day", 80.0), ("heavy day", 80.0), ("heavy day", 80.0)]
    [series] = lift_series(pulldown, START)
    assert [p.reps for p in joined(series)] == [6, 7, 8]
    # The moderate and volume days are still drawn, each at its own load, off the line and under it
    # (their loads are worked out cautiously below the heavy day's).
    off_line = [(p.kind, p.value) for p in series.points if p.kind != HEAVY]
    assert off_line == [("moderate day", 70.0), ("volume day", 62.5)] * 3
    row = Lift("Seated cable row", history["seated-cable-row"], "kg", kinds, line_kind=HEAVY)
    assert line_of(row) == [("heavy day", 70.0)] * 3


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
    said = words([deadlift], max(kinds))
    assert "Barbell deadlift: 192.5 kg × 4, heavy day (+1 rep at 192.5 kg on heavy days)" in said, said
    # The line, too, starts at the first heavy day worked for all its sets: 192.5 kg, as the caption's
    # "+1 rep at 192.5 kg", never falling from the ramp's 200 kg on the day the plan eased. The top set
    # stays marked.
    assert line_of(deadlift) == [("heavy day", 192.5), ("heavy day", 192.5)]
    [series] = lift_series(deadlift, START)
    top = series.points[0]
    assert (top.kind, top.value, top.reps, top.load) == ("heavy day", 200, 3, 200)


def test_after_a_volume_day_the_caption_gives_the_heavy_days_latest_set() -> None:
    history, kinds = as_prescribed(9)
    assert kinds[max(kinds)] == "volume day"
    pulldown = Lift("Lat pulldown", history["lat-pulldown"], "kg", kinds, line_kind=HEAVY)
    [series] = lift_series(pulldown, START)
    last = joined(series)[-1]
    assert (last.kind, last.value, last.reps) == (HEAVY, 80.0, 8)
    said = words([pulldown], max(kinds))
    # Not the volume day's 4×10 at 62.5 kg beside a line that ends at 80 kg × 8.
    # The load held while the reps climbed 6 → 8: said as the reps gained, not as "+0 kg".
    assert "Lat pulldown: 80 kg × 8, heavy day (+2 reps at 80 kg on heavy days)" in said, said
    assert "62.5" not in said and "volume day" not in said


def test_the_caption_says_what_the_line_joins() -> None:
    history, kinds = as_prescribed(3)
    pulldown = Lift("Lat pulldown", history["lat-pulldown"], "kg", kinds, line_kind=HEAVY)
    said = words([pulldown], max(kinds))
    assert (
        "lifts charted as each day's top load; the line joins heavy days, and the other days, lighter on "
        "purpose, are marked off it at their own load"
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
def test_the_line_is_the_heavy_days_own_loads_in_order(logged: list[tuple[str, int, float]]) -> None:
    days = [START + timedelta(days=2 * index) for index in range(len(logged))]
    lift = Lift(
        "Lift",
        [(day, SetDone(reps, load)) for day, (_, reps, load) in zip(days, logged, strict=True)],
        "kg",
        {day: kind for day, (kind, _, _) in zip(days, logged, strict=True)},
        line_kind=HEAVY,
    )
    heavy = [load for kind, _, load in logged if kind == HEAVY]
    working = [kind for kind, _, _ in logged if kind != DELOAD_DAY]
    latest = [load for kind, _, load in logged if working and kind == working[-1]]
    # Whatever the other days lift, the line is the heavy days' loads (or, with none, those of the latest
    # working day's kind, what the caption compares), but a ramp the next heavy day eased.
    eased = eased_days(lift.sets, lift.kinds)
    line = [value for _, value in line_of(lift)]
    if not eased:
        assert line == (heavy or latest)
    assert set(line) <= set(heavy or latest)


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
    assert line_of(lift) == [(HEAVY, eased)]


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
    said = words([lift], then)
    assert heavy_words([(180.0, reps), (heavier, reps)]) == said.split(" · ")[-1], said
    assert [day for day, _ in line_of(lift)] == [HEAVY, HEAVY]


def test_a_load_up_with_reps_restarting_draws_a_line_that_rises_with_its_caption() -> None:
    # The trial's heavy day: 4×5 @ 180 kg, then the load goes up and the reps restart at 3.
    days = [START + timedelta(days=2 * n) for n in range(4)]
    kinds = dict(zip(days, ["heavy day", "moderate day", "volume day", "heavy day"], strict=True))
    logged = [(days[0], 5, 180.0), (days[1], 6, 160.0), (days[2], 10, 135.0), (days[3], 3, 185.0)]
    sets = [(day, SetDone(reps, load)) for day, reps, load in logged for _ in range(4)]
    deadlift = Lift("Barbell deadlift", sets, "kg", kinds, line_kind=HEAVY)
    said = words([deadlift], days[3])
    assert "Barbell deadlift: 185 kg × 3, heavy day (+5 kg on heavy days)" in said, said
    # Before: 210.0 → 203.5, the estimated one-rep max falling under "+5 kg".
    assert line_of(deadlift) == [("heavy day", 180.0), ("heavy day", 185.0)]
    [series] = lift_series(deadlift, START)
    off_line = [(p.kind, p.value) for p in series.points if p.kind != HEAVY]
    assert off_line == [("moderate day", 160.0), ("volume day", 135.0)]
    assert (
        "lifts charted as each day's top load; the line joins heavy days, and the other days, lighter on "
        "purpose, are marked off it at their own load"
    ) in said
    assert "estimated 1-rep max" not in said
    figure = progress_figure(today=days[3], weekly_target=3, members=[], lifts=[deadlift], texts=TEXTS)
    [lifts] = figure.axes[1:]
    line, *marks = lifts.get_lines()
    assert list(line.get_ydata()) == [180.0, 185.0]
    assert sorted(float(y) for mark in marks for y in mark.get_ydata()) == [135.0, 160.0, 180.0, 185.0]
    assert lifts.get_ylabel() == "load (kg)"
    assert lifts.get_title() == "Top load per session (marker: kind of day)"
    # Each point of the line says its reps: the load went up, the reps restarted.
    assert [(t.get_text(), t.xy[1]) for t in lifts.texts] == [("×5", 180.0), ("×3", 185.0)]


heavy_days = st.lists(
    st.tuples(
        st.integers(0, 8),  # how many steps of 2.5 kg up from the heavy day before (0: held)
        st.integers(3, 5),  # reps: restarting at 3 when the load goes up, or not
        st.lists(st.tuples(st.sampled_from(KINDS[1:]), st.integers(5, 12), st.integers(20, 200)), max_size=3),
    ),
    min_size=2,
    max_size=8,
)


@given(heavy_days)
def test_a_heavy_day_load_that_never_falls_draws_a_line_that_never_falls(
    logged: list[tuple[int, int, list[tuple[str, int, int]]]],
) -> None:
    sets: list[tuple[date, SetDone]] = []
    kinds: dict[date, str] = {}
    day, load = START, 100.0
    for steps, reps, between in logged:
        load += 2.5 * steps
        kinds[day] = HEAVY
        sets += [(day, SetDone(reps, load))] * 4
        for kind, other_reps, other_load in between:
            day += timedelta(days=2)
            kinds[day] = kind
            sets += [(day, SetDone(other_reps, float(other_load)))] * 3
        day += timedelta(days=2)
    lift = Lift("Lift", sets, "kg", kinds, line_kind=HEAVY)
    line = [value for _, value in line_of(lift)]
    assert len(line) == len(logged)
    assert all(later >= earlier for earlier, later in pairwise(line)), line
    # The line's rise is the caption's change on heavy days, whatever the other days lifted, and its last
    # point the caption's latest set, even after a moderate or volume day (a trial read a volume day's
    # lighter set beside the line's heavy top).
    tops = [(value, reps) for value, (_, reps, _) in zip(line, logged, strict=True)]
    said = words([lift], max(kinds))
    assert heavy_words(tops) == said.split(" · ")[-1], said
