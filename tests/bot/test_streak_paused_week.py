"""The week a pause ended, through the real Application: /streak, Done's reply and /progress read it alike.

A newcomer trial paused Monday to Wednesday on a Mon/Wed/Fri plan; on Thursday /streak asked for "3 more
sessions this week to keep the streak going", the whole week's, while /progress shaded the week as paused.
Now a week a pause touched asks only for the training days the pause left free (Friday's one session), says
so on /streak, counts on Done's line as 1/1, and /progress counts it the same way: paused while missed,
met once Friday's session is done.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from matplotlib.collections import PolyCollection

from bot.coach.charts import progress_figure
from fakeapi import SentMessage
from tests.bot.harness import Harness

USER = 5501
MONDAY_30_NOV = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def text_of(sent: list[SentMessage]) -> str:
    return "\n".join(message.text or "" for message in sent)


async def caption(bot: Harness) -> str:
    await bot.send(USER, "/progress")
    return bot.api.files[-1].caption or ""


def drawn_with(bot: Harness) -> dict[str, Any]:
    """What every /progress from now on hands to the chart renderer."""
    given: dict[str, Any] = {}
    charts = bot.app.bot_data.charts
    render = charts.render

    async def keep(**kwargs: Any) -> Any:
        given.update(kwargs)
        return await render(**kwargs)

    charts.render = keep  # type: ignore[method-assign]
    return given


async def a_full_week_then_monday_to_wednesday_paused(bot: Harness) -> None:
    bot.clock.now = MONDAY_30_NOV
    await bot.onboard(USER, days=3)  # Mon, Wed, Fri
    for _ in range(3):  # Mon 30 Nov, Wed 2 and Fri 4 Dec
        await bot.send(USER, "/done")
        await bot.press(USER, "✅ As written")
        bot.clock.advance(days=2)
    bot.clock.advance(days=1)  # Mon 7 Dec
    assert "paused through <b>Wed 09 Dec</b>" in text_of(await bot.send(USER, "/pause 3"))
    bot.clock.advance(days=3)  # Thu 10 Dec: the pause is over


async def test_the_week_a_pause_ended_asks_only_for_the_days_it_left(bot: Harness) -> None:
    await a_full_week_then_monday_to_wednesday_paused(bot)
    streak = text_of(await bot.send(USER, "/streak"))
    assert "Weekly streak: <b>1</b> week" in streak
    assert "This week: 0/1 sessions" in streak
    assert (
        "This week has a pause in it (Mon–Wed), so it asks for 1 session rather than 3: 1 more session to"
        " count it toward your streak, and missing it won't break the streak."
    ) in streak
    assert "keep the streak going" not in streak and "⏸" not in streak
    # /progress reads the week the same way: missed so far, so paused and not counted, the pause said in its
    # days (three of the week's seven).
    assert (await caption(bot)).startswith(
        "📈 3 sessions in 1 week (not counting a 3-day pause), target met in 1 of them"
    )


async def test_fridays_session_counts_the_week_in_every_reply(bot: Harness) -> None:
    await a_full_week_then_monday_to_wednesday_paused(bot)
    bot.clock.advance(days=1)  # Fri 11 Dec
    done = text_of(await bot.send(USER, "/done"))
    done += text_of(await bot.press(USER, "✅ As written"))
    assert "This week: 1/1. Streak: 2 weeks." in done, done
    streak = text_of(await bot.send(USER, "/streak"))
    assert "Weekly streak: <b>2</b> weeks" in streak and "This week: 1/1 sessions" in streak
    assert "This week's target met: with the pause (Mon–Wed) it asked for 1 session. Nice work! 💪" in streak
    assert (await caption(bot)).startswith("📈 4 sessions in 2 weeks, target met in 2 of them")
    # The next week is a whole one again.
    bot.clock.advance(days=3)  # Mon 14 Dec
    streak = text_of(await bot.send(USER, "/streak"))
    assert "This week: 0/3 sessions" in streak
    assert "3 more sessions this week to keep the streak going." in streak


async def test_a_pause_to_the_end_of_the_week_leaves_nothing_to_ask(bot: Harness) -> None:
    bot.clock.now = MONDAY_30_NOV
    await bot.onboard(USER, days=3)
    await bot.send(USER, "/done")
    await bot.press(USER, "✅ As written")
    bot.clock.advance(days=1)  # Tue 1 Dec, paused through Sun 6 Dec
    await bot.send(USER, "/pause until sunday")
    streak = text_of(await bot.send(USER, "/streak"))
    # Monday's session was the free day's: the week is met.
    assert "This week: 1/1 sessions" in streak
    assert "This week's target met: with the pause (Tue–Sun) it asked for 1 session." in streak


async def test_a_seven_day_pause_across_two_weeks_is_said_in_days_and_the_week_trained_counts(
    bot: Harness,
) -> None:
    # A newcomer trial on Mon/Wed/Fri: trained Thu 3, Mon 7 and Wed 9 Dec, paused Fri 11 through Thu 17 Dec;
    # on Fri 18 Dec /progress read "3 sessions in 1 week (not counting 2 weeks paused)" and shaded the week of
    # 7 Dec, trained on both days the pause left free in it.
    bot.clock.now = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
    await bot.onboard(USER, days=3)
    for step in (4, 2, 0):  # Thu 3, Mon 7 and Wed 9 Dec
        await bot.send(USER, "/done")
        await bot.press(USER, "✅ As written")
        bot.clock.advance(days=step)
    replies = text_of(await bot.send(USER, "/pause from friday until 17 dec"))
    assert "pause from <b>Fri 11 Dec</b> through <b>Thu 17 Dec</b>" in replies, replies
    bot.clock.advance(days=9)  # Fri 18 Dec
    given = drawn_with(bot)
    assert (await caption(bot)).startswith(
        "📈 3 sessions in 2 weeks (not counting a 7-day pause), target met in 1 of them ·"
    )
    # The chart the handler had drawn shades the week of 14 Dec alone, never that of 7 Dec, trained twice.
    sessions = progress_figure(**given).axes[0]
    labels = [label.get_text() for label in sessions.get_xticklabels()]
    shaded = [
        (path.vertices[:, 0].min(), path.vertices[:, 0].max())
        for collection in sessions.collections
        if isinstance(collection, PolyCollection)
        for path in collection.get_paths()
    ]
    assert labels == ["23 Nov", "30 Nov", "07 Dec", "14 Dec"] and shaded == [(2.5, 3.5)]
    # Friday's session, all the week of 14 Dec asked for: no week is passed by, none said paused.
    await bot.send(USER, "/done")
    await bot.press(USER, "✅ As written")
    assert (await caption(bot)).startswith("📈 4 sessions in 3 weeks, target met in 2 of them ·")
    assert bot.errors == []
