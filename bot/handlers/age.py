"""The chat's age bracket, told optionally: /settings → Age, or "I'm 67" typed in a private chat.

Not a set-up step: a chat that never tells one gets the plan for anyone. A bracket of 60 or more adapts the
plan (``bot.coach.agefit``); the bracket is kept, never the age.
"""

from __future__ import annotations

from telegram import Update

from bot import callbacks
from bot.coach import agefit, agetold
from bot.context import BotContext
from bot.handlers.common import Turn, turn

AGE = "age"
# The button that leaves the age untold (and clears one told).
CLEAR = "none"


def label(context: BotContext, bracket: str | None) -> str:
    """The bracket as /settings shows it ("60–69"), or "not told"."""
    texts = context.services.texts
    return texts[f"age.brackets.{bracket}"] if bracket in agefit.BRACKETS else texts["age.not_told"]


def buttons(context: BotContext) -> list[list[tuple[str, str]]]:
    texts = context.services.texts
    brackets = [(label(context, key), callbacks.pack(AGE, key)) for key in agefit.BRACKETS]
    return [brackets[:3], brackets[3:], [(texts["age.clear_button"], callbacks.pack(AGE, CLEAR))]]


def ask(context: BotContext, now_turn: Turn) -> None:
    now_turn.edit(context.services.texts["age.ask"], buttons(context))


async def button(update: Update, context: BotContext) -> None:
    """A bracket pressed (or "Rather not say"): kept, and what it changes said in place of the question."""
    query = update.callback_query
    assert query is not None
    args = callbacks.unpack(query.data, AGE, 1)
    texts = context.services.texts
    if args is None or (args[0] not in agefit.BRACKETS and args[0] != CLEAR):
        await query.answer(texts["errors.stale_button"])
        return
    await query.answer()
    bracket = args[0] if args[0] in agefit.BRACKETS else None
    async with turn(update, context) as now_turn:
        if now_turn.chat.age_bracket != bracket:
            # Only when it changes: an assignment makes the row dirty (``common.turn``).
            now_turn.chat.age_bracket = bracket
        if bracket is None:
            now_turn.edit(texts["age.cleared"])
            return
        older = agefit.is_older(context.services.catalog, bracket)
        now_turn.edit(texts.get("age.set_older" if older else "age.set", bracket=label(context, bracket)))


def typed(context: BotContext, now_turn: Turn, text: str) -> bool | None:
    """An age told in a private chat's message ("I'm 67"): kept as its bracket and said back. None when the
    message tells none; False when it says more than the age (its rest is then read as usual), True when
    the age was all it said."""
    told = agetold.read(text)
    bracket = agefit.bracket_of(told.age) if told is not None else None
    if told is None or bracket is None:
        return None
    more = agetold.says_more(text, told)
    if now_turn.chat.age_bracket == bracket and more:
        # Told again beside a question ("I'm 68, is it really safe …?"): nothing new to note, the question is
        # what the message asks.
        return False
    if now_turn.chat.age_bracket != bracket:
        now_turn.chat.age_bracket = bracket
    older = agefit.is_older(context.services.catalog, bracket)
    now_turn.say(context.services.texts.get("age.told_older" if older else "age.told", age=told.age))
    return not more
