"""A lean loopback Bot API server for benchmarks, run in its own process.

``fakeapi.server`` is the faithful test double (HTML parsing, chat registry, recordings); this server
answers only what the benchmarks need, as cheaply as possible, so it is not the bottleneck when a bot
is measured against it (``run_all.py`` measures both servers' capacity and prints them side by side).

Bot API: ``getMe``, ``getUpdates`` (offset semantics, at most 100 per call, long polling),
``sendMessage``, ``editMessageText``, ``answerCallbackQuery`` and the start-up calls PTB makes.
Optional flood control on sends: at most ``global_rate`` sends in any sliding second and one per chat
per ``1 / chat_rate`` seconds, answering 429 with ``retry_after`` beyond that, like Telegram.

Control (JSON bodies): ``POST /_bench/reset`` ``{"global_rate"?, "chat_rate"?}`` drops the queue and
the counters; ``POST /_bench/load`` ``{"updates": [...]}`` queues updates (ids assigned here);
``GET /_bench/stats`` returns the counters; ``GET /_bench/sends`` when each send arrived, and the sends
per chat.

Run: ``python benchmarks/benchserver.py --port 0``; it prints ``PORT <n>`` once it listens.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import signal
import time
from typing import Any
from urllib.parse import parse_qsl

JSON = dict[str, Any]

MAX_BATCH = 100
BOT_USER: JSON = {"id": 5550001, "is_bot": True, "first_name": "Bench", "username": "BenchBot"}
SEND_METHODS = frozenset({"sendmessage", "editmessagetext"})


class BenchApi:
    def __init__(self) -> None:
        self.queue: collections.deque[JSON] = collections.deque()
        self.next_update_id = 1
        self.waiters: set[asyncio.Future[None]] = set()
        self.message_ids = 1
        self.reset({})

    def reset(self, body: JSON) -> JSON:
        self.queue.clear()
        self.global_rate: float | None = body.get("global_rate")
        self.chat_rate: float | None = body.get("chat_rate")
        self.window: collections.deque[float] = collections.deque()
        self.last_per_chat: dict[int, float] = {}
        self.calls: collections.Counter[str] = collections.Counter()
        self.per_chat: collections.Counter[int] = collections.Counter()
        self.too_many = 0
        self.loaded = 0
        self.t_load: float | None = None
        self.first_send: float | None = None
        self.last_send: float | None = None
        self.timeline: collections.Counter[int] = collections.Counter()
        # When each accepted sendMessage arrived (perf_counter, the same clock as "now" in the stats).
        self.send_times: list[float] = []
        self.too_many_times: list[float] = []
        self.last_call: float | None = None
        self.highest_acked = self.next_update_id - 1
        self.last_loaded_id = self.next_update_id - 1
        return {"ok": True}

    def load(self, body: JSON) -> JSON:
        for update in body["updates"]:
            update["update_id"] = self.next_update_id
            self.next_update_id += 1
            self.queue.append(update)
        self.loaded += len(body["updates"])
        self.last_loaded_id = self.next_update_id - 1
        self.t_load = time.perf_counter()
        self._wake()
        return {"ok": True, "last_update_id": self.last_loaded_id}

    def stats(self) -> JSON:
        sends = sum(self.per_chat.values())
        return {
            "calls": dict(self.calls),
            "loaded": self.loaded,
            "pending": len(self.queue),
            "acked_all": self.highest_acked >= self.last_loaded_id,
            "t_load": self.t_load,
            "last_call": self.last_call,
            "first_send": self.first_send,
            "last_send": self.last_send,
            "sends": sends,
            "too_many": self.too_many,
            "distinct_chats": len(self.per_chat),
            "duplicates": sends - len(self.per_chat),
            # Sends in each whole second from the first: where a run fell short of the cap, and when.
            "timeline": [self.timeline[i] for i in range(max(self.timeline, default=-1) + 1)],
            "now": time.perf_counter(),
        }

    def _wake(self) -> None:
        for waiter in self.waiters:
            if not waiter.done():
                waiter.set_result(None)

    async def call(self, method: str, params: JSON) -> tuple[int, JSON]:
        method = method.lower()
        self.calls[method] += 1
        if method == "getupdates":
            return 200, {"ok": True, "result": await self._get_updates(params)}
        now = time.perf_counter()
        self.last_call = now
        if method in SEND_METHODS:
            return self._send(method, params, now)
        if method == "getme":
            return 200, {"ok": True, "result": BOT_USER}
        # answerCallbackQuery, setMyCommands, deleteWebhook, sendChatAction, close ...
        return 200, {"ok": True, "result": True}

    async def _get_updates(self, params: JSON) -> list[JSON]:
        offset = int(params.get("offset") or 0)
        limit = min(int(params.get("limit") or MAX_BATCH), MAX_BATCH)
        timeout = float(params.get("timeout") or 0)
        # Confirming an offset forgets everything before it, as Telegram does.
        while self.queue and self.queue[0]["update_id"] < offset:
            self.queue.popleft()
        self.highest_acked = max(self.highest_acked, offset - 1)
        if not self.queue and timeout > 0:
            waiter = asyncio.get_running_loop().create_future()
            self.waiters.add(waiter)
            try:
                await asyncio.wait_for(waiter, timeout)
            except TimeoutError:
                pass
            finally:
                self.waiters.discard(waiter)
        return [self.queue[i] for i in range(min(limit, len(self.queue)))]

    def _send(self, method: str, params: JSON, now: float) -> tuple[int, JSON]:
        chat_id = int(params["chat_id"])
        if self.global_rate:
            # Sliding one-second window: "no more than N messages in any second".
            while self.window and now - self.window[0] >= 1.0:
                self.window.popleft()
            if len(self.window) >= self.global_rate:
                return self._flood(1 + int(1.0 - (now - self.window[0])))
        if self.chat_rate:
            last = self.last_per_chat.get(chat_id)
            if last is not None and now - last < 1.0 / self.chat_rate:
                return self._flood(1)
            self.last_per_chat[chat_id] = now
        if self.global_rate:
            self.window.append(now)
        if method == "sendmessage":
            self.per_chat[chat_id] += 1
            self.first_send = self.first_send or now
            self.last_send = now
            self.timeline[int(now - self.first_send)] += 1
            self.send_times.append(now)
            message_id = self.message_ids
            self.message_ids += 1
        else:
            message_id = int(params.get("message_id") or 0)
        chat: JSON = {"id": chat_id, "type": "private", "first_name": "U"}
        if chat_id < 0:
            chat = {"id": chat_id, "type": "group", "title": "G"}
        message = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": chat,
            "from": BOT_USER,
            "text": params.get("text", ""),
        }
        return 200, {"ok": True, "result": message}

    def _flood(self, retry_after: int) -> tuple[int, JSON]:
        self.too_many += 1
        self.too_many_times.append(time.perf_counter())
        return 429, {
            "ok": False,
            "error_code": 429,
            "description": f"Too Many Requests: retry after {retry_after}",
            "parameters": {"retry_after": retry_after},
        }


def _parse_params(body: bytes, content_type: str, query: str) -> JSON:
    params: JSON = dict(parse_qsl(query)) if query else {}
    if not body:
        return params
    if content_type.startswith("application/json"):
        params.update(json.loads(body))
    else:
        # PTB sends form fields; non-string values are JSON-encoded, which only matters for the few we read.
        params.update(parse_qsl(body.decode("utf-8")))
    return params


async def _serve_connection(
    api: BenchApi, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    try:
        while True:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, ConnectionError):
                return
            lines = head.decode("latin-1").split("\r\n")
            verb, target, _version = lines[0].split(" ", 2)
            headers = {}
            for line in lines[1:]:
                if line:
                    name, _, value = line.partition(":")
                    headers[name.strip().lower()] = value.strip()
            length = int(headers.get("content-length", "0"))
            body = await reader.readexactly(length) if length else b""
            path, _, query = target.partition("?")
            status, payload = await _route(api, verb, path, query, body, headers.get("content-type", ""))
            data = json.dumps(payload).encode()
            writer.write(
                b"HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
                % (status, b"OK" if status == 200 else b"ERR", len(data))
                + data
            )
            await writer.drain()
            if headers.get("connection", "").lower() == "close":
                return
    except (ConnectionError, asyncio.IncompleteReadError):
        return
    finally:
        writer.close()


async def _route(
    api: BenchApi, verb: str, path: str, query: str, body: bytes, ctype: str
) -> tuple[int, JSON]:
    if path.startswith("/bot"):
        method = path.rstrip("/").rpartition("/")[2]
        return await api.call(method, _parse_params(body, ctype, query))
    if path == "/_bench/reset":
        return 200, api.reset(json.loads(body or b"{}"))
    if path == "/_bench/load":
        return 200, api.load(json.loads(body))
    if path == "/_bench/stats":
        return 200, api.stats()
    if path == "/_bench/sends":
        return 200, {
            "send_times": api.send_times,
            "too_many_times": api.too_many_times,
            "per_chat": api.per_chat,
            "now": time.perf_counter(),
        }
    return 404, {"ok": False, "error_code": 404, "description": "Not Found"}


async def serve(host: str, port: int) -> None:
    api = BenchApi()
    server = await asyncio.start_server(
        lambda r, w: _serve_connection(api, r, w), host=host, port=port, backlog=1024
    )
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    done = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, done.set)
    async with server:
        await done.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    asyncio.run(serve(args.host, args.port))


if __name__ == "__main__":
    main()
