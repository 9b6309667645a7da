"""/progress, /history, /export, /forget, level-up and groups, through the real Application."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import numpy as np
from matplotlib import image
from sqlalchemy import func, inspect, select, text

from bot.coach import export
from storage import logbook
from storage.models import Chat, LoggedSet
from tests.bot.harness import START, Harness

USER = 4004
GROUP = -100777
ANN, BOB = 501, 502
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def joined(sent: list) -> str:  # type: ignore[type-arg]
    return "\n".join(message.text or "" for message in sent)


async def row_counts(bot: Harness) -> dict[str, int]:
    """Rows in every table of the database (Alembic's own bookkeeping aside)."""
    async with bot.app.bot_data.engine.connect() as connection:
        # The database's own list of tables, on either backend, not the models': a table the models
        # forgot would still be counted.
        names = await connection.run_sync(lambda sync: inspect(sync).get_table_names())
        counts = {}
        for name in [n for n in names if n != "alembic_version"]:
            counts[name] = (await connection.execute(text(f'SELECT count(*) FROM "{name}"'))).scalar_one()
    return counts


def pixels(png: bytes) -> np.ndarray:  # type: ignore[type-arg]
    assert png.startswith(PNG_SIGNATURE)
    return np.asarray(image.imread(io.BytesIO(png), format="png"))


async def test_issue_14_done_when(bot: Harness) -> None:
    await bot.onboard(USER)
    bot.clock.now = START - timedelta(days=2)
    await bot.send(USER, "/log lat pulldown 2x10 40kg")
    bot.clock.now = START

    # Yesterday's session, logged today with adjusted reps: the lift's second, its baseline.
    assert "Logged for Monday 23 Nov" in joined(await bot.send(USER, "/done yesterday"))
    await bot.press(USER, "✏️ Adjust")
    await bot.press(USER, "2: +1 rep")
    saved = joined(await bot.press(USER, "💾 Save"))
    assert "Logged ✓ <b>Mon 23 Nov</b>" in saved and "Lat pulldown: 2×12 @ 40 kg" in saved
    assert "🏆" not in saved, saved

    # Today's /workout carries the progressed target: every set reached 12, so heavier.
    workout = joined(await bot.send(USER, "/workout"))
    assert "Session 3 ·" in workout
    assert "Lat pulldown: last time 2×12 @ 40 kg → today 2×10 @ 42.5 kg" in workout

    first = await bot.send(USER, "/progress")
    assert first == [] and bot.api.files[-1].method == "sendPhoto"
    before = pixels(bot.api.files[-1].content)
    # From the first session's week (Sun 22 Nov's) through today's, not the chart's twelve.
    assert "📈 2 sessions in 2 weeks" in (bot.api.files[-1].caption or "")

    beaten = joined(await bot.send(USER, "/log lat pulldown 2x10 42.5kg"))
    # 42.5 kg × 10 after 40 kg × 12: the heaviest pulldown yet, for fewer reps.
    assert "🏆 New record — Lat pulldown: heaviest ever, 42.5 kg (was 40 kg)." in beaten, beaten
    await bot.send(USER, "/progress")
    after = pixels(bot.api.files[-1].content)
    assert "📈 3 sessions in 2 weeks" in (bot.api.files[-1].caption or "")
    assert before.shape != after.shape or not np.array_equal(before, after), "the chart follows the data"

    await bot.send(USER, "/export")
    document = bot.api.files[-1]
    assert document.method == "sendDocument" and document.filename == "backcoach-2026-11-24.csv"
    rows = list(csv.DictReader(io.StringIO(document.content.decode("utf-8"))))
    async with bot.app.bot_data.sessionmaker() as session:
        stored = await session.scalar(select(func.count()).select_from(LoggedSet))
    # Every set logged: the pulldown on three days and the lifts As written had a load for (the rest it asks).
    assert len(rows) == stored and stored is not None and stored >= 10
    assert tuple(rows[0]) == export.HEADER
    assert {
        "Date": "2026-11-24",
        "Exercise Name": "Lat pulldown",
        "Weight": "42.5",
        "Reps": "10",
    }.items() <= (rows[-1].items())

    asked = await bot.send(USER, "/forget")
    assert "Delete everything" in joined(asked)
    assert any(count for count in (await row_counts(bot)).values())
    gone = await bot.press(USER, "🗑 Yes, delete")
    assert "everything about this chat is deleted" in joined(gone)
    assert await row_counts(bot) == dict.fromkeys(await row_counts(bot), 0)


async def test_progress_and_history_with_nothing_logged_are_friendly(bot: Harness) -> None:
    await bot.onboard(USER)
    assert "Nothing to chart yet" in joined(await bot.send(USER, "/progress"))
    assert "No sessions yet" in joined(await bot.send(USER, "/history"))
    assert "Nothing to export yet" in joined(await bot.send(USER, "/export"))
    assert bot.api.files == []


async def test_one_session_is_one_session_in_the_caption(bot: Harness) -> None:
    # A trial's caption read "1 sessions in 12 weeks"; a first session's week is one week.
    await bot.onboard(USER)
    await bot.send(USER, "/log pull-up 5 5 4")
    assert await bot.send(USER, "/progress") == []
    caption = bot.api.files[-1].caption or ""
    assert caption.startswith("📈 1 session in 1 week, target met in 0 of them"), caption


async def test_a_chat_three_weeks_in_is_told_of_its_three_weeks(bot: Harness) -> None:
    # A newcomer trial three weeks in read "6 sessions in 12 weeks": the window, not the period trained.
    await bot.onboard(USER)
    for _week in range(3):
        await bot.send(USER, "/done")  # a Tuesday
        bot.clock.advance(days=2)
        await bot.send(USER, "/done")  # a Thursday
        bot.clock.advance(days=5)
    bot.clock.advance(days=-5)
    assert await bot.send(USER, "/progress") == []
    caption = bot.api.files[-1].caption or ""
    assert caption.startswith("📈 6 sessions in 3 weeks, target met in "), caption


async def test_history_lists_the_last_ten_sessions_with_what_was_lifted(bot: Harness) -> None:
    await bot.onboard(USER)
    for day in range(12):
        bot.clock.now = START + timedelta(days=day)
        await bot.send(USER, f"/log lat pulldown 2x10 {40 + day}kg")
    history = joined(await bot.send(USER, "/history"))
    assert history.count("· session") == 10
    assert "Sat 05 Dec</b> · session 12" in history and "Lat pulldown: 2×10 @ 51 kg" in history
    assert "@ 41 kg" not in history, "only the last ten"


async def test_forget_can_be_called_off(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/done")
    await bot.send(USER, "/forget")
    assert "Nothing deleted" in joined(await bot.press(USER, "Keep it"))
    assert (await row_counts(bot))["workout_logs"] == 1


async def test_level_up_is_suggested_with_buttons_and_never_automatic(bot: Harness) -> None:
    await bot.onboard(USER)
    monday = START.date() - timedelta(days=START.weekday())
    async with bot.app.bot_data.sessionmaker.begin() as session:
        for week in range(8, 0, -1):
            for offset in (0, 3):
                day = monday - timedelta(weeks=week) + timedelta(days=offset)
                load = 30.0 + (8 - week) * 2.5
                new = [logbook.NewSet("lat-pulldown", 10, load, "kg")] * 2
                await logbook.log_sets(session, USER, day, user_id=USER, user_name="U", sets=new, now=START)
    logged = await bot.send(USER, "/log lat pulldown 2x10 50kg")
    offer = logged[-1]
    assert "Ready to move up?" in (offer.text or "") and "8 of the last 8 weeks" in (offer.text or "")
    assert [label for row in bot.api.buttons(offer) for label, _ in row] == ["⬆️ Move up", "Not yet"]
    async with bot.app.bot_data.sessionmaker() as session:
        chat = await session.get(Chat, USER)
        assert chat is not None and chat.level == "beginner", "never automatic"
    bot.clock.advance(days=1)
    again = await bot.send(USER, "/log lat pulldown 2x10 50kg")
    assert "Ready to move up?" not in joined(again), "not asked again for two weeks"
    moved = await bot.press(USER, "⬆️ Move up")
    assert "Intermediate" in joined(moved)
    async with bot.app.bot_data.sessionmaker() as session:
        chat = await session.get(Chat, USER)
        assert chat is not None and chat.level == "intermediate"


async def test_first_week_back_after_a_break_is_easier(bot: Harness) -> None:
    await bot.onboard(USER)
    bot.clock.now = START - timedelta(weeks=5)
    await bot.send(USER, "/done")
    assert "First week back" not in joined(await bot.send(USER, "/workout"))
    bot.clock.now = START
    assert "First week back" in joined(await bot.send(USER, "/workout"))


async def onboard_group(bot: Harness) -> None:
    bot.api.group_chat(GROUP, "Back Buddies")
    await bot.onboard(GROUP, user_id=ANN)


async def test_groups_log_records_history_export_and_forget_per_member(bot: Harness) -> None:
    await onboard_group(bot)
    await bot.send(GROUP, "/log lat pulldown 2x10 40kg", user_id=ANN)
    await bot.send(GROUP, "/log lat pulldown 2x8 30kg", user_id=BOB)
    bot.clock.advance(days=2)
    bot.clock.advance(days=2)
    await bot.send(GROUP, "/log lat pulldown 2x10 40kg", user_id=ANN)
    await bot.send(GROUP, "/log lat pulldown 2x8 30kg", user_id=BOB)
    bot.clock.advance(days=2)
    ann = joined(await bot.send(GROUP, "/log lat pulldown 2x10 35kg", user_id=ANN))
    bob = joined(await bot.send(GROUP, "/log lat pulldown 2x8 35kg", user_id=BOB))
    assert "🏆" not in ann, "Ann's 35 kg beats nothing of hers"
    assert "heaviest ever, 35 kg (was 30 kg)" in bob, "Bob's record is his own"

    # The next day's session (the day of a /log still shows that day's, with the rest to do).
    bot.clock.advance(days=1)
    workout = joined(await bot.send(GROUP, "/workout", user_id=BOB))
    assert "Lat pulldown: last time 2×8 @ 35 kg → today 2×10 @ 35 kg" in workout

    history = joined(await bot.send(GROUP, "/history", user_id=ANN))
    assert "@ 40 kg" in history and "@ 30 kg" not in history

    await bot.send(GROUP, "/progress", user_id=ANN)
    chart = bot.api.files[-1]
    assert chart.method == "sendPhoto" and chart.chat_id == GROUP and chart.content.startswith(PNG_SIGNATURE)
    assert "📈 6 sessions in 2 weeks" in (chart.caption or "")

    await bot.send(GROUP, "/export", user_id=BOB)
    rows = list(csv.DictReader(io.StringIO(bot.api.files[-1].content.decode())))
    assert [row["Weight"] for row in rows] == ["30", "30", "30", "30", "35", "35"]

    await bot.send(GROUP, "/forget", user_id=BOB)
    assert await bot.press(GROUP, "🗑 Yes, delete", user_id=ANN) == []
    assert "Only who asked" in (bot.toasts()[-1].text or "")
    await bot.press(GROUP, "🗑 Yes, delete", user_id=BOB)
    async with bot.app.bot_data.sessionmaker() as session:
        left = set(await session.scalars(select(LoggedSet.user_id)))
        assert left == {ANN}
        assert await session.get(Chat, GROUP) is not None

    refused = joined(await bot.send(GROUP, "/forget group", user_id=BOB))
    assert "Only a group admin" in refused
    bot.api.set_member(GROUP, ANN)
    await bot.send(GROUP, "/forget group", user_id=ANN)
    await bot.press(GROUP, "🗑 Yes, delete", user_id=ANN)
    assert await row_counts(bot) == dict.fromkeys(await row_counts(bot), 0)


async def test_history_shows_every_set_in_the_current_unit(bot: Harness) -> None:
    # A user trial: sets logged in lb, then in kg, were all labelled with the last set's unit.
    await bot.onboard(USER)
    await bot.send(USER, "/units lb")
    await bot.send(USER, "/log row 3x10 100")
    await bot.send(USER, "/log lat pulldown 3x12 110")
    await bot.send(USER, "/units kg")
    await bot.send(USER, "/log row 3x10 50")
    history = joined(await bot.send(USER, "/history"))
    # 100 lb is 45.36 kg: one decimal is enough to read.
    assert "Seated cable row: 3×10 @ 45.4 kg, 3×10 @ 50 kg\n" in history
    assert "Lat pulldown: 3×12 @ 49.9 kg" in history
    assert "@ 100 kg" not in history and " lb" not in history

    await bot.send(USER, "/units lb")
    history = joined(await bot.send(USER, "/history"))
    # Logged in lb, shown as logged; 50 kg is 110.23 lb.
    assert "Seated cable row: 3×10 @ 100 lb, 3×10 @ 110.2 lb\n" in history
    assert "Lat pulldown: 3×12 @ 110 lb" in history
    assert " kg" not in history


async def test_a_backdated_session_before_later_ones_says_the_count_and_its_number_by_date(
    bot: Harness,
) -> None:
    # A newcomer trial: an advanced lifter with 4 sessions logged (Wed, Thu, Sat, Sun) told Sunday that he
    # trained on Friday too, and heard "Session 3 logged!" (Saturday's had been "Session 3" the day before):
    # it was his 5th. The count in all comes first, then the number /history gives the day now.
    bot.clock.now = datetime(2026, 12, 9, 10, 0, tzinfo=UTC)
    await bot.onboard(USER, level="🔥 Advanced")
    for day in (9, 10, 12, 13):
        bot.clock.now = datetime(2026, 12, day, 10, 0, tzinfo=UTC)
        await bot.send(USER, "/done")
    assert joined(await bot.send(USER, "/done 2 days ago")) == (
        "📅 Logged for Friday 11 Dec.\n"
        "✅ <b>Session logged: 5 in all!</b> By date it's session 3, and the later ones move up one. "
        "This week: 5/2. Streak: 1 week."
    )
    history = joined(await bot.send(USER, "/history"))
    numbered = [line for line in history.splitlines() if " · session " in line]
    assert numbered == [
        "<b>Sun 13 Dec</b> · session 5",
        "<b>Sat 12 Dec</b> · session 4",
        "<b>Fri 11 Dec</b> · session 3",
        "<b>Thu 10 Dec</b> · session 2",
        "<b>Wed 09 Dec</b> · session 1",
    ]
    assert "Total sessions: 5" in joined(await bot.send(USER, "/streak"))
    assert "Session 6 ·" in joined(await bot.send(USER, "/workout"))

    # A backdated day with nothing logged after it is simply the next session.
    bot.clock.now = datetime(2026, 12, 16, 10, 0, tzinfo=UTC)
    assert joined(await bot.send(USER, "/done yesterday")) == (
        "📅 Logged for Tuesday 15 Dec.\n✅ <b>Session 6 logged!</b> This week: 1/2. Streak: 1 week."
    )


async def test_a_backdated_session_is_numbered_by_date_in_the_reply_and_in_history(bot: Harness) -> None:
    # A user trial: /done yesterday after today's session replied "Session 2" and /history then
    # called both days "session 1". Sessions are numbered in date order, everywhere.
    await bot.onboard(USER)
    await bot.send(USER, "/done")
    assert "Session logged: 2 in all!</b> By date it's session 1" in joined(
        await bot.send(USER, "/done yesterday")
    )
    history = joined(await bot.send(USER, "/history"))
    assert "Tue 24 Nov</b> · session 2" in history
    assert "Mon 23 Nov</b> · session 1" in history
    assert "Session 3 ·" in joined(await bot.send(USER, "/workout"))


async def test_history_says_a_load_logged_each_hand_is_each_hands(bot: Harness) -> None:
    # A newcomer trial: /log said "@ 8 kg each hand", /history then "@ 8 kg", half of what was lifted.
    await bot.onboard(USER, equipment="🏠 Home", kit=("A backpack or other load",))
    row = "Bent-over row with a loaded backpack or dumbbells"
    logged = joined(await bot.send(USER, "/log db row 3x10 each hand 8kg"))
    assert f"{row}: 3×10 @ 8 kg each hand" in logged, logged
    # The same day, the backpack on its own: its own line, with no hands.
    await bot.send(USER, "/log backpack row 1x10 12kg")
    # The next session's loads asked by As written, one answered as each hand's.
    bot.clock.advance(days=2)
    await bot.send(USER, "/done")
    await bot.press(USER, "✅ As written")
    asked = bot.api.last(USER).text or ""
    assert "what load did you lift" in asked or "weight" in asked, asked
    answered = joined(await bot.send(USER, "10 kg each"))
    assert "10 kg each hand" in answered, answered
    history = joined(await bot.send(USER, "/history"))
    assert "10 kg each hand" in history.split("<b>Tue 24 Nov</b>")[0], history
    assert f"• {row}: 3×10 @ 8 kg each hand\n" in history + "\n", history
    assert f"• {row}: 1×10 @ 12 kg\n" in history + "\n", history
