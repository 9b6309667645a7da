"""/log and sets told, from a newcomer trial of people chatting with the bot who never read its code.

"log dumbbell deadlift 6kg 10 10" (no slash) was pointed to "/log log dumbbell deadlift …".
"""

from __future__ import annotations

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
