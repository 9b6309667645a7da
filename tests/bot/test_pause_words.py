"""A pause asked for in words, through the real Application: the /pause pointer's ▶ button carries the
first and last days the words ask for, read in the chat's timezone against the harness clock, and pressing
it pauses those days (``chats.paused_from`` / ``paused_until``, and the pauses row the streak reads).

A newcomer trial's three messages got a pointer without their dates or no pointer at all: "no reminders from
the 18th to the 27th please" pointed to /stop, "please pause from friday, I'm away for a week" was declined,
and "on Friday for a week" paused from the day the button was pressed."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot import callbacks
from fakeapi import SentMessage
from storage import repo
from storage.models import Chat
from tests.bot.harness import Harness

CHAT = 5301
# Monday 30 Nov 2026: "Friday" is the 4th, "the 2nd" alone the day after tomorrow.
MONDAY_30_NOV = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)


def buttons(bot: Harness) -> list[tuple[str, str]]:
    return [button for row in bot.api.buttons(bot.api.last(CHAT)) for button in row]


def text_of(sent: list[SentMessage]) -> str:
    return "\n".join(m.text or "" for m in sent)


def from_through(first: str, last: str, first_iso: str, last_iso: str) -> tuple[str, str]:
    return f"▶ /pause: {first} through {last}", callbacks.pack("cmd", "pause", f"{first_iso} to {last_iso}")


async def held(bot: Harness) -> tuple[date | None, date | None, list[tuple[date, date]]]:
    async with bot.app.bot_data.sessionmaker() as session:
        chat = await session.get(Chat, CHAT)
        assert chat is not None
        return chat.paused_from, chat.paused_until, (await repo.history(session, CHAT)).pauses


async def test_the_trials_messages_get_a_button_with_their_days(bot: Harness) -> None:
    bot.clock.now = MONDAY_30_NOV
    await bot.onboard(CHAT)
    asked = [
        (
            "can you pause my reminders starting next Friday, I'm away for a week",
            from_through("Fri 04 Dec", "Thu 10 Dec", "2026-12-04", "2026-12-10"),
        ),
        (
            "no reminders from the 18th to the 27th please",
            from_through("Fri 18 Dec", "Sun 27 Dec", "2026-12-18", "2026-12-27"),
        ),
        (
            # "the 2nd" after Friday 4 Dec is 2 January, not Wednesday's 2 December.
            "I'm off on holiday from Friday until the 2nd",
            from_through("Fri 04 Dec", "Sat 02 Jan", "2026-12-04", "2027-01-02"),
        ),
        (
            "please pause from friday, I'm away for a week",
            from_through("Fri 04 Dec", "Thu 10 Dec", "2026-12-04", "2026-12-10"),
        ),
        (
            "I'm going on holiday on Friday for a week, pause please",
            from_through("Fri 04 Dec", "Thu 10 Dec", "2026-12-04", "2026-12-10"),
        ),
        (
            "no reminders next week please, I'm travelling",
            from_through("Mon 07 Dec", "Sun 13 Dec", "2026-12-07", "2026-12-13"),
        ),
        (
            # A start alone holds the week /pause from a day holds.
            "pause my reminders starting next Friday",
            from_through("Fri 04 Dec", "Thu 10 Dec", "2026-12-04", "2026-12-10"),
        ),
    ]
    for message, button in asked:
        sent = await bot.send(CHAT, message)
        assert "/pause" in (sent[-1].plain_text or ""), message
        assert buttons(bot) == [button], message
    assert (await held(bot))[1] is None, "nothing is paused before a press"


async def test_pressing_the_button_pauses_the_days_it_names(bot: Harness) -> None:
    bot.clock.now = MONDAY_30_NOV
    await bot.onboard(CHAT)
    await bot.send(CHAT, "no reminders from the 18th to the 27th please")
    ran = text_of(await bot.press(CHAT, "▶ /pause: Fri 18 Dec through Sun 27 Dec"))
    assert "will pause from <b>Fri 18 Dec</b> through <b>Sun 27 Dec</b>" in ran
    assert "start again on <b>Mon 28 Dec</b> at 18:00" in ran
    assert await held(bot) == (
        date(2026, 12, 18),
        date(2026, 12, 27),
        [(date(2026, 12, 18), date(2026, 12, 27))],
    )


async def test_relative_days_are_the_chats_own(bot: Harness) -> None:
    # Sunday 29 Nov, 11:30 UTC, is already Monday 30 Nov, 00:30, in Auckland: its tomorrow is Tuesday.
    bot.clock.now = datetime(2026, 11, 29, 11, 30, tzinfo=UTC)
    await bot.onboard(CHAT)
    await bot.send(CHAT, "/timezone Pacific/Auckland")
    await bot.send(CHAT, "I'm away tomorrow for 10 days, no reminders please")
    assert buttons(bot) == [from_through("Tue 01 Dec", "Thu 10 Dec", "2026-12-01", "2026-12-10")]
    await bot.send(CHAT, "can you pause my reminders starting next Friday, I'm away for a week")
    assert buttons(bot) == [from_through("Fri 04 Dec", "Thu 10 Dec", "2026-12-04", "2026-12-10")]
    # In UTC the same instant is Sunday: tomorrow is Monday 30 Nov.
    other = CHAT + 1
    await bot.onboard(other)
    await bot.send(other, "I'm away tomorrow for 10 days, no reminders please")
    label = [text for row in bot.api.buttons(bot.api.last(other)) for text, _ in row]
    assert label == ["▶ /pause: Mon 30 Nov through Wed 09 Dec"]


async def test_pause_typed_takes_the_same_words(bot: Harness) -> None:
    bot.clock.now = MONDAY_30_NOV
    await bot.onboard(CHAT)
    ran = text_of(await bot.send(CHAT, "/pause friday for a week"))
    assert "will pause from <b>Fri 04 Dec</b> through <b>Thu 10 Dec</b>" in ran
    ran = text_of(await bot.send(CHAT, "/pause next week"))
    assert "will pause from <b>Mon 07 Dec</b> through <b>Sun 13 Dec</b>" in ran
    assert (await held(bot))[:2] == (date(2026, 12, 7), date(2026, 12, 13))
