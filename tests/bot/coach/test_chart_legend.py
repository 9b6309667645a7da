"""The /progress chart's legend never covers what it explains.

A newcomer trial: the lifts' legend sat inside the panel at matplotlib's "best" spot, which reads only the
lines of the axes it is on (the bodyweight twin's, beside loads), and covered the last points of the lines
at the top right, where a lifter who is getting stronger ends. It is now under the panel, below the dates.
These tests draw the figure and compare what matplotlib reports on the page, through its public API.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.transforms import Bbox

from bot.coach.charts import Lift, Member, progress_figure
from bot.coach.model import SetDone
from bot.coach.texts import Texts
from tests.bot.coach.chart_reading import legend_rows

TODAY = date(2026, 12, 4)
TEXTS = Texts.load()
DAYS = [TODAY - timedelta(days=offset) for offset in (24, 21, 17, 14, 10, 7, 3, 0)]
KINDS = ("heavy day", "moderate day", "volume day")


def rising(name: str, start: float, step: float, kinds: dict[date, str] | None = None) -> Lift:
    """A lift whose top set climbs every session, so its last point is the panel's top right."""
    sets = [(day, SetDone(5, start + step * at)) for at, day in enumerate(DAYS)]
    return Lift(name, sets, "kg", kinds or {}, line_kind="heavy day" if kinds else "")


PULL_UP = Lift("Pull-up", [(day, SetDone(4 + at // 2)) for at, day in enumerate(DAYS)])
ROTATION = {day: KINDS[at % 3] for at, day in enumerate(DAYS)}


def drawn(lifts: list[Lift]) -> tuple[Figure, RendererAgg, Legend]:
    figure = progress_figure(
        today=TODAY, weekly_target=3, members=[Member("You", DAYS)], lifts=lifts, texts=TEXTS
    )
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    [legend] = [axes.get_legend() for axes in figure.axes[1:] if axes.get_legend() is not None]
    return figure, canvas.get_renderer(), legend


def points_on_page(figure: Figure) -> list[Bbox]:
    """Each point of the lifts panel where it is drawn (after any dodge), as big as its marker."""
    found = []
    for axes in figure.axes[1:]:
        for line in axes.get_lines():
            half = float(line.get_markersize()) * figure.dpi / 72 / 2
            for x, y in line.get_transform().transform(line.get_xydata()):
                found.append(Bbox.from_extents(x - half, y - half, x + half, y + half))
    return found


def assert_covers_nothing(lifts: list[Lift]) -> None:
    figure, renderer, legend = drawn(lifts)
    box = legend.get_window_extent(renderer)
    points = points_on_page(figure)
    assert points
    assert not [point for point in points if box.overlaps(point)], box
    # Nor a line between them, a rep label or a date: it is outside the panel and under its dates...
    lifts_panel = figure.axes[1]
    assert not box.overlaps(lifts_panel.get_window_extent(renderer))
    labels = [text.get_window_extent(renderer) for axes in figure.axes[1:] for text in axes.texts]
    labels += [tick.get_window_extent(renderer) for tick in lifts_panel.get_xticklabels() if tick.get_text()]
    assert not [label for label in labels if box.overlaps(label)]
    # ...and whole on the picture.
    assert figure.bbox.containsx(box.x0) and figure.bbox.containsx(box.x1)
    assert figure.bbox.containsy(box.y0) and figure.bbox.containsy(box.y1)


def test_loads_rising_to_the_top_right_beside_a_bodyweight_lift() -> None:
    assert_covers_nothing([rising("Barbell deadlift", 150, 5), rising("Seated cable row", 60, 2.5), PULL_UP])


def test_a_rotating_plans_three_lifts_and_four_kinds_of_day() -> None:
    kinds = {**ROTATION, DAYS[-1]: "deload week"}
    lifts = [
        rising("Barbell Romanian deadlift", 150, 5, kinds),
        rising("Assisted pull-up machine", 40, 2.5, kinds),
        rising("Chest-supported row", 60, 2.5, kinds),
    ]
    assert_covers_nothing(lifts)
    _figure, _renderer, legend = drawn(lifts)
    assert legend_rows(legend) == [[lift.name for lift in lifts], [*KINDS, "deload week"]]


@settings(max_examples=15, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Lat pulldown", "Barbell deadlift", "Pull-up", "Band row"]),
        min_size=1,
        max_size=3,
        unique=True,
    ),
    st.booleans(),
)
def test_any_lifts_legend_covers_nothing(names: list[str], rotating: bool) -> None:
    kinds = ROTATION if rotating else None
    lifts = [
        PULL_UP if name == "Pull-up" else rising(name, 40 * (at + 1), 2.5, kinds)
        for at, name in enumerate(names)
    ]
    assert_covers_nothing(lifts)


# A home beginner's longest names, as a newcomer trial's legend cut them off at both edges of the picture.
HOME_NAMES = (
    "Romanian deadlift with a loaded backpack or dumbbells",
    "Kneeling band pulldown",
    "Bent-over row with a loaded backpack or dumbbells",
)


def assert_within_the_picture(lifts: list[Lift]) -> Legend:
    figure = progress_figure(
        today=TODAY, weekly_target=3, members=[Member("You", DAYS)], lifts=lifts, texts=TEXTS
    )
    figure.canvas.draw()
    [legend] = [axes.get_legend() for axes in figure.axes[1:] if axes.get_legend() is not None]
    box, page = legend.get_window_extent(), figure.bbox
    assert page.x0 <= box.x0 and box.x1 <= page.x1, (box, page)
    assert page.y0 <= box.y0 and box.y1 <= page.y1, (box, page)
    # Under the lifts panel's dates, as before, however many rows it took.
    ticks = [t.get_window_extent() for t in figure.axes[1].get_xticklabels() if t.get_text()]
    assert ticks and box.y1 <= min(tick.y0 for tick in ticks)
    return legend


def test_a_home_beginners_full_names_stay_within_the_picture() -> None:
    # No short names (a lift the catalog does not know): fewer entries a row until they fit.
    lifts = [rising(HOME_NAMES[0], 8, 1), rising(HOME_NAMES[1], 0, 0), rising(HOME_NAMES[2], 8, 1)]
    legend = assert_within_the_picture(lifts)
    shown = [text.get_text().replace("\n", " ") for text in legend.get_texts() if text.get_text()]
    assert shown == list(HOME_NAMES), "every name whole, none cut"


def test_a_home_beginners_short_names_are_the_legends() -> None:
    shorts = ("Backpack RDL", "Band pulldown", "Backpack row")
    lifts = [
        Lift(name, rising(name, 8, 1).sets, short=short)
        for name, short in zip(HOME_NAMES, shorts, strict=True)
    ]
    legend = assert_within_the_picture(lifts)
    assert legend_rows(legend) == [list(shorts)], "short names fit one row"


def test_a_name_too_long_for_a_row_of_its_own_is_wrapped() -> None:
    long = "Romanian deadlift with a loaded backpack or dumbbells " * 4
    legend = assert_within_the_picture([rising(long.strip(), 8, 1), PULL_UP])
    assert any("\n" in text.get_text() for text in legend.get_texts())
