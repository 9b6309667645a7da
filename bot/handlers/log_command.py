"""/log: sets typed in a message, the readings offered for ``/log row 10 40`` and the exercises offered
for a name that fits several or none (/undo, taking back, is ``bot.handlers.undo``'s).

The shared logging (records, the set log, level-up) is ``bot.handlers.training_log``'s; this module reads
what was typed. Numbers that could be reps or a load come back as two buttons, one per reading; a name
such as "rear delt flys" as a button per exercise it may mean (``bot.coach.logpick``). A button carries
its whole reading (exercise, sets, load, unit, day) and is checked again when pressed, since Telegram
gives back whatever a client sends.

Sets of the assisted pull-up machine told with its help ("/log assisted pull-up 2x10 40kg assist") are
logged as that exercise's reps: the log holds loads lifted, so the help is kept in the sets' note and the
reply says so; it is never a load.

Several exercises' sets go in one /log as parts ("/log row 3x10 40kg; pull-up 5,5,4"), logged together (one
undo takes them back) or, when a part can't be read, not at all: that part is named with its reason.

A day typed before or after the sets ("/log yesterday row 3x10 40kg", "/log pull-up 8 7 6 2 days ago") logs
them on that day, within /done's window (up to two days back, in the chat's timezone): the day counts as
trained, and records and progression read the sets in date order. A day outside the window, one to come or
one /done could not read ("last week") is refused, saying so, rather than logged as today's. The buttons of
an unclear /log carry the day, and work only on the day they were made.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import date, timedelta

from telegram import Update

from bot import callbacks
from bot.coach import loadanswer, logday, lognames, logparse, logpick, sessionlog, shownrung
from bot.coach.catalog import Catalog
from bot.coach.kitwords import NOTE_PARTS, bands_in
from bot.coach.ladders import held_versions, stand_ins, usable
from bot.coach.model import SetDone
from bot.coach.progress_text import format_load, format_sets
from bot.coach.progression import in_unit
from bot.coach.rampsets import BAR
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers import relog
from bot.handlers.common import Turn, strip_tags, turn
from bot.handlers.training_log import (
    describe_sets,
    history,
    history_ids,
    hold_ids,
    ladders,
    level_up_offer,
    loaded_ids,
    log_and_score,
    main_lifts,
    member,
    names,
    note_said,
    session_on,
    session_targets,
    typed_names,
)
from bot.handlers.undo import LAST_BATCH, undo_data
from bot.keyboards import Buttons
from storage import repo

READING, PICK = "lr", "lp"
# More than this many characters in a reading's button, and each button gets a row of its own.
ROW_LABEL = 16


@functools.cache
def _kinds(catalog: Catalog) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    exercises = catalog.exercises.values()
    helped = frozenset(ex.id for ex in exercises if ex.counterweight)
    light = frozenset(ex.id for ex in exercises if ex.min_reps is not None or not ex.multi_joint)
    banded = frozenset(ex.id for ex in exercises if "bands" in ex.needs)
    return helped, frozenset(ex.id for ex in exercises if ex.barbell), light, banded


def helped_ids(context: BotContext) -> frozenset[str]:
    """The exercises a counterweight helps (``counterweight = true`` in exercises.toml): a load typed with
    one is its help, never a load lifted."""
    return _kinds(context.services.catalog)[0]


def barbell_ids(context: BotContext) -> frozenset[str]:
    """The barbell lifts: a load typed "each side" of their bar is asked back."""
    return _kinds(context.services.catalog)[1]


def light_ids(context: BotContext) -> frozenset[str]:
    """The moves never done for a few reps: one with ``min_reps`` in exercises.toml (a band, a cable, a drill)
    or a single-joint one (a face pull, a rear-delt fly): "band row 12x2" is 2 sets of 12."""
    return _kinds(context.services.catalog)[2]


def banded_ids(context: BotContext) -> frozenset[str]:
    """The moves done with a band (``needs`` bands in exercises.toml): a band told with sets ("pull up 6,5
    purple band") means the one of them the name fits."""
    return _kinds(context.services.catalog)[3]


async def log_command(update: Update, context: BotContext) -> None:
    texts = context.services.texts
    # The command's words, not the message's text: run from a button, the message is the bot's own reply.
    typed = " ".join(context.args or ())
    async with turn(update, context) as now_turn:
        chat = now_turn.chat
        if not chat.onboarded:
            now_turn.say(texts["workout.not_ready"])
            return
        told = logday.day_typed(typed, now_turn.today)
        if isinstance(told.day, sessionlog.DayError):
            now_turn.say(texts[DAY_REFUSED[told.day.key]])
            return
        # A day left among the sets is one /done's words do not name ("last week", "tomorrow"): not today's.
        when = logday.when_told(told.rest.partition("#")[0], now_turn.today)
        if when is logday.When.PAST and logday.too_far_back(told.rest.partition("#")[0], now_turn.today):
            now_turn.say(texts["log.day_too_far"])
            return
        if when is not logday.When.TODAY:
            now_turn.say(texts[f"log.day_{when}"])
            return
        typed, day = told.rest, told.day or now_turn.today
        session = await session_on(context, now_turn, day)
        catalog = context.services.catalog
        # As the day began (as As written reads it): a strict try today must not change what "pull up" means.
        user_id = member(update, chat)[0]
        logged = await history(context, now_turn, user_id, history_ids(context, session))
        before = {exercise: [(d, s) for d, s in pairs if d < day] for exercise, pairs in logged.items()}
        found = await session_targets(context, now_turn, session, user_id, before=day, found=before)
        # A rung the member has done well is theirs: their plain "pull-up" is strict, whatever today's is.
        chat_ladders = ladders(context, session)
        shown_rungs = shownrung.done_rungs(catalog, session, chat_ladders, before)
        easier = sessionlog.easier_today(found, chat_ladders)
        allowed = {ex.id for ex in catalog.exercises.values() if usable(ex, session.profile)}
        # A dumbbell move the place has no kit for is the place's own: one lift, one history and its records.
        standing_in = stand_ins(catalog, session.profile)
        # Parted by ";", or by a comma or "and" before a lift's name: "band row 2x12, face pull 2x13".
        pieces = logparse.parts(typed, typed_names(context))
        if isinstance(pieces, logparse.LogError):
            now_turn.say(logparse.describe(pieces, texts))
            return
        readings = []
        # Each part of "/log row 3x10 40kg; pull-up 5,5,4" is a /log of its own: all are logged, or none.
        for piece in pieces or [typed]:
            parsed = logparse.parse_log(
                piece,
                typed_names(context),
                unit=chat.unit,
                prefer=main_lifts(session),
                holds=hold_ids(context),
                loaded=loaded_ids(context),
                usable=allowed,
                stand_ins=standing_in,
                easier=easier,
                shown=shown_rungs,
                helped=helped_ids(context),
                barbells=barbell_ids(context),
                today=[item.exercise.id for item in session.exercises],
                light=light_ids(context),
                banded=banded_ids(context),
            )
            if isinstance(parsed, logparse.ParsedLog) and (light := _below_bar(context, parsed)) is not None:
                parsed = light  # "deadlift 2x10 10kg": no barbell lift is lighter than its bar
            if (
                isinstance(parsed, logparse.ParsedLog)
                and (heavy := _over_dumbbell(context, parsed)) is not None
            ):
                parsed = heavy  # "chest supported row 4x6 325": no dumbbell weighs that
            if isinstance(parsed, logparse.LogError) and len(pieces) > 1:
                # A button would log that part alone: the part is named, and the whole /log sent again.
                line = logparse.describe(parsed, texts, names(context))
                now_turn.say(texts.get("log.part_refused", part=escape(piece), line=line))
                return
            if isinstance(parsed, logparse.LogError):
                today = [item.exercise.id for item in session.exercises]
                reply, buttons = refusal(context, now_turn, parsed, piece, allowed, today, day)
                now_turn.say(reply, buttons or None)
                return
            readings.append(parsed)
        # The same lift's work sent again that day: ➕ Add / 🔁 Replace asked first (``relog``).
        held, made = functools.partial(held_each, context), made_for(now_turn.today, day)
        if not await relog.asked(context, now_turn, update, readings, day, made, held, sets_done):
            await log_parsed(context, now_turn, update, readings, day, edit=False)


def _below_bar(context: BotContext, parsed: logparse.ParsedLog) -> logparse.LogError | None:
    """A barbell lift read at less than its empty bar: asked back, with the moves of held weights that lift
    the same (``logpick.below_bar``)."""
    if parsed.exercise not in barbell_ids(context):
        return None
    catalog = context.services.catalog
    short = catalog.exercises[parsed.exercise].short
    held = held_versions(catalog, parsed.exercise)
    return logpick.below_bar(parsed, name=short, bar=BAR[parsed.unit], held=held)


def _over_dumbbell(context: BotContext, parsed: logparse.ParsedLog) -> logparse.LogError | None:
    """A load held in the hands read heavier than any dumbbell (``loadanswer.heaviest_logged``): refused,
    never logged as each hand's (a trial's "325" was "325 kg each hand", with only a big-jump note)."""
    known = context.services.catalog.exercises.get(parsed.exercise)
    heaviest = max((load for load in parsed.set_loads() if load), default=None)
    if known is None or heaviest is None:
        return None
    most = loadanswer.heaviest_logged(known, parsed.unit, each_hand=parsed.each_hand)
    if heaviest <= most or most == logparse.MAX_LOAD[parsed.unit]:
        return None
    values = {"load": f"{heaviest:g}", "unit": parsed.unit, "max": f"{most:g}", "name": known.short}
    return logparse.LogError(logparse.LogErrorKind.OVER_DUMBBELL, values)


# What /log says of a day /done refuses too: the /log words for it.
DAY_REFUSED = {"log.future_day": "log.day_future", "log.too_far_back": "log.day_too_far"}


def refusal(
    context: BotContext,
    now_turn: Turn,
    error: logparse.LogError,
    typed: str,
    allowed: set[str],
    today: list[str],
    day: date,
) -> tuple[str, Buttons]:
    """What a /log that could not be read gets: its line, with a button per exercise a name may mean
    or per reading of numbers that could be reps or a load, each logging it on ``day``."""
    texts, unit = context.services.texts, now_turn.chat.unit
    holds, loaded = hold_ids(context), loaded_ids(context)
    picks = logpick.picks(
        error,
        typed,
        usable=allowed,
        today=today,
        unit=unit,
        holds=holds,
        loaded=loaded,
        helped=helped_ids(context),
        light=light_ids(context),
    )
    if isinstance(picks, logparse.LogError):
        # The numbers read as none of the exercises meant: fixing the name would not be enough.
        return logparse.describe(picks, texts, names(context)), []
    if error.kind is not logparse.LogErrorKind.BELOW_BAR:
        # No button logs a barbell lift lighter than its bar ("romanian deadlift 3x10x5": not 5 kg on a bar).
        picks = tuple(pick for pick in picks if _below_bar(context, pick) is None)
    if buttons := pick_buttons(context, now_turn, picks, day):
        return pick_question(context, now_turn, error, picks[: len(buttons)]), buttons
    # Numbers typed one a set ("11 11 35") are shown so ("11, 11 reps @ 35 kg"); "3x10x5" as sets of reps.
    listed = "x" not in error.values.get("numbers", "x")
    counted = error.kind is logparse.LogErrorKind.SETS_OR_REPS
    buttons = reading_buttons(context, now_turn, error.readings, day, listed=listed, counted=counted)
    line = logparse.describe(error, texts, names(context))
    return (texts.get("log.unclear_choose", line=line) if buttons else line), buttons


async def log_parsed(
    context: BotContext,
    now_turn: Turn,
    update: Update,
    readings: Sequence[logparse.ParsedLog],
    day: date,
    *,
    edit: bool,
    replacing: Collection[str] = (),
) -> None:
    """Log a read /log (each of its exercises' sets) as ``day``'s sets and say so (in a new message, or
    ``edit`` the one pressed), naming a past day, in place of the day's sets of ``replacing`` (🔁 Replace);
    one undo takes it all back."""
    chat, texts = now_turn.chat, context.services.texts
    readings = [held_each(context, parsed) for parsed in readings]
    logged = [(parsed.exercise, sets_done(parsed, chat.unit)) for parsed in readings]
    user = member(update, chat)
    today = now_turn.today
    first = not await repo.is_logged(now_turn.session, chat.id, day, user_id=user[0])
    notes = [_note(context, parsed) for parsed in readings]
    typed = [(parsed.unit, parsed.set_loads()) for parsed in readings]
    lines = await log_and_score(
        context, now_turn, day, user, logged, notes=notes, typed=typed, replacing=replacing
    )
    # A load typed "each arm" is said to be each hand's, after that exercise's sets (and their band).
    # ...and a note typed with them ("(light, shoulder pain)") after that.
    described = "\n".join(
        " ".join(
            filter(
                None,
                (
                    describe_sets(context, chat, [item]),
                    texts["log.each_hand"] if parsed.each_hand else "",
                    note_said(context, parsed.note),
                ),
            )
        )
        for item, parsed in zip(logged, readings, strict=True)
        if item[1]
    )
    past = "" if day == today else "_day"
    shown_day = day_named(context, day, today)
    if len(logged) == 1:
        head = texts.get(f"log.logged{past}", sets=described.lstrip("• "), day=shown_day)
    else:
        head = texts.get(f"log.logged_many{past}", sets=described, day=shown_day)
    shown = names(context)
    for parsed in readings:
        if parsed.instead_of is None:
            continue
        name = lognames.own_name(parsed.instead_of, parsed.exercise, typed_names(context))
        head += "\n" + texts.get(
            "log.read_as_plan",
            today=escape(shown.get(parsed.exercise, parsed.exercise)),
            name=escape(name or shown.get(parsed.instead_of, parsed.instead_of)),
            reps=" ".join(map(str, parsed.reps)),
        )
    for parsed in readings:
        if parsed.plan_version is not None:
            plan_name = lognames.own_name(parsed.plan_version, parsed.exercise, typed_names(context))
            head += "\n" + texts.get(
                "log.read_as_shown",
                name=escape(shown.get(parsed.exercise, parsed.exercise)),
                today=escape(shown.get(parsed.plan_version, parsed.plan_version)),
                today_name=escape(plan_name or shown.get(parsed.plan_version, parsed.plan_version)),
                reps=" ".join(map(str, parsed.reps)),
            )
    for parsed in readings:
        if parsed.assist is not None:
            head += "\n" + texts.get("log.assist_kept", assist=format_load(parsed.assist, parsed.unit))
    if first:
        head += "\n" + texts.get(f"log.counts_as_session{past}", day=shown_day)
    buttons = [[(texts["log.undo_button"], undo_data(day, today, LAST_BATCH, now_turn.now))]]
    (now_turn.edit if edit else now_turn.say)("\n".join([head, *lines]), buttons)
    await level_up_offer(context, now_turn, user[0])


def held_each(context: BotContext, parsed: logparse.ParsedLog) -> logparse.ParsedLog:
    """A pair of dumbbells' load is each hand's, said or not, as As written and a load typed in answer log
    it: "/log rear delt fly 3x10 10kg" was "@ 10 kg" beside the same lift's "@ 8 kg each hand"."""
    known = context.services.catalog.exercises.get(parsed.exercise)
    paired = known is not None and loadanswer.pair(known) and any(parsed.set_loads())
    return replace(parsed, each_hand=True) if paired and not parsed.each_hand else parsed


def day_named(context: BotContext, day: date, today: date) -> str:
    """A past day as a /log reply names it: "yesterday, Mon 23 Nov", or "Sun 22 Nov"."""
    shown = f"{day:%a %d %b}"
    return context.services.texts.get("log.yesterday", day=shown) if day == today - timedelta(1) else shown


def _note(context: BotContext, parsed: logparse.ParsedLog) -> str | None:
    """What goes in the sets' note: the one typed after "#" (with a band's colour told, "red band"), and
    before it an assisted exercise's help or that the load is each hand's."""
    texts = context.services.texts
    helped = None
    if parsed.assist is not None:
        helped = texts.get("log.assist_note", assist=format_load(parsed.assist, parsed.unit))
    hand = texts["log.each_hand"] if parsed.each_hand else None
    return NOTE_PARTS.join(filter(None, (helped, hand, parsed.note))) or None


def sets_done(parsed: logparse.ParsedLog, unit: str) -> list[SetDone]:
    """A reading's sets, each at its load in the chat's ``unit``; a hold is 0 reps and its seconds."""
    loads = [in_unit(load, parsed.unit, unit) for load in parsed.set_loads()]
    bands = bands_in(parsed.note)
    if parsed.seconds:
        return [
            SetDone(0, load, parsed.rir, seconds, bands=bands)
            for seconds, load in zip(parsed.seconds, loads, strict=True)
        ]
    return [
        SetDone(reps, load, parsed.rir, bands=bands) for reps, load in zip(parsed.reps, loads, strict=True)
    ]


def pick_question(
    context: BotContext, now_turn: Turn, error: logparse.LogError, picks: tuple[logparse.ParsedLog, ...]
) -> str:
    """ "Which did you do? Tap it to log 3×12 @ 8 kg:", over a button per exercise (all the same sets), or
    "Which did you do, and how?" over a button per exercise and reading of its numbers."""
    texts, shown = context.services.texts, names(context)
    if not _same_sets(picks):
        return texts.get("log.pick_readings", name=escape(error.values.get("name", "")))
    sets = format_sets(sets_done(picks[0], now_turn.chat.unit), now_turn.chat.unit)
    if error.kind is logparse.LogErrorKind.BELOW_BAR:
        return texts.get(
            "log.pick_below_bar", **{key: escape(value) for key, value in error.values.items()}, sets=sets
        )
    if len(picks) == 1:
        choice = escape(shown.get(picks[0].exercise, picks[0].exercise))
        return texts.get("log.pick_one", choice=choice, sets=sets)
    return texts.get(f"log.pick_{error.kind}", name=escape(error.values.get("name", "")), sets=sets)


def pick_buttons(
    context: BotContext, now_turn: Turn, picks: tuple[logparse.ParsedLog, ...], day: date
) -> Buttons:
    """A button per exercise, one a row (names are long), each logging its reading on ``day``; readings that
    differ name their sets too ("Barbell Romanian deadlift: 3×10 @ 5 kg")."""
    # A label is plain text: the catalog's name as it is.
    shown, today, unit = names(context), made_for(now_turn.today, day), now_turn.chat.unit
    same = _same_sets(picks)
    rows: list[list[tuple[str, str]]] = []
    for reading in picks:
        try:
            data = callbacks.pack(PICK, today, *logpick.fields(reading))
        except ValueError:  # too much to carry (many sets, a load a set): the reply's line names the exercise
            break
        label = shown.get(reading.exercise, reading.exercise)
        if not same:
            label = f"{label}: {format_sets(sets_done(reading, unit), unit)}"
        rows.append([(label, data)])
    return rows


def _same_sets(picks: Sequence[logparse.ParsedLog]) -> bool:
    return len({(p.reps, p.seconds, p.set_loads(), p.unit) for p in picks}) == 1


def reading_buttons(
    context: BotContext,
    now_turn: Turn,
    readings: tuple[logparse.ParsedLog, ...],
    day: date,
    *,
    listed: bool = True,
    counted: bool = False,
) -> Buttons:
    """One button per reading of numbers that read several ways, each logging it today: "10 reps @ 40 kg" /
    "40 reps @ 10 kg" for "row 10 40", "11, 11 reps @ 35 kg" / "11, 11, 35 reps" for "row 11 11 35" (typed
    one number a set: ``listed``), "3×10 reps @ 5 kg" / "5×10 reps @ 3 kg" for "row 3x10x5", and "12 sets
    of 2" / "2 sets of 12" for "pull-up 12x2" (sets and reps either way round: ``counted``)."""
    texts, today = context.services.texts, made_for(now_turn.today, day)
    found: list[tuple[str, str]] = []
    for reading in readings:
        if reading.seconds or reading.loads or reading.assist is not None:
            continue  # none of ours: a reading has reps and at most one load
        counts = reading.reps
        equal = len(counts) > 1 and len(set(counts)) == 1 and not listed
        reps = f"{len(counts)}×{counts[0]}" if equal else ", ".join(map(str, counts))
        load = None if reading.load is None else format_load(reading.load, reading.unit)
        if counted:
            key = "log.reading_sets_button" if load is None else "log.reading_sets_load_button"
            label = texts.get(key, sets=str(len(counts)), reps=str(counts[0]), load=load or "")
        elif reading.load is None:
            label = texts.get("log.reading_reps_button", reps=reps)
        else:
            label = texts.get("log.reading_button", reps=reps, load=format_load(reading.load, reading.unit))
        if len(counts) == 1 and reading.load is not None:
            rir = "" if reading.rir is None else str(reading.rir)
            data = (reading.exercise, str(counts[0]), f"{reading.load:g}", reading.unit, today, rir)
            found.append((label, callbacks.pack(READING, *data)))
            continue
        try:
            found.append((label, callbacks.pack(PICK, today, *logpick.fields(reading))))
        except ValueError:  # too many sets to carry: the line names the numbers
            continue
    if any(len(label) > ROW_LABEL for label, _ in found):
        return [[button] for button in found]
    return [found] if found else []


def unpack_reading(data: object, loaded: frozenset[str]) -> tuple[logparse.ParsedLog, str] | None:
    """A reading button's reading and the day it was made on, or None for anything forged or broken."""
    args = callbacks.unpack(data, READING, 6)
    if args is None:
        return None
    exercise, reps, load, unit, day, rir = args
    if exercise not in loaded or unit not in logparse.MAX_LOAD or made_on(day) is None:
        return None
    if not reps.isdigit() or not 1 <= int(reps) <= logparse.MAX_REPS:
        return None
    if rir and not (rir.isdigit() and int(rir) <= logparse.MAX_RIR):
        return None
    try:
        amount = float(load)
    except ValueError:
        return None
    if not 0 < amount <= logparse.MAX_LOAD[unit] or load != f"{amount:g}":
        return None
    return logparse.ParsedLog(exercise, (int(reps),), amount, unit, int(rir) if rir else None), day


def made_for(today: date, day: date) -> str:
    """A reading or pick button's day: the day it was made on ("20261124"), and how many days before it the
    sets were typed for ("20261124-1": yesterday's), so a press logs them where the /log meant."""
    back = (today - day).days
    return callbacks.pack_day(today) + (f"-{back}" if back else "")


def made_on(value: str) -> tuple[date, int] | None:
    """The day a button was made on and the days back it logs, or None for anything ``made_for`` could not
    have written (a day further back than /done's window too)."""
    packed, dash, back = value.partition("-")
    made = callbacks.unpack_day(packed)
    days = [str(n) for n in range(1, sessionlog.MAX_DAYS_BACK + 1)]
    if made is None or (dash and back not in days):
        return None
    return made, int(back or 0)


async def reading_button(update: Update, context: BotContext) -> None:
    """A press of "10 reps @ 40 kg": log that reading today, in place of the question."""
    query = update.callback_query
    assert query is not None
    await log_pressed(update, context, unpack_reading(query.data, loaded_ids(context)))


def unpack_pick(context: BotContext, data: object) -> tuple[logparse.ParsedLog, str] | None:
    """A pick button's reading and the day it was made on, or None for anything forged or broken."""
    args = callbacks.unpack(data, PICK, 6)
    if args is None or made_on(args[0]) is None:
        return None
    exercises = context.services.catalog.exercises
    reading = logpick.reading(
        args[1:], exercises=exercises, holds=hold_ids(context), loaded=loaded_ids(context)
    )
    return None if reading is None else (reading, args[0])


async def pick_button(update: Update, context: BotContext) -> None:
    """A press of "Bent-over rear-delt fly": log the sets typed as that one's, in place of the question."""
    query = update.callback_query
    assert query is not None
    await log_pressed(update, context, unpack_pick(context, query.data))


async def log_pressed(
    update: Update, context: BotContext, found: tuple[logparse.ParsedLog, str] | None
) -> None:
    """Log a button's reading today, made today: a stale or forged one gets a toast and logs nothing."""
    query = update.callback_query
    assert query is not None
    texts = context.services.texts
    if found is None:
        await query.answer(texts["errors.stale_button"])
        return
    reading, carried = found
    made = made_on(carried)
    assert made is not None, "unpacked buttons carry a day they were made on"
    toast = ""
    async with turn(update, context) as now_turn:
        if not now_turn.chat.onboarded:
            toast = strip_tags(texts["workout.not_ready"])
        elif made[0] != now_turn.today:
            toast = texts["log.reading_expired"]
        else:
            day = made[0] - timedelta(days=made[1])
            await log_parsed(context, now_turn, update, [reading], day, edit=True)
    await query.answer(toast[:200] or None)
