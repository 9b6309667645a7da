"""What reminders, rest-day nudges and the /reminders menu say, and which buttons they carry.

Pure: the texts come from ``bot/content/reminders.toml`` (``bot.coach.texts.ReminderTexts``) and
everything else is passed in, so the scheduler and the handlers render the same words and both are
tested without Telegram or a database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time

from bot import callbacks

# ReminderTexts is re-exported: the dispatcher and the handlers reach the catalog as messages.ReminderTexts.
from bot.coach.texts import ReminderTexts as ReminderTexts
from bot.coach.texts import escape
from scheduler.slots import WEEKDAY_NAMES

Buttons = tuple[tuple[tuple[str, str], ...], ...]

MENU = callbacks.pack("rem", "menu")
PAUSE = callbacks.pack("rem", "pause")
RESUME = callbacks.pack("rem", "resume")
STOP = callbacks.pack("rem", "stop")
# Few enough to fit one row on a phone; anything else is one /schedule away.
PRESET_TIMES = (time(7, 0), time(12, 0), time(18, 0), time(20, 0))


def done_button(slot: date) -> str:
    # A reminder's buttons name its day, so a press after midnight acts on the day it was about.
    return callbacks.pack("done", callbacks.pack_day(slot))


def snooze_button(slot: date) -> str:
    return callbacks.pack("rem", "snooze", callbacks.pack_day(slot))


def skip_button(slot: date) -> str:
    return callbacks.pack("rem", "skip", callbacks.pack_day(slot))


def day_button(day: int) -> str:
    return callbacks.pack("rem", "day", str(day))


def time_button(at: time) -> str:
    return callbacks.pack("rem", "time", f"{at:%H%M}")


def nudges_button(on: bool) -> str:
    return callbacks.pack("rem", "nudges", "on" if on else "off")


@dataclass(frozen=True)
class Rendered:
    text: str
    buttons: Buttons = ()


def opener_index(chat_id: int, slot: date, count: int) -> int:
    """Which opener a reminder uses: stable for a slot (a resend reads the same), different next time."""
    return (slot.toordinal() + chat_id % 7919) % count


def workout_reminder(
    texts: ReminderTexts,
    *,
    chat_id: int,
    slot: date,
    preview: str | None,
    fatigue: bool,
    snoozed: bool = False,
) -> Rendered:
    """The workout-day reminder; ``preview`` is already-escaped HTML naming today's exercises."""
    if snoozed:
        opener = texts["reminder.snoozed_opener"]
    else:
        opener = texts.openers[opener_index(chat_id, slot, len(texts.openers))]
    parts = [opener, preview if preview is not None else texts["reminder.no_preview"]]
    if fatigue:
        parts.append(texts["reminder.fatigue"])
    first_row = [(texts["reminder.done_button"], done_button(slot))]
    if not snoozed:
        # One snooze a day: the snoozed copy offers only Done and Skip.
        first_row.append((texts["reminder.snooze_button"], snooze_button(slot)))
    first_row.append((texts["reminder.skip_button"], skip_button(slot)))
    return Rendered("\n\n".join(parts), (tuple(first_row),))


def rest_nudge(texts: ReminderTexts, tip: str) -> Rendered:
    """A rest-day nudge with one recovery tip (tips are plain text, so they are escaped here)."""
    return Rendered(f"{texts['nudge.rest']}\n\n{texts.get('nudge.tip', tip=escape(tip))}")


def missed_nudge(
    texts: ReminderTexts, slot: date, preview: str | None, *, minutes: int | None = None
) -> Rendered:
    """The day after a missed workout day: its Done logs the day it is sent (``slot``).

    ``minutes`` is how long the planned session takes, quoted rather than a fixed figure.
    """
    opening = texts.get("nudge.missed", minutes=minutes) if minutes else texts["nudge.missed_no_plan"]
    parts = [opening]
    if preview is not None:
        parts.append(preview)
    return Rendered("\n\n".join(parts), (((texts["nudge.missed_button"], done_button(slot)),),))


@dataclass(frozen=True)
class MenuState:
    days: frozenset[int]
    at: time
    timezone: str
    nudges: bool
    enabled: bool
    paused_until: date | None
    next_local: str | None
    # The first day of a pause still to come (``paused_until`` its last); None for none, or one running.
    paused_from: date | None = None


def _nudges_key(state: MenuState) -> str:
    if not state.nudges:
        return "menu.nudges_off"
    return "menu.nudges_on" if state.enabled else "menu.nudges_stopped"


def menu(texts: ReminderTexts, state: MenuState) -> Rendered:
    """The /reminders screen: current settings, and a button for every change it offers."""
    if not state.enabled:
        status = texts["menu.status_stopped"]
    elif state.paused_until is not None and state.paused_from is not None:
        first, until = f"{state.paused_from:%a %d %b}", f"{state.paused_until:%a %d %b}"
        if state.next_local is not None:
            status = texts.get("menu.status_coming", next=state.next_local, first=first, until=until)
        else:
            status = texts.get("menu.status_coming_idle", first=first, until=until)
    elif state.paused_until is not None:
        status = texts.get("menu.status_paused", until=f"{state.paused_until:%a %d %b}")
    elif state.next_local is not None:
        status = texts.get("menu.status_on", next=state.next_local)
    else:
        status = texts["menu.status_idle"]
    text = texts.get(
        "menu.text",
        days=", ".join(WEEKDAY_NAMES[d].capitalize() for d in sorted(state.days)) or "—",
        time=f"{state.at:%H:%M}",
        timezone=escape(state.timezone),
        nudges=texts[_nudges_key(state)],
        status=status,
    )
    day_cells = []
    for day, name in enumerate(WEEKDAY_NAMES):
        label = name.capitalize()
        day_cells.append(
            (texts.get("menu.day_on", day=label) if day in state.days else label, day_button(day))
        )
    time_cells = tuple(
        ((f"✓ {at:%H:%M}" if at == state.at else f"{at:%H:%M}"), time_button(at)) for at in PRESET_TIMES
    )
    nudge_label = texts["menu.nudges_button_on" if state.nudges else "menu.nudges_button_off"]
    control: list[tuple[str, str]] = []
    if state.enabled and state.paused_until is None:
        control.append((texts["menu.pause_button"], PAUSE))
    else:
        control.append((texts["menu.resume_button"], RESUME))
    if state.enabled:
        control.append((texts["menu.stop_button"], STOP))
    rows: Sequence[tuple[tuple[str, str], ...]] = (
        tuple(day_cells[:4]),
        tuple(day_cells[4:]),
        time_cells,
        ((nudge_label, nudges_button(not state.nudges)),),
        tuple(control),
    )
    return Rendered(text, tuple(rows))
