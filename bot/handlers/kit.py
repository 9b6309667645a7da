"""What a home trainee owns: tick boxes and a Confirm button, in onboarding, /settings and /workout.

The buttons are answered by ``onboarding.kit_button``, which owns the set-up flow.

The ticked state travels in the buttons' own callback data (a bit per kit item), so the question
needs no stored draft and works whichever replica gets the next tap. Only Confirm writes the chat.
"""

from __future__ import annotations

from bot import callbacks
from bot.coach.catalog import Catalog
from bot.coach.model import Equipment
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers.common import equipment_label
from bot.keyboards import Buttons

FEATURE = "kit"
# Where the question was asked, so Confirm knows what comes next.
ONBOARDING, SETTINGS, WORKOUT = "o", "s", "w"
ORIGINS = (ONBOARDING, SETTINGS, WORKOUT)
SHOW_WORKOUT = callbacks.pack("wk")


def owned(catalog: Catalog, kit: str | None) -> list[str]:
    """The chat's home kit in button order; an unknown name (content since edited) is dropped."""
    names = set((kit or "").split(","))
    return [name for name in catalog.kit.home if name in names]


def to_mask(catalog: Catalog, names: list[str]) -> int:
    return sum(1 << index for index, name in enumerate(catalog.kit.home) if name in names)


def from_mask(catalog: Catalog, mask: int) -> list[str]:
    return [name for index, name in enumerate(catalog.kit.home) if mask >> index & 1]


def describe(context: BotContext, kit: list[str]) -> str:
    labels = context.services.catalog.kit.labels
    return ", ".join(labels[name] for name in kit) or context.services.texts["kit.nothing_label"]


def place_label(context: BotContext, equipment: str | None, kit: str | None) -> str:
    """ "Home (pull-up bar, resistance bands)", or just the place for a gym."""
    label = equipment_label(context, equipment)
    if equipment != Equipment.HOME or kit is None:
        return label
    return f"{label} ({escape(describe(context, owned(context.services.catalog, kit)))})"


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
