"""Webhook mode: the HTTP endpoint in-process with the real Application, and `backcoach run --webhook`.

In-process, the server runs on a free loopback port with replies going to the Bot API double; the
last test runs the real command as a subprocess against the double served over HTTP.
"""

from __future__ import annotations

import asyncio
import json
import signal
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from benchmarks.children import child_env
from bot.app import build_application
from bot.context import CoachApplication
from bot.settings import Settings, SettingsError, load_settings
from bot.webhook import SECRET_HEADER, WebhookServer
from fakeapi import FakeBotApi, FakeRequest
from fakeapi.server import FakeTelegramServer
from storage.db import create_engine
from storage.migrate import upgrade
from storage.models import InboxUpdate
from tests.processes import finish, start_bot, wait_for_messages

TOKEN = "424242424:AAH-webhook-test-token-value-000000"
SECRET = "s3cret_webhook-token_for-tests_0123456789"
USER = 4711
MiB = 1024 * 1024


class Endpoint:
    def __init__(
        self, api: FakeBotApi, app: CoachApplication, server: WebhookServer, client: httpx.AsyncClient
    ):
        self.api, self.app, self.server, self.client = api, app, server, client
        self.url = f"http://127.0.0.1:{server.port}/telegram"
        self.health = f"http://127.0.0.1:{server.port}/healthz"

    async def post(self, body: bytes | dict[str, Any], secret: str | None = SECRET) -> httpx.Response:
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers[SECRET_HEADER] = secret
        content = json.dumps(body).encode() if isinstance(body, dict) else body
        return await self.client.post(self.url, content=content, headers=headers)

    async def message(self, text: str, chat_id: int = USER, secret: str | None = SECRET) -> httpx.Response:
        return await self.post(self.api.make_message(chat_id, chat_id, text), secret=secret)

    async def proves_queue_was_empty(self) -> None:
        """The queue is FIFO: if a refused request had been queued, its reply would come first."""
        before = len(self.api.messages_for(USER))
        assert (await self.message("/help")).status_code == 200
        sent = await wait_for_messages(self.api, USER, before + 1)
        assert len(sent) == before + 1 and "/workout" in (sent[-1].text or "")


@pytest.fixture
async def endpoint(tmp_path: Path) -> AsyncIterator[Endpoint]:
    url = f"sqlite+aiosqlite:///{tmp_path}/hook.db"
    await upgrade(url)
    api = FakeBotApi(token=TOKEN)
    config = Settings(database_url=url, telegram_bot_token=SecretStr(TOKEN))
    app = build_application(
        config, create_engine(url), token=TOKEN, request=FakeRequest(api), rate_limit=False
    )
    await app.initialize()
    await app.start()
    server = WebhookServer(
        app, path="/telegram", secret=SECRET, listen="127.0.0.1", port=0, max_body_bytes=MiB
    )
    try:
        async with server, httpx.AsyncClient(timeout=10) as client:
            yield Endpoint(api, app, server, client)
    finally:
        await app.stop()
        await app.shutdown()
        await app.bot_data.engine.dispose()


async def test_update_with_the_secret_is_answered(endpoint: Endpoint) -> None:
    response = await endpoint.message("/start")
    assert response.status_code == 200 and response.json() == {"ok": True}
    sent = await wait_for_messages(endpoint.api, USER, 2)
    assert endpoint.api.buttons(sent[-1]), "onboarding asks its first question with buttons"


@pytest.mark.parametrize(
    "secret", [None, "", "wrong", SECRET[:-1], SECRET + "x", SECRET.upper(), "Bearer " + SECRET], ids=repr
)
async def test_missing_or_wrong_secret_is_refused_unprocessed(endpoint: Endpoint, secret: str | None) -> None:
    response = await endpoint.message("/start", secret=secret)
    assert response.status_code == 403
    assert endpoint.app.update_queue.qsize() == 0 and endpoint.api.sent == []
    await endpoint.proves_queue_was_empty()


async def test_body_over_the_limit_is_413(endpoint: Endpoint) -> None:
    update = endpoint.api.make_message(USER, USER, "/start")
    body = json.dumps({**update, "padding": "x" * (2 * MiB)}).encode()
    response = await endpoint.post(body)
    assert response.status_code == 413
    await endpoint.proves_queue_was_empty()


async def test_huge_declared_body_is_refused_without_reading_it(endpoint: Endpoint) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", endpoint.server.port)
    try:
        writer.write(
            f"POST /telegram HTTP/1.1\r\nHost: x\r\n{SECRET_HEADER}: {SECRET}\r\n"
            f"Content-Length: {10**9}\r\n\r\n".encode()
        )
        await writer.drain()
        async with asyncio.timeout(10):
            status_line = await reader.readline()
    finally:
        writer.close()
    assert status_line.split()[1] == b"413"


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"not json",
        b"\xff\xfe\x00garbage",
        b"[1, 2, 3]",
        b'"a string"',
        b"{}",
        b'{"update_id": "12"}',
        b'{"update_id": true}',
        b"[" * 100_000,
    ],
    ids=lambda body: repr(body[:24]),
)
async def test_garbage_is_400_and_nothing_breaks(endpoint: Endpoint, body: bytes) -> None:
    response = await endpoint.post(body)
    assert response.status_code == 400 and response.json()["ok"] is False
    await endpoint.proves_queue_was_empty()


@pytest.mark.parametrize(
    "body",
    [
        b'{"update_id": 5, "message": "x"}',
        b'{"update_id": 7, "message": {"chat": 1}}',
        b'{"update_id": 8, "callback_query": {}}',
        # The Bot API's text is a string; a number would crash any handler that reads it.
        b'{"update_id": 9, "message": {"message_id": 1, "date": 0, "chat": {"id": 4711, "type": "private"},'
        b' "text": 12345}}',
    ],
    ids=lambda body: repr(body[:24]),
)
async def test_an_update_this_bot_cannot_read_is_kept_as_failed_and_skipped(
    endpoint: Endpoint, body: bytes
) -> None:
    # 200, or Telegram would resend it forever; stored as failed, so it is neither lost nor replayed.
    response = await endpoint.post(body)
    assert response.status_code == 200
    update_id = json.loads(body)["update_id"]
    async with endpoint.app.bot_data.sessionmaker() as session:
        row = await session.get(InboxUpdate, update_id)
    assert row is not None and row.status == "failed"
    await endpoint.proves_queue_was_empty()


async def test_other_paths_and_methods(endpoint: Endpoint) -> None:
    assert (await endpoint.client.get(endpoint.url)).status_code == 405
    assert (
        await endpoint.client.post(endpoint.url + "/x", headers={SECRET_HEADER: SECRET})
    ).status_code == 404
    assert (await endpoint.client.get(f"http://127.0.0.1:{endpoint.server.port}/")).status_code == 404


async def test_health_is_ok_when_the_database_answers(endpoint: Endpoint) -> None:
    response = await endpoint.client.get(endpoint.health)
    assert response.status_code == 200 and response.json() == {"status": "ok"}


@pytest.mark.parametrize(
    "unreachable",
    [
        # Nothing listens on port 1: asyncpg's connection is refused at once.
        "postgresql+asyncpg://postgres@127.0.0.1:1/backcoach",
        "sqlite+aiosqlite:////nonexistent-dir-for-backcoach-tests/db.sqlite",
    ],
)
async def test_health_is_503_when_the_database_is_unreachable(endpoint: Endpoint, unreachable: str) -> None:
    healthy = endpoint.app.bot_data.engine
    endpoint.app.bot_data.engine = create_engine(unreachable)
    try:
        response = await endpoint.client.get(endpoint.health)
        assert response.status_code == 503 and response.json() == {"status": "database unavailable"}
    finally:
        await endpoint.app.bot_data.engine.dispose()
        endpoint.app.bot_data.engine = healthy
    assert (await endpoint.client.get(endpoint.health)).status_code == 200


async def test_health_is_503_while_the_application_stops(endpoint: Endpoint) -> None:
    await endpoint.app.stop()
    try:
        assert (await endpoint.client.get(endpoint.health)).status_code == 503
        # Telegram retries a delivery that was not answered 2xx, so nothing is lost.
        assert (await endpoint.message("/start")).status_code == 503
    finally:
        await endpoint.app.start()


# ---------------------------------------------------------------- settings


@pytest.mark.parametrize(
    "webhook_url, secret, named",
    [
        (None, SECRET, "WEBHOOK_URL"),
        ("", SECRET, "WEBHOOK_URL"),
        ("http://coach.example.com/telegram", SECRET, "WEBHOOK_URL"),
        ("https:///telegram", SECRET, "WEBHOOK_URL"),
        ("coach.example.com/telegram", SECRET, "WEBHOOK_URL"),
        ("https://coach.example.com/telegram", None, "WEBHOOK_SECRET"),
        ("https://coach.example.com/telegram", "short-secret", "WEBHOOK_SECRET"),
        ("https://coach.example.com/telegram", "x" * 31, "WEBHOOK_SECRET"),
        ("https://coach.example.com/telegram", "x" * 257, "WEBHOOK_SECRET"),
        ("https://coach.example.com/telegram", "has spaces in it and is long enough!!", "WEBHOOK_SECRET"),
        ("https://coach.example.com/telegram", "ünïcödé" * 6, "WEBHOOK_SECRET"),
    ],
)
def test_webhook_settings_are_checked(webhook_url: str | None, secret: str | None, named: str) -> None:
    config = load_settings(webhook_url=webhook_url, webhook_secret=secret)
    with pytest.raises(SettingsError, match=f"^{named} ") as raised:
        config.require_webhook()
    assert "\n" not in str(raised.value)


def test_good_webhook_settings() -> None:
    config = load_settings(webhook_url="https://coach.example.com/bots/telegram", webhook_secret="a" * 32)
    endpoint = config.require_webhook()
    assert endpoint.path == "/bots/telegram" and endpoint.secret == "a" * 32
    assert "a" * 32 not in repr(endpoint)
    assert (
        load_settings(webhook_url="https://coach.example.com", webhook_secret="a" * 32).require_webhook().path
        == "/"
    )


def test_polling_does_not_care_about_webhook_settings() -> None:
    config = load_settings(
        webhook_url="http://not-https", webhook_secret="weak", telegram_bot_token=SecretStr(TOKEN)
    )
    assert config.require_token() == TOKEN


@pytest.mark.parametrize(
    "env, named",
    [
        ({"WEBHOOK_SECRET": SECRET}, "WEBHOOK_URL"),
        (
            {"WEBHOOK_URL": "https://coach.example.com/telegram", "WEBHOOK_SECRET": "hunter2"},
            "WEBHOOK_SECRET",
        ),
        ({"WEBHOOK_MAX_BODY_BYTES": "12"}, "WEBHOOK_MAX_BODY_BYTES"),
    ],
)
def test_run_webhook_refuses_bad_settings_in_one_line(
    tmp_path: Path, env: dict[str, str], named: str
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "run", "--webhook"],
        cwd=tmp_path,
        env=child_env(TELEGRAM_BOT_TOKEN=TOKEN, **env),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and named in lines[0], result.stderr
    assert "Traceback" not in result.stderr and not list(tmp_path.iterdir()), "nothing started"


# ---------------------------------------------------------------- the real command


class RecordingApi(FakeBotApi):
    """The double, remembering what setWebhook was called with (it keeps no secret of its own)."""

    set_webhook_params: dict[str, Any] | None = None

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.registered = asyncio.Event()

    async def _set_webhook(self, params: dict[str, Any]) -> bool:
        self.set_webhook_params = params
        self.registered.set()
        return await super()._set_webhook(params)

    async def until_registered(self, process: asyncio.subprocess.Process, within: float = 30) -> None:
        """Bounded wait for the bot to register its webhook (it is ready then), or to exit trying."""
        registered = asyncio.ensure_future(self.registered.wait())
        exited = asyncio.ensure_future(process.wait())
        try:
            await asyncio.wait((registered, exited), timeout=within, return_when=asyncio.FIRST_COMPLETED)
        finally:
            registered.cancel()
            exited.cancel()
        assert process.returncode is None, "the bot exited early"
        assert self.set_webhook_params is not None, f"no setWebhook within {within} s"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def start_webhook_bot(
    telegram: FakeTelegramServer, tmp_path: Path, port: int
) -> asyncio.subprocess.Process:
    return await start_bot(
        "run",
        "--webhook",
        cwd=tmp_path,
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_BASE_URL=telegram.base_url,
        DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/hook.db",
        WEBHOOK_URL="https://coach.example.test/hooks/telegram",
        WEBHOOK_SECRET=SECRET,
        WEBHOOK_LISTEN="127.0.0.1",
        WEBHOOK_PORT=str(port),
        LOG_LEVEL="DEBUG",
    )


async def test_run_webhook_end_to_end(tmp_path: Path) -> None:
    api = RecordingApi(token=TOKEN)
    port = free_port()
    async with FakeTelegramServer(api) as telegram:
        process = await start_webhook_bot(telegram, tmp_path, port)
        base = f"http://127.0.0.1:{port}"
        try:
            async with httpx.AsyncClient(timeout=5) as client:
                await api.until_registered(process)
                assert (await client.get(f"{base}/healthz")).json() == {"status": "ok"}
                update = api.make_message(USER, USER, "/start")
                response = await client.post(
                    f"{base}/hooks/telegram", json=update, headers={SECRET_HEADER: SECRET}
                )
                assert response.status_code == 200
                refused = await client.post(f"{base}/hooks/telegram", json=update)
                assert refused.status_code == 403
                assert api.buttons((await wait_for_messages(api, USER, 2, within=30))[-1])
        finally:
            log = await finish(process, signal.SIGTERM)
    assert process.returncode == 0, log
    params = api.set_webhook_params
    assert params["url"] == "https://coach.example.test/hooks/telegram" and params["secret_token"] == SECRET
    assert not params.get("drop_pending_updates") and "callback_query" in params["allowed_updates"]
    assert api.webhook_url, "stopping one replica leaves the webhook to the others"
    assert api.calls["deleteWebhook"] == 0 and api.calls["getUpdates"] == 0
    assert api.commands(), "post_init ran: the command menu is published"
    assert "Traceback" not in log
    assert TOKEN not in log and TOKEN.split(":")[1] not in log and SECRET not in log


async def test_run_webhook_stops_when_telegram_refuses_the_webhook(tmp_path: Path) -> None:
    api = FakeBotApi(token=TOKEN)
    api.fail("setWebhook", status=400, description="Bad Request: bad webhook: Failed to resolve host")
    async with FakeTelegramServer(api) as telegram:
        process = await start_webhook_bot(telegram, tmp_path, free_port())
        log = await finish(process, stop=None)
    assert process.returncode == 1, log
    refusal = [line for line in log.splitlines() if "could not start" in line]
    assert len(refusal) == 1 and "failed to resolve host" in refusal[0].lower(), log
    assert "Traceback" not in log and api.commands(), "start-up ran, and shut down cleanly"
