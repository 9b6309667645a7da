"""`backcoach chat`: the whole coach in a terminal, buttons pressed as #3 or [3], no token."""

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.console import (
    CONSOLE_DB,
    HELP,
    SavedFiles,
    button_number,
    console,
    console_database,
    no_button,
    show_answer,
    shown_database,
)
from bot.settings import load_settings
from fakeapi import CallbackAnswer


def test_a_button_is_pressed_by_hash_or_brackets_and_a_bare_number_is_a_message() -> None:
    assert [button_number(line) for line in ("#3", "[3]", " # 12 ", "[ 2 ]")] == [3, 3, 12, 2]
    for message in ("3", "10", "/log row 3x10", "#3 please", "[3", "3]", "#", "[]", "set #2 was hard"):
        assert button_number(message) is None, message
    assert "#3" in HELP and "[3]" in HELP and "bare number" in HELP
    assert "1 to 2" in no_button(5, 2) and "no buttons" in no_button(1, 0)


def test_button_answers_show_as_toasts_and_alerts() -> None:
    lines: list[str] = []

    def answer(text: str | None, alert: bool) -> None:
        show_answer(CallbackAnswer("1", text, alert, None, {}), lines.append)

    answer("Snoozed", False)
    answer("That button has expired", True)
    answer(None, False)  # a silent answer only stops the button's spinner
    assert lines == ["\n  toast: Snoozed\n", "\n  ⚠ alert: That button has expired\n"]


def test_console_onboards_trains_and_shows_streak(tmp_path: Path) -> None:
    # A bare "1" under /workout's Done is a message (the coach does not know what "1" means), not a press;
    # "#9" under one button presses nothing.
    script = (
        "/start\n#2\n[1]\n#1\n#1\n/workout\n1\n/workout\n#9\n#1\n[1]\n100\n60\n50\n12\n25\n/workout\n#1\n/streak\n"
        "how often should I train my back?\n/log row 3x10 40kg\n/export\n/progress\n/export\n/quit\n"
    )
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_") and k != "DATABASE_URL"}
    env |= {"TMPDIR": str(temp)}
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "chat"],
        cwd=tmp_path,
        env=env | {"PYTHONPATH": str(Path(__file__).parents[2])},
        input=script,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "[1] 🌱 Beginner" in out and "[2] 💪 Intermediate" in out
    assert "All set" in out and "Intermediate" in out
    assert "[1] ✅ Done" in out
    assert "Session 1 logged" in out and "[1] ✅ As written" in out
    # The input is not echoed: what follows the n-th prompt is the reply to the n-th line of the script.
    lines, replies = script.splitlines(), out.split("\nyou> ")[1:]
    bare = lines.index("1")
    assert "I don't know that one" in replies[bare], "the bare 1 went to the coach as a message"
    assert lines[bare + 2] == "#9"
    # Done, ⏱ Short on time and 🔄 Swap an exercise under an intermediate gym session (about 60 minutes).
    assert replies[bare + 2].strip() == "(no button 9: the last buttons are 1 to 3)"
    assert "Session 1 logged" in replies[bare + 3], "#1 pressed Done"
    assert "Logged ✓" in out, "the second press (#1 or [1]) logs the sets as written"
    # The main lifts' loads are asked for, and a bare number then answers (it is a message, not a press).
    assert "Logged Barbell deadlift: 3×6 @ 100 kg" in out and "Logged Seated cable row: 3×6 @ 50 kg" in out
    # And the accessories' (a dumbbell's per dumbbell): nothing that takes a load is logged without one.
    assert "Logged Bent-over rear-delt fly: 3×10 @ 12 kg each hand" in out
    assert "Logged Straight-arm cable pulldown: 3×10 @ 25 kg" in out
    # A second press on Done answers with a toast: the sets logged As written already make today count.
    assert "toast: ✅ Today already counts as a session" in out
    assert "Total sessions: 1" in out
    assert (
        "week" in out.split("how often should I train my back?")[-1] or "week" in out.rsplit("coach>", 1)[-1]
    )
    assert "<b>" not in out, "HTML is rendered to plain text in the terminal"
    assert "Traceback" not in result.stderr
    # The chart and the exports go to a directory of the run's own, named in full; none to the cwd.
    saved = [Path(path) for path in re.findall(r"📎 saved (\S+) \(", out)]
    assert len(saved) == 3 and re.fullmatch(r"backcoach-\d{4}-\d\d-\d\d\.csv", saved[0].name)
    assert [path.name for path in saved[1:]] == ["progress.png", f"{saved[0].stem}-2.csv"]
    folder = saved[0].parent
    assert folder.is_absolute() and folder.parent == temp and folder.name.startswith("backcoach-chat-")
    assert all(path.parent == folder and path.is_file() for path in saved)
    assert "Exercise Name" in saved[0].read_text() and saved[1].read_bytes().startswith(b"\x89PNG")
    assert not list(tmp_path.glob("*.csv")) and not list(tmp_path.glob("*.png"))
    assert out.rstrip().endswith(f"This chat's files are in {folder}")
    # No DATABASE_URL: the console's own file, in the directory it was started from.
    assert "(Chats and logs are kept in sqlite+aiosqlite:///backcoach-console.db.)" in out
    assert (tmp_path / "backcoach-console.db").is_file()


def run_chat(cwd: Path, script: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_") and k != "DATABASE_URL"}
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "chat"],
        cwd=cwd,
        env=base | env | {"PYTHONPATH": str(Path(__file__).parents[2])},
        input=script,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_console_keeps_its_chats_where_database_url_says(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    url = f"sqlite+aiosqlite:///{data}/coach.db"
    result = run_chat(tmp_path, "/start\n/quit\n", DATABASE_URL=url)
    assert result.returncode == 0, result.stderr
    assert f"(Chats and logs are kept in {url}.)" in result.stdout
    # Migrated as `backcoach run` migrates it, and the chat's row is there; no file of the console's own.
    with sqlite3.connect(data / "coach.db") as db:
        assert db.execute("SELECT id FROM chats").fetchall() == [(1,)]
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() is not None
    assert not (tmp_path / "backcoach-console.db").exists()


def test_database_url_set_in_the_environment_or_env_file_is_the_consoles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert console_database(load_settings()) == CONSOLE_DB
    # The bot's own default is not "set": the console does not write into backcoach.db unasked.
    assert load_settings().database_url != CONSOLE_DB
    (tmp_path / ".env").write_text("DATABASE_URL=sqlite+aiosqlite:///from-dotenv.db\n")
    assert console_database(load_settings()) == "sqlite+aiosqlite:///from-dotenv.db"
    monkeypatch.setenv("DATABASE_URL", "postgresql+asyncpg://coach:pw@db:5432/backcoach")
    assert console_database(load_settings()) == "postgresql+asyncpg://coach:pw@db:5432/backcoach"


def test_the_console_names_its_database_without_the_password() -> None:
    shown = shown_database("postgresql+asyncpg://coach:s3cr%40t@db.internal:5432/backcoach")
    assert shown == "postgresql+asyncpg://coach:***@db.internal:5432/backcoach"
    assert shown_database(CONSOLE_DB) == CONSOLE_DB
    assert "s3cr" not in shown_database("postgresql+asyncpg://coach:s3cr@db:x5/backcoach")


@pytest.mark.parametrize(
    ("url", "said"),
    [
        (
            "postgresql+asyncpg://coach:s3cretpw@127.0.0.1:1/backcoach",
            "could not open the database at 127.0.0.1:1",
        ),
        (
            "postgresql+asyncpg://coach:s3cretpw@127.0.0.1:x5/backcoach",
            "DATABASE_URL is not a database address",
        ),
    ],
)
async def test_a_database_the_console_cannot_open_is_one_line_without_the_password(
    url: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert await console(load_settings(database_url=url)) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith(f"backcoach chat: {said}") and err.count("\n") == 1, err
    assert "s3cretpw" not in err and "check DATABASE_URL" in err


def test_saved_files_get_a_directory_of_their_own_and_never_overwrite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    files = SavedFiles()
    assert files.directory is None, "no directory until there is a file"
    first = files.save("progress.png", b"1")
    assert first.parent.parent == tmp_path and first.name == "progress.png"
    assert files.save("progress.png", b"2").name == "progress-2.png"
    assert files.save("progress.png", b"3").name == "progress-3.png"
    assert files.save("../../escape.csv", b"x") == first.parent / "escape.csv"
    assert first.read_bytes() == b"1"
