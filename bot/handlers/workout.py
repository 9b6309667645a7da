"""/workout hands out today's session; the Done button and /done log it, once per member per day."""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date, datetime, timedelta

from telegram import Update
from telegram.constants import ChatType

from bot import callbacks
from bot.coach import levelup, sessionlog, shortened
from bot.coach.cautions import LeftOut
from bot.coach.model import Equipment
from bot.coach.planner import Session, plan_session
from bot.coach.texts import Texts, escape
from bot.context import BotContext
from bot.handlers import (
    as_written,
    cautions,
    kit,
    progress,
    training_log,
    undo,
    warmups,
    workout_time,
    written_typed,
)
from bot.handlers.common import Turn, member_name, reply, strip_tags, turn
from bot.keyboards import Buttons
from storage import logbook, repo

DONE = callbacks.pack("done")
SHOW = kit.SHOW_WORKOUT


async def next_session(context: BotContext, now_turn: Turn, done: int) -> Session:
    """Session ``done + 1``, today's unless today is logged, by the chat's training weeks."""
    profile = training_log.profile(context, now_turn.chat)
    return plan_session(context.services.catalog, profile, done + 1, await training_log.chat_weeks(now_turn))


async def workout(update: Update, context: BotContext) -> None:
    """Today's session; with a time ("/workout 30", "/workout short"), cut to it for the rest of the day."""
    texts = context.services.texts
    asked = shortened.read_budget(" ".join(context.args or ()))
    async with turn(update, context) as now_turn:
        if not now_turn.chat.onboarded:
            now_turn.say(texts["workout.not_ready"])
            return
        if isinstance(asked, shortened.BudgetError):
            now_turn.say(texts.get(f"workout.{asked}", most=shortened.MAX_MINUTES))
            return
        if now_turn.chat.equipment == Equipment.HOME and now_turn.chat.kit is None:
            # A home chat from before kit was asked: ask once, then its sessions use only what it has.
            text, buttons = kit.prompt(context, None, kit.WORKOUT)
            now_turn.say(f"{texts['kit.first_ask']}\n\n{text}", buttons)
            return
        chat, session, today = now_turn.chat, now_turn.session, now_turn.today
        done, logged_today = await repo.progress_on(session, chat.id, today)
        user = update.effective_user
        user_id = user.id if user is not None else chat.id
        minutes = await workout_time.day_budget(now_turn, user_id, asked)
        # What the trainee said hurts is left out (``bot.handlers.cautions``), before any cut to time. The
        # cautions are read once here: the card's targets and today's logged part need them too.
        cautioned = await cautions.told(now_turn)
        told = cautions.in_force(cautioned, today)
        # The session as planned and as cut to the day's budget, for the ⏱ buttons and the line on top.
        full: Session | None = None
        cut: shortened.Cut | None = None
        omitted: LeftOut | None = None
        # What today's session already has logged, when the card is its rest: a pattern trained in it is
        # not gone from the day.
        logged: Collection[str] = ()

        async def rendered(planned: Session, budget: int | None = minutes) -> str:
            nonlocal full, cut, omitted
            omitted = cautions.leave_out(context, planned, told)
            planned = omitted.session
            full, cut = planned, workout_time.cut(context, planned, budget)
            shown = cut.session if cut is not None else planned
            return await warmups.card(
                context, now_turn, shown, user_id, budget=cut is not None, cautioned=cautioned
            )

        mine = await logbook.day_log(session, chat.id, today, user_id=user_id) if logged_today else None
        so_far = None
        if mine is not None and mine.sets:
            so_far = await as_written.day_done(
                context, now_turn, user_id, today, mine.session_number, cautioned
            )
        if not logged_today:
            text = await rendered(await next_session(context, now_turn, done))
        elif so_far is not None and so_far.anything_left:
            # Some of today's session is logged (a /log counts the day): the rest of it, not the next one
            # (cut to the day's budget by ``day_done``, so what it dropped is not "still to do").
            planned = so_far.session
            full, cut, omitted = planned, so_far.cut, so_far.left_out
            logged = so_far.sets.keys()
            ticked = as_written.ticked(context, chat, so_far)
            body = await warmups.card(
                context,
                now_turn,
                planned,
                user_id,
                before=today,
                budget=cut is not None,
                logged=ticked,
                cautioned=cautioned,
            )
            left = as_written.left_names(context, so_far)
            head = texts.get("workout.today_so_far", left=left)
            if extra := as_written.not_planned(context, chat, so_far):
                head += " " + texts.get("workout.also_logged", sets=extra)
            text = f"{head}\n\n{body}"
        elif so_far is not None and so_far.cut is not None and isinstance(asked, int):
            # A time asked for once what it keeps is all logged (⏱ pressed halfway): today's session is
            # done, said, rather than the next session cut to today's time.
            full, cut = so_far.cut.whole, so_far.cut
            text = texts.get("workout.cut_all_logged", budget=asked)
        elif mine is None and chat.kind != ChatType.PRIVATE and user is not None:
            # The group trained today and this member has not logged yet: today's session (already
            # counted for the group), not the one after it.
            names = ", ".join(escape(name) for name in await repo.members_on(session, chat.id, today))
            today_session = await rendered(await next_session(context, now_turn, done - 1))
            text = f"{texts.get('workout.group_today', names=names)}\n\n{today_session}"
        else:
            # The next session: cut only when this /workout asked for a time (the day's budget was today's).
            budget = asked if isinstance(asked, int) else None
            upcoming = await rendered(await next_session(context, now_turn, done), budget)
            text = f"{texts['workout.already_today']}\n\n{upcoming}"
        if cut is not None:
            text = f"{workout_time.head(context, cut)}\n\n{text}"
        caution, fine = cautions.card(context, omitted, told, logged) if omitted is not None else ("", [])
        if caution:
            text = f"{caution}\n\n{text}"
        if chat.kind == ChatType.PRIVATE:
            days, _pauses = await repo.history(session, chat.id)
            if levelup.first_week_back(today, days):
                text = f"{texts['workout.first_week_back']}\n\n{text}"
        rows = [[(texts["workout.done_button"], DONE)]]
        if full is not None:
            rows += [list(row) for row in workout_time.buttons(texts, full, cut)]
        rows += [list(row) for row in fine]
        now_turn.say(text, rows)


async def time_button(update: Update, context: BotContext) -> None:
    """ "⏱ Short on time" (the ~30-minute version) or "Whole session" under /workout: /workout with it."""
    query = update.callback_query
    assert query is not None
    value = workout_time.button_value(query.data)
    if value is None:
        await query.answer(strip_tags(context.services.texts["workout.time_button_stale"])[:200])
        return
    await query.answer()
    context.args = [str(value)]
    await workout(update, context)


async def show_button(update: Update, context: BotContext) -> None:
    """ "Today's session" under a just-saved kit: the same as typing /workout."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    await workout(update, context)


async def log_today(
    update: Update, context: BotContext, day: date | None = None, *, typed: str | None = None
) -> tuple[bool, str, Buttons | None]:
    """Log the session for whoever pressed; the reply says what happened, with As written / Adjust / Undo.

    ``day`` is the day of the reminder whose Done was pressed: today's, or yesterday's pressed after
    midnight (the session was done, the tap came late), logs that day; an older one logs nothing.
    ``typed`` is what followed /done ("yesterday", "2 days ago"): up to two days back. In a private chat, a
    reply that offers As written is answered by typing "as written" too (``written_typed``).
    """
    async with turn(update, context) as now_turn:
        return await log_on_turn(update, context, now_turn, day, typed=typed)


async def log_on_turn(
    update: Update, context: BotContext, now_turn: Turn, day: date | None = None, *, typed: str | None = None
) -> tuple[bool, str, Buttons | None]:
    """``log_today`` on a turn already open (a typed "done" read among other plain text)."""
    found = await _log_day(update, context, now_turn, day, typed)
    written_typed.note_offer(now_turn, update, found[2])
    return found


async def _log_day(
    update: Update, context: BotContext, now_turn: Turn, day: date | None, typed: str | None
) -> tuple[bool, str, Buttons | None]:
    texts = context.services.texts
    user = update.effective_user
    chat = now_turn.chat
    if not chat.onboarded:
        return False, texts["workout.not_ready"], None
    today = now_turn.today
    if typed is not None:
        parsed = sessionlog.parse_day(typed, today)
        if isinstance(parsed, sessionlog.DayError):
            return False, texts[parsed.key], None
        day = parsed
    # A day after today: the chat's timezone moved back across midnight since the reminder.
    day = today if day is None or day > today else day
    if typed is None and day not in (today, today - timedelta(days=1)):
        return False, texts.get("workout.other_day", day=f"{day:%A %d %b}"), None
    user_id = user.id if user is not None else chat.id
    new = await repo.log_workout(
        now_turn.session,
        chat.id,
        day,
        user_id=user_id,
        user_name=member_name(update)[:64],
        now=now_turn.now,
    )
    if not new:
        found = await logbook.day_log(now_turn.session, chat.id, day, user_id=user_id)
        if found is not None and found.sets:
            # A /log already made the day a session. "Already logged" read like an error to someone who
            # had logged one exercise: say that their sets count, and offer the rest of the session.
            so_far = await as_written.day_done(context, now_turn, user_id, day, found.session_number)
            sets = texts.count("count.set", found.sets)
            if so_far.anything_left:
                return (False, *rest_to_log(context, now_turn, day, so_far, sets))
            if day == today:
                return False, texts.get("workout.counted_from_sets", sets=sets), None
        if found is not None and not found.sets and day == today:
            # Done again with nothing logged yet: a trial read "see you next time" as the sets lost.
            return False, texts["workout.already_logged_unlogged"], after_done(texts, day, today)
        if day == today - timedelta(days=1):
            return False, texts["workout.already_logged_yesterday"], None
        if day != today:
            return False, texts.get("workout.already_logged_day", day=f"{day:%A %d %b}"), None
        return False, texts["workout.already_logged_long"], None
    score = await progress.score_of(now_turn)
    if chat.kind == ChatType.PRIVATE:
        # With no streak yet, what starts one rather than "Streak: 0 weeks".
        # A week a pause touched asks for less (``streaks.week_target``), as /streak says.
        streaking = score.current_weeks or score.this_week >= score.target_this_week
        text = texts.get(
            "workout.logged" if streaking else "workout.logged_no_streak",
            head=await logged_head(context, now_turn, day, score.total),
            this_week=score.this_week,
            target=score.target_this_week,
            streak=texts.count("count.week", score.current_weeks),
        )
    else:
        text = texts.get(
            "workout.logged_group",
            name=escape(member_name(update)),
            this_week=score.this_week,
            target=score.target_this_week,
        )
    if day != today:
        text = f"{texts.get('workout.logged_for', day=f'{day:%A %d %b}')}\n{text}"
    return True, text, after_done(texts, day, today, done_at=now_turn.now)


async def logged_head(context: BotContext, now_turn: Turn, day: date, total: int) -> str:
    """ "Session N logged!": sessions are numbered in date order (as /history shows them, and /workout's
    "Session N" counts on from them), so a backdated day is numbered among the days before it. When days
    logged after it exist, that number is smaller than the count the trainee has been hearing ("Session 4"
    yesterday): the count in all comes first."""
    texts = context.services.texts
    number, _ = await repo.progress_on(now_turn.session, now_turn.chat.id, day)
    if number < total:
        return texts.get("workout.head_earlier", total=total, number=number)
    return texts.get("workout.head", number=number)


def rest_to_log(
    context: BotContext, now_turn: Turn, day: date, so_far: as_written.DayDone, sets: str
) -> tuple[str, Buttons]:
    """Done on a day some of whose session is logged: what counts already, and the rest to log."""
    texts, chat = context.services.texts, now_turn.chat
    logged = training_log.describe_sets(context, chat, list(so_far.sets.items()), so_far.each_hand)
    left = as_written.left_names(context, so_far)
    if day == now_turn.today:
        text = texts.get("workout.rest_to_log", sets=sets, logged=logged, left=left)
    else:
        shown = f"{day:%A %d %b}"
        text = texts.get("workout.rest_to_log_day", day=shown, sets=sets, logged=logged, left=left)
    adjust = any(target.main for target in so_far.to_write)
    if adjust:
        text += " " + texts["workout.rest_adjust"]
    if so_far.taken_off:
        text += "\n" + as_written.taken_off(context, so_far, "workout.rest_taken_off")
    return text, after_done(texts, day, now_turn.today, adjust=adjust)


def after_done(
    texts: Texts, day: date, today: date, *, adjust: bool = True, done_at: datetime | None = None
) -> Buttons:
    """Under "Session N logged": log the sets as written, adjust them, or take the Done back: the Done made
    at ``done_at`` (the session's own time), not whatever the day holds when Undo is pressed. Under the
    rest of a session some of which is logged: Adjust only while a main lift is left, and no Undo (the
    press logged nothing to take back)."""
    row = [(texts["log.as_written_button"], callbacks.pack(training_log.AS_WRITTEN, callbacks.pack_day(day)))]
    if adjust:
        row.append(
            (texts["log.adjust_button"], callbacks.pack(training_log.ADJUST, callbacks.pack_day(day), ""))
        )
    if done_at is None:
        return [row]
    return [row, [(texts["log.undo_button"], undo.undo_data(day, today, undo.THE_DONE, done_at))]]


async def done_button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    day: date | None = None
    if callbacks.unpack(query.data, "done", 0) is None:
        # A reminder's Done names the reminder's day; /workout's means today.
        args = callbacks.unpack(query.data, "done", 1)
        day = callbacks.unpack_day(args[0]) if args is not None else None
        if day is None:
            await query.answer(context.services.texts["errors.stale_button"])
            return
    new, text, buttons = await log_today(update, context, day)
    texts = context.services.texts
    already = (texts["workout.already_logged_long"], texts["workout.already_logged_unlogged"])
    if not new and (buttons is None or text in already):
        # A second press (or a hundred) gets a quiet toast, not a wall of repeated messages: the first
        # press's message keeps its As written. While some of the session is left to log after a /log, a
        # press offers it (As written logs it once, however often).
        toast = texts["workout.already_logged"] if text in already else text
        await query.answer(strip_tags(toast)[:200])
        return
    await query.answer()
    await reply(update, context, text, buttons)


async def done_command(update: Update, context: BotContext) -> None:
    typed = " ".join(context.args or ())
    _new, text, buttons = await log_today(update, context, typed=typed)
    await reply(update, context, text, buttons)


async def trained_message(update: Update, context: BotContext) -> None:
    """ "I trained yesterday" typed in a private chat: the same as /done yesterday."""
    message = update.effective_message
    typed = trained_day(message.text or "") if message is not None else None
    _new, text, buttons = await log_today(update, context, typed=typed or "")
    await reply(update, context, text, buttons)


TRAINED = re.compile(
    r"^\s*i\s+(?:trained|worked\s+out|did\s+(?:my|the|a)\s+(?:workout|session))\s+"
    r"(yesterday|today|last\s+night|tonight|this\s+(?:morning|afternoon|evening))\W*$",
    re.IGNORECASE,
)


def trained_day(text: str) -> str | None:
    """ "I trained yesterday" → "yesterday" ("last night" too, which /done reads as yesterday; "this
    morning" as today); None for anything else."""
    match = TRAINED.match(text)
    return match.group(1).lower() if match else None
