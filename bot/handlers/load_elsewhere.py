"""A lift named while a load question is open that is not the one asked: a re-trial's "the cable row was
67.5", typed at the rear-delt fly's question with the cable row logged at 60 today, was said to be no load.
The reply says how to correct the lift logged today, and that correction ("actually the cable row was 67.5
not 60") is offered as it is when no question waits, rather than read as a failed load."""

from __future__ import annotations

from telegram import Update

from bot.coach import correction, loadwords
from bot.coach.progress_text import format_load, shown_load
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers import correction as corrections
from bot.handlers.common import Turn
from bot.handlers.training_log import member
from storage import logbook


async def fixed(context: BotContext, now_turn: Turn, update: Update, text: str) -> bool:
    """Whether a message is a correction of a lift logged today ("actually the cable row was 67.5 not 60",
    as ``logged_today`` suggests), offered as it is at any time; the caller asks its question again."""
    fixing = correction.read_sets(text) or correction.read(text)
    if fixing is None:
        return False
    return await corrections.offer(context, now_turn, fixing, member(update, now_turn.chat)[0])


async def logged_today(context: BotContext, now_turn: Turn, update: Update, told: loadwords.Unasked) -> str:
    """For a lift named that is not asked but logged today at a load, how to correct that load (a
    re-trial's "the cable row was 67.5", logged at 60, was only said to be no load); else nothing."""
    if told.exercise is None or told.load is None:
        return ""
    user_id = member(update, now_turn.chat)[0]
    rows = await logbook.day_sets(now_turn.session, now_turn.chat.id, now_turn.today, user_id=user_id)
    unit = now_turn.chat.unit
    loads = [shown_load(row.load, row.unit, unit) for row in rows if row.exercise == told.exercise]
    # The load told is the one logged: nothing to correct.
    if not loads or loads[-1] is None or loads[-1] == float(told.load.replace(",", ".")):
        return ""
    before = format_load(loads[-1], unit)
    line = f"actually the {told.said} was {told.load} not {before.removesuffix(' ' + unit)}"
    return " " + context.services.texts.get("log.load_not_asked_logged", load=before, line=escape(line))
