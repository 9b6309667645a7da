"""A /log of a lift the trainee already typed sets of that day, when the new sets look like the same work
again (``bot.coach.relog``: a duplicate message, a typo fixed and sent whole): asked "🔁 Add to today's
Seated cable row (3×8 @ 35 kg) or replace it?" with ➕ Add / 🔁 Replace instead of logging (the press is
``bot.handlers.relog_press``).

🔁 Replace goes through the machinery that lets a typed /log take the place of ✅ As written's sets
(``assumed.replace``, ``logbook.replace_assumed``): the earlier sets are kept as replaced at the new
batch's time, so that batch's ↩️ Undo brings them back, typed as they were (``replaced_sets.origin``).

The buttons carry the reading (``logpick.fields``), the member, and a fingerprint of the lift's sets when
asked (``undoing.lift_day``): a press after they changed (pressed already, logged again) does nothing. A
/log a button cannot carry (several lifts, a note, a load a set, help) is logged as ever.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from telegram import Update

from bot import callbacks
from bot.coach import logparse, logpick, relog
from bot.coach.model import SetDone
from bot.coach.progress_text import format_sets, shown_load
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers.common import Turn
from bot.handlers.training_log import hold_ids, loaded_ids, member, names
from storage import undoing

RELOG = "rr"
ADD, REPLACE = "a", "r"
# Base 36, as ``callbacks.pack_instant`` writes an instant: the sets' fingerprint in few bytes.


async def asked(
    context: BotContext,
    now_turn: Turn,
    update: Update,
    readings: Sequence[logparse.ParsedLog],
    day: date,
    made: str,
    held: Callable[[logparse.ParsedLog], logparse.ParsedLog],
    sets_of: Callable[[logparse.ParsedLog, str], list[SetDone]],
) -> bool:
    """Ask ➕ Add / 🔁 Replace in place of logging ``readings`` on ``day`` when they are one lift's sets that
    look like the same work as the sets of it the member typed that day; whether it asked. ``made`` is the
    day the buttons were made for (``log_command.made_for``), ``held`` reads a pair's load as each hand's and
    ``sets_of`` gives a reading's sets in a unit, as /log logs them."""
    if len(readings) != 1:
        return False
    chat, reading = now_turn.chat, held(readings[0])
    user_id = member(update, chat)[0]
    found = await undoing.lift_day(now_turn.session, chat.id, day, user_id=user_id, exercise=reading.exercise)
    # Only As written's sets of it: the typed ones take their place anyway (``assumed``), no question.
    if found is None or not found.typed:
        return False
    earlier = [
        SetDone(row.reps, shown_load(row.load, row.unit, chat.unit), seconds=row.seconds)
        for row in found.sets
    ]
    if not relog.same_work(earlier, sets_of(reading, chat.unit)):
        return False
    data = _buttons(context, reading, made, found.mark, user_id, held)
    if data is None:
        return False
    texts = context.services.texts
    shown = names(context).get(reading.exercise, reading.exercise)
    when = texts["relog.today"] if day == now_turn.today else texts.get("relog.day", day=f"{day:%a %d %b}")
    question = texts.get("relog.question", day=when, name=escape(shown), sets=format_sets(earlier, chat.unit))
    now_turn.say(question, [[(texts["relog.add_button"], data[0]), (texts["relog.replace_button"], data[1])]])
    return True


def _buttons(
    context: BotContext,
    reading: logparse.ParsedLog,
    made: str,
    mark: int,
    owner: int,
    held: Callable[[logparse.ParsedLog], logparse.ParsedLog],
) -> tuple[str, str] | None:
    """The two buttons' data, or None when the reading is more than a button carries, or would come back
    otherwise (a note, a load each hand's of a lift no pair holds): then it is logged as ever."""
    try:
        fields = logpick.fields(reading)
        data = tuple(
            callbacks.pack(RELOG, action, made, callbacks.base36(mark), str(owner), *fields)
            for action in (ADD, REPLACE)
        )
    except ValueError:
        return None
    back = carried(context, data[0])
    plain = replace(reading, instead_of=None, plan_version=None)
    return (data[0], data[1]) if back is not None and held(back[4]) == plain else None


def carried(context: BotContext, data: object) -> tuple[str, str, int, int, logparse.ParsedLog] | None:
    """What a button of ``asked`` carries: the action, the day it was made for, a fingerprint of the lift's
    sets when asked, the member, and the reading; None for anything it could not have made."""
    args = callbacks.unpack(data, RELOG, 9)
    if args is None:
        return None
    action, made, mark, owner = args[:4]
    exercises = context.services.catalog.exercises
    reading = logpick.reading(
        args[4:], exercises=exercises, holds=hold_ids(context), loaded=loaded_ids(context)
    )
    stamp = callbacks.unpack_instant(mark)  # the same digits, checked the same way
    who = callbacks.unpack_owner(owner)
    if action not in (ADD, REPLACE) or reading is None or stamp is None or who is None:
        return None
    return action, made, int(mark, 36), who, reading
