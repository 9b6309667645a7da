"""/log and sets told, from a newcomer trial of people chatting with the bot who never read its code.

"log dumbbell deadlift 6kg 10 10" (no slash) was pointed to "/log log dumbbell deadlift …".
"""

from __future__ import annotations

import csv
import io

from tests.bot.harness import Harness, labels, logged_rows, texts

USER = 2323


async def test_log_typed_without_its_slash_is_pointed_to_the_log_it_means(bot: Harness) -> None:
    await bot.onboard(USER)
    offered = texts(await bot.send(USER, "log dumbbell deadlift 6kg 10 10"))
    line = "dumbbell deadlift 2x10 6kg"
    assert offered == [f"📝 Shall I log that? <b>{line}</b> — tap below, or correct it with /log."]
    assert labels(bot, USER) == [f"▶ /log {line}"]
    logged = texts(await bot.press(USER, f"▶ /log {line}"))
    assert logged[0].startswith("✍️ Logged Dumbbell Romanian deadlift: 2×10 @ 6 kg each hand"), logged
    assert [(ex, reps, load) for ex, reps, load, _ in await logged_rows(bot)] == [("dumbbell-rdl", 10, 6)] * 2


async def test_a_note_in_brackets_is_kept_with_the_sets(bot: Harness) -> None:
    await bot.onboard(USER)
    # Before: "I couldn't read “(light,”".
    logged = texts(await bot.send(USER, "/log seated row 30kg 3x10 (light, shoulder pain)"))
    assert logged[0].startswith("✍️ Logged Seated cable row: 3×10 @ 30 kg · 📝 light, shoulder pain"), logged
    assert await logged_rows(bot) == [("seated-cable-row", 10, 30, "light, shoulder pain")] * 3
    history = texts(await bot.send(USER, "/history"))[0]
    assert "  • Seated cable row: 3×10 @ 30 kg · 📝 light, shoulder pain" in history, history
    await bot.send(USER, "/export")
    rows = list(csv.DictReader(io.StringIO(bot.api.files[-1].content.decode("utf-8"))))
    assert [(row["Exercise Name"], row["Notes"]) for row in rows] == [
        ("Seated cable row", "light, shoulder pain")
    ] * 3


async def test_a_note_after_a_dash_beside_each_hands_load(bot: Harness) -> None:
    await bot.onboard(USER)
    logged = texts(await bot.send(USER, "/log db rdl 2x10 12kg - grip gave out"))
    assert logged[0].startswith(
        "✍️ Logged Dumbbell Romanian deadlift: 2×10 @ 12 kg each hand · 📝 grip gave out"
    ), logged
    history = texts(await bot.send(USER, "/history"))[0]
    assert "Dumbbell Romanian deadlift: 2×10 @ 12 kg each hand · 📝 grip gave out" in history, history
