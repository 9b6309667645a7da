"""A request to take one lift's sets logged today off the log ("please delete the barbell one", "remove the
deadlift I logged"): the reply says which sets would go, over a button that takes them off; nothing changes
without the press. Pressed, that lift's sets of today go, whichever logs added them, the rest of the day
stays, and the reply has an ↩️ Undo that logs them again (``storage.undoing.take_off`` and ``put_back``).

A newcomer trial's "…please delete the barbell one" got the deadlift's card, and /undo four times was the
only way out. Reading the message is ``bot.coach.removal``'s; words that name no lift at all go on to the
question answerer. Both buttons carry their day and whose sets they are, and are checked again when pressed.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date, datetime

from telegram import Update

from bot import callbacks
from bot.coach import removal
from bot.coach.loadanswer import said_each_hand
from bot.coach.loadwords import best_fit, holding, lift_named
from bot.coach.lognames import Names
from bot.coach.logparse import LogError, LogErrorKind, match_exercise
from bot.coach.model import SetDone
from bot.coach.progress_text import format_sets, shown_load
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers.common import Turn, press_for_today
from bot.handlers.training_log import logged_order, names, typed_names
from storage import logbook, undoing

TAKE, PUT = "rm", "ru"


async def offer(context: BotContext, now_turn: Turn, text: str, user_id: int) -> bool:
    """Answer a request to take a lift off today's log: the button that does it (one for each entry, when
    the lift was logged more than once today), or why there is nothing to take. False when the message asks
    no such thing or its words name no lift, so it is read as usual. A lift pointed back to ("I didn't do
    the band rows today, please take them off") is the one named before, "rows" alone one logged today."""
    chat, texts = now_turn.chat, context.services.texts
    if not removal.asks_off(text):
        return False
    exercises = typed_names(context)
    rows = await logbook.day_sets(now_turn.session, chat.id, now_turn.today, user_id=user_id)
    logged = list(dict.fromkeys(row.exercise for row in rows))
    said = removal.read(text, exercises, prefer=logged)
    if said is None:
        return False
    place = lift_named(said, [[ex] for ex in logged], exercises) if logged else None
    if isinstance(place, tuple):
        # Several logged lifts fit ("the rows"): one of today's plan, then the one logged most recently.
        order = await logged_order(context, now_turn, rows)
        fitting = [logged[at] for at in place]
        chosen = lift_named(said, [[ex] for ex in fitting], exercises, then=order)
        place = place[chosen] if isinstance(chosen, int) else place
    shown = names(context)
    if place is None:
        named = match_exercise(said, exercises)
        if isinstance(named, LogError) and named.kind is not LogErrorKind.AMBIGUOUS:
            return False
        # Logged by other words than its name's ("deadlift 2x10 16kg", then tapped as the dumbbell RDL):
        # a lift whose names hold every word said.
        place = _worded(said, logged, exercises)
    if isinstance(place, tuple):
        listed = ", ".join(escape(shown.get(logged[at], logged[at])) for at in place)
        now_turn.say(texts.get("remove.unclear", said=escape(said), names=listed))
        return True
    if place is None:
        now_turn.say(texts.get("remove.not_logged", said=escape(said)))
        return True
    exercise = logged[place]
    name = escape(shown.get(exercise, exercise))
    sets = described(context, rows, exercise, chat.unit)
    day, owner = callbacks.pack_day(now_turn.today), str(user_id)
    found = await undoing.entries(
        now_turn.session, chat.id, now_turn.today, user_id=user_id, exercise=exercise
    )
    try:
        if len(found) > 1:
            # Logged more than once today: one entry may be right and another wrong, so each is its own.
            buttons = [
                [
                    (
                        _entry_label(context, now_turn, at, batch, exercise),
                        _entry_data(day, exercise, owner, at),
                    )
                ]
                for at, batch in found
            ]
            now_turn.say(texts.get("remove.offer_entries", name=name, n=len(found)), buttons)
            return True
        data = callbacks.pack(TAKE, day, exercise, owner)
    except ValueError:  # longer than a button carries: never for the catalog's ids, but say what to do
        now_turn.say(texts.get("remove.send_undo", name=name, sets=sets))
        return True
    now_turn.say(texts.get("remove.offer", name=name, sets=sets), [[(texts["remove.button"], data)]])
    return True


def _worded(said: str, logged: Sequence[str], exercises: Sequence[Names]) -> int | tuple[int, ...] | None:
    """The place among today's ``logged`` lifts of the one whose names hold every word ``said``, the one
    with fewest words besides (``best_fit``); all of them when several fit alike; None when none does."""
    fitting = holding(said, [[ex] for ex in logged], exercises)
    if len(fitting) <= 1:
        return fitting[0] if fitting else None
    best = best_fit(said, [[logged[at]] for at in fitting], exercises)
    return tuple(fitting) if best is None else fitting[best]


def _entry_data(day: str, exercise: str, owner: str, at: datetime) -> str:
    return callbacks.pack(TAKE, day, exercise, owner, callbacks.pack_instant(at))


def _entry_label(
    context: BotContext, now_turn: Turn, at: datetime, batch: Sequence[logbook.SetRow], exercise: str
) -> str:
    """ "🗑 2×10 @ 16 kg each hand · 09:40": an entry's sets and the time it was logged, in the chat's zone."""
    sets = described(context, batch, exercise, now_turn.chat.unit)
    return context.services.texts.get(
        "remove.entry_button", sets=sets, time=f"{at.astimezone(now_turn.zone):%H:%M}"
    )


def described(context: BotContext, rows: Sequence[logbook.SetRow], exercise: str, unit: str) -> str:
    """The day's sets of ``exercise`` as the log says them ("2×10 @ 10 kg each hand")."""
    found = [row for row in rows if row.exercise == exercise]
    said = format_sets(
        [SetDone(row.reps, shown_load(row.load, row.unit, unit), seconds=row.seconds) for row in found], unit
    )
    known, hand = context.services.catalog.exercises.get(exercise), context.services.texts["log.each_hand"]
    each = bool(found) and all(said_each_hand(known, row.load, row.note, hand) for row in found)
    return f"{said} {context.services.texts['log.each_hand']}" if each else said


def _take_args(context: BotContext, data: object) -> tuple[date, int, tuple[str, datetime | None]] | None:
    """The day, owner and lift a 🗑 button names, with the entry it takes off (None: the lift's every set of
    the day), or None for anything ``offer`` could not make."""
    found = callbacks.unpack(data, TAKE, 3) or callbacks.unpack(data, TAKE, 4)
    if found is None:
        return None
    day, owner = callbacks.unpack_day(found[0]), callbacks.unpack_owner(found[2])
    entry = callbacks.unpack_instant(found[3]) if len(found) == 4 else None
    if day is None or owner is None or found[1] not in context.services.catalog.exercises:
        return None
    if len(found) == 4 and entry is None:
        return None
    return day, owner, (found[1], entry)


async def take_button(update: Update, context: BotContext) -> None:
    """🗑 Take it off: today's sets of the lift go, or the one entry's, the rest of the day stays."""
    read = functools.partial(_take_args, context)
    await press_for_today(
        update, context, read, _take, not_yours="remove.not_yours", expired="remove.expired"
    )


async def _take(
    context: BotContext, now_turn: Turn, owner: int, carried: tuple[str, datetime | None]
) -> None:
    chat, day, texts = now_turn.chat, now_turn.today, context.services.texts
    exercise, entry = carried
    taken = await undoing.take_off(
        now_turn.session, chat.id, day, user_id=owner, exercise=exercise, now=now_turn.now, entry=entry
    )
    name = escape(names(context).get(exercise, exercise))
    if not taken:
        now_turn.edit(texts.get("remove.gone", name=name))
        return
    sets = described(context, taken, exercise, chat.unit)
    undo = callbacks.pack_undo(PUT, day, now_turn.now, owner)
    left = await logbook.day_sets(now_turn.session, chat.id, day, user_id=owner)
    key = "remove.done" if left else "remove.done_empty"
    now_turn.edit(texts.get(key, name=name, sets=sets), [[(texts["log.undo_button"], undo)]])


async def put_button(update: Update, context: BotContext) -> None:
    """↩️ Undo under a lift taken off: its sets are logged again."""
    read = functools.partial(callbacks.unpack_undo, feature=PUT)
    await press_for_today(
        update, context, read, _put, not_yours="remove.not_yours", expired="remove.undo_expired"
    )


async def _put(context: BotContext, now_turn: Turn, owner: int, taken_at: datetime) -> str | None:
    """Log the lift's sets again; the toast when none are left to."""
    chat, day, texts = now_turn.chat, now_turn.today, context.services.texts
    back = await undoing.put_back(now_turn.session, chat.id, day, user_id=owner, taken_at=taken_at)
    if back is None:
        return texts["remove.undo_gone"]
    exercise = back[0].exercise
    rows = await logbook.day_sets(now_turn.session, chat.id, day, user_id=owner)
    name = escape(names(context).get(exercise, exercise))
    sets = described(context, rows, exercise, chat.unit)
    now_turn.edit(texts.get("remove.undone", name=name, sets=sets))
    return None
