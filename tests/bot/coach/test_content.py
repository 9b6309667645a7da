"""The content loader names the file and the key a coach got wrong."""

from pathlib import Path

import pytest
from pydantic import field_validator

from bot.coach.content import ContentError, Strict, load


class Item(Strict):
    id: str
    reps: int

    @field_validator("reps")
    @classmethod
    def _positive(cls, value: int) -> int:
        if value < 1:
            raise ValueError("must be at least 1")
        return value


class Doc(Strict):
    title: str
    item: list[Item]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_loads_a_valid_file(tmp_path: Path) -> None:
    doc = load(_write(tmp_path, 'title = "x"\n[[item]]\nid = "row"\nreps = 8\n'), Doc)
    assert doc.item[0].reps == 8


def test_error_names_file_entry_id_and_key(tmp_path: Path) -> None:
    text = 'title = "x"\n[[item]]\nid = "row"\nreps = 8\n[[item]]\nid = "curl"\nreps = 0\n'
    with pytest.raises(ContentError, match=r"^plan\.toml: item\[2\] 'curl'\.reps: must be at least 1$"):
        load(_write(tmp_path, text), Doc)


def test_unknown_key_is_called_a_typo(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match=r"plan\.toml: titel: unknown key"):
        load(_write(tmp_path, 'title = "x"\ntitel = "y"\nitem = []\n'), Doc)


def test_broken_toml_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match=r"plan\.toml: not valid TOML"):
        load(_write(tmp_path, "title = \n"), Doc)
    with pytest.raises(ContentError, match=r"absent\.toml: content file is missing"):
        load(tmp_path / "absent.toml", Doc)
