"""/help, and the polite answers to everything the bot does not understand."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden
from telegram.ext import ApplicationHandlerStop

from bot.coach import mistyped
from bot.coach.texts import Texts, escape
from bot.context import BotContext
from bot.handlers import faq
from bot.handlers.common import reply
from storage import repo

log = logging.getLogger(__name__)
# A mistyped command is shown back, to this many characters (a pasted "/…" can be any length).
MAX_SHOWN = 40
# …and what followed it (longer than any argument a button carries, a /log line's 54).
MAX_ARGUMENT = 64


def commands(context_texts: Texts) -> list[tuple[str, str]]:
    """The command menu, in the order and words of the [commands] table in messages.toml."""
    return context_texts.section("commands")


async def help_command(update: Update, context: BotContext) -> None:
    await reply(update, context, context.services.texts["help.text"])


async def unknown_command(update: Update, context: BotContext) -> None:
    """A command the bot does not have: the ones it was probably meant to be ("/wrkout" → /workout), each
    with a ▶ button as a pointer to a command has, else the plain "I don't know that command"."""
    texts = context.services.texts
    message = update.effective_message
    typed = mistyped.read(message.text or "") if message is not None else None
    close = mistyped.closest(typed.name, [name for name, _ in commands(texts)]) if typed is not None else []
    if typed is None or not close:
        await reply(update, context, texts["errors.unknown_command"])
        return
    argument = typed.argument
    if len(argument) > MAX_ARGUMENT:
        argument = argument[: MAX_ARGUMENT - 1] + "…"  # to read, not to copy: no button carries it
    # What was typed after it goes along ("/dne yesterday" → /done yesterday). Where a button cannot carry
    # it, none is offered: a bare /done would log today, not yesterday. The line is there to copy.
    tappable = all(faq.carries(name, argument) for name in close) if argument else True
    shown = [escape(" ".join(("/" + name, argument)).strip()) for name in close]
    choices = f" {texts['errors.or']} ".join(f"<code>{line}</code>" if argument else line for line in shown)
    text = texts.get(
        "errors.unknown_command_close" if tappable else "errors.unknown_command_close_typed",
        typed=escape(f"/{typed.name}"[:MAX_SHOWN]),
        choices=choices,
    )
    buttons = (
        [row for name in close for row in faq.run_button(context, name, argument or None)]
        if tappable
        else None
    )
    await reply(update, context, text, buttons)


async def not_text(update: Update, context: BotContext) -> None:
    await reply(update, context, context.services.texts["errors.not_text"])


async def stale_button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    if query is not None:
        await query.answer(context.services.texts["errors.stale_button"])


async def gate(update: Update, context: BotContext) -> None:
    """Runs before every handler: drops what no handler should act on.

    An edited message is not a new command (editing an old /stop must not stop reminders again), and
    a button on an inline-mode message has no chat for any handler to act in: it is answered here, so
    the user's spinner stops.
    """
    if update.edited_message is not None or update.edited_channel_post is not None:
        raise ApplicationHandlerStop
    query = update.callback_query
    if query is not None and query.message is None:
        await query.answer(context.services.texts["errors.stale_button"])
        raise ApplicationHandlerStop


async def on_error(update: object, context: BotContext) -> None:
    """Last line of defence: log it (token redacted by the log filter) and tell the user something."""
    error = context.error
    if isinstance(update, Update) and update.effective_chat is not None and isinstance(error, Forbidden):
        # The user blocked the bot while we were answering: stop talking to them.
        async with context.services.sessionmaker.begin() as session:
            await repo.deactivate_chat(session, update.effective_chat.id)
        return
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("error while handling update %s", update_id, exc_info=error)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await context.bot.send_text(update.effective_chat.id, context.services.texts["errors.internal"])
        except Exception:
            log.warning("could not tell chat about an error", exc_info=True)


async def migrated(update: Update, context: BotContext) -> None:
    """A group upgraded to a supergroup: carry its settings and history over to the new id."""
    message = update.effective_message
    if message is None or message.migrate_to_chat_id is None:
        return
    async with context.services.sessionmaker.begin() as session:
        await repo.migrate_chat(session, message.chat.id, message.migrate_to_chat_id)
