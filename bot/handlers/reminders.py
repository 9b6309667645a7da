"""/reminders, /schedule, /pause, /resume, /stop, /nudges and the buttons on reminders and the menu.

Every change ends with ``reschedule`` so the chat row's next due instant always matches its settings;
the scheduler reads nothing else.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, time, timedelta

from telegram import Update
from telegram.constants import ChatType

from bot import callbacks
from bot.coach import dates, durations, loadanswer
from bot.coach.texts import Texts, escape
from bot.context import BotContext
from bot.handlers import onboarding_steps
from bot.handlers.common import Turn, edit_or_reply, reply, turn
from bot.keyboards import Buttons
from scheduler import messages
from scheduler.planning import (
    days_from_mask,
    first_after_pause,
    mask_from_days,
    next_reminder,
    reminder_time,
    reschedule,
)
from scheduler.slots import ScheduleInputError, format_days, parse_schedule, parse_time
from storage import repo
from storage.models import Chat
from storage.records import OutboxKind, OutboxStatus

SNOOZE_FOR = timedelta(hours=1)
DEFAULT_PAUSE_DAYS = durations.DEFAULT_DAYS
MAX_PAUSE_DAYS = 90
SKIPPED_BY_CHAT = "skipped by the chat"


def next_workout_reminder(now_turn: Turn) -> str | None:
    """When the next training-day reminder comes, in the chat's time ("Mon 07 Dec, 18:00"); None for none.

    Not the scheduler's next wake-up: a rest-day tip on Saturday read as "next one Sat" to a chat that had
    just moved its reminders to Tuesdays and Fridays."""
    upcoming = next_reminder(replace(now_turn.chat.reminder_plan(), nudges=False), now_turn.now)
    return None if upcoming is None else f"{upcoming.at.astimezone(now_turn.zone):%a %d %b, %H:%M}"


def _state(now_turn: Turn) -> messages.MenuState:
    chat = now_turn.chat
    next_local = next_workout_reminder(now_turn)
    today = now_turn.today
    held = held_pause(chat, today)
    return messages.MenuState(
        days=days_from_mask(chat.workout_days),
        at=reminder_time(chat),
        timezone=chat.timezone,
        nudges=chat.nudges_enabled,
        enabled=chat.reminders_enabled,
        paused_until=None if held is None else held[1],
        next_local=next_local,
        paused_from=held[0] if held is not None and held[0] > today else None,
    )


def held_pause(chat: Chat, today: date) -> tuple[date, date] | None:
    """The pause the chat holds, running (its first day given as today) or still to come: its first and
    last days; None when there is none, or it is over."""
    if chat.paused_until is None or chat.paused_until < today:
        return None
    return max(chat.paused_from or today, today), chat.paused_until


def _day(day: date) -> str:
    return f"{day:%a %d %b}"


def _summary(chat: Chat) -> dict[str, str]:
    return {
        "days": format_days(days_from_mask(chat.workout_days)),
        "time": f"{reminder_time(chat):%H:%M}",
        "timezone": escape(chat.timezone),
        "target": str(chat.weekly_target),
    }


# The day buttons' values; a forged "¹" is a digit to str.isdigit() but not to int().
DAY_DIGITS = frozenset("0123456")


async def reminders_menu(update: Update, context: BotContext) -> None:
    async with turn(update, context) as now_turn:
        rendered = messages.menu(context.services.reminder_texts, _state(now_turn))
    await reply(update, context, rendered.text, rendered.buttons)


def time_alone(value: str) -> time | None:
    """ "19:30", "7pm", "at 7pm": a /schedule of a time and no days, which keeps the chat's days."""
    try:
        return parse_time(re.sub(r"^at\s+", "", value, flags=re.IGNORECASE))
    except ScheduleInputError:
        return None


async def schedule(update: Update, context: BotContext) -> None:
    texts = context.services.reminder_texts
    value = " ".join(context.args or ()).strip()
    if not value:
        async with turn(update, context) as now_turn:
            # In a private chat the question waits for the reply ("10:00", "mon thu", "3 days"), as a
            # newcomer trial replied "10:00" to it and got "I don't know that one" (``schedule_typed``).
            waits = _wait_for_schedule(now_turn, update)
            now_turn.say(texts["commands.schedule_ask" if waits else "commands.schedule_usage"])
        return
    days: frozenset[int] | None
    try:
        days, at = parse_schedule(value)
    except ScheduleInputError as error:
        if (alone := time_alone(value)) is None:
            await reply(update, context, escape(error))
            return
        days, at = None, alone
    async with turn(update, context) as now_turn:
        set_schedule(context, now_turn, days, at)


# ``Chat.awaiting`` while /schedule's question waits for a typed reply (``schedule_typed``).
SCHEDULE_ASKED = "schedule"


def _wait_for_schedule(now_turn: Turn, update: Update) -> bool:
    """Whether /schedule's question waits for the next message: in a private chat, unless a load question
    waits there (the sets it logs matter more than a question the trainee can send again)."""
    chat, tg_chat = now_turn.chat, update.effective_chat
    if tg_chat is None or tg_chat.type != ChatType.PRIVATE:
        return False
    if chat.awaiting is not None and chat.awaiting.startswith(loadanswer.LOAD_AWAITED):
        return False
    chat.awaiting = SCHEDULE_ASKED
    return True


def set_schedule(context: BotContext, now_turn: Turn, days: frozenset[int] | None, at: time | None) -> None:
    """The chat's training days (None: kept) and reminder time (None: kept), as /schedule sets them, and
    the reply: what is set now, or, during set-up, the question it answered moved past or the open one
    again."""
    texts = context.services.reminder_texts
    chat = now_turn.chat
    if chat.awaiting == SCHEDULE_ASKED:
        chat.awaiting = None
    if at is not None:
        chat.reminder_minute = at.hour * 60 + at.minute
    if days is None and chat.onboarding_step is not None:
        # A time alone during set-up answers no question: the time is kept, and the open question shown.
        now_turn.say(texts.get("commands.schedule_time_in_setup", time=f"{reminder_time(chat):%H:%M}"))
        now_turn.say(*onboarding_steps.reminder(context, chat.onboarding_step, chat))
        return
    if days is not None:
        # Three training days are three sessions a week: the weekly target (and the plan's weeks) follow.
        onboarding_steps.set_days(chat, days)
        # Sent while set-up asks how many days a week ("Pick my own days" points here): it answers that;
        # sent at an earlier question, it is confirmed in its turn instead of asked.
        if onboarding_steps.advance(context, now_turn, onboarding_steps.DAYS):
            return
        onboarding_steps.tell_early(chat, onboarding_steps.DAYS)
    reschedule(chat, now_turn.now)
    now_turn.say(texts.get("commands.schedule_set", **_summary(chat)))


async def _pause(
    texts: messages.ReminderTexts, now_turn: Turn, until: date, first: date | None = None
) -> str:
    """Reminders held through ``until``, from today or from ``first``, a later day. The chat holds one pause:
    a new one takes the place of one still to come, and one from a later day joins one running now when it
    starts by the day after that one ends (two pauses apart would need two)."""
    chat, session, today = now_turn.chat, now_turn.session, now_turn.today
    held = held_pause(chat, today)
    start = first if first is not None and first > today else today
    replaced = ""
    if start > today and held is not None and held[0] <= today:
        if start > held[1] + timedelta(days=1):
            return texts.get("commands.pause_one_at_a_time", until=_day(held[1]), first=_day(start))
        await repo.add_pause(session, chat.id, start, until)
        start, until = today, max(held[1], until)
        chat.paused_until = until
    else:
        if held is not None and held[0] > today:
            # Still to come, so it never happened: the new pause takes its place, in the streak's too.
            await repo.drop_pauses_after(session, chat.id, today)
            replaced = "\n" + texts.get("commands.pause_replaced", first=_day(held[0]), until=_day(held[1]))
        chat.paused_from = start if start > today else None
        chat.paused_until = until
        await repo.add_pause(session, chat.id, start, until)
    reschedule(chat, now_turn.now)
    # "Paused until Thu" left open whether Thursday is paused: name the last quiet day and the first reminder
    # after it, by the chat's days and time (a Mon/Wed/Fri chat paused through a Monday hears on Wednesday).
    back = first_after_pause(chat.reminder_plan(), now_turn.now)
    later = "_later" if start > today else ""
    if not chat.reminders_enabled:
        # A stopped chat stays stopped: the pause only keeps its streak, and the reply must not promise more.
        key = f"commands.paused{later}_while_stopped"
    elif back is None:
        key = f"commands.paused{later}_no_next"
    else:
        key = f"commands.paused{later}"
    when = None if back is None else back.at.astimezone(now_turn.zone)
    back_words = "" if when is None else f"{when:%a %d %b}"
    at = "" if when is None else f"{when:%H:%M}"
    return texts.get(key, first=_day(start), until=_day(until), back=back_words, time=at) + replaced


async def _resume(texts: messages.ReminderTexts, now_turn: Turn) -> str:
    chat, today = now_turn.chat, now_turn.today
    yesterday = today - timedelta(days=1)
    held = held_pause(chat, today)
    chat.reminders_enabled = True
    # A pause still to come is called off, its days never paused.
    await repo.end_pauses(now_turn.session, chat.id, yesterday)
    if held is not None and held[0] > today:
        chat.paused_from = chat.paused_until = None
        reschedule(chat, now_turn.now)
        return texts.get(
            "commands.pause_cancelled", first=_day(held[0]), until=_day(held[1]), **_summary(chat)
        )
    if chat.paused_until is not None and chat.paused_until > yesterday:
        # Ending the pause yesterday (rather than forgetting it) keeps the slot rule that the first
        # message after a pause is a workout, never "rest today" after a day we never prompted.
        chat.paused_from, chat.paused_until = None, yesterday
    reschedule(chat, now_turn.now)
    return texts.get("commands.resumed", **_summary(chat))


def _stop(texts: messages.ReminderTexts, now_turn: Turn) -> str:
    now_turn.chat.reminders_enabled = False
    reschedule(now_turn.chat, now_turn.now)
    return texts["commands.stopped"]


def _set_nudges(texts: messages.ReminderTexts, now_turn: Turn, on: bool) -> str:
    now_turn.chat.nudges_enabled = on
    reschedule(now_turn.chat, now_turn.now)
    return texts["commands.nudges_on" if on else "commands.nudges_off"]


async def pause(update: Update, context: BotContext) -> None:
    texts = context.services.reminder_texts
    value = " ".join(context.args or ()).strip()
    async with turn(update, context) as now_turn:
        today = now_turn.today
        # The chat's own today: "until Friday" and "the 20th" are read where the chat is.
        asked = durations.pause_asked(value, today, MAX_PAUSE_DAYS) if value else None
        if isinstance(asked, durations.PauseRefusal):
            text = _pause_refused(texts, asked, today, pressed=update.callback_query is not None)
        elif isinstance(asked, durations.Later):
            text = await _pause(texts, now_turn, asked.until, asked.first)
        else:
            until = today + timedelta(days=DEFAULT_PAUSE_DAYS - 1) if asked is None else asked
            text = await _pause(texts, now_turn, until)
    await reply(update, context, text)


def pause_button(texts: Texts, until: date, first: date | None = None) -> Buttons:
    """The button that pauses through ``until``, from the day it is pressed or from ``first``, a later day:
    the days themselves travel in the payload, so a press a day later still pauses the days the label
    shows."""
    if first is None:
        label = texts.get("faq.run_pause_until", until=_day(until))
        return [[(label, callbacks.pack("cmd", "pause", until.isoformat()))]]
    label = texts.get("faq.run_pause_from", first=_day(first), until=_day(until))
    return [[(label, callbacks.pack("cmd", "pause", f"{first.isoformat()} to {until.isoformat()}"))]]


def _pause_refused(
    texts: messages.ReminderTexts, refusal: durations.PauseRefusal, today: date, *, pressed: bool
) -> str:
    """What was wrong, when it can be said, then how to ask, with a date that works from today."""
    example = dates.written(today + timedelta(days=DEFAULT_PAUSE_DAYS * 2 - 1))
    usage = texts.get("commands.pause_usage", example=example, longest=MAX_PAUSE_DAYS)
    if refusal.key == "usage" or refusal.day is None:
        return usage
    # A year only where it is not this one: "2025-12-20" is long gone, not a fortnight away.
    day = f"{refusal.day:%a %d %b}" + (f" {refusal.day.year}" if refusal.day.year != today.year else "")
    # A pointer's button carries its last day: pressed after it, the button is what is out of date.
    key = "pause_button_past" if pressed and refusal.key == "past" else f"pause_{refusal.key}"
    why = texts.get(f"commands.{key}", day=day, today=f"{today:%a %d %b}", longest=MAX_PAUSE_DAYS)
    return f"{why}\n{usage}"


async def resume(update: Update, context: BotContext) -> None:
    async with turn(update, context) as now_turn:
        text = await _resume(context.services.reminder_texts, now_turn)
    await reply(update, context, text)


async def stop(update: Update, context: BotContext) -> None:
    async with turn(update, context) as now_turn:
        text = _stop(context.services.reminder_texts, now_turn)
    await reply(update, context, text)


async def nudges(update: Update, context: BotContext) -> None:
    value = " ".join(context.args or ()).strip().lower()
    if value not in ("on", "off"):
        await reply(update, context, context.services.reminder_texts["commands.nudges_usage"])
        return
    async with turn(update, context) as now_turn:
        text = _set_nudges(context.services.reminder_texts, now_turn, value == "on")
    await reply(update, context, text)


def _parse(data: object) -> tuple[str, str | None] | None:
    args = callbacks.unpack(data, "rem", 1) or callbacks.unpack(data, "rem", 2)
    if args is None:
        return None
    return args[0], (args[1] if len(args) == 2 else None)


def _preset_time(value: str | None) -> time | None:
    for at in messages.PRESET_TIMES:
        if value == f"{at:%H%M}":
            return at
    return None


async def button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    texts = context.services.reminder_texts
    parsed = _parse(query.data)
    if parsed is None:
        await query.answer(context.services.texts["errors.stale_button"])
        return
    action, value = parsed
    if action in (OutboxKind.SNOOZE, OutboxKind.SKIP):
        # A reminder's buttons name its day; buttons on reminders sent before they did mean today.
        day = None if value is None else callbacks.unpack_day(value)
        if value is not None and day is None:
            await query.answer(context.services.texts["errors.stale_button"])
            return
        act = _snooze if action == OutboxKind.SNOOZE else _skip
        await query.answer(await act(update, context, day))
        return
    toast: str | None = None
    confirmation: str | None = None
    async with turn(update, context) as now_turn:
        chat = now_turn.chat
        days = days_from_mask(chat.workout_days)
        if action == "menu" and value is None:
            pass
        elif action == "day" and value is not None and value in DAY_DIGITS:
            toggled = days ^ {int(value)}
            if not toggled:
                toast = texts["menu.need_a_day"]
            elif len(toggled) == 7:
                toast = texts["menu.need_a_rest_day"]
            else:
                chat.workout_days = mask_from_days(frozenset(toggled))
                chat.weekly_target = len(toggled)
                reschedule(chat, now_turn.now)
        elif action == "time" and (at := _preset_time(value)) is not None:
            chat.reminder_minute = at.hour * 60 + at.minute
            reschedule(chat, now_turn.now)
        elif action == "nudges" and value in ("on", "off"):
            _set_nudges(texts, now_turn, value == "on")
        elif action == "pause" and value is None:
            until = now_turn.today + timedelta(days=DEFAULT_PAUSE_DAYS - 1)
            confirmation = await _pause(texts, now_turn, until)
        elif action == "resume" and value is None:
            confirmation = await _resume(texts, now_turn)
        elif action == "stop" and value is None:
            confirmation = _stop(texts, now_turn)
        else:
            toast = context.services.texts["errors.stale_button"]
        rendered = messages.menu(texts, _state(now_turn))
    await query.answer(toast)
    if toast is None:
        await edit_or_reply(update, context, rendered.text, rendered.buttons)
    if confirmation is not None:
        await reply(update, context, confirmation)


def _not_today(texts: messages.ReminderTexts, day: date | None, today: date) -> str | None:
    """What to say when a reminder from an earlier day is snoozed or skipped: it is over.

    A later day can only be the chat's timezone having moved back across midnight: that is today.
    """
    if day is None or day >= today:
        return None
    return texts.get("buttons.other_day", day=f"{day:%A %d %b}")


async def _snooze(update: Update, context: BotContext, day: date | None) -> str:
    texts = context.services.reminder_texts
    async with turn(update, context) as now_turn:
        chat, session, today = now_turn.chat, now_turn.session, now_turn.today
        if (other := _not_today(texts, day, today)) is not None:
            return other
        if await repo.is_logged(session, chat.id, today):
            return texts["buttons.already_logged"]
        if await repo.outbox_exists(session, chat.id, OutboxKind.SKIP, today):
            return texts["buttons.already_skipped"]
        when = now_turn.now + SNOOZE_FOR
        # The slot key (chat, "snooze", day) allows one snooze a day, however often the button is pressed.
        queued = await repo.add_outbox(
            session, chat_id=chat.id, kind=OutboxKind.SNOOZE, slot_date=today, due_at=when, not_before=when
        )
        if not queued:
            return texts["buttons.already_snoozed"]
        return texts.get("buttons.snoozed", time=f"{when.astimezone(now_turn.zone):%H:%M}")


async def _skip(update: Update, context: BotContext, day: date | None) -> str:
    texts = context.services.reminder_texts
    async with turn(update, context) as now_turn:
        chat, session, today, now = now_turn.chat, now_turn.session, now_turn.today, now_turn.now
        if (other := _not_today(texts, day, today)) is not None:
            return other
        if await repo.is_logged(session, chat.id, today):
            return texts["buttons.already_logged"]
        recorded = await repo.add_outbox(
            session,
            chat_id=chat.id,
            kind=OutboxKind.SKIP,
            slot_date=today,
            due_at=now,
            not_before=now,
            status=OutboxStatus.SKIPPED,
            error=SKIPPED_BY_CHAT,
            finished_at=now,
        )
        if not recorded:
            return texts["buttons.already_skipped"]
        await repo.cancel_outbox(session, chat.id, OutboxKind.SNOOZE, today, now, SKIPPED_BY_CHAT)
        await repo.cancel_outbox(session, chat.id, OutboxKind.WORKOUT, today, now, SKIPPED_BY_CHAT)
        # Taking the day's slot key makes any later claim of today's workout slot (say, after a
        # change of reminder time) a no-op, and a snooze is refused because the skip row exists.
        await repo.add_outbox(
            session,
            chat_id=chat.id,
            kind=OutboxKind.WORKOUT,
            slot_date=today,
            due_at=now,
            not_before=now,
            status=OutboxStatus.SKIPPED,
            error=SKIPPED_BY_CHAT,
            finished_at=now,
        )
        return texts["buttons.skipped"]
