"""Onboarding's last question, how many days a week: its buttons, the days they give the summary, the
reminders and the weekly target, "Pick my own days", and stale or forged presses.

A coach's newcomer trial: an advanced lifter was never asked and got Monday and Thursday.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.coach import rules, trainingdays
from bot.coach.catalog import Catalog
from bot.coach.model import Level
from bot.reminder_sender import TelegramSender
from scheduler import dispatch
from scheduler.dispatch import Content, DispatchConfig
from scheduler.pacing import Pacer
from storage.models import Chat
from tests.bot.harness import Harness, chat_row, labels

USER = 1201
ASKED = "how many days a week can you train?"


async def up_to_days(bot: Harness, level: str) -> None:
    await bot.send(USER, "/start")
    await bot.press(USER, level)
    await bot.press(USER, "🏋️ Gym")
    await bot.press(USER, "UTC")
    assert ASKED in (bot.api.last(USER).text or "")


async def reminded_weekdays(bot: Harness) -> list[str]:
    """The weekdays of the workout reminders (a Skip today button) the next seven days bring, at 18:00 UTC."""
    services = bot.app.bot_data
    content = Content.build(services.catalog, services.knowledge)
    days: list[str] = []
    for ahead in range(7):
        day = datetime(2026, 11, 24, 18, 0, tzinfo=UTC) + timedelta(days=ahead)
        bot.clock.now = day
        before = len(bot.api.sent)
        await dispatch.drain(
            TelegramSender(bot.app.bot),
            services.sessionmaker,
            content,
            DispatchConfig(max_per_second=0),
            clock=bot.clock,
            pacer=Pacer(0),
        )
        sent = bot.api.sent[before:]
        if any("⏭ Skip today" in str(bot.api.buttons(message)) for message in sent):
            days.append(f"{day:%a}")
    return days


@pytest.mark.parametrize(
    ("level", "advised", "starred"),
    [
        (
            "🌱 Beginner",
            "2 or 3 days",
            ["⭐ 2 days: Mon, Thu", "⭐ 3 days: Mon, Wed, Fri", "4 days: Mon, Tue, Thu, Fri"],
        ),
        (
            "💪 Intermediate",
            "3 days",
            ["2 days: Mon, Thu", "⭐ 3 days: Mon, Wed, Fri", "4 days: Mon, Tue, Thu, Fri"],
        ),
        (
            "🔥 Advanced",
            "3 or 4 days",
            ["2 days: Mon, Thu", "⭐ 3 days: Mon, Wed, Fri", "⭐ 4 days: Mon, Tue, Thu, Fri"],
        ),
    ],
)
async def test_the_question_marks_what_the_level_is_advised(
    bot: Harness, level: str, advised: str, starred: list[str]
) -> None:
    await up_to_days(bot, level)
    assert f"⭐ = what suits your level: {advised}." in (bot.api.last(USER).text or "")
    assert labels(bot, USER) == [*starred, "📅 Pick my own days"]


async def test_an_advanced_lifters_four_days_are_the_summary_reminders_and_target(bot: Harness) -> None:
    await up_to_days(bot, "🔥 Advanced")
    [done] = await bot.press(USER, "⭐ 4 days: Mon, Tue, Thu, Fri")
    assert "All set" in (done.text or "")
    assert "I'll remind you on <b>Mon, Tue, Thu, Fri</b> at <b>18:00</b>" in (done.text or "")
    chat = await chat_row(bot, USER)
    assert chat.weekly_target == 4
    # The harness starts on a Tuesday: the week's reminders come on the four days, not Monday and Thursday.
    assert await reminded_weekdays(bot) == ["Tue", "Thu", "Fri", "Mon"]
    # The streak counts a week kept at four sessions.
    streak = "".join(message.text or "" for message in await bot.send(USER, "/streak"))
    assert "This week: 0/4 sessions" in streak


async def test_pick_my_own_days_points_to_schedule_which_finishes_set_up(bot: Harness) -> None:
    await up_to_days(bot, "🌱 Beginner")
    [own] = await bot.press(USER, "📅 Pick my own days")
    assert own.method == "editMessageText"
    assert "<code>/schedule tue thu sat 07:30</code>" in (own.text or "")
    # The counts stay there in case the trainee changes their mind.
    assert labels(bot, USER) == [
        "⭐ 2 days: Mon, Thu",
        "⭐ 3 days: Mon, Wed, Fri",
        "4 days: Mon, Tue, Thu, Fri",
    ]
    assert not (await chat_row(bot, USER)).onboarded
    [done] = await bot.send(USER, "/schedule wed sun 07:30")
    assert "All set" in (done.text or "")
    assert "I'll remind you on <b>Wed, Sun</b> at <b>07:30</b>" in (done.text or "")
    chat = await chat_row(bot, USER)
    assert chat.onboarded and chat.weekly_target == 2


@pytest.mark.parametrize(
    "data", ["1:days:5", "1:days:1", "1:days:", "1:days", "1:days:3:x", "1:days:٣", "0:days:3", "1:days:mine"]
)
async def test_forged_or_stale_days_get_the_stale_button_answer(bot: Harness, data: str) -> None:
    await up_to_days(bot, "🌱 Beginner")
    before = len(bot.api.sent)
    await bot.callback(USER, data)
    assert bot.api.sent[before:] == []
    assert "expired" in (bot.toasts()[-1].text or "")
    chat = await chat_row(bot, USER)
    assert chat.onboarding_step == "days" and chat.weekly_target == 2


async def test_an_old_days_button_after_set_up_changes_the_days(bot: Harness) -> None:
    await up_to_days(bot, "💪 Intermediate")
    # "Pick my own days" leaves the counts on its message; set-up then ends with /schedule.
    [own] = await bot.press(USER, "📅 Pick my own days")
    await bot.send(USER, "/schedule mon thu")
    assert (await chat_row(bot, USER)).onboarded
    # Later the counts still say what they give: a press is a change of days, as /schedule makes.
    [changed] = await bot.press(USER, "4 days: Mon, Tue, Thu, Fri", message_id=own.message_id)
    assert "Training days set to <b>Mon, Tue, Thu, Fri</b>: 4 sessions a week" in (changed.text or "")
    assert (await chat_row(bot, USER)).weekly_target == 4
    assert "Mon, Tue, Thu, Fri at 18:00" in "".join(m.text or "" for m in await bot.send(USER, "/settings"))
    [later] = await bot.callback(USER, "1:days:own", message_id=own.message_id)
    assert "/schedule" in (later.text or "") and not bot.api.buttons(later)


async def test_a_days_button_while_set_up_asks_something_else_is_stale(bot: Harness) -> None:
    await bot.send(USER, "/start")
    before = len(bot.api.sent)
    await bot.callback(USER, "1:days:3")
    assert bot.api.sent[before:] == [] and "expired" in (bot.toasts()[-1].text or "")
    assert (await chat_row(bot, USER)).onboarding_step == "level"


@pytest.mark.parametrize("stored", ["timezone", "kit", "equipment"])
async def test_a_chat_stopped_at_a_step_before_days_existed_still_finishes(bot: Harness, stored: str) -> None:
    await bot.send(USER, "/start")
    await bot.press(USER, "🌱 Beginner")
    async with bot.app.bot_data.sessionmaker() as session, session.begin():
        chat = await session.get(Chat, USER)
        assert chat is not None
        chat.onboarding_step, chat.equipment = stored, "home" if stored == "kit" else "gym"
    sent = await bot.send(USER, "/start")
    if stored == "equipment":
        await bot.press(USER, "🏋️ Gym")
    elif stored == "kit":
        await bot.press(USER, "✅ Confirm")
    else:
        assert "Your timezone?" in (sent[-1].text or "")
    await bot.press(USER, "UTC")
    [done] = await bot.press(USER, "⭐ 3 days: Mon, Wed, Fri")
    assert "All set" in (done.text or "") and "<b>Mon, Wed, Fri</b>" in (done.text or "")


def test_every_advised_count_is_offered_and_checked_in_full() -> None:
    catalog = Catalog.load()
    for level in Level:
        assert set(catalog.routines.level(level).days_a_week) <= set(trainingdays.CHOICES)
    assert set(trainingdays.CHOICES) <= set(rules.CHECKED_PER_WEEK) & set(rules.COVERAGE_PER_WEEK)
    assert all(len(trainingdays.spread(count)) == count for count in trainingdays.CHOICES)
    assert trainingdays.count_words([3, 2], "or") == "2 or 3" and trainingdays.count_words([3], "or") == "3"
