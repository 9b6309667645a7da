"""✏️ Correct it pressed under a correction typed (``bot.handlers.correction``), and its ↩️ Undo.

Pressed, today's sets of the lift take the corrected value in place, while they are still as the offer saw
them: they stay in the log that logged them, whose own Undo takes them back as corrected; reps told set by
set ("8,8,6 not 3x8") give each set its own. The reply's ↩️ Undo puts the old values back
(``storage.undoing.undo_correction``). Both buttons carry their day and whose sets they are, and are checked
again when pressed.
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime

from telegram import Update

from bot import callbacks
from bot.coach import correction
from bot.coach.correction import Change, Field, Recounted, Refusal, Told
from bot.coach.logsets import MAX_LOAD, MAX_REPS, MAX_SETS
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers.common import Turn, press_for_today
from bot.handlers.correction import (
    EACH,
    FIX,
    REPS,
    UNFIX,
    Fix,
    Typed,
    changed,
    logged_sets,
    old_said,
    sets_said,
)
from bot.handlers.training_log import names
from storage import logbook, undoing

# Reps set by set as a button carries them: "8.8.6".
_COUNTS = re.compile(r"[1-9]\d{0,2}(?:\.[1-9]\d{0,2})*")


def _counts(packed: str) -> tuple[int, ...] | None:
    if not _COUNTS.fullmatch(packed):
        return None
    counts = tuple(int(n) for n in packed.split("."))
    return counts if len(counts) <= MAX_SETS and max(counts) <= MAX_REPS else None


def _fix_args(context: BotContext, data: object) -> tuple[date, int, tuple[str, Typed]] | None:
    """The day, owner, and exercise and correction a ✏️ button carries, or None for anything the offer
    could not have packed."""
    found = callbacks.unpack(data, FIX, 6)
    if found is None:
        return None
    packed_day, exercise, kind, old, new, packed_owner = found
    day, owner = callbacks.unpack_day(packed_day), callbacks.unpack_owner(packed_owner)
    if day is None or exercise not in context.services.catalog.exercises or owner is None:
        return None
    if kind == EACH:
        was, now_each = _counts(old), _counts(new)
        if was is None or now_each is None or len(was) != len(now_each):
            return None
        return day, owner, (exercise, Recounted("", now_each, was))
    if kind not in (REPS, *MAX_LOAD):
        return None
    try:
        before, now = float(old), float(new)
    except ValueError:
        return None
    if f"{before:g}" != old or f"{now:g}" != new or before < 0 or now <= 0:
        return None
    if kind == REPS and not (now.is_integer() and now <= MAX_REPS and before.is_integer()):
        return None
    if kind != REPS and now > MAX_LOAD[kind]:
        return None
    told = Told("", now, before, None if kind == REPS else kind, kind == REPS)
    return day, owner, (exercise, told)


async def fix_button(update: Update, context: BotContext) -> None:
    """✏️ Correct it: today's sets of the lift take the corrected value, while they are still as offered."""
    read = functools.partial(_fix_args, context)
    await press_for_today(update, context, read, _fix, not_yours="fix.not_yours", expired="fix.expired")


async def _fix(context: BotContext, now_turn: Turn, owner: int, fix: tuple[str, Typed]) -> None:
    exercise, told = fix
    chat, texts = now_turn.chat, context.services.texts
    rows = await logbook.day_sets(now_turn.session, chat.id, now_turn.today, user_id=owner)
    sets = logged_sets(context, rows, exercise)
    name = escape(names(context).get(exercise, exercise))
    # The button's own kind: a load with its unit, a count of reps, reps set by set.
    change: Fix | Refusal = Refusal.NOT_AT
    if sets and isinstance(told, Told):
        change = correction.fixed(told, sets, unit=chat.unit, loaded=not told.reps)
    elif sets and isinstance(told, Recounted):
        change = correction.recounted(told, sets)
    if isinstance(change, Refusal):
        before = sets_said(context, sets, chat.unit) if sets else texts["fix.none"]
        now_turn.edit(texts.get("fix.stale", name=name, before=before, old=old_said(told, chat.unit)))
        return
    # One correction, one time: reps set by set change in groups of the same new count, each set its own.
    groups: dict[tuple[tuple[float, str] | None, int | None], list[int]] = {}
    if isinstance(change, Change):
        load = None if change.field is Field.REPS else (change.new, change.unit)
        reps = int(change.new) if change.field is Field.REPS else None
        groups[load, reps] = list(change.numbers)
    else:
        for number, count in zip(change.numbers, change.new, strict=True):
            groups.setdefault((None, count), []).append(number)
    for (load, reps), numbers in groups.items():
        corrected = await logbook.correct_sets(
            now_turn.session,
            chat.id,
            now_turn.today,
            user_id=owner,
            exercise=exercise,
            numbers=numbers,
            now=now_turn.now,
            load=load,
            reps=reps,
        )
        assert corrected, "the sets were read in this transaction"
    after = sets_said(context, changed(sets, change), chat.unit)
    undo = callbacks.pack_undo(UNFIX, now_turn.today, now_turn.now, owner)
    text = texts.get("fix.done", name=name, before=sets_said(context, sets, chat.unit), after=after)
    now_turn.edit(text, [[(texts["log.undo_button"], undo)]])


async def unfix_button(update: Update, context: BotContext) -> None:
    """↩️ Undo under a correction: the sets it changed take their old value back."""
    read = functools.partial(callbacks.unpack_undo, feature=UNFIX)
    await press_for_today(
        update, context, read, _unfix, not_yours="fix.not_yours", expired="fix.undo_expired"
    )


async def _unfix(context: BotContext, now_turn: Turn, owner: int, when: datetime) -> str | None:
    """Put the corrected sets' old value back; the toast when it can't be."""
    chat, day, texts = now_turn.chat, now_turn.today, context.services.texts
    undone = await undoing.undo_correction(now_turn.session, chat.id, day, user_id=owner, corrected_at=when)
    if undone is None:
        return texts["fix.undo_gone"]
    if undone.later:
        # A toast is plain text: the name as it is.
        return texts.get("fix.undo_later", name=names(context).get(undone.exercise, undone.exercise))
    rows = await logbook.day_sets(now_turn.session, chat.id, day, user_id=owner)
    name = escape(names(context).get(undone.exercise, undone.exercise))
    before = sets_said(context, logged_sets(context, rows, undone.exercise), chat.unit)
    now_turn.edit(texts.get("fix.undone", name=name, before=before))
    return None
