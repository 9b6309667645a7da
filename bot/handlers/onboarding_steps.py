"""Onboarding's questions in order (level, place, at home the kit, timezone, days a week), and moving on.

Apart from the handlers (``onboarding``) so that /schedule, which answers the days question too, can
move set-up on without importing the handlers that answer questions (they import the reminders).
"""

from __future__ import annotations

from bot import callbacks
from bot.coach import trainingdays
from bot.coach.model import Equipment, Level
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers import kit
from bot.handlers.common import Turn, equipment_label, level_label
from bot.keyboards import Buttons
from scheduler.planning import days_from_mask, mask_from_days, reminder_time, reschedule
from scheduler.slots import format_days, lifts_in_pounds
from storage.models import Chat

# Stored in ``chats.onboarding_step``: a chat that stopped at any of these before a step was added
# still finishes, since every step names the one after it.
LEVEL, EQUIPMENT, KIT, TIMEZONE, DAYS = "level", "equipment", "kit", "timezone", "days"
NEXT_STEP = {LEVEL: EQUIPMENT, EQUIPMENT: TIMEZONE, KIT: TIMEZONE, TIMEZONE: DAYS}
# The questions in the order they come, for which are still ahead of the one open.
ORDER = (LEVEL, EQUIPMENT, KIT, TIMEZONE, DAYS)
COMMON_ZONES = (
    "UTC",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Moscow",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Australia/Sydney",
)
OTHER_ZONE = "other"
DAYS_FEATURE = "days"
OWN_DAYS = "own"


def level_buttons(context: BotContext) -> Buttons:
    return [[(level_label(context, level), callbacks.pack("lvl", level))] for level in Level]


def equipment_buttons(context: BotContext) -> Buttons:
    return [[(equipment_label(context, kind), callbacks.pack("eq", kind))] for kind in Equipment]


def timezone_buttons(context: BotContext) -> Buttons:
    zones = [(zone.split("/")[-1].replace("_", " "), callbacks.pack("tz", zone)) for zone in COMMON_ZONES]
    rows = [zones[i : i + 3] for i in range(0, len(zones), 3)]
    rows.append([(context.services.texts["onboarding.other_timezone"], callbacks.pack("tz", OTHER_ZONE))])
    return rows


def advised(context: BotContext, level: str | None) -> tuple[int, ...]:
    """The sessions a week the chat's level is advised (routines.toml); a chat without one: a beginner's."""
    return context.services.catalog.routines.level(Level(level or Level.BEGINNER)).days_a_week


def days_buttons(context: BotContext, level: str | None, *, own: bool = True) -> Buttons:
    """One row per count, "⭐ 3 days: Mon, Wed, Fri" where the level is advised it; then "Pick my own"."""
    texts = context.services.texts
    marked = advised(context, level)
    rows: list[list[tuple[str, str]]] = []
    for count in trainingdays.CHOICES:
        key = "onboarding.days_advised_button" if count in marked else "onboarding.days_button"
        label = texts.get(key, count=count, days=format_days(trainingdays.spread(count)))
        rows.append([(label, callbacks.pack(DAYS_FEATURE, str(count)))])
    if own:
        rows.append([(texts["onboarding.own_days_button"], callbacks.pack(DAYS_FEATURE, OWN_DAYS))])
    return rows


def days_question(context: BotContext, level: str | None) -> tuple[str, Buttons]:
    words = trainingdays.count_words(advised(context, level), context.services.texts["errors.or"])
    return context.services.texts.get("onboarding.ask_days", advised=words), days_buttons(context, level)


def set_days(chat: Chat, days: frozenset[int]) -> None:
    """The chat's training days, as /schedule sets them: the weekly target (and the plan's weeks) follow."""
    chat.workout_days = mask_from_days(days)
    chat.weekly_target = len(days)


def summary(context: BotContext, now_turn: Turn) -> dict[str, str]:
    chat = now_turn.chat
    return {
        "level": level_label(context, chat.level),
        "equipment": kit.place_label(context, chat.equipment, chat.kit, chat),
        "timezone": escape(chat.timezone),
        "days": format_days(days_from_mask(chat.workout_days)),
        "time": reminder_time(chat).strftime("%H:%M"),
    }


def prompt(context: BotContext, step: str, chat: Chat) -> tuple[str, Buttons]:
    texts = context.services.texts
    if step == KIT:
        return kit.prompt(context, chat.kit, kit.ONBOARDING)
    if step == DAYS:
        return days_question(context, chat.level)
    return {
        LEVEL: (texts["onboarding.ask_level"], level_buttons(context)),
        EQUIPMENT: (texts["onboarding.ask_equipment"], equipment_buttons(context)),
        TIMEZONE: (texts["onboarding.ask_timezone"], timezone_buttons(context)),
    }[step]


def reminder(context: BotContext, step: str, chat: Chat) -> tuple[str, Buttons]:
    """The open question in a line, with its buttons, after a reply to a message that did not answer it."""
    return context.services.texts[f"onboarding.remind_{step}"], prompt(context, step, chat)[1]


def told_early(chat: Chat) -> set[str]:
    """The questions the chat answered before their turn (``Chat.setup_told``)."""
    return set(filter(None, (chat.setup_told or "").split(",")))


def ahead(chat: Chat) -> tuple[str, ...]:
    """The questions still to come after the one open; none once set-up is over."""
    step = chat.onboarding_step
    return ORDER[ORDER.index(step) + 1 :] if step in ORDER else ()


def tell_early(chat: Chat, step: str) -> bool:
    """Mark ``step`` answered before its turn, its answer already stored: set-up confirms it then instead of
    asking. Only while set-up is at an earlier question."""
    if step not in ahead(chat):
        return False
    told = told_early(chat) | {step}
    chat.setup_told = ",".join(name for name in ORDER if name in told)
    return True


def _following(chat: Chat, step: str) -> str | None:
    if step == EQUIPMENT and chat.equipment == Equipment.HOME:
        return KIT
    return NEXT_STEP.get(step)


def passing(chat: Chat, answered: str) -> tuple[str | None, list[str]]:
    """The question set-up goes on to after ``answered``, and the ones told early that it confirms on the
    way there (a gym passes the kit question by, told or not)."""
    told, passed = told_early(chat), []
    following = _following(chat, answered)
    while following is not None and following in told:
        passed.append(following)
        following = _following(chat, following)
    return following, passed


def earlier(context: BotContext, step: str, chat: Chat) -> str:
    """The line that confirms a question told early, in its turn, with how to change it."""
    texts = context.services.texts
    if step == EQUIPMENT:
        return texts.get("onboarding.earlier_place", place=kit.place_label(context, chat.equipment, None))
    if step == KIT:
        owned = kit.described(context, chat)
        return texts.get("onboarding.earlier_kit", kit=escape(owned))
    if step == TIMEZONE:
        return texts.get("onboarding.earlier_timezone", timezone=escape(chat.timezone))
    days = format_days(days_from_mask(chat.workout_days))
    return texts.get("onboarding.earlier_days", days=days, time=reminder_time(chat).strftime("%H:%M"))


def advance(context: BotContext, now_turn: Turn, answered: str) -> bool:
    """Move onboarding past ``answered`` and the questions told early after it, each confirmed in a line
    above the next question; False when the chat was not onboarding (a settings change)."""
    chat = now_turn.chat
    if chat.onboarding_step != answered:
        return False
    following, passed = passing(chat, answered)
    # The confirmations head the message the next question (or the summary) is in, so they read in order
    # when it replaces the button pressed.
    lead = "".join(earlier(context, step, chat) + "\n" for step in passed)
    lead += "\n" if lead else ""
    if following is not None:
        chat.onboarding_step = following
        question, buttons = prompt(context, following, chat)
        now_turn.edit(lead + question, buttons)
        return True
    chat.onboarding_step = chat.awaiting = chat.setup_told = None
    reschedule(chat, now_turn.now)
    texts = context.services.texts
    if not chat.unit_chosen and lifts_in_pounds(chat.timezone):
        # Set as set-up ends, its timezone final: a US gym's plates and dumbbells are in pounds.
        chat.unit, chat.increment = "lb", None
    # Its own line: the catalog strips a message's edges, the line break with them.
    units = "\n" + texts["onboarding.done_pounds"] if chat.unit == "lb" else ""
    now_turn.edit(lead + texts.get("onboarding.done", units=units, **summary(context, now_turn)))
    return True
