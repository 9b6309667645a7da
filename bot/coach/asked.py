"""The setting a message asks for, so a command pointer's button can run the command with it: "show my weights
in pounds" is /units lb, "drop the rest-day tips" is /nudges off. None where the message leaves it open.
"""

from __future__ import annotations

import re

from bot.coach.logparse import UNITS

_WORD = re.compile(r"[a-z]+")
# Punctuation is kept so "no, pounds please" does not read as "no pounds".
_TOKEN = re.compile(r"[a-z]+|\d+(?:[.,]\d+)?|[,;.!?]")
# The unit words /log reads, and the names of the systems.
_UNIT = {**UNITS, "kilogram": "kg", "kilograms": "kg", "metric": "kg", "imperial": "lb"}
_OTHER = {"kg": "lb", "lb": "kg"}
# Said right before a unit, these turn it down ("switch from kg", "pounds not kilos", "I don't get kilos")
# or ask for it ("switch to pounds", "show it in kilos", "I grew up with pounds"); read in that order.
_AGAINST = (
    "not", "no", "from", "instead of", "rather than", "than", "over", "hate", "without", "never used",
    "dont use", "dont do", "dont get", "dont know", "dont understand", "dont think in", "dont want",
    "dont like", "cant do", "cant read", "cant stand", "cant think in",
)  # fmt: skip
_TOWARD = (
    "to",
    "in",
    "into",
    "use",
    "using",
    "prefer",
    "grew up with",
    "think in",
    "know",
    "understand",
    "want",
)
# Said right after a unit: "kilos mean nothing to me", "kg instead of lbs", "pounds please".
_AGAINST_AFTER = (
    "mean nothing", "means nothing", "make no sense", "makes no sense", "dont make sense",
    "doesnt make sense", "confuse", "confuses", "are confusing", "is confusing", "dont mean", "doesnt mean",
    "are useless", "is useless",
)  # fmt: skip
_TOWARD_AFTER = ("instead", "please", "pls", "only", "make sense", "makes sense", "person")
# "prefer pounds to kilos" turns kilos down, where "switch kg to lbs" asks for lbs.
_PREFER = re.compile(r"\b(prefer \w+) to\b")
_OFF = frozenset(
    ("off", "stop", "disable", "drop", "mute", "annoying", "without", "no", "dont", "remove", "quit")
)
_ON = frozenset(("on", "enable", "back", "again", "start", "like", "miss"))
_WHEN = re.compile(r"\b(?:off[ -]days?|days? off|on (?:my|the|rest|off|training|non)\b)")


def unit_asked(text: str) -> str | None:
    """ "kg" or "lb": the unit a message asks for ("switch me to pounds", "lbs instead of kg", "I grew up with
    pounds, kilos mean nothing to me")."""
    plain = re.sub(r"['’`]", "", text.casefold())
    tokens = _TOKEN.findall(_PREFER.sub(r"\1 over", plain))
    wanted: set[str] = set()
    unwanted: set[str] = set()
    named: set[str] = set()
    for i, token in enumerate(tokens):
        unit = _UNIT.get(token)
        if unit is None:
            continue
        named.add(unit)
        if i > 0 and tokens[i - 1][0].isdigit():
            continue  # "20 kg" is a load, said in whatever unit the gym has
        before = " " + " ".join(tokens[max(0, i - 3) : i])
        after = " ".join(tokens[i + 1 : i + 4]) + " "
        if any(before.endswith(f" {cue}") for cue in _AGAINST):
            unwanted.add(unit)
        elif any(before.endswith(f" {cue}") for cue in _TOWARD):
            wanted.add(unit)
        elif any(after.startswith(f"{cue} ") for cue in _AGAINST_AFTER):
            unwanted.add(unit)
        elif any(after.startswith(f"{cue} ") for cue in _TOWARD_AFTER):
            wanted.add(unit)
    if wanted & unwanted or len(wanted) > 1 or len(unwanted) > 1:
        return None
    if wanted:
        return wanted.pop()
    if unwanted:
        return _OTHER[unwanted.pop()]  # there are two units: the one turned down leaves the other
    # One unit named alone ("I'm American, pounds please") is the one wanted; two left open are not read.
    return named.pop() if len(named) == 1 else None


# A load told as the gap between one weight and the next ("go up in 2kg jumps", "1.25 kg increments", "steps
# of 2.5kg"): the chat's step, which /units takes after the unit. A load without such a word is a load.
_STEP_TOLD = re.compile(
    r"(?P<before>\b(?:go(?:es)? up|jumps?|steps?|increments?)\s+(?:of|in|by)\s+)?"
    r"(?<![\d.,])(?P<step>\d{1,2}(?:[.,]\d{1,2})?)\s?(?P<unit>kgs?|kilos?|kilograms?|lbs?|pounds?)\b"
    r"(?P<after>\s+(?:jumps?|steps?|increments?|at a time|apart)\b)?"
)
_STEP_UNIT = {"k": "kg", "l": "lb", "p": "lb"}


def units_asked(text: str) -> str | None:
    """What /units is asked to run with: the unit ("lb"), and the step after it where the message tells the
    gap between one load and the next ("my dumbbells only go up in 2kg jumps": "kg 2"); None where it leaves
    the unit open."""
    unit = unit_asked(text)
    steps = {
        (_STEP_UNIT[match["unit"][0]], float(match["step"].replace(",", ".")))
        for match in _STEP_TOLD.finditer(text.casefold())
        if match["before"] or match["after"]
    }
    if len(steps) != 1:
        return unit
    step_unit, step = steps.pop()
    if unit not in (None, step_unit) or step <= 0:
        return unit
    return f"{step_unit} {step:g}"


def switch_asked(text: str) -> str | None:
    """ "on" or "off": what a message asks of something it can switch (the rest-day tips)."""
    # "on my off days" says when, not what to switch.
    words = set(_WORD.findall(_WHEN.sub(" ", text.casefold())))
    off, on = bool(words & _OFF), bool(words & _ON)
    if off == on:
        return None
    return "off" if off else "on"
