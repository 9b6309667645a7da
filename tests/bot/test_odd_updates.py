"""Updates that used to crash a handler or be left unanswered (issue 15's small ones)."""

from __future__ import annotations

from bot import callbacks
from fakeapi import drive
from storage.models import Chat
from tests.bot.harness import Harness

USER = 808


async def reminders_enabled(bot: Harness) -> bool:
    async with bot.app.bot_data.sessionmaker() as session:
        chat = await session.get(Chat, USER)
    assert chat is not None
    return chat.reminders_enabled


async def test_pause_with_a_unicode_digit_gets_the_usage(bot: Harness) -> None:
    await bot.onboard(USER)
    [answer] = await bot.send(USER, "/pause ²")
    assert "/pause" in (answer.text or "")


async def test_a_day_button_with_a_unicode_one_is_stale(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/reminders")
    await bot.callback(USER, callbacks.pack("rem", "day", "¹"))
    assert "expired" in (bot.toasts()[-1].text or "")


async def test_a_button_on_an_inline_mode_message_is_answered(bot: Harness) -> None:
    await bot.onboard(USER)
    [session] = await bot.send(USER, "/workout")
    [done] = [data for row in bot.api.buttons(session) for label, data in row if "Done" in label]
    update = bot.api.make_callback(USER, USER, session.message_id, done)
    # An inline-mode message is not in any chat the bot can see: no message, an inline_message_id.
    query = update["callback_query"]
    del query["message"]
    query["inline_message_id"] = "AAAAAHz-inline-message"
    before = len(bot.api.sent)
    await drive(bot.app, update)
    assert bot.toasts()[-1].callback_query_id == query["id"], "the spinner stops"
    assert len(bot.api.sent) == before


async def test_editing_an_old_stop_does_not_stop_reminders_again(bot: Harness) -> None:
    await bot.onboard(USER)
    stop = bot.api.make_message(USER, USER, "/stop")
    await drive(bot.app, stop)
    assert not await reminders_enabled(bot)
    await bot.send(USER, "/resume")
    assert await reminders_enabled(bot)
    before = len(bot.api.sent)
    edited = {**stop["message"], "text": "/stop now", "edit_date": stop["message"]["date"] + 60}
    await drive(bot.app, {"update_id": stop["update_id"] + 100, "edited_message": edited})
    assert await reminders_enabled(bot) and len(bot.api.sent) == before
