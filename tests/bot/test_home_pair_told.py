"""A pair of dumbbells told at set-up's kit question is kept: said back, used as the home dumbbells' pair.

A newcomer trial: "two dumbbells of 6 kg" at the kit question got the kit noted and the 6 kg forgotten, so the
first session asked for a load the trainee had already told.
"""

from __future__ import annotations

from tests.bot.harness import Harness, chat_row, joined, texts

USER = 4431
RDL = "Dumbbell Romanian deadlift"
ROW = "Bent-over row with dumbbells"


def line_of(workout: str, name: str) -> str:
    [line] = [row for row in workout.splitlines() if row.startswith(f"📈 <i>{name}:")]
    return line


async def _set_up(bot: Harness, kit: str) -> list[str]:
    await bot.send(USER, "/start")
    await bot.send(USER, "beginner")
    await bot.send(USER, "at home")
    said = texts(await bot.send(USER, kit))
    await bot.press(USER, "UTC")
    said += texts(await bot.press(USER, bot.button_starting(USER, "2 days:")))
    return said


async def test_a_pair_told_at_the_kit_question_is_said_back_and_is_the_first_load(bot: Harness) -> None:
    said = await _set_up(bot, "two dumbbells of 6 kg")
    assert said[0] == "👍 Home kit: dumbbells (a pair of 6 kg)", said
    assert any("Home (dumbbells (a pair of 6 kg))" in text for text in said), said
    row = await chat_row(bot, USER)
    assert (row.kit, row.home_pair, row.home_pair_unit) == ("dumbbells", 6.0, "kg")

    settings = joined(await bot.send(USER, "/settings"))
    assert "dumbbells (a pair of 6 kg)" in settings, settings

    workout = joined(await bot.send(USER, "/workout"))
    assert "today 2×8 @ 6 kg each hand" in line_of(workout, RDL), line_of(workout, RDL)
    assert "6 kg each hand" in line_of(workout, ROW), line_of(workout, ROW)
    assert "pick a load" not in workout
    await bot.press(USER, "✅ Done")
    written = joined(await bot.press(USER, "✅ As written"))
    # Logged at the pair: nothing asked.
    assert "what load did you lift" not in written and "Not logged without a load" not in written, written
    assert f"{RDL}: 2×8 @ 6 kg each hand" in written, written
    assert "Bent-over rear-delt fly: 2×" in written and "@ 6 kg each hand" in written, written


async def test_a_pair_told_in_other_words_and_none_for_several(bot: Harness) -> None:
    said = texts(await _told(bot, "a pair of 6kg dumbbells and a band"))
    assert said[0] == "👍 Home kit: resistance bands, dumbbells (a pair of 6 kg)", said
    row = await chat_row(bot, USER)
    assert (row.home_pair, row.home_pair_unit) == (6.0, "kg")


async def test_dumbbells_unticked_forget_the_pair_and_several_sizes_keep_none(bot: Harness) -> None:
    await _set_up(bot, "6 kilo dumbbells")
    assert (await chat_row(bot, USER)).home_pair == 6.0
    await bot.send(USER, "/settings")
    await bot.press(USER, "Home kit")
    await bot.press(USER, "☑️ Dumbbells")
    await bot.press(USER, "✅ Confirm")
    row = await chat_row(bot, USER)
    assert (row.kit, row.home_pair) == ("", None)
    assert "a pair of" not in joined(await bot.send(USER, "/settings"))

    await bot.send(USER, "/settings")
    await bot.press(USER, "Home kit")
    saved = texts(await bot.send(USER, "dumbbells of 6 and 10 kg"))
    assert saved[-1].startswith("✅ Home kit saved: dumbbells."), saved
    assert (await chat_row(bot, USER)).home_pair is None


async def _told(bot: Harness, kit: str) -> list[object]:
    await bot.send(USER, "/start")
    await bot.send(USER, "beginner")
    await bot.send(USER, "at home")
    return await bot.send(USER, kit)


async def test_a_pair_told_before_the_kit_question_is_kept_and_follows_the_unit(bot: Harness) -> None:
    await bot.send(USER, "/start")
    await bot.send(USER, "beginner")
    noted = texts(await bot.send(USER, "at home, I have two dumbbells of 6 kg"))
    assert any("dumbbells (a pair of 6 kg)" in text for text in noted), noted
    row = await chat_row(bot, USER)
    assert (row.kit, row.home_pair, row.home_pair_unit) == ("dumbbells", 6.0, "kg")
    await bot.press(USER, "UTC")
    await bot.press(USER, bot.button_starting(USER, "2 days:"))
    await bot.send(USER, "/units lb")
    assert "dumbbells (a pair of 13.2 lb)" in joined(await bot.send(USER, "/settings"))
