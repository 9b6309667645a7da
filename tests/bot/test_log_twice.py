"""The same lift /logged twice in a day, through the real Application: a newcomer trial logged "seated cable
row 3x8 35kg", then sent it again, and the day showed 6 sets. Sets that look like the same work again are
asked about first, ➕ Add / 🔁 Replace; Replace takes the earlier sets' place and its ↩️ Undo brings them back.
"""

from __future__ import annotations

from sqlalchemy import select

from storage.models import LoggedSet, ReplacedSet
from storage.records import SetOrigin
from tests.bot.harness import Harness, joined, labels

USER = 6301
ROW = "/log seated cable row 3x8 35kg"
ASKED = "🔁 Add to today's Seated cable row (3×8 @ 35 kg) or replace it?"


async def rows(bot: Harness) -> list[tuple[str, int, float | None, SetOrigin]]:
    async with bot.app.bot_data.sessionmaker() as session:
        query = select(LoggedSet.exercise, LoggedSet.reps, LoggedSet.load, LoggedSet.origin)
        return [tuple(row) for row in (await session.execute(query.order_by(LoggedSet.id))).all()]


async def kept(bot: Harness) -> int:
    async with bot.app.bot_data.sessionmaker() as session:
        return len((await session.scalars(select(ReplacedSet))).all())


async def logged_once(bot: Harness) -> None:
    await bot.onboard(USER)
    assert joined(await bot.send(USER, ROW)).startswith("✍️ Logged Seated cable row: 3×8 @ 35 kg")
    bot.clock.advance(minutes=4)


async def test_the_same_sets_again_are_asked_about_not_added(bot: Harness) -> None:
    await logged_once(bot)
    assert joined(await bot.send(USER, ROW)) == ASKED
    assert labels(bot, USER) == ["➕ Add", "🔁 Replace"]
    assert len(await rows(bot)) == 3, "nothing is logged until the trainee says which"


async def test_replace_takes_their_place_and_undo_brings_them_back(bot: Harness) -> None:
    await logged_once(bot)
    [question] = await bot.send(USER, "/log seated cable row 3x10 35kg")
    data = dict(label for row in bot.api.buttons(question) for label in row)
    replaced = joined(await bot.press(USER, "🔁 Replace"))
    assert replaced.startswith("✍️ Logged Seated cable row: 3×10 @ 35 kg\n")
    assert "🔁 In place of the Seated cable row 3×8 @ 35 kg logged earlier, not on top of it." in replaced
    assert labels(bot, USER) == ["↩️ Undo"]
    assert await rows(bot) == [("seated-cable-row", 10, 35.0, SetOrigin.TYPED)] * 3
    assert "• Seated cable row: 3×10 @ 35 kg" in joined(await bot.send(USER, "/history"))

    # Pressed again (a double tap, or the old message): nothing more happens.
    for label in ("🔁 Replace", "➕ Add"):
        assert await bot.callback(USER, data[label], message_id=question.message_id) == []
        assert (
            bot.toasts()[-1].text
            == "That one is settled already: nothing more was logged. /history shows the day's sets."
        )
    assert await rows(bot) == [("seated-cable-row", 10, 35.0, SetOrigin.TYPED)] * 3

    undone = joined(await bot.press(USER, "↩️ Undo"))
    assert undone.endswith("\nBack in their place: the Seated cable row 3×8 @ 35 kg you logged before.")
    assert await rows(bot) == [("seated-cable-row", 8, 35.0, SetOrigin.TYPED)] * 3, "typed, as they were"
    assert await kept(bot) == 0


async def test_add_logs_on_top_as_before(bot: Harness) -> None:
    await logged_once(bot)
    await bot.send(USER, ROW)
    added = joined(await bot.press(USER, "➕ Add"))
    assert added == "✍️ Logged Seated cable row: 3×8 @ 35 kg"
    assert labels(bot, USER) == ["↩️ Undo"]
    assert [reps for _, reps, _, _ in await rows(bot)] == [8] * 6
    # Its Undo takes back only the added sets.
    await bot.press(USER, "↩️ Undo")
    assert [reps for _, reps, _, _ in await rows(bot)] == [8] * 3


async def test_new_work_is_added_without_a_question(bot: Harness) -> None:
    await logged_once(bot)
    # A load not logged for the lift today is more work (a heavier set); one set after three is a set added.
    heavier = joined(await bot.send(USER, "/log seated cable row 3x8 40kg"))
    assert heavier.startswith("✍️ Logged Seated cable row: 3×8 @ 40 kg")
    assert joined(await bot.send(USER, "/log seated cable row 1x8 35kg")).startswith("✍️ Logged")
    # Another lift, and the same sets on another day, are no repeat either.
    assert joined(await bot.send(USER, "/log face pull 3x15 10kg")).startswith("✍️ Logged Cable face pull")
    bot.clock.advance(days=1)
    assert joined(await bot.send(USER, ROW)).startswith("✍️ Logged Seated cable row: 3×8 @ 35 kg")


async def test_forged_or_stale_buttons_get_a_reply_never_a_traceback(bot: Harness) -> None:
    await logged_once(bot)
    [question] = await bot.send(USER, ROW)
    data = dict(label for row in bot.api.buttons(question) for label in row)
    forged = [
        "1:rr:x:20261124:1:6301:seated-cable-row:3x8:35:kg:",
        "1:rr:r:20261124:1:6301:no-such-lift:3x8:35:kg:",
        "1:rr:r:2026112:1:6301:seated-cable-row:3x8:35:kg:",
        "1:rr:r",
    ]
    for payload in forged:
        assert await bot.callback(USER, payload, message_id=question.message_id) == []
        assert bot.toasts()[-1].text == "That button has expired. Send /help to start fresh."
    # Another member's press, in a chat where both could see it, logs nothing for either.
    assert await bot.callback(USER, data["🔁 Replace"], user_id=999, message_id=question.message_id) == []
    assert bot.toasts()[-1].text == "That question is for whoever sent the /log."
    # The next day the question is out of date.
    bot.clock.advance(days=1)
    assert await bot.callback(USER, data["🔁 Replace"], message_id=question.message_id) == []
    assert bot.toasts()[-1].text == "That choice was for another day. Send /log again."
    assert len(await rows(bot)) == 3
    assert bot.errors == []
