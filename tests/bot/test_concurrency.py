"""Two members of a group changing the same settings at the same moment leave one valid row.

Updates run truly concurrently here (``asyncio.gather`` over ``process_update``), as they do across
webhook replicas, on SQLite and — when TEST_DATABASE_URL is set — on PostgreSQL. (Many concurrent
Done presses logging one session is covered in test_workout.py.)
"""

from __future__ import annotations

import asyncio
import itertools
import zoneinfo
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from typing import Any

from pydantic import SecretStr
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import callbacks
from bot.app import build_application
from bot.coach.model import Equipment, Level
from bot.settings import Settings
from fakeapi import FakeBotApi, FakeRequest
from storage import repo
from storage.models import Chat
from tests.bot.harness import TOKEN, Clock, Harness, shipped_answerer

GROUP = -8008
ANN, BOB = 801, 802
ROUNDS = 12


@asynccontextmanager
async def harness_on(engine: AsyncEngine) -> AsyncIterator[Harness]:
    """Like ``running_harness``, but on the given engine so PostgreSQL gets the same treatment."""
    api = FakeBotApi(token=TOKEN)
    clock = Clock()
    config = Settings(telegram_bot_token=SecretStr(TOKEN))
    app = build_application(
        config,
        engine,
        token=TOKEN,
        request=FakeRequest(api),
        rate_limit=False,
        clock=clock,
        answerer=shipped_answerer(),
    )
    harness = Harness(api=api, app=app, clock=clock)

    async def remember(update: object, context: Any) -> None:
        harness.errors.append(context.error)

    app.add_error_handler(remember)
    await app.initialize()
    try:
        yield harness
    finally:
        await app.shutdown()


async def chat_row(bot: Harness, chat_id: int) -> Chat:
    async with bot.app.bot_data.sessionmaker() as session:
        chat = await repo.get_chat(session, chat_id)
    assert chat is not None
    return chat


def assert_valid(chat: Chat) -> None:
    assert chat.level in {None, *Level} and chat.equipment in {None, *Equipment}
    zoneinfo.ZoneInfo(chat.timezone)


async def test_two_members_changing_settings_at_once(engine: AsyncEngine) -> None:
    async with harness_on(engine) as bot:
        bot.api.group_chat(GROUP, "Concurrent Buddies")
        # Two admins: changing a group's settings is theirs to do.
        bot.api.set_member(GROUP, ANN, "creator")
        bot.api.set_member(GROUP, BOB, "administrator")
        await bot.send(GROUP, "/start@BackCoachBot", user_id=ANN)
        await bot.press(GROUP, "🌱 Beginner", user_id=ANN)
        await bot.press(GROUP, "🏋️ Gym", user_id=BOB)
        await bot.press(GROUP, "UTC", user_id=ANN)
        await bot.press(GROUP, bot.button_starting(GROUP, "2 days:"), user_id=ANN)
        menu = (await bot.send(GROUP, "/settings@BackCoachBot", user_id=BOB))[-1].message_id

        levels = [Level.INTERMEDIATE, Level.ADVANCED]
        kinds = [Equipment.HOME, Equipment.GYM]
        zones = ["Asia/Tokyo", "Europe/Berlin", "America/Chicago"]
        updates: list[Awaitable[object]] = []
        members = itertools.cycle((ANN, BOB))
        for turn in range(ROUNDS):
            member = next(members)
            updates.append(bot.send(GROUP, f"/level@BackCoachBot {levels[turn % 2]}", user_id=member))
            updates.append(
                bot.callback(GROUP, callbacks.pack("eq", kinds[turn % 2]), message_id=menu, user_id=member)
            )
            zone = zones[turn % 3]
            if turn % 2:
                updates.append(
                    bot.callback(GROUP, callbacks.pack("tz", zone), message_id=menu, user_id=member)
                )
            else:
                updates.append(bot.send(GROUP, f"/timezone@BackCoachBot {zone}", user_id=member))
        await asyncio.gather(*updates)

        assert bot.errors == [], f"handlers raised: {bot.errors!r}"
        chat = await chat_row(bot, GROUP)
        assert_valid(chat)
        assert chat.level in levels and chat.equipment in kinds and chat.timezone in zones
        assert chat.onboarding_step is None, "a settled group stays settled"
        assert not bot.api.open_callback_queries, "every press was answered"


async def test_first_contact_race_creates_one_valid_chat(engine: AsyncEngine) -> None:
    async with harness_on(engine) as bot:
        bot.api.group_chat(GROUP, "Brand New Group")
        await asyncio.gather(
            *(
                bot.send(GROUP, text, user_id=member)
                for member in (ANN, BOB)
                for text in ("/start@BackCoachBot", "/level@BackCoachBot advanced", "/settings@BackCoachBot")
            )
        )
        assert bot.errors == [], f"handlers raised: {bot.errors!r}"
        assert_valid(await chat_row(bot, GROUP))
