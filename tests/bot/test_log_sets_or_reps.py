"""A strength coach's trial of /log, through the real Application against the Bot API double: "band row 12x2"
was logged as twelve sets of two, and "romanian deadlift 12x10x2" on an advanced plan was refused with no
button. Sets and reps are read the way round a coach reads them, or asked back with a button each."""

from __future__ import annotations

from sqlalchemy import select

from fakeapi.state import SentMessage
from storage.models import LoggedSet
from tests.bot.harness import Harness

USER = 5011


async def sets_of(bot: Harness) -> list[tuple[str, int, float | None]]:
    async with bot.app.bot_data.sessionmaker() as session:
        query = select(LoggedSet.exercise, LoggedSet.reps, LoggedSet.load).order_by(LoggedSet.id)
        return [tuple(row) for row in (await session.execute(query)).all()]


def head(sent: list[SentMessage]) -> str:
    return "\n".join(message.plain_text or "" for message in sent).split("\n")[0]


def labels(bot: Harness, message: SentMessage) -> list[str]:
    return [label for row in bot.api.buttons(message) for label, _ in row]


async def test_a_band_row_of_twelve_by_two_is_two_sets_of_twelve(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=("Resistance bands",))
    # The trial: "✍️ Logged Band row: 12×2".
    assert head(await bot.send(USER, "/log band row 12x2")) == "✍️ Logged Band row: 2×12"
    assert head(await bot.send(USER, "/log band row 3x10")) == "✍️ Logged Band row: 3×10"
    # Told in words, twelve sets are twelve sets.
    assert head(await bot.send(USER, "/log band row 12 sets of 2")) == "✍️ Logged Band row: 12×2"
    assert (
        await sets_of(bot)
        == [("band-row", 12, None)] * 2 + [("band-row", 10, None)] * 3 + [("band-row", 2, None)] * 12
    )


async def test_many_sets_of_a_few_pull_ups_are_asked_back_with_a_button_each(bot: Harness) -> None:
    await bot.onboard(USER)
    [asked] = await bot.send(USER, "/log pull-up 12x2")
    assert asked.plain_text == (
        "Is “12x2” 12 sets of 2, or 2 sets of 12? Sets told in words I log as told:"
        " /log pull-up 2 sets of 12. Or tap what you did:"
    )
    assert labels(bot, asked) == ["12 sets of 2", "2 sets of 12"]
    assert await sets_of(bot) == []
    assert head(await bot.press(USER, "2 sets of 12")) == "✍️ Logged Pull-up: 2×12"
    assert await sets_of(bot) == [("pull-up", 12, None)] * 2


async def test_ten_by_three_on_a_loaded_deadlift_is_asked_and_keeps_its_load(bot: Harness) -> None:
    await bot.onboard(USER)
    [asked] = await bot.send(USER, "/log deadlift 10x3 100kg")
    assert labels(bot, asked) == ["10 sets of 3 @ 100 kg", "3 sets of 10 @ 100 kg"]
    assert head(await bot.press(USER, "10 sets of 3 @ 100 kg")) == "✍️ Logged Barbell deadlift: 10×3 @ 100 kg"
    assert await sets_of(bot) == [("deadlift", 3, 100.0)] * 10


async def test_a_romanian_deadlift_of_twelve_by_ten_by_two_is_two_sets_at_twelve(bot: Harness) -> None:
    await bot.onboard(USER, level="🔥 Advanced")
    # The trial: "I can't tell reps from load in “12x10x2”" with no button; 12 sets at 2 kg is nobody's.
    [asked] = await bot.send(USER, "/log romanian deadlift 12x10x2")
    # 12 kg is less than a barbell's empty bar: the dumbbell RDL is the only one it can be.
    assert asked.plain_text == "Did you mean Dumbbell Romanian deadlift? Tap it to log 2×10 @ 12 kg:"
    assert labels(bot, asked) == ["Dumbbell Romanian deadlift"]
    logged = head(await bot.press(USER, "Dumbbell Romanian deadlift"))
    assert logged == "✍️ Logged Dumbbell Romanian deadlift: 2×10 @ 12 kg each hand", logged
    assert await sets_of(bot) == [("dumbbell-rdl", 10, 12.0)] * 2


async def test_a_name_that_fits_two_with_numbers_that_read_two_ways_gets_a_button_for_each(
    bot: Harness,
) -> None:
    await bot.onboard(USER, level="🔥 Advanced")
    # Before, "I can't tell reps from load in “3x10x5”" with no button: the name's question hid the numbers'.
    [asked] = await bot.send(USER, "/log romanian deadlift 3x10x5")
    assert asked.plain_text == (
        "“romanian deadlift” fits more than one exercise, and its numbers read more than one way."
        " Which did you do?"
    )
    # No button for 5 kg or 3 kg on a barbell: less than its empty bar.
    assert labels(bot, asked) == [
        "Dumbbell Romanian deadlift: 3×10 @ 5 kg",
        "Dumbbell Romanian deadlift: 5×10 @ 3 kg",
    ]
    logged = head(await bot.press(USER, "Dumbbell Romanian deadlift: 3×10 @ 5 kg"))
    assert logged == "✍️ Logged Dumbbell Romanian deadlift: 3×10 @ 5 kg each hand", logged
    assert await sets_of(bot) == [("dumbbell-rdl", 10, 5.0)] * 3
