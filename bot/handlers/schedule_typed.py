"""/schedule's question answered by typing: the reply to "Which days, and at what time?" in a private chat.

A newcomer trial tapped ▶ /schedule, was asked for the days and a time, replied "10:00" and got "I don't
know that one, sorry…": only "/schedule 10" worked. The question now waits in ``Chat.awaiting``
(``reminders.SCHEDULE_ASKED``) for the next message, as /timezone's "Other" does, which sets what it tells,
as /schedule would ("10:00", "mon thu", "tuesdays and fridays at 7pm", "3 days": read by
``setupanswers.schedule_reply``); anything else ends the wait and is read as usual.
"""

from __future__ import annotations

from datetime import time

from bot.coach import scheduleasked, setupanswers
from bot.context import BotContext
from bot.handlers.common import Turn
from bot.handlers.onboarding_typed import time_read
from bot.handlers.reminders import SCHEDULE_ASKED, set_schedule, time_alone
from scheduler.planning import days_from_mask
from scheduler.slots import ScheduleInputError, parse_schedule


def waiting(now_turn: Turn) -> bool:
    return now_turn.chat.awaiting == SCHEDULE_ASKED


def typed(context: BotContext, now_turn: Turn, text: str) -> bool:
    """Whether ``text`` answered /schedule's question, which then set the days and time it told; the wait
    ends either way, a message that told neither read as usual."""
    if not waiting(now_turn):
        return False
    chat = now_turn.chat
    chat.awaiting = None
    told = setupanswers.schedule_reply(text, days_from_mask(chat.workout_days), _as_arguments)
    if told is None:
        return False
    if told.in_words and told.at is not None and scheduleasked.morning_guessed(text, told.at):
        # "tuesdays at 9": the morning's, as /schedule reads "9", and how to have the evening's.
        now_turn.say(time_read(context, text, told.at))
    set_schedule(context, now_turn, told.days, told.at)
    return True


def _as_arguments(text: str) -> tuple[frozenset[int] | None, time | None] | None:
    """``text`` read as /schedule reads its arguments: days and maybe a time ("tue fri 7pm"), or a time
    alone ("10:00", "at 7pm"), which keeps the days (None)."""
    try:
        return parse_schedule(text)
    except ScheduleInputError:
        alone = time_alone(text.strip())
        return None if alone is None else (None, alone)
