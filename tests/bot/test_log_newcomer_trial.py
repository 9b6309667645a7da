"""/log, As written and taking a lift off, from a newcomer trial.

"/log db rdl 7,7,7,6 45s" got "I couldn't read “45s”" though "db rdl 4x6 45s" was read; As written's "same as
last time" found no earlier load of a dumbbell row /history showed; "please delete the deadlift I logged"
found no deadlift where "deadlift 2x10 16kg" had been logged as the Romanian deadlift, and "remove the rdl"
offered every RDL set of the day; and two lifts' sets told in one sentence with "both" logged nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.bot.harness import Harness, joined, labels, logged_rows, texts

USER = 1313


async def test_dumbbells_by_their_weight_after_sets_told_rep_by_rep(bot: Harness) -> None:
    await bot.onboard(USER)
    logged = texts(await bot.send(USER, "/log db rdl 7,7,7,6 45s"))
    assert logged[0].startswith("✍️ Logged Dumbbell Romanian deadlift: 7, 7, 7, 6 @ 45 kg each hand"), logged
    rows = [(ex, reps, load) for ex, reps, load, _ in await logged_rows(bot)]
    assert rows == [("dumbbell-rdl", 7, 45)] * 3 + [("dumbbell-rdl", 6, 45)]


async def test_same_as_last_time_on_a_volume_day_is_the_last_load_of_any_day(bot: Harness) -> None:
    # Advanced, Mon/Wed/Fri: heavy, moderate and volume days take turns; week 2's volume day (Fri) has the
    # chest-supported row, done on the heavy and moderate days before it but never on a volume day.
    bot.clock.now = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
    await bot.onboard(USER, level="🔥 Advanced")
    for day in range(11):
        if day % 7 not in (0, 2, 4):
            continue
        bot.clock.now = datetime(2026, 12, 7, 18, 0, tzinfo=UTC) + timedelta(days=day)
        await bot.send(USER, "/workout")
        await bot.press(USER, "✅ Done")
        if day == 7:
            await bot.send(USER, "/log chest supported row 3x9 32kg each")
        if day == 9:
            await bot.send(USER, "/log chest supported row 4x6 32.5kg each")
    bot.clock.now = datetime(2026, 12, 18, 18, 0, tzinfo=UTC)
    workout = joined(await bot.send(USER, "/workout"))
    assert "volume day" in workout and "<b>4. Chest-supported dumbbell row</b>" in workout
    await bot.press(USER, "✅ Done")
    await bot.press(USER, "✅ As written")
    for _ in range(3):
        asked = texts(await bot.press(USER, "⏭ Skip"))
    assert "⚖️ <b>Chest-supported dumbbell row</b>, 3×12: what load" in asked[-1], asked
    # Before: "I have no earlier load of Chest-supported dumbbell row to go by".
    same = texts(await bot.send(USER, "same as last time"))
    assert same[0].startswith("✍️ Logged Chest-supported dumbbell row: 3×12 @ 32.5 kg each hand"), same
    rows = [(reps, load) for ex, reps, load, _ in await logged_rows(bot) if ex == "chest-supported-row"]
    assert rows[-3:] == [(12, 32.5)] * 3


async def log_deadlift_as_the_rdl(bot: Harness) -> None:
    asked = texts(await bot.send(USER, "/log deadlift 2x10 16kg"))
    assert "less than the empty bar" in asked[-1]
    logged = texts(await bot.press(USER, "Dumbbell Romanian deadlift"))
    assert logged[-1].startswith("✍️ Logged Dumbbell Romanian deadlift: 2×10 @ 16 kg each hand"), logged


async def test_a_lift_is_found_by_the_words_it_was_logged_with(bot: Harness) -> None:
    await bot.onboard(USER)
    await log_deadlift_as_the_rdl(bot)
    # Before: "I found no deadlift among the sets you logged today".
    offered = texts(await bot.send(USER, "please delete the deadlift I logged"))
    assert offered == [
        "🗑 Take today's Dumbbell Romanian deadlift (2×10 @ 16 kg each hand) off your log? The rest of"
        " today's log stays as it is."
    ]
    assert labels(bot, USER) == ["🗑 Take it off"]
    await bot.press(USER, "🗑 Take it off")
    assert await logged_rows(bot) == []


async def test_a_lift_logged_twice_today_is_offered_entry_by_entry(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/log db rdl 2x8 20kg")
    bot.clock.advance(minutes=20)
    await log_deadlift_as_the_rdl(bot)
    # Before: both entries' four sets offered as one, the right one with the wrong.
    offered = texts(await bot.send(USER, "remove the rdl"))
    assert offered == [
        "🗑 You logged Dumbbell Romanian deadlift 2 times today. Which entry shall I take off your log? The"
        " rest of today's log stays as it is."
    ]
    assert labels(bot, USER) == ["🗑 2×8 @ 20 kg each hand · 10:00", "🗑 2×10 @ 16 kg each hand · 10:20"]
    done = texts(await bot.press(USER, "🗑 2×10 @ 16 kg each hand · 10:20"))
    assert done[-1].startswith("🗑 Took today's Dumbbell Romanian deadlift (2×10 @ 16 kg each hand) off"), done
    assert [(reps, load) for _, reps, load, _ in await logged_rows(bot)] == [(8, 20.0)] * 2
    # Its Undo puts that entry back, and only it.
    await bot.press(USER, "↩️ Undo")
    rows = [(reps, load) for _, reps, load, _ in await logged_rows(bot)]
    assert sorted(rows) == [(8, 20.0)] * 2 + [(10, 16.0)] * 2


async def test_two_lifts_told_with_both_are_offered_as_a_log_of_parts(bot: Harness) -> None:
    await bot.onboard(USER)
    told = "did 20kg on both the RDLs and the pulldowns today, 2 sets of 8 and 2 sets of 10, rest as written"
    # Before: a did-you-mean, and nothing logged.
    offered = texts(await bot.send(USER, told))
    line = "dumbbell rdl 2x8 20kg; lat pulldown 2x10 20kg"
    assert offered == [f"📝 Shall I log that? <b>{line}</b> — tap below, or correct it with /log."]
    assert labels(bot, USER) == [f"▶ /log {line}"]
    logged = texts(await bot.press(USER, f"▶ /log {line}"))
    assert logged[0].startswith(
        "✍️ Logged:\n• Dumbbell Romanian deadlift: 2×8 @ 20 kg each hand\n• Lat pulldown: 2×10 @ 20 kg"
    ), logged
    rows = [(ex, reps, load) for ex, reps, load, _ in await logged_rows(bot)]
    assert rows == [("dumbbell-rdl", 8, 20)] * 2 + [("lat-pulldown", 10, 20)] * 2


async def test_two_lifts_told_with_both_too_long_for_a_button_data_still_get_one(bot: Harness) -> None:
    await bot.onboard(USER)
    told = (
        "both the straight arm cable pulldowns and the seated cable rows, 3 sets of 12 and 3 sets of 10"
        " at 27.5"
    )
    offered = texts(await bot.send(USER, told))
    line = "straight arm cable pulldown 3x12 27.5kg; seated cable row 3x10 27.5kg"
    # The button reads the /log back from the offer (``told_log``): no /log to copy and send.
    assert offered == [
        f"📝 Shall I log that? <code>/log {line}</code> — tap below to log it all in one go, or correct it"
        " with /log."
    ]
    assert labels(bot, USER) == [f"▶ /log {line}"]
    logged = texts(await bot.press(USER, f"▶ /log {line}"))
    assert logged[0].startswith("✍️ Logged:\n• Straight-arm cable pulldown: 3×12 @ 27.5 kg"), logged


async def test_sets_of_both_lifts_left_open_are_no_offer(bot: Harness) -> None:
    await bot.onboard(USER)
    # Three groups of sets for two lifts: whose is which?
    said = texts(await bot.send(USER, "did both the pulldowns and the rows at 30, 3x8, 3x10 and 3x12"))
    assert not any(text.startswith("📝") for text in said), said
    assert await logged_rows(bot) == []
