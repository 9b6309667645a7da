"""Weeks a /pause passed by on the /progress chart: not counted as missed in its caption, as /streak does
not count them, and shaded on the sessions panel rather than drawn as a missed week's zero."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st
from matplotlib.collections import PolyCollection
from matplotlib.patches import Rectangle

from bot.coach.chart_weeks import Pause, PauseSaid, passed_by, pause_said, weeks_words
from bot.coach.charts import Member, progress_figure, render_progress
from bot.coach.streaks import week_start, week_target
from bot.coach.texts import Texts

TODAY = date(2026, 12, 4)  # a Friday
TEXTS = Texts.load()
# The trial's shape at 3 a week: 3 sessions, 2, a two-week pause, then 1 this week.
DAYS = [date(2026, 11, d) for d in (2, 4, 6, 10, 12)] + [date(2026, 12, 1)]
PAUSE = (date(2026, 11, 16), date(2026, 11, 29))


def chart_caption(days: list[date], paused: list[Pause], target: int = 3) -> str:
    chart = render_progress(
        today=TODAY, weekly_target=target, members=[Member("You", days)], lifts=[], texts=TEXTS, paused=paused
    )
    assert chart is not None
    return chart.caption


def test_paused_weeks_are_not_counted_as_missed() -> None:
    assert chart_caption(DAYS, []) == "📈 6 sessions in 5 weeks, target met in 1 of them"
    assert chart_caption(DAYS, [PAUSE]) == (
        "📈 6 sessions in 3 weeks (not counting 2 weeks paused), target met in 1 of them"
    )
    # A pause of one day touches its week, as the streak reads it, and is said as the day it was.
    one_day = [(date(2026, 11, 18), date(2026, 11, 18))]
    assert chart_caption(DAYS, one_day).startswith("📈 6 sessions in 4 weeks (not counting a 1-day pause)")


def test_a_paused_week_trained_to_the_target_counts_like_any_other() -> None:
    assert chart_caption(DAYS, [(date(2026, 11, 2), date(2026, 11, 8))]) == (
        "📈 6 sessions in 5 weeks, target met in 1 of them"
    )


def test_every_week_paused_says_so() -> None:
    # From today (a Friday), three days of this week are paused, the rest of the pause in weeks to come.
    assert (
        chart_caption([TODAY], [(TODAY, TODAY + timedelta(days=10))])
        == "📈 1 session, all in 1 week with 3 days paused"
    )
    # Weeks paused from Monday to Sunday are said in weeks.
    assert weeks_words(1, 1, 1, 0, TEXTS) == "📈 1 session, all in 1 week paused"
    assert (
        weeks_words(1, 2, 2, 0, TEXTS, PauseSaid(9, one=True))
        == "📈 1 session, all in 2 weeks with a 9-day pause"
    )


def test_the_sessions_panel_shades_the_paused_weeks_under_the_bars() -> None:
    figure = progress_figure(
        today=TODAY, weekly_target=3, members=[Member("You", DAYS)], lifts=[], texts=TEXTS, paused=[PAUSE]
    )
    sessions = figure.axes[0]
    labels = [label.get_text() for label in sessions.get_xticklabels()]
    assert labels == ["02 Nov", "09 Nov", "16 Nov", "23 Nov", "30 Nov"]
    # Still a bar a week: the shading is no rectangle of its own.
    bars = [patch for patch in sessions.patches if isinstance(patch, Rectangle)]
    assert [bar.get_height() for bar in bars] == [3, 2, 0, 0, 1]
    shaded = [c for c in sessions.collections if isinstance(c, PolyCollection)]
    spans = sorted(
        (path.vertices[:, 0].min(), path.vertices[:, 0].max()) for c in shaded for path in c.get_paths()
    )
    # The third and fourth weeks, the pause's, each across its whole slot.
    assert spans == [(1.5, 2.5), (2.5, 3.5)]
    legend = sessions.get_legend()
    assert legend is not None
    assert [text.get_text() for text in legend.get_texts()].count("paused (not counted)") == 1
    # Without a pause, nothing shaded.
    plain = progress_figure(
        today=TODAY, weekly_target=3, members=[Member("You", DAYS)], lifts=[], texts=TEXTS
    )
    assert not [c for c in plain.axes[0].collections if isinstance(c, PolyCollection)]


@given(
    st.lists(st.integers(0, 6), min_size=1, max_size=12),
    st.lists(st.tuples(st.integers(0, 90), st.integers(0, 20)), max_size=3),
    st.integers(1, 7),
)
def test_passed_by_is_a_week_touching_a_pause_short_of_the_target(
    totals: list[int], pauses: list[tuple[int, int]], target: int
) -> None:
    first = week_start(TODAY) - timedelta(weeks=len(totals) - 1)
    weeks = [first + timedelta(weeks=n) for n in range(len(totals))]
    ranges = [
        (first + timedelta(days=start), first + timedelta(days=start + length)) for start, length in pauses
    ]
    touched = {
        week for week in weeks for start, end in ranges if week_start(start) <= week <= week_start(end)
    }
    # What a week asks for is the streak's (``week_target``): fewer where the pause left fewer days free.
    expected = {
        week
        for week, total in zip(weeks, totals, strict=True)
        if week in touched and total < week_target(week, target, ranges)
    }
    assert passed_by(weeks, totals, target, ranges) == expected
    assert all(total < target for week, total in zip(weeks, totals, strict=True) if week in expected)


MON_WED_FRI = frozenset({0, 2, 4})
# Mon/Wed/Fri at 3 a week, five weeks; Mon 23 to Wed 25 Nov paused, and Friday 27's one session.
PARTIAL = [date(2026, 11, d) for d in (2, 4, 6, 9, 11, 13, 16, 18, 20, 27, 30)] + [date(2026, 12, 2), TODAY]
MON_TO_WED = (date(2026, 11, 23), date(2026, 11, 25))


def test_a_week_a_pause_touched_asks_for_the_training_days_it_left_free() -> None:
    chart = render_progress(
        today=TODAY,
        weekly_target=3,
        members=[Member("You", PARTIAL)],
        lifts=[],
        texts=TEXTS,
        paused=[MON_TO_WED],
        workout_days=MON_WED_FRI,
    )
    assert chart is not None
    # Friday's session was all the week asked for, as /streak counts it.
    assert chart.caption == "📈 13 sessions in 5 weeks, target met in 5 of them"
    # Every day a training day, four were free: the week asked for 3, missed, and was passed by.
    assert chart_caption(PARTIAL, [MON_TO_WED]) == (
        "📈 13 sessions in 4 weeks (not counting a 3-day pause), target met in 4 of them"
    )


def test_the_sessions_panel_draws_a_paused_weeks_own_target() -> None:
    figure = progress_figure(
        today=TODAY,
        weekly_target=3,
        members=[Member("You", PARTIAL)],
        lifts=[],
        texts=TEXTS,
        paused=[MON_TO_WED],
        workout_days=MON_WED_FRI,
    )
    sessions = figure.axes[0]
    own = [c for c in sessions.collections if c.get_label() == "target with a pause"]
    assert len(own) == 1
    [segment] = own[0].get_segments()
    assert [tuple(point) for point in segment] == [(2.55, 1.0), (3.45, 1.0)], "the fourth week's slot, at 1"
    assert not [c for c in sessions.collections if isinstance(c, PolyCollection)], "met: nothing shaded"
    legend = sessions.get_legend()
    assert legend is not None and "target with a pause" in [text.get_text() for text in legend.get_texts()]


# A newcomer trial on Mon/Wed/Fri: Thu 3 Dec, then Mon 7 and Wed 9 Dec trained, paused from Fri 11 through
# Thu 17 Dec; /progress on Fri 18 Dec read "3 sessions in 1 week (not counting 2 weeks paused)" and shaded the
# week of 7 Dec, trained twice, as paused.
TRIAL_TODAY = date(2026, 12, 18)
TRIAL_DAYS = [date(2026, 12, 3), date(2026, 12, 7), date(2026, 12, 9)]
FRIDAY_TO_THURSDAY = (date(2026, 12, 11), date(2026, 12, 17))


def trial_chart(workout_days: frozenset[int], target: int) -> tuple[str, list[tuple[float, float]]]:
    given = {
        "today": TRIAL_TODAY,
        "weekly_target": target,
        "members": [Member("You", TRIAL_DAYS)],
        "lifts": [],
        "texts": TEXTS,
        "paused": [FRIDAY_TO_THURSDAY],
        "workout_days": workout_days,
    }
    chart = render_progress(**given)
    assert chart is not None
    sessions = progress_figure(**given).axes[0]
    shaded = [c for c in sessions.collections if isinstance(c, PolyCollection)]
    spans = sorted(
        (path.vertices[:, 0].min(), path.vertices[:, 0].max()) for c in shaded for path in c.get_paths()
    )
    return chart.caption, spans


def test_a_week_trained_to_what_the_pause_left_free_is_neither_shaded_nor_counted_paused() -> None:
    # Weeks of 23 Nov (padding), 30 Nov, 7 Dec and 14 Dec. The pause left Mon and Wed of 7 Dec free, both
    # trained: that week is met. 14 Dec asked for Friday's session and has none yet: it alone is passed by.
    for workout_days, target in ((MON_WED_FRI, 3), (frozenset({0, 3}), 2)):
        caption, spans = trial_chart(workout_days, target)
        assert caption == "📈 3 sessions in 2 weeks (not counting a 7-day pause), target met in 1 of them"
        assert spans == [(2.5, 3.5)], "only the week of 14 Dec is shaded"


def test_a_pause_is_said_in_days_where_it_is_shorter_than_the_weeks_it_passed_by() -> None:
    weeks = [date(2026, 11, 30), date(2026, 12, 7), date(2026, 12, 14)]
    # Seven days across two weeks, both passed by: one pause of 7 days, not 2 weeks.
    assert pause_said(TRIAL_TODAY, weeks, {weeks[1], weeks[2]}, [FRIDAY_TO_THURSDAY]) == PauseSaid(
        7, one=True
    )
    # Every week passed by paused Monday to Sunday: said in weeks (None).
    whole = [(date(2026, 12, 7), date(2026, 12, 13))]
    assert pause_said(TRIAL_TODAY, weeks, {weeks[1]}, whole) is None
    # Two pauses: their days.
    two = [(date(2026, 12, 1), date(2026, 12, 2)), FRIDAY_TO_THURSDAY]
    assert pause_said(TRIAL_TODAY, weeks, {weeks[0], weeks[2]}, two) == PauseSaid(9, one=False)
    # One running on past this week: the days up to this week's end, not one pause's length.
    running = [(date(2026, 12, 16), date(2026, 12, 31))]
    assert pause_said(TRIAL_TODAY, weeks, {weeks[2]}, running) == PauseSaid(5, one=False)
    # Nothing passed by: nothing to say.
    assert pause_said(TRIAL_TODAY, weeks, set(), [FRIDAY_TO_THURSDAY]) is None


def test_the_caption_says_several_pauses_in_days() -> None:
    chart = render_progress(
        today=TRIAL_TODAY,
        weekly_target=3,
        members=[Member("You", TRIAL_DAYS)],
        lifts=[],
        texts=TEXTS,
        paused=[(date(2026, 12, 1), date(2026, 12, 2)), FRIDAY_TO_THURSDAY],
        workout_days=MON_WED_FRI,
    )
    assert chart is not None
    assert chart.caption == "📈 3 sessions in 1 week (not counting 9 days paused), target met in 1 of them"
