"""A load or reps typed as a correction of a lift logged today ("actually the pulldown was 27.5 not 25",
"sorry, pulldown 27.5kg"): the reply says what the day's sets of that lift are and what they would be, over
a button that changes them; nothing changes without the press. Pressed, the sets take the corrected value in
place (they stay in the log that logged them, whose own Undo takes them back as corrected), and the reply
has an ↩️ Undo that puts the old value back (``storage.undoing.undo_correction``).

Only a lift found among the member's sets of today is corrected, and only at the value named as what it was
(when named); otherwise the reply says what was not found and the /log to send. Reading the message is
``bot.coach.correction``'s; a message whose words name no lift at all is no correction, and goes on to the
question answerer. Both buttons carry their day and whose sets they are, and are checked again when pressed.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Sequence
from datetime import date, datetime

from telegram import Update

from bot import callbacks
from bot.coach import correction
from bot.coach.correction import Change, Field, Logged, Refusal, Told
from bot.coach.loadanswer import said_each_hand
from bot.coach.loadwords import best_fit, holding, lift_named
from bot.coach.lognames import Names
from bot.coach.logparse import LogError, LogErrorKind, ParsedLog, match_exercise
from bot.coach.logreading import written
from bot.coach.logsets import MAX_LOAD, MAX_REPS
from bot.coach.model import SetDone
from bot.coach.progress_text import format_load, format_sets, shown_load
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers.common import Turn, press_for_today
from bot.handlers.training_log import loaded_ids, logged_order, names, typed_names
from bot.keyboards import Buttons
from storage import logbook, undoing

FIX, UNFIX = "fx", "fu"
_REPS = "r"


async def offer(context: BotContext, now_turn: Turn, told: Told, user_id: int) -> bool:
    """Answer a correction typed: the button that makes it, or what stands in its way. False when its
    words name no lift, so the message is no correction and the caller reads it as usual."""
    chat, texts = now_turn.chat, context.services.texts
    exercises = typed_names(context)
    rows = await logbook.day_sets(now_turn.session, chat.id, now_turn.today, user_id=user_id)
    logged = list(dict.fromkeys(row.exercise for row in rows))
    if not told.said:
        return _by_value(context, now_turn, told, rows, logged, user_id)
    lifts = [[ex] for ex in logged]
    place = _named(told, lifts, exercises) if logged else None
    # A short or generic name ("the deadlift", "the row", "the fly") is also any lift logged today one of
    # whose names holds its words: "deadlift" names the barbell one, but a trial's was the dumbbell RDL.
    worded = holding(told.said, lifts, exercises)
    if place is None and not worded:
        named = match_exercise(told.said, exercises)
        if isinstance(named, LogError) and named.kind is not LogErrorKind.AMBIGUOUS:
            return False
        unit = told.unit or chat.unit
        value = f"{int(told.new)}" if told.reps else f"{told.new:g}{unit}"
        line = f"{told.said} 3x{value}" if told.reps else f"{told.said} 3x10 {value}"
        now_turn.say(texts.get("fix.not_logged", said=escape(told.said), line=escape(line)))
        return True
    if (
        isinstance(place, int)
        and told.old is not None
        and not _changes(context, now_turn, told, rows, logged[place])
    ):
        # Named exactly, but not at the value it says it was: the one worded lift at that value, if one is.
        others = tuple(at for at in worded if at != place)
        at_value = _at_value(context, now_turn, told, rows, logged, others) if others else others
        place = at_value if isinstance(at_value, int) else place
    elif place is None:
        # Only by its words ("the deadlift": the dumbbell RDL logged): the one at the value told it was, then
        # the one the words fit best; several alike are asked with a button each.
        place = worded[0] if len(worded) == 1 else _at_value(context, now_turn, told, rows, logged, worded)
        if isinstance(place, tuple):
            best = best_fit(told.said, [[logged[at]] for at in place], exercises)
            place = place if best is None else place[best]
    elif isinstance(place, tuple):
        # Several logged lifts fit: the ones at the value told it was, then today's plan, then the latest.
        place = _at_value(context, now_turn, told, rows, logged, place)
        if isinstance(place, tuple):
            order = await logged_order(context, now_turn, rows)
            chosen = _named(told, [[logged[at]] for at in place], exercises, order, among=place)
            place = place if chosen is None else chosen
    if isinstance(place, tuple):
        now_turn.say(*_which(context, now_turn, told, rows, [logged[at] for at in place], user_id))
        return True
    exercise = logged[place]
    sets = _logged(context, rows, exercise)
    found = correction.fixed(told, sets, unit=chat.unit, loaded=exercise in loaded_ids(context))
    now_turn.say(*_answer(context, now_turn, exercise, sets, told, found, user_id))
    return True


def _changes(
    context: BotContext, now_turn: Turn, told: Told, rows: Sequence[logbook.SetRow], exercise: str
) -> Change | None:
    """What ``told`` would change of today's sets of ``exercise``, or None when it changes none of them."""
    sets = _logged(context, rows, exercise)
    found = correction.fixed(told, sets, unit=now_turn.chat.unit, loaded=exercise in loaded_ids(context))
    return found if isinstance(found, Change) else None


def _which(
    context: BotContext,
    now_turn: Turn,
    told: Told,
    rows: Sequence[logbook.SetRow],
    fitting: Sequence[str],
    user_id: int,
) -> tuple[str, Buttons | None]:
    """Several logged lifts a name fits alike: a ✏️ button for each the correction would change, its sets
    now and as corrected, or, when it changes none of them, which to name."""
    texts, unit = context.services.texts, now_turn.chat.unit
    shown = names(context)
    said = escape(told.said)
    buttons: list[list[tuple[str, str]]] = []
    for exercise in fitting:
        change = _changes(context, now_turn, told, rows, exercise)
        if change is None:
            continue
        sets = _logged(context, rows, exercise)
        before, after = _sets(context, sets, unit), _sets(context, _changed(sets, change), unit)
        label = texts.get("fix.pick_button", name=shown.get(exercise, exercise), before=before, after=after)
        try:
            buttons.append([(label, _payload(now_turn, exercise, change, user_id))])
        except ValueError:  # too long for a button's 64 bytes: named in the text, to be named back
            continue
    listed = ", ".join(escape(shown.get(ex, ex)) for ex in fitting)
    if not buttons:
        return texts.get("fix.unclear", said=said, names=listed), None
    return texts.get("fix.which_lift", said=said, names=listed), buttons


def _named(
    told: Told,
    lifts: Sequence[Sequence[str]],
    exercises: Sequence[Names],
    then: Sequence[Collection[str]] = (),
    among: Sequence[int] | None = None,
) -> int | tuple[int, ...] | None:
    """The place of the lift ``told`` names among ``lifts`` (places in ``among``, when they are a part of
    the day's), a pair told ("the 12s") narrowing them to lifts held in the hands."""
    kit = ("dumbbell",) if told.paired else ()
    place = lift_named(told.said, lifts, exercises, kit=kit, then=then)
    if among is None or place is None:
        return place
    return tuple(among[at] for at in place) if isinstance(place, tuple) else among[place]


def _at_value(
    context: BotContext,
    now_turn: Turn,
    told: Told,
    rows: Sequence[logbook.SetRow],
    logged: Sequence[str],
    places: tuple[int, ...],
) -> int | tuple[int, ...]:
    """Of several logged lifts a name fits, the one whose sets the correction changes, when one alone is at
    the value it says it was ("the rows were 12 not 15" with only the dumbbell row at 15)."""
    if told.old is None:
        return places
    loaded = loaded_ids(context)
    changes = [
        at
        for at in places
        if isinstance(
            correction.fixed(
                told, _logged(context, rows, logged[at]), unit=now_turn.chat.unit, loaded=logged[at] in loaded
            ),
            Change,
        )
    ]
    return changes[0] if len(changes) == 1 else places


def _by_value(
    context: BotContext,
    now_turn: Turn,
    told: Told,
    rows: Sequence[logbook.SetRow],
    logged: Sequence[str],
    user_id: int,
) -> bool:
    """A pair told with the one it was and no lift ("with the 12s, not the 15s"): the lift held in the hands
    that today's log has at that load, offered as if named; several such, or none, which to name. False when
    today's log holds no lift held in the hands, so the message is read as usual."""
    chat, texts = now_turn.chat, context.services.texts
    held: dict[str, list[Logged]] = {}
    found: dict[str, tuple[list[Logged], Change]] = {}
    loaded = loaded_ids(context)
    for exercise in logged:
        sets = _logged(context, rows, exercise)
        if not all(one.each_hand for one in sets):
            continue
        held[exercise] = sets
        change = correction.fixed(told, sets, unit=chat.unit, loaded=exercise in loaded)
        if isinstance(change, Change):
            found[exercise] = sets, change
    if not held:
        return False
    old = format_load(told.old or 0.0, told.unit or chat.unit)
    if len(found) != 1:
        shown = names(context)
        listed = ", ".join(escape(shown.get(ex, ex)) for ex in found or held)
        now_turn.say(texts.get("fix.which" if found else "fix.which_none", names=listed, old=old))
        return True
    [(exercise, (sets, change))] = found.items()
    now_turn.say(*_answer(context, now_turn, exercise, sets, told, change, user_id))
    return True


def _logged(context: BotContext, rows: Sequence[logbook.SetRow], exercise: str) -> list[Logged]:
    known = context.services.catalog.exercises.get(exercise)
    return [
        Logged(
            row.set_number,
            row.reps,
            row.load,
            row.unit,
            row.seconds,
            said_each_hand(known, row.load, row.note, context.services.texts["log.each_hand"]),
        )
        for row in rows
        if row.exercise == exercise
    ]


def _answer(
    context: BotContext,
    now_turn: Turn,
    exercise: str,
    sets: Sequence[Logged],
    told: Told,
    found: Change | Refusal,
    user_id: int,
) -> tuple[str, list[list[tuple[str, str]]] | None]:
    """The reply to a correction of ``exercise``'s ``sets``: the offer and its button, or the refusal."""
    texts, unit = context.services.texts, now_turn.chat.unit
    name = escape(names(context).get(exercise, exercise))
    before = _sets(context, sets, unit)
    if isinstance(found, Change):
        after = _sets(context, _changed(sets, found), unit)
        text = texts.get("fix.offer", name=name, before=before, after=after)
        try:
            payload = _payload(now_turn, exercise, found, user_id)
        except ValueError:  # too long for a button's 64 bytes (a long name and loads): the /log to send
            return _not_at(context, now_turn, exercise, sets, told, name), None
        return text, [[(texts["fix.button"], payload)]]
    if found is Refusal.NOT_AT:
        return _not_at(context, now_turn, exercise, sets, told, name), None
    if found is Refusal.SEVERAL:
        field = Field.REPS if told.reps or exercise not in loaded_ids(context) else Field.LOAD
        values = [float(one.reps) if field is Field.REPS else one.load or 0.0 for one in sets]
        return texts.get(
            "fix.several",
            name=name,
            before=before,
            what=texts[f"fix.several_{'reps' if field is Field.REPS else 'load'}"],
            said=escape(told.said),
            new=f"{told.new:g}",
            example=f"{values[-1]:g}",
        ), None
    new = f"{told.new:g}" if told.reps or told.unit is None else format_load(told.new, told.unit)
    return texts.get(f"fix.{found}", name=name, before=before, new=new), None


def _payload(now_turn: Turn, exercise: str, change: Change, user_id: int) -> str:
    """The ✏️ button's data: the day, the lift, what changes and whose sets (ValueError: over 64 bytes)."""
    kind = _REPS if change.field is Field.REPS else change.unit
    data = (callbacks.pack_day(now_turn.today), exercise, kind, f"{change.old:g}", f"{change.new:g}")
    return callbacks.pack(FIX, *data, str(user_id))


def _not_at(
    context: BotContext, now_turn: Turn, exercise: str, sets: Sequence[Logged], told: Told, name: str
) -> str:
    """No set at the value named: what today's sets are, and the /log of them as corrected."""
    unit = told.unit or now_turn.chat.unit
    reps = tuple(int(told.new) if told.reps else one.reps for one in sets)
    load = None if told.reps else told.new
    if told.reps:
        loads = {shown_load(one.load, one.unit, unit) for one in sets}
        load = loads.pop() if len(loads) == 1 else None
    each = bool(sets) and all(one.each_hand for one in sets)
    line = written(
        ParsedLog(exercise, reps, load, unit, each_hand=each and load is not None),
        names(context).get(exercise, exercise).lower(),
    )
    after = _sets(context, [Logged(0, n, load, unit, None, each) for n in reps], unit)
    old = "—" if told.old is None else f"{told.old:g}" if told.reps else format_load(told.old, unit)
    before = _sets(context, sets, now_turn.chat.unit)
    return context.services.texts.get(
        "fix.not_at", name=name, before=before, old=old, after=after, line=escape(line)
    )


def _changed(sets: Sequence[Logged], change: Change) -> list[Logged]:
    """``sets`` with the change made: the sets it names at the new value."""
    return [
        Logged(
            one.number,
            int(change.new) if change.field is Field.REPS and one.number in change.numbers else one.reps,
            change.new if change.field is Field.LOAD and one.number in change.numbers else one.load,
            change.unit if change.field is Field.LOAD and one.number in change.numbers else one.unit,
            one.seconds,
            one.each_hand,
        )
        for one in sets
    ]


def _sets(context: BotContext, sets: Sequence[Logged], unit: str) -> str:
    """Sets as the reply says them, a pair of dumbbells' load as each hand's ("3×12 @ 8 kg each hand")."""
    said = format_sets(
        [SetDone(one.reps, shown_load(one.load, one.unit, unit), seconds=one.seconds) for one in sets], unit
    )
    hand = context.services.texts["log.each_hand"]
    return f"{said} {hand}" if sets and all(one.each_hand for one in sets) else said


def _fix_args(context: BotContext, data: object) -> tuple[date, int, tuple[str, Told]] | None:
    """The day, owner, and exercise and correction a ✏️ button carries, or None for anything ``_answer``
    could not have packed."""
    found = callbacks.unpack(data, FIX, 6)
    if found is None:
        return None
    packed_day, exercise, kind, old, new, packed_owner = found
    day, owner = callbacks.unpack_day(packed_day), callbacks.unpack_owner(packed_owner)
    if day is None or exercise not in context.services.catalog.exercises:
        return None
    if kind not in (_REPS, *MAX_LOAD) or owner is None:
        return None
    try:
        was, now = float(old), float(new)
    except ValueError:
        return None
    if f"{was:g}" != old or f"{now:g}" != new or was < 0 or now <= 0:
        return None
    if kind == _REPS and not (now.is_integer() and now <= MAX_REPS and was.is_integer()):
        return None
    if kind != _REPS and now > MAX_LOAD[kind]:
        return None
    told = Told("", now, was, None if kind == _REPS else kind, kind == _REPS)
    return day, owner, (exercise, told)


async def fix_button(update: Update, context: BotContext) -> None:
    """✏️ Correct it: today's sets of the lift take the corrected value, while they are still as offered."""
    read = functools.partial(_fix_args, context)
    await press_for_today(update, context, read, _fix, not_yours="fix.not_yours", expired="fix.expired")


async def _fix(context: BotContext, now_turn: Turn, owner: int, fix: tuple[str, Told]) -> None:
    exercise, told = fix
    chat, texts = now_turn.chat, context.services.texts
    rows = await logbook.day_sets(now_turn.session, chat.id, now_turn.today, user_id=owner)
    sets = _logged(context, rows, exercise)
    name = escape(names(context).get(exercise, exercise))
    change = correction.fixed(told, sets, unit=chat.unit, loaded=not told.reps) if sets else Refusal.NOT_AT
    if not isinstance(change, Change):
        old = f"{told.old:g}" if told.reps else format_load(told.old or 0.0, told.unit or chat.unit)
        before = _sets(context, sets, chat.unit) if sets else texts["fix.none"]
        now_turn.edit(texts.get("fix.stale", name=name, before=before, old=old))
        return
    corrected = await logbook.correct_sets(
        now_turn.session,
        chat.id,
        now_turn.today,
        user_id=owner,
        exercise=exercise,
        numbers=change.numbers,
        now=now_turn.now,
        load=None if change.field is Field.REPS else (change.new, change.unit),
        reps=int(change.new) if change.field is Field.REPS else None,
    )
    assert corrected, "the sets were read in this transaction"
    after = _sets(context, _changed(sets, change), chat.unit)
    undo = callbacks.pack_undo(UNFIX, now_turn.today, now_turn.now, owner)
    text = texts.get("fix.done", name=name, before=_sets(context, sets, chat.unit), after=after)
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
    before = _sets(context, _logged(context, rows, undone.exercise), chat.unit)
    now_turn.edit(texts.get("fix.undone", name=name, before=before))
    return None
