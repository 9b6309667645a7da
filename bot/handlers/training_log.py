"""Logging what was lifted: the helpers every way of logging shares and level-up suggestions (Done's
"As written" / "Adjust" are in ``bot.handlers.as_written``, /log and /undo in ``bot.handlers.log_command``,
the Undo button and what taking back says in ``bot.handlers.undo``).

Everything here reads and writes the set log (``storage.logbook``); streaks, records and the next
prescription are derived from it, so an undo or a backdated session recomputes them all. Buttons carry
their whole state (the day, the Adjust panel's shifts) and are checked by ``bot.callbacks``.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from datetime import date

from telegram import Update
from telegram.constants import ChatType

from bot import callbacks
from bot.coach import deload, levelup, lognames, records, sessionlog, shortened, shownrung
from bot.coach.agefit import is_older
from bot.coach.catalog import Catalog, LadderEntry
from bot.coach.comeback import away_said
from bot.coach.firstload import PER_REP
from bot.coach.kitwords import NOTE_PARTS, bands_in
from bot.coach.ladders import held_total, ladder_for, load_ladders
from bot.coach.loadanswer import pair
from bot.coach.lognotes import note_told
from bot.coach.model import Equipment, Level, SetDone
from bot.coach.planner import Profile, Session, day_kind, day_kinds, plan_session, profile_of, rotates
from bot.coach.progress_text import progress_line, sets_with_band
from bot.coach.progression import Ladder, default_increment, in_unit
from bot.coach.sessionlog import Target
from bot.coach.texts import Texts, escape
from bot.coach.trainingweeks import Weeks, training_weeks, weeks_until
from bot.context import BotContext
from bot.handlers import assumed, comebacks, kit
from bot.handlers.common import Turn, member_name, turn
from bot.handlers.record_lines import jump_line, record_lines
from storage import logbook, repo
from storage.models import Chat
from storage.records import SetOrigin, Told

AS_WRITTEN, ADJUST, SAVE, LEVEL_UP = "lw", "la", "ls", "up"
MAIN = sessionlog.MAIN
History = dict[str, list[tuple[date, SetDone]]]


@functools.cache
def ladder_entries(catalog: Catalog) -> tuple[LadderEntry, ...]:
    """ladders.toml, read once per catalog (the application has one for its lifetime)."""
    return load_ladders(catalog)


def ladders(context: BotContext, session: Session) -> dict[str, Ladder]:
    """The ladder of each of the session's exercises, with the rungs the chat's kit allows."""
    catalog = context.services.catalog
    entries = ladder_entries(catalog)
    found = {
        item.exercise.id: ladder_for(item.exercise.id, entries, catalog, session.profile)
        for item in session.exercises
    }
    return {exercise: ladder for exercise, ladder in found.items() if ladder is not None}


def names(context: BotContext) -> dict[str, str]:
    return {ex.id: ex.name for ex in context.services.catalog.exercises.values()}


@functools.cache
def _typed_names(
    catalog_ids: tuple[tuple[str, str, str, tuple[str, ...]], ...],
) -> tuple[lognames.Names, ...]:
    return tuple(lognames.Names(ex, (name, short, *aliases)) for ex, name, short, aliases in catalog_ids)


def typed_names(context: BotContext) -> tuple[lognames.Names, ...]:
    exercises = context.services.catalog.exercises.values()
    return _typed_names(tuple((ex.id, ex.name, ex.short, ex.aliases) for ex in exercises))


def hold_ids(context: BotContext) -> frozenset[str]:
    """The exercises logged in seconds (``kind = "hold"`` in exercises.toml)."""
    return frozenset(ex.id for ex in context.services.catalog.exercises.values() if ex.kind == "hold")


def loaded_ids(context: BotContext) -> frozenset[str]:
    """The exercises that take a load (``kind = "load"``): a load typed in /log goes to one of them."""
    return frozenset(ex.id for ex in context.services.catalog.exercises.values() if ex.kind == "load")


def increment_of(chat: Chat) -> float:
    return chat.increment or default_increment(chat.unit)


def member(update: Update, chat: Chat) -> tuple[int, str]:
    user = update.effective_user
    return (user.id if user is not None else chat.id), member_name(update)[:64]


def profile(context: BotContext, chat: Chat) -> Profile:
    assert chat.level is not None and chat.equipment is not None
    catalog, days, swaps = context.services.catalog, chat.workout_days, chat.swaps
    older = is_older(catalog, chat.age_bracket)
    return profile_of(catalog, chat.level, chat.equipment, chat.kit, chat.weekly_target, days, swaps, older)


def planned(context: BotContext, chat: Chat, number: int, weeks: Weeks) -> Session:
    """Session ``number`` by the chat's training weeks (``chat_weeks``): a block's week is a calendar week
    trained, however many sessions it had."""
    return plan_session(context.services.catalog, profile(context, chat), max(1, number), weeks)


async def chat_weeks(now_turn: Turn, day: date | None = None) -> Weeks:
    """The chat's training weeks: the days it logged, and ``day`` (today, unless given) as the day of the
    session planned for it when it is not logged yet. Sessions past those are counted at the target."""
    days = (await repo.history(now_turn.session, now_turn.chat.id)).days
    return training_weeks([*days, now_turn.today if day is None else day])


async def logged_kinds(context: BotContext, now_turn: Turn, chat_profile: Profile) -> dict[date, str] | None:
    """The kind of day of each day the chat logged, where its level's days take turns (advanced: heavy,
    moderate, volume); None where they do not. Rebuilt from the days' session numbers, as the sessions
    themselves are, so a change of weekly target or level reads the old days by the new plan."""
    catalog = context.services.catalog
    if not rotates(catalog, chat_profile.level):
        return None
    days, _pauses = await repo.history(now_turn.session, now_turn.chat.id)
    return day_kinds(catalog, chat_profile, days)


async def todays_session(context: BotContext, now_turn: Turn) -> Session:
    """The session the chat's log says is today's (the one /log, Done and /workout mean)."""
    done, logged_today = await repo.progress_on(now_turn.session, now_turn.chat.id, now_turn.today)
    return planned(context, now_turn.chat, done if logged_today else done + 1, await chat_weeks(now_turn))


async def session_on(context: BotContext, now_turn: Turn, day: date) -> Session:
    """The session the chat's log says ``day`` was (or, not logged yet, would be): a /log for yesterday
    reads its names by yesterday's plan, as /history numbers it once logged."""
    if day == now_turn.today:
        return await todays_session(context, now_turn)
    days = (await repo.history(now_turn.session, now_turn.chat.id)).days
    number, weeks = weeks_until(days, day)
    return planned(context, now_turn.chat, number, weeks)


async def logged_order(
    context: BotContext, now_turn: Turn, rows: Sequence[logbook.SetRow]
) -> list[Collection[str]]:
    """Which of several of the day's logged lifts (``rows``, in the order logged) a name that fits them all
    means, in order of preference: one of today's plan, then the one logged most recently ("the rows" with
    the cable row and today's dumbbell row logged)."""
    session = await todays_session(context, now_turn)
    latest = dict.fromkeys(row.exercise for row in reversed(rows))
    return [{item.exercise.id for item in session.exercises}, *({exercise} for exercise in latest)]


def main_lifts(session: Session) -> frozenset[str]:
    """What a bare name means in a log: "row" is the session's main row, not every row in the catalog."""
    return frozenset(item.exercise.id for item in session.exercises if item.tier == MAIN)


async def history(
    context: BotContext, now_turn: Turn, user_id: int, exercises: set[str] | None = None
) -> History:
    """The member's logged sets per exercise, oldest first, in the chat's unit, each at the total load it
    lifted (``held_total``)."""
    rows = await logbook.exercise_history(now_turn.session, now_turn.chat.id, user_id, exercises)
    return _in_unit(context, rows, now_turn.chat.unit)


def _in_unit(context: BotContext, rows: dict[str, list[logbook.SetRow]], unit: str) -> History:
    return {
        exercise: [(row.day, _lifted(context, exercise, row.note, _set_of(row, unit))) for row in found]
        for exercise, found in rows.items()
    }


def _set_of(row: logbook.SetRow, unit: str) -> SetDone:
    return SetDone(
        row.reps, in_unit(row.load, row.unit, unit), row.rir, row.seconds, bands=bands_in(row.note)
    )


def _lifted(context: BotContext, exercise: str, note: str | None, done: SetDone) -> SetDone:
    """``done`` at the total load it lifted: a backpack move's load told as each hand's is both hands'."""
    known = context.services.catalog.exercises.get(exercise)
    each = context.services.texts["log.each_hand"] in (note or "").split(NOTE_PARTS)
    total = held_total(done.load, each_hand=each, backpack=known is not None and known.backpack)
    return done if total == done.load else replace(done, load=total, each_hand=True)


async def session_targets(
    context: BotContext,
    now_turn: Turn,
    session: Session,
    user_id: int,
    before: date | None = None,
    found: History | None = None,
    cautioned: Mapping[str, Told] | None = None,
) -> list[Target]:
    """Each exercise's target from the member's log (before ``before``, if given); ``found`` is that
    log, and ``cautioned`` the chat's cautions, when the caller has already read them."""
    ladder = ladders(context, session)
    if found is None:
        found = await history(context, now_turn, user_id, history_ids(context, session))
    if before is not None:
        found = {ex: [(d, s) for d, s in pairs if d < before] for ex, pairs in found.items()}
    catalog = context.services.catalog
    raised = shownrung.raised(catalog, session, ladder, found)
    # The chat's logged days, read once: the kinds of day (where days take turns) and the deload days.
    days = (await repo.history(now_turn.session, now_turn.chat.id)).days
    kinds = day_kinds(catalog, session.profile, days) if rotates(catalog, session.profile.level) else None
    rotation = None
    if kinds is not None:
        today = day_kind(context.services.catalog, session.profile, session.number, session.weeks)
        rotation = sessionlog.Rotation(today, kinds)
    # ``session`` may be cut (/workout 30): a day without a budget is judged by the whole session's sets.
    whole = plan_session(context.services.catalog, session.profile, session.number, session.weeks)
    return sessionlog.targets(
        session,
        found,
        increment=increment_of(now_turn.chat),
        ladders=ladder,
        rotation=rotation,
        prescribed=await prescribed_sets(context, now_turn, user_id, found),
        whole={item.exercise.id: item.sets for item in whole.exercises},
        raised=raised,
        deloads=deload.deload_days(catalog, session.profile, days),
        lighter=await comebacks.lighter_days(context, now_turn, found, cautioned),
        back=await comebacks.back_from_pain(context, now_turn, found, before, cautioned),
        per_rep=PER_REP[now_turn.chat.unit],
        today=before or now_turn.today,
        told_pair=kit.told_pair(now_turn.chat),
    )


def history_ids(context: BotContext, session: Session) -> set[str]:
    """The exercises whose log the session's targets read: theirs, their ladders' rungs and the moves
    ranked as one of those (chin-ups show the pull-up rung, ``shownrung``)."""
    ladder = ladders(context, session)
    return sessionlog.ladder_ids(session, ladder) | shownrung.ranked_ids(context.services.catalog, ladder)


async def prescribed_sets(
    context: BotContext, now_turn: Turn, user_id: int, found: History
) -> dict[date, dict[str, int]]:
    """The sets per exercise of each day in ``found`` that was cut to a time budget, as that day's
    /workout, Done and As written cut it (what was logged kept): what progression judges the day by."""
    logged_days = {day for pairs in found.values() for day, _ in pairs}
    budgets = await logbook.short_days(now_turn.session, now_turn.chat.id, user_id=user_id)
    budgets = {day: budget for day, budget in budgets.items() if day in logged_days}
    sets_of = await logbook.days_sets(now_turn.session, now_turn.chat.id, list(budgets), user_id=user_id)
    prescribed: dict[date, dict[str, int]] = {}
    days = (await repo.history(now_turn.session, now_turn.chat.id)).days if budgets else []
    for day, (minutes, number) in budgets.items():
        session = planned(context, now_turn.chat, number, weeks_until(days, day)[1])
        logged = sessionlog.done_in_session(
            session, [row.exercise for row in sets_of[day]], ladders(context, session)
        )
        cut = shortened.cut(session, minutes, context.services.catalog.routines, logged)
        prescribed[day] = {item.exercise.id: item.sets for item in cut.session.exercises}
    return prescribed


async def workout_lines(
    context: BotContext,
    now_turn: Turn,
    session: Session,
    user_id: int,
    before: date | None = None,
    targets: Sequence[Target] | None = None,
) -> dict[str, str]:
    """/workout's "last time → today" line under each main lift (from the log before ``before``), under
    another exercise whose target is another rung (weighted pull-ups on a pull-up day), and under any
    other once it has been logged (``Target.shows_line``: a rear-delt fly at the top of its range goes a
    dumbbell up, a band move at the top is made harder): what As written logs is always what /workout
    showed. ``targets`` are the session's, when the caller has them."""
    chat, texts = now_turn.chat, context.services.texts
    lines: dict[str, str] = {}
    if targets is None:
        targets = await session_targets(context, now_turn, session, user_id, before)
    today = before or now_turn.today
    # The chat's days and pauses, for a line held after days away: said as they were (``away_said``).
    trained = await repo.history(now_turn.session, chat.id) if any(t.lapsed for t in targets) else None
    for target in targets:
        if not target.shows_line:
            continue
        text = progress_line(
            # A rung the member has shown in place of the planned one reads as that rung's own line.
            exercise=target.source if target.raised else target.planned,
            last=target.last,
            last_exercise=target.source,
            prescription=target.prescription,
            plan=target.plan,
            unit=chat.unit,
            names=names(context),
            texts=texts,
            loaded=target.loaded,
            day=target.day,
            band="band" in context.services.catalog.exercises[target.prescription.exercise].implements,
            home_load=target.home_load,
            dumbbells=target.dumbbells,
            lapsed=target.lapsed,
            each_hand=pair(context.services.catalog.exercises[target.prescription.exercise]),
            away=away_said(target.lapsed, today, *trained) if trained and target.lapsed else None,
            lighter=target.lighter,
            lighter_why=target.lighter_why,
        )
        if target.raised:
            catalog = context.services.catalog
            text = texts.get(
                "progression.raised",
                planned=escape(catalog.exercises[target.planned].short),
                exercise=escape(catalog.exercises[target.source].short),
                line=text,
            )
        lines[target.planned] = f"📈 <i>{text}</i>"
    return lines


def describe_sets(
    context: BotContext,
    chat: Chat,
    logged: Sequence[tuple[str, Sequence[SetDone]]],
    each_hand: Collection[str] = (),
) -> str:
    """ "• Band row: 3×12 with the green band": each exercise's sets, and the band they were done with; for
    one of ``each_hand``, whose load is each hand's, "• Rear-delt fly: 3×11 @ 8 kg each hand", as the
    reply that logged it said (a trial's later list dropped it, half of what was lifted)."""
    shown, texts = names(context), context.services.texts
    hand = texts["log.each_hand"]
    return "\n".join(
        f"• {escape(shown.get(ex, ex))}: "
        + " ".join(filter(None, (sets_with_band(sets, chat.unit, texts), hand if ex in each_hand else "")))
        for ex, sets in logged
        if sets
    )


def note_said(context: BotContext, note: str | None) -> str:
    """What a set's note says after the sets, "· 📝 light, shoulder pain": the words the trainee typed as
    a note (``lognotes.note_told``: not a band or each hand's load, which are said otherwise), or ""."""
    texts = context.services.texts
    told = note_told(note, (texts["log.each_hand"],), texts["log.assist_note"])
    return "" if told is None else texts.get("log.note_said", note=escape(told))


# Loads as typed, one a set, and the unit they were typed in.
Typed = tuple[str, Sequence[float | None]]


async def log_and_score(
    context: BotContext,
    now_turn: Turn,
    day: date,
    user: tuple[int, str],
    logged: Sequence[tuple[str, Sequence[SetDone]]],
    *,
    rir: int | None = None,
    notes: Sequence[str | None] = (),
    typed: Sequence[Typed | None] = (),
    completes_done: bool = False,
    prescribed: Sequence[bool] = (),
    replacing: Collection[str] = (),
) -> list[str]:
    """Log the sets (in the chat's unit), each entry of ``logged`` with its note of ``notes`` if any, and
    return the lines to add: As written's sets the typed ones replaced (``assumed``), the records earned
    (an exercise logged twice is weighed against its first sets too);
    ``completes_done`` as in ``logbook.log_sets`` (Done's As written and Save).

    An entry of ``typed`` is the loads as the trainee typed them, in the unit typed (``logged`` has them
    converted for the reply and the records): those are stored, so "25.25 lb" in a kg chat is 25.25 lb
    after /units lb, never the 11.45 kg rounded back to 25.2 lb.

    An entry of ``prescribed`` that is True (As written's, and Save's lifts left as the panel showed
    them) holds the plan's own numbers, not the member's: its sets are logged and count toward the bests
    later sets are weighed against, but announce no record. A trial's 🏆 "Prone Y-T-W raise: 14 reps
    (best was 13)" was the plan's +1 rep logged by a press: a coach cheers what the lifter says they
    did, not the progression the plan set. ``replacing``: the exercises whose sets of the day, typed ones
    too, these take the place of (🔁 Replace, ``bot.handlers.relog``)."""
    chat, texts = now_turn.chat, context.services.texts
    exercises = {ex for ex, _ in logged}
    at_plan = [*prescribed, *[False] * (len(logged) - len(prescribed))]
    typed_ex = {ex for (ex, _), as_set in zip(logged, at_plan, strict=True) if not as_set}
    # Before the history is read: sets typed in place of As written's are weighed against the days before.
    replaced = await assumed.replace(context, now_turn, day, user[0], typed_ex, replacing)
    # Every day's sets, a later day's too: a set backdated to yesterday is "heaviest ever" only over them all.
    rows = await logbook.exercise_history(now_turn.session, chat.id, user[0], exercises)
    before = _in_unit(context, rows, chat.unit)
    noted = [*notes, *[None] * (len(logged) - len(notes))]
    helps = counterweight_help(context, exercises, rows, chat.unit)
    as_typed = [*typed, *[None] * (len(logged) - len(typed))]
    new = [
        logbook.NewSet(
            ex,
            done.reps,
            done.load if told is None else told[1][n],
            chat.unit if told is None else told[0],
            done.rir if done.rir is not None else rir,
            note,
            done.seconds,
            SetOrigin.AS_WRITTEN if as_set else SetOrigin.TYPED,
        )
        for (ex, sets), note, told, as_set in zip(logged, noted, as_typed, at_plan, strict=True)
        for n, done in enumerate(sets)
    ]
    await logbook.log_sets(
        now_turn.session,
        chat.id,
        day,
        user_id=user[0],
        user_name=user[1],
        sets=new,
        now=now_turn.now,
        completes_done=completes_done,
    )
    shown = names(context)
    previous = {ex: [done for _, done in before.get(ex, [])] for ex, _ in logged}
    # Where kinds of day take turns, which earlier sets were of this day's kind (read after logging, so
    # the day is among the logged ones): a volume day's reps are no record over a heavy day's.
    kinds = None
    if chat.level is not None and chat.equipment is not None:
        kinds = await logged_kinds(context, now_turn, profile(context, chat))
    alike = {
        ex: None if kinds is None else [kinds.get(d) == kinds.get(day) for d, _ in before.get(ex, [])]
        for ex, _ in logged
    }
    known = context.services.catalog.exercises

    def estimable(exercise: str) -> bool:
        return exercise not in known or known[exercise].estimable

    # The days a lift was logged before this one: its first sessions are its baseline, no record.
    earlier = {ex: len({d for d, _ in before.get(ex, []) if d != day}) for ex, _ in logged}
    headlines: dict[str, records.NewRecord] = {}
    jumps: dict[str, str] = {}
    for (exercise, told_sets), note, as_set in zip(logged, noted, at_plan, strict=True):
        sets = [_lifted(context, exercise, note, done) for done in told_sets]
        told = [help_told(texts, note, chat.unit)] * len(sets)
        helped = (helps[exercise], told) if exercise in helps else None
        same_kind = alike[exercise]
        earned = records.new_records(
            previous[exercise],
            list(sets),
            help=helped,
            same_kind=same_kind,
            estimable=estimable(exercise),
            earlier_sessions=earlier[exercise],
            step=increment_of(chat),
        )
        jump = (
            None
            if as_set
            else jump_line(
                texts, known.get(exercise), previous[exercise], sets, chat.unit, today=day == now_turn.today
            )
        )
        if jump is not None:  # a typo? asked, never cheered (``records.big_jump``)
            jumps[exercise] = jump
        elif not as_set and (top := records.headline(earned)) is not None:
            headlines[exercise] = top  # logged twice in one go, the later sets beat the earlier too
        previous[exercise] += sets
        if same_kind is not None:
            same_kind += [True] * len(sets)
        if exercise in helps:
            helps[exercise] += told
    named = [(shown.get(ex, ex), record) for ex, record in headlines.items()]
    pairs = {shown.get(ex, ex) for ex in headlines if ex in known and pair(known[ex])}  # each hand's load
    said = [record_lines(texts, named, chat.unit, pairs)] if named else []
    return [*filter(None, [replaced]), *jumps.values(), *said]


def counterweight_help(
    context: BotContext, exercises: Collection[str], rows: dict[str, list[logbook.SetRow]], unit: str
) -> dict[str, list[float | None]]:
    """Of ``exercises``, those a counterweight helps, each with the help of every set logged so far (in the
    order of ``rows``, their logged sets; None where not told): records weigh their reps against the help."""
    catalog, texts = context.services.catalog.exercises, context.services.texts
    return {
        ex: [help_told(texts, row.note, unit) for row in rows.get(ex, [])]
        for ex in exercises
        if (known := catalog.get(ex)) and known.counterweight
    }


def help_told(texts: Texts, note: str | None, unit: str) -> float | None:
    """The counterweight's help a set's note keeps, in ``unit``; None when it keeps none."""
    found = records.help_in_note(note, texts["log.assist_note"])
    return None if found is None else in_unit(found[0], found[1], unit)


async def level_up_offer(context: BotContext, now_turn: Turn, user_id: int) -> None:
    """Suggest the next level when the log says so (private chats: a group's level is the group's)."""
    chat = now_turn.chat
    if chat.kind != ChatType.PRIVATE or chat.level is None:
        return
    days, _pauses = await repo.history(now_turn.session, chat.id)
    main_ids = {
        ex for slot in context.services.catalog.routines.slot if slot.tier == "main" for ex in slot.options
    }
    lifts = await history(context, now_turn, user_id, main_ids)
    verdict = levelup.level_up(
        today=now_turn.today,
        level=Level(chat.level),
        training_days=days,
        weekly_target=chat.weekly_target,
        main_lifts=lifts,
        home=chat.equipment == Equipment.HOME,
        asked_on=chat.levelup_asked_on,
        deloads=deload.deload_days(context.services.catalog, profile(context, chat), days),
    )
    if not verdict.suggest or verdict.to is None:
        return
    chat.levelup_asked_on = now_turn.today
    texts = context.services.texts
    label = texts[f"labels.level.{verdict.to}"]
    now_turn.say(
        texts.get("levelup.suggest", weeks=verdict.weeks_met, level=label),
        [
            [
                (texts["levelup.yes_button"], callbacks.pack(LEVEL_UP, "y", verdict.to.value)),
                (texts["levelup.no_button"], callbacks.pack(LEVEL_UP, "n", "")),
            ]
        ],
    )


# ---------------------------------------------------------------- the level-up button


async def level_up_button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    texts = context.services.texts
    args = callbacks.unpack(query.data, LEVEL_UP, 2)
    if args is None or args[0] not in ("y", "n") or (args[0] == "y" and args[1] not in set(Level)):
        await query.answer(texts["errors.stale_button"])
        return
    await query.answer()
    async with turn(update, context) as now_turn:
        if args[0] == "n":
            now_turn.edit(texts["levelup.not_yet"])
            return
        now_turn.chat.level = args[1]
        now_turn.edit(texts.get("settings.level_set", level=texts[f"labels.level.{args[1]}"]))
