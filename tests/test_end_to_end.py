"""`backcoach run` as a real process, polling the Bot API double over HTTP on loopback.

This is the operator's path end to end: settings from the environment, migrations at start,
polling, onboarding with buttons, a workout, Done, the streak — and a log without the token.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from fakeapi import FakeBotApi, SentMessage
from fakeapi.server import FakeTelegramServer
from tests.processes import finish, start_bot, wait_for_messages

TOKEN = "987654321:AAE2e-end-to-end-secret-token-value"
USER = 777


@pytest.fixture
async def server() -> AsyncIterator[FakeTelegramServer]:
    api = FakeBotApi(token=TOKEN)
    async with FakeTelegramServer(api) as running:
        yield running


async def wait_for_reply(api: FakeBotApi, count: int) -> list[SentMessage]:
    return await wait_for_messages(api, USER, count)


async def test_run_polls_onboards_logs_and_keeps_token_out_of_logs(
    server: FakeTelegramServer, tmp_path: Path
) -> None:
    api = server.api
    process = await start_bot(
        "run",
        cwd=tmp_path,
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_BASE_URL=server.base_url,
        DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/e2e.db",
        LOG_LEVEL="DEBUG",
    )
    try:
        api.push(api.make_message(USER, USER, "/start"))
        await wait_for_reply(api, 2)
        steps = (("💪 Intermediate", 3), ("🏋️ Gym", 4), ("UTC", 5), ("⭐ 3 days: Mon, Wed, Fri", 6))
        for label, expected in steps:
            api.push(api.press(USER, label))
            await wait_for_reply(api, expected)
        assert "All set" in (api.last(USER).text or "")

        api.push(api.make_message(USER, USER, "/workout"))
        workout = (await wait_for_reply(api, 7))[-1]
        assert "Done" in str(api.buttons(workout))
        api.push(api.press(USER, "✅ Done"))
        assert "Session 1 logged" in ((await wait_for_reply(api, 8))[-1].text or "")
        api.push(api.make_message(USER, USER, "/streak"))
        assert "Total sessions: 1" in ((await wait_for_reply(api, 9))[-1].text or "")
        assert api.commands(), "the command menu is published at start"
    finally:
        log = await finish(process)
    assert "getUpdates" in log or "Back Coach starting" in log, "the debug log was produced"
    assert TOKEN not in log and TOKEN.split(":")[1] not in log
    assert "Traceback" not in log
