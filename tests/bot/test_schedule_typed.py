"""/schedule's question answered by typing, through the real Application.

A newcomer trial tapped ▶ /schedule, was asked "Send the days and optionally a time…", replied "10:00" and
got "I don't know that one, sorry…": only "/schedule 10" worked. In a private chat the question now waits
for the next message, which sets the days and time it tells; anything else ends the wait and is read as
usual.
"""

from __future__ import annotations

import pytest

from bot import callbacks
from tests.bot.harness import Harness, chat_row, joined, labels, logged_rows, texts

USER = 7312
GROUP = -7312
ASKED = "📅 Which days, and at what time?"


def set_to(days: str, at: str, target: int) -> str:
    return (
        f"📅 Reminders set to <b>{days}</b> at <b>{at}</b> (UTC). Weekly target: <b>{target}</b>, "
        "one session a training day."
    )


async def test_the_trials_reply_to_the_pointers_question_sets_the_time(bot: Harness) -> None:
    await bot.onboard(USER)  # Mon and Thu at 18:00
    await bot.send(USER, "I can't do mon, thu - can you change my training days?")
    assert [data for row in bot.api.buttons(bot.api.last(USER)) for _, data in row] == [
        callbacks.pack("cmd", "schedule")
    ]
    asked = texts(await bot.press(USER, "▶ /schedule"))
    assert asked[-1].startswith(ASKED)
    assert texts(await bot.send(USER, "10:00")) == [set_to("Mon, Thu", "10:00", 2)]
    chat = await chat_row(bot, USER)
    assert (chat.reminder_minute, chat.awaiting) == (10 * 60, None)
    # Answered once: the same words again are read as usual.
    assert "Reminders set" not in joined(await bot.send(USER, "11:00"))
    assert (await chat_row(bot, USER)).reminder_minute == 10 * 60
    assert bot.errors == []


@pytest.mark.parametrize(
    ("reply", "days", "at", "target", "mask"),
    [
        ("mon thu", "Mon, Thu", "18:00", 2, 0b0001001),
        ("tue, fri 7pm", "Tue, Fri", "19:00", 2, 0b0010010),
        ("tuesdays and fridays at 7pm", "Tue, Fri", "19:00", 2, 0b0010010),
        ("3 days", "Mon, Wed, Fri", "18:00", 3, 0b0010101),
        ("3", "Mon, Wed, Fri", "18:00", 3, 0b0010101),
        ("twice a week, I work mondays and thursdays", "Tue, Fri", "18:00", 2, 0b0010010),
        ("10", "Mon, Thu", "10:00", 2, 0b0001001),
        ("at 6:30am", "Mon, Thu", "06:30", 2, 0b0001001),
        ("around 8 in the evening", "Mon, Thu", "20:00", 2, 0b0001001),
    ],
)
async def test_days_or_a_time_typed_after_the_question_set_them(
    bot: Harness, reply: str, days: str, at: str, target: int, mask: int
) -> None:
    await bot.onboard(USER)
    assert texts(await bot.send(USER, "/schedule"))[-1].startswith(ASKED)
    assert texts(await bot.send(USER, reply)) == [set_to(days, at, target)]
    chat = await chat_row(bot, USER)
    assert (
        chat.workout_days,
        chat.weekly_target,
        f"{chat.reminder_minute // 60:02}:{chat.reminder_minute % 60:02}",
    ) == (
        mask,
        target,
        at,
    )
    assert chat.next_reminder_at is not None
    assert bot.errors == []


async def test_an_hour_told_in_words_without_its_half_of_the_day_says_how_to_have_the_evening(
    bot: Harness,
) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/schedule")
    replies = texts(await bot.send(USER, "tuesdays and fridays around 9"))
    assert replies == [
        "⏰ Reminders at <b>09:00</b>. Meant the evening? Send <code>/schedule 21:00</code>.",
        set_to("Tue, Fri", "09:00", 2),
    ]


async def test_anything_else_ends_the_wait_and_is_read_as_usual(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/schedule")
    answered = joined(await bot.send(USER, "how many days a week should I train my back?"))
    assert "Reminders set" not in answered and answered
    chat = await chat_row(bot, USER)
    assert (chat.awaiting, chat.workout_days, chat.reminder_minute) == (None, 0b0001001, 18 * 60)
    assert "Reminders set" not in joined(await bot.send(USER, "10:00"))
    assert (await chat_row(bot, USER)).reminder_minute == 18 * 60


async def test_dones_offer_after_the_question_is_what_as_written_answers(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=("Resistance bands",))
    await bot.send(USER, "/schedule")
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    written = joined(await bot.send(USER, "as written"))
    assert written.startswith("Logged ✓"), written
    assert len(await logged_rows(bot)) == 8
    assert labels(bot, USER) == ["↩️ Undo"]


async def test_during_set_up_a_time_typed_after_the_question_is_kept_and_the_question_asked_again(
    bot: Harness,
) -> None:
    await bot.send(USER, "/start")
    await bot.press(USER, "🌱 Beginner")
    await bot.press(USER, "🏋️ Gym")
    await bot.press(USER, "UTC")
    await bot.send(USER, "/schedule")
    replies = texts(await bot.send(USER, "7:30"))
    assert replies[0] == "⏰ Reminders will come at <b>07:30</b>."
    assert replies[-1].startswith("↩️ To finish setting up: <b>how many days a week can you train?</b>")
    await bot.send(USER, "/schedule")
    done = texts(await bot.send(USER, "tue thu sat"))
    assert "All set" in done[-1] and "<b>Tue, Thu, Sat</b>" in done[-1] and "07:30" in done[-1]
    chat = await chat_row(bot, USER)
    assert (chat.onboarding_step, chat.workout_days, chat.awaiting) == (None, 0b0101010, None)


async def test_in_a_group_nothing_waits(bot: Harness) -> None:
    bot.api.group_chat(GROUP, "Back Buddies")
    await bot.onboard(GROUP, user_id=USER)
    bot.api.set_member(GROUP, USER, "administrator")
    usage = texts(await bot.send(GROUP, "/schedule", user_id=USER))
    assert "<code>/schedule mon,thu 07:30</code>" in usage[-1]
    assert (await chat_row(bot, GROUP)).awaiting is None
