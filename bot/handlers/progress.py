"""/streak: the weekly streak, derived from the log in the chat's own calendar."""

from __future__ import annotations

from datetime import date

from telegram import Update

from bot.coach.streaks import StreakSummary, summarize
from bot.coach.texts import Texts
from bot.context import BotContext
from bot.handlers.common import Turn, reply, turn
from bot.handlers.reminders import held_pause
from scheduler.planning import days_from_mask
from storage import repo


async def score_of(now_turn: Turn) -> StreakSummary:
    """The chat's streak as of its local today, from the log, its pauses and its training days (a week a
    pause touched asks for the training days it left free)."""
    chat = now_turn.chat
    days, pauses = await repo.history(now_turn.session, chat.id)
    return summarize(days, now_turn.today, chat.weekly_target, pauses, days_from_mask(chat.workout_days))


def days_held(days: tuple[date, date]) -> str:
    """A pause's days in a week as the streak says them: "Mon–Wed", or "Fri" for one."""
    first, last = days
    return f"{first:%a}" if first == last else f"{first:%a}–{last:%a}"


def hint(texts: Texts, score: StreakSummary, today: date) -> str:
    """The line under the figures: what this week still asks for, and what happens if it is missed. A week a
    pause touched asks only for the training days the pause left free, and missing it breaks nothing, as
    /progress shades it (``streaks``): the whole week's count asked there was the trial's complaint."""
    asked, paused = score.target_this_week, score.paused_this_week
    if score.total == 0:
        return texts["progress.hint_none"]
    if score.this_week >= asked:
        if paused is not None and asked < score.weekly_target:
            sessions = texts.count("count.session", asked)
            return texts.get("progress.hint_met_paused", days=days_held(paused), asked=sessions)
        return texts["progress.hint_met"]
    left = asked - score.this_week
    sessions = texts.count("words.session", left).strip()
    if paused is not None and paused[0] <= today and paused[1].weekday() == 6:
        # Paused from today (or before) to the week's end: no free day is left to ask for.
        return texts["progress.hint_paused"]
    if paused is not None:
        fewer = asked < score.weekly_target
        # Its own words after a space: the catalog strips a line's edges.
        instead = " " + texts.get("progress.instead_of", target=score.weekly_target) if fewer else ""
        return texts.get(
            "progress.hint_partial",
            days=days_held(paused),
            asked=texts.count("count.session", asked),
            instead=instead,
            left=left,
            sessions=sessions,
        )
    # With no streak there is nothing to keep going: this week's sessions would start one.
    key = "progress.hint_more" if score.current_weeks else "progress.hint_start"
    return texts.get(key, left=left, sessions=sessions)


async def streak(update: Update, context: BotContext) -> None:
    texts = context.services.texts
    async with turn(update, context) as now_turn:
        chat = now_turn.chat
        score = await score_of(now_turn)
        held = held_pause(chat, now_turn.today)
        coming = held is not None and held[0] > now_turn.today
    text = texts.get(
        "progress.streak",
        current=score.current_weeks,
        weeks=texts.count("words.week", score.current_weeks),
        best=score.best_weeks,
        this_week=score.this_week,
        target=score.target_this_week,
        total=score.total,
        hint=hint(texts, score, now_turn.today),
    )
    if held is not None:
        # The day as every other message writes one ("Sun 20 Dec"), not ISO; a pause still to come says so.
        first, until = (f"{day:%a %d %b}" for day in held)
        key = "progress.paused_coming" if coming else "progress.paused"
        text += "\n" + texts.get(key, first=first, until=until)
    await reply(update, context, text)
