"""Questions in plain words: free text in private chats, /ask anywhere, mentions in groups, /faq."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from telegram import Message, MessageEntity, Update
from telegram.constants import ChatType
from telegram.ext import CommandHandler

from bot import callbacks
from bot.coach import (
    agefit,
    asked,
    asking,
    correction,
    durations,
    logday,
    logtold,
    scheduleasked,
    sessionlog,
    shortened,
)
from bot.coach.answerer import Answer
from bot.coach.assist import COMMANDS, Asker
from bot.coach.finenow import tells_fine, tells_over
from bot.coach.planner import Session
from bot.coach.texts import escape
from bot.coach.unitstep import read_step
from bot.context import BotContext
from bot.handlers import cautions, cautions_asked, cautions_fine, cautions_part, swap, told_log
from bot.handlers import correction as corrections
from bot.handlers import removal as removals
from bot.handlers.common import Turn, reply, turn
from bot.handlers.log_command import barbell_ids, day_named, helped_ids
from bot.handlers.reminders import MAX_PAUSE_DAYS, held_pause, next_workout_reminder, pause_button
from bot.handlers.training_log import hold_ids, loaded_ids, main_lifts, todays_session, typed_names
from bot.keyboards import Buttons
from scheduler.planning import days_from_mask
from storage import logbook

# A /log line a button may carry: what ``logtold`` writes ("pull up 8,7,6 20kg", "deadlift 1x3 200kg; lat
# pulldown 3x8 75kg"), short enough for Telegram's 64-byte button data with its "1:cmd:log:" (and no more
# than the trainee could type after /log).
_LOG_LINE = re.compile(r"[a-z0-9 .,;-]{3,54}")
# How many of the member's latest sessions say which of several lifts a name told was logged last.
RECENT = 6
# A long story is welcome (the answerer reads its opening, its questions and its end); past this it is
# more likely a paste than a question.
MAX_QUESTION = 2500


def topic_buttons(context: BotContext, topic_ids: tuple[str, ...]) -> Buttons:
    topics = context.services.knowledge.topics
    return [[(topics[tid].title, callbacks.pack("topic", tid))] for tid in topic_ids if tid in topics]


async def queue_answer(
    context: BotContext,
    now_turn: Turn,
    text: str,
    user_id: int | None = None,
    answer: Answer | None = None,
) -> str | None:
    """Queue the coach's answer to a question on the update's turn (a question counts as interaction); the
    command the answer points to, if it does. ``user_id`` is the member who sent it (in a private chat,
    the chat's own id, the default); ``answer`` the answerer's to ``text`` when the caller took it already
    (the load wait, to decide whether the wait goes on), so a message is answered once."""
    if len(text) > MAX_QUESTION:
        now_turn.say(context.services.texts["errors.too_long"])
        return None
    chat = now_turn.chat
    if answer is None:
        answer = context.services.answerer.answer(
            text, Asker.from_values(chat.level, chat.equipment, chat.kit)
        )
    # "It's fine now" typed, or "my back does not hurt now. It was 5 years ago": what the button does (only
    # a private chat's plan has cautions).
    fine = chat.kind == ChatType.PRIVATE and chat.onboarded and tells_fine(text)
    over = chat.kind == ChatType.PRIVATE and chat.onboarded and not fine and tells_over(text)
    if (fine or over) and await cautions_fine.fine_told(context, now_turn, text, answer, over=over):
        return None
    # "Why no rows today?" after /workout's ⚠️ line: that line again, not the row's card.
    if await cautions.why_left_out(context, now_turn, answer):
        return None
    # "Is my shoulder still on the no list?", "are face pulls still off?": the cautions in force, read before
    # the answer is given (the face pull's card, a decline, or the safety lead "injury list" sets off).
    if await cautions_asked.left_asked(context, now_turn, answer):
        return None
    # "Can you adjust today's workout so it doesn't stress my shoulder? no overhead pulling": the moves that
    # load it offered to be left out, with a button to confirm, rather than the /workout pointer.
    if await cautions_part.asked(context, now_turn, answer):
        return None
    # "I hate face pulls, can I do something else?", "swap the lat pulldown, the machine is always taken":
    # moves of the same pattern offered in its place, not the face pull's card.
    if await swap.typed(context, now_turn, text, answer):
        return None
    # "Actually the pulldown was 27.5 not 25": a correction of a lift logged today, not a question about it.
    # Reps set by set first ("sorry seated row was 8,8,6 not 3x8"): a load's reading takes "8,8" for 8.8.
    reading = chat.onboarded and not answer.safety
    fixing = (correction.read_sets(text) or correction.read(text)) if reading else None
    if fixing is not None and await corrections.offer(context, now_turn, fixing, user_id or chat.id):
        return None
    # "Please delete the barbell one": one lift off today's log, not a question about the deadlift.
    taking = chat.onboarded and not answer.safety
    if taking and await removals.offer(context, now_turn, text, user_id or chat.id):
        return None
    # "rows" in sets told in words is today's row, as it is to /log (read only when sets are told).
    lifts = frozenset[str]()
    line = None
    if chat.onboarded and logtold.counts_told(text):
        session = await todays_session(context, now_turn)
        lifts = main_lifts(session)
        then = await _preferences(now_turn, session, user_id or chat.id)
        line = _told(context, text, lifts, chat.unit, then)
    # Sets told with no question ("just finished: band rows, three rounds of twelve", or several lifts':
    # "hit 200x3 on deadlift, then 3 sets of 8 on pulldown at 75") are a log, not a question about rows:
    # offer to log them. Told as a session finished ("finished my session: deadlift 60kg 3x8, …": /done to
    # the answerer), they are what /done would not log: a trial was told "Finished a session? Send /done".
    told = not logtold.asks(text) and answer.command in (None, "log", "done")
    # Sets told with a pain ("backpack rdl 3x10, it hurt my lower back") get the safety answer first.
    if line is not None and (told or answer.command == "log") and not answer.safety:
        texts, today = context.services.texts, now_turn.today
        when = logday.when_told(text, today)
        past = past_day(text, today) if when is logday.When.PAST else None
        if when is not logday.When.TODAY and past is None:
            # No button that would log another day's sets on the wrong day: not as today's, nor as a guess.
            now_turn.say(texts.get(f"faq.log_told_{when}", line=escape(line)))
            return None
        if past is not None:
            line = f"{line} {past[0]}"  # the day as /log reads it after the sets
        day = None if past is None else day_named(context, past[1], today)
        if told and (argument := _log_argument(line)) is not None:
            if day is None:
                offer = texts.get("faq.log_told", line=escape(argument))
            else:
                offer = texts.get("faq.log_told_day", line=escape(argument), day=day)
            now_turn.say(offer, run_button(context, "log", argument))
            return None
        if told:
            # Too long for a button's data (a whole session told: several lifts, many sets): the button reads
            # the /log back from the offer when tapped.
            told_log.offer(context, now_turn, line, day)
            return None
    # "I'm back from my trip!" with no pause to end: welcomed back to training, not pointed to /resume.
    if answer.command == "resume" and _nothing_to_resume(context, now_turn, text):
        return "workout"
    days = days_from_mask(chat.workout_days)
    reply_text = answer.text
    buttons = [*answer_buttons(context, answer, ChatFacts(lifts, days, chat.unit, now_turn.today))]
    # A pain told with an exercise of the plan ("... when I do the backpack RDL"): the plan leaves it out.
    # With a body part and no exercise ("front of the shoulder, sharp when I raise my arm overhead"): the
    # moves that load it offered to be left out, a 🛑 button.
    heeded = await cautions.heed(context, now_turn, answer) or await cautions_part.offer_after(
        context, now_turn, answer
    )
    if heeded is not None:
        reply_text = f"{reply_text}\n\n{heeded[0]}"
        buttons += heeded[1]
    # "Is lifting safe at 65?" from a chat of 60+: what its plan already does about it.
    if not answer.safety and (
        noted := agefit.answer_note(context.services.catalog, chat.age_bracket, answer.topic)
    ):
        reply_text = f"{reply_text}\n\n{noted}"
    now_turn.say(reply_text, buttons or None)
    return answer.command


def _nothing_to_resume(context: BotContext, now_turn: Turn, text: str) -> bool:
    """Whether /resume would change nothing, no pause running or to come and the reminders on, and the
    reply is then a welcome back (for a return told: "hi, I'm back from my trip!") or the reminders said to
    be on already, with when the next one comes and a button to today's session. A pause running or to come,
    or reminders stopped, keep the /resume pointer: it ends or calls off the pause, or turns them on."""
    chat, today, texts = now_turn.chat, now_turn.today, context.services.texts
    if held_pause(chat, today) is not None or not chat.reminders_enabled:
        return False
    upcoming = next_workout_reminder(now_turn)
    coming = "" if upcoming is None else texts.get("faq.next_reminder", when=upcoming)
    # A pause over in the last fortnight is the break they are back from (or /resume ended it); an older
    # one is some other break.
    ended = (
        chat.paused_until
        if chat.paused_until is not None and (today - chat.paused_until).days <= 14
        else None
    )
    if not asking.tells_return(text):
        key = "faq.reminders_on_already"
    else:
        key = "faq.welcome_back" if ended is None else "faq.welcome_back_after_pause"
    said = texts.get(key, next=coming, ended="" if ended is None else f"{ended:%a %d %b}")
    now_turn.say(said, run_button(context, "workout", None))
    return True


@dataclass(frozen=True)
class ChatFacts:
    """What a pointer's button may need of the chat that asked: today's main ``lifts`` and the chat's
    ``unit`` for /log, its training ``days`` for /schedule, its ``today`` for the day a /pause runs to."""

    lifts: frozenset[str]
    days: frozenset[int]
    unit: str
    today: date


def answer_buttons(context: BotContext, answer: Answer, asking: ChatFacts) -> Buttons:
    """Topic buttons for an answer or a decline, one per candidate when asking back, or the command (with
    what the question asked of it)."""
    if answer.command == "pause" and (days := _pause_days(answer.question, asking.today)) is not None:
        # From a later day ("away from Wednesday until the 20th"), the button holds the reminders until then.
        return pause_button(context.services.texts, days[1], days[0])
    if answer.command is not None:
        argument = _argument(context, answer.command, answer.question, asking)
        return run_button(context, answer.command, argument)
    return topic_buttons(context, answer.candidates or answer.suggestions)


def _pause_days(question: str, today: date) -> tuple[date | None, date] | None:
    """The days a question asks the reminders to be held: a later first day (None: from the day the button
    is pressed) and the last ("away until the 20th", "from Friday until the 2nd", "on Friday for a week"; a
    later start alone, "starting next Friday", holds the week /pause from a day holds), when a pause can
    reach them."""
    first = durations.start_told(question, today)
    later = first if first is not None and first > today else None
    until = durations.until_told(question, today)
    if until is None and later is not None:
        until = later + timedelta(days=durations.DEFAULT_DAYS - 1)
    if until is None or not 0 <= (until - today).days < MAX_PAUSE_DAYS:
        return None
    return (later if later is not None and later <= until else None), until


def run_button(context: BotContext, command: str, argument: str | None) -> Buttons:
    """The ▶ button that runs ``command``, with ``argument`` when the question gave one."""
    args = (argument,) if argument is not None else ()
    label = context.services.texts.get("faq.run_command", command=" ".join((command, *args)))
    # The payload's parts are split at colons: a /schedule time travels as "1900", which /schedule reads too.
    return [[(label, callbacks.pack("cmd", command, *(a.replace(callbacks.SEPARATOR, "") for a in args)))]]


def _argument(context: BotContext, command: str, question: str, asking: ChatFacts) -> str | None:
    """What the command's button runs it with: /pause for as long as the question said ("away two weeks"),
    /done for the day it named ("I trained on Wednesday", "2 days ago"), /log for the sets it told, /units
    for the unit and any step it told ("in pounds", "my dumbbells go up in 2kg jumps": "kg 2"), /nudges for
    the switch it asked for ("drop the tips"), /schedule for the
    days and time it asked for ("tuesdays and fridays at 7pm"; a time alone keeps the chat's days), /workout
    for the time the trainee has ("only 30 minutes today", "short on time")."""
    match command:
        case "pause":
            length = durations.days_named(question)
            return str(length) if length is not None and 1 <= length <= MAX_PAUSE_DAYS else None
        case "done":
            return sessionlog.day_told(question)
        case "log":
            line = _told(context, question, asking.lifts, asking.unit)
            when = logday.when_told(question, asking.today)
            if when is logday.When.TODAY or line is None:
                return _log_argument(line)
            past = past_day(question, asking.today) if when is logday.When.PAST else None
            return None if past is None else _log_argument(f"{line} {past[0]}")
        case "units":
            return asked.units_asked(question)
        case "nudges":
            return asked.switch_asked(question)
        case "schedule":
            wanted = scheduleasked.schedule_asked(question, asking.days)
            return wanted.argument if wanted is not None else None
        case "workout":
            return shortened.argument_told(question)
    return None


def _told(
    context: BotContext, text: str, lifts: frozenset[str], unit: str, then: Sequence[Collection[str]] = ()
) -> str | None:
    """The /log line for the sets a message tells, read as /log reads them (``logtold.told``)."""
    return logtold.told(
        text,
        typed_names(context),
        prefer=lifts,
        unit=unit,
        loaded=loaded_ids(context),
        holds=hold_ids(context),
        helped=helped_ids(context),
        barbells=barbell_ids(context),
        then=then,
    )


async def _preferences(now_turn: Turn, session: Session, user_id: int) -> list[Collection[str]]:
    """What a lift told by a name that fits several is, after today's main lifts: the rest of today's
    session, then each lift the member logged lately, the most recent first ("the 10s on the rows" is
    today's dumbbell row, not the main cable row its kit rules out)."""
    today = [item.exercise.id for item in session.exercises]
    logged = await logbook.recent_sessions(now_turn.session, now_turn.chat.id, limit=RECENT, user_id=user_id)
    recent = dict.fromkeys(row.exercise for one in logged for row in reversed(one.sets))
    return [today, *([exercise] for exercise in recent)]


def past_day(text: str, today: date) -> tuple[str, date] | None:
    """The past day a message tells its sets for, as /log reads it after them ("yesterday", "2 days ago",
    "mon": ``sessionlog.day_told``'s words) and the day it is, when /log takes it: up to 2 days back."""
    told = sessionlog.day_told(text)
    day = None if told is None else sessionlog.parse_day(told, today)
    return (told, day) if told is not None and isinstance(day, date) and day < today else None


def _log_argument(line: str | None) -> str | None:
    return line if line is not None and _LOG_LINE.fullmatch(line) else None


async def answer_text(update: Update, context: BotContext, text: str) -> None:
    user = update.effective_user
    async with turn(update, context) as now_turn:
        await queue_answer(context, now_turn, text, None if user is None else user.id)


async def ask(update: Update, context: BotContext) -> None:
    question = " ".join(context.args or ())
    if not question.strip():
        await reply(update, context, context.services.texts["faq.ask_usage"])
        return
    await answer_text(update, context, question)


def addressed_to_bot(message: Message, username: str) -> str | None:
    """The question in a group message that mentions the bot or replies to it, else None."""
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.username == username:
        return message.text or ""
    text = message.text or ""
    mention = f"@{username}".lower()
    for entity, value in message.parse_entities([MessageEntity.MENTION]).items():
        if value.lower() == mention:
            return (text[: entity.offset] + text[entity.offset + entity.length :]).strip()
    return None


async def group_text(update: Update, context: BotContext) -> None:
    message = update.effective_message
    if message is None:
        return
    question = addressed_to_bot(message, context.bot.username)
    if question is None:
        return
    if not question:
        await reply(update, context, context.services.texts["faq.ask_usage"])
        return
    await answer_text(update, context, question)


async def faq(update: Update, context: BotContext) -> None:
    kb = context.services.knowledge
    buttons = topic_buttons(context, kb.faq_ids)
    others = [tid for tid in kb.topics if tid not in kb.faq_ids]
    rows = list(buttons)
    rows += [
        [(kb.topics[tid].title, callbacks.pack("topic", tid)) for tid in others[i : i + 2]]
        for i in range(0, len(others), 2)
    ]
    await reply(update, context, context.services.texts["faq.menu"], rows)


async def topic_button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    args = callbacks.unpack(query.data, "topic", 1)
    topics = context.services.knowledge.topics
    if args is None or args[0] not in topics:
        await query.answer(context.services.texts["errors.stale_button"])
        return
    await query.answer()
    topic = topics[args[0]]
    async with turn(update, context) as now_turn:
        chat = now_turn.chat
        asker = Asker.from_values(chat.level, chat.equipment, chat.kit)
        text = context.services.answerer.render(topic.id, asker)
        now_turn.say(text, topic_buttons(context, topic.related[:2]))


async def command_button(update: Update, context: BotContext) -> None:
    """The button under a pointer to a command ("how do I undo?"): runs that command, as if typed."""
    query = update.callback_query
    assert query is not None
    args = callbacks.unpack(query.data, "cmd", 1) or callbacks.unpack(query.data, "cmd", 2)
    if args is None or args[0] not in COMMANDS or (len(args) == 2 and not _button_argument(args)):
        await query.answer(context.services.texts["errors.stale_button"])
        return
    name = args[0]
    handler = next(
        (
            h
            for group in context.application.handlers.values()
            for h in group
            if isinstance(h, CommandHandler) and name in h.commands
        ),
        None,
    )
    await query.answer()
    if handler is None:  # a command this deployment does not have (yet): say how to send it
        await reply(update, context, context.services.texts.get("faq.send_command", command=name))
        return
    context.args = list(args[1:])
    await handler.callback(update, context)


def _iso_day(value: str) -> bool:
    try:
        return len(value) == 10 and date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def carries(command: str, argument: str) -> bool:
    """Whether ``command``'s ▶ button may carry ``argument``, as ``run_button`` writes it in the payload."""
    return _button_argument((command, argument.replace(callbacks.SEPARATOR, "")))


def _button_argument(args: tuple[str, ...]) -> bool:
    """Only the arguments ``_argument`` and ``pause_button`` write are taken from a button (a /pause within
    its range or through a day, a day for /done, a /log line, a unit, on or off, days and a time for
    /schedule, minutes or "short" for /workout); anything else is forged."""
    name, value = args
    match name:
        case "pause":
            # A length from older buttons, or the last day (ISO) the pointer's button carries, after its
            # first when that is a later one ("2027-01-02 to 2027-01-10").
            if value.isascii() and value.isdigit():
                return 1 <= int(value) <= MAX_PAUSE_DAYS
            first, to, last = value.partition(" to ")
            return _iso_day(first) and _iso_day(last) if to else _iso_day(value)
        case "done":
            return value in sessionlog.DAYS_TOLD
        case "log":
            return bool(_LOG_LINE.fullmatch(value))
        case "units":
            unit, _, step = value.partition(" ")
            return unit in ("kg", "lb") and (not step or read_step(step) is not None)
        case "nudges":
            return value in ("on", "off")
        case "schedule":
            return scheduleasked.carried(value)
        case "workout":
            return shortened.carried(value)
    return False
