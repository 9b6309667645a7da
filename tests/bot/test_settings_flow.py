"""Every onboarding choice can be changed later from /settings."""

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
    await bot.press(USER, "🏠 Home, bodyweight only")

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
