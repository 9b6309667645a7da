"""A load typed in a private chat while Done's ✏️ Adjust panel is open ("6 kg on the rdl", "the row was 40"):
that main lift's load on the panel, said back, and the panel shown again as Save will log it.

The panel keeps its state in ``Chat.adjusting`` while open (``as_written``: set when it is drawn, cleared by
Save or As written). The loads are read as a load question's are (``loadwords.read_told``, loosely: "the
deadlift" is the panel's one lift whose name holds it), among every lift the panel lists that takes a load:
one named for a main lift is set on it, and a number naming none only when the panel shows one such lift.
One named for a lift listed below them, which the panel holds no load for, is said back: a trial's "32 on
the one arm row" was set on the cable row. A short message naming a lift not listed, or several, sets
nothing and says so. Anything else is read as usual.
"""

from __future__ import annotations

from dataclasses import replace

from telegram import Update
from telegram.constants import ChatType

from bot import callbacks
from bot.coach import loadwords, sessionlog
from bot.coach.loadanswer import Kind
from bot.coach.logparse import MAX_LOAD
from bot.coach.model import SetDone
from bot.coach.progress_text import format_load, format_sets
from bot.coach.progression import in_unit
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers import as_written
from bot.handlers.adjust_panel import state_of
from bot.handlers.common import Turn
from bot.handlers.training_log import member, names, typed_names
from storage import logbook


async def typed(context: BotContext, now_turn: Turn, update: Update, text: str) -> bool:
    """Whether ``text`` set a load on the open panel (and was answered); False: read it as usual."""
    chat = now_turn.chat
    if chat.kind != ChatType.PRIVATE or not chat.adjusting or text.lstrip().startswith("/"):
        return False
    packed, _, state = chat.adjusting.partition("|")
    day = callbacks.unpack_day(packed)
    user_id = member(update, chat)[0]
    found = None if day is None else await logbook.day_log(now_turn.session, chat.id, day, user_id=user_id)
    if day is None or found is None or (now_turn.today - day).days > sessionlog.MAX_DAYS_BACK:
        chat.adjusting = None  # the panel's day is gone: nothing of it to set
        return False
    so_far = await as_written.day_done(context, now_turn, user_id, day, found.session_number)
    read = as_written.panel_state(context, chat, so_far, state)
    if read is None or not so_far.anything_left:
        chat.adjusting = None
        return False
    main, shifts, mask, skipped = read
    every = {target.planned for target in so_far.to_write}
    left = every - skipped
    places = [at for at, target in enumerate(main) if target.planned in left and target.loaded]
    known = context.services.catalog.exercises
    # The panel's other lifts that take a load: a load named for one is said back, never set on a main lift.
    others = [
        other
        for other in as_written.panel_others(context, so_far, shifts)
        if other[0] in left and other[1] in known and known[other[1]].kind == "load"
    ]
    asked = [tuple(dict.fromkeys((main[at].prescription.exercise, main[at].planned))) for at in places]
    asked += [tuple(dict.fromkeys((exercise, planned))) for planned, exercise, _ in others]
    told = loadwords.read_told(text, asked, typed_names(context), loose=True) if asked else None
    if isinstance(told, (loadwords.Unasked, loadwords.Unclear)) and _named_load(text):
        now_turn.say(_not_set(context, told, asked))
        return True
    if not isinstance(told, list) or not told or any(t.answer.kind is not Kind.LOAD for t in told):
        return False
    if any(t.lift is None for t in told) and (len(places) != 1 or len(told) != 1):
        return False
    unit, shown, said, later = chat.unit, names(context), [], []
    numbers = [target.planned for target in main if target.planned in every] + [o[0] for o in others]
    for one in told:
        at = 0 if one.lift is None else one.lift
        load = in_unit(one.answer.amount, one.answer.unit or unit, unit)
        if load is None or not 0 < load <= MAX_LOAD[unit]:
            return False
        if at >= len(places):
            planned, exercise, sets = others[at - len(places)]
            later.append(_later(context, exercise, sets, load, unit, numbers.index(planned) + 1))
            continue
        at = places[at]
        shifts[at] = replace(shifts[at], steps=0, told=load)
        name = shown.get(main[at].prescription.exercise, main[at].prescription.exercise)
        said.append(f"{escape(name)} {format_load(load, unit)}")
    texts = context.services.texts
    if not said:
        now_turn.say("\n".join(later))
        return True
    chat.adjusting = f"{packed}|{state_of(shifts, mask)}"
    now_turn.say("\n".join([texts.get("log.panel_load_set", sets="; ".join(said)), *later]))
    now_turn.say(*as_written.panel_for(context, chat, so_far, day, shifts, mask))
    return True


# A load named for a lift not listed is said back in a message this short; a longer one (a pain, a
# question without its mark) is read as usual.
SAID_BACK_WORDS = 8


def _named_load(text: str) -> bool:
    """Whether a message is short and holds a number, so a name in it that fits no lift listed is said back
    rather than read as usual."""
    return any(c.isdigit() for c in text) and len(text.split()) <= SAID_BACK_WORDS


def _not_set(
    context: BotContext, told: loadwords.Unasked | loadwords.Unclear, asked: list[tuple[str, ...]]
) -> str:
    """A load named for a lift the panel does not list, or for several it does: nothing is set."""
    texts, shown = context.services.texts, names(context)
    if isinstance(told, loadwords.Unasked):
        return texts.get("log.panel_load_not_listed", said=escape(told.said))
    lifts = f" {texts['errors.or']} ".join(
        f"<b>{escape(shown.get(asked[at][0], asked[at][0]))}</b>" for at in told.lifts
    )
    return texts.get("log.panel_load_unclear", said=escape(told.said), lifts=lifts)


def _later(context: BotContext, exercise: str, sets: list[SetDone], load: float, unit: str, n: int) -> str:
    """What becomes of a load typed for a lift the panel lists without ± buttons: one whose load is asked
    after Save is asked then; one Save logs as shown can be left out and logged at the load told."""
    texts = context.services.texts
    name = escape(names(context).get(exercise, exercise))
    said = format_load(load, unit)
    if not sets:
        return texts.get("log.panel_load_later", name=name, load=said)
    called = context.services.catalog.exercises[exercise].name.casefold()
    line = f"{called} {len(sets)}x{sets[0].reps} {load:g}{unit}"
    shown = format_sets(sets, unit)
    return texts.get("log.panel_load_fixed", name=name, sets=shown, load=said, n=n, line=escape(line))
