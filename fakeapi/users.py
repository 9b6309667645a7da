"""What a test or the console does as a user: send a message, press a button, make someone a group admin.

Each builder registers the users and chats it mentions in the server state (``fakeapi.state``) and returns
the ``Update`` Telegram would deliver; ``enqueue`` (or ``push``) queues it for getUpdates, and
``fakeapi.drive`` hands it straight to an application.
"""

from __future__ import annotations

from fakeapi.checks import text_entities
from fakeapi.state import JSON, ApiState


class UserActions(ApiState):
    """The user's side of the double."""

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
        entities = text_entities(text)
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

    def set_member(self, chat_id: int, user_id: int, status: str = "administrator") -> None:
        """Make a user the group's ``creator``, an ``administrator`` or (again) a plain ``member``."""
        if status not in ("creator", "administrator", "member"):
            raise ValueError(f"unsupported member status {status!r}")
        self.user(user_id)
        if status == "member":
            self.member_status.pop((chat_id, user_id), None)
        else:
            self.member_status[(chat_id, user_id)] = status

    def _chat_for_user(self, chat_id: int, user_id: int) -> JSON:
        chat = self.chats.get(chat_id)
        if chat is not None:
            return chat
        if chat_id == user_id:
            return self.private_chat(user_id)
        if chat_id < 0:
            return self.group_chat(chat_id, f"Group {chat_id}")
        raise ValueError(f"private chat {chat_id} can only receive messages from user {chat_id}")

    def _update(self, kind: str, payload: JSON, enqueue: bool) -> JSON:
        update = {"update_id": next(self._update_ids), kind: payload}
        return self.push(update) if enqueue else update
