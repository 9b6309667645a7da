"""Done's As written / Adjust / Save: log the session as the plan wrote it or as the trainee says it went,
or only the rest of it when some was logged already (a /log before Done); Undo is ``bot.handlers.undo``'s.

A day's session is one session however many times it is added to: /log, As written and Save all log
into the member's one row for the day, so the streak, the weekly count and the session numbers count
it once. What of it is logged is read from its sets each time (``DayDone``), so nothing is logged twice
and a press on an old message knows what is left.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import NamedTuple

from telegram import Update
from telegram.constants import ChatType

from bot import callbacks
from bot.coach import loadanswer, panelshift, sessionlog, shortened
from bot.coach.cautions import LeftOut
from bot.coach.kitwords import NOTE_PARTS, bands_in
from bot.coach.logparse import MAX_LOAD
from bot.coach.model import SetDone
from bot.coach.planner import Session
from bot.coach.progress_text import sets_with_band, shared_bands, shown_load, todays_bands
from bot.coach.sessionlog import Target
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers import cautions, first_load, workout_time
from bot.handlers.adjust_panel import adjust_panel, left_out, read_state, state_of
from bot.handlers.common import Turn, strip_tags, turn
from bot.handlers.training_log import (
    ADJUST,
    AS_WRITTEN,
    SAVE,
    chat_weeks,
    describe_sets,
    ladders,
    level_up_offer,
    log_and_score,
    member,
    names,
    planned,
    session_targets,
)
from bot.handlers.undo import LAST_BATCH, WHOLE_DAY, undo_args, undo_button, undo_data
from bot.keyboards import Buttons
from storage import logbook, undoing
from storage.models import Chat
from storage.records import Told


class DayDone(NamedTuple):
    """What of a member's session of one day is logged: the sets per exercise (in the chat's unit, in the
    order logged), the planned exercises they stand for, the targets still to log, and the timed holds
    still to log (a hold has no target: it is logged as the plan writes it, the low end of its seconds)."""

    session: Session
    sets: dict[str, list[SetDone]]
    done: dict[str, list[str]]
    targets: list[Target]
    left: list[Target]
    holds: list[tuple[str, list[SetDone]]]
    cut: shortened.Cut | None = None
    """The day's session cut to the member's time budget (/workout 30), when one was given: ``session`` is
    then the cut one, so an exercise it dropped is neither left to log nor logged as written."""
    left_out: LeftOut | None = None
    """What the day's session left out because the trainee said it hurt (``bot.handlers.cautions``),
    before any cut: it is neither left to log nor logged as written, as /workout did not show it."""
    each_hand: frozenset[str] = frozenset()
    """The exercises whose loads today were logged as each hand's (the note says so): listed so."""
    taken_off: frozenset[str] = frozenset()
    """The planned exercises still to log that the member took off the day's log (🗑 Take it off) and has
    not logged again: still to do, but As written and Save leave them out and never ask their load, as a
    trainee who said "I didn't do the band rows" would expect."""

    @property
    def anything_left(self) -> bool:
        return bool(self.left or self.holds)

    @property
    def to_write(self) -> list[Target]:
        """The targets still to log that As written and Save may log: not those taken off."""
        return [target for target in self.left if target.planned not in self.taken_off]


async def day_done(
    context: BotContext,
    now_turn: Turn,
    user_id: int,
    day: date,
    number: int,
    cautioned: Mapping[str, Told] | None = None,
) -> DayDone:
    """``number`` is the day's session number (``logbook.day_log``'s); ``cautioned`` the chat's cautions,
    when the caller has already read them."""
    chat = now_turn.chat
    if cautioned is None:
        cautioned = await cautions.told(now_turn)
    left_out = cautions.leave_out(
        context,
        planned(context, chat, number, await chat_weeks(now_turn, day)),
        cautions.in_force(cautioned, day),
    )
    session = left_out.session
    sets: dict[str, list[SetDone]] = {}
    known, hand = context.services.catalog.exercises, context.services.texts["log.each_hand"]
    told_each = dict[str, bool]()
    for row in await logbook.day_sets(now_turn.session, chat.id, day, user_id=user_id):
        load = shown_load(row.load, row.unit, chat.unit)
        one = SetDone(row.reps, load, seconds=row.seconds, bands=bands_in(row.note))
        sets.setdefault(row.exercise, []).append(one)
        each = loadanswer.said_each_hand(known.get(row.exercise), row.load, row.note, hand)
        told_each[row.exercise] = told_each.get(row.exercise, True) and each
    minutes = await logbook.short_minutes(now_turn.session, chat.id, day, user_id=user_id)
    # What is logged is done: the cut keeps it, however short the time (a cable row logged before ⏱ was
    # pressed was "dropped" and then listed as logged outside the plan).
    logged = sessionlog.done_in_session(session, sets, ladders(context, session))
    cut = workout_time.cut(context, session, minutes, logged)
    if cut is not None:
        session = cut.session
    done = sessionlog.done_in_session(session, sets, ladders(context, session))
    # From the log before the day: the rest of the session is prescribed as it was this morning.
    found = await session_targets(context, now_turn, session, user_id, before=day, cautioned=cautioned)
    holds = sessionlog.holds_to_log(session, done)
    each_hand = frozenset(ex for ex, each in told_each.items() if each)
    left = sessionlog.still_to_log(found, done)
    # A lift taken off the log, by the exercise it was logged as: the one planned or the one in its place.
    gone = await undoing.taken_off(now_turn.session, chat.id, day, user_id=user_id)
    taken = {t.planned for t in left if {t.planned, t.prescription.exercise} & gone}
    taken |= {planned for planned, _ in holds if planned in gone}
    return DayDone(session, sets, done, found, left, holds, cut, left_out, each_hand, frozenset(taken))


def ticked(context: BotContext, chat: Chat, day: DayDone) -> dict[str, str]:
    """What /workout writes beside each planned exercise already logged: its sets, named when another
    exercise stands for it ("Pull-up 5, 5, 4" on a band-assisted day)."""
    shown = names(context)
    return {
        planned_id: "; ".join(
            _listed(context, chat, day, ex)
            if ex == planned_id
            else f"{escape(shown.get(ex, ex))} {_listed(context, chat, day, ex)}"
            for ex in logged
        )
        for planned_id, logged in day.done.items()
    }


def _listed(context: BotContext, chat: Chat, day: DayDone, exercise: str) -> str:
    """An exercise's sets of the day as lists show them: "3×11 @ 8 kg each hand" where it was told so."""
    texts = context.services.texts
    said = sets_with_band(day.sets[exercise], chat.unit, texts)
    return f"{said} {texts['log.each_hand']}" if exercise in day.each_hand else said


def not_planned(context: BotContext, chat: Chat, day: DayDone) -> str:
    """What was logged that stands for none of the session's exercises ("Dumbbell row 3×10"), or ""."""
    shown, counted = names(context), {ex for logged in day.done.values() for ex in logged}
    return "; ".join(
        f"{escape(shown.get(ex, ex))} {_listed(context, chat, day, ex)}"
        for ex in day.sets
        if ex not in counted
    )


def left_names(context: BotContext, day: DayDone) -> str:
    """The session's exercises still to log, holds among them, in the session's order."""
    shown, left = names(context), {t.planned for t in day.left} | {ex for ex, _ in day.holds}
    ids = [item.exercise.id for item in day.session.exercises if item.exercise.id in left]
    return ", ".join(escape(shown.get(ex, ex)) for ex in ids)


async def log_button(update: Update, context: BotContext) -> None:
    """As written, Adjust (each press redraws the panel), Save and Undo under a logged session."""
    query = update.callback_query
    assert query is not None
    texts = context.services.texts
    data = query.data
    parsed = (
        _parsed(callbacks.unpack(data, AS_WRITTEN, 1), "")
        or _parsed(callbacks.unpack(data, ADJUST, 2), ADJUST)
        or _parsed(callbacks.unpack(data, SAVE, 2), SAVE)
    )
    undo = undo_args(data)
    if undo is not None:
        await undo_button(update, context, undo)
        return
    if parsed is None:
        await query.answer(texts["errors.stale_button"])
        return
    action, day, state = parsed
    toast = ""
    async with turn(update, context) as now_turn:
        toast = await _log_action(context, now_turn, update, action, day, state)
    await query.answer(toast[:200] or None)


def _parsed(args: tuple[str, ...] | None, action: str) -> tuple[str, date, str] | None:
    if args is None:
        return None
    day = callbacks.unpack_day(args[0])
    if day is None:
        return None
    return action, day, args[1] if len(args) > 1 else ""


async def written(context: BotContext, now_turn: Turn, update: Update, day: date) -> str:
    """✅ As written for ``day``, typed rather than pressed (``written_typed``): its reply as a new message;
    why nothing was logged, or ""."""
    return await _log_action(context, now_turn, update, "", day, "")


async def _log_action(
    context: BotContext, now_turn: Turn, update: Update, action: str, day: date, state: str
) -> str:
    """What a press of As written, Adjust or Save does; the toast to show (empty for none)."""
    texts, chat = context.services.texts, now_turn.chat
    user = member(update, chat)
    if not chat.onboarded:
        return strip_tags(texts["workout.not_ready"])
    if day > now_turn.today or (now_turn.today - day).days > sessionlog.MAX_DAYS_BACK:
        return strip_tags(texts["log.too_far_back"])
    found = await logbook.day_log(now_turn.session, chat.id, day, user_id=user[0])
    if found is None:
        return strip_tags(texts["log.nothing_to_adjust"])
    so_far = await day_done(context, now_turn, user[0], day, found.session_number)
    if not so_far.anything_left:
        return strip_tags(texts["log.sets_already"])
    read = panel_state(context, chat, so_far, state)
    if read is None:
        return texts["errors.stale_button"]
    main, shifts, mask, skipped = read
    # A lift taken off today's log is left out: the trainee said it was not done (said in the reply).
    left = {target.planned for target in so_far.to_write}
    if action == ADJUST:
        now_turn.edit(*panel_for(context, chat, so_far, day, shifts, mask))
        if chat.kind == ChatType.PRIVATE:
            chat.adjusting = f"{callbacks.pack_day(day)}|{state_of(shifts, mask)}"
        return ""
    chat.adjusting = None
    # An exercise ⏭ left out on the panel is not logged: still to log (said in the reply).
    left -= skipped
    written = _written(context, so_far, shifts, skipped)
    shift_of = _shift_of(main, shifts)
    # A lift that takes a load with none known or set is asked for it, not logged without one: a loadless
    # barbell deadlift would be progressed as a bodyweight move, "last time 3×6 → today 3×7", and a loadless
    # cable face pull would never get a load. Main lifts and accessories alike, in the session's order.
    targets = so_far.targets
    unloaded = loadanswer.asked(targets, shift_of, left)
    for index in unloaded:
        del written[targets[index].planned]
    order = [item.exercise.id for item in so_far.session.exercises if item.exercise.id in written]
    logged = [written[planned_id] for planned_id in order]
    if not logged and not unloaded:
        # Nothing left but what was taken off or left out: nothing logged, and no Undo for a press that logged
        # nothing.
        if skipped:
            now_turn.edit(_listed_out(context, so_far, skipped, "log.skipped_only"))
        else:
            now_turn.edit(taken_off(context, so_far, "log.taken_off_only"))
        return ""
    # Only a main lift moved on the Adjust panel before Save holds numbers the member told; the rest is the
    # plan's own progression, logged and counted toward the bests but announcing no 🏆 (``log_and_score``).
    unmoved = panelshift.Shift()
    prescribed = [action != SAVE or shift_of.get(planned_id, unmoved) == unmoved for planned_id in order]
    # A pair of dumbbells' load is each hand's: noted and said so, as a load typed in answer is.
    known, hand = context.services.catalog.exercises, texts["log.each_hand"]
    each_hand = {ex for ex, sets in logged if loadanswer.pair(known[ex]) and any(done.load for done in sets)}
    notes = [
        NOTE_PARTS.join([*shared_bands(sets), *([hand] if ex in each_hand else [])]) or None
        for ex, sets in logged
    ]
    lines = (
        await log_and_score(
            context, now_turn, day, user, logged, notes=notes, completes_done=True, prescribed=prescribed
        )
        if logged
        else []
    )
    key = "log.logged_rest" if found.sets else "log.logged_session"
    parts = (
        [texts.get(key, day=f"{day:%a %d %b}"), describe_sets(context, chat, logged, each_hand), *lines]
        if logged
        else []
    )
    asking: list[tuple[str, str]] = []
    if so_far.taken_off:
        parts.append(taken_off(context, so_far, "log.taken_off_left_out"))
    # Those still to log: one left out on the panel and logged since by a /log is not "not logged".
    if out := skipped & {t.planned for t in so_far.to_write} | skipped & {ex for ex, _ in so_far.holds}:
        parts.append(_listed_out(context, so_far, out, "log.skipped_left_out"))
    if unloaded:
        questions = [first_load.Question(context, day, targets, shift_of, at) for at in unloaded]
        parts.extend(first_load.not_logged(context, now_turn, update, questions))
        asked, asking = first_load.ask(context, now_turn, update, questions[0], shifts, len(unloaded) - 1)
        parts.append("\n" + asked)
    text = "\n".join(parts).strip()
    # Onto sets logged before, Undo takes back only what this press added; into a bare Done, the session
    # (and so does /undo: the press completed the Done, one entry with it).
    scope = LAST_BATCH if found.sets else WHOLE_DAY
    row = [(texts["log.undo_button"], undo_data(day, now_turn.today, scope, now_turn.now))]
    if any(targets[i].main for i in unloaded):
        # A main lift's load asked for can be set on the panel too (reps that went otherwise with it).
        row.insert(0, (texts["log.adjust_button"], callbacks.pack(ADJUST, callbacks.pack_day(day), "")))
    now_turn.edit(text, [row, asking] if asking else [row])
    await level_up_offer(context, now_turn, user[0])
    return ""


def taken_off(context: BotContext, so_far: DayDone, key: str) -> str:
    """The text ``key`` names about the lifts taken off today's log that As written leaves out (``names``,
    in the session's order, and ``them``: "it" or "them")."""
    return _listed_out(context, so_far, so_far.taken_off, key)


def _listed_out(context: BotContext, so_far: DayDone, out: Collection[str], key: str) -> str:
    """The text ``key`` names about the exercises ``out`` (taken off the log, or ⏭ left out on the panel)."""
    texts, shown = context.services.texts, names(context)
    ids = [item.exercise.id for item in so_far.session.exercises if item.exercise.id in out]
    listed = ", ".join(escape(shown.get(ex, ex)) for ex in ids)
    return texts.get(key, names=listed, them=texts["log.it" if len(ids) == 1 else "log.them"])


PanelState = tuple[list[Target], list[panelshift.Shift], int, frozenset[str]]


def panel_state(context: BotContext, chat: Chat, so_far: DayDone, state: str) -> PanelState | None:
    """The Adjust panel's ``state`` read against the day: the main lifts, their shifts, the left-out
    bitmask and the exercises it leaves out; None for a state it could not have written. The state covers
    every main lift, logged or not, so a /log between two presses leaves its buttons working; only the lifts
    still to log are shown and logged."""
    main = [target for target in so_far.targets if target.main]
    read = read_state(state)
    if read is None:
        return None
    shifts = (
        panelshift.decode(read[0], main, MAX_LOAD[chat.unit]) if state else [panelshift.Shift()] * len(main)
    )
    skipped = left_out([item.exercise.id for item in so_far.session.exercises], read[1])
    if shifts is None or skipped is None:
        return None
    return main, shifts, read[1], skipped


def panel_for(
    context: BotContext, chat: Chat, so_far: DayDone, day: date, shifts: list[panelshift.Shift], mask: int
) -> tuple[str, Buttons]:
    """The Adjust panel of ``so_far``'s day in this state: its main lifts, then the rest as Save logs it."""
    main = [target for target in so_far.targets if target.main]
    left = {target.planned for target in so_far.to_write}
    others = panel_others(context, so_far, shifts)
    order = [item.exercise.id for item in so_far.session.exercises]
    return adjust_panel(context, chat, day, main, shifts, left, others, order, mask)


def panel_others(
    context: BotContext, so_far: DayDone, shifts: list[panelshift.Shift]
) -> list[tuple[str, str, list[SetDone]]]:
    """The panel's exercises below its main lifts: each planned id, the exercise and its sets as Save logs
    them (none for one whose load is asked after Save)."""
    main = [target for target in so_far.targets if target.main]
    left = {target.planned for target in so_far.to_write}
    written = _written(context, so_far, shifts, frozenset())
    asked = {
        so_far.targets[at].planned for at in loadanswer.asked(so_far.targets, _shift_of(main, shifts), left)
    }
    return [
        (planned, exercise, [] if planned in asked else sets)
        for planned, (exercise, sets) in written.items()
        if planned not in {target.planned for target in main}
    ]


def _shift_of(main: Sequence[Target], shifts: Sequence[panelshift.Shift]) -> dict[str, panelshift.Shift]:
    return {target.planned: shift for target, shift in zip(main, shifts, strict=True)}


def _written(
    context: BotContext, so_far: DayDone, shifts: Sequence[panelshift.Shift], skipped: Collection[str]
) -> dict[str, tuple[str, list[SetDone]]]:
    """Each exercise as /workout wrote it, but those ``skipped``: a main lift at its target (as adjusted),
    another at the reps its rule gives and, if it takes a load, the load it was last lifted at when its rule
    keeps it (/workout shows it none, so a load rounded to the chat's step would be one never lifted; a move
    without a load none), a hold at the low end of its seconds; in the session's order."""
    shift_of = _shift_of([target for target in so_far.targets if target.main], shifts)
    written = {
        t.planned: (t.prescription.exercise, _as_written(context, t, shift_of.get(t.planned)))
        for t in so_far.to_write
        if t.planned not in skipped
    }
    written.update(
        {
            planned: (planned, sets)
            for planned, sets in so_far.holds
            if planned not in so_far.taken_off and planned not in skipped
        }
    )
    order = [item.exercise.id for item in so_far.session.exercises]
    return {planned: written[planned] for planned in order if planned in written}


def _as_written(context: BotContext, target: Target, shift: panelshift.Shift | None) -> list[SetDone]:
    if target.main and shift is not None:
        sets = panelshift.adjusted(target, shift)
    else:
        held = loadanswer.held_load(target)
        sets = target.bare if held is None else [replace(done, load=held) for done in target.bare]
    # With the band /workout said today's sets are with ("→ today 2×7 with the red band"), kept in the note
    # as a /log's is: next time's line says it again instead of losing it to a press.
    bands = todays_bands(
        target.last,
        target.prescription,
        target.plan,
        same=target.prescription.exercise == (target.source or target.planned),
        band="band" in context.services.catalog.exercises[target.prescription.exercise].implements,
        loaded=target.loaded,
    )
    return [replace(done, bands=bands) for done in sets]
