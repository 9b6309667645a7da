"""A light day the trainee chose (``comeback.chosen_light``) on the /progress chart: hollow, off the line, and
never the caption's latest set, so no drop (a newcomer trial read "-10 kg" for a day she went light)."""

from __future__ import annotations

from datetime import date, timedelta

from matplotlib.dates import num2date

from bot.coach.charts import Lift, Member, joined, lift_series, progress_figure, render_progress
from bot.coach.model import SetDone
from bot.coach.texts import Texts

TODAY = date(2026, 12, 4)
TEXTS = Texts.load()
DAYS = [TODAY - timedelta(days=n) for n in (9, 6, 3)]
LIGHT = DAYS[1]
ROW = Lift(
    "Seated cable row",
    [(DAYS[0], SetDone(7, 40.0)), (LIGHT, SetDone(10, 30.0)), (DAYS[2], SetDone(8, 40.0))],
    light=frozenset({LIGHT}),
)


def test_the_line_joins_every_day_but_the_light_one() -> None:
    [series] = lift_series(ROW, DAYS[0])
    assert [p.day for p in series.points] == DAYS, "still drawn"
    assert [p.day for p in joined(series)] == [DAYS[0], DAYS[2]]


def test_the_light_day_is_drawn_hollow_and_alone() -> None:
    figure = progress_figure(
        today=TODAY, weekly_target=2, members=[Member("You", DAYS)], lifts=[ROW], texts=TEXTS
    )
    lines = figure.axes[1].get_lines()
    line = next(found for found in lines if found.get_label() == "Seated cable row")
    assert [num2date(x).date() for x in line.get_xdata()] == [DAYS[0], DAYS[2]]
    [alone] = [found for found in lines if found is not line]
    assert [num2date(x).date() for x in alone.get_xdata()] == [LIGHT]
    assert alone.get_linestyle() == "None" and alone.get_markerfacecolor() == "none"


def test_the_caption_reads_the_working_sets_and_says_the_light_day() -> None:
    chart = render_progress(
        today=TODAY, weekly_target=2, members=[Member("You", DAYS)], lifts=[ROW], texts=TEXTS
    )
    assert chart is not None
    said = chart.caption
    assert "Seated cable row: 40 kg × 8 (+1 rep at 40 kg)" in said, said
    assert f"Seated cable row on {LIGHT:%d %b} (30 kg): a light day you chose" in said, said
    # The last session light: the caption's latest set is still the one before it.
    last_light = Lift(ROW.name, ROW.sets[:2], light=frozenset({LIGHT}))
    chart = render_progress(
        today=TODAY, weekly_target=2, members=[Member("You", DAYS[:2])], lifts=[last_light], texts=TEXTS
    )
    assert chart is not None and "Seated cable row: 40 kg × 7 · " in chart.caption, chart.caption


def test_a_bodyweight_light_day_is_said_by_its_reps_not_a_load() -> None:
    # Bodyweight and band moves have light days too (``chosen_light``): "(0 kg)" would say nothing.
    chin = Lift(
        "Chin-up",
        [(DAYS[0], SetDone(8)), (DAYS[0], SetDone(8)), (LIGHT, SetDone(6)), (LIGHT, SetDone(6))],
        light=frozenset({LIGHT}),
    )
    chart = render_progress(
        today=TODAY, weekly_target=2, members=[Member("You", DAYS[:2])], lifts=[chin], texts=TEXTS
    )
    assert chart is not None
    assert f"Chin-up on {LIGHT:%d %b} (6 reps): a light day you chose" in chart.caption, chart.caption
    assert "0 kg" not in chart.caption
