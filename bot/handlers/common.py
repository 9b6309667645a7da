"""Helpers every feature uses: the per-update transaction, replies and keyboards."""

from __future__ import annotations

import html
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Message, Update
from telegram.constants import MessageLimit
from telegram.error import BadRequest

from bot.coach import donetyped
from bot.coach.model import Equipment, Level
from bot.coach.texts import escape
from bot.context import BotContext
from bot.intake import settle_after_commit, settle_in
from bot.keyboards import Buttons, markup
from scheduler.planning import SPARSE_AFTER, reschedule
from storage import repo
from storage.db import transaction
from storage.models import Chat

# What a button carries besides its day and owner (``press_for_today``).
Carried = TypeVar("Carried")


@dataclass
class Turn:
    """One update's view of its chat, inside the update's single transaction.

    Replies queued with ``say``/``edit`` go out after the transaction commits, so no database lock is
    held across a Telegram round trip and the user never sees a change that was then rolled back.
    """

    session: AsyncSession
    chat: Chat
    now: datetime
    pending: list[tuple[bool, str, Buttons | None]] = field(default_factory=list)
    offers_written: bool = False
    """This turn asks Done's As written / Adjust: a typed "as written" may answer it (``Chat.awaiting``)."""

    def say(self, text: str, buttons: Buttons | None = None) -> None:
        self.pending.append((False, text, buttons))

    def edit(self, text: str, buttons: Buttons | None = None) -> None:
        """Replace the message whose button was pressed (or send a new one if there is none)."""
        self.pending.append((True, text, buttons))

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.chat.timezone)

    @property
    def today(self) -> date:
        return self.now.astimezone(self.zone).date()


@asynccontextmanager
async def turn(update: Update, context: BotContext) -> AsyncIterator[Turn]:
    services = context.services
    tg_chat = update.effective_chat
    assert tg_chat is not None, "handlers are registered for chat updates only"
    async with transaction(services.sessionmaker) as session:
        chat = await repo.get_or_create_chat(
            session,
            tg_chat.id,
            kind=tg_chat.type,
            title=tg_chat.title or tg_chat.full_name,
            timezone=services.settings.default_timezone,
        )
        now = services.clock()
        # Back from weekly-only reminders, or back after blocking us: its full schedule resumes now.
        returning = chat.unanswered >= SPARSE_AFTER or not chat.active
        if chat.unanswered or returning:
            # Only when it changes: an assignment, even of the same value, makes the row dirty and
            # every query after it pays for a flush.
            chat.unanswered = 0
            chat.active = True
        if returning:
            reschedule(chat, now)
        current = Turn(session=session, chat=chat, now=now)
        yield current
        if current.pending and not current.offers_written and donetyped.is_offer(chat.awaiting):
            # Done's offer is no longer the last thing asked: "as written" typed now is read as usual.
            chat.awaiting = None
        # In the same transaction as the effects: after a crash the update has all or none of them.
        await settle_in(session, update.update_id, now)
    # Or, if it changed nothing, together with other updates: still before its replies go out.
    await settle_after_commit(update.update_id)
    for edit, text, buttons in current.pending:
        await (edit_or_reply if edit else reply)(update, context, text, buttons)


async def press_for_today(
    update: Update,
    context: BotContext,
    read: Callable[[object], tuple[date, int, Carried] | None],
    act: Callable[[BotContext, Turn, int, Carried], Awaitable[str | None]],
    *,
    not_yours: str,
    expired: str,
) -> None:
    """A press of a button about one member's sets of one day, which ``read`` finds in its payload with what
    else the button carries (None: no button of ours, answered as stale). Another member's press is answered
    with the text ``not_yours`` names, and one once that day is no longer today with ``expired``'s; else
    ``act`` is done in the update's turn for the member and what was carried, its toast (None: none) the
    answer."""
    query = update.callback_query
    assert query is not None
    texts = context.services.texts
    found = read(query.data)
    if found is None:
        await query.answer(texts["errors.stale_button"])
        return
    day, owner, carried = found
    if query.from_user.id != owner:
        await query.answer(texts[not_yours])
        return
    async with turn(update, context) as now_turn:
        toast = texts[expired] if now_turn.today != day else await act(context, now_turn, owner, carried)
    await query.answer(toast)


def clip(text: str, limit: int = MessageLimit.MAX_TEXT_LENGTH) -> str:
    """Fit Telegram's limit, cutting at a line break: our tags never span lines, so the HTML stays valid."""
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", 0, limit - 1)
    if cut <= 0:
        return escape(strip_tags(text))[: limit - 1] + "…"
    return text[:cut] + "\n…"


def strip_tags(text: str) -> str:
    """Plain text for places Telegram shows without formatting (toasts)."""
    return html.unescape(re.sub(r"<[^>]*>", "", text))


async def reply(update: Update, context: BotContext, text: str, buttons: Buttons | None = None) -> None:
    chat = update.effective_chat
    assert chat is not None
    message = update.effective_message
    thread = message.message_thread_id if message is not None and message.is_topic_message else None
    await context.bot.send_text(chat.id, clip(text), markup(buttons), thread_id=thread)


async def edit_or_reply(
    update: Update, context: BotContext, text: str, buttons: Buttons | None = None
) -> None:
    """Replace the message whose button was pressed; fall back to a new message if it can't be edited."""
    query = update.callback_query
    if query is not None and isinstance(query.message, Message):
        try:
            keyboard = markup(buttons)
            await context.bot.edit_text(query.message.chat_id, query.message.message_id, clip(text), keyboard)
            return
        except BadRequest as error:
            if "not modified" in str(error).lower():
                return
    await reply(update, context, text, buttons)


def level_label(context: BotContext, level: str | None) -> str:
    return context.services.texts[f"labels.level.{level}"] if level in set(Level) else "—"


def equipment_label(context: BotContext, equipment: str | None) -> str:
    return context.services.texts[f"labels.equipment.{equipment}"] if equipment in set(Equipment) else "—"


def member_name(update: Update) -> str:
    user = update.effective_user
    return user.first_name if user is not None else "someone"
