"""Every onboarding choice can be changed later from /settings."""

from bot import callbacks
from storage import repo
from tests.bot.harness import Harness

USER = 4004


async def test_settings_change_level_equipment_timezone(bot: Harness) -> None:
    await bot.onboard(USER)
    menu = await bot.send(USER, "/settings")
    assert "Settings" in (menu[-1].text or "") and "Beginner" in (menu[-1].text or "")

    await bot.press(USER, "Level")
    changed = await bot.press(USER, "🔥 Advanced")
    assert "Level set to 🔥 Advanced" in (changed[-1].text or "")

    await bot.send(USER, "/settings")
    await bot.press(USER, "Equipment")
    asked = await bot.press(USER, "🏠 Home")
    assert "What do you have at home" in (asked[-1].text or "")
    saved = await bot.press(USER, "✅ Confirm")
    assert "Home kit saved: nothing" in (saved[-1].text or "")

    zone = await bot.send(USER, "/timezone Asia/Kathmandu")
    assert "Asia/Kathmandu" in (zone[-1].text or "")
    assert "15:45" in (zone[-1].text or ""), "10:00 UTC is 15:45 in Kathmandu"

    async with bot.app.bot_data.sessionmaker() as session:
        chat = await repo.get_chat(session, USER)
    assert chat is not None
    assert (chat.level, chat.equipment, chat.timezone) == ("advanced", "home", "Asia/Kathmandu")


async def test_settings_during_onboarding_resumes_it(bot: Harness) -> None:
    await bot.send(USER, "/start")
    sent = await bot.send(USER, "/settings")
    assert "level" in (sent[-1].text or "").lower()


async def test_help_lists_commands(bot: Harness) -> None:
    sent = await bot.send(USER, "/help")
    for command in ("/workout", "/done", "/streak", "/settings", "/level"):
        assert command in (sent[-1].text or "")


async def test_pressing_a_menu_button_twice_leaves_the_message_as_it_is(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/settings")
    [shown] = await bot.press(USER, "Level")
    assert shown.method == "editMessageText" and "Advanced" in str(shown.reply_markup)
    # A second tap on the stale "Level" button (a double tap, or a client that had not refreshed):
    # Telegram answers "message is not modified", which is no error and no reason for a new message.
    again = await bot.callback(USER, callbacks.pack("menu", "level"), message_id=shown.message_id)
    assert again == []
    assert bot.errors == []
    assert bot.api.last(USER).text == shown.text


async def menu_text(bot: Harness) -> str:
    return (await bot.send(USER, "/settings"))[-1].text or ""


async def test_the_reminders_line_shows_a_pause_running_or_to_come(bot: Harness) -> None:
    # A newcomer trial's /settings said "Reminders: Mon, Thu at 18:00" through a week paused, which only
    # /reminders showed. Tue 24 Nov 2026; Mon and Thu at 18:00.
    await bot.onboard(USER)
    assert "Reminders: Mon, Thu at 18:00\n" in await menu_text(bot)
    await bot.send(USER, "/pause 7")
    assert "Reminders: Mon, Thu at 18:00, ⏸ paused through Mon 30 Nov\n" in await menu_text(bot)
    await bot.send(USER, "/resume")
    await bot.send(USER, "/pause from 2 dec until 6 dec")
    coming = "Reminders: Mon, Thu at 18:00; ⏸ paused from Wed 02 Dec through Sun 06 Dec\n"
    assert coming in await menu_text(bot)
    await bot.send(USER, "/stop")
    assert "Reminders: off\n" in await menu_text(bot)
    assert bot.errors == []
