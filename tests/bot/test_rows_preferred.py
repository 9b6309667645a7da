"""Which row "the rows" means when several fit, through the real Application.

A newcomer trial at the gym: "the 10s on the rows" (a pair of 10 kg dumbbells) on a day whose plan has the
seated cable row and a one-arm dumbbell row read as the cable row, the main lift, though no cable row is
done with dumbbells. Of several lifts a name fits, the kit told now rules out those it can't be, then today's
session is preferred (its main lifts first), then the lift logged most recently; in sets told in words, in
an answer to a load question, in a typed correction and in a request to take a lift off.
"""

from __future__ import annotations

from tests.bot.harness import Harness, joined, labels, logged_rows

USER = 9191


async def day_with_two_rows(bot: Harness) -> None:
    """Beginner gym, three days a week: session 3 has the seated cable row (main) and the one-arm dumbbell
    row."""
    await bot.onboard(USER, days=3)
    for _ in range(2):
        await bot.send(USER, "/workout")
        await bot.press(USER, "✅ Done")
        bot.clock.advance(days=2)
    workout = joined(await bot.send(USER, "/workout"))
    assert "3. Seated cable row" in workout and "4. One-arm dumbbell row" in workout


async def loads(bot: Harness) -> list[tuple[str, float | None]]:
    return [(ex, load) for ex, _, load, _ in await logged_rows(bot) if load is not None]


async def test_sets_told_with_the_10s_are_todays_dumbbell_row(bot: Harness) -> None:
    await day_with_two_rows(bot)
    line = "dumbbell row 3x10 10kg each"
    for said in ("did 3x10 on the rows with the 10s", "rows 3x10 with the 10s"):
        offered = joined(await bot.send(USER, said))
        assert offered == f"📝 Shall I log that? <b>{line}</b> — tap below, or correct it with /log.", offered
    # Without the kit the main row is still the one meant.
    assert "cable row 3x10 40kg" in joined(await bot.send(USER, "did 3x10 rows at 40"))
    await bot.send(USER, "rows 3x10 with the 10s")
    logged = joined(await bot.press(USER, f"▶ /log {line}"))
    assert logged.startswith("✍️ Logged One-arm dumbbell row: 3×10 @ 10 kg each hand"), logged


async def test_off_the_plan_the_row_logged_most_recently(bot: Harness) -> None:
    # Session 1's only row is the seated cable row; the chest-supported row was logged the session before.
    await bot.onboard(USER)
    await bot.send(USER, "/log chest supported row 3x10 14kg")
    bot.clock.advance(days=3)
    line = "dumbbell chest supported row 3x10 12kg each"
    offered = joined(await bot.send(USER, "rows 3x10 with the 12s"))
    assert f"<b>{line}</b>" in offered, offered
    logged = joined(await bot.press(USER, f"▶ /log {line}"))
    assert logged.startswith("✍️ Logged Chest-supported dumbbell row: 3×10 @ 12 kg each hand"), logged


async def test_the_10s_on_the_rows_answer_the_dumbbell_rows_load(bot: Harness) -> None:
    await day_with_two_rows(bot)
    await bot.press(USER, "✅ Done")
    await bot.press(USER, "✅ As written")
    # Before: "“s row” could be Seated cable row or One-arm dumbbell row".
    logged = joined(await bot.send(USER, "the 10s on the rows"))
    assert logged.startswith("✍️ Logged:\n• One-arm dumbbell row: 2×10 @ 10 kg each hand"), logged
    assert ("one-arm-dumbbell-row", 10.0) in await loads(bot)


async def test_a_correction_of_the_rows_finds_the_row_it_means(bot: Harness) -> None:
    await day_with_two_rows(bot)
    await bot.send(USER, "/log one arm db row 3x10 12kg")
    bot.clock.advance(minutes=10)
    await bot.send(USER, "/log seated cable row 3x10 40kg")
    dumbbell = "✏️ Correct today's One-arm dumbbell row from 3×10 @ 12 kg each hand to 3×10 @ 10 kg each hand?"
    # The pair told is a dumbbell row; the value it was is the dumbbell row's.
    assert joined(await bot.send(USER, "actually it was the 10s on the rows not the 12s")).startswith(
        dumbbell
    )
    assert joined(await bot.send(USER, "actually the rows were 10 not 12")).startswith(dumbbell)
    # Both on today's plan, nothing else to tell them apart: the one logged last.
    cable = joined(await bot.send(USER, "sorry, rows 45kg"))
    assert cable.startswith("✏️ Correct today's Seated cable row from 3×10 @ 40 kg to 3×10 @ 45 kg?"), cable


async def test_taking_the_rows_off_offers_the_one_logged_last(bot: Harness) -> None:
    await day_with_two_rows(bot)
    await bot.send(USER, "/log seated cable row 3x10 40kg")
    bot.clock.advance(minutes=10)
    await bot.send(USER, "/log one arm db row 3x10 12kg")
    offered = joined(await bot.send(USER, "remove the rows"))
    assert offered.startswith("🗑 Take today's One-arm dumbbell row (3×10 @ 12 kg each hand) off your log?")
    assert labels(bot, USER) == ["🗑 Take it off"]
