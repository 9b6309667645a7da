"""A group's shared settings are for its admins; everyone may still train, log and ask."""

from __future__ import annotations

from sqlalchemy import select

from fakeapi import drive
from storage.models import Chat
from tests.bot.harness import Harness

GROUP = -7007
ADMIN, MEMBER = 701, 702
REFUSAL = "Only this group's admins can change its settings"


async def onboarded_group(bot: Harness) -> None:
    bot.api.group_chat(GROUP, "Rowing Club")
    bot.api.set_member(GROUP, ADMIN, "creator")
    await bot.send(GROUP, "/start", user_id=ADMIN)
    await bot.press(GROUP, "🌱 Beginner", user_id=ADMIN)
    await bot.press(GROUP, "🏋️ Gym", user_id=ADMIN)
    await bot.press(GROUP, "UTC", user_id=ADMIN)
    await bot.press(GROUP, bot.button_starting(GROUP, "2 days:"), user_id=ADMIN)


async def reminder_minute(bot: Harness) -> int:
    async with bot.app.bot_data.sessionmaker() as session:
        return (await session.execute(select(Chat.reminder_minute).where(Chat.id == GROUP))).scalar_one()


async def test_a_members_schedule_is_refused_and_an_admins_applied(bot: Harness) -> None:
    await onboarded_group(bot)
    before = await reminder_minute(bot)
    [refused] = await bot.send(GROUP, "/schedule mon,thu 06:15", user_id=MEMBER)
    assert REFUSAL in (refused.text or "")
    assert await reminder_minute(bot) == before

    [applied] = await bot.send(GROUP, "/schedule mon,thu 06:15", user_id=ADMIN)
    assert "06:15" in (applied.text or "")
    assert await reminder_minute(bot) == 6 * 60 + 15


async def test_every_shared_setting_is_refused_to_a_member(bot: Harness) -> None:
    await onboarded_group(bot)
    for command in ("/stop", "/pause 3", "/resume", "/level", "/timezone Asia/Tokyo", "/nudges off"):
        [answer] = await bot.send(GROUP, command, user_id=MEMBER)
        assert REFUSAL in (answer.text or ""), command
    async with bot.app.bot_data.sessionmaker() as session:
        chat = await session.get(Chat, GROUP)
    assert chat is not None and chat.reminders_enabled and chat.timezone == "UTC" and chat.nudges_enabled


async def test_a_members_settings_button_gets_a_polite_toast(bot: Harness) -> None:
    await onboarded_group(bot)
    await bot.send(GROUP, "/settings", user_id=ADMIN)
    menu = bot.api.last(GROUP)
    label, _data = bot.api.buttons(menu)[0][0]
    before = len(bot.api.sent)
    await bot.press(GROUP, label, user_id=MEMBER)
    assert len(bot.api.sent) == before, "the menu is left as it was"
    assert REFUSAL in (bot.toasts()[-1].text or "")


async def test_anyone_may_train_log_and_ask(bot: Harness) -> None:
    await onboarded_group(bot)
    [session] = await bot.send(GROUP, "/workout", user_id=MEMBER)
    assert REFUSAL not in (session.text or "")
    logged = await bot.press(GROUP, "✅ Done", user_id=MEMBER)
    assert logged and REFUSAL not in (logged[-1].text or "")
    [answer] = await bot.send(GROUP, "/ask how often should we train our back?", user_id=MEMBER)
    assert REFUSAL not in (answer.text or "")


async def test_an_anonymous_admin_counts(bot: Harness) -> None:
    await onboarded_group(bot)
    update = bot.api.make_message(GROUP, MEMBER, "/schedule tue 05:30")
    # How Telegram shows an anonymous admin: sent on behalf of the group, from GroupAnonymousBot.
    update["message"]["sender_chat"] = bot.api.chats[GROUP]
    update["message"]["from"] = {"id": 1087968824, "is_bot": True, "first_name": "Group"}
    await drive(bot.app, update)
    assert await reminder_minute(bot) == 5 * 60 + 30


async def test_membership_is_asked_once_per_few_minutes(bot: Harness) -> None:
    await onboarded_group(bot)
    calls = bot.api.calls["getChatMember"]
    await bot.send(GROUP, "/schedule mon 06:00", user_id=MEMBER)
    await bot.send(GROUP, "/schedule mon 06:00", user_id=MEMBER)
    assert bot.api.calls["getChatMember"] == calls + 1
    bot.api.set_member(GROUP, MEMBER, "administrator")
    bot.clock.advance(minutes=6)
    [applied] = await bot.send(GROUP, "/schedule mon 06:45", user_id=MEMBER)
    assert bot.api.calls["getChatMember"] == calls + 2
    assert "06:45" in (applied.text or "") and await reminder_minute(bot) == 6 * 60 + 45


async def test_private_chats_never_ask(bot: Harness) -> None:
    await bot.onboard(MEMBER)
    [applied] = await bot.send(MEMBER, "/schedule mon 06:10")
    assert "06:10" in (applied.text or "") and bot.api.calls["getChatMember"] == 0
