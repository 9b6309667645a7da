"""The HTTP side of webhook mode: Telegram's updates in, a health check out.

A small tornado application of our own rather than PTB's ``run_webhook``: PTB's built-in server
answers only the update path, and a load balancer in front of several replicas needs a health
endpoint that says whether this replica can reach the database. tornado is already installed
(PTB's ``webhooks`` extra), so this adds no dependency. The Application runs without an Updater:
the handler puts each update on ``application.update_queue``, exactly what PTB's own webhook does.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import re
import socket
from datetime import datetime, timedelta
from typing import Any, Final

import tornado.httpserver
import tornado.netutil
import tornado.web
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot.context import CoachApplication
from bot.intake import inbox_of
from bot.reminder_job import LEASE, leads
from storage import delivery, inbox

log = logging.getLogger(__name__)

SECRET_HEADER: Final = "X-Telegram-Bot-Api-Secret-Token"
HEALTH_PATH: Final = "/healthz"
DEFAULT_MAX_BODY_BYTES: Final = 1024 * 1024
# An oversized body that is not much larger than the limit is read and thrown away, so an ordinary
# client (one that sends its whole body before reading) sees the 413 instead of a reset connection;
# past this multiple (and at least DISCARD_AT_LEAST) the connection is closed without reading.
DISCARD_FACTOR: Final = 16
DISCARD_AT_LEAST: Final = 64 * 1024 * 1024
HEALTH_TIMEOUT_SECONDS: Final = 5.0
# Longer than any handler should take, even behind its chat's earlier updates.
INTAKE_STALL_SECONDS: Final = 120.0
# Telegram waits for an answer per update; a slow client must not hold a connection forever.
BODY_TIMEOUT_SECONDS: Final = 30.0
IDLE_TIMEOUT_SECONDS: Final = 75.0


class WebhookServer:
    """Serves ``POST <path>`` (updates) and ``GET /healthz`` for one Application on ``listen:port``.

    Port 0 picks a free port; :attr:`port` holds the real one after :meth:`start`.
    """

    def __init__(
        self,
        app: CoachApplication,
        *,
        path: str,
        secret: str,
        listen: str = "127.0.0.1",
        port: int = 8080,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
        health_timeout: float = HEALTH_TIMEOUT_SECONDS,
        intake_stall_seconds: float = INTAKE_STALL_SECONDS,
    ) -> None:
        if not secret:
            raise ValueError("a webhook without a secret would accept updates from anyone")
        self.app = app
        self.path = path
        self.listen = listen
        self.port = port
        self.max_body_bytes = max_body_bytes
        self.health_timeout = health_timeout
        self.intake_stall_seconds = intake_stall_seconds
        self._secret = secret.encode()
        self._server: tornado.httpserver.HTTPServer | None = None

    async def start(self) -> None:
        if self._server is not None:
            raise RuntimeError("the webhook server is already running")
        routes: list[Any] = [
            (HEALTH_PATH, HealthHandler, {"server": self}),
            # The configured path is a literal, tornado routes are regular expressions.
            (re.escape(self.path), UpdateHandler, {"server": self}),
        ]
        web_app = tornado.web.Application(routes, default_handler_class=NotFoundHandler)
        sockets = tornado.netutil.bind_sockets(self.port, address=self.listen, family=socket.AF_UNSPEC)
        self.port = sockets[0].getsockname()[1]
        self._server = tornado.httpserver.HTTPServer(
            web_app,
            max_body_size=self.discard_limit,
            body_timeout=BODY_TIMEOUT_SECONDS,
            idle_connection_timeout=IDLE_TIMEOUT_SECONDS,
            # Behind the reverse proxy, logs should name the client rather than the proxy.
            xheaders=True,
        )
        self._server.add_sockets(sockets)

    async def stop(self) -> None:
        """Stop accepting, then end open connections; updates already queued are still processed."""
        if self._server is None:
            return
        server, self._server = self._server, None
        server.stop()
        await server.close_all_connections()

    async def __aenter__(self) -> WebhookServer:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def discard_limit(self) -> int:
        """Bodies up to this size are read (and thrown away when over the limit) to answer 413."""
        return max(self.max_body_bytes * DISCARD_FACTOR, DISCARD_AT_LEAST)

    def secret_matches(self, header: str | None) -> bool:
        # compare_digest keeps the check's duration independent of how much of the secret was right.
        return header is not None and hmac.compare_digest(header.encode(), self._secret)

    async def problem(self) -> str | None:
        """What keeps this replica from working (for /healthz), or None when it is healthy."""
        services = self.app.bot_data
        now = services.clock()
        try:
            async with asyncio.timeout(self.health_timeout):
                oldest_due, someone_leads = await _probe(services.engine, now)
        except Exception as error:
            # One line, no traceback: a load balancer polls this every few seconds.
            log.warning("health check: database unavailable (%s: %s)", type(error).__name__, error)
            return "database unavailable"
        stalled = inbox_of(self.app).stalled_for()
        if stalled > self.intake_stall_seconds:
            log.warning("health check: an update has waited %.0f s for its handlers", stalled)
            return "intake stalled"
        settings = services.settings
        allowed = timedelta(
            minutes=settings.reminder_grace_minutes, seconds=4 * settings.scheduler_tick_seconds + 60
        )
        if oldest_due is not None and now - oldest_due > allowed and (leads(self.app) or not someone_leads):
            # Only the replica in charge of reminders (or every one, when none is) answers for them: a
            # stuck leader is restarted and its lease passes on, while the others keep taking updates.
            log.warning("health check: a reminder due at %s was neither sent nor skipped", oldest_due)
            return "reminders stalled"
        return None


async def _probe(engine: AsyncEngine, now: datetime) -> tuple[datetime | None, bool]:
    # SQLite's statements run on aiosqlite's worker thread: a database locked by another process makes
    # the probe wait there, not on the event loop, which the health check's bound relies on.
    async with AsyncSession(engine) as session:
        oldest_due = await inbox.probe(session, now)
        someone_leads = await delivery.lease_live(session, LEASE, now)
        await session.rollback()
    return oldest_due, someone_leads


class _JsonHandler(tornado.web.RequestHandler):
    def reply(self, status: int, payload: dict[str, Any]) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps(payload))

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        # tornado's default is an HTML page that names the exception; callers get a plain JSON status.
        self.reply(status_code, {"ok": False, "error": self._reason})


class NotFoundHandler(_JsonHandler):
    def prepare(self) -> None:
        self.reply(404, {"ok": False, "error": "not found"})


class HealthHandler(_JsonHandler):
    def initialize(self, server: WebhookServer) -> None:
        self.server = server

    async def get(self) -> None:
        if not self.server.app.running:
            self.reply(503, {"status": "stopping"})
            return
        problem = await self.server.problem()
        self.reply(200 if problem is None else 503, {"status": problem or "ok"})


@tornado.web.stream_request_body
class UpdateHandler(_JsonHandler):
    """One Telegram update per POST; the body is streamed so its size is checked before it is kept."""

    def initialize(self, server: WebhookServer) -> None:
        self.server = server
        self._chunks: list[bytes] = []
        self._received = 0

    def prepare(self) -> None:
        if self.request.method != "POST":
            return
        if not self.server.secret_matches(self.request.headers.get(SECRET_HEADER)):
            log.info("webhook: refused a request without the right secret from %s", self.request.remote_ip)
            self.reply(403, {"ok": False, "error": "forbidden"})
            return
        declared = self.request.headers.get("Content-Length")
        if declared is not None and declared.isdigit() and int(declared) > self.server.max_body_bytes:
            log.warning("webhook: refused a %s-byte body", declared)
            if int(declared) > self.server.discard_limit:
                self.reply(413, {"ok": False, "error": "body too large"})

    def data_received(self, chunk: bytes) -> None:
        self._received += len(chunk)
        if self._received <= self.server.max_body_bytes:
            self._chunks.append(chunk)
        else:
            self._chunks.clear()

    async def post(self) -> None:
        if self._received > self.server.max_body_bytes:
            self.reply(413, {"ok": False, "error": "body too large"})
            return
        if not self.server.app.running:
            # Telegram retries a delivery that did not get a 2xx, so nothing is lost while stopping.
            self.reply(503, {"ok": False, "error": "stopping"})
            return
        data = self._parse(b"".join(self._chunks))
        if data is None:
            self.reply(400, {"ok": False, "error": "not a Telegram update"})
            return
        try:
            # Stored before the 200: once Telegram has its answer, the update is ours to keep. One this
            # version cannot read is stored as failed and still answered 200, or Telegram would resend it.
            await inbox_of(self.server.app).receive(self.server.app, [data])
        except Exception as error:
            log.warning("webhook: could not store update %s (%s)", data["update_id"], type(error).__name__)
            # Telegram retries a delivery that did not get a 2xx.
            self.reply(503, {"ok": False, "error": "could not store the update"})
            return
        self.reply(200, {"ok": True})

    def _parse(self, body: bytes) -> dict[str, Any] | None:
        try:
            data = json.loads(body)
        except (ValueError, RecursionError) as error:
            log.info("webhook: unreadable update (%s)", type(error).__name__)
            return None
        if not isinstance(data, dict) or type(data.get("update_id")) is not int:
            return None
        return data
