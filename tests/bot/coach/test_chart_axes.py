"""Which y axis each /progress line is read on (``bot.coach.chart_axes``).

A strength coach's trial: the weighted pull-up's added load (2.5 → 5 kg) shared the load axis with a
155 kg deadlift, a flat line at its foot. Beside loads lifted it is read on the right-hand axis now,
sharing it with reps if any, from 0 over 10 kg at least.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from bot.coach.chart_axes import MIN_ADDED_SPAN, Scale, Side, on_right, sides
from bot.coach.charts import Lift, Member, caption, progress_figure
from bot.coach.model import SetDone
from bot.coach.texts import Texts
from tests.bot.coach.test_chart_legend import PULL_UP, assert_covers_nothing, rising

TODAY = date(2026, 12, 4)
TEXTS = Texts.load()
DAYS = [TODAY - timedelta(days=offset) for offset in (24, 21, 17, 14, 10, 7, 3, 0)]
DEADLIFT = rising("Barbell deadlift", 150, 2.5)


def weighted(*loads: float, unit: str = "kg") -> Lift:
    sets = [(day, SetDone(5, load)) for day, load in zip(DAYS, loads, strict=False)]
    return Lift("Weighted pull-up", sets, unit, estimable=False, added=True)


def figure_of(lifts: list[Lift]) -> Figure:
    return progress_figure(
        today=TODAY, weekly_target=3, members=[Member("You", DAYS)], lifts=lifts, texts=TEXTS
    )


def lift_axes(figure: Figure) -> list[Axes]:
    return figure.axes[1:]


def test_an_added_load_is_read_on_its_own_axis_only_beside_loads_lifted() -> None:
    assert sides([(Scale.LOAD, False), (Scale.LOAD, True)]) == [Side.LOAD, Side.ADDED]
    assert sides([(Scale.LOAD, True), (Scale.REPS, False)]) == [Side.LOAD, Side.REPS]
    assert sides([(Scale.LOAD, False), (Scale.REPS, False), (Scale.LOAD, True)]) == [
        Side.LOAD,
        Side.REPS,
        Side.ADDED,
    ]
    assert on_right({Side.LOAD, Side.REPS, Side.ADDED}) == {Side.REPS, Side.ADDED}
    assert on_right({Side.REPS}) == set() and on_right({Side.LOAD}) == set()


def test_beside_a_deadlift_a_weighted_pull_ups_step_shows() -> None:
    pull_up = weighted(2.5, 2.5, 2.5, 5, 5, 5)
    left, right = lift_axes(figure_of([DEADLIFT, pull_up]))
    assert (left.get_ylabel(), right.get_ylabel()) == ("load (kg)", "added load (kg)")
    assert [line.get_label() for line in right.get_lines()] == ["Weighted pull-up"]
    low, high = right.get_ylim()
    assert low == 0 and high >= MIN_ADDED_SPAN["kg"]
    # 2.5 → 5 kg is a quarter of the axis at least, not a pixel or two at the foot of the deadlift's.
    assert 2.5 / (high - low) >= 0.2
    assert "added load on the right-hand axis" in caption([DAYS[0]], 3, [[8]], [DEADLIFT, pull_up], TEXTS)
    assert "right-hand axis" not in caption([DAYS[0]], 3, [[8]], [DEADLIFT], TEXTS)


def test_it_shares_the_reps_axis_beside_bodyweight_pull_ups() -> None:
    left, right = lift_axes(figure_of([DEADLIFT, weighted(2.5, 5), PULL_UP]))
    assert (left.get_ylabel(), right.get_ylabel()) == ("load (kg)", "reps (no load) · added load (kg)")
    assert {line.get_label() for line in right.get_lines()} >= {"Weighted pull-up", "Pull-up"}
    assert right.get_ylim()[1] >= max(MIN_ADDED_SPAN["kg"], 8)


def test_alone_it_is_the_load_axis() -> None:
    [only] = lift_axes(figure_of([weighted(2.5, 5)]))
    assert only.get_ylabel() == "load (kg)"
    assert "right-hand axis" not in caption([DAYS[0]], 3, [[8]], [weighted(2.5, 5)], TEXTS)


def test_the_legend_covers_no_point_with_an_added_load_on_the_right() -> None:
    assert_covers_nothing([DEADLIFT, weighted(2.5, 2.5, 5, 5, 7.5, 7.5, 10, 10), PULL_UP])
    assert_covers_nothing([DEADLIFT, weighted(2.5, 2.5, 5, 5, 7.5, 7.5, 10, 10)])


# Each example draws a figure: a few are enough, and none is held to a deadline.
@settings(max_examples=15, deadline=None)
@given(
    st.lists(st.sampled_from([1.25, 2.5, 5.0, 10.0, 20.0, 32.5]), min_size=1, max_size=8),
    st.sampled_from(["kg", "lb"]),
)
def test_the_added_axis_holds_every_point_over_the_least_span(loads: list[float], unit: str) -> None:
    pull_up = weighted(*loads, unit=unit)
    deadlift = Lift(DEADLIFT.name, DEADLIFT.sets, unit)  # one chat, one unit
    _left, right = lift_axes(figure_of([deadlift, pull_up]))
    low, high = right.get_ylim()
    assert low == 0 and high >= MIN_ADDED_SPAN[unit] and high > max(loads)
