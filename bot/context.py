"""The typed context handlers receive: long-lived services instead of string-keyed bot_data."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from telegram import Bot
from telegram.ext import Application, CallbackContext, ExtBot

from bot.coach.answerer import Answerer
from bot.coach.knowledge import KnowledgeBase
from bot.coach.texts import Texts
from bot.coach.workouts import Catalog
from bot.settings import Settings
from storage.db import make_sessionmaker


def system_clock() -> datetime:
    return datetime.now(UTC)


class Services:
    """Everything a handler needs beyond the update, set once by ``bot.app.build_application``.

    PTB creates bot_data with no arguments, so the attributes are filled in right after building.
    """

    settings: Settings
    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]
    texts: Texts
    catalog: Catalog
    knowledge: KnowledgeBase
    answerer: Answerer
    clock: Callable[[], datetime]
    # Sends the reminders. Not the application's bot: that one may carry PTB's AIORateLimiter, which
    # sleeps out a 429 inside the call (up to its retries), long enough to outlast the outbox row's lease
    # and have the reminder sent twice. The dispatcher paces itself and reschedules on RetryAfter.
    reminder_bot: Bot

    def configure(
        self,
        *,
        settings: Settings,
        engine: AsyncEngine,
        texts: Texts,
        catalog: Catalog,
        knowledge: KnowledgeBase,
        answerer: Answerer,
        reminder_bot: Bot,
        clock: Callable[[], datetime] = system_clock,
    ) -> None:
        self.settings = settings
        self.engine = engine
        self.sessionmaker = make_sessionmaker(engine)
        self.texts = texts
        self.catalog = catalog
        self.knowledge = knowledge
        self.answerer = answerer
        self.clock = clock
        self.reminder_bot = reminder_bot


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], Services]):
    @property
    def services(self) -> Services:
        return self.bot_data


CoachApplication = Application[ExtBot[None], BotContext, dict[Any, Any], dict[Any, Any], Services, Any]
