"""In-process emulator of the Telegram Bot API.

The offline console uses it as the bot's transport and the test-suite uses it as the Bot API test double,
so it lives in the package.  It keeps just enough server state (chats, messages, the update queue,
commands, webhook info) to answer the methods Back Coach calls with JSON that PTB parses exactly as it
parses Telegram's, and it reproduces the Telegram errors the bot has to survive (blocked users, flood
limits, chat migration, malformed markup, timeouts).

This module deliberately imports nothing from the rest of the bot: it must stay usable as an independent
stand-in for Telegram.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import itertools
import json
import logging
import random
import re
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from telegram import Update
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.ext import Application
from telegram.request import BaseRequest, RequestData

__all__ = [
    "CallbackAnswer",
    "DroppedConnection",
    "FakeBotApi",
    "FakeRequest",
    "FaultRule",
    "SentMessage",
    "StalledRequest",
    "coerce_form_params",
    "drive",
    "render_html",
]

JSON = dict[str, Any]

_LOG = logging.getLogger(__name__)

MAX_TEXT_LENGTH: Final = 4096
MAX_CALLBACK_DATA_BYTES: Final = 64
MAX_INLINE_BUTTONS: Final = 100
MAX_UPDATES_LIMIT: Final = 100

# Methods that write into a chat: these are the ones Telegram refuses once the user blocked the bot.
_CHAT_WRITE_METHODS: Final = frozenset(
    {"sendMessage", "editMessageText", "editMessageReplyMarkup", "deleteMessage", "sendChatAction"}
)

_CHAT_ACTIONS: Final = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)

# Inline buttons must carry exactly one action; these are the non-callback/non-url ones Telegram knows.
_OTHER_BUTTON_ACTIONS: Final = frozenset(
    {
        "login_url",
        "switch_inline_query",
        "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat",
        "copy_text",
        "callback_game",
        "pay",
        "web_app",
    }
)

# Parameters Telegram types as String.  Over HTTP form encoding PTB sends strings raw and everything else
# JSON-encoded, so only these may skip JSON decoding ("123" must stay a text, not become a number).
_STRING_PARAMS: Final = frozenset(
    {
        "text",
        "parse_mode",
        "callback_query_id",
        "inline_message_id",
        "url",
        "action",
        "language_code",
        "secret_token",
        "ip_address",
        "caption",
        "business_connection_id",
        "message_effect_id",
        "emoji",
        "description",
        "short_description",
        "name",
        "title",
    }
)

_COMMAND_RE: Final = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![A-Za-z0-9_@])")
_MENTION_RE: Final = re.compile(r"(?<![A-Za-z0-9_@/])@[A-Za-z0-9_]{5,32}(?![A-Za-z0-9_])")
_HTML_ENTITY_RE: Final = re.compile(r"&(lt|gt|amp|quot|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
_TAG_NAME_RE: Final = re.compile(r"([a-zA-Z][a-zA-Z0-9-]*)")
_ATTR_RE: Final = re.compile(r"""([a-zA-Z_-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_LANGUAGE_CLASS_RE: Final = re.compile(r"language-(\S+)")

_SIMPLE_HTML_TAGS: Final = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
}
_HTML_TAGS: Final = frozenset({*_SIMPLE_HTML_TAGS, "a", "span", "blockquote", "tg-emoji"})


class StalledRequest(Exception):
    """Raised by :meth:`FakeBotApi.call` for an injected stall; each transport turns it into a timeout."""


class DroppedConnection(Exception):
    """Raised by :meth:`FakeBotApi.call` for an injected connection drop; each transport turns it into a
    network error (over HTTP the socket is closed without an answer)."""


class _ApiError(Exception):
    def __init__(self, status: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def payload(self) -> JSON:
        body: JSON = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def _bad_request(detail: str) -> _ApiError:
    return _ApiError(400, f"Bad Request: {detail}")


@dataclass(slots=True)
class SentMessage:
    """One message the bot sent or edited.

    ``text`` is the text exactly as the bot sent it (markup included); ``plain_text`` and ``entities`` are
    what Telegram rendered from it.  For ``editMessageReplyMarkup`` the text fields describe the message's
    current text.
    """

    method: str
    chat_id: int
    message_id: int
    text: str | None
    parse_mode: str | None
    reply_markup: JSON | None
    params: JSON
    plain_text: str | None = None
    entities: list[JSON] = field(default_factory=list)


@dataclass(slots=True)
class CallbackAnswer:
    callback_query_id: str
    text: str | None
    show_alert: bool
    url: str | None
    params: JSON


@dataclass(slots=True)
class _Fault:
    method: str | None
    chat_id: int | None
    times: int
    status: int = 0
    description: str = ""
    parameters: JSON | None = None
    stall: bool = False
    deliver: bool = False

    def matches(self, method: str, chat_id: int | None) -> bool:
        return (self.method is None or self.method == method) and (
            self.chat_id is None or self.chat_id == chat_id
        )


FaultAction = Literal["error", "stall", "drop"]

# What Telegram says for each status when a rule gives no description of its own.
_DEFAULT_DESCRIPTIONS: Final = {
    400: "Bad Request: injected fault",
    403: "Forbidden: bot was blocked by the user",
    429: "Too Many Requests: retry after {retry_after}",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
}


@dataclass(slots=True)
class FaultRule:
    """A standing fault for matching calls, injected at a rate: with probability ``rate`` (from the rule's
    own seeded RNG, so a run is reproducible for a given order of calls) or on every ``every``-th matching
    call; ``limit`` caps how many it injects.  ``matched`` and ``injected`` count what it saw and did."""

    id: int
    action: FaultAction
    method: str | None
    chat_ids: frozenset[int] | None
    status: int
    description: str
    parameters: JSON | None
    deliver: bool
    rate: float
    every: int
    limit: int | None
    rng: random.Random = field(repr=False)
    matched: int = 0
    injected: int = 0

    def matches(self, method: str, chat_id: int | None) -> bool:
        return (self.method is None or self.method == method) and (
            self.chat_ids is None or chat_id in self.chat_ids
        )

    def fires(self) -> bool:
        """Whether this (already counted) matching call gets the fault."""
        if self.limit is not None and self.injected >= self.limit:
            return False
        hit = self.matched % self.every == 0 if self.every else self.rng.random() < self.rate
        if hit:
            self.injected += 1
        return hit

    @property
    def label(self) -> str:
        return str(self.status) if self.action == "error" else self.action

    def summary(self) -> JSON:
        return {
            "id": self.id,
            "label": self.label,
            "method": self.method,
            "chats": None if self.chat_ids is None else len(self.chat_ids),
            "rate": self.rate,
            "every": self.every,
            "deliver": self.deliver,
            "matched": self.matched,
            "injected": self.injected,
        }


def _utf16_len(text: str) -> int:
    # Telegram measures entity offsets and lengths in UTF-16 code units.
    return len(text.encode("utf-16-le")) // 2


def _chat_id_of(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            return None
    return None


def coerce_form_params(raw: Mapping[str, str]) -> JSON:
    """Decode form-encoded Bot API parameters as Telegram does: String fields stay raw, the rest is JSON."""
    params: JSON = {}
    for name, value in raw.items():
        if name in _STRING_PARAMS:
            params[name] = value
            continue
        try:
            params[name] = json.loads(value)
        except ValueError:
            params[name] = value
    return params


def _decode_html_entity(match: re.Match[str]) -> str:
    name = match.group(1)
    if name.startswith("#"):
        code = int(name[2:], 16) if name[1:2] in ("x", "X") else int(name[1:])
        try:
            return chr(code)
        except (ValueError, OverflowError):
            return "\ufffd"
    return {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}[name]


@dataclass(slots=True)
class _OpenTag:
    name: str
    start: int
    entity: JSON | None


def _tag_entity(name: str, attrs: str, byte_offset: int, parent: _OpenTag | None) -> JSON | None:
    values: dict[str, str] = {}
    for key, dq, sq, bare in _ATTR_RE.findall(attrs):
        values[key.lower()] = _HTML_ENTITY_RE.sub(_decode_html_entity, dq or sq or bare)
    if name == "a":
        href = values.get("href")
        return {"type": "text_link", "url": href} if href else None
    if name == "span":
        if values.get("class") != "tg-spoiler":
            raise _bad_request(
                f'can\'t parse entities: Tag "span" must have class "tg-spoiler" at byte offset {byte_offset}'
            )
        return {"type": "spoiler"}
    if name == "blockquote":
        return {"type": "expandable_blockquote" if "expandable" in values else "blockquote"}
    if name == "tg-emoji":
        emoji_id = values.get("emoji-id")
        if not emoji_id:
            raise _bad_request(
                f'can\'t parse entities: Tag "tg-emoji" must have attribute "emoji-id" at '
                f"byte offset {byte_offset}"
            )
        return {"type": "custom_emoji", "custom_emoji_id": emoji_id}
    if name == "code" and parent is not None and parent.name == "pre" and parent.entity is not None:
        # <pre><code class="language-x"> is a single pre entity carrying the language.
        language = _LANGUAGE_CLASS_RE.match(values.get("class", ""))
        if language:
            parent.entity["language"] = language.group(1)
        return None
    return {"type": _SIMPLE_HTML_TAGS[name]}


def render_html(source: str) -> tuple[str, list[JSON]]:
    """Turn Telegram-HTML into the plain text and entities Telegram would store, or raise a 400."""
    out: list[str] = []
    position = 0  # in UTF-16 units of the plain text produced so far
    entities: list[JSON] = []
    stack: list[_OpenTag] = []
    index = 0
    length = len(source)

    def fail(detail: str, at: int) -> _ApiError:
        offset = len(source[:at].encode())
        return _bad_request(f"can't parse entities: {detail} at byte offset {offset}")

    while index < length:
        lt = source.find("<", index)
        chunk_end = length if lt == -1 else lt
        if chunk_end > index:
            chunk = _HTML_ENTITY_RE.sub(_decode_html_entity, source[index:chunk_end])
            out.append(chunk)
            position += _utf16_len(chunk)
        if lt == -1:
            break
        gt = source.find(">", lt)
        if gt == -1:
            raise fail("Unclosed start tag" if source[lt + 1 : lt + 2] != "/" else "Unclosed end tag", lt)
        inner = source[lt + 1 : gt]
        if inner.startswith("/"):
            name = inner[1:].strip().lower()
            if not stack:
                raise fail("Unexpected end tag", lt)
            top = stack.pop()
            if top.name != name:
                raise fail(f'Unmatched end tag, expected "</{top.name}>", found "</{name}>"', lt)
            if top.entity is not None and position > top.start:
                top.entity["offset"] = top.start
                top.entity["length"] = position - top.start
                entities.append(top.entity)
        else:
            match = _TAG_NAME_RE.match(inner)
            name = match.group(1).lower() if match else ""
            if name not in _HTML_TAGS:
                raise fail(f'Unsupported start tag "{name}"', lt)
            attrs = inner[len(name) :]
            parent = stack[-1] if stack else None
            entity = _tag_entity(name, attrs, len(source[:lt].encode()), parent)
            stack.append(_OpenTag(name, position, entity))
        index = gt + 1

    if stack:
        detail = f'Can\'t find end tag corresponding to start tag "{stack[-1].name}"'
        raise _bad_request(f"can't parse entities: {detail}")
    entities.sort(key=lambda entity: (entity["offset"], -entity["length"]))
    return "".join(out), entities


def _markup_of(message: SentMessage | Mapping[str, Any]) -> JSON | None:
    if isinstance(message, SentMessage):
        return message.reply_markup
    markup = message.get("reply_markup")
    return markup if isinstance(markup, dict) else None


class FakeBotApi:
    """State and behaviour of a Telegram Bot API server for one bot.

    Bot API methods are reached through :meth:`call` (which both transports use); everything else here is
    the test/console side: building user updates, inspecting what the bot sent, injecting faults.

    Unknown chats are refused with "chat not found" like Telegram does unless ``auto_create_chats`` is set;
    the update builders register the chats and users they mention.
    """

    def __init__(
        self,
        *,
        bot_id: int | None = None,
        username: str = "BackCoachBot",
        first_name: str = "Back Coach",
        token: str | None = None,
        auto_create_chats: bool = False,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if bot_id is None:
            # Telegram's bot id is the numeric prefix of its token.
            prefix = token.partition(":")[0] if token else ""
            bot_id = int(prefix) if prefix.isdigit() else 5_550_001
        self.token = token
        self.auto_create_chats = auto_create_chats
        self.clock = clock
        self.bot_user: JSON = {"id": bot_id, "is_bot": True, "first_name": first_name, "username": username}

        self.users: dict[int, JSON] = {}
        self.chats: dict[int, JSON] = {}
        self._messages: dict[int, dict[int, JSON]] = {}
        self._next_message_id: dict[int, int] = {}
        # Raw text/parse_mode each bot message was last set from, so markup-only edits can report them.
        self._sources: dict[tuple[int, int], tuple[str | None, str | None]] = {}
        self._commands: dict[tuple[str, str], list[JSON]] = {}

        self._queue: list[JSON] = []
        self._update_ids = itertools.count(1)
        self._last_queued_id = 0
        self._poll_waiters: set[asyncio.Future[None]] = set()
        self.allowed_updates: list[str] | None = None

        self.webhook_url = ""
        self._webhook: JSON = {}

        self._query_ids = itertools.count(1)
        self._open_queries: set[str] = set()

        self._faults: list[_Fault] = []
        self._rules: list[FaultRule] = []
        self._rule_ids = itertools.count(1)
        self.blocked: set[int] = set()
        # Fault telemetry: injected faults by label ("429", "500", "stall", "drop"…), calls that took
        # effect but whose answer was withheld (a client cannot tell them from lost calls, so they may
        # legitimately be repeated), and, per chat, the earliest moment a 429's retry_after allows the
        # next call, with every call that came sooner recorded as (chat_id, method, seconds early).
        self.injected: Counter[str] = Counter()
        # Successful calls by (token, method): which of several bot processes sharing the server did what.
        self.ok_by_token: Counter[tuple[str, str]] = Counter()
        self.unanswered_deliveries: list[tuple[str, int | None]] = []
        self._flood_until: dict[int, float] = {}
        self.flood_violations: list[tuple[int, str, float]] = []

        self.sent: list[SentMessage] = []
        self.callback_answers: list[CallbackAnswer] = []
        self.chat_actions: list[tuple[int, str]] = []
        self.deleted: list[tuple[int, int]] = []
        self.calls: Counter[str] = Counter()
        self._listeners: list[Callable[[SentMessage], None]] = []

        self._handlers: dict[str, Callable[[JSON], Awaitable[Any]]] = {
            "getMe": self._get_me,
            "getUpdates": self._get_updates,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": self._get_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "deleteMessage": self._delete_message,
            "answerCallbackQuery": self._answer_callback_query,
            "sendChatAction": self._send_chat_action,
            "setWebhook": self._set_webhook,
            "deleteWebhook": self._delete_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "getChat": self._get_chat,
            "close": self._true,
            "logOut": self._true,
        }
        # Telegram matches method names case-insensitively.
        self._canonical = {name.lower(): name for name in self._handlers}

    # ------------------------------------------------------------------ dispatch

    async def call(
        self, method: str, params: Mapping[str, Any], *, token: str | None = None
    ) -> tuple[int, JSON]:
        """Answer one Bot API request with ``(http_status, response_json)``.

        Raises :class:`StalledRequest` when a stall was injected for this call.
        """
        canonical = self._canonical.get(method.lower(), method)
        self.calls[canonical] += 1
        if self.token is not None and token is not None and token != self.token:
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        handler = self._handlers.get(canonical)
        if handler is None:
            _LOG.warning("FakeBotApi does not emulate Bot API method %r", method)
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        request = dict(params)
        chat_id = _chat_id_of(request.get("chat_id"))
        if chat_id is not None:
            self._check_flood(canonical, chat_id)

        fault = self._take_fault(canonical, chat_id)
        if fault is not None:
            if fault.stall:
                self.injected["stall"] += 1
                await self._deliver_unanswered(handler, request, fault.deliver, canonical, chat_id)
                raise StalledRequest(canonical)
            self.injected[str(fault.status)] += 1
            return self._error(chat_id, fault.status, fault.description, fault.parameters)
        rule = self._take_rule(canonical, chat_id)
        if rule is not None:
            self.injected[rule.label] += 1
            if rule.action == "error":
                return self._error(chat_id, rule.status, rule.description, rule.parameters)
            await self._deliver_unanswered(handler, request, rule.deliver, canonical, chat_id)
            if rule.action == "stall":
                raise StalledRequest(canonical)
            raise DroppedConnection(canonical)
        if chat_id is not None and chat_id in self.blocked and canonical in _CHAT_WRITE_METHODS:
            return 403, _ApiError(403, "Forbidden: bot was blocked by the user").payload()

        try:
            result = await handler(request)
        except _ApiError as error:
            return error.status, error.payload()
        self.ok_by_token[(token or "", canonical)] += 1
        return 200, {"ok": True, "result": result}

    async def _deliver_unanswered(
        self,
        handler: Callable[[JSON], Awaitable[Any]],
        request: JSON,
        deliver: bool,
        method: str,
        chat_id: int | None,
    ) -> None:
        if not deliver:
            return
        if chat_id is not None and chat_id in self.blocked and method in _CHAT_WRITE_METHODS:
            # Telegram acts on nothing in a chat that blocked the bot, answered or not.
            return
        # The server acted but the answer never arrives: the ambiguous case retries must survive.
        with contextlib.suppress(_ApiError):
            await handler(request)
            self.unanswered_deliveries.append((method, chat_id))

    def _error(
        self, chat_id: int | None, status: int, description: str, parameters: JSON | None
    ) -> tuple[int, JSON]:
        retry_after = (parameters or {}).get("retry_after")
        if status == 429 and chat_id is not None and isinstance(retry_after, int | float):
            self._flood_until[chat_id] = self.clock() + retry_after
        return status, _ApiError(status, description, parameters).payload()

    def _check_flood(self, method: str, chat_id: int) -> None:
        until = self._flood_until.pop(chat_id, None)
        if until is None:
            return
        early = until - self.clock()
        if early > 0:
            self.flood_violations.append((chat_id, method, early))

    def _take_rule(self, method: str, chat_id: int | None) -> FaultRule | None:
        # Every matching rule counts the call (so "every k-th" means the k-th call it matches, whatever
        # other rules did with it); the first rule that fires injects, later ones do not roll at all.
        fired = None
        for rule in self._rules:
            if rule.matches(method, chat_id):
                rule.matched += 1
                if fired is None and rule.fires():
                    fired = rule
        return fired

    def _take_fault(self, method: str, chat_id: int | None) -> _Fault | None:
        for index, fault in enumerate(self._faults):
            if fault.matches(method, chat_id):
                fault.times -= 1
                if fault.times <= 0:
                    del self._faults[index]
                return fault
        return None

    # ------------------------------------------------------------------ fault injection

    def fail(
        self,
        method: str | None = None,
        chat_id: int | None = None,
        *,
        status: int,
        description: str,
        retry_after: int | None = None,
        migrate_to_chat_id: int | None = None,
        times: int = 1,
    ) -> None:
        """Make the next ``times`` calls matching method and chat answer with this error, unrecorded."""
        parameters: JSON = {}
        if retry_after is not None:
            parameters["retry_after"] = retry_after
        if migrate_to_chat_id is not None:
            parameters["migrate_to_chat_id"] = migrate_to_chat_id
        self._faults.append(
            _Fault(self._method_name(method), chat_id, times, status, description, parameters or None)
        )

    def stall(
        self, method: str | None = None, chat_id: int | None = None, *, times: int = 1, deliver: bool = False
    ) -> None:
        """Make the next ``times`` matching calls time out; with ``deliver`` the call still takes effect."""
        self._faults.append(_Fault(self._method_name(method), chat_id, times, stall=True, deliver=deliver))

    def inject(
        self,
        method: str | None = None,
        chat_id: int | None = None,
        *,
        chat_ids: Iterable[int] | None = None,
        status: int = 0,
        description: str | None = None,
        retry_after: int | float | None = None,
        stall: bool = False,
        drop: bool = False,
        deliver: bool = False,
        rate: float = 1.0,
        every: int = 0,
        seed: int | None = None,
        limit: int | None = None,
    ) -> FaultRule:
        """Keep injecting a fault into matching calls until :meth:`reset_faults` / :meth:`remove_rule`.

        The fault is an error answer (``status``, with a Telegram-like default ``description`` and
        ``retry_after`` for 429), a ``stall`` (no answer until the client times out) or a ``drop``
        (the connection is closed at once); ``deliver`` makes a stall or drop take effect first.
        It hits calls to ``method`` (any if None) for ``chat_id`` / ``chat_ids`` (any if neither) with
        probability ``rate``, or every ``every``-th matching call instead; ``seed`` seeds the rule's RNG
        (default: its id) and ``limit`` caps the number injected.  One-shot faults from :meth:`fail` and
        :meth:`stall` take precedence.
        """
        if stall and drop:
            raise ValueError("a fault is either a stall or a drop")
        action: FaultAction = "stall" if stall else "drop" if drop else "error"
        if action == "error" and not 400 <= status <= 599:
            raise ValueError("an error fault needs an HTTP error status (400-599)")
        if action != "error" and status:
            raise ValueError("a stall or drop has no status")
        if deliver and action == "error":
            raise ValueError("deliver applies to stalls and drops")
        if not 0.0 <= rate <= 1.0:
            raise ValueError("rate is a probability between 0 and 1")
        if every < 0 or (limit is not None and limit < 0):
            raise ValueError("every and limit cannot be negative")
        chats = set(chat_ids or ())
        if chat_id is not None:
            chats.add(chat_id)
        parameters: JSON = {}
        if retry_after is not None:
            parameters["retry_after"] = retry_after
        if description is None:
            description = _DEFAULT_DESCRIPTIONS.get(status, f"Error {status}").format(retry_after=retry_after)
        rule_id = next(self._rule_ids)
        rule = FaultRule(
            id=rule_id,
            action=action,
            method=self._method_name(method),
            chat_ids=frozenset(chats) if chats else None,
            status=status,
            description=description,
            parameters=parameters or None,
            deliver=deliver,
            rate=rate,
            every=every,
            limit=limit,
            rng=random.Random(rule_id if seed is None else seed),
        )
        self._rules.append(rule)
        return rule

    @property
    def rules(self) -> list[FaultRule]:
        return list(self._rules)

    def remove_rule(self, rule_id: int) -> None:
        self._rules = [rule for rule in self._rules if rule.id != rule_id]

    def reset_faults(self) -> None:
        """Drop every one-shot fault and standing rule (blocked chats stay blocked)."""
        self._faults.clear()
        self._rules.clear()

    def block(self, chat_id: int) -> None:
        """Act as if the user blocked the bot: writes to the chat answer 403 until :meth:`unblock`."""
        self.blocked.add(chat_id)

    def unblock(self, chat_id: int) -> None:
        self.blocked.discard(chat_id)

    def _method_name(self, method: str | None) -> str | None:
        return None if method is None else self._canonical.get(method.lower(), method)

    # ------------------------------------------------------------------ recordings

    def messages_for(self, chat_id: int) -> list[SentMessage]:
        return [message for message in self.sent if message.chat_id == chat_id]

    def last(self, chat_id: int | None = None) -> SentMessage:
        """The most recent send/edit, to ``chat_id`` if given."""
        for message in reversed(self.sent):
            if chat_id is None or message.chat_id == chat_id:
                return message
        raise LookupError(f"the bot sent nothing{'' if chat_id is None else f' to chat {chat_id}'}")

    @staticmethod
    def buttons(message: SentMessage | Mapping[str, Any]) -> list[list[tuple[str, str]]]:
        """Keyboard rows as ``(text, callback_data)``; URL buttons give their url, other buttons ``""``."""
        markup = _markup_of(message)
        if not markup:
            return []
        rows = markup.get("inline_keyboard") or markup.get("keyboard") or []
        result: list[list[tuple[str, str]]] = []
        for row in rows:
            cells: list[tuple[str, str]] = []
            for button in row:
                if isinstance(button, str):
                    cells.append((button, ""))
                else:
                    action = button.get("callback_data", button.get("url", ""))
                    cells.append((str(button.get("text", "")), str(action)))
            result.append(cells)
        return result

    def message(self, chat_id: int, message_id: int) -> JSON | None:
        """Current server-side state of a message (as Telegram would return it), or None if absent."""
        return self._messages.get(chat_id, {}).get(message_id)

    def commands(self, scope: Mapping[str, Any] | None = None, language_code: str = "") -> list[JSON]:
        return list(self._commands.get((self._scope_key(scope), language_code), []))

    @property
    def pending_updates(self) -> int:
        return len(self._queue)

    @property
    def open_callback_queries(self) -> set[str]:
        """Callback query ids handed to the bot and not yet answered."""
        return set(self._open_queries)

    def subscribe(self, listener: Callable[[SentMessage], None]) -> Callable[[], None]:
        """Call ``listener`` for each recorded send/edit; returns the function that unsubscribes it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def clear(self) -> None:
        """Forget the recordings (sent, answers, actions, deletions, call counts, fault telemetry); server
        state (chats, messages, faults, pending retry_after deadlines) stays."""
        self.sent.clear()
        self.callback_answers.clear()
        self.chat_actions.clear()
        self.deleted.clear()
        self.calls.clear()
        self.injected.clear()
        self.ok_by_token.clear()
        self.unanswered_deliveries.clear()
        self.flood_violations.clear()

    def counts(self, method: str = "sendMessage", *, per_chat: bool = True) -> JSON:
        """A compact summary for large runs: recorded ``method`` calls (per chat unless ``per_chat`` is
        False, which keeps frequent progress polls cheap) and the fault telemetry."""
        canonical = self._method_name(method)
        by_chat = Counter(message.chat_id for message in self.sent if message.method == canonical)
        return {
            "method": canonical,
            "total": sum(by_chat.values()),
            "chats": len(by_chat),
            "per_chat": dict(by_chat) if per_chat else None,
            "calls": dict(self.calls),
            "ok_by_token": {token: n for (token, name), n in self.ok_by_token.items() if name == canonical},
            "injected": dict(self.injected),
            "unanswered_deliveries": [list(delivery) for delivery in self.unanswered_deliveries],
            "flood_violations": [list(violation) for violation in self.flood_violations],
            "rules": [rule.summary() for rule in self._rules],
        }

    def _record(self, message: SentMessage) -> None:
        self.sent.append(message)
        for listener in list(self._listeners):
            listener(message)

    # ------------------------------------------------------------------ users, chats, updates

    def user(
        self,
        id: int,
        first_name: str | None = None,
        username: str | None = None,
        *,
        last_name: str | None = None,
        language_code: str | None = None,
    ) -> JSON:
        """Register (or update) a user and return its Bot API ``User`` dict."""
        user = self.users.get(id)
        if user is None:
            user = {"id": id, "is_bot": False, "first_name": first_name or f"User{id}", "language_code": "en"}
            self.users[id] = user
        elif first_name is not None:
            user["first_name"] = first_name
        optional = {"last_name": last_name, "username": username, "language_code": language_code}
        user.update({key: value for key, value in optional.items() if value is not None})
        return user

    def private_chat(self, user: int | Mapping[str, Any]) -> JSON:
        user_dict = self.user(user) if isinstance(user, int) else self.user(int(user["id"]))
        chat = self.chats.get(user_dict["id"])
        if chat is None:
            chat = {"id": user_dict["id"], "type": "private", "first_name": user_dict["first_name"]}
            if "username" in user_dict:
                chat["username"] = user_dict["username"]
            self.chats[chat["id"]] = chat
        return chat

    def group_chat(
        self,
        id: int,
        title: str = "Group",
        *,
        kind: Literal["group", "supergroup"] = "group",
        is_forum: bool = False,
    ) -> JSON:
        if id >= 0:
            raise ValueError("group chat ids are negative in the Bot API")
        chat: JSON = {"id": id, "type": kind, "title": title}
        if is_forum:
            chat["is_forum"] = True
        self.chats[id] = chat
        return chat

    def _chat_for_user(self, chat_id: int, user_id: int) -> JSON:
        chat = self.chats.get(chat_id)
        if chat is not None:
            return chat
        if chat_id == user_id:
            return self.private_chat(user_id)
        if chat_id < 0:
            return self.group_chat(chat_id, f"Group {chat_id}")
        raise ValueError(f"private chat {chat_id} can only receive messages from user {chat_id}")

    def _new_message_id(self, chat_id: int) -> int:
        message_id = self._next_message_id.get(chat_id, 1)
        self._next_message_id[chat_id] = message_id + 1
        return message_id

    def _now(self) -> int:
        return int(self.clock())

    def make_message(
        self,
        chat_id: int,
        user_id: int,
        text: str,
        *,
        reply_to_message_id: int | None = None,
        message_thread_id: int | None = None,
        enqueue: bool = False,
    ) -> JSON:
        """Build (and store, and with ``enqueue`` queue) an ``Update`` with a text message from a user.

        Entities are set as Telegram would: a ``bot_command`` for a leading ``/cmd`` or ``/cmd@bot`` and a
        ``mention`` for each ``@username``.
        """
        user = self.user(user_id)
        chat = self._chat_for_user(chat_id, user_id)
        message: JSON = {
            "message_id": self._new_message_id(chat_id),
            "from": user,
            "chat": chat,
            "date": self._now(),
            "text": text,
        }
        entities = self._text_entities(text)
        if entities:
            message["entities"] = entities
        if message_thread_id is not None:
            message["message_thread_id"] = message_thread_id
            message["is_topic_message"] = True
        if reply_to_message_id is not None:
            target = self.message(chat_id, reply_to_message_id)
            if target is None:
                raise LookupError(f"no message {reply_to_message_id} in chat {chat_id} to reply to")
            message["reply_to_message"] = self._as_reply(target)
        self._messages.setdefault(chat_id, {})[message["message_id"]] = message
        return self._update("message", message, enqueue)

    def make_callback(
        self, chat_id: int, user_id: int, message_id: int, data: str, *, enqueue: bool = False
    ) -> JSON:
        """Build an ``Update`` for a press on an inline button of a bot message.

        Like Telegram, the query carries the message's current state, or an inaccessible-message stub if
        it was deleted.
        """
        user = self.user(user_id)
        message = self.message(chat_id, message_id)
        if message is None:
            chat = self.chats.get(chat_id)
            if chat is None or message_id >= self._next_message_id.get(chat_id, 1):
                raise LookupError(f"no message {message_id} in chat {chat_id}")
            carried: JSON = {"chat": chat, "message_id": message_id, "date": 0}
        else:
            carried = dict(message)
        query_id = f"{next(self._query_ids)}{abs(user_id) % 100000:05d}"
        self._open_queries.add(query_id)
        query: JSON = {
            "id": query_id,
            "from": user,
            "message": carried,
            "chat_instance": str(abs(chat_id) * 7 + 13),
            "data": data,
        }
        return self._update("callback_query", query, enqueue)

    def press(
        self,
        chat_id: int,
        label: str,
        *,
        user_id: int | None = None,
        message_id: int | None = None,
        enqueue: bool = False,
    ) -> JSON:
        """Press the inline button captioned ``label`` on the newest bot message in the chat that has it."""
        if user_id is None:
            if chat_id < 0:
                raise ValueError("pressing a button in a group needs a user_id")
            user_id = chat_id
        candidates = self._messages.get(chat_id, {})
        ids = [message_id] if message_id is not None else sorted(candidates, reverse=True)
        seen: list[str] = []
        for candidate in ids:
            message = candidates.get(candidate)
            if message is None:
                continue
            for row in (message.get("reply_markup") or {}).get("inline_keyboard", []):
                for button in row:
                    seen.append(button["text"])
                    if button["text"] == label and "callback_data" in button:
                        return self.make_callback(
                            chat_id, user_id, candidate, button["callback_data"], enqueue=enqueue
                        )
        raise LookupError(f"no button {label!r} in chat {chat_id}; buttons seen: {seen}")

    def push(self, update: JSON) -> JSON:
        """Queue an update for getUpdates, giving it a fresh update_id if its own would break ordering."""
        update_id = update.get("update_id")
        if not isinstance(update_id, int) or update_id <= self._last_queued_id:
            update = {**update, "update_id": next(self._update_ids)}
        self._last_queued_id = update["update_id"]
        self._queue.append(update)
        self.wake_pollers()
        return update

    def wake_pollers(self) -> None:
        """Let every long-polling getUpdates return now (with whatever is queued)."""
        for waiter in self._poll_waiters:
            if not waiter.done():
                waiter.set_result(None)

    def _update(self, kind: str, payload: JSON, enqueue: bool) -> JSON:
        update = {"update_id": next(self._update_ids), kind: payload}
        return self.push(update) if enqueue else update

    def _text_entities(self, text: str) -> list[JSON]:
        entities: list[JSON] = []
        command_end = 0
        command = _COMMAND_RE.match(text)
        if command:
            command_end = command.end()
            entities.append({"type": "bot_command", "offset": 0, "length": _utf16_len(command.group())})
        for mention in _MENTION_RE.finditer(text, command_end):
            entities.append(
                {
                    "type": "mention",
                    "offset": _utf16_len(text[: mention.start()]),
                    "length": _utf16_len(mention.group()),
                }
            )
        return entities

    @staticmethod
    def _as_reply(target: JSON) -> JSON:
        # Telegram does not nest replies inside reply_to_message.
        return {key: value for key, value in target.items() if key != "reply_to_message"}

    # ------------------------------------------------------------------ validation helpers

    def _chat(self, params: JSON) -> JSON:
        raw = params.get("chat_id")
        if raw is None or raw == "":
            raise _bad_request("chat_id is empty")
        chat_id = _chat_id_of(raw)
        chat = None if chat_id is None else self.chats.get(chat_id)
        if chat is None:
            if chat_id is None or not self.auto_create_chats:
                raise _bad_request("chat not found")
            chat = self.private_chat(chat_id) if chat_id > 0 else self.group_chat(chat_id, f"Group {chat_id}")
        return chat

    def _bot_message(self, params: JSON, missing: str) -> tuple[JSON, JSON]:
        if params.get("inline_message_id"):
            raise _bad_request("inline messages are not emulated by FakeBotApi")
        chat = self._chat(params)
        message_id = _chat_id_of(params.get("message_id"))
        if message_id is None:
            raise _bad_request("message identifier is not specified")
        message = self.message(chat["id"], message_id)
        if message is None:
            raise _bad_request(missing)
        return chat, message

    @staticmethod
    def _render(text: Any, parse_mode: Any, entities: Any) -> tuple[str, list[JSON]]:
        if not isinstance(text, str) or not text:
            raise _bad_request("message text is empty")
        mode = parse_mode.lower() if isinstance(parse_mode, str) and parse_mode else None
        if mode == "html":
            plain, parsed = render_html(text)
        elif mode in (None, "markdown", "markdownv2"):
            plain, parsed = text, list(entities) if isinstance(entities, list) else []
        else:
            raise _bad_request("unsupported parse_mode")
        if not plain.strip():
            raise _bad_request("message text is empty")
        if len(plain) > MAX_TEXT_LENGTH:
            raise _bad_request("message is too long")
        return plain, parsed

    @staticmethod
    def _check_markup(markup: Any) -> JSON | None:
        if markup is None:
            return None
        if isinstance(markup, str):
            try:
                markup = json.loads(markup)
            except ValueError:
                raise _bad_request("can't parse reply keyboard markup JSON object") from None
        if not isinstance(markup, dict):
            raise _bad_request("can't parse reply keyboard markup JSON object")
        # Its own copy, as if parsed from the wire: the bot shares one dict per keyboard layout.
        checked: JSON = copy.deepcopy(markup)
        if "inline_keyboard" not in checked:
            if not {"keyboard", "remove_keyboard", "force_reply"} & checked.keys():
                raise _bad_request("can't parse reply keyboard markup JSON object")
            return checked
        rows = checked["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise _bad_request("can't parse inline keyboard button: InlineKeyboardMarkup must be an Array")
        count = 0
        for row in rows:
            for button in row:
                count += 1
                if not isinstance(button, dict) or not isinstance(button.get("text"), str):
                    raise _bad_request("can't parse inline keyboard button: Text must be a String")
                if "callback_data" in button:
                    data = button["callback_data"]
                    if not isinstance(data, str) or not 1 <= len(data.encode()) <= MAX_CALLBACK_DATA_BYTES:
                        raise _bad_request("BUTTON_DATA_INVALID")
                elif "url" in button:
                    url = button["url"]
                    if not isinstance(url, str) or not re.match(r"(https?|tg)://\S+$", url):
                        raise _bad_request("BUTTON_URL_INVALID")
                elif not _OTHER_BUTTON_ACTIONS & button.keys():
                    raise _bad_request("text buttons are unallowed in the inline keyboard")
        if count > MAX_INLINE_BUTTONS:
            raise _bad_request("reply markup is too long")
        return checked

    @staticmethod
    def _scope_key(scope: Any) -> str:
        if isinstance(scope, str):
            scope = json.loads(scope)
        if not scope:
            scope = {"type": "default"}
        return json.dumps(scope, sort_keys=True)

    # ------------------------------------------------------------------ Bot API methods

    async def _true(self, params: JSON) -> bool:
        return True

    async def _get_me(self, params: JSON) -> JSON:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def _get_updates(self, params: JSON) -> list[JSON]:
        if self.webhook_url:
            raise _ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = _chat_id_of(params.get("offset")) or 0
        limit = _chat_id_of(params.get("limit")) or MAX_UPDATES_LIMIT
        limit = max(1, min(limit, MAX_UPDATES_LIMIT))
        timeout = params.get("timeout") or 0
        allowed = params.get("allowed_updates")
        if isinstance(allowed, list):
            # An empty list means "back to the default set", which for the emulator is everything.
            self.allowed_updates = allowed or None

        self._confirm(offset)
        if not self._queue and isinstance(timeout, int | float) and timeout > 0:
            waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            self._poll_waiters.add(waiter)
            try:
                await asyncio.wait_for(waiter, timeout)
            except TimeoutError:
                pass
            finally:
                self._poll_waiters.discard(waiter)

        result: list[JSON] = []
        for update in self._queue:
            if self.allowed_updates is None or any(kind in update for kind in self.allowed_updates):
                result.append(update)
                if len(result) == limit:
                    break
        return result

    def _confirm(self, offset: int) -> None:
        if offset < 0:
            # A negative offset keeps only the last -offset updates and forgets the rest.
            del self._queue[: max(0, len(self._queue) + offset)]
        elif offset > 0:
            self._queue = [update for update in self._queue if update["update_id"] >= offset]

    async def _set_my_commands(self, params: JSON) -> bool:
        commands = params.get("commands")
        if isinstance(commands, str):
            commands = json.loads(commands)
        if not isinstance(commands, list) or len(commands) > MAX_UPDATES_LIMIT:
            raise _bad_request("commands must be an array of at most 100 BotCommand")
        for command in commands:
            name = command.get("command") if isinstance(command, dict) else None
            description = command.get("description") if isinstance(command, dict) else None
            if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                raise _bad_request("BOT_COMMAND_INVALID")
            if not isinstance(description, str) or not 1 <= len(description.strip()) <= 256:
                raise _bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        key = (self._scope_key(params.get("scope")), str(params.get("language_code") or ""))
        self._commands[key] = [{"command": c["command"], "description": c["description"]} for c in commands]
        return True

    async def _get_my_commands(self, params: JSON) -> list[JSON]:
        return self.commands(params.get("scope"), str(params.get("language_code") or ""))

    async def _delete_my_commands(self, params: JSON) -> bool:
        key = (self._scope_key(params.get("scope")), str(params.get("language_code") or ""))
        self._commands.pop(key, None)
        return True

    async def _send_message(self, params: JSON) -> JSON:
        chat = self._chat(params)
        chat_id: int = chat["id"]
        plain, entities = self._render(params.get("text"), params.get("parse_mode"), params.get("entities"))
        markup = self._check_markup(params.get("reply_markup"))
        reply_target = self._reply_target(chat_id, params)

        message: JSON = {
            "message_id": self._new_message_id(chat_id),
            "from": self.bot_user,
            "chat": chat,
            "date": self._now(),
            "text": plain,
        }
        if entities:
            message["entities"] = entities
        thread_id = _chat_id_of(params.get("message_thread_id"))
        if thread_id is not None:
            message["message_thread_id"] = thread_id
            if chat.get("is_forum"):
                message["is_topic_message"] = True
        if reply_target is not None:
            message["reply_to_message"] = self._as_reply(reply_target)
        # Only inline keyboards are echoed back; reply keyboards live on the client.
        if markup is not None and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        self._messages.setdefault(chat_id, {})[message["message_id"]] = message
        text = params["text"]
        parse_mode = params.get("parse_mode")
        self._sources[(chat_id, message["message_id"])] = (text, parse_mode)
        self._record(
            SentMessage(
                "sendMessage",
                chat_id,
                message["message_id"],
                text,
                parse_mode,
                markup,
                params,
                plain,
                entities,
            )
        )
        return message

    def _reply_target(self, chat_id: int, params: JSON) -> JSON | None:
        reply = params.get("reply_parameters")
        if isinstance(reply, str):
            reply = json.loads(reply)
        if isinstance(reply, dict):
            target_id = _chat_id_of(reply.get("message_id"))
            target_chat = _chat_id_of(reply.get("chat_id")) or chat_id
            lenient = bool(reply.get("allow_sending_without_reply"))
        else:
            target_id = _chat_id_of(params.get("reply_to_message_id"))
            target_chat = chat_id
            lenient = bool(params.get("allow_sending_without_reply"))
        if target_id is None:
            return None
        target = self.message(target_chat, target_id)
        if target is None and not lenient:
            raise _bad_request("message to be replied not found")
        return target

    async def _edit_message_text(self, params: JSON) -> JSON:
        chat, message = self._bot_message(params, "message to edit not found")
        if message["from"]["id"] != self.bot_user["id"]:
            raise _bad_request("message can't be edited")
        if "text" not in message:
            raise _bad_request("there is no text in the message to edit")
        plain, entities = self._render(params.get("text"), params.get("parse_mode"), params.get("entities"))
        markup = self._check_markup(params.get("reply_markup"))
        # Leaving reply_markup out of an edit removes the inline keyboard, as on Telegram.
        inline = markup if markup is not None and "inline_keyboard" in markup else None
        if (
            plain == message["text"]
            and entities == message.get("entities", [])
            and inline == message.get("reply_markup")
        ):
            raise _bad_request(
                "message is not modified: specified new message content and reply markup are exactly the "
                "same as a content and reply markup of the current message"
            )
        self._apply_edit(message, plain, entities, inline)
        text = params["text"]
        parse_mode = params.get("parse_mode")
        self._sources[(chat["id"], message["message_id"])] = (text, parse_mode)
        self._record(
            SentMessage(
                "editMessageText",
                chat["id"],
                message["message_id"],
                text,
                parse_mode,
                markup,
                params,
                plain,
                entities,
            )
        )
        return message

    async def _edit_message_reply_markup(self, params: JSON) -> JSON:
        chat, message = self._bot_message(params, "message to edit not found")
        if message["from"]["id"] != self.bot_user["id"]:
            raise _bad_request("message can't be edited")
        markup = self._check_markup(params.get("reply_markup"))
        inline = markup if markup is not None and "inline_keyboard" in markup else None
        if inline == message.get("reply_markup"):
            raise _bad_request(
                "message is not modified: specified new message content and reply markup are exactly the "
                "same as a content and reply markup of the current message"
            )
        self._apply_edit(message, message.get("text"), message.get("entities", []), inline)
        text, parse_mode = self._sources.get((chat["id"], message["message_id"]), (message.get("text"), None))
        self._record(
            SentMessage(
                "editMessageReplyMarkup",
                chat["id"],
                message["message_id"],
                text,
                parse_mode,
                markup,
                params,
                message.get("text"),
                list(message.get("entities", [])),
            )
        )
        return message

    def _apply_edit(self, message: JSON, text: str | None, entities: list[JSON], inline: JSON | None) -> None:
        if text is not None:
            message["text"] = text
        if entities:
            message["entities"] = entities
        else:
            message.pop("entities", None)
        if inline is not None:
            message["reply_markup"] = inline
        else:
            message.pop("reply_markup", None)
        message["edit_date"] = self._now()

    async def _delete_message(self, params: JSON) -> bool:
        chat, message = self._bot_message(params, "message to delete not found")
        del self._messages[chat["id"]][message["message_id"]]
        self._sources.pop((chat["id"], message["message_id"]), None)
        self.deleted.append((chat["id"], message["message_id"]))
        return True

    async def _answer_callback_query(self, params: JSON) -> bool:
        query_id = str(params.get("callback_query_id") or "")
        if query_id not in self._open_queries:
            raise _bad_request("query is too old and response timeout expired or query ID is invalid")
        text = params.get("text")
        if isinstance(text, str) and len(text) > 200:
            raise _bad_request("MESSAGE_TOO_LONG")
        self._open_queries.discard(query_id)
        url = params.get("url")
        self.callback_answers.append(
            CallbackAnswer(
                query_id,
                text if isinstance(text, str) else None,
                bool(params.get("show_alert")),
                url if isinstance(url, str) else None,
                params,
            )
        )
        return True

    async def _send_chat_action(self, params: JSON) -> bool:
        chat = self._chat(params)
        action = params.get("action")
        if action not in _CHAT_ACTIONS:
            raise _bad_request("wrong parameter action in request")
        self.chat_actions.append((chat["id"], str(action)))
        return True

    async def _set_webhook(self, params: JSON) -> bool:
        url = params.get("url") or ""
        if not isinstance(url, str):
            raise _bad_request("bad webhook: Webhook URL must be a String")
        if url and not url.startswith("https://"):
            raise _bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        if params.get("drop_pending_updates"):
            self._queue.clear()
        self.webhook_url = url
        self._webhook = {}
        if url:
            self._webhook["max_connections"] = _chat_id_of(params.get("max_connections")) or 40
            allowed = params.get("allowed_updates")
            if isinstance(allowed, list) and allowed:
                self._webhook["allowed_updates"] = allowed
        # A set webhook wakes pending long polls, which then fail with 409 as on Telegram.
        self.wake_pollers()
        return True

    async def _delete_webhook(self, params: JSON) -> bool:
        if params.get("drop_pending_updates"):
            self._queue.clear()
        self.webhook_url = ""
        self._webhook = {}
        return True

    async def _get_webhook_info(self, params: JSON) -> JSON:
        return {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._queue),
            **self._webhook,
        }

    async def _get_chat(self, params: JSON) -> JSON:
        chat = self._chat(params)
        return {
            **chat,
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": True,
                "limited_gifts": True,
                "unique_gifts": True,
                "premium_subscription": True,
                "gifts_from_channels": True,
            },
        }


class FakeRequest(BaseRequest):
    """PTB transport that hands requests straight to a :class:`FakeBotApi` instead of the network."""

    __slots__ = ("api",)

    def __init__(self, api: FakeBotApi) -> None:
        self.api = api

    @property
    def read_timeout(self) -> float | None:
        return None

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        base, _, api_method = url.rpartition("/")
        segment = base.rpartition("/")[2]
        token = segment[3:] if segment.startswith("bot") else None
        # The un-encoded parameters keep their types exactly; the JSON-encoded form leaves strings raw,
        # so decoding it would turn a text like "123" into a number.
        params = request_data.parameters if request_data is not None else {}
        try:
            status, payload = await self.api.call(api_method, params, token=token)
        except StalledRequest:
            raise TimedOut(f"Timed out (FakeBotApi stalled {api_method})") from None
        except DroppedConnection:
            raise NetworkError(f"Connection dropped (FakeBotApi dropped {api_method})") from None
        return status, json.dumps(payload).encode()


async def drive(app: Application[Any, Any, Any, Any, Any, Any], update: Mapping[str, Any]) -> None:
    """Feed one update dict (e.g. from :meth:`FakeBotApi.make_message`) through the application."""
    parsed = Update.de_json(dict(update), app.bot)
    await app.process_update(parsed)
