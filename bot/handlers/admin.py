"""/stats for the operator: only chats listed in ADMIN_CHAT_IDS may use it."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType

from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers import general
from bot.handlers.common import reply
from storage import repo


async def stats(update: Update, context: BotContext) -> None:
    chat = update.effective_chat
    services = context.services
    if chat is None or chat.id not in services.settings.admin_chat_ids:
        # Answered exactly like any other unknown command (silence in groups), so it leaks nothing.
        if chat is not None and chat.type == ChatType.PRIVATE:
            await general.unknown_command(update, context)
        return
    async with services.sessionmaker() as session:
        figures = await repo.counts(session)
    lines = [f"{escape(name.replace('_', ' '))}: <b>{value}</b>" for name, value in sorted(figures.items())]
    await reply(update, context, "📊 <b>Back Coach</b>\n" + "\n".join(lines))
