"""A message sent while a load is asked (``load_answer``) that reads as no load: whether it is read as it
would be otherwise and whether the wait goes on after it. Kept apart from ``load_answer`` for its size."""

from __future__ import annotations

from dataclasses import dataclass

from bot.coach import loadanswer, logtold, swaps
from bot.coach.answerer import Answer
from bot.coach.assist import Asker
from bot.coach.finenow import tells_fine
from bot.context import BotContext
from bot.handlers import faq
from bot.handlers.common import Turn

# What the answerer points to that logs or takes back, as the load's answer would: it ends the wait.
LOGGING = frozenset(("log", "done", "undo"))


@dataclass(frozen=True)
class Aside:
    """A message read as usual while a load is asked: whether the question is asked again after its reply,
    the wait going on (``keeps``), and the answerer's answer to it when one was taken to decide."""

    keeps: bool
    answer: Answer | None = None


def read(context: BotContext, now_turn: Turn, text: str) -> Aside | None:
    """How a message no load was read in is read as usual, or None for a try at the answer (a trial's "the
    backpack was 10kg" got the home card, its question dropped and the load lost). A command typed, sets
    told, "it's fine now", or what the answerer points to /log, /done or /undo (another way to log or take
    back) ends the wait; a question (a question mark, or a question's first word), small talk, a request
    of anything else or a pain is answered and the question asked again: a trial's trainee, told after the
    answer that the lift was still not logged and to send it with /log, never logged it."""
    plain = text.strip()
    asking = loadanswer.asks(plain)
    if plain.startswith("/") or (logtold.counts_told(plain) and not asking) or tells_fine(plain):
        return Aside(keeps=False)
    if len(plain) > faq.MAX_QUESTION:
        return Aside(keeps=True)
    chat = now_turn.chat
    answer = context.services.answerer.answer(text, Asker.from_values(chat.level, chat.equipment, chat.kit))
    if answer.command in LOGGING:
        return Aside(keeps=False, answer=answer)
    # "Swap face pulls for something else": a request, offered (``handlers.swap``), not a load mistyped.
    if asking or answer.safety or answer.kind in ("smalltalk", "command") or swaps.read(plain) is not None:
        return Aside(keeps=True, answer=answer)
    return None
