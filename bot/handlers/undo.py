"""Undo: the button under every log (a /log, As written, Save, a bare Done), what its payload names, what
taking back does to the set log and what it says. The button works the day it was made only, and takes
back what it names (its own batch, or the Done it came with), never whatever was logged last.
"""

from __future__ import annotations

from datetime import date, datetime

from telegram import Update

from bot import callbacks
from bot.coach.model import SetDone
from bot.coach.progress_text import format_sets, shown_load
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers.common import Turn, turn
from bot.handlers.training_log import member, names
from storage import logbook
from storage.models import Chat

UNDO = "lu"
# What an Undo takes back: the whole day (As written into a bare Done, the Done with it; an older bare
# Done's button), a /log's or As written's batch, or the bare Done that opened the day's session.
WHOLE_DAY, LAST_BATCH, THE_DONE = "d", "s", "n"


def undo_data(day: date, today: date, scope: str, batch: datetime | None = None) -> str:
    """An Undo button's payload: the day it takes back from, the day it was made (it works that day only),
    and what it takes back: the whole day, or the batch of sets logged at ``batch`` (its own /log's, not
    whatever was logged last by the time it is pressed)."""
    stamp = "" if batch is None else callbacks.pack_instant(batch)
    return callbacks.pack(UNDO, callbacks.pack_day(day), callbacks.pack_day(today), scope, stamp)


def undo_args(data: object) -> tuple[str, ...] | None:
    """An Undo payload's arguments (day, made on, scope, batch); buttons sent before Undo named its batch
    have no batch ("")."""
    found = callbacks.unpack(data, UNDO, 4)
    if found is not None:
        return found
    old = callbacks.unpack(data, UNDO, 3)
    return None if old is None else (*old, "")


# An undo names at most this many exercises ("As written" logs a whole session in one go).
UNDONE_SHOWN = 3


def took_back(context: BotContext, chat: Chat, undone: logbook.Undone, day: date, today: date) -> str:
    """What an undo says: which sets went ("Took back: Pull-up 5, 5, 4"), or that the day's session did."""
    texts, shown = context.services.texts, names(context)
    by_exercise: dict[str, list[SetDone]] = {}
    for row in undone.sets:
        done = SetDone(row.reps, shown_load(row.load, row.unit, chat.unit), seconds=row.seconds)
        by_exercise.setdefault(row.exercise, []).append(done)
    parts = [
        f"{escape(shown.get(ex, ex))} {format_sets(sets, chat.unit)}" for ex, sets in by_exercise.items()
    ]
    what = "; ".join(parts[:UNDONE_SHOWN])
    if len(parts) > UNDONE_SHOWN:
        what += " " + texts.get("log.undone_more", n=len(parts) - UNDONE_SHOWN)
    if not undone.session and not undone.sets:
        # A bare Done taken back after sets were logged into its session: those sets keep the day logged.
        if day != today:
            return texts.get("log.undone_done_kept_day", day=f"{day:%a %d %b}")
        return texts["log.undone_done_kept"]
    if not undone.session:
        if day != today:
            return texts.get("log.undone_sets_day", day=f"{day:%a %d %b}", sets=what)
        return texts.get("log.undone_sets", sets=what)
    sets = texts.get("log.undone_what", sets=what) if what else ""
    if day == today:
        return texts.get("log.undone_session", sets=sets)
    return texts.get("log.undone", day=f"{day:%a %d %b}", sets=sets)


async def undo_button(update: Update, context: BotContext, args: tuple[str, ...]) -> None:
    query = update.callback_query
    assert query is not None
    texts = context.services.texts
    day, made_on, scope, stamp = callbacks.unpack_day(args[0]), callbacks.unpack_day(args[1]), *args[2:]
    batch = callbacks.unpack_instant(stamp) if stamp else None
    # A Done's Undo always names its time (its session's); one without is no button the bot made.
    bad = (
        scope not in (WHOLE_DAY, LAST_BATCH, THE_DONE)
        or (stamp and batch is None)
        or (scope == THE_DONE and not stamp)
    )
    if day is None or made_on is None or bad:
        await query.answer(texts["errors.stale_button"])
        return
    if scope == LAST_BATCH and batch is None:
        # A button from before Undo named its batch: taking back the latest instead is the fault it had.
        await query.answer(texts["log.undo_unnamed"])
        return
    toast = ""
    async with turn(update, context) as now_turn:
        if now_turn.today != made_on:
            toast = texts["log.undo_expired"]
        else:
            toast = await _undo(context, now_turn, update, day, scope, batch)
    await query.answer(toast or None)


async def _undo(
    context: BotContext, now_turn: Turn, update: Update, day: date, scope: str, batch: datetime | None
) -> str:
    """Take back what the pressed Undo names; the toast to show when nothing went (empty when it did)."""
    texts, chat = context.services.texts, now_turn.chat
    user_id, _ = member(update, chat)
    done = scope == THE_DONE
    if batch is None:
        # A bare Done's button from before it named its time: the Done is the day's whole session only
        # while nothing was logged into it since; with sets there, it can't tell what it meant.
        found = await logbook.day_log(now_turn.session, chat.id, day, user_id=user_id)
        if found is not None and found.sets:
            return texts["log.undo_unnamed"]
        removed = await logbook.undo_day(now_turn.session, chat.id, day, user_id=user_id)
    else:
        removed = await logbook.undo_batch(now_turn.session, chat.id, day, user_id=user_id, logged_at=batch)
    if removed is not None:
        now_turn.edit(took_back(context, chat, removed, day, now_turn.today))
        return ""
    if batch is None:
        return texts["log.nothing_to_undo"]
    if await logbook.batch_logged_by(now_turn.session, chat.id, day, batch) is not None:
        return texts["log.undo_done_not_yours" if done else "log.undo_not_yours"]
    return texts["log.undo_done_gone" if done else "log.undo_gone"]
