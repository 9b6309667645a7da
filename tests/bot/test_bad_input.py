"""Whatever a user throws at the bot gets a helpful reply and nothing raises."""

import pytest

from bot import callbacks
from tests.bot.harness import Harness

USER = 3003


async def test_unknown_command(bot: Harness) -> None:
    sent = await bot.send(USER, "/frobnicate now")
    # Nothing close to it: the plain answer, no button.
    assert sent[-1].text == "I don't know that command. Send /help to see what I can do."
    assert bot.api.buttons(sent[-1]) == []


def labels(bot: Harness) -> list[str]:
    return [label for row in bot.api.buttons(bot.api.last(USER)) for label, _ in row]


async def test_a_mistyped_command_offers_the_closest_with_a_button_that_runs_it(bot: Harness) -> None:
    # A newcomer trial: /wrkout got "I don't know that command. Send /help".
    await bot.onboard(USER)
    sent = await bot.send(USER, "/wrkout")
    assert sent[-1].text == (
        "🤔 I don't know <code>/wrkout</code>. Did you mean /workout? "
        "Tap below, or send /help to see what I can do."
    )
    assert labels(bot) == ["▶ /workout"]
    assert "Session 1 ·" in ((await bot.press(USER, "▶ /workout"))[-1].text or "")

    # What was typed after it goes along, when a button can carry it.
    await bot.send(USER, "/dne yesterday")
    assert "Did you mean <code>/done yesterday</code>? Tap below" in (bot.api.last(USER).text or "")
    assert labels(bot) == ["▶ /done yesterday"]
    assert "Logged for Monday 23 Nov" in ((await bot.press(USER, "▶ /done yesterday"))[-1].text or "")

    # Where no button can carry it, no button (a bare /pause would pause for another length): it is there
    # to copy.
    sent = await bot.send(USER, "/pasue 2 weeks")
    assert sent[-1].text == (
        "🤔 I don't know <code>/pasue</code>. Did you mean <code>/pause 2 weeks</code>? "
        "Send /help to see what I can do."
    )
    assert bot.api.buttons(sent[-1]) == []

    # A name begun, in any case, to the bot by name.
    sent = await bot.send(USER, "/HIST@BackCoachBot")
    assert (sent[-1].text or "").startswith("🤔 I don't know <code>/hist</code>. Did you mean /history?")
    assert labels(bot) == ["▶ /history"]


async def test_level_banana_lists_the_choices(bot: Harness) -> None:
    await bot.onboard(USER)
    sent = await bot.send(USER, "/level banana")
    assert "banana" in (sent[-1].text or "") and "beginner" in (sent[-1].text or "")
    assert len(bot.api.buttons(sent[-1])) == 3


async def test_level_with_argument_changes_it(bot: Harness) -> None:
    await bot.onboard(USER)
    sent = await bot.send(USER, "/level Advanced")
    assert "Advanced" in (sent[-1].text or "")


@pytest.mark.parametrize(
    "data",
    [
        "1:lvl:superhuman",
        "1:lvl",
        "0:lvl:beginner",
        "9:done",
        "garbage",
        "1:tz:Mars/Base",
        "1:topic:not-a-topic",
        "1:menu:nothing",
        "x" * 64,
    ],
)
async def test_forged_or_stale_callbacks_get_a_polite_answer(bot: Harness, data: str) -> None:
    await bot.onboard(USER)
    before = len(bot.api.sent)
    await bot.callback(USER, data)
    assert len(bot.api.sent) == before
    assert bot.toasts()[-1].text == "That button has expired. Send /help to start fresh."


async def test_button_of_a_deleted_message_still_answers(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/workout")
    message_id = bot.api.last(USER).message_id
    await bot.app.bot.delete_message(USER, message_id)
    await bot.callback(USER, callbacks.pack("done"), message_id=message_id)
    assert "logged" in (bot.api.last(USER).text or "")


async def test_five_thousand_characters(bot: Harness) -> None:
    await bot.onboard(USER)
    sent = await bot.send(USER, "why " * 1250)
    assert len(sent) == 1 and "long" in (sent[-1].text or "")


async def test_emoji_only(bot: Harness) -> None:
    await bot.onboard(USER)
    sent = await bot.send(USER, "💪🔥🙂")
    assert len(sent) == 1 and sent[-1].text


async def test_empty_message(bot: Harness) -> None:
    sent = await bot.send(USER, "")
    assert len(sent) == 1 and "text" in (sent[-1].text or "")


async def test_html_in_user_input_is_escaped(bot: Harness) -> None:
    await bot.onboard(USER)
    sent = await bot.send(USER, "/timezone <b>Mars</b>")
    assert "&lt;b&gt;Mars" in (sent[-1].text or "")


async def test_user_who_blocked_the_bot_is_deactivated(bot: Harness) -> None:
    from storage import repo

    await bot.onboard(USER)
    bot.api.block(USER)
    await bot.send(USER, "/streak")
    assert [type(error).__name__ for error in bot.errors] == ["Forbidden"]
    bot.errors.clear()
    async with bot.app.bot_data.sessionmaker() as session:
        chat = await repo.get_chat(session, USER)
    assert chat is not None and not chat.active and chat.next_reminder_at is None


async def test_blocked_chat_that_returns_gets_its_reminders_back(bot: Harness) -> None:
    from storage import repo

    await bot.onboard(USER)
    bot.api.block(USER)
    await bot.send(USER, "/streak")
    bot.errors.clear()
    bot.api.unblock(USER)
    await bot.send(USER, "/streak")
    async with bot.app.bot_data.sessionmaker() as session:
        chat = await repo.get_chat(session, USER)
    assert chat is not None and chat.active and chat.next_reminder_at is not None


async def test_question_ends_weekly_only_mode(bot: Harness) -> None:
    from storage import repo

    await bot.onboard(USER)
    async with bot.app.bot_data.sessionmaker.begin() as session:
        chat = await repo.get_chat(session, USER)
        assert chat is not None
        chat.unanswered = 3
        chat.next_reminder_at = bot.clock.now.replace(year=2027)
    await bot.send(USER, "/ask how often should I train my back")
    async with bot.app.bot_data.sessionmaker() as session:
        chat = await repo.get_chat(session, USER)
    assert chat is not None and chat.unanswered == 0
    assert chat.next_reminder_at is not None and chat.next_reminder_at.year == 2026
