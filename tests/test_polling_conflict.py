"""Only one poller per token: `backcoach run` gives up clearly instead of fighting over getUpdates.
(And the other start-up refusal the runner turns into one line: a token Telegram does not accept.)

Telegram answers getUpdates with 409 Conflict while another process polls with the same token, or
while a webhook is set. The bot runs as a real process against the Bot API double over HTTP.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.runner import ANOTHER_POLLER, EXIT_CONFLICT, ConflictWatch
from fakeapi import FakeBotApi
from fakeapi.server import FakeTelegramServer
from tests.processes import finish, start_bot, wait_for_messages

TOKEN = "555666777:AAF-polling-conflict-token-value-0000"
USER = 909
OTHER_POLLER = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
)


async def run_bot(
    server: FakeTelegramServer, tmp_path: Path, *, stop_when_answered: int = 0
) -> tuple[int, str]:
    """Run `python -m bot.cli run` until it exits (or, with ``stop_when_answered``, until it has sent
    that many messages to USER and is then stopped with SIGINT); its exit status and output."""
    process = await start_bot(
        "run",
        cwd=tmp_path,
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_BASE_URL=server.base_url,
        DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/poll.db",
        LOG_LEVEL="INFO",
    )
    if not stop_when_answered:
        log = await finish(process, stop=None)
    else:
        try:
            await wait_for_messages(server.api, USER, stop_when_answered)
        finally:
            log = await finish(process)
    assert process.returncode is not None
    return process.returncode, log


@pytest.fixture
async def server() -> AsyncIterator[FakeTelegramServer]:
    async with FakeTelegramServer(FakeBotApi(token=TOKEN)) as running:
        yield running


async def test_another_poller_stops_the_bot_with_one_clear_line(
    server: FakeTelegramServer, tmp_path: Path
) -> None:
    server.api.fail("getUpdates", status=409, description=OTHER_POLLER, times=1000)
    status, log = await run_bot(server, tmp_path)
    assert status == EXIT_CONFLICT
    assert [line for line in log.splitlines() if ANOTHER_POLLER in line], log
    assert "Traceback" not in log and TOKEN.split(":")[1] not in log


async def test_a_passing_conflict_is_survived(server: FakeTelegramServer, tmp_path: Path) -> None:
    """A restart that overlaps its predecessor for a moment must not take the new process down."""
    server.api.fail("getUpdates", status=409, description=OTHER_POLLER, times=1)
    server.api.push(server.api.make_message(USER, USER, "/start"))
    status, log = await run_bot(server, tmp_path, stop_when_answered=2)
    assert status == 0, log
    assert ANOTHER_POLLER not in log and "Traceback" not in log


async def test_polling_does_not_steal_a_webhook(server: FakeTelegramServer, tmp_path: Path) -> None:
    webhook = "https://coach.example.test/telegram"
    await server.api.call("setWebhook", {"url": webhook})
    status, log = await run_bot(server, tmp_path)
    assert status == EXIT_CONFLICT
    assert [line for line in log.splitlines() if "a webhook is set" in line and "--webhook" in line], log
    assert server.api.webhook_url == webhook and server.api.calls["deleteWebhook"] == 0
    assert server.api.calls["getUpdates"] == 0 and "Traceback" not in log


def test_conflict_watch_counts_only_recent_conflicts() -> None:
    now = [0.0]
    watch = ConflictWatch(limit=3, window=60, clock=lambda: now[0])
    assert not watch.conflict()
    now[0] = 59
    assert not watch.conflict()
    now[0] = 61  # the first one has aged out
    assert not watch.conflict()
    now[0] = 62
    assert watch.conflict()


async def test_a_token_telegram_refuses_is_one_line_and_exit_2(tmp_path: Path) -> None:
    async with FakeTelegramServer(FakeBotApi(token="1:a-different-token-the-server-expects")) as server:
        status, log = await run_bot(server, tmp_path)
    assert status == 2
    assert [line for line in log.splitlines() if "refused TELEGRAM_BOT_TOKEN" in line], log
    assert "Traceback" not in log and TOKEN.split(":")[1] not in log
