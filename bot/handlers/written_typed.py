"""Done's ✅ As written answered by typing ("as written", "yes as written", "all as planned") in a private
chat, while Done's As written / Adjust offer is the last thing the bot asked: the same as pressing it.

A newcomer trial typed "as written" under Done's offer and got the question answerer's decline. The offer is
kept in ``Chat.awaiting`` when /done, a Done button or "I trained yesterday" makes it (``note_offer``), and
forgotten by the next reply of any other kind (``common.turn``), so the words typed anywhere else are read
as usual. The words are ``bot.coach.donetyped``'s to read.
"""

from __future__ import annotations

from datetime import date

from telegram import Update
from telegram.constants import ChatType

from bot import callbacks
from bot.coach import donetyped
from bot.context import BotContext
from bot.handlers import as_written
from bot.handlers.common import Turn
from bot.handlers.reminders import SCHEDULE_ASKED
from bot.handlers.training_log import AS_WRITTEN
from bot.keyboards import Buttons


def note_offer(now_turn: Turn, update: Update, buttons: Buttons | None) -> None:
    """After a reply to Done (``buttons`` its keyboard): in a private chat whose next message no other
    question waits for, an As written button among them is what a typed "as written" answers; any other
    reply ends that."""
    chat, tg_chat = now_turn.chat, update.effective_chat
    day = _offered(buttons)
    # /schedule's question gives way: Done's offer is the last thing asked now.
    free = chat.awaiting in (None, SCHEDULE_ASKED) or donetyped.is_offer(chat.awaiting)
    if day is not None and free and tg_chat is not None and tg_chat.type == ChatType.PRIVATE:
        chat.awaiting = donetyped.offered(day, now_turn.today)
        now_turn.offers_written = True
    elif donetyped.is_offer(chat.awaiting):
        chat.awaiting = None


def _offered(buttons: Buttons | None) -> date | None:
    """The day an As written button among ``buttons`` logs, or None when none is."""
    for row in buttons or ():
        for _, data in row:
            args = callbacks.unpack(data, AS_WRITTEN, 1)
            if args is not None and (day := callbacks.unpack_day(args[0])) is not None:
                return day
    return None


async def typed(context: BotContext, now_turn: Turn, update: Update, text: str) -> bool:
    """Whether ``text`` answered Done's offer as ✅ As written does (logged, or said why not)."""
    day = donetyped.offered_day(now_turn.chat.awaiting, now_turn.today)
    if day is None or not donetyped.says_as_written(text):
        return False
    now_turn.chat.awaiting = None
    refused = await as_written.written(context, now_turn, update, day)
    if refused:
        now_turn.say(refused)
    return True
