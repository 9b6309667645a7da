"""Delivering the dispatcher's reminders through the Bot API, and telling it what went wrong.

The scheduler knows nothing of Telegram (``scheduler.sending``): this turns a rendered reminder into a
``sendMessage`` with its inline keyboard, and PTB's errors into the failures the dispatcher records.
"""

from __future__ import annotations

import logging
import warnings
from datetime import timedelta
from typing import Any

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, RetryAfter, TelegramError
from telegram.warnings import PTBDeprecationWarning, PTBUserWarning

from bot.keyboards import markup
from scheduler.messages import Rendered
from scheduler.sending import Gone, Moved, Rejected, RetryLater, Transient

log = logging.getLogger(__name__)

# ``Bot.send_message`` would build a keyboard object and parse every answer into a ``Message`` to read one
# id, a third of what a send costs; ``do_api_request`` is the same call with the same error mapping
# (RetryAfter, Forbidden, BadRequest, ChatMigrated, TimedOut…) minus both. It warns that send_message
# exists; skipping it is the point.
warnings.filterwarnings("ignore", r"Please use 'Bot\.sendMessage'", category=PTBUserWarning)


class TelegramSender:
    """``scheduler.sending.Send`` over a PTB ``Bot`` (the dispatcher's own, without a rate limiter)."""

    def __init__(self, bot: Bot, *, paid_broadcast: bool = False) -> None:
        self.bot = bot
        self.paid_broadcast = paid_broadcast

    async def __call__(self, chat_id: int, message: Rendered) -> int | None:
        values: dict[str, Any] = {"chat_id": chat_id, "text": message.text, "parse_mode": ParseMode.HTML}
        if (keyboard := markup(message.buttons)) is not None:
            values["reply_markup"] = keyboard
        if self.paid_broadcast:
            values["allow_paid_broadcast"] = True
        try:
            result = await self.bot.do_api_request("sendMessage", api_kwargs=values)
        except RetryAfter as error:
            raise RetryLater(str(error), _retry_after(error)) from error
        except ChatMigrated as error:
            raise Moved(str(error), error.new_chat_id) from error
        except Forbidden as error:
            raise Gone(str(error)) from error
        except BadRequest as error:
            if "chat not found" in error.message.lower():
                raise Gone(str(error)) from error
            raise Rejected(str(error)) from error
        except TelegramError as error:
            # Timeouts, 5xx and other network trouble are transient.
            raise Transient(repr(error)) from error
        message_id = result.get("message_id") if isinstance(result, dict) else None
        if not isinstance(message_id, int):
            # Telegram said ok: the message is out, and sending it again would duplicate it.
            log.warning("sendMessage to %s answered without a message id: %r", chat_id, result)
            return None
        return message_id


def _retry_after(error: RetryAfter) -> timedelta:
    # PTB 22 warns that the attribute will become a timedelta; accept both without the noise.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        wait = error.retry_after
    return wait if isinstance(wait, timedelta) else timedelta(seconds=wait)
