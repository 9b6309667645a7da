"""Undo: the button under every log (a /log, As written, Save, a bare Done), what its payload names, what
taking back does to the set log and what it says. The button works the day it was made only, and takes
back what it names (its own batch, or the Done it came with), never whatever was logged last.

/undo takes back the last thing logged; when that holds several lifts (an As written of a whole session,
a /log of parts) it asks first, since one word would otherwise take back a session's worth of sets. The
question's Yes names the entry by its day and time and whose it is, and takes it back only while it is
still the last thing that member logged: pressed twice, after another log, or on another day, it says
so and takes nothing.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from telegram import Update

from bot import callbacks
from bot.coach import sessionlog
from bot.coach.model import SetDone
from bot.coach.progress_text import format_sets, shown_load
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers import assumed
from bot.handlers.common import Turn, turn
from bot.handlers.training_log import member, names
from bot.keyboards import Buttons
from storage import logbook, undoing
from storage.models import Chat

UNDO = "lu"
# /undo's question before a log of several lifts: its Yes takes that entry back, its Keep leaves it.
ASK, TAKE, KEEP = "uq", "y", "k"
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


def listed(context: BotContext, chat: Chat, rows: list[logbook.SetRow]) -> tuple[str, int]:
    """Sets as an undo names them, a few exercises' ("Pull-up 5, 5, 4; Barbell row 3×10 @ 40 kg and 2
    more"), and how many exercises they are."""
    texts, shown = context.services.texts, names(context)
    by_exercise: dict[str, list[SetDone]] = {}
    for row in rows:
        done = SetDone(row.reps, shown_load(row.load, row.unit, chat.unit), seconds=row.seconds)
        by_exercise.setdefault(row.exercise, []).append(done)
    parts = [
        f"{escape(shown.get(ex, ex))} {format_sets(sets, chat.unit)}" for ex, sets in by_exercise.items()
    ]
    what = "; ".join(parts[:UNDONE_SHOWN])
    if len(parts) > UNDONE_SHOWN:
        what += " " + texts.get("log.undone_more", n=len(parts) - UNDONE_SHOWN)
    return what, len(parts)


def took_back(context: BotContext, chat: Chat, undone: undoing.Undone, day: date, today: date) -> str:
    """What an undo says: which sets went ("Took back: Pull-up 5, 5, 4"), or that the day's session did,
    and the As written sets the /log taken back had replaced, back in their place."""
    said = _took_back(context, chat, undone, day, today)
    back = assumed.restored(context, chat, undone.restored, undone.relogged)
    return said if back is None else f"{said}\n{back}"


def _took_back(context: BotContext, chat: Chat, undone: undoing.Undone, day: date, today: date) -> str:
    texts = context.services.texts
    what, _ = listed(context, chat, undone.sets)
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


async def latest(now_turn: Turn, user_id: int) -> tuple[date, datetime] | None:
    """The day and time of the last thing the member logged that /undo may take back (today's, or a past
    day's logged today), or None."""
    today = now_turn.today
    days = [today - timedelta(days=back) for back in range(sessionlog.MAX_DAYS_BACK + 1)]
    since = datetime.combine(today, time(), tzinfo=now_turn.zone)
    return await undoing.latest_logged(
        now_turn.session, now_turn.chat.id, user_id=user_id, days=days, today=today, since=since
    )


async def undo_command(update: Update, context: BotContext) -> None:
    texts = context.services.texts
    async with turn(update, context) as now_turn:
        chat, today = now_turn.chat, now_turn.today
        user_id, _ = member(update, chat)
        # The last thing logged, by when: a backdated Done just pressed goes before today's earlier /log.
        found = await latest(now_turn, user_id)
        if found is None:
            now_turn.say(texts["log.nothing_to_undo"])
            return
        day, when = found
        entry = await undoing.last_entry(now_turn.session, chat.id, day, user_id=user_id)
        if entry is not None and listed(context, chat, entry.sets)[1] > 1:
            now_turn.say(*question(context, chat, entry, (day, today, when, user_id)))
            return
        removed = await undoing.undo_last_entry(now_turn.session, chat.id, day, user_id=user_id)
        now_turn.say(
            texts["log.nothing_to_undo"] if removed is None else took_back(context, chat, removed, day, today)
        )


def question(
    context: BotContext, chat: Chat, entry: undoing.Undone, named: tuple[date, date, datetime, int]
) -> tuple[str, Buttons]:
    """/undo's question before an entry of several lifts, and its Yes and Keep buttons; ``named`` is the
    entry's day, the day asked, the entry's time and whose it is (what its payload carries)."""
    texts = context.services.texts
    day, today, when, user_id = named
    what, count = listed(context, chat, entry.sets)
    key = "log.undo_ask_session" if entry.session else "log.undo_ask_entry"
    if day == today:
        text = texts.get(key, n=count, sets=what)
    else:
        text = texts.get(f"{key}_day", n=count, sets=what, day=f"{day:%a %d %b}")
    head = (callbacks.pack_day(day), callbacks.pack_day(today), callbacks.pack_instant(when), str(user_id))
    row = [
        (texts["log.undo_ask_yes"], callbacks.pack(ASK, *head, TAKE)),
        (texts["log.undo_ask_keep"], callbacks.pack(ASK, *head, KEEP)),
    ]
    return text, [row]


def question_args(data: object) -> tuple[date, date, datetime, int, str] | None:
    """The entry a press of /undo's question names (as ``question`` packed it) and the answer, or None for
    anything ``question`` could not have made."""
    found = callbacks.unpack(data, ASK, 5)
    if found is None:
        return None
    day, asked, when = (
        callbacks.unpack_day(found[0]),
        callbacks.unpack_day(found[1]),
        callbacks.unpack_instant(found[2]),
    )
    owner, answer = callbacks.unpack_owner(found[3]), found[4]
    if day is None or asked is None or when is None or owner is None or answer not in (TAKE, KEEP):
        return None
    return day, asked, when, owner, answer


async def question_button(update: Update, context: BotContext) -> None:
    """Yes or Keep under /undo's question: the entry taken back while it is still the last thing logged."""
    query = update.callback_query
    assert query is not None
    texts = context.services.texts
    found = question_args(query.data)
    if found is None:
        await query.answer(texts["errors.stale_button"])
        return
    day, asked, when, owner, answer = found
    if query.from_user.id != owner:
        await query.answer(texts["log.undo_ask_not_yours"])
        return
    async with turn(update, context) as now_turn:
        if answer == KEEP:
            now_turn.edit(texts["log.undo_kept"])
        elif now_turn.today != asked:
            now_turn.edit(texts["log.undo_ask_expired"])
        else:
            now_turn.edit(await _take(context, now_turn, day, when, owner))
    await query.answer()


async def _take(context: BotContext, now_turn: Turn, day: date, when: datetime, owner: int) -> str:
    """Take back the entry the question named if it is still the member's last; what to say either way."""
    texts, chat = context.services.texts, now_turn.chat
    last = await latest(now_turn, owner)
    if last != (day, when):
        # Something logged after the question was asked, or the entry gone (a second press, an Undo button).
        return texts["log.undo_ask_since" if last is not None and last[1] > when else "log.undo_ask_gone"]
    removed = await undoing.undo_last_entry(now_turn.session, chat.id, day, user_id=owner)
    if removed is None:
        return texts["log.undo_ask_gone"]
    return took_back(context, chat, removed, day, now_turn.today)


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
        removed = await undoing.undo_day(now_turn.session, chat.id, day, user_id=user_id)
    else:
        removed = await undoing.undo_batch(now_turn.session, chat.id, day, user_id=user_id, logged_at=batch)
    if removed is not None:
        now_turn.edit(took_back(context, chat, removed, day, now_turn.today))
        return ""
    if batch is None:
        return texts["log.nothing_to_undo"]
    if await undoing.batch_logged_by(now_turn.session, chat.id, day, batch) is not None:
        return texts["log.undo_done_not_yours" if done else "log.undo_not_yours"]
    return texts["log.undo_done_gone" if done else "log.undo_gone"]
