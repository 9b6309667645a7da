"""The week a pause ended, through the real Application: /streak, Done's reply and /progress read it alike.

A newcomer trial paused Monday to Wednesday on a Mon/Wed/Fri plan; on Thursday /streak asked for "3 more
sessions this week to keep the streak going", the whole week's, while /progress shaded the week as paused.
Now a week a pause touched asks only for the training days the pause left free (Friday's one session), says
so on /streak, counts on Done's line as 1/1, and /progress counts it the same way: paused while missed,
met once Friday's session is done.
"""

from __future__ import annotations

from datetime import UTC, datetime

from fakeapi import SentMessage
from tests.bot.harness import Harness

USER = 5501
MONDAY_30_NOV = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def text_of(sent: list[SentMessage]) -> str:
    return "\n".join(message.text or "" for message in sent)


async def caption(bot: Harness) -> str:
    await bot.send(USER, "/progress")
    return bot.api.files[-1].caption or ""


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
    # /progress reads the week the same way: missed so far, so paused and not counted.
    assert (await caption(bot)).startswith(
        "📈 3 sessions in 1 week (not counting 1 week paused), target met in 1 of them"
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
