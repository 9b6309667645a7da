"""/healthz tells the truth: a damaged or locked database, or stalled loops, answer 503.

(And the webhook's other answer from issue 15: an oversized body is a 413, not a reset.)
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path

from sqlalchemy import update
from telegram import Update
from telegram.ext import TypeHandler

from storage.db import create_engine
from storage.models import Chat, LeaderLease
from tests.processes import wait_for_messages
from tests.test_webhook import USER, Endpoint, MiB, endpoint

__all__ = ["endpoint"]  # the fixture, shared with the webhook tests


def database_file(endpoint: Endpoint) -> Path:
    database = endpoint.app.bot_data.engine.url.database
    assert database is not None
    return Path(database)


async def test_health_is_503_when_the_database_is_damaged(endpoint: Endpoint, tmp_path: Path) -> None:
    await endpoint.message("/start")
    damaged = tmp_path / "damaged.db"
    with contextlib.closing(sqlite3.connect(database_file(endpoint))) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(database_file(endpoint), damaged)
    with damaged.open("r+b") as file:
        # The header stays (SQLite still opens the file); every table's pages become noise.
        file.seek(4096)
        file.write(b"\xa5" * (damaged.stat().st_size - 4096))
    healthy = endpoint.app.bot_data.engine
    endpoint.app.bot_data.engine = create_engine(f"sqlite+aiosqlite:///{damaged}")
    try:
        response = await endpoint.client.get(endpoint.health)
        assert response.status_code == 503 and response.json() == {"status": "database unavailable"}
    finally:
        await endpoint.app.bot_data.engine.dispose()
        endpoint.app.bot_data.engine = healthy
    assert (await endpoint.client.get(endpoint.health)).status_code == 200


async def test_health_is_503_while_another_process_holds_the_write_lock(endpoint: Endpoint) -> None:
    assert (await endpoint.client.get(endpoint.health)).status_code == 200
    endpoint.server.health_timeout = 1.0
    locker = sqlite3.connect(database_file(endpoint), isolation_level=None)
    try:
        locker.execute("BEGIN IMMEDIATE")
        response = await endpoint.client.get(endpoint.health)
        assert response.status_code == 503 and response.json() == {"status": "database unavailable"}
    finally:
        locker.execute("ROLLBACK")
        locker.close()


async def test_health_is_503_when_reminders_fall_behind(endpoint: Endpoint) -> None:
    await endpoint.message("/start", chat_id=USER)
    services = endpoint.app.bot_data
    overdue = services.clock() - timedelta(minutes=services.settings.reminder_grace_minutes + 30)
    async with services.sessionmaker.begin() as session:
        await session.execute(update(Chat).values(next_reminder_at=overdue, active=True))
    response = await endpoint.client.get(endpoint.health)
    assert response.status_code == 503 and response.json() == {"status": "reminders stalled"}


async def test_overdue_reminders_are_the_leading_replica_s_problem_not_every_replica_s(
    endpoint: Endpoint,
) -> None:
    """A replica that does not lead stays healthy while another holds the lead; with no leader, none is."""
    await endpoint.message("/start", chat_id=USER)
    services = endpoint.app.bot_data
    now = services.clock()
    overdue = now - timedelta(minutes=services.settings.reminder_grace_minutes + 30)
    async with services.sessionmaker.begin() as session:
        await session.execute(update(Chat).values(next_reminder_at=overdue, active=True))
        session.add(
            LeaderLease(name="reminders", holder="another-replica", expires_at=now + timedelta(minutes=5))
        )
    response = await endpoint.client.get(endpoint.health)
    assert response.status_code == 200
    async with services.sessionmaker.begin() as session:
        await session.execute(update(LeaderLease).values(expires_at=now - timedelta(seconds=1)))
    response = await endpoint.client.get(endpoint.health)
    assert response.status_code == 503 and response.json() == {"status": "reminders stalled"}


async def test_health_is_503_when_an_update_waits_too_long(endpoint: Endpoint) -> None:
    endpoint.server.intake_stall_seconds = 0.0
    gate = asyncio.Event()

    async def held(update: object, context: object) -> None:
        await gate.wait()

    endpoint.app.add_handler(TypeHandler(Update, held), group=-2)
    try:
        assert (await endpoint.message("/help")).status_code == 200
        response = await endpoint.client.get(endpoint.health)
        assert response.status_code == 503 and response.json() == {"status": "intake stalled"}
    finally:
        gate.set()
    await wait_for_messages(endpoint.api, USER, 1)
    assert (await endpoint.client.get(endpoint.health)).status_code == 200


async def test_a_17_mib_body_is_answered_413_not_reset(endpoint: Endpoint) -> None:
    update = endpoint.api.make_message(USER, USER, "/start")
    body = json.dumps({**update, "padding": "x" * (17 * MiB)}).encode()
    response = await endpoint.post(body)
    assert response.status_code == 413
    await endpoint.proves_queue_was_empty()
