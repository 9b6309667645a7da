"""A PTB transport on aiohttp: the Bot API path made cheap without hand-writing HTTP.

PTB's default ``HTTPXRequest`` spends more CPU per Bot API call than this bot spends on its own work
(measured in BENCHMARKS.md: about 70% of handler CPU sat in httpx/httpcore). aiohttp's client, with
its C-accelerated HTTP parser and a keep-alive connection pool, does the same job for a fraction of
the cost. Requests carrying files (which this bot does not send) go through ``HTTPXRequest``, whose
multipart encoding PTB already relies on.
"""

from __future__ import annotations

import json
from typing import Any

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, HTTPXRequest, RequestData

__all__ = ["AiohttpRequest"]

_JSON = {"Content-Type": "application/json"}


class AiohttpRequest(BaseRequest):
    """``BaseRequest`` over one ``aiohttp.ClientSession`` (up to ``connection_pool_size`` connections)."""

    __slots__ = ("_connect_timeout", "_files", "_pool_size", "_pool_timeout", "_read_timeout", "_session")

    def __init__(
        self,
        connection_pool_size: int = 256,
        read_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
    ) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._session: aiohttp.ClientSession | None = None
        self._files = HTTPXRequest(
            connection_pool_size=4,
            read_timeout=read_timeout,
            connect_timeout=connect_timeout,
            pool_timeout=pool_timeout,
        )

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._pool_size, enable_cleanup_closed=True)
            self._session = aiohttp.ClientSession(connector=connector, raise_for_status=False)
        await self._files.initialize()

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        await self._files.shutdown()

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
        if self._session is None or self._session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        if request_data is not None and request_data.contains_files:
            return await self._files.do_request(
                url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
            )
        read = _timeout(read_timeout, self._read_timeout)
        connect = _timeout(connect_timeout, self._connect_timeout)
        pool = _timeout(pool_timeout, self._pool_timeout)
        # aiohttp's "connect" covers waiting for a pooled connection plus opening one.
        waiting = None if connect is None or pool is None else connect + pool
        timeout = aiohttp.ClientTimeout(total=None, connect=waiting, sock_connect=connect, sock_read=read)
        # A JSON body, which the Bot API accepts for everything but uploads: one C-encoded dump instead
        # of aiohttp's form encoder (a multipart writer and urllib quoting per call: the costliest part).
        data = None if request_data is None else json.dumps(request_data.parameters).encode()
        try:
            async with self._session.request(
                method, url, data=data, headers=_JSON if data is not None else None, timeout=timeout
            ) as response:
                return response.status, await response.read()
        except TimeoutError as error:
            raise TimedOut(f"Timed out talking to the Bot API: {error!r}") from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp: {error!r}") from error


def _timeout(value: object, default: float | None) -> float | None:
    """A timeout as PTB passes it (seconds, None for no limit, or ``BaseRequest.DEFAULT_NONE``)."""
    if value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
        return value
    return default
