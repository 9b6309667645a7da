"""The ↩️ Undo under a /log reply takes back that reply's sets, through the real Application.

A newcomer trial: the Undo under an earlier /log took back the LATEST batch logged, not the one the reply
was about. The button now names its batch (its time) in its payload; /undo keeps taking back the last.
"""

from __future__ import annotations

from datetime import timedelta

from bot import callbacks
from tests.bot.harness import Harness

USER = 6106
UNDO = "↩️ Undo"


def text(sent: list) -> str:  # type: ignore[type-arg]
    return "\n".join(message.text or "" for message in sent)


async def history(bot: Harness) -> str:
    return text(await bot.send(USER, "/history"))


async def log(bot: Harness, sets: str) -> int:
    """/log the sets a few minutes after the last; the reply's message id, for its Undo."""
    bot.clock.advance(minutes=3)
    [reply] = await bot.send(USER, f"/log {sets}")
    return reply.message_id


def undo_payload(bot: Harness, message_id: int) -> str:
    message = bot.api.message(USER, message_id)
    assert message is not None
    [[button]] = message["reply_markup"]["inline_keyboard"]
    assert button["text"] == UNDO
    return str(button["callback_data"])


async def test_an_earlier_replys_undo_takes_back_its_own_sets(bot: Harness) -> None:
    await bot.onboard(USER)
    rows = await log(bot, "row 3x10 40kg")
    await log(bot, "face pull 3x15 10kg")
    assert len(undo_payload(bot, rows).encode()) <= 64
    bot.clock.advance(minutes=1)
    undone = text(await bot.press(USER, UNDO, message_id=rows))
    assert undone == "↩️ Took back: Seated cable row 3×10 @ 40 kg. Send /undo again to take back more."
    found = await history(bot)
    assert "Seated cable row" not in found and "• Cable face pull: 3×15 @ 10 kg" in found
    # The face pulls made no session of their own: the day is still one session, theirs now, so /undo
    # takes it back whole, as when they were the only log of the day.
    assert text(await bot.send(USER, "/undo")) == (
        "↩️ Took back today's session: Cable face pull 3×15 @ 10 kg. Nothing is logged for today now."
    )
    assert found.count("· session") == 1


async def test_an_undo_whose_sets_are_gone_says_so_and_takes_nothing_else(bot: Harness) -> None:
    await bot.onboard(USER)
    rows = await log(bot, "row 3x10 40kg")
    payload = undo_payload(bot, rows)
    await log(bot, "face pull 3x15 10kg")
    await log(bot, "row 3x8 45kg")
    # /undo still takes back the last thing logged: the second rows.
    assert text(await bot.send(USER, "/undo")).startswith("↩️ Took back: Seated cable row 3×8 @ 45 kg.")
    await bot.press(USER, UNDO, message_id=rows)
    # Pressed twice (a second client still showing it): the first press took them back.
    before = await history(bot)
    assert await bot.callback(USER, payload, message_id=rows) == []
    assert bot.toasts()[-1].text == (
        "Those sets are already taken back: this Undo has nothing left to undo. "
        "/history shows what is logged."
    )
    assert await history(bot) == before
    assert "• Cable face pull: 3×15 @ 10 kg" in before and "Seated cable row" not in before


async def test_an_undo_from_another_day_says_so(bot: Harness) -> None:
    await bot.onboard(USER)
    rows = await log(bot, "row 3x10 40kg")
    bot.clock.advance(days=1)
    await log(bot, "row 3x10 42.5kg")
    assert await bot.press(USER, UNDO, message_id=rows) == []
    assert bot.toasts()[-1].text == (
        "That Undo only works on the day it was logged. "
        "Send /undo to take back the last thing you logged today."
    )
    assert "42.5 kg" in await history(bot) and "3×10 @ 40 kg" in await history(bot)


async def test_forged_stale_and_old_undo_payloads_get_a_helpful_answer(bot: Harness) -> None:
    await bot.onboard(USER)
    rows = await log(bot, "row 3x10 40kg")
    payload = undo_payload(bot, rows)
    head, stamp = payload.rsplit(":", 1)
    for forged in (f"{head}:!!", f"{head}:{'z' * 14}", f"{head}:0{stamp}", f"{payload}:x", head[:-2]):
        assert await bot.callback(USER, forged, message_id=rows) == []
        assert bot.toasts()[-1].text == "That button has expired. Send /help to start fresh."
    # A button sent before Undo named its batch ("1:lu:day:day:s") can't tell which sets it meant.
    assert await bot.callback(USER, head, message_id=rows) == []
    assert bot.toasts()[-1].text.startswith("This Undo button is from an older message")
    # A well-formed time that names no batch: nothing to take back, and nothing taken.
    instant = callbacks.unpack_instant(stamp)
    assert instant is not None
    other = callbacks.pack_instant(instant + timedelta(microseconds=1))
    assert await bot.callback(USER, f"{head}:{other}", message_id=rows) == []
    assert bot.toasts()[-1].text.startswith("Those sets are already taken back")
    assert "• Seated cable row: 3×10 @ 40 kg" in await history(bot)
