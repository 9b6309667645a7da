"""/log for a past day ("/log pull-up 8 7 6 yesterday"), through the real Application.

A newcomer trial: a session done yesterday but forgotten could only be entered through /done yesterday and
Adjust's ± buttons (20 taps to reach 200 kg), because /log refused any day but today. /log now takes the
day /done takes, up to 2 days back, before or after the sets.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select

from bot import callbacks
from storage.models import LoggedSet, WorkoutLog
from tests.bot.harness import START, Harness, joined, next_load_line

USER = 7207
OTHER = 7208
TODAY = START.date()  # Tuesday 24 Nov 2026
YESTERDAY = TODAY - timedelta(days=1)
UNDO = "↩️ Undo"


async def stored(bot: Harness, user: int = USER) -> list[tuple[date, str, int, float | None]]:
    async with bot.app.bot_data.sessionmaker() as session:
        query = (
            select(WorkoutLog.local_date, LoggedSet.exercise, LoggedSet.reps, LoggedSet.load)
            .join(WorkoutLog, LoggedSet.workout_log_id == WorkoutLog.id)
            .where(LoggedSet.chat_id == user)
            .order_by(LoggedSet.id)
        )
        return [(day, ex, reps, load) for day, ex, reps, load in (await session.execute(query)).all()]


async def days_logged(bot: Harness, user: int = USER) -> list[date]:
    async with bot.app.bot_data.sessionmaker() as session:
        query = (
            select(WorkoutLog.local_date).where(WorkoutLog.chat_id == user).order_by(WorkoutLog.local_date)
        )
        return list(await session.scalars(query))


async def test_a_forgotten_session_is_logged_on_its_day_before_or_after_the_sets(bot: Harness) -> None:
    await bot.onboard(USER)
    reply = joined(await bot.send(USER, "/log deadlift 1x3 200kg yesterday"))
    assert reply.startswith("✍️ Logged for yesterday, Mon 23 Nov: Barbell deadlift: 1×3 @ 200 kg"), reply
    assert "That day counts as a session now, for your week and streak." in reply
    assert "today's session" not in reply
    reply = joined(await bot.send(USER, "/log yesterday: row 3x10 40kg; pull-up 8,7,6"))
    assert reply.startswith(
        "✍️ Logged for yesterday, Mon 23 Nov:\n• Seated cable row: 3×10 @ 40 kg\n• Pull-up: 8, 7, 6"
    ), reply
    assert "counts as a session" not in reply, "the day was a session already"
    reply = joined(await bot.send(USER, "/log face pull 3x15 10kg 2 days ago"))
    assert reply.startswith("✍️ Logged for Sun 22 Nov: Cable face pull: 3×15 @ 10 kg"), reply
    reply = joined(await bot.send(USER, "/log on monday lat pulldown 2x10 50kg # felt easy"))
    assert reply.startswith("✍️ Logged for yesterday, Mon 23 Nov: Lat pulldown: 2×10 @ 50 kg"), reply
    found = await stored(bot)
    assert {day for day, *_ in found} == {YESTERDAY, TODAY - timedelta(days=2)}
    assert (YESTERDAY, "deadlift", 3, 200.0) in found
    assert [row for row in found if row[1] == "pull-up"] == [
        (YESTERDAY, "pull-up", r, None) for r in (8, 7, 6)
    ]
    assert await days_logged(bot) == [TODAY - timedelta(days=2), YESTERDAY]
    async with bot.app.bot_data.sessionmaker() as session:
        note = await session.scalar(select(LoggedSet.note).where(LoggedSet.exercise == "lat-pulldown"))
    assert note == "felt easy"
    # "today" typed is today's, and today's /log still says nothing of a day.
    reply = joined(await bot.send(USER, "/log row 3x10 42.5kg today"))
    assert reply.startswith("✍️ Logged Seated cable row: 3×10 @ 42.5 kg"), reply
    assert "That counts as today's session." in reply
    assert await days_logged(bot) == [TODAY - timedelta(days=2), YESTERDAY, TODAY]
    assert bot.errors == []


async def test_a_backdated_log_counts_for_the_streak_and_history_as_done_yesterday_does(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.onboard(OTHER)
    await bot.send(USER, "/log pull-up 8 7 6 yesterday")
    await bot.send(OTHER, "/done yesterday")
    streak = joined(await bot.send(USER, "/streak"))
    assert "Total sessions: 1" in streak
    assert streak == joined(await bot.send(OTHER, "/streak")), "as /done yesterday counts it"
    history = joined(await bot.send(USER, "/history"))
    assert "<b>Mon 23 Nov</b> · session 1" in history and "• Pull-up: 8, 7, 6" in history
    assert "Tue 24 Nov" not in history
    # The next session is the second, as after /done yesterday.
    assert "Session 2 ·" in joined(await bot.send(USER, "/workout"))
    assert "Session 2 ·" in joined(await bot.send(OTHER, "/workout"))


async def test_sets_backdated_after_a_later_session_are_not_the_latest(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/log row 3x10 40kg")
    bot.clock.advance(minutes=5)
    reply = joined(await bot.send(USER, "/log row 3x10 30kg yesterday"))
    assert "🏆" not in reply, "30 kg the day before is no record over 40 kg"
    bot.clock.advance(days=3)
    workout = joined(await bot.send(USER, "/workout"))
    line = next_load_line(workout, "Seated cable row")
    assert "3×10 @ 40 kg" in line and "30 kg" not in line, line
    # A backdated set heavier than anything logged before or since is a record.
    reply = joined(await bot.send(USER, "/log row 3x10 45kg 2 days ago"))
    assert "🏆 New record — Seated cable row: heaviest ever, 45 kg (was 40 kg)." in reply, reply
    # One far heavier is asked about; a typed correction mends today's sets only, so its Undo is named.
    reply = joined(await bot.send(USER, "/log row 3x10 70kg 2 days ago"))
    assert "70 kg is a big jump from 45 kg: a typo? Tap ↩️ Undo and send it again." in reply, reply
    assert "🏆" not in reply


async def test_the_undo_under_a_backdated_log_takes_back_exactly_its_sets(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/log row 3x10 40kg")
    bot.clock.advance(minutes=3)
    [first] = await bot.send(USER, "/log pull-up 8 7 6 yesterday")
    bot.clock.advance(minutes=3)
    [second] = await bot.send(USER, "/log yesterday face pull 3x15 10kg")
    bot.clock.advance(minutes=3)
    await bot.send(USER, "/log row 3x8 45kg")
    [[button]] = bot.api.buttons(first)
    assert button[0] == UNDO and len(button[1].encode()) <= 64
    undone = joined(await bot.press(USER, UNDO, message_id=first.message_id))
    assert undone == "↩️ Took back from Mon 23 Nov: Pull-up 8, 7, 6. Send /undo again to take back more."
    assert [row[1] for row in await stored(bot) if row[0] == YESTERDAY] == ["face-pull"] * 3
    assert await days_logged(bot) == [YESTERDAY, TODAY]
    # The last of the day's sets: the session the /log made goes with them.
    [[(_, second_undo)]] = bot.api.buttons(second)
    undone = joined(await bot.press(USER, UNDO, message_id=second.message_id))
    assert undone == (
        "↩️ Took back the session of Mon 23 Nov: Cable face pull 3×15 @ 10 kg. "
        "Nothing is logged for Mon 23 Nov now."
    )
    assert await days_logged(bot) == [TODAY]
    assert len(await stored(bot)) == 6, "today's two /logs stay"
    assert await bot.callback(USER, second_undo, message_id=second.message_id) == []
    assert "already taken back" in (bot.toasts()[-1].text or "")
    # Into a session /done yesterday made, the Undo takes the sets and leaves the Done.
    await bot.send(USER, "/done yesterday")
    bot.clock.advance(minutes=3)
    [third] = await bot.send(USER, "/log pull-up 5 5 5 yesterday")
    assert "counts as a session" not in (third.text or "")
    await bot.press(USER, UNDO, message_id=third.message_id)
    assert await days_logged(bot) == [YESTERDAY, TODAY]
    assert [row for row in await stored(bot) if row[0] == YESTERDAY] == []
    # /undo takes back a backdated /log as the last thing logged today.
    bot.clock.advance(minutes=3)
    await bot.send(USER, "/log pull-up 6 6 yesterday")
    assert joined(await bot.send(USER, "/undo")) == (
        "↩️ Took back from Mon 23 Nov: Pull-up 2×6. Send /undo again to take back more."
    )


async def test_a_choice_button_of_a_backdated_log_logs_on_that_day(bot: Harness) -> None:
    await bot.onboard(USER)
    [reply] = await bot.send(USER, "/log row 10 40 yesterday")
    labels = [label for row in bot.api.buttons(reply) for label, _ in row]
    assert labels == ["10 reps @ 40 kg", "40 reps @ 10 kg"], reply.text
    pressed = joined(await bot.press(USER, "10 reps @ 40 kg"))
    assert pressed.startswith("✍️ Logged for yesterday, Mon 23 Nov: Seated cable row: 1×10 @ 40 kg"), pressed
    assert await stored(bot) == [(YESTERDAY, "seated-cable-row", 10, 40.0)]
    # Pressed the next day it logs nothing: its "yesterday" was another day.
    [reply] = await bot.send(USER, "/log row 10 40 yesterday")
    bot.clock.advance(days=1)
    assert await bot.press(USER, "10 reps @ 40 kg", message_id=reply.message_id) == []
    assert "another day" in (bot.toasts()[-1].text or "")
    # Forged: more days back than /log takes.
    data = callbacks.pack(
        "lr", "seated-cable-row", "10", "40", "kg", callbacks.pack_day(TODAY + timedelta(1)) + "-3", ""
    )
    assert await bot.callback(USER, data) == []
    assert len(await stored(bot)) == 1


async def test_yesterday_is_the_chats_yesterday_just_after_midnight_in_utc_plus_13(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/timezone Pacific/Tongatapu")  # UTC+13 all year
    # 11:05 UTC on Tue 24 Nov is 00:05 on Wed 25 Nov in Tonga: yesterday there is Tuesday.
    bot.clock.now = datetime.combine(TODAY, datetime.min.time(), START.tzinfo) + timedelta(
        hours=11, minutes=5
    )
    reply = joined(await bot.send(USER, "/log pull-up 8 7 6 yesterday"))
    assert reply.startswith("✍️ Logged for yesterday, Tue 24 Nov: Pull-up: 8, 7, 6"), reply
    reply = joined(await bot.send(USER, "/log row 3x10 40kg 2 days ago"))
    assert reply.startswith("✍️ Logged for Mon 23 Nov: Seated cable row"), reply
    assert "up to 2 days back" in joined(await bot.send(USER, "/log row 3x10 40kg sunday"))
    assert await days_logged(bot) == [YESTERDAY, TODAY]
    # Ten minutes earlier it was still Tuesday there: Tuesday was today, and yesterday Monday.
    bot.clock.now -= timedelta(minutes=10)
    reply = joined(await bot.send(USER, "/log face pull 3x15 10kg yesterday"))
    assert reply.startswith("✍️ Logged for yesterday, Mon 23 Nov: Cable face pull"), reply
    assert (YESTERDAY, "face-pull", 15, 10.0) in await stored(bot)


async def test_done_yesterday_after_a_backdated_log_offers_only_the_rest_of_that_day(bot: Harness) -> None:
    await bot.onboard(USER)  # a gym beginner: session 1 has the lat pulldown
    await bot.send(USER, "/log lat pulldown 2x10 50kg yesterday")
    done = joined(await bot.send(USER, "/done yesterday"))
    assert done.startswith(
        "✅ Monday 23 Nov already counts as a session, from the sets you've logged (2 sets)"
    )
    assert "Lat pulldown: 2×10 @ 50 kg" in done
    bot.clock.advance(minutes=2)
    written = joined(await bot.press(USER, "✅ As written"))
    assert "Lat pulldown" not in written.split("\n", 1)[1], "logged once, by the /log"
    found = await stored(bot)
    assert {day for day, *_ in found} == {YESTERDAY}
    assert [row for row in found if row[1] == "lat-pulldown"] == [(YESTERDAY, "lat-pulldown", 10, 50.0)] * 2
    assert await days_logged(bot) == [YESTERDAY]
