"""The coach's own lines (welcome, prompts, confirmations), loaded from an editable TOML file."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from string import Formatter

DEFAULT_PATH = Path(__file__).parent.parent / "content" / "messages.toml"


class Texts:
    def __init__(self, entries: Mapping[str, str]) -> None:
        self._entries = dict(entries)

    @classmethod
    def load(cls, path: Path | None = None) -> Texts:
        with (path or DEFAULT_PATH).open("rb") as handle:
            raw = tomllib.load(handle)
        entries: dict[str, str] = {}
        for key, value in _flatten(raw):
            if not isinstance(value, str):
                raise ValueError(f"{path or DEFAULT_PATH}: {key} must be a string")
            # Catch a typo'd placeholder at load time rather than in front of a user.
            list(Formatter().parse(value))
            entries[key] = value.strip()
        return cls(entries)

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


def _flatten(table: Mapping[str, object], prefix: str = "") -> list[tuple[str, object]]:
    items: list[tuple[str, object]] = []
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            items.extend(_flatten(value, f"{name}."))
        else:
            items.append((name, value))
    return items
