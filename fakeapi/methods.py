"""The Bot API methods the double answers, each as Telegram would for the state in ``fakeapi.state``: the
method table, and here the bot, updates, commands, webhook, chats and chat members (messages are in
``fakeapi.messages``, photos and documents in ``fakeapi.files``)."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Awaitable, Callable
from functools import cached_property
from typing import Any, Final

from fakeapi.checks import scope_key
from fakeapi.errors import ApiError, bad_request
from fakeapi.files import FileMethods
from fakeapi.messages import MessageMethods
from fakeapi.state import METHODS, chat_id_of

JSON = dict[str, Any]

MAX_UPDATES_LIMIT: Final = 100


ADMIN_RIGHTS: Final = (
    "can_manage_chat",
    "can_delete_messages",
    "can_manage_video_chats",
    "can_restrict_members",
    "can_promote_members",
    "can_change_info",
    "can_invite_users",
    "can_post_stories",
    "can_edit_stories",
    "can_delete_stories",
)


class BotApiMethods(MessageMethods, FileMethods):
    """``handler(method)`` is the coroutine function answering that Bot API method."""

    def handler(self, method: str) -> Callable[[JSON], Awaitable[Any]] | None:
        return self._handlers.get(method)

    @cached_property
    def _handlers(self) -> dict[str, Callable[[JSON], Awaitable[Any]]]:
        handlers: dict[str, Callable[[JSON], Awaitable[Any]]] = {
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
            "sendPhoto": self._send_photo,
            "sendDocument": self._send_document,
            "getChatMember": self._get_chat_member,
            "getChatAdministrators": self._get_chat_administrators,
        }
        # A new method needs both: its name in fakeapi.state.METHODS and its coroutine here.
        assert handlers.keys() == set(METHODS)
        return handlers

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
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = chat_id_of(params.get("offset")) or 0
        limit = chat_id_of(params.get("limit")) or MAX_UPDATES_LIMIT
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
            raise bad_request("commands must be an array of at most 100 BotCommand")
        for command in commands:
            name = command.get("command") if isinstance(command, dict) else None
            description = command.get("description") if isinstance(command, dict) else None
            if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                raise bad_request("BOT_COMMAND_INVALID")
            if not isinstance(description, str) or not 1 <= len(description.strip()) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        key = (scope_key(params.get("scope")), str(params.get("language_code") or ""))
        self._commands[key] = [{"command": c["command"], "description": c["description"]} for c in commands]
        return True

    async def _get_my_commands(self, params: JSON) -> list[JSON]:
        return self.commands(params.get("scope"), str(params.get("language_code") or ""))

    async def _delete_my_commands(self, params: JSON) -> bool:
        key = (scope_key(params.get("scope")), str(params.get("language_code") or ""))
        self._commands.pop(key, None)
        return True

    async def _set_webhook(self, params: JSON) -> bool:
        url = params.get("url") or ""
        if not isinstance(url, str):
            raise bad_request("bad webhook: Webhook URL must be a String")
        if url and not url.startswith("https://"):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        if params.get("drop_pending_updates"):
            self._queue.clear()
        self.webhook_url = url
        self._webhook = {}
        if url:
            self._webhook["max_connections"] = chat_id_of(params.get("max_connections")) or 40
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

    async def _get_chat_member(self, params: JSON) -> JSON:
        chat = self._chat(params)
        user_id = chat_id_of(params.get("user_id"))
        if user_id is None or user_id not in self.users:
            raise bad_request("PARTICIPANT_ID_INVALID")
        user = self.users[user_id]
        if chat["type"] == "private":
            if user_id != chat["id"]:
                raise bad_request("user not found")
            status = "member"
        else:
            status = self.member_status.get((chat["id"], user_id), "member")
        if status == "creator":
            return {"status": "creator", "user": user, "is_anonymous": False}
        if status == "administrator":
            rights = dict.fromkeys(ADMIN_RIGHTS, True)
            return {
                "status": "administrator",
                "user": user,
                "can_be_edited": False,
                "is_anonymous": False,
            } | rights
        return {"status": "member", "user": user}

    async def _get_chat_administrators(self, params: JSON) -> list[JSON]:
        chat = self._chat(params)
        if chat["type"] == "private":
            raise bad_request("there are no administrators in the private chat")
        admins = sorted(user for (chat_id, user), _ in self.member_status.items() if chat_id == chat["id"])
        return [await self._get_chat_member({"chat_id": chat["id"], "user_id": user}) for user in admins]

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
