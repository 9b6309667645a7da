"""/pause with a length in words or an end date, and the /pause pointer's button for a message that names
the day it ends ("from Wednesday until the 20th"), through the real Application."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot import callbacks
from fakeapi import SentMessage
from storage import repo
from storage.models import Chat
from tests.bot.harness import Harness

CHAT = 5101
# The harness starts on Tuesday 24 Nov 2026, 10:00 UTC; onboarding picks UTC.
# The newcomer trial's day: a Saturday, when "until the 20th" is a fortnight and a day away.
SATURDAY_5_DEC = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)


async def paused_until(bot: Harness) -> date | None:
    async with bot.app.bot_data.sessionmaker() as session:
        chat = await session.get(Chat, CHAT)
        assert chat is not None
        return chat.paused_until


def text_of(sent: list[SentMessage]) -> str:
    return "\n".join(m.text or "" for m in sent)


def buttons(bot: Harness) -> list[tuple[str, str]]:
    return [button for row in bot.api.buttons(bot.api.last(CHAT)) for button in row]


async def test_pause_for_two_weeks_in_words(bot: Harness) -> None:
    await bot.onboard(CHAT)
    replies = text_of(await bot.send(CHAT, "/pause 2 weeks"))
    assert "paused through <b>Mon 07 Dec</b>; they start again on <b>Tue 08 Dec</b>" in replies
    assert await paused_until(bot) == date(2026, 12, 7)
    async with bot.app.bot_data.sessionmaker() as session:
        assert (await repo.history(session, CHAT)).pauses == [(date(2026, 11, 24), date(2026, 12, 7))]


async def test_pause_until_a_date_runs_through_that_date(bot: Harness) -> None:
    await bot.onboard(CHAT)
    replies = text_of(await bot.send(CHAT, "/pause until 20 dec"))
    assert "paused through <b>Sun 20 Dec</b>; they start again on <b>Mon 21 Dec</b>" in replies
    assert await paused_until(bot) == date(2026, 12, 20)


async def test_a_past_or_too_distant_date_is_refused_with_an_example_that_works(bot: Harness) -> None:
    await bot.onboard(CHAT)
    past = text_of(await bot.send(CHAT, "/pause until 20 nov"))
    assert "<b>Fri 20 Nov</b> has already gone by (today is Tue 24 Nov)" in past
    assert "<code>/pause until 7 dec</code>" in past and "<code>/pause 2 weeks</code>" in past
    far = text_of(await bot.send(CHAT, "/pause until 1 march"))
    assert "90 days at most, that is through <b>Sun 21 Feb 2027</b>" in far
    assert "/pause 14" in text_of(await bot.send(CHAT, "/pause when I feel like it"))
    assert await paused_until(bot) is None
    # The example the refusal gives is one /pause takes.
    assert "paused through <b>Mon 07 Dec</b>" in text_of(await bot.send(CHAT, "/pause until 7 dec"))


async def test_an_end_date_is_read_in_the_chats_timezone(bot: Harness) -> None:
    await bot.onboard(CHAT)
    await bot.send(CHAT, "/timezone Asia/Tokyo")
    # 23:30 on Tuesday in UTC is already Wednesday morning in Tokyo: "tomorrow" there is Thursday.
    bot.clock.now = datetime(2026, 11, 24, 23, 30, tzinfo=UTC)
    replies = text_of(await bot.send(CHAT, "/pause until tomorrow"))
    assert "paused through <b>Thu 26 Nov</b>; they start again on <b>Fri 27 Nov</b>" in replies
    assert await paused_until(bot) == date(2026, 11, 26)


async def test_the_trials_sentence_gets_a_button_that_pauses_through_the_20th(bot: Harness) -> None:
    bot.clock.now = SATURDAY_5_DEC
    await bot.onboard(CHAT)
    sent = await bot.send(CHAT, "I'm away for a trip from Wednesday until the 20th, hold the reminders")
    assert "/pause" in (sent[-1].plain_text or "")
    # From today (Sat 5) through Sun 20 Dec is 16 days, and the label says it starts today.
    assert buttons(bot) == [("▶ /pause 16 (today through Sun 20 Dec)", callbacks.pack("cmd", "pause", "16"))]
    ran = await bot.press(CHAT, "▶ /pause 16 (today through Sun 20 Dec)")
    assert "paused through <b>Sun 20 Dec</b>; they start again on <b>Mon 21 Dec</b>" in text_of(ran)
    assert await paused_until(bot) == date(2026, 12, 20)


async def test_back_on_a_day_pauses_through_the_day_before(bot: Harness) -> None:
    bot.clock.now = SATURDAY_5_DEC
    await bot.onboard(CHAT)
    sent = await bot.send(CHAT, "back on the 3rd of January, can you hold the pings")
    assert "/pause until friday" in (sent[-1].plain_text or ""), "the pointer says a day can be given"
    # Back on Sun 3 Jan: quiet from today (Sat 5 Dec) through Sat 2 Jan, 29 days.
    assert buttons(bot) == [("▶ /pause 29 (today through Sat 02 Jan)", callbacks.pack("cmd", "pause", "29"))]
    ran = await bot.press(CHAT, "▶ /pause 29 (today through Sat 02 Jan)")
    assert "they start again on <b>Sun 03 Jan</b>" in text_of(ran)
    assert await paused_until(bot) == date(2027, 1, 2)


async def test_the_pointer_carries_a_weekday_and_drops_a_day_it_cannot_reach(bot: Harness) -> None:
    bot.clock.now = SATURDAY_5_DEC
    await bot.onboard(CHAT)
    await bot.send(CHAT, "mute the reminders until Sunday")
    assert buttons(bot) == [("▶ /pause 2 (today through Sun 06 Dec)", callbacks.pack("cmd", "pause", "2"))]
    # A day gone by names no length: the plain button, whose /pause says what it does (a week).
    await bot.send(CHAT, "hold the reminders until 1 dec")
    assert buttons(bot) == [("▶ /pause", callbacks.pack("cmd", "pause"))]
    # A button carries a number of days only; a date or a length in words on one is forged.
    for forged in ("until 20 dec", "2 weeks", "91"):
        assert await bot.callback(CHAT, callbacks.pack("cmd", "pause", forged)) == []
        assert bot.toasts()[-1].text == bot.app.bot_data.texts["errors.stale_button"]
    assert await paused_until(bot) is None
