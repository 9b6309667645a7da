"""What the dispatcher needs from whoever delivers a message, in its own terms.

The dispatcher never sees Telegram: the bot side (``bot.reminder_sender``) posts the message, builds
its keyboard from the pure ``Buttons``, and turns the Bot API's errors into these, each of which the
dispatcher knows how to record.
"""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import timedelta
from typing import Protocol

from scheduler.messages import Rendered


class Send(Protocol):
    def __call__(self, chat_id: int, message: Rendered) -> Awaitable[int | None]:
        """Deliver ``message``; the new message's id (None when Telegram said ok without one)."""
        ...


class SendFailed(Exception):
    """The message did not go out (or, for ``Transient``, may not have)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class RetryLater(SendFailed):
    """Flood control: Telegram asked for ``after`` before the next try. Not the message's fault."""

    def __init__(self, reason: str, after: timedelta) -> None:
        super().__init__(reason)
        self.after = after


class Moved(SendFailed):
    """The group became a supergroup with a new id; the reminder belongs there now."""

    def __init__(self, reason: str, new_chat_id: int) -> None:
        super().__init__(reason)
        self.new_chat_id = new_chat_id


class Gone(SendFailed):
    """The chat blocked the bot, removed it, or no longer exists: stop writing to it."""


class Rejected(SendFailed):
    """The request itself is wrong (markup, length…); sending it again cannot help."""


class Transient(SendFailed):
    """A timeout, a 5xx, a dropped connection: worth trying again after a backoff."""
