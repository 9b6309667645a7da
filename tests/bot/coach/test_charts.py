from __future__ import annotations

import asyncio
import io
from datetime import date, timedelta
from typing import Any

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import num2date
from matplotlib.figure import Figure
from matplotlib.image import imread

from bot.coach.chart_axes import Scale
from bot.coach.charts import (
    Chart,
    Lift,
    Member,
    best_sets,
    lift_series,
    progress_figure,
    render_progress,
)
from bot.coach.model import SetDone
from bot.coach.texts import Texts
from tests.bot.coach.chart_reading import legend_rows

TODAY = date(2026, 12, 4)
TEXTS = Texts.load()
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def days_back(*offsets: int) -> list[date]:
    return [TODAY - timedelta(days=offset) for offset in offsets]


ROW = Lift(
    "Barbell row", [(d, SetDone(10, 40 + i * 2.5)) for i, d in enumerate(days_back(100, 60, 45, 30, 14, 3))]
)
PULL_UP = Lift("Pull-up", [(d, SetDone(3 + i)) for i, d in enumerate(days_back(50, 20, 2))])


def render(members: list[Member], lifts: list[Lift], target: int = 2) -> Chart | None:
    return render_progress(today=TODAY, weekly_target=target, members=members, lifts=lifts, texts=TEXTS)


def pixels(chart: Chart) -> Any:
    assert chart.png.startswith(PNG_SIGNATURE)
    image = imread(io.BytesIO(chart.png), format="png")
    assert image.ndim == 3 and image.shape[0] > 200 and image.shape[1] > 400
    return image


def same_picture(one: Any, other: Any) -> bool:
    return bool(one.shape == other.shape and (one == other).all())


def test_renders_a_valid_png_with_a_one_line_caption() -> None:
    chart = render([Member("You", days_back(1, 3, 8, 10, 30))], [ROW, PULL_UP])
    assert chart is not None
    pixels(chart)
    assert "\n" not in chart.caption
    # Counted from the first session in the twelve weeks (the row's, 60 days back): nine weeks.
    assert chart.caption.startswith("📈 5 sessions in 9 weeks, target met in 2 of them")
    # From the first best inside the twelve weeks (42.5 kg), not the older 40 kg.
    assert "Barbell row: 52.5 kg × 10 (+10 kg)" in chart.caption
    assert "Pull-up: 5 reps (+2)" in chart.caption


def test_pixels_change_when_the_data_change() -> None:
    one = render([Member("You", days_back(1, 3, 8))], [ROW])
    more = render([Member("You", days_back(1, 3, 8, 9, 10))], [ROW])
    heavier = render(
        [Member("You", days_back(1, 3, 8))], [Lift(ROW.name, [*ROW.sets, (TODAY, SetDone(10, 60))])]
    )
    assert one is not None and more is not None and heavier is not None
    base = pixels(one)
    assert not same_picture(base, pixels(more))
    assert not same_picture(base, pixels(heavier))
    again = render([Member("You", days_back(1, 3, 8))], [ROW])
    assert again is not None and same_picture(base, pixels(again))  # same data, same picture


def test_group_chart_has_a_line_per_member() -> None:
    ann, bob = Member("Ann", days_back(1, 8, 15)), Member("<Bob>", days_back(2, 3))
    chart = render([ann, bob], [])
    assert chart is not None
    pixels(chart)
    # The group's week meets the target when the members together reach it.
    assert chart.caption == "📈 5 sessions in 3 weeks, target met in 1 of them"
    alone = render([ann], [])
    assert alone is not None and alone.png != chart.png


def test_nothing_to_draw_is_none() -> None:
    assert render([], []) is None
    assert render([Member("You", [])], []) is None
    # Only sessions older than the twelve weeks: nothing in the window either.
    old = Member("You", days_back(100, 120))
    old_lift = Lift("Row", [(TODAY - timedelta(days=100), SetDone(10, 40))])
    assert render([old], [old_lift]) is None


def test_lift_names_are_escaped_in_the_caption() -> None:
    chart = render([Member("You", days_back(1))], [Lift("<b>row</b>", [(TODAY, SetDone(5, 20))])])
    assert chart is not None and "<b>" not in chart.caption


def test_best_sets_picks_each_days_top_set() -> None:
    day = TODAY
    sets = [
        (day, SetDone(12, 40)),
        (day, SetDone(8, 45)),
        (day, SetDone(9, 45)),
        (day - timedelta(days=1), SetDone(5)),
    ]
    assert best_sets(sets) == [(day - timedelta(days=1), SetDone(5)), (day, SetDone(9, 45))]


async def test_renders_in_worker_threads_at_once() -> None:
    members = [Member("You", days_back(*range(0, 80, offset))) for offset in range(2, 10)]

    def draw(member: Member) -> bytes:
        chart = render([member], [ROW])
        assert chart is not None
        return chart.png

    in_threads = await asyncio.gather(*(asyncio.to_thread(draw, member) for member in members))
    assert in_threads == [draw(member) for member in members]


HOME_DAY, GYM_DAY = date(2026, 12, 3), date(2026, 12, 4)
# A trial's two sessions: at home, then at the gym, where two lifts reached the same load.
TRIAL = [
    Lift("Push-up", [(HOME_DAY, SetDone(12)), (HOME_DAY, SetDone(10))]),
    Lift("Goblet squat", [(HOME_DAY, SetDone(10, 16))]),
    Lift("Barbell row", [(GYM_DAY, SetDone(8, 40))]),
    Lift("Bench press", [(GYM_DAY, SetDone(8, 40))]),
]


def lift_axes_of(figure: Figure) -> list[Axes]:
    """The lift panel and its bodyweight twin: every axes below the sessions-per-week one."""
    _sessions, *lifts = figure.axes
    return lifts


def test_lift_dates_are_the_days_they_were_logged() -> None:
    figure = progress_figure(
        today=GYM_DAY, weekly_target=2, members=[Member("You", [HOME_DAY, GYM_DAY])], lifts=TRIAL, texts=TEXTS
    )
    lift_axes = lift_axes_of(figure)
    start, end = (
        num2date(limit).date()  # type: ignore[no-untyped-call]
        for limit in lift_axes[0].get_xlim()
    )
    # Both days on the axis, and not much else: it used to run from 1915 to 2138 ("24 Mar" to "26 Jul").
    assert start <= HOME_DAY and end >= GYM_DAY
    assert end - start <= timedelta(days=7)
    FigureCanvasAgg(figure).draw()
    ticks = [label.get_text() for label in lift_axes[0].get_xticklabels() if label.get_text()]
    assert "03 Dec" in ticks and "04 Dec" in ticks
    # A trial read "03 Dec, 03 Dec, 04 Dec, 04 Dec": a tick every 12 hours, each day labelled twice.
    assert len(ticks) == len(set(ticks)), ticks


def test_a_long_span_still_ticks_whole_days_a_few_times() -> None:
    figure = progress_figure(today=TODAY, weekly_target=2, members=[], lifts=[ROW], texts=TEXTS)
    FigureCanvasAgg(figure).draw()
    ticks = [label.get_text() for label in lift_axes_of(figure)[0].get_xticklabels() if label.get_text()]
    assert 3 <= len(ticks) <= 8 and len(ticks) == len(set(ticks)), ticks


def test_bodyweight_lifts_alone_draw_no_empty_load_axis() -> None:
    # A trial with only bodyweight sets saw an empty "load (lb)" axis beside the reps one.
    bodyweight = [Lift("Band row", [(HOME_DAY, SetDone(12))], "lb"), PULL_UP]
    figure = progress_figure(
        today=GYM_DAY, weekly_target=2, members=[Member("You", [HOME_DAY])], lifts=bodyweight, texts=TEXTS
    )
    [lifts] = lift_axes_of(figure)
    assert lifts.get_ylabel() == "reps (no load)"
    assert {line.get_label() for line in lifts.get_lines()} == {"Band row", "Pull-up"}
    mixed = progress_figure(
        today=GYM_DAY, weekly_target=2, members=[Member("You", [HOME_DAY])], lifts=TRIAL, texts=TEXTS
    )
    assert [axes.get_ylabel() for axes in lift_axes_of(mixed)] == ["load (kg)", "reps (no load)"]


def test_the_caption_counts_in_words_that_agree() -> None:
    chart = render([Member("You", days_back(1))], [])
    assert chart is not None and chart.caption == "📈 1 session in 1 week, target met in 0 of them"


def test_every_lift_is_drawn_and_lifts_on_one_spot_stay_apart() -> None:
    figure = progress_figure(
        today=GYM_DAY, weekly_target=2, members=[Member("You", [HOME_DAY, GYM_DAY])], lifts=TRIAL, texts=TEXTS
    )
    lines = {line.get_label(): line for axes in lift_axes_of(figure) for line in axes.get_lines()}
    assert set(lines) == {lift.name for lift in TRIAL}
    legend = next(axes.get_legend() for axes in reversed(figure.axes) if axes.get_legend() is not None)
    assert [text.get_text() for text in legend.get_texts()] == [
        "Goblet squat",
        "Barbell row",
        "Bench press",
        "Push-up",
    ]
    row, bench = lines["Barbell row"], lines["Bench press"]
    # Same day, same 40 kg: a different shape, and the later one smaller, so it shows inside the other.
    assert list(row.get_xdata()) == list(bench.get_xdata())
    assert row.get_marker() != bench.get_marker()
    assert float(bench.get_markersize()) < float(row.get_markersize())


# An advanced plan: heavy, moderate and volume days take turns, then a deload week.
KINDS = ("heavy day", "moderate day", "volume day", "heavy day", "deload week")
ROTATING_DAYS = days_back(12, 9, 6, 3, 0)
DEADLIFT = Lift(
    "Barbell deadlift",
    [
        (ROTATING_DAYS[0], SetDone(5, 150)),
        (ROTATING_DAYS[0], SetDone(2, 160)),  # the day's top load, what is drawn (5 × 150 estimates higher)
        (ROTATING_DAYS[1], SetDone(8, 135)),
        (ROTATING_DAYS[2], SetDone(10, 125)),
        (ROTATING_DAYS[2], SetDone(15, 100)),  # lighter than the day's top set: not drawn
        (ROTATING_DAYS[3], SetDone(5, 155)),
        (ROTATING_DAYS[4], SetDone(8, 110)),
    ],
    kinds=dict(zip(ROTATING_DAYS, KINDS, strict=True)),
)


def test_a_rotating_plans_loaded_lift_is_one_load_line_with_each_days_kind() -> None:
    [series] = lift_series(DEADLIFT, TODAY - timedelta(weeks=12))
    assert series.scale is Scale.LOAD and series.kind == ""
    # Each day's top load, as the caption reads a set; the estimated one-rep max (175, 171, 166.7,
    # 180.8, 139.3) fell whenever double progression added load and restarted the reps.
    assert [(p.kind, p.value, p.reps, p.load) for p in series.points] == [
        ("heavy day", 160, 2, 160),
        ("moderate day", 135, 8, 135),
        ("volume day", 125, 10, 125),
        ("heavy day", 155, 5, 155),
        ("deload week", 110, 8, 110),
    ]
    # No kind given to join: the latest working day's, like with like as the caption compares.
    assert series.joins == "heavy day"
    # The same lift without kinds of day (beginner, intermediate) stays the top set's load.
    [plain] = lift_series(Lift(DEADLIFT.name, DEADLIFT.sets), TODAY - timedelta(weeks=12))
    assert plain.scale is Scale.LOAD and [p.value for p in plain.points] == [160, 135, 125, 155, 110]


def test_a_rotating_plans_bodyweight_lift_is_one_line_per_kind_of_day() -> None:
    pull_up = Lift(
        "Pull-up",
        [(day, SetDone(reps)) for day, reps in zip(ROTATING_DAYS[:4], (5, 8, 12, 6), strict=True)],
        kinds=DEADLIFT.kinds,
    )
    found = {s.kind: [p.value for p in s.points] for s in lift_series(pull_up, TODAY - timedelta(weeks=12))}
    assert found == {"heavy day": [5, 6], "moderate day": [8], "volume day": [12]}


def test_the_rotating_chart_joins_working_days_and_marks_each_kind() -> None:
    figure = progress_figure(today=TODAY, weekly_target=2, members=[], lifts=[DEADLIFT], texts=TEXTS)
    [lifts] = lift_axes_of(figure)
    assert lifts.get_title() == "Top load per session (marker: kind of day)"
    assert lifts.get_ylabel() == "load (kg)"
    line, *marks = lifts.get_lines()
    # The line joins the heavy days only: the others, and the deload week, are light on purpose.
    assert list(line.get_ydata()) == [160, 155]
    assert sorted(y for mark in marks for y in mark.get_ydata()) == [110, 125, 135, 155, 160]
    assert {mark.get_marker() for mark in marks} == {"o", "s", "^", "D"}
    legend = lifts.get_legend()
    assert legend is not None
    # Under the panel, a row of the lifts, then one of the kinds of day.
    assert legend_rows(legend) == [["Barbell deadlift"], list(dict.fromkeys(KINDS))]
    caption = render([], [DEADLIFT])
    assert caption is not None
    assert "lifts charted as each day's top load; the line joins heavy days" in caption.caption
