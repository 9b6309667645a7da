"""A pain told to the coach carried into the plan: the exercise a safety-led answer names is cautioned, left
out of /workout, Done's As written and the reminder's preview, until "✅ It's fine now" is pressed (or typed).

What is left out and why is ``bot.coach.cautions``'s; the cautions are ``storage.cautions``' rows. Only a
private chat's pain is its plan's: a group's session is everyone's, and one member's back is not.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence
from datetime import date

from telegram import Update
from telegram.constants import ChatType

from bot import callbacks
from bot.coach import cautions
from bot.coach.answerer import Answer
from bot.coach.ladders import usable
from bot.coach.planner import Prescribed, Session
from bot.coach.texts import Texts, escape
from bot.context import BotContext
from bot.handlers.common import Turn, turn
from bot.handlers.training_log import todays_session, typed_names
from bot.keyboards import Buttons
from storage import cautions as store
from storage.records import Told

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
    lower_back = cautions.told_of_lower_back(answer.question)
    await store.tell(now_turn.session, chat.id, exercise, now_turn.today, lower_back=lower_back)
    texts = context.services.texts
    line = texts.get("caution.told", name=escape(catalog.exercises[exercise].short))
    return line, [[(texts["caution.fine_button"], fine_data(exercise))]]


async def why_left_out(context: BotContext, now_turn: Turn, answer: Answer) -> bool:
    """ "Why no rows today? the band row doesn't hurt at all", after /workout's ⚠️ line: that line again,
    with its ✅ button, and what stays (``cautions.asks_why_left_out``), rather than the row's card. False
    (nothing said) for a new pain (a safety-led answer, which ``heed`` reads) or nothing of today's session
    left out that the question names."""
    chat = now_turn.chat
    if answer.safety or chat.kind != ChatType.PRIVATE or not chat.onboarded:
        return False
    if not cautions.asks_why_missing(answer.question):
        return False
    force = in_force(await told(now_turn), now_turn.today)
    if not force:
        return False
    left = leave_out(context, await todays_session(context, now_turn), force)
    if not cautions.asks_why_left_out(answer.question, [item.exercise for item in left.items]):
        return False
    lines, rows = card(context, left, force)
    texts = context.services.texts
    now_turn.say(texts.get("caution.why_back" if left.back_moves else "caution.why", lines=lines), rows)
    return True


async def told(now_turn: Turn) -> dict[str, Told]:
    """The chat's cautions, cleared or not, in the order told: read once an update and passed along (what
    is left out, and a first session back after "It's fine now", ``training_log.back_from_pain``)."""
    return await store.told(now_turn.session, now_turn.chat.id)


def in_force(told: Mapping[str, Told], day: date) -> dict[str, Told]:
    """The cautions of ``told`` in force on ``day`` (``Told.in_force``: a session done before the pain was
    told, or on a day after "It's fine now", is not rewritten; the day itself keeps it out), in the order
    told."""
    return {exercise: one for exercise, one in told.items() if one.in_force(day)}


def leave_out(context: BotContext, session: Session, told: Mapping[str, Told]) -> cautions.LeftOut:
    lower_back = {exercise for exercise, one in told.items() if one.lower_back}
    return cautions.leave_out(session, told, context.services.catalog, lower_back=lower_back)


def card(
    context: BotContext, left: cautions.LeftOut, told: Mapping[str, Told], logged: Collection[str] = ()
) -> tuple[str, Buttons]:
    """/workout's lines for what was left out ("⚠️ Backpack RDL left out: you told me it hurt on 4 Dec…"),
    the moves working the lower back (bent over, or arched face down) said on the line of the caution that
    took them out, and a "fine now" button for each caution; ("", []) when nothing was. When the card is
    the rest of today's session, what is ``logged`` today is not said to be left out, and a main pattern is
    said gone ("so no rows today") only while nothing logged trains it: a band row logged is a row today."""
    texts, exercises = context.services.texts, context.services.catalog.exercises
    # A move logged today is not left out of it (the RDL done before the pain was told, that day).
    done = {exercises[ex].pattern for ex in logged if ex in exercises}
    left = dataclasses.replace(
        left,
        items=tuple(item for item in left.items if item.exercise.id not in logged),
        back_moves=tuple(item for item in left.back_moves if item.exercise.id not in logged),
        gone=tuple(pattern for pattern in left.gone if pattern not in done),
    )
    lines: list[str] = []
    causes: list[str] = []
    catalog = context.services.catalog
    # The caution keeping each move out: its own, or one told of another version of it (a face pull told
    # of at the gym keeps the band face pull out at home).
    told_as = {item.exercise.id: cautions.told_of(item.exercise.id, told, catalog) for item in left.items}
    # The moves left out only for working the lower back (a cautioned one has its own line).
    riding = [item for item in left.back_moves if told_as[item.exercise.id] is None]
    for item in left.items:
        cause = told_as[item.exercise.id]
        if cause is None:
            continue
        with_it = riding if cause == left.cause and cause not in causes else []
        version_of = cause if cause != item.exercise.id else None
        lines.append(_line(context, left, "caution.left_out", [item, *with_it], told[cause].on, version_of))
        if cause not in causes:
            causes.append(cause)
    if riding and left.cause is not None and left.cause not in causes:
        # Today's session has the moves working the lower back but not the lift told of: said on their own.
        lines.append(
            _line(context, left, "caution.back_moves", riding, told[left.cause].on, cause=left.cause)
        )
        causes.append(left.cause)
    # One cleared today still leaves its moves out of today's session, but there is nothing left to press.
    open_ = [exercise for exercise in causes if told[exercise].cleared_on is None]
    rows: list[list[tuple[str, str]]] = [
        [
            (
                texts["caution.fine_button"]
                if len(open_) == 1
                else texts.get("caution.fine_button_named", name=catalog.exercises[exercise].short),
                fine_data(exercise),
            )
        ]
        for exercise in open_
    ]
    return "\n".join(lines), rows


def _line(
    context: BotContext,
    left: cautions.LeftOut,
    key: str,
    items: Sequence[Prescribed],
    day: date,
    version_of: str | None = None,
    *,
    cause: str | None = None,
) -> str:
    """One ⚠️ line: ``caution.left_out`` for a cautioned lift (or a version of the one told of,
    ``version_of``) and the moves working the lower back after it, or ``caution.back_moves`` for those moves
    alone (``cause`` the lift told of); "_with" where moves ride along, "_none" where the main patterns they
    trained are gone from the day. ``loads`` says why those moves are out, how they are done (bent over at
    the hips, arched face down) and that they load the lower back, "it" for one and "they" for several."""
    texts, catalog = context.services.texts, context.services.catalog
    first, *with_it = items
    patterns = {item.exercise.pattern for item in items}
    none = [texts[f"caution.none.{pattern}"] for pattern in left.gone if pattern in patterns]
    riders = items if cause is not None else with_it
    bent = any(item.exercise.bent_over for item in riders)
    arched = any(item.exercise.back_extension for item in riders)
    how = texts[f"caution.how_{'both' if bent and arched else 'bent' if bent else 'arched'}"]
    values = {
        "loads": texts.get("caution.loads_one" if len(riders) == 1 else "caution.loads_many", how=how),
        "name": escape(_capital(first.exercise.short)),
        "bent": _joined(texts, [item.exercise.short for item in with_it]),
        "none": _joined(texts, none),
        "day": f"{day.day} {day:%b}",
        "cause": escape(catalog.exercises[cause].short) if cause is not None else "",
    }
    values["told"] = (
        texts.get("caution.told_it", day=values["day"])
        if version_of is None
        else texts.get(
            "caution.told_version", day=values["day"], cause=escape(catalog.exercises[version_of].short)
        )
    )
    if cause is not None:
        values["bent"] = _capital(_joined(texts, [item.exercise.short for item in items]))
    elif with_it:
        key += "_with"
    return texts.get(key + ("_none" if none else ""), **values)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _joined(texts: Texts, parts: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c" (names escaped here)."""
    shown = [escape(part) for part in parts]
    if len(shown) < 2:
        return "".join(shown)
    return f"{', '.join(shown[:-1])} {texts['caution.and']} {shown[-1]}"


async def fine_told(context: BotContext, now_turn: Turn) -> None:
    """ "It's fine now" typed (``cautions.tells_fine``) rather than pressed: with one caution open, what the
    button does; with several, which one, a button each; with none, that nothing is left out, or, cleared
    today, that it is and the move is back from tomorrow."""
    texts, exercises = context.services.texts, context.services.catalog.exercises
    told = await store.told(now_turn.session, now_turn.chat.id)
    open_ = [exercise for exercise, one in told.items() if one.cleared_on is None and exercise in exercises]
    if not open_:
        # Cleared today: the ⚠️ line still stands over today's session, so "nothing is left out" would be
        # untrue; it is cleared, and back from tomorrow's.
        today = [ex for ex, one in told.items() if _cleared_not_back(one, now_turn.today) and ex in exercises]
        if today:
            now_turn.say(_cleared_today(context, today))
        else:
            now_turn.say(texts["caution.nothing_left_out"])
        return
    if len(open_) == 1:
        await store.clear(now_turn.session, now_turn.chat.id, open_[0], now_turn.today)
        now_turn.say(texts.get("caution.cleared", name=escape(exercises[open_[0]].short)))
        return
    rows: Buttons = [
        [(texts.get("caution.fine_button_named", name=exercises[exercise].short), fine_data(exercise))]
        for exercise in open_
    ]
    now_turn.say(texts["caution.fine_which"], rows)


async def fine_button(update: Update, context: BotContext) -> None:
    """ "✅ It's fine now": the caution is lifted, and the exercise is back from the next day (today's
    session stays as shown, ``Told.in_force``), its first session back lighter than last time
    (``training_log.back_from_pain``, ``comeback.after_pain``). Pressed again that day, that it is cleared
    and back tomorrow; on a later day, that it is back."""
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
        if await store.clear(now_turn.session, now_turn.chat.id, args[0], now_turn.today):
            now_turn.say(texts.get("caution.cleared", name=name))
            return
        # Pressed again (an old message's button) on the day it was cleared: not back yet, but from tomorrow.
        one = (await store.told(now_turn.session, now_turn.chat.id)).get(args[0])
        if one is not None and _cleared_not_back(one, now_turn.today):
            now_turn.say(_cleared_today(context, [args[0]]))
        else:
            now_turn.say(texts.get("caution.not_cautioned", name=name))


def _cleared_not_back(one: Told, day: date) -> bool:
    """Whether ``one`` was cleared yet still keeps its exercise out of ``day``'s session (cleared that day,
    ``Told.in_force``)."""
    return one.cleared_on is not None and one.in_force(day)


def _cleared_today(context: BotContext, exercises: Sequence[str]) -> str:
    """That the cautions on ``exercises`` are cleared already, and the moves come back from tomorrow's
    session, today's staying as shown."""
    texts, catalog = context.services.texts, context.services.catalog
    names = _joined(texts, [catalog.exercises[exercise].short for exercise in exercises])
    return texts.get(
        "caution.cleared_today" if len(exercises) == 1 else "caution.cleared_today_many", names=names
    )
