"""/start and the onboarding questions: level, place, (at home) the kit, timezone and days a week.

The open question lives on the chat row, so onboarding survives restarts and replicas.
"""

from __future__ import annotations

from datetime import timedelta

from telegram import Update
from telegram.constants import ChatType

from bot import callbacks
from bot.coach import donetyped, trainingdays
from bot.coach.assist import Asker
from bot.coach.model import Equipment, Level
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers import (
    age,
    faq,
    first_load,
    kit,
    load_answer,
    onboarding_steps,
    onboarding_typed,
    panel_typed,
    schedule_typed,
    workout,
    written_typed,
)
from bot.handlers.common import Turn, level_label, turn
from bot.handlers.onboarding_steps import (
    COMMON_ZONES,
    DAYS,
    DAYS_FEATURE,
    EQUIPMENT,
    KIT,
    LEVEL,
    OTHER_ZONE,
    OWN_DAYS,
    TIMEZONE,
    advance,
    days_buttons,
    prompt,
    set_days,
    summary,
    timezone_buttons,
)
from scheduler.planning import days_from_mask, reminder_time, reschedule
from scheduler.slots import format_days
from storage import logbook


async def start(update: Update, context: BotContext) -> None:
    texts = context.services.texts
    async with turn(update, context) as now_turn:
        chat = now_turn.chat
        if chat.onboarded:
            now_turn.say(texts.get("onboarding.welcome_back", **summary(context, now_turn)))
            return
        chat.onboarding_step = chat.onboarding_step or LEVEL
        now_turn.say(texts["onboarding.welcome"])
        now_turn.say(*prompt(context, chat.onboarding_step, chat))


async def _choose(update: Update, context: BotContext, feature: str, step: str, allowed: set[str]) -> None:
    """A level or equipment button: answer onboarding's question, or change the setting later on."""
    query = update.callback_query
    assert query is not None
    args = callbacks.unpack(query.data, feature, 1)
    if args is None or args[0] not in allowed:
        await query.answer(context.services.texts["errors.stale_button"])
        return
    await query.answer()
    value = args[0]
    async with turn(update, context) as now_turn:
        if step == LEVEL:
            now_turn.chat.level = value
            confirmation = ("settings.level_set", {"level": level_label(context, value)})
        else:
            now_turn.chat.equipment = value
            if value == Equipment.HOME and now_turn.chat.onboarding_step is None:
                # A move home from /settings: ask what they own before the next session is planned.
                onboarding_typed.ask_kit(context, now_turn)
                return
            label = kit.place_label(context, value, now_turn.chat.kit)
            confirmation = ("settings.equipment_set", {"equipment": label})
        onboarding_typed.wait_for(now_turn, None)
        if not advance(context, now_turn, step):
            now_turn.edit(context.services.texts.get(confirmation[0], **confirmation[1]))


async def choose_level(update: Update, context: BotContext) -> None:
    await _choose(update, context, "lvl", LEVEL, set(Level))


async def choose_equipment(update: Update, context: BotContext) -> None:
    await _choose(update, context, "eq", EQUIPMENT, set(Equipment))


async def choose_timezone(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    args = callbacks.unpack(query.data, "tz", 1)
    texts = context.services.texts
    if args is None or (args[0] != OTHER_ZONE and args[0] not in COMMON_ZONES):
        await query.answer(texts["errors.stale_button"])
        return
    await query.answer()
    async with turn(update, context) as now_turn:
        if args[0] == OTHER_ZONE:
            if now_turn.chat.kind == ChatType.PRIVATE:
                now_turn.chat.awaiting = TIMEZONE
                now_turn.edit(texts["onboarding.type_timezone"])
            else:
                # In a group only commands and mentions reach the bot, so the zone comes as a command.
                now_turn.edit(texts["onboarding.type_timezone_group"])
            return
        await apply_timezone(context, now_turn, args[0])


async def kit_button(update: Update, context: BotContext) -> None:
    """A tick (redraws the boxes) or Confirm (saves the kit and moves on) on the kit question."""
    query = update.callback_query
    assert query is not None
    texts = context.services.texts
    parsed = kit.parse(context, query.data)
    if parsed is None:
        await query.answer(texts["errors.stale_button"])
        return
    action, mask, origin = parsed
    await query.answer()
    async with turn(update, context) as now_turn:
        if action == "t":
            now_turn.edit(texts["kit.ask"], kit.keyboard(context, mask, origin))
            return
        chat = now_turn.chat
        names = kit.from_mask(context.services.catalog, mask)
        chat.kit = ",".join(names)
        chat.equipment = Equipment.HOME
        kit.keep_pair(chat, None)
        onboarding_typed.wait_for(now_turn, None)
        if advance(context, now_turn, KIT):
            return
        saved = texts.get("kit.saved", kit=escape(kit.described(context, chat)))
        if origin == kit.WORKOUT:
            now_turn.edit(saved, [[(texts["kit.show_workout_button"], kit.SHOW_WORKOUT)]])
        else:
            now_turn.edit(saved)


async def choose_days(update: Update, context: BotContext) -> None:
    """A button of the days question: a count (its weekdays) or "Pick my own days" (how to send them).

    Pressed on an old question after set-up, a count still means what its button says: the days change,
    as with /schedule. While set-up is at another question the button is not the one asked: stale.
    """
    query = update.callback_query
    assert query is not None
    texts = context.services.texts
    args = callbacks.unpack(query.data, DAYS_FEATURE, 1)
    count = None if args is None else trainingdays.parse_choice(args[0])
    if args is None or (count is None and args[0] != OWN_DAYS):
        await query.answer(texts["errors.stale_button"])
        return
    stale = False
    async with turn(update, context) as now_turn:
        chat = now_turn.chat
        if chat.onboarding_step not in (None, DAYS):
            stale = True
        elif count is None and chat.onboarding_step == DAYS:
            now_turn.edit(texts["onboarding.own_days"], days_buttons(context, chat.level, own=False))
        elif count is None:
            now_turn.edit(texts["onboarding.own_days_later"])
        else:
            set_days(chat, trainingdays.spread(count))
            if not advance(context, now_turn, DAYS):
                reschedule(chat, now_turn.now)
                days = format_days(days_from_mask(chat.workout_days))
                time = reminder_time(chat).strftime("%H:%M")
                now_turn.edit(texts.get("onboarding.days_set", days=days, count=count, time=time))
    await query.answer(texts["errors.stale_button"] if stale else None)


async def apply_timezone(context: BotContext, now_turn: Turn, zone: str, *, typed: bool = False) -> None:
    """The chat's timezone set; a ``typed`` answer to set-up's question is said back, as a typed level or
    place is, with the time there now, so a wrong city shows at once."""
    chat = now_turn.chat
    before = now_turn.today
    chat.timezone = zone
    chat.awaiting = None
    # Sessions logged "tomorrow" in the old zone would sit in the chat's future in the new one.
    await logbook.move_future_logs(now_turn.session, chat.id, now_turn.today)
    # A pause that had ended in the old zone (/resume ends it "yesterday") has ended in the new one too,
    # even when the new zone's today is the old zone's yesterday: it must not read "paused" again.
    if chat.paused_until is not None and chat.paused_until < before:
        chat.paused_until = min(chat.paused_until, now_turn.today - timedelta(days=1))
    local = now_turn.now.astimezone(now_turn.zone).strftime("%H:%M")
    texts = context.services.texts
    # /timezone sent while set-up is at an earlier question: its question is confirmed, not asked, in turn.
    onboarding_steps.tell_early(chat, TIMEZONE)
    if typed and chat.onboarding_step == TIMEZONE:
        now_turn.say(texts.get("onboarding.typed_timezone", timezone=escape(zone), local_time=local))
    if advance(context, now_turn, TIMEZONE):
        return
    reschedule(chat, now_turn.now)
    now_turn.edit(texts.get("settings.timezone_set", timezone=escape(zone), local_time=local))


async def _typed_zone(context: BotContext, now_turn: Turn, text: str) -> bool:
    """Whether ``text`` named the timezone asked for (set-up's question, or /timezone's typed answer), which
    is then set; a message the coach could not answer otherwise either gets the question again instead
    of the answerer's decline ("I don't know that one…" beside topics that have nothing to do with it)."""
    chat, texts = now_turn.chat, context.services.texts
    zone = onboarding_typed.zone_typed(now_turn, text)
    if zone is not None:
        # "Lisbon, mondays and thursdays at 7": the days too, confirmed as set-up passes their question.
        if chat.onboarding_step == TIMEZONE:
            onboarding_typed.note_ahead(
                context, now_turn, onboarding_typed.keep_ahead(context, now_turn, text), TIMEZONE
            )
        await apply_timezone(context, now_turn, zone, typed=True)
        return True
    # Days told while the timezone is asked: kept for their turn, and the timezone asked again.
    if chat.onboarding_step == TIMEZONE and (kept := onboarding_typed.keep_ahead(context, now_turn, text)):
        onboarding_typed.note_ahead(context, now_turn, kept)
        onboarding_typed.remind(context, now_turn)
        return True
    waiting = chat.awaiting == TIMEZONE
    if waiting and len(text.split()) <= 2 and "?" not in text:
        # A zone mistyped: said back, and the next message is read as the zone again.
        now_turn.say(texts.get("errors.timezone_unknown", value=escape(text[:64])))
        return True
    answer = context.services.answerer.answer(text, Asker.from_values(chat.level, chat.equipment, chat.kit))
    # A pointer to /timezone is the question itself: asked again, not pointed to.
    if answer.kind != "decline" and answer.command != "timezone":
        # A question or a greeting: answered as usual, the wait over (set-up's question follows it).
        chat.awaiting = None
        return False
    if waiting and chat.onboarding_step is None:
        now_turn.say(texts["onboarding.timezone_not_read_typed"])
    else:
        now_turn.say(texts["onboarding.timezone_not_read"], timezone_buttons(context))
    return True


async def on_text(update: Update, context: BotContext) -> None:
    """Plain text: the answer to a question we asked (a set-up question, one /settings showed, a typed
    timezone), otherwise a training question, after whose answer an open set-up question is shown again."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    async with turn(update, context) as now_turn:
        # A load asked for after Done ("100 kg", or skip); anything else stops the wait and is read as usual.
        text = message.text
        if first_load.waiting(now_turn) and await load_answer.typed_load(context, now_turn, update, text):
            return
        # A load typed while Done's ✏️ Adjust panel is open ("6 kg on the rdl"): set on the panel.
        if await panel_typed.typed(context, now_turn, update, text):
            return
        # "As written" typed while Done's As written / Adjust offer is the last thing asked: the press.
        if await written_typed.typed(context, now_turn, update, text):
            return
        # The days or time /schedule's question asked for ("10:00", "mon thu", "3 days"); anything else ends
        # its wait and is read as usual.
        if schedule_typed.typed(context, now_turn, text):
            return
        chat = now_turn.chat
        # An age told ("I'm 67"): kept as its bracket and said back; anything more in it is read on as usual,
        # a set-up answer too (a trial's "Hello, I'm Rosa, I'm 68 … I've never lifted weights before").
        if age.typed(context, now_turn, text):
            onboarding_typed.remind(context, now_turn)
            return
        if chat.awaiting != TIMEZONE and onboarding_typed.typed_answer(context, now_turn, text):
            return
        # The timezone asked for: its buttons showing at set-up (a zone typed without tapping "Other" is the
        # answer), or the typed zone "Other" and /timezone wait for.
        asked = chat.awaiting == TIMEZONE or chat.onboarding_step == TIMEZONE
        if asked and await _typed_zone(context, now_turn, text):
            return
        # Answers to questions still to come ("I'm in Lisbon, mondays and thursdays at 7" at the kit
        # question): kept for their turn, said back, and the open question shown again.
        if chat.onboarding_step is not None and (
            kept := onboarding_typed.keep_ahead(context, now_turn, text)
        ):
            onboarding_typed.note_ahead(context, now_turn, kept)
            onboarding_typed.remind(context, now_turn)
            return
        # "done" typed alone once set up: what /done does, not the small talk the words also are.
        if chat.onboarded and donetyped.says_done(text):
            _new, said, buttons = await workout.log_on_turn(update, context, now_turn)
            now_turn.say(said, buttons)
            return
        # A pointer to /start is the way into set-up already: no second question beside its button.
        if await faq.queue_answer(context, now_turn, text) != "start":
            onboarding_typed.remind(context, now_turn)
