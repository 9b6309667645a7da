"""/settings, /level and /timezone: every onboarding choice can be changed later."""

from __future__ import annotations

from telegram import Update

from bot import callbacks
from bot.coach import setupanswers
from bot.coach.model import Equipment, Level
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers import age, kit, onboarding, onboarding_steps, onboarding_typed
from bot.handlers.common import Turn, level_label, reply, turn
from bot.handlers.reminders import held_pause
from scheduler.planning import days_from_mask, reminder_time
from scheduler.slots import ScheduleInputError, format_days, parse_timezone, zones_in

MENU_ITEMS = ("level", "equipment", "kit", "timezone")
# Handled by the reminders feature, which owns days, time, pauses and nudges.
REMINDERS_MENU = callbacks.pack("rem", "menu")
# Optional, never asked at set-up: the age bracket (``bot.handlers.age``).
AGE_MENU = callbacks.pack("menu", "age")
# The menu's questions whose answer may be typed, as the set-up steps they ask again.
TYPED = {"level": onboarding_steps.LEVEL, "equipment": onboarding_steps.EQUIPMENT}


async def settings_menu(update: Update, context: BotContext) -> None:
    texts = context.services.texts
    async with turn(update, context) as now_turn:
        chat = now_turn.chat
        if chat.onboarding_step is not None:
            now_turn.say(*onboarding_steps.prompt(context, chat.onboarding_step, chat))
            return
        text = texts.get(
            "settings.menu",
            level=level_label(context, chat.level),
            equipment=kit.place_label(context, chat.equipment, chat.kit, chat),
            timezone=escape(chat.timezone),
            reminders=_reminders_line(context, now_turn),
            age=age.label(context, chat.age_bracket),
        )
        buttons = [
            [
                (texts[f"settings.{item}_button"], callbacks.pack("menu", item))
                for item in MENU_ITEMS
                if item != "kit" or chat.equipment == Equipment.HOME
            ],
            [(texts["settings.reminders_button"], REMINDERS_MENU), (texts["settings.age_button"], AGE_MENU)],
        ]
        now_turn.say(text, buttons)


def _reminders_line(context: BotContext, now_turn: Turn) -> str:
    """The Reminders line: the days and time, and a pause running or to come as /reminders shows it (a
    trial's /settings said "Mon, Thu at 18:00" through a week paused)."""
    texts, chat = context.services.texts, now_turn.chat
    if not chat.reminders_enabled:
        return texts["settings.reminders_off"]
    when = {"days": format_days(days_from_mask(chat.workout_days)), "time": f"{reminder_time(chat):%H:%M}"}
    held = held_pause(chat, now_turn.today)
    if held is None:
        return texts.get("settings.reminders_on", **when)
    first, until = held
    if first > now_turn.today:
        return texts.get(
            "settings.reminders_coming", first=f"{first:%a %d %b}", until=f"{until:%a %d %b}", **when
        )
    return texts.get("settings.reminders_paused", until=f"{until:%a %d %b}", **when)


async def menu_button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    args = callbacks.unpack(query.data, "menu", 1)
    texts = context.services.texts
    choices = {
        "level": (texts["settings.level_usage"], onboarding_steps.level_buttons),
        "equipment": (texts["settings.equipment_usage"], onboarding_steps.equipment_buttons),
        "timezone": (texts["settings.timezone_usage"], onboarding_steps.timezone_buttons),
    }
    if args is not None and args[0] == "age":
        await query.answer()
        async with turn(update, context) as now_turn:
            age.ask(context, now_turn)
        return
    if args is not None and args[0] == "kit":
        await query.answer()
        async with turn(update, context) as now_turn:
            onboarding_typed.ask_kit(context, now_turn)
        return
    if args is None or args[0] not in choices:
        await query.answer(texts["errors.stale_button"])
        return
    await query.answer()
    text, buttons = choices[args[0]]
    async with turn(update, context) as now_turn:
        # In a private chat the level or the place may be typed too; the timezone has /timezone.
        onboarding_typed.wait_for(now_turn, TYPED.get(args[0]))
        now_turn.edit(text, buttons(context))


async def level(update: Update, context: BotContext) -> None:
    texts = context.services.texts
    value = " ".join(context.args or ()).strip().lower()
    if not value or value not in set(Level):
        text = texts.get("settings.level_unknown", value=escape(value[:40])) if value else None
        async with turn(update, context) as now_turn:
            onboarding_typed.wait_for(now_turn, onboarding_steps.LEVEL)
            now_turn.say(text or texts["settings.level_usage"], onboarding_steps.level_buttons(context))
        return
    async with turn(update, context) as now_turn:
        onboarding_typed.wait_for(now_turn, None)
        now_turn.chat.level = value
        if now_turn.chat.onboarding_step == onboarding_steps.LEVEL:
            now_turn.chat.onboarding_step = onboarding_steps.EQUIPMENT
            now_turn.say(*onboarding_steps.prompt(context, onboarding_steps.EQUIPMENT, now_turn.chat))
        else:
            now_turn.say(texts.get("settings.level_set", level=level_label(context, value)))


async def timezone(update: Update, context: BotContext) -> None:
    texts = context.services.texts
    value = " ".join(context.args or ()).strip()
    if not value:
        buttons = onboarding_steps.timezone_buttons(context)
        await reply(update, context, texts["settings.timezone_usage"], buttons)
        return
    zone: str | None
    try:
        zone = parse_timezone(value)
    except ScheduleInputError:
        # "/timezone I live in Amsterdam": one zone named in a sentence, as set-up reads it.
        zone = setupanswers.zone_named(value, zones_in)
    if zone is None:
        await reply(update, context, texts.get("errors.timezone_unknown", value=escape(value[:64])))
        return
    async with turn(update, context) as now_turn:
        await onboarding.apply_timezone(context, now_turn, zone)
