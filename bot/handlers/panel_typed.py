"""A load typed in a private chat while Done's ✏️ Adjust panel is open ("6 kg on the rdl", "the row was 40"):
that main lift's load on the panel, said back, and the panel shown again as Save will log it.

The panel keeps its state in ``Chat.adjusting`` while open (``as_written``: set when it is drawn, cleared by
Save or As written). The loads are read as a load question's are (``loadwords.read_told``), among the main
lifts the panel shows that take a load: each named one is that lift's, and a number naming none only when
the panel shows one such lift. Anything else is read as usual.
"""

from __future__ import annotations

from dataclasses import replace

from telegram import Update
from telegram.constants import ChatType

from bot import callbacks
from bot.coach import loadwords, sessionlog
from bot.coach.loadanswer import Kind
from bot.coach.logparse import MAX_LOAD
from bot.coach.progress_text import format_load
from bot.coach.progression import in_unit
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers import as_written
from bot.handlers.adjust_panel import state_of
from bot.handlers.common import Turn
from bot.handlers.training_log import member, names, typed_names
from storage import logbook


async def typed(context: BotContext, now_turn: Turn, update: Update, text: str) -> bool:
    """Whether ``text`` set a load on the open panel (and was answered); False: read it as usual."""
    chat = now_turn.chat
    if chat.kind != ChatType.PRIVATE or not chat.adjusting or text.lstrip().startswith("/"):
        return False
    packed, _, state = chat.adjusting.partition("|")
    day = callbacks.unpack_day(packed)
    user_id = member(update, chat)[0]
    found = None if day is None else await logbook.day_log(now_turn.session, chat.id, day, user_id=user_id)
    if day is None or found is None or (now_turn.today - day).days > sessionlog.MAX_DAYS_BACK:
        chat.adjusting = None  # the panel's day is gone: nothing of it to set
        return False
    so_far = await as_written.day_done(context, now_turn, user_id, day, found.session_number)
    read = as_written.panel_state(context, chat, so_far, state)
    if read is None or not so_far.anything_left:
        chat.adjusting = None
        return False
    main, shifts, mask, skipped = read
    left = {target.planned for target in so_far.to_write} - skipped
    places = [at for at, target in enumerate(main) if target.planned in left and target.loaded]
    asked = [tuple(dict.fromkeys((main[at].prescription.exercise, main[at].planned))) for at in places]
    told = loadwords.read_told(text, asked, typed_names(context)) if asked else None
    if not isinstance(told, list) or not told or any(t.answer.kind is not Kind.LOAD for t in told):
        return False
    if any(t.lift is None for t in told) and (len(places) != 1 or len(told) != 1):
        return False
    unit, shown, said = chat.unit, names(context), []
    for one in told:
        at = places[one.lift or 0]
        load = in_unit(one.answer.amount, one.answer.unit or unit, unit)
        if load is None or not 0 < load <= MAX_LOAD[unit]:
            return False
        shifts[at] = replace(shifts[at], steps=0, told=load)
        name = shown.get(main[at].prescription.exercise, main[at].prescription.exercise)
        said.append(f"{escape(name)} {format_load(load, unit)}")
    chat.adjusting = f"{packed}|{state_of(shifts, mask)}"
    texts = context.services.texts
    now_turn.say(texts.get("log.panel_load_set", sets="; ".join(said)))
    now_turn.say(*as_written.panel_for(context, chat, so_far, day, shifts, mask))
    return True
