"""The /start flow to completion, and that its state lives in the database."""

from pathlib import Path

from fakeapi import FakeBotApi
from storage import repo
from tests.bot.harness import Harness, database, running_app

USER = 1001


def buttons(api: FakeBotApi) -> list[str]:
    return [text for row in api.buttons(api.last(USER)) for text, _ in row]


async def test_start_walks_through_level_equipment_timezone_and_days(bot: Harness) -> None:
    sent = await bot.send(USER, "/start")
    assert "Back Coach" in (sent[0].text or "")
    assert "level" in (sent[-1].text or "").lower()
    assert buttons(bot.api) == ["🌱 Beginner", "💪 Intermediate", "🔥 Advanced"]

    edited = await bot.press(USER, "💪 Intermediate")
    assert edited[-1].method == "editMessageText"
    assert "Where do you train" in (edited[-1].text or "")

    await bot.press(USER, "🏠 Home")
    assert "What do you have at home" in (bot.api.last(USER).text or "")
    assert buttons(bot.api)[-2:] == ["☑️ Nothing at all", "✅ Confirm"]
    await bot.press(USER, "⬜️ Pull-up bar")
    await bot.press(USER, "⬜️ Resistance bands")
    await bot.press(USER, "☑️ Resistance bands")
    ticked = buttons(bot.api)[:3]
    assert ticked == ["☑️ Pull-up bar", "⬜️ Low bar, rings or a sturdy table", "⬜️ Resistance bands"]
    await bot.press(USER, "✅ Confirm")
    assert "timezone" in (bot.api.last(USER).text or "").lower()
    assert "Berlin" in buttons(bot.api)

    asked = await bot.press(USER, "Berlin")
    assert asked[-1].method == "editMessageText"
    assert "how many days a week can you train?" in (asked[-1].text or "")
    assert "⭐ = what suits your level: 3 days." in (asked[-1].text or "")
    assert buttons(bot.api) == [
        "2 days: Mon, Thu",
        "⭐ 3 days: Mon, Wed, Fri",
        "4 days: Mon, Tue, Thu, Fri",
        "📅 Pick my own days",
    ]

    done = await bot.press(USER, "⭐ 3 days: Mon, Wed, Fri")
    text = done[-1].text or ""
    assert "All set" in text
    assert "Intermediate" in text and "Home (pull-up bar)" in text and "Europe/Berlin" in text
    assert "Mon, Wed, Fri" in text and "18:00" in text

    async with bot.app.bot_data.sessionmaker() as session:
        chat = await repo.get_chat(session, USER)
    assert chat is not None and chat.onboarded
    assert (chat.level, chat.equipment, chat.timezone) == ("intermediate", "home", "Europe/Berlin")
    assert chat.kit == "bar"
    assert (chat.workout_days, chat.weekly_target) == (0b10101, 3)
    assert chat.next_reminder_at is not None and chat.next_reminder_at > bot.clock.now


async def test_typed_timezone_after_other(bot: Harness) -> None:
    await bot.send(USER, "/start")
    await bot.press(USER, "🌱 Beginner")
    await bot.press(USER, "🏋️ Gym")
    await bot.press(USER, "🌍 Other…")
    assert "Type your timezone" in (bot.api.last(USER).text or "")

    wrong = await bot.send(USER, "Mars/Olympus")
    assert "don't know the timezone" in (wrong[-1].text or "")

    question = await bot.send(USER, "how often should I train my back?")
    assert "timezone" not in (question[-2].text or "").lower(), "a question is answered, not taken for a zone"
    # ...and the open question follows it, with its buttons, so the newcomer is not left without it.
    assert "To finish setting up: <b>your timezone?</b>" in (question[-1].text or "")
    assert "Berlin" in buttons(bot.api)
    await bot.send(USER, "/start")
    await bot.press(USER, "🌍 Other…")
    asked = await bot.send(USER, "america/new_york")
    assert "how many days a week" in (asked[-1].text or "")
    # In a private chat the days themselves answer the days question, as /schedule would take them.
    done = await bot.send(USER, "tue thu sat")
    assert "America/New_York" in (done[-1].text or "")
    assert "All set" in (done[-1].text or "") and "<b>Tue, Thu, Sat</b>" in (done[-1].text or "")


async def test_a_zone_typed_while_the_timezone_buttons_show_is_taken(bot: Harness) -> None:
    await bot.send(USER, "/start")
    await bot.press(USER, "🌱 Beginner")
    await bot.press(USER, "🏋️ Gym")
    assert "timezone" in (bot.api.last(USER).text or "").lower()
    question = await bot.send(USER, "how often should I train my back?")
    assert "All set" not in (question[-1].text or ""), "a question is still answered as a question"
    asked = await bot.send(USER, "Asia/Tokyo")
    assert "how many days a week" in (asked[-1].text or "")
    question = await bot.send(USER, "how often should I train my back?")
    assert "All set" not in (question[-1].text or ""), "a question is still a question at the days step"
    done = await bot.send(USER, "3 days")
    assert "All set" in (done[-1].text or "") and "Asia/Tokyo" in (done[-1].text or "")
    assert "<b>Mon, Wed, Fri</b>" in (done[-1].text or "")


async def test_onboarding_survives_a_restart(tmp_path: Path, backend: str) -> None:
    async with database(tmp_path, backend) as db:
        async with running_app(db) as first:
            await first.send(USER, "/start")
            await first.press(USER, "🔥 Advanced")
            assert "Where do you train" in (first.api.last(USER).text or "")
        async with running_app(db) as second:
            # A fresh process and a fresh double: only the database remembers where onboarding stopped.
            second.api.user(USER)
            second.api.private_chat(USER)
            sent = await second.send(USER, "/start")
            assert "Where do you train" in (sent[-1].text or "")
            await second.press(USER, "🏋️ Gym")
            await second.press(USER, "UTC")
            await second.press(USER, "⭐ 4 days: Mon, Tue, Thu, Fri")
            async with second.app.bot_data.sessionmaker() as session:
                chat = await repo.get_chat(session, USER)
            assert chat is not None and chat.level == "advanced" and chat.onboarded


async def test_start_again_welcomes_back(bot: Harness) -> None:
    await bot.onboard(USER)
    sent = await bot.send(USER, "/start")
    assert "Welcome back" in (sent[-1].text or "")
    assert "Beginner" in (sent[-1].text or "")


async def test_commands_menu_published(bot: Harness) -> None:
    names = [command["command"] for command in bot.api.commands()]
    assert {"start", "help", "settings", "workout", "done", "streak"} <= set(names)
