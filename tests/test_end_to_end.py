"""`backcoach run` as a real process, polling the Bot API double over HTTP on loopback.

This is the operator's path end to end: settings from the environment, migrations at start,
polling, onboarding with buttons, a workout, Done, the streak — and a log without the token.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.fakeapi import FakeBotApi, SentMessage
from bot.fakeserver import FakeTelegramServer

TOKEN = "987654321:AAE2e-end-to-end-secret-token-value"
USER = 777


@pytest.fixture
async def server() -> AsyncIterator[FakeTelegramServer]:
    api = FakeBotApi(token=TOKEN)
    async with FakeTelegramServer(api) as running:
        yield running


async def wait_for_reply(api: FakeBotApi, count: int) -> list[SentMessage]:
    """Bounded wait for the bot process to have sent ``count`` messages to the user."""
    arrived = asyncio.Event()
    unsubscribe = api.subscribe(lambda _message: arrived.set())
    try:
        async with asyncio.timeout(30):
            while len(api.messages_for(USER)) < count:
                await arrived.wait()
                arrived.clear()
    except TimeoutError:
        raise AssertionError(f"bot sent {len(api.messages_for(USER))} messages, expected {count}") from None
    finally:
        unsubscribe()
    return api.messages_for(USER)


async def test_run_polls_onboards_logs_and_keeps_token_out_of_logs(
    server: FakeTelegramServer, tmp_path: Path
) -> None:
    api = server.api
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
    env |= {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BASE_URL": server.base_url,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/e2e.db",
        "LOG_LEVEL": "DEBUG",
        "PYTHONPATH": str(Path(__file__).parents[1]),
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        "run",
        cwd=tmp_path,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        api.push(api.make_message(USER, USER, "/start"))
        await wait_for_reply(api, 2)
        for label, expected in (("💪 Intermediate", 3), ("🏋️ Gym", 4), ("UTC", 5)):
            api.push(api.press(USER, label))
            await wait_for_reply(api, expected)
        assert "All set" in (api.last(USER).text or "")

        api.push(api.make_message(USER, USER, "/workout"))
        workout = (await wait_for_reply(api, 6))[-1]
        assert "Done" in str(api.buttons(workout))
        api.push(api.press(USER, "✅ Done"))
        assert "Session 1 logged" in ((await wait_for_reply(api, 7))[-1].text or "")
        api.push(api.make_message(USER, USER, "/streak"))
        assert "Total sessions: 1" in ((await wait_for_reply(api, 8))[-1].text or "")
        assert api.commands(), "the command menu is published at start"
    finally:
        process.send_signal(signal.SIGINT)
        try:
            output, _ = await asyncio.wait_for(process.communicate(), timeout=30)
        except TimeoutError:
            process.kill()
            output, _ = await process.communicate()
    log = output.decode()
    assert "getUpdates" in log or "Back Coach starting" in log, "the debug log was produced"
    assert TOKEN not in log and TOKEN.split(":")[1] not in log
    assert "Traceback" not in log
