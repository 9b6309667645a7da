"""What a home trainee owns: tick boxes and a Confirm button, in onboarding, /settings and /workout.

The buttons are answered by ``onboarding.kit_button``, which owns the set-up flow.

The ticked state travels in the buttons' own callback data (a bit per kit item), so the question
needs no stored draft and works whichever replica gets the next tap. Only Confirm writes the chat.
"""

from __future__ import annotations

from bot import callbacks
from bot.coach.catalog import Catalog
from bot.coach.kitpair import in_chat_unit, pair_told
from bot.coach.model import Equipment
from bot.coach.progress_text import format_load
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers.common import equipment_label
from bot.keyboards import Buttons
from storage.models import Chat

FEATURE = "kit"
# Where the question was asked, so Confirm knows what comes next.
ONBOARDING, SETTINGS, WORKOUT = "o", "s", "w"
ORIGINS = (ONBOARDING, SETTINGS, WORKOUT)
SHOW_WORKOUT = callbacks.pack("wk")
# The kit item whose size a trainee may tell with it (``keep_pair``).
DUMBBELLS = "dumbbells"


def owned(catalog: Catalog, kit: str | None) -> list[str]:
    """The chat's home kit in button order; an unknown name (content since edited) is dropped."""
    names = set((kit or "").split(","))
    return [name for name in catalog.kit.home if name in names]


def to_mask(catalog: Catalog, names: list[str]) -> int:
    return sum(1 << index for index, name in enumerate(catalog.kit.home) if name in names)


def from_mask(catalog: Catalog, mask: int) -> list[str]:
    return [name for index, name in enumerate(catalog.kit.home) if mask >> index & 1]


def describe(context: BotContext, kit: list[str], pair: float | None = None, unit: str = "kg") -> str:
    """The kit's labels, the dumbbells with the size of their ``pair`` where one was told ("dumbbells, a
    pair of 6 kg")."""
    labels, texts = context.services.catalog.kit.labels, context.services.texts
    said = [
        texts.get("kit.pair_label", label=labels[name], load=format_load(pair, unit))
        if name == DUMBBELLS and pair is not None
        else labels[name]
        for name in kit
    ]
    return ", ".join(said) or texts["kit.nothing_label"]


def described(context: BotContext, chat: Chat) -> str:
    """The chat's home kit as ``describe`` says it, with the pair told at set-up in the chat's unit."""
    return describe(context, owned(context.services.catalog, chat.kit), told_pair(chat), chat.unit)


def place_label(context: BotContext, equipment: str | None, kit: str | None, chat: Chat | None = None) -> str:
    """ "Home (pull-up bar, resistance bands)", or just the place for a gym; with ``chat``, the size of its
    pair of dumbbells too."""
    label = equipment_label(context, equipment)
    if equipment != Equipment.HOME or kit is None:
        return label
    pair, unit = (told_pair(chat), chat.unit) if chat is not None else (None, "kg")
    return f"{label} ({escape(describe(context, owned(context.services.catalog, kit), pair, unit))})"


def told_pair(chat: Chat) -> float | None:
    """The pair of dumbbells told with the kit, in the chat's unit now; None with no dumbbells owned."""
    if DUMBBELLS not in (chat.kit or "").split(","):
        return None
    return in_chat_unit(chat.home_pair, chat.home_pair_unit, chat.unit)


def keep_pair(chat: Chat, text: str | None) -> None:
    """The size of the pair of dumbbells ``text`` tells, kept with the kit (``kitpair``); a kit without
    dumbbells keeps none, and a kit told again without a size keeps the one told before."""
    if DUMBBELLS not in (chat.kit or "").split(","):
        chat.home_pair = chat.home_pair_unit = None
        return
    told = pair_told(text) if text else None
    if told is not None:
        chat.home_pair, chat.home_pair_unit = told[0], told[1] or chat.unit


def keyboard(context: BotContext, mask: int, origin: str) -> Buttons:
    catalog, texts = context.services.catalog, context.services.texts
    rows: list[list[tuple[str, str]]] = []
    for index, name in enumerate(catalog.kit.home):
        ticked = mask >> index & 1
        label = catalog.kit.labels[name]
        box = "☑️" if ticked else "⬜️"
        rows.append(
            [
                (
                    f"{box} {label[:1].upper()}{label[1:]}",
                    callbacks.pack(FEATURE, "t", str(mask ^ 1 << index), origin),
                )
            ]
        )
    nothing = ("☑️ " if mask == 0 else "⬜️ ") + texts["kit.nothing_button"]
    rows.append([(nothing, callbacks.pack(FEATURE, "t", "0", origin))])
    rows.append([(texts["kit.confirm_button"], callbacks.pack(FEATURE, "ok", str(mask), origin))])
    return rows


def prompt(context: BotContext, kit: str | None, origin: str) -> tuple[str, Buttons]:
    mask = to_mask(context.services.catalog, owned(context.services.catalog, kit))
    return context.services.texts["kit.ask"], keyboard(context, mask, origin)


def parse(context: BotContext, data: object) -> tuple[str, int, str] | None:
    args = callbacks.unpack(data, FEATURE, 3)
    if args is None:
        return None
    action, mask_text, origin = args
    limit = 1 << len(context.services.catalog.kit.home)
    if (
        action not in ("t", "ok")
        or origin not in ORIGINS
        or not mask_text.isascii()
        or not mask_text.isdigit()
    ):
        return None
    mask = int(mask_text)
    return (action, mask, origin) if mask < limit else None
