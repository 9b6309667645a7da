"""The ▶ /log button under sets told in words whose /log is too long for a button to carry: a whole session
told in one message ("deadlift 60kg 3x8, lat pulldown 40kg 8,8,7, seated row 35kg 3x10").

Telegram gives a button 64 bytes of data, and a line of three lifts' parts is longer: a newcomer trial was
told to send the /log itself. The offer shows the line as the /log it runs, and its button carries only a
fingerprint of it: pressed, the line is read back from the offer's own message (the /log in its code) and
run as /log, as the button under a short line runs it. A message whose /log no longer matches the
fingerprint (edited, or no such line in it) logs nothing.
"""

from __future__ import annotations

import zlib

from telegram import Message, MessageEntity, Update

from bot import callbacks
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers.common import Turn
from bot.handlers.log_command import log_command

TOLD = "tl"
# How the offer writes the line it runs, in its code.
_COMMAND = "/log "


def fingerprint(line: str) -> str:
    """What the button carries of ``line``: its CRC-32, eight hex digits (a button is no place for a secret,
    only for telling one line from another)."""
    return f"{zlib.crc32(line.encode()):08x}"


def offer(context: BotContext, now_turn: Turn, line: str, day: str | None = None) -> None:
    """Offer to log ``line`` (with the past ``day`` it is for, as the offer names it) with a ▶ button."""
    texts = context.services.texts
    if day is None:
        text = texts.get("faq.log_told_long", line=escape(line))
    else:
        text = texts.get("faq.log_told_long_day", line=escape(line), day=day)
    label = texts.get("faq.run_command", command=f"log {line}")
    now_turn.say(text, [[(label, callbacks.pack(TOLD, fingerprint(line)))]])


def _line_in(message: Message, carried: str) -> str | None:
    """The /log line of the offer ``message`` whose fingerprint is ``carried``, or None."""
    for code in message.parse_entities([MessageEntity.CODE]).values():
        line = code.removeprefix(_COMMAND)
        if code.startswith(_COMMAND) and fingerprint(line) == carried:
            return line
    return None


async def told_button(update: Update, context: BotContext) -> None:
    """▶ /log under a long line of sets told: that /log, run as if typed."""
    query = update.callback_query
    assert query is not None
    args = callbacks.unpack(query.data, TOLD, 1)
    message = query.message
    line = _line_in(message, args[0]) if args is not None and isinstance(message, Message) else None
    if line is None:
        await query.answer(context.services.texts["errors.stale_button"])
        return
    await query.answer()
    context.args = line.split()
    await log_command(update, context)
