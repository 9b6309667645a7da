"""`backcoach chat`: the whole coach in a terminal, buttons as numbers, no token."""

import os
import subprocess
import sys
from pathlib import Path

from bot.console import show_answer
from fakeapi import CallbackAnswer


def test_button_answers_show_as_toasts_and_alerts() -> None:
    lines: list[str] = []

    def answer(text: str | None, alert: bool) -> None:
        show_answer(CallbackAnswer("1", text, alert, None, {}), lines.append)

    answer("Snoozed", False)
    answer("That button has expired", True)
    answer(None, False)  # a silent answer only stops the button's spinner
    assert lines == ["\n  toast: Snoozed\n", "\n  ⚠ alert: That button has expired\n"]


def test_console_onboards_trains_and_shows_streak(tmp_path: Path) -> None:
    script = (
        "/start\n2\n1\n1\n/workout\n1\n1\n/workout\n1\n/streak\nhow often should I train my back?\n"
        "/log row 3x10 40kg\n/export\n/quit\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
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
    assert "Logged ✓" in out, "the second 1 logs the sets as written"
    assert "toast: Already logged" in out, "a second press on Done answers with a toast"
    assert "Total sessions: 1" in out
    assert (
        "week" in out.split("how often should I train my back?")[-1] or "week" in out.rsplit("coach>", 1)[-1]
    )
    assert "<b>" not in out, "HTML is rendered to plain text in the terminal"
    assert "Traceback" not in result.stderr
    assert "saved backcoach-" in out
    assert "Exercise Name" in next(tmp_path.glob("backcoach-*.csv")).read_text()
