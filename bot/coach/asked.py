"""The setting a message asks for, so a command pointer's button can run the command with it: "show my weights
in pounds" is /units lb, "drop the rest-day tips" is /nudges off. None where the message leaves it open.
"""

from __future__ import annotations

import re

from bot.coach.logparse import UNITS

_WORD = re.compile(r"[a-z]+")
# The unit words /log reads, and the names of the systems.
_UNIT = {**UNITS, "kilogram": "kg", "kilograms": "kg", "metric": "kg", "imperial": "lb"}
# A unit named right after one of these is the one wanted ("switch to pounds", "show it in kilos").
_TOWARD = frozenset(("to", "in", "into", "use", "prefer"))
_OFF = frozenset(
    ("off", "stop", "disable", "drop", "mute", "annoying", "without", "no", "dont", "remove", "quit")
)
_ON = frozenset(("on", "enable", "back", "again", "start", "like", "miss"))
_WHEN = re.compile(r"\b(?:off[ -]days?|days? off|on (?:my|the|rest|off|training|non)\b)")


def unit_asked(text: str) -> str | None:
    """ "kg" or "lb": the unit a message asks for ("switch me to pounds", "lbs instead of kg")."""
    words = _WORD.findall(text.casefold())
    named = [(i, _UNIT[w]) for i, w in enumerate(words) if w in _UNIT]
    if not named:
        return None
    for i, unit in named:
        if i > 0 and words[i - 1] in _TOWARD:
            return unit
        if i + 1 < len(words) and words[i + 1] == "instead":
            return unit
    units = {unit for _, unit in named}
    # One unit named alone ("I'm American, pounds please") is the one wanted; two left open are not read.
    return units.pop() if len(units) == 1 else None


def switch_asked(text: str) -> str | None:
    """ "on" or "off": what a message asks of something it can switch (the rest-day tips)."""
    # "on my off days" says when, not what to switch.
    words = set(_WORD.findall(_WHEN.sub(" ", text.casefold())))
    off, on = bool(words & _OFF), bool(words & _ON)
    if off == on:
        return None
    return "off" if off else "on"
