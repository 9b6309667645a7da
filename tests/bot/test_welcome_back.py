"""Back from a trip, through the real Application: with no pause to end, "hi, I'm back from my trip!" is
welcomed back to training (▶ /workout), not pointed to /resume, which would change nothing; with a pause
running or still to come, or the reminders stopped, /resume is still the way back.

A newcomer trial whose pause had ended two days before was told "/resume switches your reminders back on
after a pause or a stop" and pressed a button that did nothing it could see."""

from __future__ import annotations

from datetime import UTC, datetime

from bot import callbacks
from fakeapi import SentMessage
from tests.bot.harness import Harness

CHAT = 5401
BACK = "hi, I'm back from my trip!"
# Saturday 5 Dec 2026; the harness's chats train on Mondays and Thursdays at 18:00 UTC.
SATURDAY_5_DEC = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)


def buttons(bot: Harness) -> list[tuple[str, str]]:
    return [button for row in bot.api.buttons(bot.api.last(CHAT)) for button in row]


def text_of(sent: list[SentMessage]) -> str:
    return "\n".join(m.text or "" for m in sent)


WORKOUT = [("▶ /workout", callbacks.pack("cmd", "workout"))]
RESUME = [("▶ /resume", callbacks.pack("cmd", "resume"))]


async def test_back_with_nothing_paused_is_welcomed_to_todays_session(bot: Harness) -> None:
    bot.clock.now = SATURDAY_5_DEC
    await bot.onboard(CHAT)
    said = text_of(await bot.send(CHAT, BACK))
    assert said.startswith(
        "👋 Welcome back! Nothing is paused: your reminders are on, the next one Mon 07 Dec"
    )
    assert "/resume" not in said
    # A newcomer trial: "Here's today's session:" was followed by a button alone, not the session.
    assert said.endswith("Ready to pick up where you left off? Tap ▶ /workout for today's session.")
    assert buttons(bot) == WORKOUT
    workout = text_of(await bot.send(CHAT, "/workout"))
    assert text_of(await bot.press(CHAT, "▶ /workout")) == workout, "the button runs /workout"


async def test_back_after_a_pause_that_ended_names_its_last_day(bot: Harness) -> None:
    bot.clock.now = SATURDAY_5_DEC
    await bot.onboard(CHAT)
    await bot.send(CHAT, "/pause until tuesday")
    # Thursday 10 Dec: the pause ended on Tuesday.
    bot.clock.now = datetime(2026, 12, 10, 9, 0, tzinfo=UTC)
    said = text_of(await bot.send(CHAT, BACK))
    assert "👋 Welcome back! Your break ended on Tue 08 Dec and your reminders are on again" in said
    assert "the next one Thu 10 Dec, 18:00" in said
    assert buttons(bot) == WORKOUT
    # A pause over for weeks is not the break they are back from.
    bot.clock.now = datetime(2027, 1, 7, 9, 0, tzinfo=UTC)
    assert text_of(await bot.send(CHAT, BACK)).startswith("👋 Welcome back! Nothing is paused")


async def test_a_pause_running_or_to_come_or_stopped_reminders_keep_resume(bot: Harness) -> None:
    bot.clock.now = SATURDAY_5_DEC
    await bot.onboard(CHAT)
    await bot.send(CHAT, "/pause 2 weeks")
    assert "/resume switches your reminders back on" in text_of(await bot.send(CHAT, BACK))
    assert buttons(bot) == RESUME
    ran = text_of(await bot.press(CHAT, "▶ /resume"))
    assert ran.startswith("▶️ Reminders are back on")
    # Now nothing is paused: the same words welcome the trainee back.
    assert "Welcome back" in text_of(await bot.send(CHAT, BACK))
    await bot.send(CHAT, "/pause from 20 dec until 27 dec")
    await bot.send(CHAT, BACK)
    assert buttons(bot) == RESUME, "a pause to come: /resume calls it off"
    await bot.send(CHAT, "/resume")
    await bot.send(CHAT, "/stop")
    await bot.send(CHAT, BACK)
    assert buttons(bot) == RESUME, "stopped: /resume turns them on"


async def test_asking_for_the_reminders_back_when_they_are_on_says_so(bot: Harness) -> None:
    bot.clock.now = SATURDAY_5_DEC
    await bot.onboard(CHAT)
    said = text_of(await bot.send(CHAT, "turn my reminders back on please"))
    assert said.startswith("Your reminders are on already and nothing is paused, the next one Mon 07 Dec")
    assert buttons(bot) == WORKOUT
