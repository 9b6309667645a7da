"""Polling through the inbox: getUpdates, store the batch, only then ask for the next one.

Our own loop rather than PTB's Updater, which confirms a batch as soon as it is fetched (so a crash
loses up to 100 updates), retries forever on a batch it cannot parse, and ends quietly on a 401. Here
the offset that confirms a batch to Telegram is only sent once the batch is committed to the inbox;
an update PTB cannot read is stored as failed and skipped; a revoked token or any error we cannot
ride out ends the process with one line (:class:`IntakeFailed`).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from telegram import Update
from telegram.error import Conflict, InvalidToken, RetryAfter, TelegramError
from telegram.ext import Application
from telegram.request import BaseRequest, RequestData

if TYPE_CHECKING:
    from bot.intake import Inbox

log = logging.getLogger(__name__)

LONG_POLL_SECONDS: Final = 10
# Back-off between failed getUpdates (network, 5xx), and how long the database may refuse a batch
# before the process gives up: a supervisor restart is more useful than a poller that stores nothing.
RETRY_DELAYS: Final = (0.5, 1.0, 2.0, 5.0, 10.0)
STORE_ATTEMPTS: Final = 6
_EMPTY: Final = b'{"ok":true,"result":[]}'


class IntakeFailed(Exception):
    """Intake cannot go on; ``str(self)`` is the one line to log, ``status`` the exit status."""

    def __init__(self, line: str, status: int) -> None:
        super().__init__(line)
        self.status = status


class RawUpdates(BaseRequest):
    """The getUpdates transport: keeps the raw batch for the inbox and hands PTB an empty one.

    PTB parses a whole batch at once and fails it as a whole for one update it cannot read; the inbox
    stores the raw JSON first and reads each update on its own. Every other answer passes unchanged,
    so PTB's error mapping (401, 409, 429…) still applies.
    """

    __slots__ = ("batch", "inner")

    def __init__(self, inner: BaseRequest) -> None:
        self.inner = inner
        self.batch: list[Any] = []

    @property
    def read_timeout(self) -> float | None:
        return self.inner.read_timeout

    async def initialize(self) -> None:
        await self.inner.initialize()

    async def shutdown(self) -> None:
        await self.inner.shutdown()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        status, body = await self.inner.do_request(
            url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
        )
        if status != 200 or not url.endswith("/getUpdates"):
            return status, body
        try:
            payload = json.loads(body)
        except ValueError:
            return status, body
        result = payload.get("result") if isinstance(payload, dict) else None
        if not isinstance(result, list):
            return status, body
        self.batch = result
        return status, _EMPTY

    def take(self) -> list[Any]:
        batch, self.batch = self.batch, []
        return batch


async def poll(
    app: Application[Any, Any, Any, Any, Any, Any],
    inbox: Inbox,
    stop: asyncio.Event,
    *,
    on_conflict: Callable[[Conflict], bool],
    long_poll: int = LONG_POLL_SECONDS,
) -> None:
    """Poll until ``stop`` is set. ``on_conflict`` returns True when a 409 should end polling.

    Raises :class:`IntakeFailed` for what no retry will mend.
    """
    raw = inbox.raw_updates
    if raw is None:
        raise TypeError("polling needs the application's getUpdates transport (bot.app.build_application)")
    offset: int | None = None
    failures = 0
    while not stop.is_set():
        try:
            batch = await _until_stopped(_fetch(app, raw, offset, long_poll), stop)
        except InvalidToken as error:
            raise IntakeFailed(
                f"Telegram refused TELEGRAM_BOT_TOKEN ({error}) — was it revoked? check it with @BotFather", 2
            ) from None
        except Conflict as error:
            if on_conflict(error):
                return
            await _pause(stop, RETRY_DELAYS[0])
            continue
        except RetryAfter as error:
            await _pause(stop, float(_seconds(error.retry_after)))
            continue
        except TelegramError as error:
            delay = RETRY_DELAYS[min(failures, len(RETRY_DELAYS) - 1)]
            failures += 1
            log.warning("getUpdates failed (%s: %s); retrying in %gs", type(error).__name__, error, delay)
            await _pause(stop, delay)
            continue
        if batch is None:
            return
        failures = 0
        if batch:
            await _store(app, inbox, batch, stop)
            ids = [data["update_id"] for data in batch if isinstance(data, dict)]
            ids = [update_id for update_id in ids if type(update_id) is int]
            if ids:
                # Sent with the next getUpdates: only now does Telegram forget this batch.
                offset = max(ids) + 1


async def _fetch(
    app: Application[Any, Any, Any, Any, Any, Any], raw: RawUpdates, offset: int | None, long_poll: int
) -> list[Any]:
    raw.take()
    await app.bot.get_updates(
        offset=offset, timeout=long_poll, allowed_updates=Update.ALL_TYPES, read_timeout=5.0
    )
    return raw.take()


async def _store(
    app: Application[Any, Any, Any, Any, Any, Any], inbox: Inbox, batch: list[Any], stop: asyncio.Event
) -> None:
    for attempt in range(STORE_ATTEMPTS):
        try:
            await inbox.receive(app, batch)
            return
        except Exception as error:
            if attempt == STORE_ATTEMPTS - 1 or stop.is_set():
                raise IntakeFailed(
                    f"could not store incoming updates in the database ({type(error).__name__}: "
                    f"{error}) — check DATABASE_URL and the disk",
                    1,
                ) from None
            delay = RETRY_DELAYS[min(attempt, len(RETRY_DELAYS) - 1)]
            log.warning("could not store %d update(s) (%s); retrying", len(batch), type(error).__name__)
            await _pause(stop, delay)


async def _until_stopped(work: Any, stop: asyncio.Event) -> Any:
    """``work``'s result, or None as soon as ``stop`` is set (the long poll is then abandoned)."""
    task = asyncio.ensure_future(work)
    stopped = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({task, stopped}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopped.cancel()
    if task.done():
        return task.result()
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    return None


async def _pause(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)


def _seconds(value: Any) -> float:
    total = getattr(value, "total_seconds", None)
    return float(total() if callable(total) else value)
