"""Questions in plain words: free text in private chats, /ask anywhere, mentions in groups, /faq."""

from __future__ import annotations

from telegram import Message, MessageEntity, Update

from bot import callbacks
from bot.coach.answerer import Answer
from bot.context import BotContext
from bot.handlers.common import Buttons, escape, reply
from storage import repo

MAX_QUESTION = 1000


def topic_buttons(context: BotContext, topic_ids: tuple[str, ...]) -> Buttons:
    topics = context.services.knowledge.topics
    return [[(topics[tid].title, callbacks.pack("topic", tid))] for tid in topic_ids if tid in topics]


async def send_answer(update: Update, context: BotContext, answer: Answer) -> None:
    await reply(update, context, answer.text, topic_buttons(context, answer.suggestions) or None)


async def answer_text(update: Update, context: BotContext, text: str) -> None:
    texts = context.services.texts
    if len(text) > MAX_QUESTION:
        await reply(update, context, texts["errors.too_long"])
        return
    chat = update.effective_chat
    if chat is not None:
        # A question is a sign of life too: it ends the weekly-only reminder mode.
        async with context.services.sessionmaker.begin() as session:
            await repo.touch_interaction(session, chat.id)
    await send_answer(update, context, context.services.answerer.answer(text))


async def ask(update: Update, context: BotContext) -> None:
    question = " ".join(context.args or ())
    if not question.strip():
        await reply(update, context, context.services.texts["faq.ask_usage"])
        return
    await answer_text(update, context, question)


def addressed_to_bot(message: Message, username: str) -> str | None:
    """The question in a group message that mentions the bot or replies to it, else None."""
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.username == username:
        return message.text or ""
    text = message.text or ""
    mention = f"@{username}".lower()
    for entity, value in message.parse_entities([MessageEntity.MENTION]).items():
        if value.lower() == mention:
            return (text[: entity.offset] + text[entity.offset + entity.length :]).strip()
    return None


async def group_text(update: Update, context: BotContext) -> None:
    message = update.effective_message
    if message is None:
        return
    question = addressed_to_bot(message, context.bot.username)
    if question is None:
        return
    if not question:
        await reply(update, context, context.services.texts["faq.ask_usage"])
        return
    await answer_text(update, context, question)


async def faq(update: Update, context: BotContext) -> None:
    kb = context.services.knowledge
    buttons = topic_buttons(context, kb.faq_ids)
    others = [tid for tid in kb.topics if tid not in kb.faq_ids]
    rows = list(buttons)
    rows += [
        [(kb.topics[tid].title, callbacks.pack("topic", tid)) for tid in others[i : i + 2]]
        for i in range(0, len(others), 2)
    ]
    await reply(update, context, context.services.texts["faq.menu"], rows)


async def topic_button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    args = callbacks.unpack(query.data, "topic", 1)
    topics = context.services.knowledge.topics
    if args is None or args[0] not in topics:
        await query.answer(context.services.texts["errors.stale_button"])
        return
    await query.answer()
    topic = topics[args[0]]
    await reply(
        update,
        context,
        f"<b>{escape(topic.title)}</b>\n{topic.answer}",
        topic_buttons(context, topic.related[:2]),
    )
