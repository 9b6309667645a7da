"""The bot's words: one catalog type for every editable text file, and the one HTML escaper.

``messages.toml`` holds the coach's own lines (welcome, prompts, confirmations), ``reminders.toml``
what reminders, nudges and the /reminders menu say. Both are tables of strings, looked up by dotted key
(``"onboarding.welcome"``), plus lists of alternatives (``openers``). A typo'd placeholder or a value
that is not text stops start-up with the file and key at fault (``bot.coach.content``). A line's own
spaces around it are trimmed (a stray space in a label is no part of it), so an indent or a space that
joins a line to the one before it is the caller's to add.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path
from string import Formatter
from typing import Any, ClassVar, Self

from pydantic import RootModel, model_validator

from bot.coach.content import CONTENT_DIR, load


def escape(value: object) -> str:
    """Anything a user or a content file supplies, made safe inside Telegram-HTML text."""
    return html.escape(str(value), quote=False)


def _template(value: str) -> str:
    # A typo'd placeholder ("{tip" or "{}") should fail at start-up, not in front of a user.
    try:
        fields = [field for _text, field, _spec, _conversion in Formatter().parse(value)]
    except ValueError as error:
        raise ValueError(f"broken {{placeholder}}: {error}") from None
    if "" in fields:
        raise ValueError("a {placeholder} needs a name, e.g. {time}")
    return value.strip()


class _File(RootModel[dict[str, Any]]):
    """A text file: tables of lines, nested as deep as the coach likes, and non-empty lists of lines."""

    @model_validator(mode="after")
    def _only_text(self) -> Self:
        problems: list[str] = []
        _check(self.root, "", problems)
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise ValueError(problems[0] + more)
        return self


def _check(table: dict[str, Any], prefix: str, problems: list[str]) -> None:
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            _check(value, f"{name}.", problems)
            continue
        lines = value if isinstance(value, list) else [value]
        if isinstance(value, list) and not value:
            problems.append(f"{name}: needs at least one line")
        for index, line in enumerate(lines):
            where = f"{name}[{index + 1}]" if isinstance(value, list) else name
            if not isinstance(line, str):
                problems.append(f"{where}: must be text in quotes, not {type(line).__name__}")
                continue
            try:
                _template(line)
            except ValueError as error:
                problems.append(f"{where}: {error}")


class Texts:
    """Lines by dotted key; ``get`` fills their placeholders (callers escape what a user typed)."""

    DEFAULT_PATH: ClassVar[Path] = CONTENT_DIR / "messages.toml"

    def __init__(
        self, entries: Mapping[str, str], choices: Mapping[str, tuple[str, ...]] | None = None
    ) -> None:
        self._entries = dict(entries)
        self._choices = dict(choices or {})

    @classmethod
    def load(cls, path: Path | None = None) -> Self:
        entries: dict[str, str] = {}
        choices: dict[str, tuple[str, ...]] = {}
        _flatten(load(path or cls.DEFAULT_PATH, _File).root, "", entries, choices)
        return cls(entries, choices)

    def __getitem__(self, key: str) -> str:
        return self._entries[key]

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def section(self, name: str) -> list[tuple[str, str]]:
        """The entries of one table, as (key, text) pairs in file order."""
        prefix = f"{name}."
        return [
            (key.removeprefix(prefix), text) for key, text in self._entries.items() if key.startswith(prefix)
        ]

    def get(self, key: str, /, **values: object) -> str:
        """The line with its placeholders filled; callers escape anything a user typed."""
        return self._entries[key].format(**values) if values else self._entries[key]

    def choices(self, key: str) -> tuple[str, ...]:
        """A list of alternatives (at least one), such as the reminders' openers."""
        return self._choices[key]

    def count(self, key: str, n: int) -> str:
        """ "1 week", "2 weeks": the ``one`` or ``other`` entry of table ``key``, with {n} filled in."""
        return self.get(f"{key}.{'one' if n == 1 else 'other'}", n=n)


class ReminderTexts(Texts):
    """The reminder catalog (``reminders.toml``): one of its ``openers`` starts each workout reminder."""

    DEFAULT_PATH: ClassVar[Path] = CONTENT_DIR / "reminders.toml"

    @property
    def openers(self) -> tuple[str, ...]:
        return self.choices("openers")


def _flatten(
    table: dict[str, Any], prefix: str, entries: dict[str, str], choices: dict[str, tuple[str, ...]]
) -> None:
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            _flatten(value, f"{name}.", entries, choices)
        elif isinstance(value, list):
            choices[name] = tuple(line.strip() for line in value)
        else:
            entries[name] = value.strip()
