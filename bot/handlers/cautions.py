"""A pain told to the coach carried into the plan: the exercise a safety-led answer names is cautioned, left
out of /workout, Done's As written and the reminder's preview, until "✅ It's fine now" is pressed (or typed:
``handlers.cautions_fine``).

What is left out and why is ``bot.coach.cautions``'s; the cautions are ``storage.cautions``' rows. Only a
private chat's pain is its plan's: a group's session is everyone's, and one member's back is not.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence
from datetime import date

from telegram.constants import ChatType

from bot import callbacks
from bot.coach import cautions, painpart, painwhen
from bot.coach.answerer import Answer
from bot.coach.ladders import usable
from bot.coach.planner import Prescribed, Session
from bot.coach.texts import Texts, escape
from bot.context import BotContext
from bot.handlers.common import Turn
from bot.handlers.training_log import todays_session, typed_names
from bot.keyboards import Buttons
from storage import cautions as store
from storage.records import Told

# The "✅ It's fine now" payload: "1:fine:<exercise id>" (ids are at most 40 characters).
FINE = "fine"


def fine_data(exercise: str) -> str:
    return callbacks.pack(FINE, exercise)


async def heed(context: BotContext, now_turn: Turn, answer: Answer) -> tuple[str, Buttons] | None:
    """Caution the exercise a safety-led answer's question names, from today: the answer's last line and
    its button. None (and nothing stored) for an answer not led by safety, or a message naming no exercise
    the chat can do ("my lower back hurts"); a pain told as long past and not said to hurt now
    (``painwhen.told_as_past``: "I had some pain in my lower back a few years ago") stores nothing either,
    its line saying the plan keeps the move."""
    chat = now_turn.chat
    if not answer.safety or chat.kind != ChatType.PRIVATE or not chat.onboarded:
        return None
    if not cautions.told_of_oneself(answer.question):
        return None
    session, exercise = await named_today(context, now_turn, answer.question)
    catalog = context.services.catalog
    if exercise is None:
        return None
    texts = context.services.texts
    # Named as her plan shows it, as the ⚠️ line will ("Romanian deadlift", not the "backpack RDL" a
    # trainee with dumbbells never saw).
    shown = next((item.exercise for item in session.exercises if item.exercise.id == exercise), None)
    name = plan_name((shown or catalog.exercises[exercise]).name)
    if painwhen.told_as_past(answer.question, now_turn.today.year):
        # "I had some pain in my lower back a few years ago. Is the deadlift safe for me?": history, not a
        # pain to train around; the plan keeps the move, and the trainee is told how to have it left out.
        return texts.get("caution.past", name=escape(name)), []
    lower_back = cautions.told_of_lower_back(answer.question)
    part = "lower back" if lower_back else cautions.body_part_told(answer.question)
    await store.tell(
        now_turn.session, chat.id, exercise, now_turn.today, lower_back=lower_back, body_part=part
    )
    line = texts.get("caution.told", name=escape(name))
    return line, [[(texts["caution.fine_button"], fine_data(exercise))]]


async def named_today(context: BotContext, now_turn: Turn, question: str) -> tuple[Session, str | None]:
    """Today's session and the exercise ``question`` names (``cautions.exercise_told``), of those the
    chat's place and kit allow, today's first."""
    session = await todays_session(context, now_turn)
    catalog = context.services.catalog
    return session, cautions.exercise_told(
        question,
        typed_names(context),
        planned=[item.exercise.id for item in session.exercises],
        usable={ex.id for ex in catalog.exercises.values() if usable(ex, session.profile)},
    )


async def why_left_out(context: BotContext, now_turn: Turn, answer: Answer) -> bool:
    """ "Why no rows today? the band row doesn't hurt at all", after /workout's ⚠️ line: that line again,
    with its ✅ button, and what stays (``cautions.asks_why_left_out``), rather than the row's card. False
    (nothing said) for a new pain (a safety-led answer, which ``heed`` reads) or nothing of today's session
    left out that the question names."""
    chat = now_turn.chat
    if answer.safety or chat.kind != ChatType.PRIVATE or not chat.onboarded:
        return False
    if not cautions.asks_why_missing(answer.question):
        return False
    force = in_force(await told(now_turn), now_turn.today)
    if not force:
        return False
    left = leave_out(context, await todays_session(context, now_turn), force)
    if not cautions.asks_why_left_out(answer.question, [item.exercise for item in left.items]):
        return False
    lines, rows = card(context, left, force)
    texts = context.services.texts
    now_turn.say(texts.get("caution.why_back" if left.back_moves else "caution.why", lines=lines), rows)
    return True


async def told(now_turn: Turn) -> dict[str, Told]:
    """The chat's cautions, cleared or not, in the order told: read once an update and passed along (what
    is left out, and a first session back after "It's fine now", ``comebacks.back_from_pain``)."""
    return await store.told(now_turn.session, now_turn.chat.id)


def in_force(told: Mapping[str, Told], day: date) -> dict[str, Told]:
    """The cautions of ``told`` in force on ``day`` (``Told.in_force``: a session done before the pain was
    told, or on a day after "It's fine now", is not rewritten; the day itself keeps it out), in the order
    told."""
    return {exercise: one for exercise, one in told.items() if one.in_force(day)}


def leave_out(context: BotContext, session: Session, told: Mapping[str, Told]) -> cautions.LeftOut:
    lower_back = {exercise for exercise, one in told.items() if one.lower_back}
    return cautions.leave_out(
        session, told, context.services.catalog, lower_back=lower_back, shoulder=shoulder(told)
    )


def shoulder(told: Mapping[str, Told]) -> frozenset[str]:
    """The cautions told of the shoulder (``cautions.overhead``: on an overhead pull, every one is out)."""
    return frozenset(exercise for exercise, one in told.items() if one.body_part == cautions.SHOULDER)


def card(
    context: BotContext, left: cautions.LeftOut, told: Mapping[str, Told], logged: Collection[str] = ()
) -> tuple[str, Buttons]:
    """/workout's lines for what was left out ("⚠️ Cable face pull left out: you told me it hurt on 4
    Dec…"), by the plan's names, one line for each caution, the moves working the lower back (bent over, or
    arched face down) said on the line of the caution that took them out, a pull swapped in for overhead
    pulls said on theirs; lines that would each say a main pattern is gone ("so no vertical pull today") are
    one line; a "fine now" button for each caution; ("", []) when nothing was left out. When the card is the
    rest of today's session, what is ``logged`` today is not said to be left out, and a main pattern is said
    gone ("so no rows today") only while nothing logged trains it: a band row logged is a row today."""
    catalog = context.services.catalog
    # A move logged today is not left out of it (the RDL done before the pain was told, that day).
    done = {catalog.exercises[ex].pattern for ex in logged if ex in catalog.exercises}
    left = dataclasses.replace(
        left,
        items=tuple(item for item in left.items if item.exercise.id not in logged),
        back_moves=tuple(item for item in left.back_moves if item.exercise.id not in logged),
        gone=tuple(pattern for pattern in left.gone if pattern not in done),
    )
    # The caution keeping each move out: its own, or one told of another version of it (a face pull told
    # of at the gym keeps the band face pull out at home), or a shoulder on an overhead pull.
    by_shoulder = shoulder(told)
    told_as = {
        item.exercise.id: cautions.told_of(item.exercise.id, told, catalog, by_shoulder)
        for item in left.items
    }
    groups: dict[str, list[Prescribed]] = {}
    for item in left.items:
        if (cause := told_as[item.exercise.id]) is not None:
            groups.setdefault(cause, []).append(item)
    # The moves left out only for working the lower back (a cautioned one has its own line).
    riding = [item for item in left.back_moves if told_as[item.exercise.id] is None]
    lines: list[str] = []
    causes = list(groups)
    for merged in _merged(left, groups, riding):
        lines.append(_line(context, left, told, merged, groups, riding, by_shoulder))
    if riding and left.cause is not None and left.cause not in groups:
        # Today's session has the moves working the lower back but not the lift told of: said on their own.
        lines.append(_back_moves_line(context, left, riding, told[left.cause], left.cause))
        causes.append(left.cause)
    # One cleared today still leaves its moves out of today's session, but there is nothing left to press.
    return "\n".join(lines), fine_rows(context, [ex for ex in causes if told[ex].cleared_on is None], told)


def fine_rows(context: BotContext, exercises: Sequence[str], told: Mapping[str, Told]) -> Buttons:
    """A "fine now" button for each caution of ``exercises``: "✅ It's fine now" for one, named for many."""
    if len(exercises) == 1:
        return [[(context.services.texts["caution.fine_button"], fine_data(exercises[0]))]]
    return which_rows(context, exercises, told)


def _merged(
    left: cautions.LeftOut, groups: Mapping[str, Sequence[Prescribed]], riding: Sequence[Prescribed]
) -> list[list[str]]:
    """The cautions of ``groups`` said on one line each, those whose moves (with the moves working the lower
    back riding on ``left.cause``'s) leave the same main pattern gone said on one: two lines each ending "so
    no vertical pull today" read as two warnings of one thing."""
    merged: list[list[str]] = []
    said: dict[str, list[str]] = {}
    for cause, items in groups.items():
        moves = [*items, *(riding if cause == left.cause else ())]
        gone = [pattern for pattern in left.gone if any(item.exercise.pattern == pattern for item in moves)]
        into = next((said[pattern] for pattern in gone if pattern in said), None)
        if into is None:
            into = []
            merged.append(into)
        into.append(cause)
        for pattern in gone:
            said.setdefault(pattern, into)
    return merged


def _line(
    context: BotContext,
    left: cautions.LeftOut,
    told: Mapping[str, Told],
    merged: Sequence[str],
    groups: Mapping[str, Sequence[Prescribed]],
    riding: Sequence[Prescribed],
    by_shoulder: Collection[str],
) -> str:
    """One ⚠️ line for the cautions ``merged``: ``caution.left_out`` with the moves each keeps out named as
    the plan names them, the moves working the lower back after them ("_with") where they ride along, "_none"
    where the main patterns they trained are gone from the day, and why each is out (``_why``)."""
    texts, catalog = context.services.texts, context.services.catalog
    items = [item for cause in merged for item in groups[cause]]
    with_it = list(riding) if left.cause in merged else []
    patterns = {item.exercise.pattern for item in [*items, *with_it]}
    none = [texts[f"caution.none.{pattern}"] for pattern in left.gone if pattern in patterns]
    why = [
        _why(context, cause, groups[cause], told[cause], len(merged) == 1, by_shoulder) for cause in merged
    ]
    swapped = left.swap is not None and any(
        cautions.overhead(cause, catalog, by_shoulder) for cause in merged
    )
    values = {
        "name": capital(joined(texts, [plan_name(item.exercise.name) for item in items])),
        "bent": joined(texts, [plan_name(item.exercise.name) for item in with_it]),
        "loads": _loads(context, with_it),
        "none": joined(texts, none),
        "told": joined(texts, why, escaped=True),
        "instead": "",
    }
    if swapped and left.swap is not None:
        # The texts' values are stripped: the sentence's space is added here.
        values["instead"] = " " + texts.get(
            "caution.instead_one" if len(items) == 1 else "caution.instead_many",
            swap=escape(plan_name(left.swap.exercise.name)),
        )
    values["instead"] += _back_instead(context, left, [*items, *with_it])
    key = "caution.left_out" + ("_with" if with_it else "") + ("_none" if none else "")
    return texts.get(key, **values)


def _back_instead(context: BotContext, left: cautions.LeftOut, items: Sequence[Prescribed]) -> str:
    """What comes in the place of the moves of ``items`` left out for working the lower back (``LeftOut.
    back_swaps``), as a sentence with its space before it; "" when nothing does."""
    texts = context.services.texts
    swaps = [(out, new) for out, new in left.back_swaps if any(out is item for item in items)]
    if not swaps:
        return ""
    said = {
        "swap": escape(plan_name(swaps[0][1].exercise.name)),
        "out": escape(plan_name(swaps[0][0].exercise.name)),
    }
    if len(swaps) > 1:
        each = [
            texts.get(
                "caution.instead_back_for",
                swap=plan_name(new.exercise.name),
                out=plan_name(out.exercise.name),
            )
            for out, new in swaps
        ]
        said = {"swaps": joined(texts, each)}
    key = "caution.instead_back_one" if len(swaps) == 1 else "caution.instead_back_many"
    return " " + texts.get(key, **said)


def _why(
    context: BotContext,
    cause: str,
    items: Sequence[Prescribed],
    one: Told,
    alone: bool,
    shoulder: Collection[str],
) -> str:
    """Why ``cause``'s moves are out: told of it ("you told me it hurt on 4 Dec", naming it on a line of
    several), told of another version of it ("it's the same movement as the face pull you told me hurt…"),
    or pulls from overhead a shoulder told of on one keeps out; told of the body part and a kind of move
    (``Told.by_part``), the part ("you told me your lower back hurt on 4 Dec", "… the shoulder you told me
    hurt overhead …"), never the exercise standing for the kind."""
    texts, catalog = context.services.texts, context.services.catalog
    day = one.on
    values = {"day": f"{day.day} {day:%b}", "cause": escape(plan_name(catalog.exercises[cause].name))}
    ids = {item.exercise.id for item in items}
    kind = painpart.kind_of(one.by_part, one.lower_back, one.body_part)
    if kind == "lower-back":
        return texts.get("caution.told_part_back", **values)
    if kind == "overhead":
        hung = "_hung" if any(item.exercise.hangs for item in items) else ""
        return texts.get(f"caution.told_part_overhead{hung}" + ("_one" if len(items) == 1 else ""), **values)
    if not ids <= cautions.versions(cause, catalog) and cautions.overhead(cause, catalog, shoulder):
        # A scapular pull-up hangs from the bar rather than pulls from it.
        hung = "_hung" if any(item.exercise.hangs for item in items) else ""
        return texts.get(f"caution.told_overhead{hung}" + ("_one" if len(items) == 1 else ""), **values)
    if ids == {cause}:
        return texts.get("caution.told_it" if alone else "caution.told_named", **values)
    if cause not in ids:
        return texts.get("caution.told_version" if len(items) == 1 else "caution.told_versions", **values)
    return texts.get("caution.told_named", **values)


def _back_moves_line(
    context: BotContext, left: cautions.LeftOut, items: Sequence[Prescribed], one: Told, cause: str
) -> str:
    """``caution.back_moves``: the moves working the lower back on a day whose session has not the lift told
    of (``cause``), "_none" where the main patterns they trained are gone from the day; "back_moves_part"
    for a lower back told with no lift (``Told.by_part``)."""
    texts, catalog = context.services.texts, context.services.catalog
    day = one.on
    patterns = {item.exercise.pattern for item in items}
    none = [texts[f"caution.none.{pattern}"] for pattern in left.gone if pattern in patterns]
    values = {
        "bent": capital(joined(texts, [plan_name(item.exercise.name) for item in items])),
        "loads": _loads(context, items),
        "none": joined(texts, none),
        "day": f"{day.day} {day:%b}",
        "cause": escape(plan_name(catalog.exercises[cause].name)),
        "instead": _back_instead(context, left, items),
    }
    key = "caution.back_moves" + ("_part" if one.by_part else "") + ("_none" if none else "")
    return texts.get(key, **values)


def _loads(context: BotContext, riders: Sequence[Prescribed]) -> str:
    """Why moves working the lower back are out: how they are done (bent over at the hips, arched face
    down) and that they load the lower back, "it" for one and "they" for several."""
    texts = context.services.texts
    bent = any(item.exercise.bent_over for item in riders)
    arched = any(item.exercise.back_extension for item in riders)
    how = texts[f"caution.how_{'both' if bent and arched else 'bent' if bent else 'arched'}"]
    return texts.get("caution.loads_one" if len(riders) == 1 else "caution.loads_many", how=how)


# A name's first word that keeps its capital inside a sentence: a place's or a person's.
PROPER = frozenset(("Romanian", "Pendlay"))


def plan_name(name: str) -> str:
    """A plan's name as a ⚠️ line says it inside a sentence: "Band-assisted pull-up" is "band-assisted
    pull-up", as /workout's superset line has it ("Y-T-W raises", all capitals, stays); what it is done
    with, or how, is the card's ("Romanian deadlift with a loaded backpack or dumbbells" is the "Romanian
    deadlift" its heading opens with, "Negative pull-up (slow lowering)" the "negative pull-up")."""
    name = name.split(" with ", 1)[0].split(" (", 1)[0]
    first = name.split(" ", 1)[0]
    return name[:1].lower() + name[1:] if name[1:2].islower() and first not in PROPER else name


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def joined(texts: Texts, parts: Sequence[str], *, escaped: bool = False) -> str:
    """ "a", "a and b", "a, b and c" (names escaped here, unless ``escaped`` already)."""
    shown = list(parts) if escaped else [escape(part) for part in parts]
    if len(shown) < 2:
        return "".join(shown)
    return f"{', '.join(shown[:-1])} {texts['caution.and']} {shown[-1]}"


def which_rows(context: BotContext, exercises: Sequence[str], told: Mapping[str, Told]) -> Buttons:
    """A "✅ {name}: fine now" button for each caution of ``exercises``, named (``caution_name``)."""
    texts, catalog = context.services.texts, context.services.catalog
    names = [caution_name(context, ex, told) for ex in exercises]
    # Two alike as the plan names them (two Romanian deadlifts) are told apart by their full names.
    return [
        [
            (
                texts.get(
                    "caution.fine_button_named",
                    name=capital(name if names.count(name) == 1 else catalog.exercises[ex].name),
                ),
                fine_data(ex),
            )
        ]
        for ex, name in zip(exercises, names, strict=True)
    ]


def caution_name(context: BotContext, exercise: str, told: Mapping[str, Told]) -> str:
    """How the coach names the caution on ``exercise`` in a sentence: as the plan and its ⚠️ line name the
    move ("face pull", ``plan_name``), or, told of a body part and a kind of move (``Told.by_part``), the kind
    ("overhead pulls")."""
    one = told.get(exercise)
    kind = None if one is None else painpart.kind_of(one.by_part, one.lower_back, one.body_part)
    if kind is not None:
        return context.services.texts[f"caution.part_name.{kind}"]
    return plan_name(context.services.catalog.exercises[exercise].name)


def plural(exercises: Sequence[str], told: Mapping[str, Told]) -> bool:
    """Whether the cautions on ``exercises`` are named as many ("are back"): several, or a kind of move."""
    return len(exercises) > 1 or any((one := told.get(ex)) is not None and one.by_part for ex in exercises)
