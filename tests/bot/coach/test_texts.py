"""One text catalog for every text file, loaded through bot.coach.content; one HTML escaper."""

import tomllib
from pathlib import Path
from typing import Any

import pytest

from bot.coach.content import CONTENT_DIR, ContentError
from bot.coach.texts import ReminderTexts, Texts, escape


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lines.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_nested_tables_become_dotted_keys_and_lists_become_choices(tmp_path: Path) -> None:
    texts = Texts.load(
        _file(
            tmp_path,
            'openers = [" Hi! ", "Hey"]\n[labels.level]\nbeginner = " 🌱 Beginner "\n[a]\nb = "{n} sets"\n',
        )
    )
    assert texts["labels.level.beginner"] == "🌱 Beginner"
    assert texts.get("a.b", n=3) == "3 sets"
    assert texts.section("labels.level") == [("beginner", "🌱 Beginner")]
    assert texts.choices("openers") == ("Hi!", "Hey")
    assert "a.b" in texts and "a" not in texts


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('[onboarding]\nwelcome = "Hi {name"\n', "lines.toml: onboarding.welcome: broken {placeholder}"),
        ('[menu]\ntime = "at {}"\n', "lines.toml: menu.time: a {placeholder} needs a name"),
        ("[menu]\ncount = 3\n", "lines.toml: menu.count: must be text in quotes, not int"),
        ('openers = ["ok", 2]\n', "lines.toml: openers[2]: must be text in quotes, not int"),
        ("openers = []\n", "lines.toml: openers: needs at least one line"),
        ('[a]\nb = "x\n', "lines.toml: not valid TOML"),
    ],
)
def test_a_mistake_names_the_file_and_the_key(tmp_path: Path, content: str, expected: str) -> None:
    with pytest.raises(ContentError) as error:
        Texts.load(_file(tmp_path, content))
    assert str(error.value).startswith(expected)


def test_both_shipped_catalogs_load() -> None:
    texts, reminders = Texts.load(), ReminderTexts.load()
    assert texts["workout.done_button"] and reminders["reminder.done_button"]
    assert len(reminders.openers) >= 2


def test_escape_makes_user_text_safe_in_telegram_html() -> None:
    assert escape('<b>Tom & "Jerry"</b>') == '&lt;b&gt;Tom &amp; "Jerry"&lt;/b&gt;'
    assert escape(42) == "42"


def _values(table: dict[str, Any], prefix: str = "") -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for key, value in table.items():
        if isinstance(value, dict):
            found += _values(value, f"{prefix}{key}.")
        else:
            found += [(f"{prefix}{key}", line) for line in (value if isinstance(value, list) else [value])]
    return found


@pytest.mark.parametrize("name", ["messages.toml", "reminders.toml"])
def test_no_shipped_line_has_spaces_the_catalog_would_drop(name: str) -> None:
    # The catalog trims a line's own spaces: an indent written there ("  • done (no sets logged)" in
    # /history) was silently lost. Indents and joining spaces belong to the code that places the line.
    raw = tomllib.loads((CONTENT_DIR / name).read_text(encoding="utf-8"))
    dropped = [key for key, line in _values(raw) if line.strip("\n") != line.strip()]
    assert dropped == []
