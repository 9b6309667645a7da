"""The one way content files are read: TOML into a typed pydantic model, errors naming file and key.

A coach edits ``bot/content/*.toml`` without reading Python, so a mistake must stop start-up with
one line that says where it is: ``routines.toml: beginner.gym.slot[2].reps: …``. Models declare
what each file holds; rules that span entries (an id used before it is defined, a session that
breaks a coaching rule) are checked by the model's own validators and reported the same way.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"

M = TypeVar("M", bound=BaseModel)


class ContentError(ValueError):
    """A content file that cannot be used, with the file and the key at fault in its message."""


class Strict(BaseModel):
    """Base for content models: unknown keys are typos, and loaded content never changes."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ContentError(f"{path.name}: content file is missing ({path})") from None
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{path.name}: not valid TOML: {error}") from None


def load(path: Path, model: type[M], *, context: dict[str, Any] | None = None) -> M:
    """Read ``path`` into ``model``; ``context`` reaches the model's validators (e.g. other files' ids)."""
    return parse(read_toml(path), model, path.name, context=context)


def parse(data: Any, model: type[M], where: str, *, context: dict[str, Any] | None = None) -> M:
    try:
        return model.model_validate(data, context=context)
    except ValidationError as error:
        raise ContentError(describe(error, where, data)) from None


def describe(error: ValidationError, where: str, data: Any) -> str:
    """One line per problem (at most five): the file, the key path as the coach wrote it, and why."""
    lines = []
    for problem in error.errors()[:5]:
        key = _key_path(problem["loc"], data)
        message = problem["msg"].removeprefix("Value error, ")
        if problem["type"] == "extra_forbidden":
            message = "unknown key (a typo?)"
        lines.append(f"{where}: {key}: {message}" if key else f"{where}: {message}")
    more = error.error_count() - len(lines)
    if more > 0:
        lines.append(f"{where}: … and {more} more problem(s)")
    return "\n".join(lines)


def _key_path(loc: tuple[int | str, ...], data: Any) -> str:
    """``('exercise', 3, 'grips')`` as ``exercise[4] 'deadlift'.grips``: 1-based, with the entry's id."""
    parts: list[str] = []
    node = data
    for step in loc:
        if isinstance(step, int):
            label = f"[{step + 1}]"
            item = node[step] if isinstance(node, list) and 0 <= step < len(node) else None
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                label += f" {item['id']!r}"
            parts.append(label)
            node = item
        else:
            parts.append(f".{step}" if parts else step)
            node = node.get(step) if isinstance(node, dict) else None
    return "".join(parts)
