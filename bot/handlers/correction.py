"""A load or reps typed as a correction of a lift logged today ("actually the pulldown was 27.5 not 25",
"sorry, pulldown 27.5kg", reps set by set: "sorry seated row was 8,8,6 not 3x8"): the reply says what the
day's sets of that lift are and what they would be, over a button that changes them; nothing changes without
the press. Pressed, the sets take the corrected value in place (they stay in the log that logged them, whose
own Undo takes them back as corrected), and the reply has an ↩️ Undo that puts the old value back
(``storage.undoing.undo_correction``).

Only a lift found among the member's sets of today is corrected, and only at the value named as what it was
(when named); otherwise the reply says what was not found and the /log to send. Reading the message is
``bot.coach.correction``'s; a message whose words name no lift at all is no correction, and goes on to the
question answerer. The press and its Undo are ``bot.handlers.correction_press``'s.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from bot import callbacks
from bot.coach import correction
from bot.coach.correction import Change, Field, Logged, Recount, Recounted, Refusal, Told
from bot.coach.loadanswer import said_each_hand
from bot.coach.loadwords import best_fit, holding, lift_named
from bot.coach.lognames import Names
from bot.coach.logparse import LogError, LogErrorKind, ParsedLog, match_exercise
from bot.coach.logreading import written
from bot.coach.model import SetDone
from bot.coach.progress_text import format_load, format_sets, shown_load
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers.common import Turn
from bot.handlers.training_log import loaded_ids, logged_order, names, typed_names
from bot.keyboards import Buttons
from storage import logbook

FIX, UNFIX = "fx", "fu"
# What a ✏️ button changes besides a load in its unit: a count of reps, or reps set by set.
REPS, EACH = "r", "s"
# A correction as read (``correction.read``, ``correction.read_sets``) and what it changes.
Typed = Told | Recounted
Fix = Change | Recount


async def offer(context: BotContext, now_turn: Turn, told: Typed, user_id: int) -> bool:
    """Answer a correction typed: the button that makes it, or what stands in its way. False when its
    words name no lift, so the message is no correction and the caller reads it as usual."""
    chat, texts = now_turn.chat, context.services.texts
    exercises = typed_names(context)
    rows = await logbook.day_sets(now_turn.session, chat.id, now_turn.today, user_id=user_id)
    logged = list(dict.fromkeys(row.exercise for row in rows))
    if isinstance(told, Told) and not told.said:
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
        line = escape(_example(told, chat.unit))
        now_turn.say(texts.get("fix.not_logged", said=escape(told.said), line=line))
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
    sets = logged_sets(context, rows, exercise)
    found = fixed(context, now_turn, told, sets, exercise)
    now_turn.say(*_answer(context, now_turn, exercise, sets, told, found, user_id))
    return True


def _example(told: Typed, unit: str) -> str:
    """A /log of the lift with the value told, for one not logged today ("seated row 8,8,6")."""
    if isinstance(told, Recounted):
        return f"{told.said} {','.join(map(str, told.new))}"
    if told.reps:
        return f"{told.said} 3x{int(told.new)}"
    return f"{told.said} 3x10 {told.new:g}{told.unit or unit}"


def fixed(
    context: BotContext, now_turn: Turn, told: Typed, sets: Sequence[Logged], exercise: str
) -> Fix | Refusal:
    """What ``told`` changes of today's ``sets`` of ``exercise``, or why it changes none."""
    if isinstance(told, Recounted):
        return correction.recounted(told, sets)
    return correction.fixed(told, sets, unit=now_turn.chat.unit, loaded=exercise in loaded_ids(context))


def _changes(
    context: BotContext, now_turn: Turn, told: Typed, rows: Sequence[logbook.SetRow], exercise: str
) -> Fix | None:
    """What ``told`` would change of today's sets of ``exercise``, or None when it changes none of them."""
    found = fixed(context, now_turn, told, logged_sets(context, rows, exercise), exercise)
    return None if isinstance(found, Refusal) else found


def _which(
    context: BotContext,
    now_turn: Turn,
    told: Typed,
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
        sets = logged_sets(context, rows, exercise)
        before, after = sets_said(context, sets, unit), sets_said(context, changed(sets, change), unit)
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
    told: Typed,
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
    told: Typed,
    rows: Sequence[logbook.SetRow],
    logged: Sequence[str],
    places: tuple[int, ...],
) -> int | tuple[int, ...]:
    """Of several logged lifts a name fits, the one whose sets the correction changes, when one alone is at
    the value it says it was ("the rows were 12 not 15" with only the dumbbell row at 15)."""
    if told.old is None:
        return places
    changes = [at for at in places if _changes(context, now_turn, told, rows, logged[at]) is not None]
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
        sets = logged_sets(context, rows, exercise)
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


def logged_sets(context: BotContext, rows: Sequence[logbook.SetRow], exercise: str) -> list[Logged]:
    """Today's ``rows`` of ``exercise`` as a correction reads them, a pair of dumbbells' load each hand's."""
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
    told: Typed,
    found: Fix | Refusal,
    user_id: int,
) -> tuple[str, list[list[tuple[str, str]]] | None]:
    """The reply to a correction of ``exercise``'s ``sets``: the offer and its button, or the refusal."""
    texts, unit = context.services.texts, now_turn.chat.unit
    name = escape(names(context).get(exercise, exercise))
    before = sets_said(context, sets, unit)
    if not isinstance(found, Refusal):
        after = sets_said(context, changed(sets, found), unit)
        text = texts.get("fix.offer", name=name, before=before, after=after)
        try:
            payload = _payload(now_turn, exercise, found, user_id)
        except ValueError:  # too long for a button's 64 bytes (a long name and loads): the /log to send
            return _not_at(context, now_turn, exercise, sets, told, name), None
        return text, [[(texts["fix.button"], payload)]]
    if found is Refusal.NOT_AT:
        return _not_at(context, now_turn, exercise, sets, told, name), None
    if isinstance(told, Recounted):
        new = ", ".join(map(str, told.new))
        return texts.get(f"fix.{found}", name=name, before=before, new=new), None
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


def _payload(now_turn: Turn, exercise: str, change: Fix, user_id: int) -> str:
    """The ✏️ button's data: the day, the lift, what changes and whose sets (ValueError: over 64 bytes)."""
    if isinstance(change, Recount):
        kind, old, new = EACH, ".".join(map(str, change.old)), ".".join(map(str, change.new))
    else:
        kind = REPS if change.field is Field.REPS else change.unit
        old, new = f"{change.old:g}", f"{change.new:g}"
    data = (callbacks.pack_day(now_turn.today), exercise, kind, old, new)
    return callbacks.pack(FIX, *data, str(user_id))


def _not_at(
    context: BotContext, now_turn: Turn, exercise: str, sets: Sequence[Logged], told: Typed, name: str
) -> str:
    """No set at the value named: what today's sets are, and the /log of them as corrected."""
    unit = now_turn.chat.unit
    load: float | None = None
    if isinstance(told, Recounted):
        reps = told.new
    else:
        unit = told.unit or unit
        reps = tuple(int(told.new) if told.reps else one.reps for one in sets)
        load = None if told.reps else told.new
    if isinstance(told, Recounted) or told.reps:
        # Reps told: at the load the sets have, when they share one.
        loads = {shown_load(one.load, one.unit, unit) for one in sets}
        load = loads.pop() if len(loads) == 1 else None
    each = bool(sets) and all(one.each_hand for one in sets)
    line = written(
        ParsedLog(exercise, reps, load, unit, each_hand=each and load is not None),
        names(context).get(exercise, exercise).lower(),
    )
    after = sets_said(context, [Logged(0, n, load, unit, None, each) for n in reps], unit)
    old = old_said(told, unit)
    before = sets_said(context, sets, now_turn.chat.unit)
    return context.services.texts.get(
        "fix.not_at", name=name, before=before, old=old, after=after, line=escape(line)
    )


def old_said(told: Typed, unit: str) -> str:
    """The value a correction said the sets were, as a reply says it ("25 kg", "12", "8, 8, 8"); "—" for
    none."""
    if told.old is None:
        return "—"
    if isinstance(told, Recounted):
        return str(told.old) if isinstance(told.old, int) else ", ".join(map(str, told.old))
    return f"{told.old:g}" if told.reps else format_load(told.old, told.unit or unit)


def changed(sets: Sequence[Logged], change: Fix) -> list[Logged]:
    """``sets`` with the change made: the sets it names at the new value (reps set by set: each its own)."""
    if isinstance(change, Recount):
        counts = dict(zip(change.numbers, change.new, strict=True))
        return [replace(one, reps=counts.get(one.number, one.reps)) for one in sets]
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


def sets_said(context: BotContext, sets: Sequence[Logged], unit: str) -> str:
    """Sets as the reply says them, a pair of dumbbells' load as each hand's ("3×12 @ 8 kg each hand")."""
    said = format_sets(
        [SetDone(one.reps, shown_load(one.load, one.unit, unit), seconds=one.seconds) for one in sets], unit
    )
    hand = context.services.texts["log.each_hand"]
    return f"{said} {hand}" if sets and all(one.each_hand for one in sets) else said
