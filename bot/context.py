"""The typed context handlers receive: long-lived services instead of string-keyed bot_data."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cached_property
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from telegram import Bot
from telegram.constants import ParseMode
from telegram.ext import Application, CallbackContext, ExtBot
from telegram.warnings import PTBUserWarning

from bot.chartpool import ChartRenderer
from bot.coach.answerer import Answerer
from bot.coach.catalog import Catalog
from bot.coach.knowledge import KnowledgeBase
from bot.coach.texts import ReminderTexts, Texts
from bot.keyboards import Markup
from bot.settings import Settings
from storage.db import make_sessionmaker

# Bot.do_api_request warns when PTB has a method of the same name: CoachBot calls it on purpose, to
# skip parsing an answer nobody reads. (pyproject.toml's pytest filterwarnings says the same for tests.)
warnings.filterwarnings("ignore", r"Please use 'Bot\.(sendMessage|editMessageText)'", category=PTBUserWarning)


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
    reminder_texts: ReminderTexts
    catalog: Catalog
    knowledge: KnowledgeBase
    answerer: Answerer
    clock: Callable[[], datetime]
    # Sends the reminders. Not the application's bot: that one may carry PTB's AIORateLimiter, which
    # sleeps out a 429 inside the call (up to its retries), long enough to outlast the outbox row's lease
    # and have the reminder sent twice. The dispatcher paces itself and reschedules on RetryAfter.
    reminder_bot: Bot
    # Draws /progress charts in a worker process of its own (started on the first chart).
    charts: ChartRenderer

    def configure(
        self,
        *,
        settings: Settings,
        engine: AsyncEngine,
        texts: Texts,
        reminder_texts: ReminderTexts,
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
        self.reminder_texts = reminder_texts
        self.catalog = catalog
        self.knowledge = knowledge
        self.answerer = answerer
        self.clock = clock
        self.reminder_bot = reminder_bot
        self.charts = ChartRenderer()


class CoachBot(ExtBot[None]):
    """PTB's ExtBot, plus the two calls nearly every reply is, without reading Telegram's answer.

    ``send_message`` and ``edit_message_text`` parse the answer into a ``Message`` that no handler
    reads: a tenth of an update's CPU (BENCHMARKS.md §1). These go through ``Bot.do_api_request``,
    PTB's documented way to make a call and get the raw answer: the rate limiter and PTB's error
    mapping (BadRequest, Forbidden, RetryAfter…) still apply. ``do_api_request`` leaves ``Defaults``
    out, so the options the bot's ``Defaults`` set for replies are added here; the text is always HTML.
    ``markup`` is what ``bot.keyboards.markup`` returns.
    """

    @cached_property
    def send_options(self) -> dict[str, object]:
        """What the bot's ``Defaults`` set for a new reply (None where they leave it to Telegram)."""
        defaults = self.defaults
        if defaults is None:
            return {}
        options = {
            "disable_notification": defaults.disable_notification,
            "protect_content": defaults.protect_content,
            "link_preview_options": defaults.link_preview_options,
        }
        return {name: value for name, value in options.items() if value is not None}

    @cached_property
    def edit_options(self) -> dict[str, object]:
        """The part of ``send_options`` editMessageText takes."""
        return {name: value for name, value in self.send_options.items() if name == "link_preview_options"}

    async def send_text(
        self, chat_id: int, text: str, markup: Markup | None = None, *, thread_id: int | None = None
    ) -> None:
        await self.do_api_request(
            "sendMessage",
            {
                "chat_id": chat_id,
                "message_thread_id": thread_id,
                "text": text,
                "parse_mode": ParseMode.HTML.value,
                "reply_markup": markup,
                **self.send_options,
            },
        )

    async def edit_text(self, chat_id: int, message_id: int, text: str, markup: Markup | None = None) -> None:
        await self.do_api_request(
            "editMessageText",
            {
                "chat_id": chat_id,
                "message_id": message_id,
                "text": text,
                "parse_mode": ParseMode.HTML.value,
                "reply_markup": markup,
                **self.edit_options,
            },
        )


class BotContext(CallbackContext[CoachBot, dict[Any, Any], dict[Any, Any], Services]):
    @property
    def services(self) -> Services:
        return self.bot_data


CoachApplication = Application[CoachBot, BotContext, dict[Any, Any], dict[Any, Any], Services, Any]
