"""Done answered by typing: "done" alone is /done (``says_done``); Done's ✅ As written is "as written", "as
written please", "yes as written", "all as planned", while Done's As written / Adjust offer is the last thing
the bot asked in a private chat.

A newcomer trial typed "as written" under Done's offer and got the question answerer's decline. The offer
is remembered in ``Chat.awaiting`` (``offered``) only while it is the last thing asked: any later reply of
the bot forgets it (``bot.handlers.common.turn``), so the same words typed elsewhere are read as usual.
Pure: no Telegram, no database.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

# What ``Chat.awaiting`` holds while Done's offer waits: "W", the day it was offered on (the chat's today),
# and how many days before that the session it logs is (a /done yesterday's offer: 1).
OFFERED = "W"
# A session up to this many days back is offered (``sessionlog.MAX_DAYS_BACK``'s two, and room to spare).
_MOST_BACK = 9

# "As written" said with what a trainee puts around it: a yes before, the rest or all of it, "please" after.
_YES = r"(?:(?:yes|yeah|yep|yup|ok|okay|sure|correct|right)\b[,.!]?\s*)"
_ALL = (
    r"(?:(?:i\s+)?(?:did\s+)?(?:it\s+|them\s+)?(?:all|everything|the\s+rest|rest|it|them)\s+"
    r"(?:went\s+|was\s+|were\s+)?)"
)
_AS = r"(?:(?:just|exactly|all)\s+)?as\s+(?:written|planned|prescribed|shown|listed)"
_AFTER = r"(?:[,.!]?\s*(?:please|pls|plz|thanks|thank\s+you|thx|ty|thanks\s+coach))?"
_SAYS = re.compile(rf"(?:✅\s*)?{_YES}?{_ALL}?{_AS}{_AFTER}[\s.!👍✅💪]*")


def says_as_written(text: str) -> bool:
    """Whether a message says nothing but "as written" ("As written please", "yes as written", "all as
    planned", "✅ As written"): a question or anything more is not."""
    plain = " ".join(unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'").split())
    return _SAYS.fullmatch(plain) is not None


# "done" typed alone, as the reminder's ✅ Done says it: the session done today. The small talk the answerer
# also reads in it ("That's the spirit!") logged nothing, and a trial's /streak then showed no session.
_DONE_SAID = re.compile(
    r"\s*(?:"
    r"(?:(?:all|just|i'?m|im|i\s+am)\s+)?(?:done|finished)"
    r"(?:\s+(?:for\s+today|today|now|with\s+(?:my|the|today'?s)\s+(?:workout|session|training)))?"
    r"|(?:workout|session|training|back\s+day)\s+(?:is\s+)?(?:done|finished|complete)"
    r"|(?:just\s+)?finished\s+(?:my|the|today'?s)\s+(?:workout|session|training)"
    r")[^\w?]*",
    re.IGNORECASE,
)


def says_done(text: str) -> bool:
    """Whether ``text`` says the session is done and nothing more ("done", "all done ✅", "workout done!",
    "finished my workout"): the same as /done. Not asked ("done?")."""
    return _DONE_SAID.fullmatch(text) is not None


def offered(day: date, today: date) -> str:
    """``Chat.awaiting`` for Done's offer for ``day``, made on ``today``."""
    return f"{OFFERED}{today:%Y%m%d}{min(max((today - day).days, 0), _MOST_BACK)}"


def offered_day(value: str | None, today: date) -> date | None:
    """The day of the session Done's offer kept in ``value`` logs, when it was made ``today``; None when the
    chat waits for no such answer, or the offer was made on another day (a reminder since asked anew)."""
    if value is None or not is_offer(value) or len(value) != 10 or not value[1:].isdigit():
        return None
    try:
        made = date(int(value[1:5]), int(value[5:7]), int(value[7:9]))
    except ValueError:
        return None
    return made - timedelta(days=int(value[9])) if made == today else None


def is_offer(value: str | None) -> bool:
    """Whether ``Chat.awaiting`` holds Done's offer."""
    return value is not None and value.startswith(OFFERED)
