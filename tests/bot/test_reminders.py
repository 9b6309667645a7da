"""Reminders as the chat sees them: reminder buttons, /reminders, /schedule, /pause, /resume, /stop."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot import callbacks
from bot.reminder_sender import TelegramSender
from fakeapi import SentMessage
from scheduler import dispatch
from scheduler.dispatch import Content, DispatchConfig, RunReport
from scheduler.pacing import Pacer
from storage import repo
from storage.models import Chat
from storage.records import OutboxKind, OutboxStatus
from tests.bot.harness import Harness

CHAT = 5001
# The harness starts on Tuesday 24 Nov 2026, 10:00 UTC; onboarding picks UTC and Mon+Thu 18:00.
THURSDAY = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)


async def tick(bot: Harness) -> RunReport:
    """A dispatcher run at the harness clock's instant, unpaced: these tests are about what is said."""
    services = bot.app.bot_data
    content = Content.build(services.catalog, services.knowledge)
    config = DispatchConfig(max_per_second=0)
    return await dispatch.drain(
        TelegramSender(bot.app.bot), services.sessionmaker, content, config, clock=bot.clock, pacer=Pacer(0)
    )


async def chat_row(bot: Harness, chat_id: int = CHAT) -> Chat:
    async with bot.app.bot_data.sessionmaker() as session:
        chat = await session.get(Chat, chat_id)
        assert chat is not None
        return chat


def texts_of(messages: list[SentMessage]) -> str:
    return "\n".join(m.text or "" for m in messages)


async def reminder_on_thursday(bot: Harness) -> SentMessage:
    await bot.onboard(CHAT)
    bot.clock.now = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)
    assert (await tick(bot)).sent == 1, "Tuesday's rest-day nudge"
    bot.clock.now = THURSDAY
    before = len(bot.api.sent)
    await tick(bot)
    [message] = bot.api.sent[before:]
    return message


def toast(bot: Harness) -> str:
    return bot.toasts()[-1].text or ""


async def test_done_on_a_reminder_logs_today_and_the_next_rest_day_brings_a_tip(bot: Harness) -> None:
    reminder = await reminder_on_thursday(bot)
    assert [label for row in bot.api.buttons(reminder) for label, _ in row] == [
        "✅ Done",
        "⏰ Snooze 1h",
        "⏭ Skip today",
    ]
    bot.clock.advance(minutes=10)
    replies = await bot.press(CHAT, "✅ Done")
    assert "Session 1 logged" in texts_of(replies)
    assert (await chat_row(bot)).unanswered == 0

    bot.clock.now = datetime(2026, 11, 27, 18, 0, tzinfo=UTC)
    await tick(bot)
    nudge = bot.api.last(CHAT)
    assert "Rest day" in (nudge.text or "") and "💡" in (nudge.text or "")


async def test_snooze_brings_the_reminder_back_an_hour_later_not_before(bot: Harness) -> None:
    await reminder_on_thursday(bot)
    bot.clock.advance(minutes=5)
    assert await bot.press(CHAT, "⏰ Snooze 1h") == []
    assert "19:05" in toast(bot)

    sent = len(bot.api.sent)
    bot.clock.now = THURSDAY + timedelta(minutes=64, seconds=59)
    assert (await tick(bot)).sent == 0
    bot.clock.now = THURSDAY + timedelta(minutes=65)
    assert (await tick(bot)).sent == 1
    [again] = bot.api.sent[sent:]
    assert "reminder again" in (again.text or "") and "Today:" in (again.text or "")
    assert [label for row in bot.api.buttons(again) for label, _ in row] == ["✅ Done", "⏭ Skip today"]

    await bot.press(CHAT, "⏰ Snooze 1h")
    assert "already snoozed" in toast(bot)
    bot.clock.advance(hours=2)
    assert (await tick(bot)).sent == 0


async def test_no_snoozed_reminder_after_the_session_is_logged(bot: Harness) -> None:
    await reminder_on_thursday(bot)
    await bot.press(CHAT, "⏰ Snooze 1h")
    await bot.press(CHAT, "✅ Done")
    bot.clock.advance(hours=1, minutes=1)
    report = await tick(bot)
    assert (report.sent, report.skipped_logged) == (0, 1)
    await bot.press(CHAT, "⏰ Snooze 1h")
    assert "already logged" in toast(bot)


async def test_skip_today_acknowledges_and_nothing_more_comes_today(bot: Harness) -> None:
    await reminder_on_thursday(bot)
    await bot.press(CHAT, "⏰ Snooze 1h")
    await bot.press(CHAT, "⏭ Skip today")
    assert "Skipping today" in toast(bot)
    await bot.press(CHAT, "⏭ Skip today")
    assert "already skipped" in toast(bot)
    await bot.press(CHAT, "⏰ Snooze 1h")
    assert "already skipped" in toast(bot)

    # Even moving today's reminder later does not bring it back.
    await bot.send(CHAT, "/schedule mon,thu 21:00")
    sent = len(bot.api.sent)
    for hour in (19, 20, 21, 22):
        bot.clock.now = THURSDAY.replace(hour=hour, minute=5)
        await tick(bot)
    assert bot.api.sent[sent:] == []
    async with bot.app.bot_data.sessionmaker() as session:
        rows = {(row.kind, row.status) for row in await repo.outbox_rows(session, CHAT)}
    assert {
        (OutboxKind.WORKOUT, OutboxStatus.SENT),
        (OutboxKind.SNOOZE, OutboxStatus.SKIPPED),
        (OutboxKind.SKIP, OutboxStatus.SKIPPED),
    } <= rows


async def test_a_reminders_buttons_act_on_the_day_it_was_for(bot: Harness) -> None:
    reminder = await reminder_on_thursday(bot)
    thursday, friday = date(2026, 11, 26), date(2026, 11, 27)
    # Pressed after midnight: Skip and Snooze of Thursday's reminder no longer mean anything, and must
    # not skip or snooze Friday.
    bot.clock.now = datetime(2026, 11, 27, 0, 30, tzinfo=UTC)
    for label in ("⏭ Skip today", "⏰ Snooze 1h"):
        assert await bot.press(CHAT, label) == []
        assert "That reminder was for Thursday 26 Nov" in toast(bot)
    async with bot.app.bot_data.sessionmaker() as session:
        kinds = {row.kind for row in await repo.outbox_rows(session, CHAT)}
    assert kinds == {OutboxKind.REST, OutboxKind.WORKOUT}, "nothing skipped or snoozed"

    # Done, though, is a session that happened and was tapped late: it logs Thursday, not Friday.
    replies = await bot.press(CHAT, "✅ Done")
    assert "Session 1 logged" in texts_of(replies)
    async with bot.app.bot_data.sessionmaker() as session:
        assert await repo.is_logged(session, CHAT, thursday)
        assert not await repo.is_logged(session, CHAT, friday)
    assert await bot.press(CHAT, "✅ Done") == []
    assert "Yesterday's session is already logged" in toast(bot)

    # Two days on, the button is too old to log anything.
    bot.clock.now = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)
    await bot.callback(CHAT, callbacks.pack("done", "20261127"), message_id=reminder.message_id)
    assert "too long ago" in toast(bot)
    async with bot.app.bot_data.sessionmaker() as session:
        assert not await repo.is_logged(session, CHAT, friday)


async def test_forged_days_on_reminder_buttons_get_the_stale_button_answer(bot: Harness) -> None:
    reminder = await reminder_on_thursday(bot)
    stale = bot.app.bot_data.texts["errors.stale_button"]
    for data in (
        callbacks.pack("done", "20261399"),
        callbacks.pack("done", "tomorrow"),
        callbacks.pack("rem", "skip", "2026-11-26"),
        callbacks.pack("rem", "snooze", "🙃"),
    ):
        assert await bot.callback(CHAT, data, message_id=reminder.message_id) == []
        assert toast(bot) == stale, data
    async with bot.app.bot_data.sessionmaker() as session:
        assert not await repo.is_logged(session, CHAT, date(2026, 11, 26))
        assert {row.kind for row in await repo.outbox_rows(session, CHAT)} == {
            OutboxKind.REST,
            OutboxKind.WORKOUT,
        }


async def test_pause_and_resume(bot: Harness) -> None:
    await bot.onboard(CHAT)
    replies = await bot.send(CHAT, "/pause")
    assert "paused through <b>Mon 30 Nov</b>; they start again on <b>Thu 03 Dec</b> at 18:00" in texts_of(
        replies
    )
    chat = await chat_row(bot)
    assert chat.paused_until == date(2026, 11, 30)
    assert chat.next_reminder_at is not None
    assert chat.next_reminder_at.replace(tzinfo=UTC) == datetime(2026, 12, 3, 18, 0, tzinfo=UTC)
    async with bot.app.bot_data.sessionmaker() as session:
        assert (await repo.history(session, CHAT)).pauses == [(date(2026, 11, 24), date(2026, 11, 30))]

    sent = len(bot.api.sent)
    for day in range(24, 31):
        bot.clock.now = datetime(2026, 11, day, 18, 30, tzinfo=UTC)
        await tick(bot)
    assert bot.api.sent[sent:] == [], "nothing while paused"

    bot.clock.now = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
    replies = await bot.send(CHAT, "/resume")
    assert "back on" in texts_of(replies)
    chat = await chat_row(bot)
    assert chat.paused_until == date(2026, 11, 26), "the pause now ends yesterday"
    assert chat.next_reminder_at is not None
    # No "rest day" nudge today after a workout day inside the pause: the next message is a workout.
    assert chat.next_reminder_at.replace(tzinfo=UTC) == datetime(2026, 11, 30, 18, 0, tzinfo=UTC)
    async with bot.app.bot_data.sessionmaker() as session:
        assert (await repo.history(session, CHAT)).pauses == [(date(2026, 11, 24), date(2026, 11, 26))]


async def test_pause_with_days_and_bad_input(bot: Harness) -> None:
    await bot.onboard(CHAT)
    for bad in ("/pause soon", "/pause 0", "/pause 500"):
        assert "/pause 14" in texts_of(await bot.send(CHAT, bad))
    assert (await chat_row(bot)).paused_until is None
    await bot.send(CHAT, "/pause 14")
    assert (await chat_row(bot)).paused_until == date(2026, 12, 7)


async def test_stop_silences_everything_until_resume(bot: Harness) -> None:
    await bot.onboard(CHAT)
    replies = await bot.send(CHAT, "/stop")
    assert "Reminders stopped" in texts_of(replies)
    chat = await chat_row(bot)
    assert not chat.reminders_enabled and chat.next_reminder_at is None
    sent = len(bot.api.sent)
    for days in range(10):
        bot.clock.now = THURSDAY + timedelta(days=days)
        await tick(bot)
    assert bot.api.sent[sent:] == []
    # Stopped reminders send no tips either; the menu must not read as if tips still came.
    assert "Rest-day tips: <b>on once reminders are back</b>" in texts_of(await bot.send(CHAT, "/reminders"))
    paused = texts_of(await bot.send(CHAT, "/pause 5"))
    assert "Reminders are stopped" in paused and "/resume" in paused, "a pause must not promise reminders"
    assert not (await chat_row(bot)).reminders_enabled
    await bot.send(CHAT, "/resume")
    chat = await chat_row(bot)
    assert chat.reminders_enabled and chat.next_reminder_at is not None


async def test_schedule_command(bot: Harness) -> None:
    await bot.onboard(CHAT)
    replies = await bot.send(CHAT, "/schedule tue,fri 07:30")
    assert "<b>Tue, Fri</b> at <b>07:30</b>" in texts_of(replies)
    chat = await chat_row(bot)
    assert (chat.workout_days, chat.reminder_minute) == (0b0010010, 7 * 60 + 30)
    assert chat.next_reminder_at is not None
    # Tuesday 07:30 has passed; Wednesday is the rest day after it.
    assert chat.next_reminder_at.replace(tzinfo=UTC) == datetime(2026, 11, 25, 7, 30, tzinfo=UTC)
    assert chat.next_reminder_kind == "rest"

    assert "don't know the day" in texts_of(await bot.send(CHAT, "/schedule funday"))
    assert "isn't a time of day" in texts_of(await bot.send(CHAT, "/schedule mon 25:00"))
    assert "Every day leaves no time" in texts_of(await bot.send(CHAT, "/schedule mon-sun"))
    assert "Which days, and at what time?" in texts_of(await bot.send(CHAT, "/schedule"))
    chat = await chat_row(bot)
    assert (chat.workout_days, chat.reminder_minute) == (0b0010010, 7 * 60 + 30), "bad input changes nothing"


async def test_timezone_moves_the_next_reminder(bot: Harness) -> None:
    await bot.onboard(CHAT)
    await bot.send(CHAT, "/timezone Europe/Berlin")
    chat = await chat_row(bot)
    assert chat.next_reminder_at is not None
    assert chat.next_reminder_at.replace(tzinfo=UTC) == datetime(2026, 11, 24, 17, 0, tzinfo=UTC)
    assert "don't know the timezone" in texts_of(await bot.send(CHAT, "/timezone Mars/Olympus"))
    assert (await chat_row(bot)).timezone == "Europe/Berlin"


async def test_a_resumed_pause_stays_over_after_moving_back_across_midnight(bot: Harness) -> None:
    # A newcomer trial: resumed in Berlin just after midnight, then set Toronto, where it is still the day
    # before; /reminders read "paused through" again and that day would have been skipped.
    await bot.onboard(CHAT)
    await bot.send(CHAT, "/timezone Europe/Berlin")
    await bot.send(CHAT, "/pause 7")
    bot.clock.now = datetime(2026, 11, 26, 23, 30, tzinfo=UTC)  # Fri 27 Nov 00:30 in Berlin
    await bot.send(CHAT, "/resume")
    assert (await chat_row(bot)).paused_until == date(2026, 11, 26)
    await bot.send(CHAT, "/timezone America/Toronto")  # Thu 26 Nov 18:30 there
    chat = await chat_row(bot)
    assert chat.paused_until is not None and chat.paused_until < date(2026, 11, 26)
    assert "paused" not in texts_of(await bot.send(CHAT, "/reminders")).lower()


async def test_nudges_command(bot: Harness) -> None:
    await bot.onboard(CHAT)
    assert "tips are off" in texts_of(await bot.send(CHAT, "/nudges off"))
    chat = await chat_row(bot)
    assert not chat.nudges_enabled and chat.next_reminder_kind == "workout"
    assert "/nudges on" in texts_of(await bot.send(CHAT, "/nudges maybe"))
    await bot.send(CHAT, "/nudges on")
    assert (await chat_row(bot)).next_reminder_kind == "rest"


async def test_reminders_menu_and_its_buttons(bot: Harness) -> None:
    await bot.onboard(CHAT)
    [menu] = await bot.send(CHAT, "/reminders")
    assert "Days: <b>Mon, Thu</b>" in (menu.text or "")
    assert "Time: <b>18:00</b> (UTC)" in (menu.text or "")
    # The next training-day reminder (Thursday), not Tuesday's rest-day tip.
    assert "next one Thu 26 Nov, 18:00" in (menu.text or "")
    assert (await chat_row(bot)).next_reminder_kind == "rest"
    for row in bot.api.buttons(menu):
        for _, data in row:
            assert len(data.encode()) <= 64

    [edited] = await bot.press(CHAT, "Wed")
    assert edited.method == "editMessageText" and "Mon, Wed, Thu" in (edited.text or "")
    await bot.press(CHAT, "07:00")
    await bot.press(CHAT, "💡 Tips: on")
    chat = await chat_row(bot)
    assert (chat.workout_days, chat.reminder_minute, chat.nudges_enabled) == (0b0001101, 7 * 60, False)
    assert "💡 Tips: off" in str(bot.api.buttons(bot.api.last(CHAT)))

    replies = await bot.press(CHAT, "⏸ Pause 1 week")
    assert "paused" in texts_of(replies)
    assert (await chat_row(bot)).paused_until == date(2026, 11, 30)
    await bot.press(CHAT, "▶️ Resume")
    assert (await chat_row(bot)).paused_until == date(2026, 11, 23)
    replies = await bot.press(CHAT, "⛔ Stop")
    assert "stopped" in texts_of(replies)
    assert not (await chat_row(bot)).reminders_enabled


async def test_menu_keeps_at_least_one_workout_day_and_one_rest_day(bot: Harness) -> None:
    await bot.onboard(CHAT)
    await bot.send(CHAT, "/schedule mon")
    await bot.send(CHAT, "/reminders")
    assert await bot.press(CHAT, "✅ Mon") == []
    assert "at least one workout day" in toast(bot)
    await bot.send(CHAT, "/schedule mon-sat")
    await bot.send(CHAT, "/reminders")
    await bot.press(CHAT, "Sun")
    assert "at least one rest day" in toast(bot)
    assert (await chat_row(bot)).workout_days == 0b0111111


async def test_settings_menu_opens_the_reminders_menu(bot: Harness) -> None:
    await bot.onboard(CHAT)
    await bot.send(CHAT, "/settings")
    [shown] = await bot.press(CHAT, "Reminders")
    assert "⏰ <b>Reminders</b>" in (shown.text or "")


async def test_forged_or_stale_reminder_buttons_get_a_polite_answer(bot: Harness) -> None:
    await bot.onboard(CHAT)
    await bot.send(CHAT, "/reminders")
    for data in ("1:rem:day:9", "1:rem:time:0315", "1:rem:bogus", "1:rem:nudges:maybe", "0:rem:stop"):
        assert await bot.callback(CHAT, data) == []
        assert "expired" in toast(bot)
    assert (await chat_row(bot)).reminders_enabled
    assert callbacks.pack("rem", "menu") == "1:rem:menu"


async def test_training_days_set_the_weekly_target(bot: Harness) -> None:
    # A second newcomer trial: /schedule mon,wed,fri left the target at 2 ("This week: 1/2 sessions") and
    # the third session of the first week was labelled "block 1, week 2".
    await bot.onboard(CHAT)
    replies = texts_of(await bot.send(CHAT, "/schedule mon,wed,fri 17:30"))
    assert "<b>Mon, Wed, Fri</b> at <b>17:30</b>" in replies
    assert "Weekly target: <b>3</b>, one session a training day." in replies
    assert (await chat_row(bot)).weekly_target == 3
    for _ in range(2):
        await bot.send(CHAT, "/workout")
        done = texts_of(await bot.press(CHAT, "✅ Done"))
        bot.clock.advance(days=1)
    assert "This week: 2/3" in done
    assert "This week: 2/3 sessions" in texts_of(await bot.send(CHAT, "/streak"))
    assert "<i>Session 3 · block 1, week 1 ·" in texts_of(await bot.send(CHAT, "/workout"))
    # Taking a day off in /reminders takes a session off the target.
    await bot.send(CHAT, "/reminders")
    await bot.press(CHAT, "✅ Wed")
    assert (await chat_row(bot)).weekly_target == 2
    # A block's weeks are calendar weeks trained, not sessions of the target: Thursday's third session is
    # still week 1 whatever the target says.
    assert "<i>Session 3 · block 1, week 1 ·" in texts_of(await bot.send(CHAT, "/workout"))
