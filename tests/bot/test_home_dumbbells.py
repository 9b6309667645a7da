"""Dumbbells at home, their own box on the kit checklist: the plan's moves are dumbbell moves, said, logged
and stepped each hand, never a backpack's.

A newcomer trial: a home trainee with adjustable dumbbells and a band could only tick "something to load
(backpack, dumbbells)", and got "add a little to the backpack (more than 16 kg in all, 8 kg each hand)",
"backpack rdl" and a +2.5 kg step in all (half a dumbbell step each hand).
"""

from __future__ import annotations

from bot import callbacks
from tests.bot.harness import Harness, chat_row, joined, labels, texts

USER = 4417
DUMBBELLS = ("Dumbbells", "Resistance bands")
RDL = "Dumbbell Romanian deadlift"
ROW = "Bent-over row with dumbbells"


def line_of(workout: str, name: str) -> str:
    [line] = [row for row in workout.splitlines() if row.startswith(f"📈 <i>{name}:")]
    return line


async def test_dumbbells_ticked_give_dumbbell_moves_logged_and_stepped_each_hand(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=DUMBBELLS)
    assert (await chat_row(bot, USER)).kit == "bands,dumbbells"
    workout = joined(await bot.send(USER, "/workout"))
    assert f"<b>1. {RDL}</b>" in workout and f"<b>3. {ROW}</b>" in workout, workout
    assert "a dumbbell in each hand" in workout and "Bent-over rear-delt fly" in workout
    assert "backpack" not in workout.lower(), "no backpack wording for a chat without one"

    # As written asks each dumbbell's load, for the dumbbell moves only.
    await bot.press(USER, "✅ Done")
    written = joined(await bot.press(USER, "✅ As written"))
    assert f"Not logged without a load: {RDL}, {ROW}, Bent-over rear-delt fly." in written, written
    assert f"⚖️ <b>{RDL}</b>, 2×8: what load did you lift per dumbbell?" in written, written
    answered = joined(await bot.send(USER, "8"))
    assert f"{RDL}: 2×8 @ 8 kg each hand" in answered, answered

    bot.clock.advance(days=2)
    logged = joined(await bot.send(USER, "/log dumbbell rdl 2x10 8kg"))
    assert f"Logged {RDL}: 2×10 @ 8 kg each hand" in logged, logged
    logged = joined(await bot.send(USER, "/log bent-over row 2x12 10 kg"))
    assert f"Logged {ROW}: 2×12 @ 10 kg each hand" in logged, logged

    bot.clock.advance(days=2)
    workout = joined(await bot.send(USER, "/workout"))
    # Stepped each hand, as the gym's dumbbells are: no backpack to add to, no load in all. The next pair,
    # 12.5 kg, was never logged, so may not be owned at home: reps first, and no load named (``homepairs``).
    assert line_of(workout, ROW) == (
        f"📈 <i>{ROW}: last time 2×12 @ 10 kg each hand → today 2×13 @ 10 kg each hand. More reps with the"
        " same pair (10 kg each hand) first, up to 15 a set; if you have a heavier pair, log it and I'll use"
        " it.</i>"
    )
    # 8 kg is a rack in 2 kg steps: 10 kg next, logged on the row so owned, a quarter heavier, so reps first.
    rdl = line_of(workout, RDL)
    assert "each hand → today 2×11 @ 8 kg each hand. The next pair up, 10 kg each hand" in rdl, rdl
    assert "backpack" not in workout.lower() and "in all" not in workout


async def test_dumbbells_and_a_band_typed_at_set_up(bot: Harness) -> None:
    await bot.send(USER, "/start")
    await bot.send(USER, "beginner")
    await bot.send(USER, "at home")
    owned = texts(await bot.send(USER, "I have dumbbells and a band"))
    assert owned[0] == "👍 Home kit: resistance bands, dumbbells", owned
    assert (await chat_row(bot, USER)).kit == "bands,dumbbells"


async def test_a_load_chat_keeps_backpack_moves_and_switches_to_dumbbells_in_settings(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=("A backpack or other load",))
    before = joined(await bot.send(USER, "/workout"))
    assert "Romanian deadlift with a loaded backpack or dumbbells" in before, "the load box keeps its moves"

    await bot.send(USER, "/settings")
    await bot.press(USER, "Home kit")
    assert labels(bot, USER)[3:5] == ["☑️ A backpack or other load", "⬜️ Dumbbells"]
    await bot.press(USER, "☑️ A backpack or other load")
    await bot.press(USER, "⬜️ Dumbbells")
    saved = texts(await bot.press(USER, "✅ Confirm"))
    assert "Home kit saved: dumbbells" in saved[-1], saved
    after = joined(await bot.send(USER, "/workout"))
    assert RDL in after and ROW in after and "backpack" not in after.lower(), after
    assert "Home (dumbbells)" in joined(await bot.send(USER, "/settings"))


async def test_a_kit_keyboard_sent_before_the_dumbbells_box_keeps_its_meaning(bot: Harness) -> None:
    # The load box's bit is what it was: a Confirm from an older keyboard saves the load, not dumbbells.
    await bot.onboard(USER, equipment="🏠 Home")
    await bot.callback(USER, callbacks.pack("kit", "ok", "8", "s"))
    assert (await chat_row(bot, USER)).kit == "load"


async def test_one_pair_at_home_is_never_stepped_past_and_as_written_logs_only_it(bot: Harness) -> None:
    # A newcomer trial: "two dumbbells of 6 kg", and a plan that said 7.5 kg each hand, which As written
    # then logged. A pair never logged may not be owned: more reps, then a slower lowering, and an ask.
    await bot.onboard(USER, equipment="🏠 Home", kit=DUMBBELLS)
    await bot.send(USER, "/log bent-over row 2x15 6 kg")
    await bot.send(USER, "/log dumbbell rdl 2x12 6kg")
    bot.clock.advance(days=2)
    workout = joined(await bot.send(USER, "/workout"))
    assert line_of(workout, ROW) == (
        f"📈 <i>{ROW}: last time 2×15 @ 6 kg each hand, every set at 15 → today 2×15 @ 6 kg each hand again,"
        " made harder: take 3 seconds to lower and pause for a second at the bottom. If you have a heavier"
        " pair, log it and I'll use it.</i>"
    )
    assert line_of(workout, RDL) == (
        f"📈 <i>{RDL}: last time 2×12 @ 6 kg each hand → today 2×13 @ 6 kg each hand. More reps with the"
        " same pair (6 kg each hand) first, up to 13 a set; if you have a heavier pair, log it and I'll use"
        " it.</i>"
    )
    assert "8 kg" not in workout and "7.5 kg" not in workout
    await bot.press(USER, "✅ Done")
    written = joined(await bot.press(USER, "✅ As written"))
    assert f"{ROW}: 2×15 @ 6 kg each hand" in written and f"{RDL}: 2×13 @ 6 kg each hand" in written, written

    # A heavier pair logged is owned from then on: the row goes up to it once its reps earn it.
    bot.clock.advance(days=2)
    await bot.send(USER, "/log dumbbell rdl 2x8 8kg")
    bot.clock.advance(days=2)
    workout = joined(await bot.send(USER, "/workout"))
    assert "today 2×10 @ 8 kg each hand" in line_of(workout, ROW), line_of(workout, ROW)
