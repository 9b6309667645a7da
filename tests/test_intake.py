"""Intake never stops quietly: a bad update is skipped, a revoked token ends the process.

The real `backcoach run` polls the Bot API double over HTTP.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from fakeapi import FakeBotApi
from fakeapi.server import FakeTelegramServer
from tests.processes import finish, start_bot, wait_for_messages

pytestmark = pytest.mark.slow

TOKEN = "515253545:AAG-intake-test-token-value-0000000"
USER = 6060


@pytest.fixture
async def telegram() -> AsyncIterator[FakeTelegramServer]:
    async with FakeTelegramServer(FakeBotApi(token=TOKEN)) as server:
        yield server


async def run(telegram: FakeTelegramServer, tmp_path: Path) -> asyncio.subprocess.Process:
    return await start_bot(
        "run",
        cwd=tmp_path,
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_BASE_URL=telegram.base_url,
        DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/intake.db",
        LOG_LEVEL="INFO",
    )


def inbox_rows(db: Path) -> dict[int, str]:
    with contextlib.closing(sqlite3.connect(db)) as connection:
        return dict(connection.execute("SELECT update_id, status FROM inbox").fetchall())


async def test_an_unreadable_update_is_skipped_and_the_next_one_handled(
    telegram: FakeTelegramServer, tmp_path: Path
) -> None:
    api = telegram.api
    # A chat without its type: what a field a newer Bot API made required looks like to an older PTB.
    chat = {"id": USER, "first_name": "Ann"}
    bad = api.push({"update_id": 1, "message": {"message_id": 1, "date": 0, "chat": chat, "text": "hi"}})
    good = api.make_message(USER, USER, "/help", enqueue=True)
    process = await run(telegram, tmp_path)
    try:
        await wait_for_messages(api, USER, 1)
    finally:
        log = await finish(process)
    assert process.returncode == 0, log
    assert inbox_rows(tmp_path / "intake.db") == {bad["update_id"]: "failed", good["update_id"]: "done"}
    skipped = [line for line in log.splitlines() if f"update {bad['update_id']} cannot be read" in line]
    assert len(skipped) == 1, log
    assert "Traceback" not in log
    # Nothing loops on the batch: a handful of long polls, not hundreds a second.
    assert api.calls["getUpdates"] < 10


async def test_a_token_revoked_while_running_ends_the_process_within_seconds(
    telegram: FakeTelegramServer, tmp_path: Path
) -> None:
    api = telegram.api
    api.make_message(USER, USER, "/help", enqueue=True)
    process = await run(telegram, tmp_path)
    try:
        await wait_for_messages(api, USER, 1)
        api.token = "1:the-token-was-revoked"  # every call now gets 401 Unauthorized
        api.wake_pollers()
        started = time.monotonic()
        log = await finish(process, stop=None, within=15)
    finally:
        if process.returncode is None:
            process.kill()
    assert time.monotonic() - started < 10
    assert process.returncode == 2, log
    refused = [line for line in log.splitlines() if "refused TELEGRAM_BOT_TOKEN" in line]
    assert len(refused) == 1 and "Traceback" not in log, log
    assert TOKEN.split(":")[1] not in log


async def test_a_failing_get_updates_is_retried_and_polling_goes_on(
    telegram: FakeTelegramServer, tmp_path: Path
) -> None:
    api = telegram.api
    api.fail("getUpdates", status=502, description="Bad Gateway", times=2)
    api.make_message(USER, USER, "/help", enqueue=True)
    process = await run(telegram, tmp_path)
    try:
        await wait_for_messages(api, USER, 1)
    finally:
        log = await finish(process)
    assert process.returncode == 0, log
    assert len([line for line in log.splitlines() if "getUpdates failed" in line]) == 2, log
