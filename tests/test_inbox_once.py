"""An update's effects happen once, even when two handlings of it race (a replay beside the original)."""

from __future__ import annotations

import asyncio

from sqlalchemy import update
from telegram import Update
from telegram.ext import TypeHandler

from storage.models import Chat, InboxUpdate
from tests.processes import wait_for_messages
from tests.test_webhook import USER, Endpoint, endpoint

__all__ = ["endpoint"]  # the fixture, shared with the webhook tests


async def test_an_update_settled_elsewhere_is_rolled_back_here(endpoint: Endpoint) -> None:
    gate = asyncio.Event()
    arrived = asyncio.Event()

    async def held(_update: object, _context: object) -> None:
        arrived.set()
        await gate.wait()

    endpoint.app.add_handler(TypeHandler(Update, held), group=-2)
    schedule = endpoint.api.make_message(USER, USER, "/schedule mon 05:05")
    assert (await endpoint.post(schedule)).status_code == 200
    await arrived.wait()
    # Meanwhile another replica (or a replay) handled it and committed its effects and its mark.
    services = endpoint.app.bot_data
    async with services.sessionmaker.begin() as session:
        await session.execute(
            update(InboxUpdate).where(InboxUpdate.update_id == schedule["update_id"]).values(status="done")
        )
    gate.set()
    # The next update of the chat runs only after this one finished: then the outcome is known.
    assert (await endpoint.message("/help")).status_code == 200
    [reply] = await wait_for_messages(endpoint.api, USER, 1)
    assert "/workout" in (reply.text or ""), "no reply (and no apology) for the update handled elsewhere"
    async with services.sessionmaker() as session:
        assert await session.get(Chat, USER) is None, "its effects were rolled back"
