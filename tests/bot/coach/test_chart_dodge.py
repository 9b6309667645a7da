"""Lifts logged alike stay visible on the /progress chart.

A newcomer trial: face pulls and rear-delt flies, both 3×12 at 10 kg on the same days, drew one line under
the other, and the legend named two. Tied lines are now moved apart on the page (a dodge, in points), never
in the data: these tests read what is handed to matplotlib, and that the days and values are untouched.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import combinations

from hypothesis import given
from hypothesis import strategies as st
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from bot.coach.chart_axes import Scale
from bot.coach.charts import Lift, Member, lift_series, progress_figure, render_progress, traces
from bot.coach.dodge import DODGE_POINTS, Drawn, dodges
from bot.coach.model import SetDone
from bot.coach.texts import Texts
from tests.bot.coach.chart_reading import legend_rows

TODAY = date(2026, 12, 4)
SINCE = TODAY - timedelta(weeks=12)
TEXTS = Texts.load()
DAYS = [TODAY - timedelta(days=offset) for offset in (21, 17, 14, 10, 7, 3, 0)]


def alike(name: str, reps: int = 12, load: float | None = 10, **more: object) -> Lift:
    return Lift(name, [(day, SetDone(reps, load)) for day in DAYS for _ in range(3)], **more)  # type: ignore[arg-type]


FACE_PULL, REAR_DELT_FLY = alike("Face pull"), alike("Rear-delt fly")


def offset_on_page(line: Line2D, axes: Axes) -> tuple[float, float]:
    """How far, in points, a line is drawn from where its own data would put it."""
    x, y = line.get_xdata()[0], line.get_ydata()[0]
    drawn = line.get_transform().transform((x, y))
    true = axes.transData.transform((x, y))
    dpi = axes.get_figure(root=True).dpi  # type: ignore[union-attr]
    across, up = (drawn - true) * 72 / dpi
    return round(float(across), 6), round(float(up), 6)


def test_two_lifts_logged_alike_get_their_own_marker_fill_and_side() -> None:
    face, fly = traces([FACE_PULL, REAR_DELT_FLY], SINCE)
    assert (face.marker, face.hollow) == ("o", False)
    assert (fly.marker, fly.hollow) == ("s", True)
    assert face.color != fly.color and face.linestyle == fly.linestyle == "-"
    # Half a dodge either side of the true value, not one lift on it and the other off it.
    assert (face.dodge, fly.dodge) == (-DODGE_POINTS / 2, DODGE_POINTS / 2)
    # The data are each lift's own, as the caption reads them: same days in order, same 10 kg.
    for trace, lift in ((face, FACE_PULL), (fly, REAR_DELT_FLY)):
        assert [trace.series] == lift_series(lift, SINCE)
        assert [p.day for p in trace.series.points] == DAYS
        assert {p.value for p in trace.series.points} == {10}


def test_lifts_that_never_meet_are_drawn_where_they_are() -> None:
    heavier = alike("Barbell row", 10, 40)
    pull_up = alike("Pull-up", 10, None)  # 10 reps on the reps axis is not 10 kg on the load axis
    assert [trace.dodge for trace in traces([FACE_PULL, heavier, pull_up], SINCE)] == [0, 0, 0]


def test_a_line_along_another_is_dodged_even_without_a_shared_point() -> None:
    one = Drawn("kg", [(DAYS[0], 10), (DAYS[2], 10)], [(DAYS[0], 10), (DAYS[2], 10)])
    between = Drawn("kg", [(DAYS[1], 10), (DAYS[3], 10)], [(DAYS[1], 10), (DAYS[3], 10)])
    after = Drawn("kg", [(DAYS[3], 10), (DAYS[4], 10)], [(DAYS[3], 10), (DAYS[4], 10)])
    assert dodges([one, between]) == [-DODGE_POINTS / 2, DODGE_POINTS / 2]
    # On the same line but only touching where one ends: both seen, nothing to move.
    assert dodges([one, after]) == [0, 0]


def test_three_alike_are_spread_around_the_true_value() -> None:
    three = [alike("Face pull"), alike("Rear-delt fly"), alike("Band pull-apart")]
    assert sorted(trace.dodge for trace in traces(three, SINCE)) == [-DODGE_POINTS, 0, DODGE_POINTS]


points = st.lists(
    st.tuples(st.sampled_from(DAYS), st.sampled_from([10.0, 12.5])), max_size=5, unique_by=lambda p: p[0]
)
many = st.lists(st.tuples(st.sampled_from(["kg", "reps"]), points), max_size=6)


@given(many)
def test_series_on_one_spot_always_differ_and_the_rest_stay_put(given: list) -> None:  # type: ignore[type-arg]
    drawn = [Drawn(axes, marks, sorted(marks)) for axes, marks in given]
    offsets = dodges(drawn)
    assert len(offsets) == len(drawn)
    for (i, one), (j, other) in combinations(enumerate(drawn), 2):
        if one.axes == other.axes and set(one.marks) & set(other.marks):
            assert offsets[i] != offsets[j]
    for index, one in enumerate(drawn):
        alone = not any(
            other.axes == one.axes and set(other.marks) & set(one.marks)
            for other in drawn[:index] + drawn[index + 1 :]
        )
        if alone and len(one.marks) <= 1:
            assert offsets[index] == 0
        # Never more than a few steps from the true value, however many series.
        assert abs(offsets[index]) <= DODGE_POINTS * len(drawn) / 2


def test_the_figure_draws_both_lines_apart_with_their_true_numbers() -> None:
    figure = progress_figure(
        today=TODAY,
        weekly_target=2,
        members=[Member("You", DAYS)],
        lifts=[FACE_PULL, REAR_DELT_FLY],
        texts=TEXTS,
    )
    _sessions, lifts = figure.axes
    lines = {line.get_label(): line for line in lifts.get_lines()}
    face, fly = lines["Face pull"], lines["Rear-delt fly"]
    for line in (face, fly):
        days = list(line.get_xdata())
        assert days == sorted(days) and len(days) == len(DAYS)
        assert list(line.get_ydata()) == [10] * len(DAYS)
    assert face.get_marker() != fly.get_marker()
    assert face.get_markerfacecolor() != "none" and fly.get_markerfacecolor() == "none"
    assert offset_on_page(face, lifts) == (0, -DODGE_POINTS / 2)
    assert offset_on_page(fly, lifts) == (0, DODGE_POINTS / 2)
    # The axis is the data's: 10 kg mid-axis, not stretched by the dodge counted as kilograms.
    low, high = lifts.get_ylim()
    assert low < 10 < high and high - low < 2
    legend = lifts.get_legend()
    assert legend is not None and [t.get_text() for t in legend.get_texts()] == ["Face pull", "Rear-delt fly"]


def test_the_caption_names_both_lifts_with_their_own_numbers() -> None:
    chart = render_progress(
        today=TODAY,
        weekly_target=2,
        members=[Member("You", DAYS)],
        lifts=[FACE_PULL, REAR_DELT_FLY],
        texts=TEXTS,
    )
    assert chart is not None
    # The same set both days: no change to tell, and no "(+0 kg)" that reads as nothing gained.
    assert chart.caption.endswith("Face pull: 10 kg × 12 · Rear-delt fly: 10 kg × 12")


def test_on_a_rotating_plan_markers_stay_the_kinds_and_the_dodge_tells_the_lifts_apart() -> None:
    kinds = dict(zip(DAYS, ["heavy day", "moderate day", "volume day"] * 3, strict=False))
    lifts = [alike("Barbell deadlift", 5, 100, kinds=kinds), alike("Barbell row", 5, 100, kinds=kinds)]
    deadlift, row = traces(lifts, SINCE)
    assert deadlift.series.scale is Scale.LOAD and deadlift.marker is None and row.marker is None
    assert (deadlift.dodge, row.dodge) == (-DODGE_POINTS / 2, DODGE_POINTS / 2)
    figure = progress_figure(today=TODAY, weekly_target=2, members=[], lifts=lifts, texts=TEXTS)
    [axes] = figure.axes[1:]
    by_color: dict[str, list[Line2D]] = {}
    for line in axes.get_lines():
        # A kind's markers are coloured by their edge: the lift's colour.
        by_color.setdefault(str(line.get_markeredgecolor()), []).append(line)
    assert len(by_color) == 2
    marks = [
        {line.get_marker() for line in lines if line.get_linestyle() == "None"} for lines in by_color.values()
    ]
    # The same marker for a kind of day whichever the lift: colour is the lift, marker the kind.
    assert marks[0] == marks[1] == {"o", "s", "^"}
    sides = [{offset_on_page(line, axes) for line in lines} for lines in by_color.values()]
    # A lift's line and its markers move together, and the two lifts to either side.
    assert sorted(sides, key=lambda side: sorted(side)) == [{(0, -DODGE_POINTS / 2)}, {(0, DODGE_POINTS / 2)}]
    for lines in by_color.values():
        assert all(list(line.get_xdata()) == sorted(line.get_xdata()) for line in lines)
    legend = axes.get_legend()
    assert legend is not None
    assert legend_rows(legend) == [
        ["Barbell deadlift", "Barbell row"],
        ["heavy day", "moderate day", "volume day"],
    ]
