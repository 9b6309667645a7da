"""A pain told to the coach carried into the plan: the exercise a safety-led answer names is cautioned, left
out of /workout, Done's As written and the reminder's preview, until "✅ It's fine now" is pressed.

What is left out and why is ``bot.coach.cautions``'s; the cautions are ``storage.cautions``' rows. Only a
private chat's pain is its plan's: a group's session is everyone's, and one member's back is not.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from telegram import Update
from telegram.constants import ChatType

from bot import callbacks
from bot.coach import cautions
from bot.coach.answerer import Answer
from bot.coach.ladders import usable
from bot.coach.planner import Session
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers.common import Turn, turn
from bot.handlers.training_log import todays_session, typed_names
from bot.keyboards import Buttons
from storage import cautions as store

# The "✅ It's fine now" payload: "1:fine:<exercise id>" (ids are at most 40 characters).
FINE = "fine"


def fine_data(exercise: str) -> str:
    return callbacks.pack(FINE, exercise)


async def heed(context: BotContext, now_turn: Turn, answer: Answer) -> tuple[str, Buttons] | None:
    """Caution the exercise a safety-led answer's question names, from today: the answer's last line and
    its button. None (and nothing stored) for an answer not led by safety, or a message naming no exercise
    the chat can do ("my lower back hurts")."""
    chat = now_turn.chat
    if not answer.safety or chat.kind != ChatType.PRIVATE or not chat.onboarded:
        return None
    if not cautions.told_of_oneself(answer.question):
        return None
    session = await todays_session(context, now_turn)
    catalog = context.services.catalog
    exercise = cautions.exercise_told(
        answer.question,
        typed_names(context),
        planned=[item.exercise.id for item in session.exercises],
        usable={ex.id for ex in catalog.exercises.values() if usable(ex, session.profile)},
    )
    if exercise is None:
        return None
    await store.tell(now_turn.session, chat.id, exercise, now_turn.today)
    texts = context.services.texts
    line = texts.get("caution.told", name=escape(catalog.exercises[exercise].short))
    return line, [[(texts["caution.fine_button"], fine_data(exercise))]]


async def in_force(now_turn: Turn, day: date) -> dict[str, date]:
    """The chat's cautions told on or before ``day`` (a session done before the pain was told is not
    rewritten), each with the day it was told."""
    told = await store.told(now_turn.session, now_turn.chat.id)
    return {exercise: on for exercise, on in told.items() if on <= day}


def leave_out(context: BotContext, session: Session, told: Mapping[str, date]) -> cautions.LeftOut:
    return cautions.leave_out(session, told, context.services.catalog)


def card(context: BotContext, left: cautions.LeftOut, told: Mapping[str, date]) -> tuple[str, Buttons]:
    """/workout's lines for what was left out ("⚠️ Backpack RDL left out: you told me it hurt on 4 Dec…")
    and a "fine now" button for each; ("", []) when nothing was."""
    texts = context.services.texts
    lines: list[str] = []
    rows: list[list[tuple[str, str]]] = []
    for item in left.items:
        exercise = item.exercise
        name = escape(exercise.short[:1].upper() + exercise.short[1:])
        day = told[exercise.id]
        shown = f"{day.day} {day:%b}"
        if exercise.pattern in left.gone:
            none = texts[f"caution.none.{exercise.pattern}"]
            lines.append(texts.get("caution.left_out_none", name=name, none=none, day=shown))
        else:
            lines.append(texts.get("caution.left_out", name=name, day=shown))
        label = (
            texts["caution.fine_button"]
            if len(left.items) == 1
            else texts.get("caution.fine_button_named", name=exercise.short)
        )
        rows.append([(label, fine_data(exercise.id))])
    return "\n".join(lines), rows


async def fine_button(update: Update, context: BotContext) -> None:
    """ "✅ It's fine now": the caution is lifted, and the exercise is back from the next /workout."""
    query = update.callback_query
    assert query is not None
    texts = context.services.texts
    args = callbacks.unpack(query.data, FINE, 1)
    exercises = context.services.catalog.exercises
    if args is None or args[0] not in exercises:
        await query.answer(texts["caution.stale"])
        return
    await query.answer()
    name = escape(exercises[args[0]].short)
    async with turn(update, context) as now_turn:
        cleared = await store.clear(now_turn.session, now_turn.chat.id, args[0])
        now_turn.say(texts.get("caution.cleared" if cleared else "caution.not_cautioned", name=name))
