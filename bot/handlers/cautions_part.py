"""A pain told of a body part and a kind of move, no exercise named, offered to the plan: "🛑 Leave out
overhead pulls for now".

A newcomer trial: "front of the shoulder, sharp when i raise my arm overhead. should I still train today?"
left the plan as it was (no exercise named), "can you adjust today workout so it no go stress the shoulder?
maybe no overhead pulling" got the /workout blurb, and /workout still had the chin-ups and the lat pulldown.
Now the safety-led answer to such a pain offers the button (``offer_after``), a request in words asks before
doing it (``asked``), and the press (``part_button``) tells the caution as if an exercise of the kind had
been told (``painpart.anchor``, ``Told.by_part``): /workout then has the ⚠️ line and ✅ It's fine now, and
"fine now" typed or pressed lifts it as any other (``handlers.cautions_fine``).

What a kind keeps out and which words tell it is ``bot.coach.painpart``'s. Only a private chat's plan has
cautions: a group's session is everyone's.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date

from telegram import Update
from telegram.constants import ChatType

from bot import callbacks
from bot.coach import cautions as coach
from bot.coach import painpart, painwhen
from bot.coach.answerer import Answer
from bot.coach.ladders import usable
from bot.coach.painpart import Kind
from bot.coach.planner import Session
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers import cautions
from bot.handlers.common import Turn, turn
from bot.handlers.training_log import todays_session
from bot.keyboards import Buttons
from storage import cautions as store
from storage.records import Told

# The "🛑 Leave out …" payload: "1:part:<kind>" (``painpart.KINDS``).
PART = "part"


def offer_rows(context: BotContext, kinds: Sequence[Kind]) -> Buttons:
    """A 🛑 button for each kind of move: "🛑 Leave out overhead pulls for now"."""
    texts = context.services.texts
    return [[(texts[f"caution.part_button.{kind}"], callbacks.pack(PART, kind))] for kind in kinds]


async def offer_after(context: BotContext, now_turn: Turn, answer: Answer) -> tuple[str, Buttons] | None:
    """Under a safety-led answer to a pain of the teller's own that names no exercise of the plan but a
    body part the coach knows what loads (``painpart.kinds_told``: the shoulder with the arms overhead, the
    lower back), or asks for such moves to be left out (``painpart.asked_to_leave_out``): what the 🛑
    button would do, and the button. None for a pain told as long past, a group, or a kind the cautions in
    force leave out already."""
    chat = now_turn.chat
    question = answer.question
    if not answer.safety or chat.kind != ChatType.PRIVATE or not chat.onboarded:
        return None
    if not coach.told_of_oneself(question) or painwhen.told_as_past(question, now_turn.today.year):
        return None
    told = cautions.in_force(await cautions.told(now_turn), now_turn.today)
    kinds = [
        kind
        for kind in painpart.kinds_told(question) or painpart.asked_to_leave_out(question)
        if not _covered(context, kind, told)
    ]
    if not kinds:
        return None
    texts = context.services.texts
    return "\n".join(texts[f"caution.part_offer.{kind}"] for kind in kinds), offer_rows(context, kinds)


async def asked(context: BotContext, now_turn: Turn, answer: Answer) -> bool:
    """ "Can you adjust today's workout so it doesn't stress my shoulder? no overhead pulling": the kind of
    move asked to be left out (``painpart.asked_to_leave_out``), what that leaves out of today's session and
    the 🛑 button to confirm, or that the cautions in force leave it out already. False (nothing said) for a
    safety-led answer (a pain told: ``offer_after`` puts the button under it), a group, before set-up, any
    other message, or one naming an exercise the kind would keep in ("skip rows for my shoulder": not a
    kind)."""
    chat = now_turn.chat
    if answer.safety or chat.kind != ChatType.PRIVATE or not chat.onboarded:
        return False
    kinds = painpart.asked_to_leave_out(answer.question)
    if not kinds:
        return False
    session, named = await cautions.named_today(context, now_turn, answer.question)
    catalog = context.services.catalog
    if named is not None and not any(named in painpart.kept_by(kind, catalog) for kind in kinds):
        return False
    texts = context.services.texts
    told = cautions.in_force(await cautions.told(now_turn), now_turn.today)
    said: list[str] = []
    offered: list[Kind] = []
    for kind in kinds:
        if _covered(context, kind, told):
            said.append(texts[f"caution.part_already.{kind}"])
            continue
        out = _today(context, session, told, kind, "caution.part_would", now_turn.today)
        said.append(texts.get(f"caution.part_asked.{kind}", today=out))
        offered.append(kind)
    now_turn.say("\n\n".join(said), offer_rows(context, offered) or None)
    return True


async def part_button(update: Update, context: BotContext) -> None:
    """ "🛑 Leave out overhead pulls for now": the caution told of the kind's body part, on the exercise
    standing for the kind (today's of its pattern, else one the chat can do, never one with a caution of its
    own), from today; the reply says what today's session leaves out, with ✅ It's fine now. Pressed again,
    or with the kind left out already, that it is."""
    query = update.callback_query
    assert query is not None
    texts = context.services.texts
    args = callbacks.unpack(query.data, PART, 1)
    if args is None or args[0] not in painpart.KINDS:
        await query.answer(texts["caution.stale"])
        return
    kind = next(one for one in painpart.KINDS if one == args[0])
    await query.answer()
    async with turn(update, context) as now_turn:
        chat = now_turn.chat
        if chat.kind != ChatType.PRIVATE or not chat.onboarded:
            now_turn.say(texts["caution.stale"])
            return
        every = await cautions.told(now_turn)
        told = cautions.in_force(every, now_turn.today)
        if _covered(context, kind, told):
            now_turn.say(texts[f"caution.part_already.{kind}"])
            return
        session = await todays_session(context, now_turn)
        exercise = _anchor(context, session, every, kind)
        if exercise is None:  # every move of the kind has a caution of its own: it is out already
            now_turn.say(texts[f"caution.part_already.{kind}"])
            return
        today = _today(context, session, told, kind, "caution.part_leaves", now_turn.today)
        await store.tell(
            now_turn.session,
            chat.id,
            exercise,
            now_turn.today,
            lower_back=kind == "lower-back",
            body_part=painpart.PART[kind],
            by_part=True,
        )
        now_turn.say(
            texts.get(f"caution.part_done.{kind}", today=today),
            cautions.fine_rows(context, [exercise], {**every, exercise: Told(now_turn.today, by_part=True)}),
        )


def _covered(context: BotContext, kind: Kind, told: Mapping[str, Told]) -> bool:
    """Whether the cautions in force leave out all that a caution of ``kind`` would (``painpart.covered``)."""
    catalog = context.services.catalog
    kept = [
        coach.keeps_out(ex, catalog, lower_back=one.lower_back, shoulder=one.body_part == coach.SHOULDER)
        for ex, one in told.items()
        if ex in catalog.exercises
    ]
    return painpart.covered(kind, kept, catalog)


def _anchor(context: BotContext, session: Session, taken: Collection[str], kind: Kind) -> str | None:
    """The exercise standing for ``kind`` in its caution (``painpart.anchor``): today's of its pattern, else
    one the chat can do, never one with a caution row of its own (``taken``: one in force would be lost,
    a cleared one's first session back would no longer be known)."""
    catalog = context.services.catalog
    return painpart.anchor(
        kind,
        catalog,
        planned=[item.exercise.id for item in session.exercises],
        usable=[ex.id for ex in catalog.exercises.values() if usable(ex, session.profile)],
        taken=taken,
    )


def _today(
    context: BotContext, session: Session, told: Mapping[str, Told], kind: Kind, key: str, day: date
) -> str:
    """What a caution of ``kind`` told on ``day`` leaves out of today's session beyond the cautions in
    force, and what comes in their place, as ``key``'s sentence (``part_would``: before it is told,
    ``part_leaves``: after) with its space before it; ``key`` + "_none" when it leaves nothing more out."""
    texts = context.services.texts
    # Which one stands for the kind changes nothing of what it keeps out: every one of its pattern does.
    standing = _anchor(context, session, told, kind)
    before = cautions.leave_out(context, session, told)
    after = before
    if standing is not None:
        one = Told(day, kind == "lower-back", None, painpart.PART[kind], by_part=True)
        after = cautions.leave_out(context, session, {**told, standing: one})
    gone = {item.exercise.id for item in before.items}
    out = [item for item in after.items if item.exercise.id not in gone]
    if not out:
        return " " + texts[key + "_none"]
    names = cautions.joined(texts, [cautions.plan_name(item.exercise.name) for item in out])
    had = {item.exercise.id for item in before.session.exercises}
    swaps = [new for new in (after.swap, *(new for _, new in after.back_swaps)) if new is not None]
    each = [
        texts.get("caution.part_swap", name=escape(cautions.plan_name(new.exercise.name)))
        for new in swaps
        if new.exercise.id not in had
    ]
    if not each:
        return " " + texts.get(key, names=names)
    return " " + texts.get(key + "_instead", names=names, swaps=cautions.joined(texts, each, escaped=True))
