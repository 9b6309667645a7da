"""Set-up's questions answered by typing instead of tapping, and the open question shown again after a
message that answered none of it, so a newcomer who typed is never left without it; the same questions asked
again from /settings (level, place, home kit) answered by typing too.

A typed answer does what its button does: the level, the place or the home kit is stored and set-up moves
on, with a line saying what was read ("1" is 🌱 Beginner). The readings are ``bot.coach.setupanswers``;
the days keep /schedule's own reading first (``parse_schedule``: "tue thu sat 07:30"), and a time told with
them in words ("around 9 in the evening") is the reminders' time, said back.

A question /settings shows is waited for in ``Chat.awaiting`` (its step's name) for the next message only:
an answer changes the setting as its button would, anything else stops the wait and is read as usual.
"""

from __future__ import annotations

import re
from datetime import time

from telegram.constants import ChatType

from bot.coach import scheduleasked, setupanswers, trainingdays
from bot.coach.model import Equipment
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers import kit
from bot.handlers.common import Turn, level_label
from bot.handlers.onboarding_steps import (
    DAYS,
    EQUIPMENT,
    KIT,
    LEVEL,
    TIMEZONE,
    advance,
    ahead,
    passing,
    reminder,
    set_days,
    tell_early,
)
from scheduler.slots import ScheduleInputError, format_days, parse_schedule, parse_timezone, zones_in
from storage.models import Chat

# A count typed in answer to the days question: "3", "3 days".
COUNT_TYPED = re.compile(r"(\d)(?:\s*days?)?")
# The questions /settings asks that a typed answer is read for, as ``Chat.awaiting`` keeps them.
SETTINGS_ASKED = frozenset((LEVEL, EQUIPMENT, KIT))


def typed_days(context: BotContext, now_turn: Turn, text: str) -> bool:
    """Days typed while the days question shows ("tue thu sat", "mon,wed 07:30", a count, "3 days", or, in a
    private chat, days or a count anywhere in a short message, with a time if one is told): they answer it.
    Anything else is read as usual."""
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
        days, at = named.days, named.at
    set_days(chat, days)
    if at is not None:
        chat.reminder_minute = at.hour * 60 + at.minute
        now_turn.say(time_read(context, text, at))
    return advance(context, now_turn, DAYS)


def zone_typed(now_turn: Turn, text: str) -> str | None:
    """The timezone a message names: all of it ("Berlin", "Europe/Berlin", "UTC+2", "Manchester, UK"), or, in
    a private chat, one zone in a sentence that tells ("I live in Amsterdam", "Toronto time")."""
    try:
        return parse_timezone(text)
    except ScheduleInputError:
        if now_turn.chat.kind != ChatType.PRIVATE:
            return None
        return setupanswers.zone_named(text, zones_in)


def time_read(context: BotContext, text: str, at: time) -> str:
    """The time read with the days; an hour told without its half of the day is the morning's, as /schedule
    reads "9", and the line says how to have the evening's instead."""
    texts = context.services.texts
    if scheduleasked.morning_guessed(text, at):
        evening = at.replace(hour=at.hour + 12)
        return texts.get("onboarding.typed_time_morning", time=f"{at:%H:%M}", evening=f"{evening:%H:%M}")
    return texts.get("onboarding.typed_time", time=f"{at:%H:%M}")


def _stored(context: BotContext, chat: Chat, step: str | None, text: str) -> bool:
    """Whether ``text`` answers the level, place or kit question ``step``, stored on the chat as its button
    would store it."""
    if step == LEVEL and (level := setupanswers.level_named(text)) is not None:
        chat.level = level
    elif step == EQUIPMENT and (place := setupanswers.place_named(text)) is not None:
        chat.equipment = place
    elif (
        step == KIT and (names := setupanswers.kit_named(text, context.services.catalog.kit.home)) is not None
    ):
        chat.kit = ",".join(names)
        chat.equipment = Equipment.HOME
        kit.keep_pair(chat, text)
    else:
        return False
    return True


def typed_answer(context: BotContext, now_turn: Turn, text: str) -> bool:
    """Whether ``text`` answered the set-up question the chat is at (not the timezone: ``onboarding``
    reads a typed zone), or the one /settings asked, and set-up moved on or the setting changed as the
    button would have done it."""
    chat, texts = now_turn.chat, context.services.texts
    step = chat.onboarding_step
    if step == DAYS:
        return typed_days(context, now_turn, text)
    if chat.kind != ChatType.PRIVATE:
        return False
    if step is None:
        return _typed_setting(context, now_turn, text)
    if not _stored(context, chat, step, text):
        return False
    if step == LEVEL:
        now_turn.say(texts.get("onboarding.typed_level", level=level_label(context, chat.level)))
    elif step == EQUIPMENT:
        place = kit.place_label(context, chat.equipment, None)
        now_turn.say(texts.get("onboarding.typed_place", place=place))
    else:
        now_turn.say(texts.get("onboarding.typed_kit", kit=escape(kit.described(context, chat))))
    # Later questions the same message answers ("beginner, at home, in Lisbon"): kept, and those set-up now
    # passes on its way to the next question confirmed there rather than noted here too.
    note_ahead(context, now_turn, keep_ahead(context, now_turn, text), step)
    return advance(context, now_turn, step)


def keep_ahead(context: BotContext, now_turn: Turn, text: str) -> dict[str, str]:
    """The answers ``text`` gives to set-up questions after the open one (``setupanswers.told_ahead``),
    stored as their answers store them and marked told (``Chat.setup_told``), so set-up confirms each in its
    turn instead of asking it: what was kept, by step, as the "noted" line says it. A time read as the
    morning's is said at once, with how to have the evening's."""
    chat, texts = now_turn.chat, context.services.texts
    if chat.kind != ChatType.PRIVATE:
        return {}
    told = setupanswers.told_ahead(text, context.services.catalog.kit.home, zones_in)
    later, kept = ahead(chat), dict[str, str]()
    if EQUIPMENT in later and told.place is not None:
        chat.equipment = told.place
        kept[EQUIPMENT] = texts.get(
            "onboarding.noted_place", place=kit.place_label(context, told.place, None)
        )
    if KIT in later and told.kit and chat.equipment != Equipment.GYM:  # a gym's set-up asks no kit
        chat.kit = ",".join(told.kit)
        kit.keep_pair(chat, text)
        kept[KIT] = texts.get("onboarding.noted_kit", kit=escape(kit.described(context, chat)))
    if TIMEZONE in later and told.zone is not None:
        # Nothing logged to move, as apply_timezone moves it: logging waits for set-up to end.
        chat.timezone = told.zone
        kept[TIMEZONE] = texts.get("onboarding.noted_timezone", timezone=escape(told.zone))
    if DAYS in later and told.days is not None:
        set_days(chat, told.days.days)
        days, at = format_days(told.days.days), told.days.at
        if at is None:
            kept[DAYS] = texts.get("onboarding.noted_days", days=days)
        else:
            chat.reminder_minute = at.hour * 60 + at.minute
            kept[DAYS] = texts.get("onboarding.noted_days_time", days=days, time=f"{at:%H:%M}")
            if scheduleasked.morning_guessed(text, at):
                now_turn.say(time_read(context, text, at))
    for step in kept:
        tell_early(chat, step)
    return kept


def note_ahead(
    context: BotContext, now_turn: Turn, kept: dict[str, str], answered: str | None = None
) -> None:
    """ "📝 Noted for later: …" for the answers kept, but those set-up confirms on its way past ``answered``,
    the question just answered."""
    passed = set(passing(now_turn.chat, answered)[1]) if answered is not None else set()
    parts = [part for step, part in kept.items() if step not in passed]
    if parts:
        now_turn.say(context.services.texts.get("onboarding.noted", told="; ".join(parts)))


def _typed_setting(context: BotContext, now_turn: Turn, text: str) -> bool:
    """The answer to the level, place or kit question /settings showed last, with what its button says."""
    chat, texts = now_turn.chat, context.services.texts
    step = chat.awaiting if chat.awaiting in SETTINGS_ASKED else None
    if step is None:
        return False
    # One message only: whatever it says, the question is no longer the one the chat is answering.
    chat.awaiting = None
    if not _stored(context, chat, step, text):
        return False
    if step == LEVEL:
        now_turn.say(texts.get("settings.level_set", level=level_label(context, chat.level)))
    elif step == EQUIPMENT and chat.equipment == Equipment.HOME:
        # A move home: what they own, before the next session is planned, as the Home button asks.
        ask_kit(context, now_turn)
    elif step == EQUIPMENT:
        label = kit.place_label(context, chat.equipment, chat.kit)
        now_turn.say(texts.get("settings.equipment_set", equipment=label))
    else:
        now_turn.say(texts.get("kit.saved", kit=escape(kit.described(context, chat))))
    return True


def ask_kit(context: BotContext, now_turn: Turn) -> None:
    """The kit question from /settings, its answer typed or ticked."""
    if now_turn.chat.kind == ChatType.PRIVATE:
        now_turn.chat.awaiting = KIT
    now_turn.edit(*kit.prompt(context, now_turn.chat.kit, kit.SETTINGS))


def wait_for(now_turn: Turn, step: str | None) -> None:
    """In a private chat, the /settings question (``step``: level, place or kit) a typed answer is read as,
    or, None, none: a question answered by its button, or one without a typed answer, ends the wait."""
    chat = now_turn.chat
    if (
        chat.kind == ChatType.PRIVATE
        and chat.onboarding_step is None
        and (step is not None or chat.awaiting in SETTINGS_ASKED)
    ):
        chat.awaiting = step


def remind(context: BotContext, now_turn: Turn) -> None:
    """After a reply to a message that answered no set-up question, the open one again, briefly, with its
    buttons: a private chat's next message is read as its answer once more."""
    chat = now_turn.chat
    if chat.kind == ChatType.PRIVATE and chat.onboarding_step is not None:
        now_turn.say(*reminder(context, chat.onboarding_step, chat))
