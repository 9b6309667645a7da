"""A first load asked for, not guessed: As written and Save never log a lift that takes a load without one
(the progression would then treat a barbell deadlift as a bodyweight move). They ask for it instead, one
lift at a time; in a private chat the next message, "100" or "100 kg", is the answer
(``as_written.typed_load``), in a group a /log line. The chat keeps only which day it waits for and the
reps the panel set (``sessionlog.awaiting_load``): what is left to ask is read from the day's sets.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from telegram import Update
from telegram.constants import ChatType

from bot.coach import sessionlog
from bot.coach.progress_text import format_sets
from bot.coach.sessionlog import Shift, Target
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers.common import Turn
from bot.handlers.training_log import names

# A load to show as the example: any number would do, one a lifter might type reads as an example.
EXAMPLE = {"kg": "60", "lb": "135"}


def ask(
    context: BotContext,
    now_turn: Turn,
    update: Update,
    day: date,
    main: Sequence[Target],
    shifts: Sequence[Shift],
    target: Target,
) -> str:
    """The question for ``target``'s load (one of ``main``, at the reps ``shifts`` give it); in a private
    chat the chat then waits for the answer."""
    texts, unit = context.services.texts, now_turn.chat.unit
    shift = shifts[list(main).index(target)]
    sets = format_sets(sessionlog.adjusted(target, shift), unit)
    name = names(context).get(target.planned, target.planned)
    example = EXAMPLE[unit]
    chat = update.effective_chat
    if chat is not None and chat.type == ChatType.PRIVATE:
        now_turn.chat.awaiting = sessionlog.awaiting_load(day, shifts)
        return texts.get("log.ask_load", name=escape(name), sets=sets, example=example, unit=unit)
    done = sessionlog.adjusted(target, shift)
    line = f"{name.casefold()} {len(done)}x{done[0].reps} {example}{unit}"
    return texts.get("log.ask_load_group", name=escape(name), sets=sets, line=escape(line))


def waiting(now_turn: Turn) -> bool:
    awaiting = now_turn.chat.awaiting
    return awaiting is not None and awaiting.startswith(sessionlog.LOAD_AWAITED)
