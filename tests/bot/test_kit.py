"""A home trainee is asked what they own, and every session uses only that."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text, update

from bot import callbacks
from storage import repo
from storage.db import create_engine
from storage.migrate import upgrade
from storage.models import Chat
from tests.bot.harness import Harness

USER = 7007


async def _forget_kit(bot: Harness) -> None:
    """The chat as a database from before kit was asked leaves it: home, kit never set."""
    async with bot.app.bot_data.sessionmaker.begin() as session:
        await session.execute(update(Chat).where(Chat.id == USER).values(kit=None))


async def test_an_existing_home_chat_is_asked_once_then_gets_a_floor_towel_and_door_session(
    bot: Harness,
) -> None:
    await bot.onboard(USER, equipment="🏠 Home")
    await _forget_kit(bot)
    [asked] = await bot.send(USER, "/workout")
    assert "what you have at home" in (asked.text or "")
    saved = await bot.press(USER, "✅ Confirm")
    assert "Home kit saved: nothing" in (saved[-1].text or "")
    [session] = await bot.press(USER, "🏋️ Today's session")
    body = session.text or ""
    assert "Door towel row" in body and "Session 1" in body
    assert "Pull-up" not in body and "pull-up bar" not in body.lower()
    again = await bot.send(USER, "/workout")
    assert "Door towel row" in (again[-1].text or ""), "asked once: the next /workout is the session"


async def test_adding_a_pull_up_bar_in_settings_brings_pull_up_work_into_the_next_session(
    bot: Harness,
) -> None:
    await bot.onboard(USER, equipment="🏠 Home")
    before = await bot.send(USER, "/workout")
    assert "pull-up" not in (before[-1].text or "").lower()

    await bot.send(USER, "/settings")
    await bot.press(USER, "Home kit")
    await bot.press(USER, "⬜️ Pull-up bar")
    saved = await bot.press(USER, "✅ Confirm")
    assert "Home kit saved: pull-up bar" in (saved[-1].text or "")

    after = await bot.send(USER, "/workout")
    assert "Chair-assisted pull-up" in (after[-1].text or "")
    async with bot.app.bot_data.sessionmaker() as session:
        chat = await repo.get_chat(session, USER)
    assert chat is not None and chat.kit == "bar"
    menu = await bot.send(USER, "/settings")
    assert "Home (pull-up bar)" in (menu[-1].text or "")


async def test_forged_or_stale_kit_buttons_change_nothing(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home")
    for data in (
        callbacks.pack("kit", "ok", "99", "s"),
        callbacks.pack("kit", "ok", "1", "x"),
        callbacks.pack("kit", "zz", "1", "s"),
        callbacks.pack("kit", "ok", "٣", "s"),
        "1:kit:ok",
    ):
        assert await bot.callback(USER, data) == []
    assert [answer.text for answer in bot.toasts()[-5:]] == [
        bot.app.bot_data.texts["errors.stale_button"]
    ] * 5
    async with bot.app.bot_data.sessionmaker() as session:
        chat = await repo.get_chat(session, USER)
    assert chat is not None and chat.kit == ""


async def test_gym_chats_are_not_offered_a_home_kit(bot: Harness) -> None:
    await bot.onboard(USER)
    menu = await bot.send(USER, "/settings")
    labels = [label for row in bot.api.buttons(menu[-1]) for label, _ in row]
    assert "Home kit" not in labels and "Equipment" in labels


async def test_an_older_database_upgrades_keeping_its_chats(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/old.db"
    await upgrade(url, "0002")
    engine = create_engine(url)
    async with engine.begin() as connection:
        await connection.execute(
            text(
                "INSERT INTO chats (id, kind, level, equipment, timezone, workout_days, reminder_minute,"
                " weekly_target, active, reminders_enabled, nudges_enabled, unanswered, tips_used,"
                " created_at, updated_at) VALUES (5, 'private', 'advanced', 'home', 'Asia/Tokyo', 21,"
                " 450, 3, 1, 1, 1, 0, 0, '2026-01-01', '2026-01-01')"
            )
        )
        await connection.execute(
            text(
                "INSERT INTO workout_logs (chat_id, local_date, user_id, session_number, logged_at)"
                " VALUES (5, '2026-11-20', 5, 1, '2026-11-20')"
            )
        )
    await engine.dispose()
    await upgrade(url)
    engine = create_engine(url)
    async with engine.connect() as connection:
        row = (
            await connection.execute(
                text("SELECT level, equipment, timezone, workout_days, reminder_minute, kit FROM chats")
            )
        ).one()
        logs = (await connection.execute(text("SELECT count(*) FROM workout_logs"))).scalar()
    await engine.dispose()
    assert tuple(row) == ("advanced", "home", "Asia/Tokyo", 21, 450, None)
    assert logs == 1
