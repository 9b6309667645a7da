"""Set-up's questions answered by typing instead of tapping, and the open question shown again after a
message that answered none of it, so a newcomer who typed is never left without it.

A typed answer does what its button does: the level, the place or the home kit is stored and set-up moves
on, with a line saying what was read ("1" is 🌱 Beginner). The readings are ``bot.coach.setupanswers``;
the days keep /schedule's own reading first (``parse_schedule``: "tue thu sat 07:30").
"""

from __future__ import annotations

import re

from telegram.constants import ChatType

from bot.coach import setupanswers, trainingdays
from bot.coach.model import Equipment
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers import kit
from bot.handlers.common import Turn, level_label
from bot.handlers.onboarding_steps import DAYS, EQUIPMENT, KIT, LEVEL, advance, reminder, set_days
from scheduler.slots import ScheduleInputError, parse_schedule

# A count typed in answer to the days question: "3", "3 days".
COUNT_TYPED = re.compile(r"(\d)(?:\s*days?)?")


def typed_days(context: BotContext, now_turn: Turn, text: str) -> bool:
    """Days typed while the days question shows ("tue thu sat", "mon,wed 07:30", a count, "3 days", or, in a
    private chat, days or a count anywhere in a short message): they answer it. Anything else is read as
    usual."""
    count = COUNT_TYPED.fullmatch(text.strip().lower())
    chat = now_turn.chat
    try:
        if count is not None and (chosen := trainingdays.parse_choice(count[1])) is not None:
            days, at = trainingdays.spread(chosen), None
        else:
            days, at = parse_schedule(text)
    except ScheduleInputError:
        named = setupanswers.days_named(text) if chat.kind == ChatType.PRIVATE else None
        if named is None:
            return False
        days, at = named, None
    set_days(chat, days)
    if at is not None:
        chat.reminder_minute = at.hour * 60 + at.minute
    return advance(context, now_turn, DAYS)


def typed_answer(context: BotContext, now_turn: Turn, text: str) -> bool:
    """Whether ``text`` answered the set-up question the chat is at (not the timezone: ``onboarding``
    reads a typed zone), and set-up moved on as the button would have moved it."""
    chat, texts = now_turn.chat, context.services.texts
    step = chat.onboarding_step
    if step == DAYS:
        return typed_days(context, now_turn, text)
    if chat.kind != ChatType.PRIVATE:
        return False
    if step == LEVEL and (level := setupanswers.level_named(text)) is not None:
        chat.level = level
        now_turn.say(texts.get("onboarding.typed_level", level=level_label(context, level)))
        return advance(context, now_turn, LEVEL)
    if step == EQUIPMENT and (place := setupanswers.place_named(text)) is not None:
        chat.equipment = place
        now_turn.say(texts.get("onboarding.typed_place", place=kit.place_label(context, place, None)))
        return advance(context, now_turn, EQUIPMENT)
    if step == KIT:
        names = setupanswers.kit_named(text, context.services.catalog.kit.home)
        if names is None:
            return False
        chat.kit = ",".join(names)
        chat.equipment = Equipment.HOME
        now_turn.say(texts.get("onboarding.typed_kit", kit=escape(kit.describe(context, names))))
        return advance(context, now_turn, KIT)
    return False


def remind(context: BotContext, now_turn: Turn) -> None:
    """After a reply to a message that answered no set-up question, the open one again, briefly, with its
    buttons: a private chat's next message is read as its answer once more."""
    chat = now_turn.chat
    if chat.kind == ChatType.PRIVATE and chat.onboarding_step is not None:
        now_turn.say(*reminder(context, chat.onboarding_step, chat))
