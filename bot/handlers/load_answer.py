"""The answer to a load ``first_load.ask`` asked, in a private chat: a number logs the lift at it and asks
the next one's, ⏭ Skip (or "skip" typed) leaves the lift unlogged and asks the next, a plainly failed try
(an emoji, "abc", 0, 100000) is told what the question takes and the chat keeps waiting. Several loads in
one message answer the lifts asked from this one on, in order (``several_loads``), and loads told in words
("about 45 I think", "40 on the rows and 55 on the pulldown") each the lift it names, the rest in order
(``loadwords``). A message the question answerer would only decline as off-topic is told it was not read
and how to answer, and the wait goes on (a trial's "24kg dumbbell, pec deck was 35" was declined and the
question dropped); a question, a greeting, a request or a pain is read as it would be and the question
asked again after it, the wait going on; a command, sets told, "it's fine now" or a request to log or take
back end it (``load_aside``). A message asking that reads as nothing but a load ("20 kilos?") is the answer,
said so; a load then a question ("2 kilo ones, is that normal?") is both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from telegram import Update

from bot import callbacks
from bot.coach import loadanswer, loadwords
from bot.coach.loadanswer import Answer, Kind
from bot.coach.model import SetDone
from bot.coach.progression import in_unit
from bot.coach.sessionlog import Target
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers import faq, first_load, load_aside
from bot.handlers import load_elsewhere as elsewhere
from bot.handlers.common import Turn, turn
from bot.handlers.kin_jump import kin_jump
from bot.handlers.load_waited import Waited, waited
from bot.handlers.log_command import day_named
from bot.handlers.training_log import (
    Typed,
    describe_sets,
    level_up_offer,
    log_and_score,
    member,
    typed_names,
)
from bot.handlers.undo import LAST_BATCH, undo_data

# How much of a message not read as a load is quoted back in the reply that says so.
SAID_CHARS = 60
# Buttons built up row by row (``bot.keyboards.Buttons`` is the read-only shape they are passed as).
Rows = list[list[tuple[str, str]]]


async def typed_load(context: BotContext, now_turn: Turn, update: Update, text: str) -> bool:
    """A message sent while a load is asked for; False (the chat no longer waiting) when it is left to be
    read as usual: a command, sets told, "it's fine now" (``load_aside``), or nothing left to ask. A
    question, small talk, a request or a pain is answered here, then the question asked again, unless it
    asks to log or take back (answered, and the wait ended: a question then names the lifts left
    unlogged). Anything else is a try at the answer: read as loads, or told what was not understood and how
    to answer, and the wait goes on."""
    chat, texts = now_turn.chat, context.services.texts
    answer = loadanswer.read_answer(text)
    several = loadanswer.read_answers(text)
    found = await waited(context, now_turn, member(update, chat)[0])
    if found is None:
        chat.awaiting = None
        return False
    if several is not None:
        await several_loads(context, now_turn, update, found, several)
        return True
    if await _answered_asking(context, now_turn, update, found, text):
        return True
    if answer is None or answer.kind == Kind.NOT_A_LOAD:
        asked = [_ids(found.targets[at]) for at in found.asked]
        told = loadwords.read_told(text, asked, typed_names(context))
        if (told is None or isinstance(told, loadwords.Unasked)) and await elsewhere.fixed(
            context, now_turn, update, text
        ):
            await _ask_again(context, now_turn, update, found)
            return True
        if isinstance(told, loadwords.Unasked):
            lead = texts.get("log.load_not_asked", said=_quoted(told.said))
            lead += await elsewhere.logged_today(context, now_turn, update, told)
            now_turn.say(*_waiting(context, now_turn, found, lead))
            return True
        if isinstance(told, loadwords.Unclear):
            now_turn.say(*_unclear(context, now_turn, found, told))
            return True
        if told is not None:
            await _told_loads(context, now_turn, update, found, told, text)
            return True
    if answer is None:
        aside = load_aside.read(context, now_turn, text)
        if aside is None:
            now_turn.say(*_not_read(context, now_turn, found, "log.load_not_read", text))
            return True
        if not aside.keeps:
            chat.awaiting = None
            if aside.answer is None:
                return False
        # Answered here with the answer taken to decide, so the message is answered once.
        await faq.queue_answer(context, now_turn, text, answer=aside.answer)
        if aside.keeps:
            await _ask_again(context, now_turn, update, found)
        elif loadanswer.asks(text):
            now_turn.say(_left(context, now_turn, found))
        return True
    await _one_answer(context, now_turn, update, found, answer)
    return True


Read = Answer | list[Answer] | list[loadwords.Told]


async def _answered_asking(
    context: BotContext, now_turn: Turn, update: Update, found: Waited, text: str
) -> bool:
    """Whether a message that asks something answered the load all the same, and was logged: a hesitant
    answer ("20 kilos?", "just the empty bar I think, 20 kilos?"), said to be read as the answer, or a load
    told then a question ("just the 2 kilo ones, my right shoulder clicks a bit on that one, is that
    normal?"), the question answered and the load logged after it, the next lift's question last."""
    if text.lstrip().startswith("/") or not loadanswer.asks(text):
        return False
    hedged = loadanswer.unmarked(text)
    read = _loads_in(context, found, hedged) if hedged else None
    if read is not None:
        await _log_read(context, now_turn, update, found, read, text, hedged=True)
        return True
    for said, rest in loadanswer.split_question(text):
        read = _loads_in(context, found, said)
        if read is not None:
            await faq.queue_answer(context, now_turn, rest)
            await _log_read(context, now_turn, update, found, read, said)
            return True
    return False


def _loads_in(context: BotContext, found: Waited, text: str) -> Read | None:
    """The loads a message tells and nothing else: one, several in order, or told in words; None for a
    message that is no such answer (a skip alone, a failed try, anything else)."""
    several = loadanswer.read_answers(text)
    if several is not None:
        return several
    answer = loadanswer.read_answer(text)
    if answer is not None and answer.kind in (Kind.LOAD, Kind.SAME):
        return answer
    asked = [_ids(found.targets[at]) for at in found.asked]
    told = loadwords.read_told(text, asked, typed_names(context))
    return told if isinstance(told, list) else None


async def _log_read(
    context: BotContext,
    now_turn: Turn,
    update: Update,
    found: Waited,
    read: Read,
    text: str,
    *,
    hedged: bool = False,
) -> None:
    if isinstance(read, Answer):
        await _one_answer(context, now_turn, update, found, read, hedged=hedged)
    elif read and isinstance(read[0], loadwords.Told):
        told = [one for one in read if isinstance(one, loadwords.Told)]
        await _told_loads(context, now_turn, update, found, told, text, hedged=hedged)
    else:
        answers = [one for one in read if isinstance(one, Answer)]
        await several_loads(context, now_turn, update, found, answers, hedged=hedged)


def _left(context: BotContext, now_turn: Turn, found: Waited, places: Sequence[int] | None = None) -> str:
    """The lifts asked (at ``places`` only, when given) that a message ending the wait left unlogged (a
    question about logging, a pain that left them out of the plan), and the /log that logs the first."""
    questions = [
        first_load.Question(context, found.day, found.targets, found.shift_of, at)
        for at in (found.asked if places is None else places)
    ]
    names = ", ".join(escape(q.name) for q in questions)
    line = escape(questions[0].log_line(now_turn.chat.unit))
    return context.services.texts.get("log.load_left", names=names, line=line)


async def _one_answer(
    context: BotContext,
    now_turn: Turn,
    update: Update,
    found: Waited,
    answer: Answer,
    *,
    hedged: bool = False,
) -> None:
    """The lift asked now answered: skipped, told what the question takes, or logged."""
    question = first_load.Question(context, found.day, found.targets, found.shift_of, found.asked[0])
    if answer.kind == Kind.SKIP:
        text, buttons = _skipped(context, now_turn, update, found)
        now_turn.say(text, buttons)
        return
    said = _as_told(context, now_turn, found, question, answer)
    if said is None:
        return
    answer = said
    each = loadanswer.held_each(question.exercise, answer) if answer.kind == Kind.LOAD else False
    if answer.kind == Kind.NOT_A_LOAD or each is None:
        hint = question.hint(context, now_turn.chat.unit)
        reply = context.services.texts.get("log.not_a_load", **hint)
        now_turn.say(reply, [[question.skip_button(context)]])
        return
    await _log_typed(context, now_turn, update, found, question, answer, each=bool(each), hedged=hedged)


async def _told_loads(
    context: BotContext,
    now_turn: Turn,
    update: Update,
    found: Waited,
    told: list[loadwords.Told],
    text: str,
    *,
    hedged: bool = False,
) -> None:
    """Loads told in words ("40 on the rows and 55 on the pulldown", "about 45 I think"): each named one
    on its lift, the rest in the order asked; one for the lift asked now is answered as if typed alone."""
    if len(told) > len(found.asked):
        await several_loads(context, now_turn, update, found, [one.answer for one in told], hedged=hedged)
        return
    answers = loadwords.placed(told, len(found.asked))
    if answers is None:
        now_turn.say(*_not_read(context, now_turn, found, "log.load_not_read", text))
        return
    if len(told) == 1 and answers[0] is not None:
        await _one_answer(context, now_turn, update, found, answers[0], hedged=hedged)
        return
    await several_loads(context, now_turn, update, found, answers, hedged=hedged)


def _ids(target: Target) -> tuple[str, ...]:
    """The exercises a lift asked may be named by: the one planned and the one done in its place."""
    return tuple(dict.fromkeys((target.prescription.exercise, target.planned)))


async def _ask_again(context: BotContext, now_turn: Turn, update: Update, before: Waited) -> None:
    """The question still waiting, asked again with its ⏭ Skip after the reply to a message beside it: the
    same question, whose buttons (the first time's too) and answer still log to its day. Read again, as
    the reply may have left lifts out of the plan (a pain): those are named with their /log."""
    found = await waited(context, now_turn, member(update, now_turn.chat)[0])
    still = set() if found is None else {found.targets[at].planned for at in found.asked}
    gone = [at for at in before.asked if before.targets[at].planned not in still]
    if gone:
        now_turn.say(_left(context, now_turn, before, gone))
    if found is None:
        now_turn.chat.awaiting = None
        return
    question = first_load.Question(context, found.day, found.targets, found.shift_of, found.asked[0])
    more = len(found.asked) - 1
    asked, asking = first_load.ask(context, now_turn, update, question, found.main_shifts, more)
    now_turn.say(asked, [asking])


def _not_read(context: BotContext, now_turn: Turn, found: Waited, key: str, said: str) -> tuple[str, Rows]:
    """A message read as no load while one is asked: what was not understood (``key``, quoting ``said``),
    how to answer (``_waiting``) and the question still waiting with its ⏭ Skip."""
    return _waiting(context, now_turn, found, context.services.texts.get(key, said=_quoted(said)))


def _quoted(said: str) -> str:
    said = " ".join(said.split())
    return escape(said if len(said) <= SAID_CHARS else said[: SAID_CHARS - 1].rstrip() + "…")


def _unclear(context: BotContext, now_turn: Turn, found: Waited, told: loadwords.Unclear) -> tuple[str, Rows]:
    """A name that fits several lifts asked, none best: which lifts it could be, how to name one."""
    texts = context.services.texts
    could = [
        first_load.Question(context, found.day, found.targets, found.shift_of, found.asked[at])
        for at in told.lifts
    ]
    lead = texts.get(
        "log.load_unclear",
        said=_quoted(told.said),
        lifts=f" {texts['errors.or']} ".join(f"<b>{escape(q.name)}</b>" for q in could),
        load=could[0].example(now_turn.chat.unit),
        lift=escape(could[0].exercise.short.casefold()),
    )
    return _waiting(context, now_turn, found, lead)


def _no_last(
    context: BotContext, now_turn: Turn, found: Waited, question: first_load.Question
) -> tuple[str, Rows]:
    """ "Same" said of a lift with no load logged before it to go by."""
    lead = context.services.texts.get("log.load_no_last", name=escape(question.name))
    return _waiting(context, now_turn, found, lead)


def _as_told(
    context: BotContext, now_turn: Turn, found: Waited, question: first_load.Question, answer: Answer
) -> Answer | None:
    """``answer``, or for "same" the lift's last load; None, with the reason said, when it has none."""
    if answer.kind != Kind.SAME:
        return answer
    last = _last_load(question)
    if last is None:
        now_turn.say(*_no_last(context, now_turn, found, question))
    return last


def _last_load(question: first_load.Question) -> Answer | None:
    """The load the lift asked was logged at last time, as if typed: each hand's where it was told so
    (``SetDone.each_hand`` holds the total of the two). Last time on any kind of day: a volume day's first
    row has no like-for-like session, yet "same as last time" means the heavy day's load."""
    target = question.target
    done = next((done for done in reversed(target.last or target.latest) if done.load), None)
    if done is None or done.load is None:
        return None
    load = done.load / 2 if done.each_hand else done.load
    return Answer(Kind.LOAD, load, None, f"{load:g}", done.each_hand)


def _waiting(context: BotContext, now_turn: Turn, found: Waited, lead: str) -> tuple[str, Rows]:
    """``lead``, then how to answer (one load, or all of them in order), and the question still waiting
    with its ⏭ Skip."""
    texts, unit = context.services.texts, now_turn.chat.unit
    questions = [
        first_load.Question(context, found.day, found.targets, found.shift_of, at) for at in found.asked
    ]
    hint = questions[0].hint(context, unit)
    reply = lead + " " + texts.get("log.load_how", **hint)
    if len(questions) > 1:
        names = ", ".join(escape(q.name) for q in questions)
        examples = ", ".join(q.example(unit) for q in questions)
        # A lift named by the words it is known by: the reply's own example must read as an answer.
        second = questions[1]
        lift = escape(second.exercise.short.casefold())
        reply += " " + texts.get(
            "log.load_not_read_all",
            n=len(questions),
            names=names,
            examples=examples,
            load=second.example(unit),
            lift=lift,
        )
    return reply, [[questions[0].skip_button(context)]]


async def _log_typed(
    context: BotContext,
    now_turn: Turn,
    update: Update,
    found: Waited,
    question: first_load.Question,
    answer: Answer,
    *,
    each: bool,
    hedged: bool = False,
) -> None:
    chat, texts = now_turn.chat, context.services.texts
    unit = answer.unit or chat.unit
    load = in_unit(answer.amount, unit, chat.unit)
    # One dumbbell's weight stops at the heaviest dumbbells made ("325" was 32.5), anything else at /log's.
    if load is None or not 0 < load <= loadanswer.heaviest_logged(
        question.exercise, chat.unit, each_hand=each
    ):
        hint = question.hint(context, chat.unit) | {"unit": unit}
        most = f"{loadanswer.heaviest_logged(question.exercise, unit, each_hand=each):g}"
        reply = texts.get("log.bad_typed_load", load=answer.typed, most=most, **hint)
        now_turn.say(reply, [[question.skip_button(context)]])
        return
    user = member(update, chat)
    day = found.day
    # A dumbbell in each hand: the load is each hand's, said and noted as /log's "each arm 40kg" is.
    note = texts["log.each_hand"] if each else None
    logged = [(question.target.prescription.exercise, [replace(done, load=load) for done in question.sets])]
    # Stored as typed: "225 lb" in a kg chat stays 225 lb, shown as typed once the chat is in lb.
    typed = [(unit, [answer.amount] * len(question.sets))]
    exercise, sets = logged[0]
    kin = await kin_jump(context, now_turn, user[0], exercise, sets, today=day == now_turn.today)
    lines = await log_and_score(context, now_turn, day, user, logged, notes=[note], typed=typed)
    lines += [kin] if kin else []
    described = describe_sets(context, chat, logged).lstrip("• ") + (f" {note}" if note else "")
    if day == now_turn.today:
        head = texts.get("log.logged", sets=described)
    else:
        head = texts.get("log.logged_day", sets=described, day=day_named(context, day, now_turn.today))
    parts = [head, *_hedge(context, hedged), *lines]
    chat.awaiting = None
    following = found.asked[1:]
    buttons: Rows = [[(texts["log.undo_button"], undo_data(day, now_turn.today, LAST_BATCH, now_turn.now))]]
    if following:
        after = first_load.Question(context, day, found.targets, found.shift_of, following[0])
        asked, asking = first_load.ask(
            context, now_turn, update, after, found.main_shifts, len(following) - 1
        )
        parts.append("\n" + asked)
        buttons.append(asking)
    now_turn.say("\n".join(parts), buttons)
    await level_up_offer(context, now_turn, user[0])


def _hedge(context: BotContext, hedged: bool) -> list[str]:
    """The line that says a message asking was read as the answer, and how to take it back."""
    return [context.services.texts["log.load_hedged"]] if hedged else []


async def several_loads(
    context: BotContext,
    now_turn: Turn,
    update: Update,
    found: Waited,
    answers: Sequence[Answer | None],
    *,
    hedged: bool = False,
) -> None:
    """Loads typed in one message ("16, 40, skip, 6"), one for each lift asked from the one asked now, in
    order (None for a lift not answered: a message naming the lifts it tells may leave some out): all of
    them logged at once (one Undo takes them back), a skip leaving its lift unlogged, and the first lift
    not answered left asked. A part that is no load its lift can take logs nothing; the chat keeps
    waiting."""
    chat, texts = now_turn.chat, context.services.texts
    questions = [
        first_load.Question(context, found.day, found.targets, found.shift_of, at) for at in found.asked
    ]
    retry: Rows = [[questions[0].skip_button(context)]]
    if len(answers) > len(questions):
        named = ", ".join(escape(q.name) for q in questions)
        lifts = texts["log.lift" if len(questions) == 1 else "log.lifts"]
        reply = texts.get(
            "log.too_many_loads", asked=len(questions), lifts=lifts, sent=len(answers), names=named
        )
        now_turn.say(reply, retry)
        return
    logged: list[tuple[str, list[SetDone]]] = []
    notes: list[str | None] = []
    typed: list[Typed | None] = []
    skipped: list[first_load.Question] = []
    told = [(answer, question) for answer, question in zip(answers, questions, strict=False) if answer]
    for n, (answer, question) in enumerate(told, start=1):
        if answer.kind == Kind.SKIP:
            skipped.append(question)
            continue
        said = _as_told(context, now_turn, found, question, answer)
        if said is None:
            return
        answer = said
        unit = answer.unit or chat.unit
        each = loadanswer.held_each(question.exercise, answer) if answer.kind == Kind.LOAD else None
        load = in_unit(answer.amount, unit, chat.unit) if each is not None else None
        most = loadanswer.heaviest_logged(question.exercise, chat.unit, each_hand=bool(each))
        if load is None or not 0 < load <= most:
            hint = question.hint(context, chat.unit)
            reply = texts.get("log.load_in_list", n=n, most=f"{most:g}", **hint)
            now_turn.say(reply, retry)
            return
        logged.append((question.target.prescription.exercise, [replace(d, load=load) for d in question.sets]))
        notes.append(texts["log.each_hand"] if each else None)
        typed.append((unit, [answer.amount] * len(question.sets)))
    user, day = member(update, chat), found.day
    kins = [
        await kin_jump(context, now_turn, user[0], ex, sets, today=day == now_turn.today)
        for ex, sets in logged
    ]
    lines = await log_and_score(context, now_turn, day, user, logged, notes=notes, typed=typed)
    lines += [kin for kin in kins if kin]
    described = "\n".join(
        describe_sets(context, chat, [entry]) + (f" {note}" if note else "")
        for entry, note in zip(logged, notes, strict=True)
    )
    if day == now_turn.today:
        parts = [texts.get("log.logged_many", sets=described)]
    else:
        parts = [
            texts.get("log.logged_many_day", sets=described, day=day_named(context, day, now_turn.today))
        ]
    parts.extend([*_hedge(context, hedged), *lines])
    if skipped:
        them = texts["log.it" if len(skipped) == 1 else "log.them"]
        parts.append(
            texts.get("log.loads_skipped", names=", ".join(escape(q.name) for q in skipped), them=them)
        )
    chat.awaiting = None
    buttons: Rows = [[(texts["log.undo_button"], undo_data(day, now_turn.today, LAST_BATCH, now_turn.now))]]
    following = [q for at, q in enumerate(questions) if at >= len(answers) or answers[at] is None]
    if following:
        more = len(following) - 1
        asked, asking = first_load.ask(context, now_turn, update, following[0], found.main_shifts, more)
        parts.append("\n" + asked)
        buttons.append(asking)
    now_turn.say("\n".join(parts), buttons)
    await level_up_offer(context, now_turn, user[0])


def _skipped(context: BotContext, now_turn: Turn, update: Update, found: Waited) -> tuple[str, Rows]:
    """Leave the lift asked now unlogged and ask the next one's load, if any is left."""
    chat, texts = now_turn.chat, context.services.texts
    question = first_load.Question(context, found.day, found.targets, found.shift_of, found.asked[0])
    line = escape(question.log_line(chat.unit))
    parts = [texts.get("log.load_skipped", name=escape(question.name), line=line)]
    chat.awaiting = None
    buttons: Rows = []
    if len(found.asked) > 1:
        after = first_load.Question(context, found.day, found.targets, found.shift_of, found.asked[1])
        more = len(found.asked) - 2
        asked, asking = first_load.ask(context, now_turn, update, after, found.main_shifts, more)
        parts.append(asked)
        buttons.append(asking)
    return "\n\n".join(parts), buttons


async def skip_button(update: Update, context: BotContext) -> None:
    """⏭ Skip under a question: skips that lift when it is still the one asked, else says it is done."""
    query = update.callback_query
    assert query is not None
    texts = context.services.texts
    args = callbacks.unpack(query.data, first_load.SKIP, 2)
    day = callbacks.unpack_day(args[0]) if args is not None else None
    if args is None or day is None or not args[1].isascii() or not args[1].isdigit():
        await query.answer(texts["errors.stale_button"])
        return
    toast = ""
    async with turn(update, context) as now_turn:
        found = await waited(context, now_turn, member(update, now_turn.chat)[0])
        if found is None or found.day != day or found.asked[0] != int(args[1]):
            toast = texts["log.skip_stale"]
        else:
            now_turn.say(*_skipped(context, now_turn, update, found))
    await query.answer(toast or None)
