"""🔄 Swap an exercise: another move of its pattern in its place, kept in the chat's plan until swapped back.

/workout's "🔄 Swap an exercise" (and /swap) lists today's exercises; one pressed gets two or three moves of
its pattern that the chat's place, kit and level allow and no pain told keeps out (``bot.coach.swaps``); one
of those pressed is stored in ``chats.swaps``, which ``training_log.profile`` reads into the plan, so
/workout, As written, the targets, /progress and the reminder's preview give it from then on. "↩️ Back to …"
undoes one. Typed in a private chat ("I hate face pulls, can I do something else?", "swap the lat pulldown,
the machine is always taken") the same offer comes, read by ``swaps.read`` (``typed``, from ``faq``).

Only a private chat's plan is swapped: a group's session is everyone's, as its cautions are not kept either.
"""

from __future__ import annotations

from collections.abc import Mapping

from telegram import Update
from telegram.constants import ChatType

from bot import callbacks
from bot.coach import cautions as coach
from bot.coach import shownrung, swaps
from bot.coach.answerer import Answer
from bot.coach.catalog import Exercise
from bot.coach.ladders import usable
from bot.coach.planner import Session
from bot.coach.profile import write_swaps
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers import cautions, kit
from bot.handlers.common import Turn, turn
from bot.handlers.training_log import history, profile, todays_session, typed_names
from bot.keyboards import Buttons
from storage.records import Told

# Payloads: "1:sw" lists today's exercises, "1:sw:<id>" offers moves for one, "1:swt:<old>:<new>" swaps
# the plan's own move ``old`` for ``new``, "1:swb:<old>" swaps it back. Ids are at most 40 characters.
SWAP, SWAP_TO, SWAP_BACK = "sw", "swt", "swb"
MENU = callbacks.pack(SWAP)


def button(context: BotContext) -> Buttons:
    """The row under /workout's card that opens the list."""
    return [[(context.services.texts["swap.button"], MENU)]]


async def swap_command(update: Update, context: BotContext) -> None:
    """/swap lists today's exercises; /swap face pulls offers moves in the face pull's place."""
    said = " ".join(context.args or ()).strip()
    async with turn(update, context) as now_turn:
        if not _open(context, now_turn):
            return
        if not said:
            await listed(context, now_turn)
            return
        exercise = await _named(context, now_turn, said)
        if exercise is None:
            now_turn.say(context.services.texts.get("swap.not_known", said=escape(said)))
            return
        await offer(context, now_turn, exercise)


async def typed(context: BotContext, now_turn: Turn, text: str, answer: Answer) -> bool:
    """A swap asked for in a private chat, set up: the list, or the offer for the lift it names. False (read
    as usual) for anything else, a pain (the safety answer comes first) or a lift the chat does not have."""
    chat = now_turn.chat
    if answer.safety or chat.kind != ChatType.PRIVATE or not chat.onboarded:
        return False
    asked = swaps.read(text)
    if asked is None:
        return False
    if asked.said is None:
        await listed(context, now_turn)
        return True
    exercise = await _named(context, now_turn, asked.said)
    if exercise is None:
        return False
    # The move asked for is read among every move, so one the kit rules out is said to be ruled out.
    wanted = await _named(context, now_turn, asked.wanted, anywhere=True) if asked.wanted else None
    await offer(context, now_turn, exercise, wanted, taken=asked.taken)
    return True


async def menu_button(update: Update, context: BotContext) -> None:
    """ "🔄 Swap an exercise" (the list) or one of the list's exercises (the offer)."""
    query = update.callback_query
    assert query is not None
    texts = context.services.texts
    args = callbacks.unpack(query.data, SWAP, 0)
    one = callbacks.unpack(query.data, SWAP, 1)
    if args is None and (one is None or one[0] not in context.services.catalog.exercises):
        await query.answer(texts["swap.stale"])
        return
    await query.answer()
    async with turn(update, context) as now_turn:
        if not _open(context, now_turn):
            return
        if one is None:
            await listed(context, now_turn)
        else:
            await offer(context, now_turn, one[0])


async def to_button(update: Update, context: BotContext) -> None:
    """A move of the offer pressed: it takes the plan's own move's place from now on. Checked again against
    what the plan allows now (kit, level and cautions may have changed since the offer was sent)."""
    query = update.callback_query
    assert query is not None
    texts, catalog = context.services.texts, context.services.catalog
    args = callbacks.unpack(query.data, SWAP_TO, 2)
    if args is None or not all(one in catalog.exercises for one in args):
        await query.answer(texts["swap.stale"])
        return
    old, new = args
    async with turn(update, context) as now_turn:
        if not _open(context, now_turn):
            await query.answer()
            return
        chat_profile = profile(context, now_turn.chat)
        now = chat_profile.swapped(old) or old
        session = await todays_session(context, now_turn)
        # Asked for first: one the offer put first by name is in it whatever its rank.
        allowed = await _alternatives(context, now_turn, session, now, new)
        if swaps.origin(chat_profile, now) != old or new not in {ex.id for ex in allowed}:
            await query.answer(texts["swap.stale"])
            return
        chosen = swaps.swapped(chat_profile.swaps, old, new)
        if len(chosen) > swaps.MAX_SWAPS:
            await query.answer()
            now_turn.say(texts.get("swap.full", n=swaps.MAX_SWAPS))
            return
        await query.answer()
        now_turn.chat.swaps = write_swaps(chosen)
        names = {"old": escape(catalog.exercises[old].name), "new": escape(catalog.exercises[new].name)}
        now_turn.say(texts.get("swap.done", **names), [*_back_row(context, old), *_show_row(context)])


async def back_button(update: Update, context: BotContext) -> None:
    """ "↩️ Back to …": the plan gives its own move again."""
    query = update.callback_query
    assert query is not None
    texts, catalog = context.services.texts, context.services.catalog
    args = callbacks.unpack(query.data, SWAP_BACK, 1)
    if args is None or args[0] not in catalog.exercises:
        await query.answer(texts["swap.stale"])
        return
    await query.answer()
    old = args[0]
    async with turn(update, context) as now_turn:
        if not _open(context, now_turn):
            return
        chat_profile = profile(context, now_turn.chat)
        name = escape(catalog.exercises[old].name)
        if chat_profile.swapped(old) is None:
            now_turn.say(texts.get("swap.not_swapped", name=name))
            return
        now_turn.chat.swaps = write_swaps(swaps.unswapped(chat_profile.swaps, old))
        now_turn.say(texts.get("swap.back", name=name), _show_row(context))


async def listed(context: BotContext, now_turn: Turn) -> None:
    """Today's exercises as the card shows them (without what a pain keeps out), one button each, and a
    "↩️ Back to …" for each swap the chat has."""
    texts, catalog = context.services.texts, context.services.catalog
    session = await _shown(context, now_turn)
    rows = _rows([(item.exercise.name, (SWAP, item.exercise.id)) for item in session.exercises])
    chosen = session.profile.swaps
    text = texts["swap.pick"] if rows else texts["swap.pick_none"]
    if chosen:
        pairs = [
            texts.get(
                "swap.swapped_pair",
                old=escape(catalog.exercises[old].name),
                new=escape(catalog.exercises[new].name),
            )
            for old, new in chosen
        ]
        text += "\n\n" + texts.get("swap.swapped_now", pairs="; ".join(pairs))
    backs = [row for old, _new in chosen for row in _back_row(context, old)]
    now_turn.say(text, [*rows, *backs] or None)


async def offer(
    context: BotContext, now_turn: Turn, exercise: str, wanted: str | None = None, *, taken: bool = False
) -> None:
    """The moves that may take ``exercise``'s place (``swaps.alternatives``), one button each, the one
    asked for by name first where it is one of them (and, its station ``taken``, moves needing none before
    the rest); an exercise swapped already is read as the move now in its place, with a "↩️ Back to …"
    button."""
    texts, catalog = context.services.texts, context.services.catalog
    chat_profile = profile(context, now_turn.chat)
    now = chat_profile.swapped(exercise) or exercise
    old = swaps.origin(chat_profile, now)
    session = await todays_session(context, now_turn)
    found = await _alternatives(context, now_turn, session, now, wanted, taken=taken)
    kind = texts[f"swap.kind_{catalog.exercises[now].pattern}"]
    name = escape(catalog.exercises[now].name)
    backs = _back_row(context, old) if old != now else []
    rows = _rows([(ex.name, (SWAP_TO, old, ex.id)) for ex in found])
    if not rows:
        now_turn.say(texts.get("swap.none", name=name, kind=kind), backs or None)
        return
    key = "swap.offer_swapped" if backs else "swap.offer"
    said = texts.get(key, name=name, kind=kind, old=escape(catalog.exercises[old].name))
    if wanted is not None and wanted not in {ex.id for ex in found}:
        # "Swap face pulls for band pull-aparts" at a gym: said, rather than a list that silently lacks it.
        asked = texts.get("swap.wanted_not", wanted=escape(catalog.exercises[wanted].name), name=name)
        said = f"{asked}\n\n{said}"
    now_turn.say(said, [*rows, *backs])


async def _alternatives(
    context: BotContext,
    now_turn: Turn,
    session: Session,
    exercise: str,
    first: str | None = None,
    *,
    taken: bool = False,
) -> tuple[Exercise, ...]:
    """``swaps.alternatives`` for the chat today: its plan's profile, today's session number, what the
    cautions in force keep out, today's shown exercises last, ``first`` first, and no rung below one the
    member has done well (``shownrung.done_anywhere``, judged by the slot of ``exercise`` today)."""
    catalog = context.services.catalog
    force = cautions.in_force(await cautions.told(now_turn), now_turn.today)
    shown = cautions.leave_out(context, session, force).session
    rungs = {rung for entry in catalog.ladders for rung in entry.rungs}
    ids = rungs | {ex.id for ex in catalog.exercises.values() if ex.ranks_as in rungs}
    # A private chat's (``_open``): its one member's log, under the chat's id.
    logged = await history(context, now_turn, now_turn.chat.id, ids)
    item = next((one for one in session.exercises if one.exercise.id == exercise), None)
    return swaps.alternatives(
        catalog,
        session.profile,
        exercise,
        session.number,
        kept_out=_kept_out(context, force),
        present={one.exercise.id for one in shown.exercises},
        first=first,
        shown=shownrung.done_anywhere(catalog, item, logged),
        taken=taken,
    )


def _kept_out(context: BotContext, force: Mapping[str, Told]) -> frozenset[str]:
    """Every exercise a caution in force keeps out of any plan (``cautions.keeps_out``)."""
    catalog = context.services.catalog
    out: set[str] = set()
    for exercise, one in force.items():
        shoulder = one.body_part == coach.SHOULDER
        out |= coach.keeps_out(exercise, catalog, lower_back=one.lower_back, shoulder=shoulder)
    return frozenset(out)


async def _shown(context: BotContext, now_turn: Turn) -> Session:
    """Today's session as /workout shows it: without what the cautions in force keep out."""
    force = cautions.in_force(await cautions.told(now_turn), now_turn.today)
    return cautions.leave_out(context, await todays_session(context, now_turn), force).session


async def _named(
    context: BotContext, now_turn: Turn, said: str | None, *, anywhere: bool = False
) -> str | None:
    """The exercise ``said`` names (``cautions.exercise_told``: today's first, of those the chat's place and
    kit allow, or it swapped away; ``anywhere``, of every move), None when it names none or several alike."""
    if not said:
        return None
    session = await _shown(context, now_turn)
    catalog = context.services.catalog
    chat_profile = session.profile
    allowed = {ex.id for ex in catalog.exercises.values() if anywhere or usable(ex, chat_profile)}
    return coach.exercise_told(
        said,
        typed_names(context),
        planned=[item.exercise.id for item in session.exercises],
        usable=allowed | {old for old, _ in chat_profile.swaps},
    )


def _open(context: BotContext, now_turn: Turn) -> bool:
    """Whether the chat's plan may be swapped: a private chat, set up; else said why."""
    texts = context.services.texts
    if now_turn.chat.kind != ChatType.PRIVATE:
        now_turn.say(texts["swap.private_only"])
        return False
    if not now_turn.chat.onboarded:
        now_turn.say(texts["workout.not_ready"])
        return False
    return True


def _rows(buttons: list[tuple[str, tuple[str, ...]]]) -> Buttons:
    """One button a row, each payload packed; one too long for a button (an id longer than the catalog's
    are today) is left out rather than sent broken."""
    rows: list[list[tuple[str, str]]] = []
    for label, parts in buttons:
        try:
            rows.append([(label, callbacks.pack(*parts))])
        except ValueError:
            continue
    return rows


def _back_row(context: BotContext, old: str) -> Buttons:
    name = context.services.catalog.exercises[old].name
    return _rows([(context.services.texts.get("swap.back_button", name=name), (SWAP_BACK, old))])


def _show_row(context: BotContext) -> Buttons:
    return [[(context.services.texts["swap.show_button"], kit.SHOW_WORKOUT)]]
