"""Updates from different chats overlap; one chat's updates run in order; a flood waits its turns
(bot.ordering).

These go through the Application's own update queue, as polling and webhooks feed it, so the real
update processor decides what runs when. A gate in front of the Bot API double holds one chat's
reply to show who waits for whom.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from telegram import Update
from telegram.ext import TypeHandler

from bot.intake import inbox_of
from bot.ordering import ChatOrderedProcessor
from storage import inbox as inbox_rows
from tests.bot.harness import Harness, running_harness

SLOW, OTHER = 9001, 9002


@pytest.fixture
async def started(tmp_path: Path) -> AsyncIterator[Harness]:
    async with running_harness(tmp_path, update_concurrency=4) as harness:
        for chat in (SLOW, OTHER):
            await harness.onboard(chat)
        await harness.app.start()
        try:
            yield harness
        finally:
            await harness.app.stop()


class Gate:
    """In front of the Bot API double: holds the next sendMessage to one chat until ``opened`` is set,
    and wakes ``replies`` whenever a call has gone through."""

    def __init__(self, harness: Harness, chat_id: int) -> None:
        self.harness, self.chat_id = harness, chat_id
        self.opened = asyncio.Event()
        self._held = False
        self._through = asyncio.Condition()
        self._call = harness.api.call

    async def call(self, method: str, params: dict[str, Any], **kwargs: Any) -> Any:
        if method == "sendMessage" and params.get("chat_id") == self.chat_id and not self._held:
            self._held = True
            await self.opened.wait()
        result = await self._call(method, params, **kwargs)
        async with self._through:
            self._through.notify_all()
        return result

    def texts(self, chat_id: int) -> list[str]:
        return [m.plain_text for m in self.harness.api.sent if m.chat_id == chat_id]

    async def replies(self, chat_id: int, count: int) -> list[str]:
        async with self._through:
            await asyncio.wait_for(self._through.wait_for(lambda: len(self.texts(chat_id)) >= count), 10)
        return self.texts(chat_id)


@asynccontextmanager
async def holding_next_reply(harness: Harness, chat_id: int) -> AsyncIterator[Gate]:
    gate = Gate(harness, chat_id)
    harness.api.call = gate.call  # type: ignore[method-assign]
    try:
        yield gate
    finally:
        gate.opened.set()  # a failed test must not leave an update waiting, or stopping the app hangs


async def enqueue(harness: Harness, chat_id: int, text: str) -> None:
    raw = harness.api.make_message(chat_id, chat_id, text)
    await harness.app.update_queue.put(Update.de_json(dict(raw), harness.app.bot))


async def run_until_idle(passes: int = 100) -> None:
    """Let every task that can run do so (no real time passes): what has not happened by then is waiting."""
    for _ in range(passes):
        await asyncio.sleep(0)


def kind(text: str) -> str:
    return "streak" if "streak" in text.lower() else "workout"


async def test_a_waiting_chat_does_not_hold_up_another(started: Harness) -> None:
    async with holding_next_reply(started, SLOW) as gate:
        before, others = len(gate.texts(SLOW)), len(gate.texts(OTHER))
        await enqueue(started, SLOW, "/workout")
        await enqueue(started, SLOW, "/streak")
        await enqueue(started, OTHER, "/streak")
        assert kind((await gate.replies(OTHER, others + 1))[-1]) == "streak"
        # The slow chat's /streak waits for its /workout, whose reply is held.
        await run_until_idle()
        assert len(gate.texts(SLOW)) == before
        gate.opened.set()
        slow = await gate.replies(SLOW, before + 2)
    assert [kind(text) for text in slow[before:]] == ["workout", "streak"]
    assert started.errors == []


async def test_a_burst_from_one_chat_keeps_its_order_beyond_the_slots(started: Harness) -> None:
    sent = ["/workout", "/streak"] * 5  # ten updates, more than the four slots
    async with holding_next_reply(started, SLOW) as gate:
        before = len(gate.texts(SLOW))
        for text in sent:
            await enqueue(started, SLOW, text)
        await run_until_idle()
        gate.opened.set()
        slow = await gate.replies(SLOW, before + len(sent))
    assert [kind(text) for text in slow[before:]] == [kind(t) for t in sent]
    assert started.errors == []


async def test_a_chat_sending_one_message_is_answered_before_a_flooding_chat_s_backlog_drains(
    started: Harness,
) -> None:
    """Eight questions from one chat, then /help from another, in one getUpdates batch through the inbox.

    The flooding chat's first question finds it idle and starts; the other seven are its backlog and
    wait their turns, while /help, from a chat with nothing waiting, goes ahead of all seven.
    """
    handled: list[tuple[int, str | None]] = []

    async def note(update: Update, _context: Any) -> None:
        assert update.effective_chat is not None and update.effective_message is not None
        handled.append((update.effective_chat.id, update.effective_message.text))

    started.app.add_handler(TypeHandler(Update, note), group=-2)  # before every other handler
    flood = [f"how many sets of rows, take {n}?" for n in range(1, 9)]
    batch = [started.api.make_message(SLOW, SLOW, text) for text in flood]
    batch.append(started.api.make_message(OTHER, OTHER, "/help"))
    before = len(started.api.sent)
    inbox = inbox_of(started.app)
    assert await inbox.receive(started.app, batch) == len(batch)
    await asyncio.wait_for(started.app.update_queue.join(), 10)

    assert handled == [(SLOW, flood[0]), (OTHER, "/help"), *((SLOW, text) for text in flood[1:])]
    # What the users see: the answer to /help arrives before the flooding chat's second answer.
    # (Whether it also beats the first answer depends on which handler's database work ends first.)
    replies = [m.chat_id for m in started.api.sent[before:]]
    assert sorted(replies) == sorted([OTHER, *[SLOW] * 8])
    assert replies.index(OTHER) <= 1
    async with inbox.sessionmaker() as session:
        assert await inbox_rows.counts(session) == {"done": len(batch)}
    assert started.errors == []


def message(chat: int, update_id: int) -> Update:
    raw = {"message_id": update_id, "date": 0, "chat": {"id": chat, "type": "private"}}
    return Update.de_json({"update_id": update_id, "message": raw}, None)


async def test_updates_without_a_chat_or_user_are_not_queued() -> None:
    processor = ChatOrderedProcessor(2)
    ran: list[str] = []

    async def work(name: str) -> None:
        ran.append(name)

    await asyncio.gather(
        processor.process_update(object(), work("a")), processor.process_update(object(), work("b"))
    )
    assert sorted(ran) == ["a", "b"]
    assert processor.running == 0


async def test_a_cancelled_update_gives_its_turn_to_the_next_of_its_chat() -> None:
    processor = ChatOrderedProcessor(4)
    release = asyncio.Event()
    ran: list[str] = []

    async def work(name: str, wait: bool = False) -> None:
        ran.append(f"{name} started")
        if wait:
            await release.wait()
        ran.append(f"{name} done")

    first = asyncio.create_task(processor.process_update(message(5, 1), work("first", wait=True)))
    second = asyncio.create_task(processor.process_update(message(5, 2), work("second", wait=True)))
    third = asyncio.create_task(processor.process_update(message(5, 3), work("third")))
    await run_until_idle()
    assert ran == ["first started"]
    second.cancel()  # waiting for its turn: it never starts
    first.cancel()  # running: its turn passes to the chat's next update
    for task in (first, second):
        with pytest.raises(asyncio.CancelledError):
            await task
    await asyncio.wait_for(third, timeout=5)
    assert ran == ["first started", "third started", "third done"]
    assert processor.running == 0
    await processor.process_update(message(5, 4), work("fourth"))
    assert ran[-2:] == ["fourth started", "fourth done"]


async def test_a_failing_update_does_not_cost_its_chat_the_queued_ones() -> None:
    processor = ChatOrderedProcessor(2)
    release = asyncio.Event()
    ran: list[str] = []

    async def fail() -> None:
        await release.wait()
        raise RuntimeError("boom")

    async def work(name: str) -> None:
        ran.append(name)

    first = asyncio.create_task(processor.process_update(message(5, 1), fail()))
    second = asyncio.create_task(processor.process_update(message(5, 2), work("second")))
    await run_until_idle()
    assert ran == []  # waits for its turn, behind the first
    release.set()
    await asyncio.wait_for(asyncio.gather(first, second), timeout=5)
    assert ran == ["second"]


async def test_an_idle_processor_reports_no_updates_in_progress() -> None:
    processor = ChatOrderedProcessor(8)
    assert (processor.limit, processor.running) == (8, 0)
    release = asyncio.Event()
    seen: list[int] = []

    async def work() -> None:
        seen.append(processor.running)
        await release.wait()

    tasks = [asyncio.create_task(processor.process_update(message(chat, chat), work())) for chat in (1, 1, 2)]
    await run_until_idle()
    assert seen == [2, 2]  # two chats served; chat 1's second update waits for its turn, in no slot
    release.set()
    await asyncio.gather(*tasks)
    assert processor.running == 0


async def test_waiting_updates_hold_no_slot() -> None:
    processor = ChatOrderedProcessor(2)

    release = asyncio.Event()
    ran: list[int] = []

    async def work(chat: int) -> None:
        if chat == 1:
            await release.wait()
        ran.append(chat)

    # Five updates from chat 1 (the first one blocked) would fill both slots if waiting held one.
    burst = [asyncio.create_task(processor.process_update(message(1, n), work(1))) for n in range(5)]
    other = asyncio.create_task(processor.process_update(message(2, 9), work(2)))
    await asyncio.wait_for(other, timeout=5)
    assert ran == [2]
    release.set()
    await asyncio.gather(*burst)
    assert ran == [2, 1, 1, 1, 1, 1]
    assert processor.limit == 2
