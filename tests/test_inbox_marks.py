"""When an update is marked handled: with its effects, or, if it changed nothing, right after its
transaction and before its reply, together with the other updates finishing at the same time."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import event, select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from telegram import Update
from telegram.ext import TypeHandler

from bot.intake import Inbox
from fakeapi.state import JSON
from storage import inbox as queries
from storage.models import InboxUpdate
from tests.processes import wait_for_messages
from tests.test_webhook import USER, Endpoint, endpoint

__all__ = ["endpoint"]  # the fixture, shared with the webhook tests

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


async def status_of(endpoint: Endpoint, update_id: int) -> str | None:
    async with endpoint.app.bot_data.sessionmaker() as session:
        return await session.scalar(select(InboxUpdate.status).where(InboxUpdate.update_id == update_id))


# /workout before onboarding is done changes nothing and replies from inside its transaction's block.
@pytest.mark.parametrize("text", ["/workout", "/schedule mon 05:05"], ids=["changes nothing", "changes"])
async def test_an_update_is_marked_handled_before_its_reply_goes_out(
    endpoint: Endpoint, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    assert (await endpoint.message("/start")).status_code == 200
    await wait_for_messages(endpoint.api, USER, 2)
    update_ = endpoint.api.make_message(USER, USER, text)
    seen: list[str | None] = []
    answer = endpoint.api.call

    async def call(method: str, params: Mapping[str, Any], *, token: str | None = None) -> tuple[int, JSON]:
        if method.lower() == "sendmessage":
            seen.append(await status_of(endpoint, update_["update_id"]))
        return await answer(method, params, token=token)

    monkeypatch.setattr(endpoint.api, "call", call)
    assert (await endpoint.post(update_)).status_code == 200
    await wait_for_messages(endpoint.api, USER, 3)
    # After a crash here, Telegram's update would not be handled again: its reply is out.
    assert seen == ["done"]


async def test_an_update_that_changes_nothing_handled_elsewhere_is_not_answered_again(
    endpoint: Endpoint,
) -> None:
    assert (await endpoint.message("/start")).status_code == 200
    await wait_for_messages(endpoint.api, USER, 2)
    gate, arrived = asyncio.Event(), asyncio.Event()

    async def held(update_: object, _context: object) -> None:
        message = update_.effective_message if isinstance(update_, Update) else None
        if message is not None and message.text == "/streak":
            arrived.set()
            await gate.wait()

    endpoint.app.add_handler(TypeHandler(Update, held), group=-2)
    streak = endpoint.api.make_message(USER, USER, "/streak")
    assert (await endpoint.post(streak)).status_code == 200
    await arrived.wait()
    # Meanwhile another replica (or a replay) handled it and answered.
    async with endpoint.app.bot_data.sessionmaker.begin() as session:
        await session.execute(
            update(InboxUpdate).where(InboxUpdate.update_id == streak["update_id"]).values(status="done")
        )
    gate.set()
    # The next update of the chat runs only after this one finished: then the outcome is known.
    assert (await endpoint.message("/help")).status_code == 200
    sent = await wait_for_messages(endpoint.api, USER, 3)
    assert len(sent) == 3 and "/workout" in (sent[-1].text or ""), "only /help's reply, no second /streak"


async def test_updates_finishing_together_are_marked_in_one_statement(
    engine: AsyncEngine, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    async with sessionmaker.begin() as session:
        await queries.store(session, [(update_id, None, "{}") for update_id in range(1, 7)], NOW)
        # Another handling got to update 2 first; update 6 went with a forgotten chat.
        await queries.settle(session, 2, queries.DONE, NOW)
        await session.execute(InboxUpdate.__table__.delete().where(InboxUpdate.update_id == 6))
    statements: list[str] = []
    event.listen(engine.sync_engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    inbox = Inbox(sessionmaker, lambda: NOW)
    marked = await asyncio.gather(
        inbox.mark(1, queries.DONE),
        inbox.mark(2, queries.DONE),
        inbox.mark(3, queries.FAILED),
        inbox.mark(4, queries.DONE),
        inbox.mark(5, queries.DONE),
        inbox.mark(6, queries.DONE),
    )
    assert marked == [True, False, True, True, True, True], "only 2 was marked by someone else"
    async with sessionmaker() as session:
        assert await queries.counts(session) == {"done": 4, "failed": 1}
    # All six at once (done and failed: two statements), then, since 2 was taken, one at a time.
    many = [sql for sql in statements if sql.startswith("UPDATE inbox") and " IN " in sql]
    assert len(many) == 2

    statements.clear()
    async with sessionmaker.begin() as session:
        await queries.store(session, [(update_id, None, "{}") for update_id in range(11, 16)], NOW)
    marked = await asyncio.gather(*(inbox.mark(update_id, queries.DONE) for update_id in range(11, 16)))
    assert all(marked)
    assert len([sql for sql in statements if sql.startswith("UPDATE inbox")]) == 1
