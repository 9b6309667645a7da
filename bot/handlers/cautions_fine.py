""" "✅ It's fine now", pressed or typed: the cautions it is about lifted, back today while nothing of the day
is logged, else from tomorrow, and what the reply says of the first session back.

What a caution leaves out and how /workout says so is ``handlers.cautions``'; which cautions a typed "fine
now" is about is read here, with ``bot.coach.finenow``'s reading of the message.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from telegram import Update

from bot import callbacks
from bot.coach import cautions, finenow
from bot.coach.answerer import Answer
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers.cautions import (
    FINE,
    caution_name,
    in_force,
    joined,
    leave_out,
    plan_name,
    plural,
    shoulder,
    which_rows,
)
from bot.handlers.common import Turn, turn
from bot.handlers.training_log import todays_session, typed_names
from storage import cautions as store
from storage import repo
from storage.records import Told


async def fine_told(
    context: BotContext, now_turn: Turn, text: str, answer: Answer, *, over: bool = False
) -> bool:
    """ "It's fine now" typed (``finenow.tells_fine``) rather than pressed, for the cautions it is about
    (``_about``: those keeping out the exercise it names, by any of its names or versions, else those of
    the body part it names): with one, or a body part's several, what the button does; with several
    otherwise, which, a button each; with none open, that nothing is left out, or, cleared today, that it is.
    False (nothing said: the answerer's ``answer`` is the reply) for a message longer than "my back is fine
    now" that the answerer is sure of while nothing is open or cleared today, or one the answerer reads as
    something else (``_elsewhere``: "I'm back! feeling much better after the cold"). ``over``: the message
    only says the pain was long ago (``finenow.tells_over``: "It was 5 years ago", "that was an old
    injury"), which is about a caution only where one is open, or cleared today: else False."""
    texts, catalog = context.services.texts, context.services.catalog
    told = await store.told(now_turn.session, now_turn.chat.id)
    open_ = [
        exercise for exercise, one in told.items() if one.cleared_on is None and exercise in catalog.exercises
    ]
    today = [
        ex for ex, one in told.items() if cleared_not_back(one, now_turn.today) and ex in catalog.exercises
    ]
    about, named, everything = _about(context, text, open_, told)
    if everything and _elsewhere(answer, bool(open_ or today)):
        return False
    if over and not (about or today):
        # "that was an old injury" with nothing it could be about: the answerer's reply, no word on cautions.
        return False
    if not about:
        # Cleared today with its ⚠️ line still standing over today's session: "nothing is left out" would be
        # untrue; it is cleared, and back from tomorrow's.
        if named is not None:
            by_shoulder = shoulder(told)
            today = [one for one in today if named in cautions.kept_out(one, catalog, by_shoulder)]
        if today:
            now_turn.say(cleared_today(context, today, told))
        elif named is not None:
            now_turn.say(
                texts.get("caution.not_cautioned", name=escape(plan_name(catalog.exercises[named].name)))
            )
        elif open_:
            # A body part none of them was told of: which one.
            now_turn.say(texts["caution.fine_which"], which_rows(context, open_, told))
        elif finenow.short(text) or answer.kind in UNSURE:
            # "No no, my back does not hurt now. I want to use my dumbbells", nothing left out: that, rather
            # than a "did you mean" of topics it is not about.
            now_turn.say(texts["caution.nothing_left_out"])
        else:
            return False
        return True
    if len(about) == 1 or not (named or everything):
        await _clear(context, now_turn, about, told)
    else:
        now_turn.say(texts["caution.fine_which"], which_rows(context, about, told))
    return True


# What the answerer says when it is not sure what a message is about: a decline, or topics asked back.
UNSURE = ("decline", "ask")


def _elsewhere(answer: Answer, in_force: bool) -> bool:
    """Whether a "fine now" naming neither an exercise nor a body part is, as the answerer reads it, about
    something else than a pain: an illness told over, or whatever other special lead it opens with (the
    cautions stay), or, with no caution in force, anything the answerer is sure of (small talk, a topic)."""
    return answer.care is not None or (not in_force and answer.kind not in UNSURE)


def _about(
    context: BotContext, text: str, open_: Sequence[str], told: Mapping[str, Told]
) -> tuple[list[str], str | None, bool]:
    """The open cautions a "fine now" message is about; the exercise it names (None when none); and whether
    it names nothing, neither an exercise nor a body part. Those keeping out an exercise it names ("pull ups
    are fine now": the pull-ups' own, or a lat pulldown's told of the shoulder, which keeps them out too),
    else those told of the body part it names ("my shoulder feels fine now"; those told of no part when
    none was of it), else all of them."""
    catalog = context.services.catalog
    named = finenow.named(text, typed_names(context))
    if named:
        by_shoulder = shoulder(told)
        hit = [one for one in open_ if not cautions.kept_out(one, catalog, by_shoulder).isdisjoint(named)]
        return hit, named[0], False
    part = cautions.body_part_told(text)
    if part is None:
        return list(open_), None, True
    hit = [
        one for one in open_ if told[one].body_part == part or (part == "lower back" and told[one].lower_back)
    ]
    return hit or [one for one in open_ if told[one].body_part is None], None, False


async def _clear(
    context: BotContext, now_turn: Turn, exercises: Sequence[str], told: Mapping[str, Told]
) -> None:
    """Lift the cautions on ``exercises`` and say so. Once today's session could have been trained from
    (something logged today, or Done pressed: a day's log), it stays as shown and they are back from
    tomorrow (Done's As written logs what /workout showed, never a move the trainee did not see); before,
    they are back today, and the reply names the moves today's session has again."""
    texts, catalog, today = context.services.texts, context.services.catalog, now_turn.today
    chat_id = now_turn.chat.id
    trained = await repo.is_logged(now_turn.session, chat_id, today)
    planned = None if trained else await todays_session(context, now_turn)
    last = today if trained else today - timedelta(days=1)
    for exercise in exercises:
        await store.clear(now_turn.session, chat_id, exercise, last)
    names = joined(texts, [caution_name(context, exercise, told) for exercise in exercises])
    many = "_many" if plural(exercises, told) else ""
    # The first session back is lighter than last time only where there was a last time: a move never logged
    # (the RDL of a pain told before any session) starts light as any new move does.
    moves = {
        move
        for exercise in exercises
        for move in cautions.keeps_out(
            exercise,
            catalog,
            lower_back=told[exercise].lower_back,
            shoulder=told[exercise].body_part == cautions.SHOULDER,
        )
    }
    logged = await store.ever_logged(now_turn.session, chat_id, moves)
    ease = texts["caution.ease_lighter" if logged else "caution.ease_new" + many]
    if planned is None:
        now_turn.say(texts.get("caution.cleared" + many, names=names, ease=ease))
        return
    before = leave_out(context, planned, in_force(told, today))
    after = leave_out(context, planned, in_force(await store.told(now_turn.session, chat_id), today))
    still = {item.exercise.id for item in after.items}
    back = [plan_name(item.exercise.name) for item in before.items if item.exercise.id not in still]
    # The texts' values are stripped: the sentence's space is added here.
    shown = " " + texts.get("caution.back_in_today", names=joined(texts, back)) if back else ""
    now_turn.say(texts.get("caution.cleared_now" + many, names=names, today=shown, ease=ease))


async def fine_button(update: Update, context: BotContext) -> None:
    """ "✅ It's fine now": the caution is lifted (``_clear``: back from today before anything of the day
    was logged, else from tomorrow, today's session staying as shown, ``Told.in_force``), its first session
    back lighter than last time (``comebacks.back_from_pain``, ``comeback.after_pain``). Pressed again on
    a day it still leaves its move out, that it is cleared and back tomorrow; on a later day, that it is
    back."""
    query = update.callback_query
    assert query is not None
    texts = context.services.texts
    args = callbacks.unpack(query.data, FINE, 1)
    exercises = context.services.catalog.exercises
    if args is None or args[0] not in exercises:
        await query.answer(texts["caution.stale"])
        return
    await query.answer()
    async with turn(update, context) as now_turn:
        told = await store.told(now_turn.session, now_turn.chat.id)
        one = told.get(args[0])
        if one is not None and one.cleared_on is None:
            await _clear(context, now_turn, [args[0]], told)
        elif one is not None and cleared_not_back(one, now_turn.today):
            # Pressed again (an old message's button) on the day it was cleared: not back yet, but tomorrow.
            now_turn.say(cleared_today(context, [args[0]], told))
        else:
            many = "_many" if plural([args[0]], told) else ""
            name = escape(caution_name(context, args[0], told))
            now_turn.say(texts.get("caution.not_cautioned" + many, name=name))


def cleared_not_back(one: Told, day: date) -> bool:
    """Whether ``one`` was cleared yet still keeps its exercise out of ``day``'s session (cleared that day,
    ``Told.in_force``)."""
    return one.cleared_on is not None and one.in_force(day)


def cleared_today(context: BotContext, exercises: Sequence[str], told: Mapping[str, Told]) -> str:
    """That the cautions on ``exercises`` are cleared already, and the moves come back from tomorrow's
    session, today's staying as shown."""
    texts = context.services.texts
    names = joined(texts, [caution_name(context, exercise, told) for exercise in exercises])
    many = plural(exercises, told)
    return texts.get("caution.cleared_today_many" if many else "caution.cleared_today", names=names)
