"""Inline keyboards as the Bot API takes them: rows of (label, callback data) from the pure builders."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

Buttons = Sequence[Sequence[tuple[str, str]]]
# The JSON object Telegram takes as ``reply_markup``.
Markup = dict[str, Any]


def markup(rows: Buttons | None) -> Markup | None:
    """Rows of (label, callback data) as the Bot API's ``reply_markup``; None for no keyboard."""
    return _markup(tuple(tuple(row) for row in rows)) if rows else None


@lru_cache(maxsize=1024)
def _markup(rows: tuple[tuple[tuple[str, str], ...], ...]) -> Markup:
    # Nearly every message carries one of a few keyboards, so each is built and serialized once
    # (PTB's to_dict walk per request was a twentieth of an update). Shared: callers only encode it.
    keyboard = [[InlineKeyboardButton(text, callback_data=data) for text, data in row] for row in rows]
    return InlineKeyboardMarkup(keyboard).to_dict()
