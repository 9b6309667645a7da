"""/pause with a length in words or an end date, and the /pause pointer's button for a message that names
the day it ends ("from Wednesday until the 20th"), through the real Application."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot import callbacks
from fakeapi import SentMessage
from storage import repo
from storage.models import Chat
from tests.bot.harness import Harness

CHAT = 5101
# The harness starts on Tuesday 24 Nov 2026, 10:00 UTC; onboarding picks UTC.
# The newcomer trial's day: a Saturday, when "until the 20th" is a fortnight and a day away.
SATURDAY_5_DEC = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)


async def paused_until(bot: Harness) -> date | None:
    async with bot.app.bot_data.sessionmaker() as session:
        chat = await session.get(Chat, CHAT)
        assert chat is not None
        return chat.paused_until


def text_of(sent: list[SentMessage]) -> str:
    return "\n".join(m.text or "" for m in sent)


def buttons(bot: Harness) -> list[tuple[str, str]]:
    return [button for row in bot.api.buttons(bot.api.last(CHAT)) for button in row]


def through(label_day: str, iso_day: str) -> tuple[str, str]:
    """The /pause pointer's button for a pause from the day it is pressed through a day: (label, payload)."""
    return f"▶ /pause: today through {label_day}", callbacks.pack("cmd", "pause", iso_day)


async def test_pause_for_two_weeks_in_words(bot: Harness) -> None:
    await bot.onboard(CHAT)
    replies = text_of(await bot.send(CHAT, "/pause 2 weeks"))
    assert "paused through <b>Mon 07 Dec</b>; they start again on <b>Thu 10 Dec</b> at 18:00" in replies
    assert await paused_until(bot) == date(2026, 12, 7)
    async with bot.app.bot_data.sessionmaker() as session:
        assert (await repo.history(session, CHAT)).pauses == [(date(2026, 11, 24), date(2026, 12, 7))]


async def test_pause_until_a_date_runs_through_that_date(bot: Harness) -> None:
    await bot.onboard(CHAT)
    replies = text_of(await bot.send(CHAT, "/pause until 20 dec"))
    assert "paused through <b>Sun 20 Dec</b>; they start again on <b>Mon 21 Dec</b> at 18:00" in replies
    assert await paused_until(bot) == date(2026, 12, 20)


async def test_streak_writes_the_last_paused_day_as_every_other_message_does(bot: Harness) -> None:
    # A newcomer trial: /streak said "paused through 2026-12-20" while /pause had said "Sun 20 Dec".
    await bot.onboard(CHAT)
    await bot.send(CHAT, "/pause until 20 dec")
    streak = text_of(await bot.send(CHAT, "/streak"))
    assert streak.endswith("\n⏸ Reminders are paused through Sun 20 Dec.")


async def test_a_past_or_too_distant_date_is_refused_with_an_example_that_works(bot: Harness) -> None:
    await bot.onboard(CHAT)
    past = text_of(await bot.send(CHAT, "/pause until 20 nov"))
    assert "<b>Fri 20 Nov</b> has already gone by (today is Tue 24 Nov)" in past
    assert "<code>/pause until 7 dec</code>" in past and "<code>/pause 2 weeks</code>" in past
    far = text_of(await bot.send(CHAT, "/pause until 1 march"))
    assert "90 days at most, that is through <b>Sun 21 Feb 2027</b>" in far
    assert "/pause 14" in text_of(await bot.send(CHAT, "/pause when I feel like it"))
    assert await paused_until(bot) is None
    # The example the refusal gives is one /pause takes.
    assert "paused through <b>Mon 07 Dec</b>" in text_of(await bot.send(CHAT, "/pause until 7 dec"))


async def test_an_end_date_is_read_in_the_chats_timezone(bot: Harness) -> None:
    await bot.onboard(CHAT)
    await bot.send(CHAT, "/timezone Asia/Tokyo")
    # 23:30 on Tuesday in UTC is already Wednesday morning in Tokyo: "tomorrow" there is Thursday.
    bot.clock.now = datetime(2026, 11, 24, 23, 30, tzinfo=UTC)
    replies = text_of(await bot.send(CHAT, "/pause until tomorrow"))
    assert "paused through <b>Thu 26 Nov</b>; they start again on <b>Mon 30 Nov</b> at 18:00" in replies
    assert await paused_until(bot) == date(2026, 11, 26)


async def test_the_trials_sentence_gets_a_button_that_pauses_from_wednesday_through_the_20th(
    bot: Harness,
) -> None:
    bot.clock.now = SATURDAY_5_DEC
    await bot.onboard(CHAT)
    sent = await bot.send(CHAT, "I'm away for a trip from Wednesday until the 20th, hold the reminders")
    assert "/pause" in (sent[-1].plain_text or "")
    # From Wed 9 through Sun 20 Dec: the button carries both days, and Monday's reminder still comes.
    label = "▶ /pause: Wed 09 Dec through Sun 20 Dec"
    assert buttons(bot) == [(label, callbacks.pack("cmd", "pause", "2026-12-09 to 2026-12-20"))]
    ran = text_of(await bot.press(CHAT, label))
    assert "will pause from <b>Wed 09 Dec</b> through <b>Sun 20 Dec</b>" in ran
    assert "start again on <b>Mon 21 Dec</b> at 18:00" in ran
    assert await paused_until(bot) == date(2026, 12, 20)
    async with bot.app.bot_data.sessionmaker() as session:
        chat = await session.get(Chat, CHAT)
        assert chat is not None and chat.paused_from == date(2026, 12, 9)
        assert chat.next_reminder_day == date(2026, 12, 7), "Monday's reminder, before the pause"


async def test_back_on_a_day_pauses_through_the_day_before(bot: Harness) -> None:
    bot.clock.now = SATURDAY_5_DEC
    await bot.onboard(CHAT)
    sent = await bot.send(CHAT, "back on the 3rd of January, can you hold the pings")
    assert "/pause until friday" in (sent[-1].plain_text or ""), "the pointer says a day can be given"
    # Back on Sun 3 Jan: quiet from today (Sat 5 Dec) through Sat 2 Jan.
    assert buttons(bot) == [through("Sat 02 Jan", "2027-01-02")]
    ran = await bot.press(CHAT, "▶ /pause: today through Sat 02 Jan")
    assert "they start again on <b>Mon 04 Jan</b> at 18:00" in text_of(ran)
    assert await paused_until(bot) == date(2027, 1, 2)


async def test_the_pointer_carries_a_weekday_and_drops_a_day_it_cannot_reach(bot: Harness) -> None:
    bot.clock.now = SATURDAY_5_DEC
    await bot.onboard(CHAT)
    await bot.send(CHAT, "mute the reminders until Sunday")
    assert buttons(bot) == [through("Sun 06 Dec", "2026-12-06")]
    # A day gone by names no length: the plain button, whose /pause says what it does (a week).
    await bot.send(CHAT, "hold the reminders until 1 dec")
    assert buttons(bot) == [("▶ /pause", callbacks.pack("cmd", "pause"))]
    # A button carries a number of days or a day in ISO form only; a date or a length in words is forged.
    for forged in ("until 20 dec", "2 weeks", "91", "2026-13-01", "20261220"):
        assert await bot.callback(CHAT, callbacks.pack("cmd", "pause", forged)) == []
        assert bot.toasts()[-1].text == bot.app.bot_data.texts["errors.stale_button"]
    assert await paused_until(bot) is None


async def test_a_decimal_length_is_read_in_days_never_as_its_last_figure(bot: Harness) -> None:
    await bot.onboard(CHAT)
    # 1,5 weeks is 10½ days, held as 11 (Tue 24 Nov through Fri 4 Dec); it was once read as 5 weeks.
    replies = text_of(await bot.send(CHAT, "/pause 1,5 weeks"))
    assert "paused through <b>Fri 04 Dec</b>; they start again on <b>Mon 07 Dec</b> at 18:00" in replies
    assert await paused_until(bot) == date(2026, 12, 4)
    replies = text_of(await bot.send(CHAT, "/pause half a week"))
    assert "paused through <b>Fri 27 Nov</b>" in replies
    # Two figures make no length: the usage, with an example that works.
    assert "<code>/pause 2 weeks</code>" in text_of(await bot.send(CHAT, "/pause 1 5 weeks"))
    assert await paused_until(bot) == date(2026, 11, 27)


async def test_the_pointer_reads_a_week_and_a_half(bot: Harness) -> None:
    await bot.onboard(CHAT)
    await bot.send(CHAT, "I'm away 1,5 weeks, hold the reminders")
    assert buttons(bot) == [("▶ /pause 11", callbacks.pack("cmd", "pause", "11"))]


async def test_a_pause_asked_to_start_later_starts_then(bot: Harness) -> None:
    await bot.onboard(CHAT)
    # Tuesday 24 Nov: "from wednesday to sunday" is Wed 25 through Sun 29 Nov; Thursday's reminder is in it.
    replies = text_of(await bot.send(CHAT, "/pause from wednesday to sunday"))
    assert "will pause from <b>Wed 25 Nov</b> through <b>Sun 29 Nov</b>" in replies
    assert "start again on <b>Mon 30 Nov</b> at 18:00" in replies
    assert await paused_until(bot) == date(2026, 11, 29)
    async with bot.app.bot_data.sessionmaker() as session:
        assert (await repo.history(session, CHAT)).pauses == [(date(2026, 11, 25), date(2026, 11, 29))]


async def test_a_later_start_and_a_length_pause_from_that_day(bot: Harness) -> None:
    await bot.onboard(CHAT)
    replies = text_of(await bot.send(CHAT, "/pause from Wednesday for a week"))
    assert "will pause from <b>Wed 25 Nov</b> through <b>Tue 01 Dec</b>" in replies
    assert await paused_until(bot) == date(2026, 12, 1)
    # Told in a sentence, the pointer offers the same: Wed 25 Nov and 10 days is through Fri 4 Dec.
    await bot.send(CHAT, "I'm away from wednesday for 10 days, hold the reminders")
    assert buttons(bot) == [
        (
            "▶ /pause: Wed 25 Nov through Fri 04 Dec",
            callbacks.pack("cmd", "pause", "2026-11-25 to 2026-12-04"),
        )
    ]


async def test_a_pointer_pressed_a_day_later_pauses_through_the_day_on_its_label(bot: Harness) -> None:
    bot.clock.now = SATURDAY_5_DEC
    await bot.onboard(CHAT)
    await bot.send(CHAT, "I'm away until Friday, hold the reminders")
    label = "▶ /pause: today through Fri 11 Dec"
    assert [text for text, _data in buttons(bot)] == [label]
    bot.clock.now = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)
    ran = text_of(await bot.press(CHAT, label))
    assert "paused through <b>Fri 11 Dec</b>; they start again on <b>Mon 14 Dec</b> at 18:00" in ran
    assert await paused_until(bot) == date(2026, 12, 11)


async def test_a_pointer_pressed_after_its_day_says_so_and_pauses_nothing(bot: Harness) -> None:
    bot.clock.now = SATURDAY_5_DEC
    await bot.onboard(CHAT)
    await bot.send(CHAT, "mute the reminders until Sunday")
    bot.clock.now = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
    ran = text_of(await bot.press(CHAT, "▶ /pause: today through Sun 06 Dec"))
    gone = "That button was for a pause through <b>Sun 06 Dec</b>, which has gone by (today is Mon 07 Dec)"
    assert gone in ran
    assert "<code>/pause 2 weeks</code>" in ran
    assert await paused_until(bot) is None
