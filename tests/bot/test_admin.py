from pathlib import Path

from tests.bot.harness import running_harness

ADMIN, STRANGER = 9001, 9002


async def test_stats_only_for_admins(tmp_path: Path, backend: str) -> None:
    # On both backends: /stats counts rows from each database's own list of tables.
    async with running_harness(tmp_path, backend, admin_chat_ids=[ADMIN]) as bot:
        await bot.onboard(STRANGER)
        await bot.send(STRANGER, "/done")
        refused = await bot.send(STRANGER, "/stats")
        # As any other command the bot does not have: the closest real one offered.
        assert (refused[-1].text or "").startswith(
            "🤔 I don't know <code>/stats</code>. Did you mean /start?"
        )
        assert [label for row in bot.api.buttons(refused[-1]) for label, _ in row] == ["▶ /start"]
        figures = (await bot.send(ADMIN, "/stats"))[-1].text or ""
        assert "chats active: <b>1</b>" in figures, "the operator asking is not a trainee"
        assert "sessions logged: <b>1</b>" in figures
        assert bot.errors == []
