"""A pause's first reminder back named by the chat's days and time, and a pause that starts on a later day,
through the real Application and the dispatcher.

A newcomer trial: a Mon/Wed/Fri chat paused through Mon 04 Jan was told "they start again on Tue 05 Jan"
(the next reminder was Wed 06 Jan), and "/pause from 2 jan until 10 jan" was refused as "A pause starts the
day you send it…", which would have stopped reminders the trainee still wanted.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot import callbacks
from bot.coach.streaks import so_far, summarize
from fakeapi import SentMessage
from storage import repo
from storage.models import Chat
from tests.bot.harness import Harness
from tests.bot.test_reminders import tick

CHAT = 5201
# Monday 28 Dec 2026, 10:00 UTC; onboarding picks UTC and three days, Mon, Wed, Fri, at 18:00.
MONDAY_28_DEC = datetime(2026, 12, 28, 10, 0, tzinfo=UTC)


def text_of(sent: list[SentMessage]) -> str:
    return "\n".join(m.text or "" for m in sent)


async def chat_row(bot: Harness) -> Chat:
    async with bot.app.bot_data.sessionmaker() as session:
        chat = await session.get(Chat, CHAT)
        assert chat is not None
        return chat


async def pauses(bot: Harness) -> list[tuple[date, date]]:
    async with bot.app.bot_data.sessionmaker() as session:
        return (await repo.history(session, CHAT)).pauses


async def reminders_sent(bot: Harness, days: int) -> list[date]:
    """The days of the next ``days`` that got a workout reminder (its Snooze), each day's 18:00 ticked."""
    sent: list[date] = []
    for offset in range(days):
        day = MONDAY_28_DEC.date() + timedelta(days=offset)
        bot.clock.now = datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(
            hours=18, minutes=1
        )
        before = len(bot.api.sent)
        await tick(bot)
        if any("Snooze" in str(bot.api.buttons(m)) for m in bot.api.sent[before:]):
            sent.append(day)
    return sent


async def onboarded(bot: Harness) -> None:
    bot.clock.now = MONDAY_28_DEC
    await bot.onboard(CHAT, days=3)
    assert (await chat_row(bot)).workout_days == 0b0010101


async def test_the_first_reminder_back_is_named_by_the_chats_days(bot: Harness) -> None:
    await onboarded(bot)
    replies = text_of(await bot.send(CHAT, "/pause until 4 jan"))
    assert "paused through <b>Mon 04 Jan</b>; they start again on <b>Wed 06 Jan</b> at 18:00" in replies
    chat = await chat_row(bot)
    assert chat.next_reminder_at is not None
    assert chat.next_reminder_at.replace(tzinfo=UTC) == datetime(2027, 1, 6, 18, 0, tzinfo=UTC)


async def test_a_pause_from_a_later_day_keeps_the_reminders_before_it(bot: Harness) -> None:
    await onboarded(bot)
    replies = text_of(await bot.send(CHAT, "/pause from 2 jan until 10 jan"))
    assert "will pause from <b>Sat 02 Jan</b> through <b>Sun 10 Jan</b>" in replies
    assert "start again on <b>Mon 11 Jan</b> at 18:00" in replies
    chat = await chat_row(bot)
    assert (chat.paused_from, chat.paused_until) == (date(2027, 1, 2), date(2027, 1, 10))
    assert await pauses(bot) == [(date(2027, 1, 2), date(2027, 1, 10))]
    # /reminders names the next reminder, before the pause, and the pause; Resume calls it off.
    menu = text_of(await bot.send(CHAT, "/reminders"))
    assert "on — next one Mon 28 Dec, 18:00; ⏸ paused from Sat 02 Jan through Sun 10 Jan" in menu
    assert "▶️ Resume" in str(bot.api.buttons(bot.api.last(CHAT)))
    streak = text_of(await bot.send(CHAT, "/streak"))
    assert streak.endswith("\n⏸ Reminders pause from Sat 02 Jan through Sun 10 Jan.")
    # Mon, Wed and Fri before the pause are reminded; Mon 4, Wed 6 and Fri 8 Jan are not; Mon 11 is.
    assert await reminders_sent(bot, 15) == [
        date(2026, 12, 28),
        date(2026, 12, 30),
        date(2027, 1, 1),
        date(2027, 1, 11),
    ]


async def test_the_sentence_from_the_trial_offers_the_pause_from_its_first_day(bot: Harness) -> None:
    await onboarded(bot)
    await bot.send(CHAT, "from the 2nd to the 10th of January, please pause the reminders")
    label = "▶ /pause: Sat 02 Jan through Sun 10 Jan"
    data = callbacks.pack("cmd", "pause", "2027-01-02 to 2027-01-10")
    assert [b for row in bot.api.buttons(bot.api.last(CHAT)) for b in row] == [(label, data)]
    # Pressed a day later, it still pauses the days on its label.
    bot.clock.now = MONDAY_28_DEC + timedelta(days=1)
    assert "will pause from <b>Sat 02 Jan</b>" in text_of(await bot.press(CHAT, label))
    assert (await chat_row(bot)).paused_from == date(2027, 1, 2)


async def test_resume_calls_a_coming_pause_off(bot: Harness) -> None:
    await onboarded(bot)
    await bot.send(CHAT, "/pause from 2 jan until 10 jan")
    replies = text_of(await bot.send(CHAT, "/resume"))
    assert "The pause from <b>Sat 02 Jan</b> through <b>Sun 10 Jan</b> is off" in replies
    chat = await chat_row(bot)
    assert (chat.paused_from, chat.paused_until) == (None, None)
    assert await pauses(bot) == [], "a pause that never came is not kept for the streak"
    assert "paused" not in text_of(await bot.send(CHAT, "/reminders")).lower()
    assert date(2027, 1, 4) in await reminders_sent(bot, 10)


async def test_one_pause_at_a_time(bot: Harness) -> None:
    await onboarded(bot)
    await bot.send(CHAT, "/pause from 2 jan until 10 jan")
    # A new pause takes the place of one still to come, and says so.
    replies = text_of(await bot.send(CHAT, "/pause from 5 jan until 12 jan"))
    assert "will pause from <b>Tue 05 Jan</b> through <b>Tue 12 Jan</b>" in replies
    assert "takes the place of the pause you had set from Sat 02 Jan through Sun 10 Jan" in replies
    assert await pauses(bot) == [(date(2027, 1, 5), date(2027, 1, 12))]
    # One running now is joined by a later one that starts by the day after it ends, and keeps its place
    # against one further off.
    await bot.send(CHAT, "/pause 3")  # Mon 28 through Wed 30 Dec
    joined = text_of(await bot.send(CHAT, "/pause from 31 dec until 3 jan"))
    assert "paused through <b>Sun 03 Jan</b>" in joined
    refused = text_of(await bot.send(CHAT, "/pause from 8 jan until 9 jan"))
    assert "one pause at a time" in refused
    chat = await chat_row(bot)
    assert (chat.paused_from, chat.paused_until) == (None, date(2027, 1, 3))


def test_a_pause_to_come_passes_no_week_by_before_its_days() -> None:
    # Sessions in the week of Mon 14 Dec, none in the week of Mon 21 Dec (today: Sun 27 Dec... then Mon 28).
    logged = [date(2026, 12, 14), date(2026, 12, 16), date(2026, 12, 18)]
    coming = [(date(2027, 1, 2), date(2027, 1, 10))]
    assert so_far(coming, date(2026, 12, 28)) == []
    assert so_far(coming, date(2027, 1, 4)) == [(date(2027, 1, 2), date(2027, 1, 4))]
    # The missed week of 21 Dec breaks the streak; the pause to come does not mend it.
    assert summarize(logged, date(2026, 12, 28), 3, coming).current_weeks == 0
