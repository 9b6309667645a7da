"""The double's server state: the bot, users, chats, messages, the update queue, commands and webhook,
and what the bot did (recordings). The builders a test or the console uses to play a user are in
``fakeapi.users``."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from fakeapi.checks import scope_key
from fakeapi.errors import bad_request

if TYPE_CHECKING:
    from fakeapi.faults import Fault, FaultRule
    from fakeapi.files import SentFile

JSON = dict[str, Any]

# The Bot API methods the double answers, by their canonical names (fakeapi.methods implements them).
METHODS = (
    "getMe",
    "getUpdates",
    "setMyCommands",
    "getMyCommands",
    "deleteMyCommands",
    "sendMessage",
    "editMessageText",
    "editMessageReplyMarkup",
    "deleteMessage",
    "answerCallbackQuery",
    "sendChatAction",
    "setWebhook",
    "deleteWebhook",
    "getWebhookInfo",
    "getChat",
    "getChatMember",
    "close",
    "logOut",
    # fakeapi.files
    "sendPhoto",
    "sendDocument",
    "getChatMember",
    "getChatAdministrators",
)
# Telegram matches method names case-insensitively.
CANONICAL = {name.lower(): name for name in METHODS}


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


def chat_id_of(value: Any) -> int | None:
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


def markup_of(message: SentMessage | Mapping[str, Any]) -> JSON | None:
    if isinstance(message, SentMessage):
        return message.reply_markup
    markup = message.get("reply_markup")
    return markup if isinstance(markup, dict) else None


class ApiState:
    """State of a Telegram Bot API server for one bot, and what a test or the console reads back from it.

    Unknown chats are refused with "chat not found" like Telegram does unless ``auto_create_chats`` is set;
    the update builders (``fakeapi.users``) register the chats and users they mention. The methods, faults
    and builders are mixins on this state, put together in ``fakeapi.api.FakeBotApi``.
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

        self._faults: list[Fault] = []
        self._rules: list[FaultRule] = []
        self._rule_ids = itertools.count(1)
        self.blocked: set[int] = set()
        # (chat_id, user_id) -> "creator" or "administrator"; everyone else in a group is a "member".
        self.member_status: dict[tuple[int, int], str] = {}
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
        # Photos and documents sent (fakeapi.files.SentFile), and each group's administrators (user ids).
        self.files: list[SentFile] = []
        self._listeners: list[Callable[[SentMessage], None]] = []

    def _method_name(self, method: str | None) -> str | None:
        return None if method is None else CANONICAL.get(method.lower(), method)

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
        markup = markup_of(message)
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
        return list(self._commands.get((scope_key(scope), language_code), []))

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

    def _new_message_id(self, chat_id: int) -> int:
        message_id = self._next_message_id.get(chat_id, 1)
        self._next_message_id[chat_id] = message_id + 1
        return message_id

    def _now(self) -> int:
        return int(self.clock())

    def wake_pollers(self) -> None:
        """Let every long-polling getUpdates return now (with whatever is queued)."""
        for waiter in self._poll_waiters:
            if not waiter.done():
                waiter.set_result(None)

    @staticmethod
    def _as_reply(target: JSON) -> JSON:
        # Telegram does not nest replies inside reply_to_message.
        return {key: value for key, value in target.items() if key != "reply_to_message"}

    def _chat(self, params: JSON) -> JSON:
        raw = params.get("chat_id")
        if raw is None or raw == "":
            raise bad_request("chat_id is empty")
        chat_id = chat_id_of(raw)
        chat = None if chat_id is None else self.chats.get(chat_id)
        if chat is None:
            if chat_id is None or not self.auto_create_chats:
                raise bad_request("chat not found")
            chat = self.private_chat(chat_id) if chat_id > 0 else self.group_chat(chat_id, f"Group {chat_id}")
        return chat

    def _bot_message(self, params: JSON, missing: str) -> tuple[JSON, JSON]:
        if params.get("inline_message_id"):
            raise bad_request("inline messages are not emulated by FakeBotApi")
        chat = self._chat(params)
        message_id = chat_id_of(params.get("message_id"))
        if message_id is None:
            raise bad_request("message identifier is not specified")
        message = self.message(chat["id"], message_id)
        if message is None:
            raise bad_request(missing)
        return chat, message
