"""A question about what the plan leaves out for a pain told ("is my shoulder still on the no list?", "what
are you leaving out for me at the moment?", "are face pulls still off?"): the cautions in force, a ⚠️ line and
a ✅ button each, rather than "I don't know that one" or the face pull's card.

The question is ``bot.coach.cautionasked``'s to read; the cautions are ``storage.cautions``' rows, named and
buttoned as /workout's ⚠️ lines are (``handlers.cautions``). Only a private chat's plan has cautions: a group's
session is everyone's. A new pain told in the same message ("what are you leaving out? my elbow is killing me
on rows") gets the safety-led answer, as "why no rows today?" leaves it (``handlers.cautions.why_left_out``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from telegram.constants import ChatType

from bot.coach import cautionasked
from bot.coach import cautions as coach
from bot.coach import painpart as coach_part
from bot.coach.answerer import Answer
from bot.coach.assist import Asker
from bot.coach.planner import Session
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers import cautions, cautions_fine
from bot.handlers.common import Turn
from bot.handlers.training_log import chat_weeks, planned, typed_names
from storage import repo
from storage.records import Told

# How many of the plan's coming sessions are read for the moves a caution keeps out of it: two weeks of the
# most a week holds, every rotation of a level's days.
AHEAD = 8


async def left_asked(context: BotContext, now_turn: Turn, answer: Answer) -> bool:
    """The reply to a question about what is left out (``cautionasked.read``): each caution in force, the
    ones it asks after first, with what else it keeps out of the plan and its ✅ button; an exercise, a kind
    of move or a body part it names that none keeps out said plainly first; nothing left out said so. False
    (nothing said) in a group, before set-up, for any other message, or with a new pain told beside it: the
    answerer's safety-led answer, which a pain named again ("is my shoulder still on the no list? it still
    hurts") gets too, and ``cautions.heed`` reads."""
    chat = now_turn.chat
    if chat.kind != ChatType.PRIVATE or not chat.onboarded:
        return False
    asked = cautionasked.read(answer.question, typed_names(context))
    if asked is None:
        return False
    if answer.safety:
        asker = Asker.from_values(chat.level, chat.equipment, chat.kit)
        if context.services.answerer.answer(asked.rest, asker).safety:
            return False
    texts, catalog, today = context.services.texts, context.services.catalog, now_turn.today
    told = {ex: one for ex, one in (await cautions.told(now_turn)).items() if ex in catalog.exercises}
    open_ = {ex: one for ex, one in told.items() if one.cleared_on is None and one.on <= today}
    # Cleared today, yet still out of today's session (its ⚠️ line stands): back tomorrow, not "in" now.
    waiting = [ex for ex, one in told.items() if cautions_fine.cleared_not_back(one, today)]
    asked_after = cautionasked.about(asked, _parts(open_), catalog)
    order = [*(asked_after or ()), *(ex for ex in open_ if ex not in (asked_after or ()))]
    lines = await _lines(context, now_turn, {ex: open_[ex] for ex in order}) if order else ""
    said: list[str] = []
    if asked_after == ():
        # It names what no caution in force keeps out: said plainly, before what is left out.
        back = list(cautionasked.about(asked, _parts({ex: told[ex] for ex in waiting}), catalog) or ())
        said.append(cautions_fine.cleared_today(context, back, told) if back else _free(context, asked))
        if order:
            said.append(f"{texts['caution.listed_also']}\n{lines}")
        elif not back:
            said[-1] += " " + texts["caution.listed_nothing_else"]
    elif not order:
        nothing = texts["caution.nothing_asked"]
        said.append(cautions_fine.cleared_today(context, waiting, told) if waiting else nothing)
    else:
        said.append(lines)
        if waiting and asked_after is None:
            said.append(cautions_fine.cleared_today(context, waiting, told))
    if order:
        said.append(texts["caution.listed_back_one" if len(order) == 1 else "caution.listed_back_many"])
    now_turn.say("\n\n".join(said), cautions.fine_rows(context, order, told) if order else None)
    return True


def _parts(told: Mapping[str, Told]) -> dict[str, str | None]:
    """Each caution's exercise, to the body part told ("lower back" for one told of the lower back)."""
    return {ex: "lower back" if one.lower_back else one.body_part for ex, one in told.items()}


async def _lines(context: BotContext, now_turn: Turn, told: Mapping[str, Told]) -> str:
    """A ⚠️ line for each caution of ``told``, in its order: the exercise told of as the plan names it, the day
    and the body part told, and the other moves of the plan's coming sessions it keeps out (``_kept``)."""
    texts, catalog = context.services.texts, context.services.catalog
    kept = _kept(context, await _coming(context, now_turn), told)
    lines = []
    for exercise, one in told.items():
        part = "lower back" if one.lower_back else one.body_part
        # Told of a part and a kind of move: named by the kind ("Overhead pulls"), its moves all listed.
        by_kind = one.by_part and coach_part.kind_of(one.by_part, one.lower_back, one.body_part) is not None
        name = cautions.caution_name(context, exercise, told) if by_kind else None
        values = {
            "name": escape(cautions.capital(name or cautions.plan_name(catalog.exercises[exercise].name))),
            "day": f"{one.on.day} {one.on:%b}",
            "part": escape(part or ""),
        }
        line = texts.get("caution.listed_part" if part else "caution.listed", **values)
        if kept[exercise]:
            names = [cautions.plan_name(catalog.exercises[ex].name) for ex in kept[exercise]]
            with_it = "caution.listed_moves" if by_kind else "caution.listed_with"
            line += " " + texts.get(with_it, names=cautions.joined(texts, names))
        lines.append(line)
    return "\n".join(lines)


async def _coming(context: BotContext, now_turn: Turn) -> list[Session]:
    """The plan's next ``AHEAD`` sessions from today's (the one /workout shows), by the chat's weeks."""
    chat = now_turn.chat
    done, logged_today = await repo.progress_on(now_turn.session, chat.id, now_turn.today)
    first = done if logged_today else done + 1
    weeks = await chat_weeks(now_turn)
    return [planned(context, chat, number, weeks) for number in range(first, first + AHEAD)]


def _kept(context: BotContext, sessions: Sequence[Session], told: Mapping[str, Told]) -> dict[str, list[str]]:
    """For each caution of ``told``, the other moves of ``sessions`` it keeps out, in the plan's order: its
    versions the plan has (the band face pull of a face pull told of at the gym), every pull from overhead
    for a shoulder told of on one, the moves working the lower back for a hinge or a lower back
    (``cautions.leave_out``, with that caution alone); the exercise itself too for one told of a kind of
    move (``Told.by_part``), which stands for the kind."""
    catalog = context.services.catalog
    kept: dict[str, list[str]] = {}
    for exercise, one in told.items():
        moves = kept.setdefault(exercise, [])
        lower_back = {exercise} if one.lower_back else set()
        shoulder = {exercise} if one.body_part == coach.SHOULDER else set()
        for session in sessions:
            left = coach.leave_out(session, {exercise}, catalog, lower_back=lower_back, shoulder=shoulder)
            for item in left.items:
                if (one.by_part or item.exercise.id != exercise) and item.exercise.id not in moves:
                    moves.append(item.exercise.id)
    return kept


def _free(context: BotContext, asked: cautionasked.Asked) -> str:
    """That the exercise, kind of move or body part ``asked`` names has nothing left out for it."""
    texts, catalog = context.services.texts, context.services.catalog
    if asked.named:
        return texts.get("caution.free_named", name=escape(catalog.exercises[asked.named[0]].short))
    if asked.kind is not None:
        return texts.get("caution.free_kind", kind=texts[f"caution.kinds.{asked.kind}"])
    return texts.get("caution.free_part", part=escape(asked.part or ""))
