"""/streak: the weekly streak, derived from the log in the chat's own calendar."""

from __future__ import annotations

from telegram import Update

from bot.coach.streaks import StreakSummary, summarize, week_start
from bot.context import BotContext
from bot.handlers.common import Turn, reply, turn
from bot.handlers.reminders import held_pause
from storage import repo


async def score_of(now_turn: Turn) -> StreakSummary:
    """The chat's streak as of its local today, from the log and its pauses."""
    chat = now_turn.chat
    days, pauses = await repo.history(now_turn.session, chat.id)
    return summarize(days, now_turn.today, chat.weekly_target, pauses)


async def streak(update: Update, context: BotContext) -> None:
    texts = context.services.texts
    async with turn(update, context) as now_turn:
        chat = now_turn.chat
        score = await score_of(now_turn)
        held = held_pause(chat, now_turn.today)
        coming = held is not None and held[0] > now_turn.today
        this_week = week_start(now_turn.today)
    if score.total == 0:
        hint = texts["progress.hint_none"]
    elif score.this_week >= score.weekly_target:
        hint = texts["progress.hint_met"]
    elif held is not None and week_start(held[0]) == this_week:
        # A week touching a pause (running, or from a later day of it) passes the streak by when it misses
        # the target (``streaks``): nothing to keep going this week.
        hint = texts["progress.hint_paused"]
    else:
        left = score.weekly_target - score.this_week
        # With no streak there is nothing to keep going: this week's sessions would start one.
        key = "progress.hint_more" if score.current_weeks else "progress.hint_start"
        hint = texts.get(key, left=left, sessions=texts.count("words.session", left).strip())
    text = texts.get(
        "progress.streak",
        current=score.current_weeks,
        weeks=texts.count("words.week", score.current_weeks),
        best=score.best_weeks,
        this_week=score.this_week,
        target=score.weekly_target,
        total=score.total,
        hint=hint,
    )
    if held is not None:
        # The day as every other message writes one ("Sun 20 Dec"), not ISO; a pause still to come says so.
        first, until = (f"{day:%a %d %b}" for day in held)
        key = "progress.paused_coming" if coming else "progress.paused"
        text += "\n" + texts.get(key, first=first, until=until)
    await reply(update, context, text)
