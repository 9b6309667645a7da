"""/log and /undo: sets typed in a message, the readings offered for ``/log row 10 40``, and taking back.

The shared logging (records, the set log, level-up) is ``bot.handlers.training_log``'s; this module reads
what was typed. Numbers that could be reps or a load come back as two buttons, one per reading; a button
carries its whole reading (exercise, reps, load, unit, day) and is checked again when pressed, since
Telegram gives back whatever a client sends.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from telegram import Update

from bot import callbacks
from bot.coach import lognames, logparse, sessionlog
from bot.coach.ladders import usable
from bot.coach.model import SetDone
from bot.coach.progress_text import format_load
from bot.coach.progression import in_unit
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers.common import Turn, strip_tags, turn
from bot.handlers.training_log import (
    LAST_BATCH,
    describe_sets,
    hold_ids,
    ladders,
    level_up_offer,
    loaded_ids,
    log_and_score,
    main_lifts,
    member,
    names,
    session_targets,
    todays_session,
    took_back,
    typed_names,
    undo_data,
)
from bot.keyboards import Buttons
from storage import logbook, repo

READING = "lr"


async def log_command(update: Update, context: BotContext) -> None:
    texts = context.services.texts
    # The command's words, not the message's text: run from a button, the message is the bot's own reply.
    typed = " ".join(context.args or ())
    async with turn(update, context) as now_turn:
        chat = now_turn.chat
        if not chat.onboarded:
            now_turn.say(texts["workout.not_ready"])
            return
        session = await todays_session(context, now_turn)
        catalog = context.services.catalog
        # As the day began (as As written reads it): a strict try today must not change what "pull up" means.
        found = await session_targets(
            context, now_turn, session, member(update, chat)[0], before=now_turn.today
        )
        parsed = logparse.parse_log(
            typed,
            typed_names(context),
            unit=chat.unit,
            prefer=main_lifts(session),
            holds=hold_ids(context),
            loaded=loaded_ids(context),
            usable={ex.id for ex in catalog.exercises.values() if usable(ex, session.profile)},
            easier=sessionlog.easier_today(found, ladders(context, session)),
        )
        if isinstance(parsed, logparse.LogError):
            buttons = reading_buttons(context, now_turn, parsed.readings)
            key = "log.unclear_choose" if buttons else None
            line = logparse.describe(parsed, texts, names(context))
            now_turn.say(texts.get(key, line=line) if key else line, buttons or None)
            return
        await log_parsed(context, now_turn, update, parsed, edit=False)


async def log_parsed(
    context: BotContext, now_turn: Turn, update: Update, parsed: logparse.ParsedLog, *, edit: bool
) -> None:
    """Log a read /log as today's sets and say so (in a new message, or ``edit`` the one pressed)."""
    chat, texts = now_turn.chat, context.services.texts
    load = in_unit(parsed.load, parsed.unit, chat.unit)
    # A hold is stored as 0 reps and its seconds.
    sets = [SetDone(reps, load, parsed.rir) for reps in parsed.reps] + [
        SetDone(0, load, parsed.rir, seconds) for seconds in parsed.seconds
    ]
    user = member(update, chat)
    today = now_turn.today
    first = not await repo.is_logged(now_turn.session, chat.id, today, user_id=user[0])
    lines = await log_and_score(context, now_turn, today, user, [(parsed.exercise, sets)], note=parsed.note)
    head = texts.get("log.logged", sets=describe_sets(context, chat, [(parsed.exercise, sets)]).lstrip("• "))
    if parsed.instead_of is not None:
        name = lognames.own_name(parsed.instead_of, parsed.exercise, typed_names(context))
        shown = names(context)
        head += "\n" + texts.get(
            "log.read_as_plan",
            today=escape(shown.get(parsed.exercise, parsed.exercise)),
            name=escape(name or shown.get(parsed.instead_of, parsed.instead_of)),
            reps=" ".join(map(str, parsed.reps)),
        )
    if first:
        head += "\n" + texts["log.counts_as_session"]
    buttons = [[(texts["log.undo_button"], undo_data(today, today, LAST_BATCH))]]
    (now_turn.edit if edit else now_turn.say)("\n".join([head, *lines]), buttons)
    await level_up_offer(context, now_turn, user[0])


def reading_buttons(context: BotContext, now_turn: Turn, readings: tuple[logparse.ParsedLog, ...]) -> Buttons:
    """One button per reading of "row 10 40" ("10 reps @ 40 kg", "40 reps @ 10 kg"), for today."""
    texts, today = context.services.texts, callbacks.pack_day(now_turn.today)
    row: list[tuple[str, str]] = []
    for reading in readings:
        if len(reading.reps) != 1 or reading.load is None:
            continue
        label = texts.get(
            "log.reading_button", reps=reading.reps[0], load=format_load(reading.load, reading.unit)
        )
        rir = "" if reading.rir is None else str(reading.rir)
        data = (reading.exercise, str(reading.reps[0]), f"{reading.load:g}", reading.unit, today, rir)
        row.append((label, callbacks.pack(READING, *data)))
    return [row] if row else []


def unpack_reading(data: object, loaded: frozenset[str]) -> tuple[logparse.ParsedLog, str] | None:
    """A reading button's reading and the day it was made on, or None for anything forged or broken."""
    args = callbacks.unpack(data, READING, 6)
    if args is None:
        return None
    exercise, reps, load, unit, day, rir = args
    if exercise not in loaded or unit not in logparse.MAX_LOAD or callbacks.unpack_day(day) is None:
        return None
    if not reps.isdigit() or not 1 <= int(reps) <= logparse.MAX_REPS:
        return None
    if rir and not (rir.isdigit() and int(rir) <= logparse.MAX_RIR):
        return None
    try:
        amount = float(load)
    except ValueError:
        return None
    if not 0 < amount <= logparse.MAX_LOAD[unit] or load != f"{amount:g}":
        return None
    return logparse.ParsedLog(exercise, (int(reps),), amount, unit, int(rir) if rir else None), day


async def reading_button(update: Update, context: BotContext) -> None:
    """A press of "10 reps @ 40 kg": log that reading today, in place of the question."""
    query = update.callback_query
    assert query is not None
    texts = context.services.texts
    found = unpack_reading(query.data, loaded_ids(context))
    if found is None:
        await query.answer(texts["errors.stale_button"])
        return
    reading, made_on = found
    toast = ""
    async with turn(update, context) as now_turn:
        if not now_turn.chat.onboarded:
            toast = strip_tags(texts["workout.not_ready"])
        elif callbacks.pack_day(now_turn.today) != made_on:
            toast = texts["log.reading_expired"]
        else:
            await log_parsed(context, now_turn, update, reading, edit=True)
    await query.answer(toast[:200] or None)


async def undo_command(update: Update, context: BotContext) -> None:
    texts = context.services.texts
    async with turn(update, context) as now_turn:
        chat, today = now_turn.chat, now_turn.today
        user_id, _ = member(update, chat)
        # The last thing logged, by when: a backdated Done just pressed goes before today's earlier /log.
        days = [today - timedelta(days=back) for back in range(sessionlog.MAX_DAYS_BACK + 1)]
        since = datetime.combine(today, time(), tzinfo=now_turn.zone)
        found = await logbook.undo_latest(
            now_turn.session, chat.id, user_id=user_id, days=days, today=today, since=since
        )
        if found is None:
            now_turn.say(texts["log.nothing_to_undo"])
        else:
            day, removed = found
            now_turn.say(took_back(context, chat, removed, day, today))
