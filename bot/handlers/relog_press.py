"""➕ Add / 🔁 Replace under the question ``bot.handlers.relog`` asks of a lift logged twice in a day: log
the sets on top of the earlier ones, or in their place (the earlier ones kept for the new batch's ↩️ Undo).
A press once the lift's sets changed since the question (it was answered, undone or logged again), on
another day, or by another member logs nothing and says why; forged data gets the stale-button answer.
"""

from __future__ import annotations

from datetime import timedelta

from telegram import Update

from bot.context import BotContext
from bot.handlers import log_command, relog
from bot.handlers.common import strip_tags, turn
from bot.handlers.training_log import member
from storage import undoing


async def relog_button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    texts = context.services.texts
    found = relog.carried(context, query.data)
    made = None if found is None else log_command.made_on(found[1])
    if found is None or made is None:
        await query.answer(texts["errors.stale_button"])
        return
    action, _, mark, owner, reading = found
    if query.from_user.id != owner:
        await query.answer(texts["relog.not_yours"])
        return
    toast = ""
    async with turn(update, context) as now_turn:
        chat = now_turn.chat
        day = made[0] - timedelta(days=made[1])
        now = await undoing.lift_day(
            now_turn.session, chat.id, day, user_id=member(update, chat)[0], exercise=reading.exercise
        )
        if not chat.onboarded:
            toast = strip_tags(texts["workout.not_ready"])
        elif made[0] != now_turn.today:
            toast = texts["log.reading_expired"]
        elif now is None or now.mark != mark:
            # Answered already (a second press, a double tap), or the lift's sets changed since it was asked.
            toast = texts["relog.answered"]
        else:
            replacing = {reading.exercise} if action == relog.REPLACE else set()
            await log_command.log_parsed(
                context, now_turn, update, [reading], day, edit=True, replacing=replacing
            )
    await query.answer(toast[:200] or None)
