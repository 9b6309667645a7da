"""The weeks /progress covers: those the chat has trained in, not the whole twelve-week window.

A newcomer trial three weeks in read "6 sessions in 12 weeks" under a sessions panel of twelve bars, eight
of them empty.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st
from matplotlib.patches import Rectangle

from bot.coach.chart_weeks import MIN_WEEKS, WEEKS, chart_weeks, weeks_trained
from bot.coach.charts import Lift, Member, progress_figure, render_progress
from bot.coach.model import SetDone
from bot.coach.texts import Texts

TODAY = date(2026, 12, 4)  # a Friday
TEXTS = Texts.load()


def tue_and_thu(weeks: int) -> list[date]:
    """Two sessions a week for ``weeks`` weeks, this week's included."""
    tuesday = TODAY - timedelta(days=3)
    return sorted(
        tuesday - timedelta(weeks=back) + timedelta(days=extra) for back in range(weeks) for extra in (0, 2)
    )


def bars(days: list[date], lifts: list[Lift] | None = None) -> list[str]:
    """The sessions panel's week labels, one a bar."""
    figure = progress_figure(
        today=TODAY, weekly_target=2, members=[Member("You", days)], lifts=lifts or [], texts=TEXTS
    )
    sessions = figure.axes[0]
    assert len([patch for patch in sessions.patches if isinstance(patch, Rectangle)]) == len(
        sessions.get_xticklabels()
    )
    return [label.get_text() for label in sessions.get_xticklabels()]


def caption(days: list[date], lifts: list[Lift] | None = None) -> str:
    chart = render_progress(
        today=TODAY, weekly_target=2, members=[Member("You", days)], lifts=lifts or [], texts=TEXTS
    )
    assert chart is not None
    return chart.caption


def test_three_weeks_in_says_three_weeks_and_draws_no_empty_weeks_before_the_first() -> None:
    days = tue_and_thu(3)
    assert len(days) == 6
    assert caption(days).startswith("📈 6 sessions in 3 weeks, target met in 3 of them")
    # Three weeks trained, drawn as the four weeks a chart has at least: one empty bar before the first.
    assert bars(days) == ["09 Nov", "16 Nov", "23 Nov", "30 Nov"]


def test_the_first_week_is_one_week_on_the_fewest_bars() -> None:
    assert caption([TODAY]).startswith("📈 1 session in 1 week, target met in 0 of them")
    assert len(bars([TODAY])) == MIN_WEEKS


def test_six_weeks_in_draws_six_bars() -> None:
    days = tue_and_thu(6)
    assert caption(days).startswith("📈 12 sessions in 6 weeks, target met in 6 of them")
    assert bars(days)[0] == "26 Oct" and len(bars(days)) == 6


def test_past_the_window_it_is_the_window() -> None:
    days = tue_and_thu(20)
    assert caption(days).startswith(
        f"📈 {2 * WEEKS} sessions in {WEEKS} weeks, target met in {WEEKS} of them"
    )
    assert len(bars(days)) == WEEKS


def test_a_lift_logged_before_the_first_done_starts_the_weeks() -> None:
    # A /log is a session of its own; its week counts, whatever the sessions' list held.
    row = Lift("Barbell row", [(TODAY - timedelta(weeks=4), SetDone(10, 40))])
    assert caption([TODAY], [row]).startswith("📈 1 session in 5 weeks")
    assert len(bars([TODAY], [row])) == 5


@given(
    st.lists(st.integers(min_value=0, max_value=200), min_size=1, max_size=30),
)
def test_weeks_trained_runs_from_the_first_days_week_within_the_window(offsets: list[int]) -> None:
    days = [TODAY - timedelta(days=offset) for offset in offsets]
    trained = weeks_trained(TODAY, days)
    window = chart_weeks(TODAY)
    inside = [day for day in days if day >= window[0]]
    if not inside:
        assert trained == 0
        return
    assert 1 <= trained <= WEEKS
    # The first week counted holds the first day inside the window, and no day inside is before it.
    first_monday = chart_weeks(TODAY, trained)[0]
    assert first_monday <= min(inside) < first_monday + timedelta(weeks=1)
