"""In-process emulator of the Telegram Bot API.

The offline console uses it as the bot's transport and the test-suite uses it as the Bot API test double.
It keeps just enough server state (chats, messages, the update queue, commands, webhook info) to answer
the methods Back Coach calls with JSON that PTB parses exactly as it parses Telegram's, and it reproduces
the Telegram errors the bot has to survive (blocked users, flood limits, chat migration, malformed
markup, timeouts). ``fakeapi.state`` holds the state, ``fakeapi.methods`` the methods (messages in
``fakeapi.messages``, files in ``fakeapi.files``), ``fakeapi.checks`` what Telegram checks in a message,
``fakeapi.faults`` the injected faults, ``fakeapi.users`` what a user does, ``fakeapi.transport`` PTB's
side and ``fakeapi.server`` the HTTP side.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Final

from fakeapi.errors import ApiError, DroppedConnection, StalledRequest
from fakeapi.faults import FaultInjection
from fakeapi.methods import BotApiMethods
from fakeapi.state import CANONICAL, chat_id_of
from fakeapi.users import UserActions

JSON = dict[str, Any]

log = logging.getLogger(__name__)

# Methods that write into a chat: these are the ones Telegram refuses once the user blocked the bot.
CHAT_WRITE_METHODS: Final = frozenset(
    {
        "sendMessage",
        "editMessageText",
        "editMessageReplyMarkup",
        "deleteMessage",
        "sendChatAction",
        "sendPhoto",
        "sendDocument",
    }
)


class FakeBotApi(BotApiMethods, FaultInjection, UserActions):
    """State and behaviour of a Telegram Bot API server for one bot.

    Bot API methods are reached through :meth:`call` (which both transports use); everything else here is
    the test/console side: building user updates, inspecting what the bot sent, injecting faults.

    Unknown chats are refused with "chat not found" like Telegram does unless ``auto_create_chats`` is set;
    the update builders register the chats and users they mention.
    """

    async def call(
        self, method: str, params: Mapping[str, Any], *, token: str | None = None
    ) -> tuple[int, JSON]:
        """Answer one Bot API request with ``(http_status, response_json)``.

        Raises :class:`StalledRequest` when a stall was injected for this call.
        """
        canonical = CANONICAL.get(method.lower(), method)
        self.calls[canonical] += 1
        if self.token is not None and token is not None and token != self.token:
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        handler = self.handler(canonical)
        if handler is None:
            log.warning("FakeBotApi does not emulate Bot API method %r", method)
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        request = dict(params)
        chat_id = chat_id_of(request.get("chat_id"))
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
        if chat_id is not None and chat_id in self.blocked and canonical in CHAT_WRITE_METHODS:
            return 403, ApiError(403, "Forbidden: bot was blocked by the user").payload()

        try:
            result = await handler(request)
        except ApiError as error:
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
        if chat_id is not None and chat_id in self.blocked and method in CHAT_WRITE_METHODS:
            # Telegram acts on nothing in a chat that blocked the bot, answered or not.
            return
        # The server acted but the answer never arrives: the ambiguous case retries must survive.
        with contextlib.suppress(ApiError):
            await handler(request)
            self.unanswered_deliveries.append((method, chat_id))
