"""A command the bot does not have ("/wrkout") and the ones it was probably meant to be (/workout).

Commands the trainee begins ("/hist" → /history) come first, then the ones spelled alike by the standard
library's ``difflib`` (its ratio of matching characters, 0 to 1). Nothing close: no suggestion, and the
bot's plain "I don't know that command" stands.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

# How alike a typed name and a command must be: "wrkout"/"workout" 0.92, "hepl"/"help" 0.75 are offered,
# "track"/"streak" 0.73 and "stat"/"streak" 0.6 are not.
CUTOFF = 0.75
# A name the trainee began ("hist", "prog"): three letters at least, or "s" would be every command with one.
MIN_PREFIX = 3
MOST = 2
# Telegram's own limit on a command's name: anything longer is no command mistyped.
MAX_NAME = 32


@dataclass(frozen=True)
class Typed:
    """A command as typed: its ``name`` (casefolded, without the "/" and any "@bot"), and the ``argument``
    after it (spaces collapsed; empty for none)."""

    name: str
    argument: str


def read(text: str) -> Typed | None:
    """The command a message starts with ("/wrkout@BackCoachBot now"), or None for a message that starts
    with none."""
    head, *rest = text.split(maxsplit=1) or [""]
    if not head.startswith("/") or len(head) < 2:
        return None
    name = head[1:].split("@", 1)[0].casefold()
    return Typed(name, " ".join(rest[0].split()) if rest else "")


def closest(name: str, commands: Sequence[str]) -> list[str]:
    """The commands ``name`` is probably one of, best first, at most ``MOST``; none when nothing is close."""
    if not name or len(name) > MAX_NAME:
        return []
    begun = [command for command in commands if len(name) >= MIN_PREFIX and command.startswith(name)]
    alike = difflib.get_close_matches(name, commands, n=MOST, cutoff=CUTOFF)
    return list(dict.fromkeys([*begun, *alike]))[:MOST]
