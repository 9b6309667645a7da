"""A load named for another lift while a load question is open logs nothing: a newcomer trial's "the cable
row was 67.5", typed at the chest-supported dumbbell row's question, was logged as "3×8 @ 67.5 kg each
hand" on it ("cable" was read as filler, leaving "row"). A dumbbell load far over the lift's best is logged
and asked about as a likely typo, as any big jump is (``records.big_jump``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.bot.harness import Harness, labels, logged_rows, texts

USER = 1314


async def chest_supported_row_asked(bot: Harness, lift: str = "chest supported row") -> None:
    """Advanced, Mon/Wed/Fri: week 2's volume day asks the chest-supported row's load; ``lift`` was logged
    at 32 and 32.5 kg each hand before."""
    bot.clock.now = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
    await bot.onboard(USER, level="🔥 Advanced")
    for day in range(11):
        if day % 7 not in (0, 2, 4):
            continue
        bot.clock.now = datetime(2026, 12, 7, 18, 0, tzinfo=UTC) + timedelta(days=day)
        await bot.send(USER, "/workout")
        await bot.press(USER, "✅ Done")
        if day == 7:
            await bot.send(USER, f"/log {lift} 3x9 32kg each")
        if day == 9:
            await bot.send(USER, f"/log {lift} 4x6 32.5kg each")
    bot.clock.now = datetime(2026, 12, 18, 18, 0, tzinfo=UTC)
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    await bot.press(USER, "✅ As written")
    for _ in range(3):
        asked = texts(await bot.press(USER, "⏭ Skip"))
    assert "⚖️ <b>Chest-supported dumbbell row</b>, 3×12: what load" in asked[-1], asked


async def rows(bot: Harness) -> list[tuple[int, float | None]]:
    return [(reps, load) for ex, reps, load, _ in await logged_rows(bot) if ex == "chest-supported-row"]


async def test_a_load_named_for_another_lift_logs_nothing(bot: Harness) -> None:
    await chest_supported_row_asked(bot)
    before = await rows(bot)
    for said in ("the cable row was 67.5", "67.5 on the cable row"):
        told = texts(await bot.send(USER, said))
        assert told[0].startswith(
            "“cable row” isn't one of the lifts I'm asking a load for, so nothing is logged yet."
        ), told
        assert labels(bot, USER) == ["⏭ Skip"]
    assert await rows(bot) == before
    # The lift asked named with its kit is still that lift.
    logged = texts(await bot.send(USER, "the dumbbell row was 32.5"))
    assert logged[0].startswith("✍️ Logged Chest-supported dumbbell row: 3×12 @ 32.5 kg each hand"), logged


async def test_a_dumbbell_load_far_over_the_lifts_best_is_asked_about(bot: Harness) -> None:
    await chest_supported_row_asked(bot)
    logged = texts(await bot.send(USER, "67.5"))
    assert logged[0].startswith(
        "✍️ Logged Chest-supported dumbbell row: 3×12 @ 67.5 kg each hand\n🤔 Chest-supported dumbbell row:"
        " 67.5 kg is a big jump from 32.5 kg: a typo?"
    ), logged


async def test_a_first_dumbbell_load_far_over_its_kins_is_asked_about(bot: Harness) -> None:
    # Never a chest-supported row logged, but one-arm rows at 32 and 32.5 kg: 67.5 kg each hand is a typo?
    await chest_supported_row_asked(bot, "one arm dumbbell row")
    logged = texts(await bot.send(USER, "67.5"))
    assert logged[0].startswith(
        "✍️ Logged Chest-supported dumbbell row: 3×12 @ 67.5 kg each hand\n🤔 Chest-supported dumbbell row:"
        " 67.5 kg is a big jump from 32.5 kg: a typo? Reply e.g. <code>actually the chest-supported row was"
        " 32.5 not 67.5</code>"
    ), logged
    # A load like the kin's is logged as ever.
    await bot.send(USER, "/undo")
    logged = texts(await bot.send(USER, "/log chest supported row 3x12 30kg each"))
    assert "🤔" not in logged[0], logged
