"""A group's shared settings are for its administrators; anyone may train, log and ask.

Telegram is asked (getChatMember) once per member every few minutes, not on every command: a group
tapping through the settings would otherwise add a round trip to each tap.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import datetime, timedelta
from functools import wraps
from typing import Any, Final

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType

from bot.context import BotContext
from bot.handlers.common import reply
from storage import repo

ADMIN_CACHE: Final = timedelta(minutes=5)
_ADMINS: Final = frozenset({ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR})
_CACHE_KEY: Final = "admins"

Handler = Callable[[Update, BotContext], Coroutine[Any, Any, None]]


async def may_change_settings(update: Update, context: BotContext) -> bool:
    chat = update.effective_chat
    if chat is None or chat.type == ChatType.PRIVATE:
        return True
    message = update.effective_message
    # An anonymous admin writes as the group itself; only admins can.
    if message is not None and message.sender_chat is not None and message.sender_chat.id == chat.id:
        return True
    user = update.effective_user
    if user is None:
        return False
    now = context.services.clock()
    # chat_data lives as long as the process and is per chat: the natural home of a per-chat cache.
    chat_data = context.chat_data if context.chat_data is not None else {}
    cache: dict[int, tuple[bool, datetime]] = chat_data.setdefault(_CACHE_KEY, {})
    known = cache.get(user.id)
    if known is not None and known[1] > now:
        return known[0]
    member = await context.bot.get_chat_member(chat.id, user.id)
    allowed = member.status in _ADMINS
    cache[user.id] = (allowed, now + ADMIN_CACHE)
    return allowed


async def may_set_up(update: Update, context: BotContext) -> bool:
    """While a group is first set up anyone may answer its questions; afterwards it is for admins."""
    chat = update.effective_chat
    if chat is not None and chat.type != ChatType.PRIVATE:
        async with context.services.sessionmaker() as session:
            row = await repo.get_chat(session, chat.id)
        if row is None or row.onboarding_step is not None:
            return True
    return await may_change_settings(update, context)


def admins_only(callback: Handler, *, open_during_set_up: bool = False) -> Handler:
    """``callback`` for a group's admins; everyone else gets one polite line (a toast for buttons).

    With ``open_during_set_up``, any member may also use it while the group is still being set up (the
    level, place, kit and timezone buttons of /start).
    """
    check = may_set_up if open_during_set_up else may_change_settings

    @wraps(callback)
    async def guarded(update: Update, context: BotContext) -> None:
        if await check(update, context):
            await callback(update, context)
            return
        text = context.services.texts["errors.admins_only"]
        if update.callback_query is not None:
            await update.callback_query.answer(text)
        else:
            await reply(update, context, text)

    return guarded
