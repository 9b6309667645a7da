"""/progress (a chart, sent as a photo) and /history (the last sessions with what was lifted).

The chart is drawn in ``bot.chartpool``'s worker process after the update's transaction has ended, so
neither the event loop nor a database connection waits for matplotlib.
"""

from __future__ import annotations

from datetime import date

from telegram import Update
from telegram.constants import ChatType

from bot.coach.chart_weeks import chart_weeks
from bot.coach.charted import MainSlot, chart_lifts, earlier_lifts, left_beside, main_slots, previous_slots
from bot.coach.charts import Lift, Member
from bot.coach.comeback import chosen_light
from bot.coach.kitwords import bands_in
from bot.coach.loadanswer import pair, said_each_hand
from bot.coach.model import SetDone
from bot.coach.planner import DELOAD_DAY, heaviest_kind, position
from bot.coach.progress_text import format_sets, shown_load, with_bands
from bot.coach.texts import escape
from bot.coach.trainingweeks import training_weeks
from bot.context import BotContext
from bot.handlers import comebacks, training_log
from bot.handlers.common import reply, turn
from scheduler.planning import days_from_mask
from storage import logbook, repo

MAX_LIFTS = 3
# With the previous block's main lifts after this block's: a line or two more, still a readable chart.
MAX_LINES = 5
# Under a session's day, each of its lines: indented here, as the text catalog trims a line's own spaces.
BULLET = "  • "
CAPTION_LIMIT = 1024


async def progress_chart(update: Update, context: BotContext) -> None:
    texts = context.services.texts
    async with turn(update, context) as now_turn:
        chat = now_turn.chat
        user_id, _ = training_log.member(update, chat)
        found_days = await repo.history(now_turn.session, chat.id)
        chat_days = found_days.days
        if chat.kind == ChatType.PRIVATE:
            members = [Member(texts["chart.you"], chat_days)]
        else:
            found = await logbook.member_days(now_turn.session, chat.id)
            members = [Member(name or texts["chart.someone"], days) for name, days in found.values()]
        catalog = context.services.catalog
        main_ids = {ex for slot in catalog.routines.slot if slot.tier == "main" for ex in slot.options}
        kinds: dict[date, str] | None = None
        line_kind = ""
        slots: list[MainSlot] = []
        previous: list[MainSlot] = []
        block = 0
        if chat.onboarded:
            chat_profile = training_log.profile(context, chat)
            kinds = await training_log.logged_kinds(context, now_turn, chat_profile)
            line_kind = heaviest_kind(catalog, chat_profile.level) if kinds else ""
            # The block of the chat's latest session: its main lifts are what the chart follows.
            weeks = training_weeks(chat_days)
            slots = main_slots(catalog, chat_profile, weeks.sessions, weeks)
            previous = previous_slots(catalog, chat_profile, weeks.sessions, weeks)
            block = position(catalog, chat_profile, max(1, weeks.sessions), weeks).block - 1
            main_ids.update(ex for slot in slots for ex in slot.lifts | slot.others)
            main_ids.update(ex for slot in previous for ex in slot.lifts)
        logged = await training_log.history(context, now_turn, user_id, main_ids)
        # A session back lighter on purpose (after a pain, a long break) is no loss (``lighter_days``).
        lighter = await comebacks.lighter_days(context, now_turn, logged)
        logged = {
            ex: [(d, s) for d, s in pairs if d not in lighter.get(ex, ())] for ex, pairs in logged.items()
        }
        # A light day chosen (well under the recent sets, ``comeback.chosen_light``) is no baseline for the
        # progression, nor a drop on the chart: marked off the line, and the caption says so.
        chosen = chosen_light(logged, kinds, training_log.increment_of(chat))
        deloads = {day for day, kind in (kinds or {}).items() if kind == DELOAD_DAY}
        shown = training_log.names(context)
        since = chart_weeks(now_turn.today)[0]
        picked = chart_lifts(logged, MAX_LIFTS, slots, since)
        # A coach's trial: block 2's chart left off the deadlift trained all of block 1.
        earlier = earlier_lifts(picked, logged, slots, previous, MAX_LINES - len(picked), since)
        picked += earlier
        known = catalog.exercises
        added = {ex for ex in picked if ex in known and known[ex].added_load}
        beside = left_beside(picked, logged, slots, added, since)
        lifts = [
            Lift(
                shown.get(ex, ex),
                logged[ex],
                chat.unit,
                kinds or {},
                ex not in known or known[ex].estimable,
                line_kind,
                # The legend's name: the catalog's short one, as a label starts ("Backpack RDL").
                known[ex].short[:1].upper() + known[ex].short[1:] if ex in known else "",
                tuple(known[other].short if other in known else other for other in beside.get(ex, ())),
                added=ex in added,
                block=block if ex in earlier else 0,
                each_hand=ex in known and pair(known[ex]),
                light=chosen.get(ex, frozenset()) - deloads,
            )
            for ex in picked
        ]
        today, target = now_turn.today, chat.weekly_target
        # Weeks a /pause passed by are not counted as missed, as /streak does not count them, and a week it
        # touched asks only for the training days it left free, as /streak asks.
        paused, training = found_days.pauses, days_from_mask(chat.workout_days)
    if not any(member.days for member in members) and not lifts:
        await reply(update, context, texts["chart.nothing"])
        return
    chart = await context.services.charts.render(
        today=today,
        weekly_target=target,
        members=members,
        lifts=lifts,
        texts=texts,
        paused=paused,
        workout_days=training,
    )
    if chart is None:
        await reply(update, context, texts["chart.nothing"])
        return
    assert update.effective_chat is not None
    await context.bot.send_photo(
        update.effective_chat.id, chart.png, caption=chart.caption[:CAPTION_LIMIT], filename="progress.png"
    )


async def history_command(update: Update, context: BotContext) -> None:
    texts = context.services.texts
    async with turn(update, context) as now_turn:
        chat = now_turn.chat
        user_id, _ = training_log.member(update, chat)
        member = None if chat.kind == ChatType.PRIVATE else user_id
        sessions = await logbook.recent_sessions(now_turn.session, chat.id, limit=10, user_id=member)
        if not sessions:
            now_turn.say(texts["history.nothing"])
            return
        shown = training_log.names(context)
        hand, known = texts["log.each_hand"], context.services.catalog.exercises
        lines = [texts["history.title"]]
        for found in sessions:
            lines.append(
                texts.get("history.session", day=f"{found.day:%a %d %b}", number=found.session_number)
            )
            # Each set is stored in the unit it was logged in; all are shown in the chat's unit now. A load
            # logged as each hand's (its note says so, as /log and As written keep it) is said to be, as
            # /log's reply said it: "3×10 @ 8 kg each hand", not a trial's bare "8 kg", half what was lifted.
            # The band a set was logged with is said as the /log reply said it: "3×6 with the red band".
            # A note typed with the sets ("(light, shoulder pain)") after them, as the /log reply said it.
            by_exercise: dict[tuple[str, bool, tuple[str, ...], str], list[SetDone]] = {}
            for row in found.sets:
                load = shown_load(row.load, row.unit, chat.unit)
                each = said_each_hand(known.get(row.exercise), row.load, row.note, hand)
                done = SetDone(row.reps, load, seconds=row.seconds)
                noted = training_log.note_said(context, row.note)
                by_exercise.setdefault((row.exercise, each, bands_in(row.note), noted), []).append(done)
            if not by_exercise:
                lines.append(BULLET + texts["history.no_sets"])
            for (exercise, each, bands, noted), sets in by_exercise.items():
                name, described = escape(shown.get(exercise, exercise)), format_sets(sets, chat.unit)
                said = (described, hand if each else "", with_bands(bands, texts), noted)
                told = " ".join(filter(None, said))
                lines.append(f"{BULLET}{name}: {told}")
        now_turn.say("\n".join(lines))
