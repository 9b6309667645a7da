"""The :mod:`fakeapi` emulator served over real HTTP, for end-to-end runs of the real bot.

Point the bot at it with ``TELEGRAM_BASE_URL=http://127.0.0.1:PORT/bot``.  Besides the Bot API
(``/bot<token>/<method>``, form, multipart, query-string or JSON parameters, like Telegram) it offers a
small control surface so a person or a script can play the user while the bot polls:

* ``POST /_test/message``  ``{"chat_id", "text", "user_id"?, "first_name"?, "username"?,
  "reply_to_message_id"?}`` queues a user message (``user_id`` defaults to ``chat_id``);
* ``POST /_test/callback`` ``{"chat_id", "message_id", "data", "user_id"?}`` or
  ``{"chat_id", "button", "user_id"?}`` queues an inline-button press;
* ``GET  /_test/sent?chat_id=..&since=N`` lists what the bot sent/edited (``since`` skips the first N);
* ``POST /_test/member`` ``{"chat_id", "user_id", "status"}`` makes a user a group's ``creator``,
  ``administrator`` or plain ``member`` (what ``getChatMember`` answers);
* ``POST /_test/fail`` (arguments of :meth:`FakeBotApi.fail`), ``POST /_test/stall`` (arguments of
  :meth:`FakeBotApi.stall`), ``POST /_test/block`` ``{"chat_id" | "chat_ids", "blocked"?}`` and
  ``POST /_test/clear`` inject one-shot faults and reset the recordings;
* ``POST /_test/inject`` (arguments of :meth:`FakeBotApi.inject`) adds a standing fault injected at a
  rate — per method, per chat or chats, with a probability from a seeded RNG or on every k-th call — that
  answers an error (e.g. 429 with ``retry_after``, 403, 400, 500), stalls past the client's timeout or
  drops the connection; ``POST /_test/reset_faults`` removes every fault;
* ``GET  /_test/counts?method=sendMessage&per_chat=1`` summarises a large run: recorded calls (per chat
  unless ``per_chat=0``; successful ones per bot token, to tell bot processes apart), faults injected,
  calls that took effect but got no answer (so may be repeated legitimately), and calls that came sooner
  than a 429's ``retry_after`` allowed for that chat.

Run standalone with ``python -m fakeapi.server --port 8081`` (``--port 0`` picks a free port); the first
line on stdout is ``port=N listening; TELEGRAM_BASE_URL=…`` so a parent process can read the port.
Standing faults can be given at start, e.g. ``--fault method=sendMessage,status=429,retry_after=1,rate=0.05
--fault stall,rate=0.001 --fault drop,every=500 --block 1001,1002 --seed 7``.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import signal
import socket
from collections.abc import Sequence
from typing import Any

import tornado.httpserver
import tornado.netutil
import tornado.web

from fakeapi import DroppedConnection, FakeBotApi, StalledRequest, coerce_form_params
from fakeapi.files import Upload

__all__ = ["FakeTelegramServer", "main", "parse_fault"]

JSON = dict[str, Any]


class FakeTelegramServer:
    """Serves a :class:`FakeBotApi` on ``host:port`` (port 0 picks a free one; read it back from ``port``).

    A stalled request is held for ``stall_seconds`` (or until :meth:`stop`) and then the connection is
    dropped without an answer, which a client sees as a read timeout.
    """

    def __init__(
        self,
        api: FakeBotApi | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        stall_seconds: float = 30.0,
    ) -> None:
        self.api = api if api is not None else FakeBotApi()
        self.host = host
        self.port = port
        self.stall_seconds = stall_seconds
        self._server: tornado.httpserver.HTTPServer | None = None
        self._stopping = asyncio.Event()
        self._stalls: set[asyncio.Task[None]] = set()

    @property
    def base_url(self) -> str:
        """The value for PTB's ``base_url`` / ``TELEGRAM_BASE_URL``."""
        return f"http://{self.host}:{self.port}/bot"

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    async def start(self) -> None:
        handler_args = {"server": self}
        app = tornado.web.Application(
            [
                (r"/bot(?P<token>[^/]+)/(?P<method>[A-Za-z]+)/?", _BotApiHandler, handler_args),
                (r"/_test/message", _MessageHandler, handler_args),
                (r"/_test/callback", _CallbackHandler, handler_args),
                (r"/_test/sent", _SentHandler, handler_args),
                (r"/_test/member", _MemberHandler, handler_args),
                (r"/_test/fail", _FailHandler, handler_args),
                (r"/_test/stall", _StallHandler, handler_args),
                (r"/_test/inject", _InjectHandler, handler_args),
                (r"/_test/reset_faults", _ResetFaultsHandler, handler_args),
                (r"/_test/counts", _CountsHandler, handler_args),
                (r"/_test/block", _BlockHandler, handler_args),
                (r"/_test/clear", _ClearHandler, handler_args),
            ],
            default_handler_class=_NotFoundHandler,
            default_handler_args=handler_args,
        )
        sockets = tornado.netutil.bind_sockets(self.port, address=self.host, family=socket.AF_INET)
        self.port = sockets[0].getsockname()[1]
        self._stopping = asyncio.Event()
        self._server = tornado.httpserver.HTTPServer(app)
        self._server.add_sockets(sockets)

    async def stop(self) -> None:
        if self._server is None:
            return
        self._server.stop()
        self._stopping.set()
        self.api.wake_pollers()
        if self._stalls:
            await asyncio.wait(self._stalls, timeout=1.0)
        await self._server.close_all_connections()
        self._server = None

    async def __aenter__(self) -> FakeTelegramServer:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    async def hold_stalled(self) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._stalls.add(task)
        try:
            await asyncio.wait_for(self._stopping.wait(), self.stall_seconds)
        except TimeoutError:
            pass
        finally:
            if task is not None:
                self._stalls.discard(task)


class _Handler(tornado.web.RequestHandler):
    def initialize(self, server: FakeTelegramServer) -> None:
        self.server = server

    def reply(self, status: int, payload: Any) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(payload))

    def body_json(self) -> JSON:
        try:
            data = json.loads(self.request.body or b"{}")
        except ValueError:
            raise tornado.web.HTTPError(400, "body must be JSON") from None
        if not isinstance(data, dict):
            raise tornado.web.HTTPError(400, "body must be a JSON object")
        return data

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        reason = self._reason
        exc_info = kwargs.get("exc_info")
        if (
            exc_info is not None
            and isinstance(exc_info[1], tornado.web.HTTPError)
            and exc_info[1].log_message
        ):
            reason = exc_info[1].log_message
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps({"ok": False, "error_code": status_code, "description": reason}))


class _NotFoundHandler(_Handler):
    def prepare(self) -> None:
        self.reply(404, {"ok": False, "error_code": 404, "description": "Not Found"})


class _BotApiHandler(_Handler):
    async def get(self, token: str, method: str) -> None:
        await self._answer(token, method)

    async def post(self, token: str, method: str) -> None:
        await self._answer(token, method)

    def _params(self) -> JSON:
        content_type = self.request.headers.get("Content-Type", "")
        if content_type.startswith("application/json"):
            params = self.body_json()
            params.update(coerce_form_params(self._query_arguments()))
            return params
        # request.arguments merges the query string with urlencoded and multipart form fields.
        raw = {name: values[-1].decode("utf-8", "replace") for name, values in self.request.arguments.items()}
        params = coerce_form_params(raw)
        # Uploaded files (sendPhoto, sendDocument) arrive as multipart parts of their own.
        for name, files in self.request.files.items():
            params[name] = Upload(files[-1].filename, files[-1].body, files[-1].content_type or None)
        return params

    def _query_arguments(self) -> dict[str, str]:
        return {
            name: values[-1].decode("utf-8", "replace")
            for name, values in self.request.query_arguments.items()
        }

    async def _answer(self, token: str, method: str) -> None:
        try:
            status, payload = await self.server.api.call(method, self._params(), token=token)
        except StalledRequest:
            await self.server.hold_stalled()
            # Closing without an answer is what a client sees when Telegram never responds in time.
            self.detach().close()
            return
        except DroppedConnection:
            # A connection reset mid-request: the client gets no status line at all.
            self.detach().close()
            return
        self.reply(status, payload)


class _MessageHandler(_Handler):
    async def post(self) -> None:
        body = self.body_json()
        api = self.server.api
        try:
            chat_id = int(body["chat_id"])
            user_id = int(body.get("user_id", chat_id))
            api.user(user_id, body.get("first_name"), body.get("username"))
            update = api.make_message(
                chat_id,
                user_id,
                str(body["text"]),
                reply_to_message_id=body.get("reply_to_message_id"),
                enqueue=True,
            )
        except (KeyError, ValueError, TypeError, LookupError) as error:
            raise tornado.web.HTTPError(400, f"bad message: {error!r}") from None
        self.reply(200, {"ok": True, "result": update})


class _CallbackHandler(_Handler):
    async def post(self) -> None:
        body = self.body_json()
        api = self.server.api
        try:
            chat_id = int(body["chat_id"])
            user_id = int(body.get("user_id", chat_id))
            if "button" in body:
                update = api.press(chat_id, str(body["button"]), user_id=user_id, enqueue=True)
            else:
                update = api.make_callback(
                    chat_id, user_id, int(body["message_id"]), str(body["data"]), enqueue=True
                )
        except (KeyError, ValueError, TypeError, LookupError) as error:
            raise tornado.web.HTTPError(400, f"bad callback: {error!r}") from None
        self.reply(200, {"ok": True, "result": update})


class _SentHandler(_Handler):
    async def get(self) -> None:
        try:
            raw_chat = self.get_query_argument("chat_id", None)
            since = int(self.get_query_argument("since", "0"))
            chat_id = None if raw_chat is None else int(raw_chat)
        except ValueError:
            raise tornado.web.HTTPError(400, "chat_id and since must be integers") from None
        records = [
            {"index": index, **dataclasses.asdict(message)}
            for index, message in enumerate(self.server.api.sent)
            if index >= since and (chat_id is None or message.chat_id == chat_id)
        ]
        self.reply(200, {"ok": True, "result": records})


class _MemberHandler(_Handler):
    async def post(self) -> None:
        body = self.body_json()
        try:
            self.server.api.set_member(
                int(body["chat_id"]), int(body["user_id"]), str(body.get("status", "administrator"))
            )
        except (KeyError, ValueError, TypeError) as error:
            raise tornado.web.HTTPError(400, f"bad member: {error!r}") from None
        self.reply(200, {"ok": True, "result": True})


class _FailHandler(_Handler):
    async def post(self) -> None:
        body = self.body_json()
        try:
            self.server.api.fail(
                body.get("method"),
                None if body.get("chat_id") is None else int(body["chat_id"]),
                status=int(body["status"]),
                description=str(body["description"]),
                retry_after=body.get("retry_after"),
                migrate_to_chat_id=body.get("migrate_to_chat_id"),
                times=int(body.get("times", 1)),
            )
        except (KeyError, ValueError, TypeError) as error:
            raise tornado.web.HTTPError(400, f"bad fault: {error!r}") from None
        self.reply(200, {"ok": True, "result": True})


class _StallHandler(_Handler):
    async def post(self) -> None:
        body = self.body_json()
        try:
            self.server.api.stall(
                body.get("method"),
                None if body.get("chat_id") is None else int(body["chat_id"]),
                times=int(body.get("times", 1)),
                deliver=bool(body.get("deliver", False)),
            )
        except (ValueError, TypeError) as error:
            raise tornado.web.HTTPError(400, f"bad stall: {error!r}") from None
        self.reply(200, {"ok": True, "result": True})


class _InjectHandler(_Handler):
    async def post(self) -> None:
        try:
            rule = inject(self.server.api, self.body_json())
        except (KeyError, ValueError, TypeError) as error:
            raise tornado.web.HTTPError(400, f"bad fault: {error}") from None
        self.reply(200, {"ok": True, "result": rule})


class _ResetFaultsHandler(_Handler):
    async def post(self) -> None:
        self.server.api.reset_faults()
        self.reply(200, {"ok": True, "result": True})


class _CountsHandler(_Handler):
    async def get(self) -> None:
        method = self.get_query_argument("method", "sendMessage")
        per_chat = self.get_query_argument("per_chat", "1").lower() not in ("0", "false", "no")
        self.reply(200, {"ok": True, "result": self.server.api.counts(method, per_chat=per_chat)})


class _BlockHandler(_Handler):
    async def post(self) -> None:
        body = self.body_json()
        try:
            chat_ids = (
                [int(chat) for chat in body["chat_ids"]] if "chat_ids" in body else [int(body["chat_id"])]
            )
        except (KeyError, ValueError, TypeError) as error:
            raise tornado.web.HTTPError(400, f"bad block: {error!r}") from None
        for chat_id in chat_ids:
            if body.get("blocked", True):
                self.server.api.block(chat_id)
            else:
                self.server.api.unblock(chat_id)
        self.reply(200, {"ok": True, "result": True})


class _ClearHandler(_Handler):
    async def post(self) -> None:
        self.server.api.clear()
        self.reply(200, {"ok": True, "result": True})


_INJECT_INTS = frozenset({"chat_id", "status", "every", "seed", "limit"})
_INJECT_FLOATS = frozenset({"rate", "retry_after"})
_INJECT_FLAGS = frozenset({"stall", "drop", "deliver"})
_INJECT_TEXTS = frozenset({"method", "description"})


def inject(api: FakeBotApi, spec: JSON) -> JSON:
    """Add a standing fault from a JSON-like spec (the keyword arguments of :meth:`FakeBotApi.inject`)."""
    unknown = spec.keys() - _INJECT_INTS - _INJECT_FLOATS - _INJECT_FLAGS - _INJECT_TEXTS - {"chat_ids"}
    if unknown:
        raise ValueError(f"unknown fault fields {sorted(unknown)}")
    kwargs: JSON = {}
    for name, value in spec.items():
        if value is None:
            continue
        if name in _INJECT_INTS:
            kwargs[name] = int(value)
        elif name in _INJECT_FLOATS:
            number = float(value)
            # Telegram's retry_after is whole seconds; keep an int where one was given.
            kwargs[name] = int(number) if name == "retry_after" and number.is_integer() else number
        elif name in _INJECT_FLAGS:
            kwargs[name] = value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
        elif name == "chat_ids":
            kwargs[name] = [int(chat) for chat in value]
        else:
            kwargs[name] = str(value)
    return api.inject(**kwargs).summary()


def parse_fault(text: str) -> JSON:
    """``method=sendMessage,status=429,retry_after=1,rate=0.05`` or ``stall,every=100`` → an inject spec.

    A bare word is a flag (``stall``, ``drop``, ``deliver``); ``chat_ids`` takes ``;``-separated ids.
    """
    spec: JSON = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        name, sep, value = item.partition("=")
        if not sep:
            spec[name] = True
        elif name == "chat_ids":
            spec[name] = [chat for chat in value.split(";") if chat]
        else:
            spec[name] = value
    return spec


def _chat_list(text: str) -> list[int]:
    return [int(chat) for chat in text.replace(";", ",").split(",") if chat.strip()]


async def _serve(args: argparse.Namespace) -> None:
    api = FakeBotApi(username=args.bot_username, token=args.token, auto_create_chats=args.auto_chats)
    for number, fault in enumerate(args.fault):
        spec = parse_fault(fault)
        if args.seed is not None:
            # One --seed makes the whole run reproducible; each rule still gets its own stream.
            spec.setdefault("seed", args.seed + number)
        inject(api, spec)
    for chat_id in args.block:
        api.block(chat_id)
    server = FakeTelegramServer(api, host=args.host, port=args.port, stall_seconds=args.stall_seconds)
    await server.start()
    done = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, done.set)
    # The port comes first so a parent that asked for --port 0 can read it off the first line.
    print(
        f"port={server.port} Fake Telegram Bot API listening; TELEGRAM_BASE_URL={server.base_url}", flush=True
    )
    try:
        await done.wait()
    finally:
        await server.stop()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m fakeapi.server", description="Serve the fake Telegram Bot API."
    )
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--bot-username", default="BackCoachBot")
    parser.add_argument("--token", default=None, help="if given, other tokens get 401 Unauthorized")
    parser.add_argument(
        "--auto-chats", action="store_true", help="accept sends to chats no user has written from yet"
    )
    parser.add_argument("--stall-seconds", type=float, default=30.0)
    parser.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="SPEC",
        help="a standing fault, e.g. method=sendMessage,status=429,retry_after=1,rate=0.05 or stall,every=100"
        " (fields: method chat_id chat_ids status description retry_after rate every seed limit, flags:"
        " stall drop deliver); repeatable",
    )
    parser.add_argument("--seed", type=int, default=None, help="seed for the --fault rules' RNGs")
    parser.add_argument(
        "--block",
        type=_chat_list,
        default=[],
        metavar="IDS",
        help="comma-separated chat ids that blocked the bot",
    )
    asyncio.run(_serve(parser.parse_args(argv)))


if __name__ == "__main__":
    main()
