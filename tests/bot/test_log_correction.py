"""A load or reps typed as a correction of a lift logged today, through the real Application.

A newcomer trial: "actually the pulldown was 27.5 not 25", typed after logging the lat pulldown at 25 kg,
got a "did you mean" from the question answerer. It now gets a button that puts today's pulldown sets at
27.5 kg (keeping their reps), with an ↩️ Undo; nothing changes until it is pressed, and a lift or a value
not found among today's sets is said plainly, with the /log to send.
"""

from __future__ import annotations

from sqlalchemy import select

from bot import callbacks
from storage.models import LoggedSet, ReplacedSet
from tests.bot.harness import Harness, joined, labels, logged_rows

USER = 6311
FIX = "✏️ Correct it"
UNDO = "↩️ Undo"
STALE = "That button has expired. Send /help to start fresh."


async def pulldown_at_25(bot: Harness) -> int:
    """The lat pulldown logged at 25 kg and a row at 40 kg; the pulldown /log reply's message id."""
    await bot.onboard(USER)
    [reply] = await bot.send(USER, "/log lat pulldown 10,10,8 25kg")
    bot.clock.advance(minutes=2)
    await bot.send(USER, "/log row 3x10 40kg")
    bot.clock.advance(minutes=5)
    return reply.message_id


async def kept(bot: Harness) -> int:
    async with bot.app.bot_data.sessionmaker() as session:
        return len((await session.scalars(select(ReplacedSet))).all())


async def pulldown(bot: Harness) -> list[tuple[int, float | None, str]]:
    async with bot.app.bot_data.sessionmaker() as session:
        query = (
            select(LoggedSet.reps, LoggedSet.load, LoggedSet.unit)
            .where(LoggedSet.exercise == "lat-pulldown")
            .order_by(LoggedSet.set_number)
        )
        return [tuple(row) for row in (await session.execute(query)).all()]


async def test_a_typed_correction_offers_the_change_and_makes_it_when_pressed(bot: Harness) -> None:
    await pulldown_at_25(bot)
    offered = joined(await bot.send(USER, "actually the pulldown was 27.5 not 25"))
    assert offered == (
        "✏️ Correct today's Lat pulldown from 10, 10, 8 @ 25 kg to 10, 10, 8 @ 27.5 kg? Tap to change it."
    )
    assert labels(bot, USER) == [FIX]
    assert await pulldown(bot) == [(10, 25, "kg"), (10, 25, "kg"), (8, 25, "kg")], "nothing before the press"

    [fixed] = await bot.press(USER, FIX)
    assert fixed.text == (
        "✏️ Corrected today's Lat pulldown: it was 10, 10, 8 @ 25 kg, it is now 10, 10, 8 @ 27.5 kg."
    )
    assert labels(bot, USER) == [UNDO]
    assert await pulldown(bot) == [(10, 27.5, "kg"), (10, 27.5, "kg"), (8, 27.5, "kg")]
    assert ("seated-cable-row", 10, 40, None) in await logged_rows(bot), "the row is left as it was"
    history = joined(await bot.send(USER, "/history"))
    assert "• Lat pulldown: 10, 10, 8 @ 27.5 kg" in history and "25 kg" not in history

    # Its Undo puts the 25 kg back, once.
    undone = joined(await bot.press(USER, UNDO, message_id=fixed.message_id))
    assert undone == "↩️ Took back the correction: today's Lat pulldown is 10, 10, 8 @ 25 kg again."
    assert await pulldown(bot) == [(10, 25, "kg"), (10, 25, "kg"), (8, 25, "kg")]
    assert await kept(bot) == 0


async def test_the_other_ways_of_saying_it(bot: Harness) -> None:
    await pulldown_at_25(bot)
    sorry = joined(await bot.send(USER, "sorry, pulldown 27.5kg"))
    assert sorry.startswith("✏️ Correct today's Lat pulldown from 10, 10, 8 @ 25 kg to 10, 10, 8 @ 27.5 kg?")
    row = joined(await bot.send(USER, "the row was 42.5 not 40"))
    assert row.startswith("✏️ Correct today's Seated cable row from 3×10 @ 40 kg to 3×10 @ 42.5 kg?")
    await bot.press(USER, FIX)
    reps = joined(await bot.send(USER, "oops, the row was 12 reps not 10"))
    assert reps.startswith("✏️ Correct today's Seated cable row from 3×10 @ 42.5 kg to 3×12 @ 42.5 kg?")
    await bot.press(USER, FIX)
    assert ("seated-cable-row", 12, 42.5, None) in await logged_rows(bot)


async def test_what_is_not_found_is_said_with_the_log_to_send(bot: Harness) -> None:
    await pulldown_at_25(bot)
    wrong_old = joined(await bot.send(USER, "actually the pulldown was 27.5 not 30"))
    assert wrong_old == (
        "Today's Lat pulldown is 10, 10, 8 @ 25 kg, no set of it at 30 kg, so nothing changed. If it was"
        " 10, 10, 8 @ 27.5 kg, tap ↩️ Undo under that log and send <code>/log lat pulldown 10,10,8"
        " 27.5kg</code>"
    )
    assert labels(bot, USER) == []
    not_today = joined(await bot.send(USER, "actually the deadlift was 100 not 90"))
    assert not_today == (
        "I found no deadlift among the sets you logged today, so nothing changed. To log it, send it with its"
        " sets, e.g. <code>/log deadlift 3x10 100kg</code>"
    )
    same = joined(await bot.send(USER, "sorry, the pulldown was 25"))
    assert same == "Today's Lat pulldown is already 10, 10, 8 @ 25 kg: nothing to correct."
    assert await pulldown(bot) == [(10, 25, "kg"), (10, 25, "kg"), (8, 25, "kg")]
    assert await kept(bot) == 0


async def test_a_stale_forged_or_foreign_button_changes_nothing(bot: Harness) -> None:
    reply = await pulldown_at_25(bot)
    await bot.send(USER, "actually the pulldown was 27.5 not 25")
    offer = bot.api.last(USER)
    [[button]] = offer.reply_markup["inline_keyboard"] if offer.reply_markup else [[{}]]
    payload = str(button["callback_data"])
    head = payload.rsplit(":", 1)[0]
    for forged in (f"{head}:x", payload.replace("27.5", "27.50"), payload.replace("lat-pulldown", "nope")):
        assert await bot.callback(USER, forged, message_id=offer.message_id) == []
        assert bot.toasts()[-1].text == STALE
    assert await bot.callback(USER, payload, message_id=offer.message_id, user_id=USER + 1) == []
    assert bot.toasts()[-1].text == "That correction is for the sets of whoever typed it."

    # The /log it corrects taken back before the press: said, and nothing logged.
    await bot.press(USER, UNDO, message_id=reply)
    stale = joined(await bot.callback(USER, payload, message_id=offer.message_id))
    assert stale == "Today's Lat pulldown is not logged now, no longer 25 kg, so nothing changed."
    assert await pulldown(bot) == []

    # A day later the button is for another day.
    await bot.send(USER, "/log lat pulldown 3x10 25kg")
    bot.clock.advance(days=1)
    assert await bot.callback(USER, payload, message_id=offer.message_id) == []
    assert bot.toasts()[-1].text == "That correction was for another day, so nothing changed."


async def test_the_logs_own_undo_takes_the_corrected_sets_back(bot: Harness) -> None:
    reply = await pulldown_at_25(bot)
    await bot.send(USER, "actually the pulldown was 27.5 not 25")
    [fixed] = await bot.press(USER, FIX)
    taken = joined(await bot.press(USER, UNDO, message_id=reply))
    assert taken.startswith("↩️ Took back: Lat pulldown 10, 10, 8 @ 27.5 kg.")
    assert await pulldown(bot) == [] and await kept(bot) == 0
    # The correction's Undo has nothing left to put back.
    assert await bot.press(USER, UNDO, message_id=fixed.message_id) == []
    assert bot.toasts()[-1].text.startswith("That correction is already taken back")
    day = callbacks.pack_day(bot.clock.now.date())
    assert await bot.callback(USER, f"1:fu:{day}:zz:{USER}", message_id=fixed.message_id) == []
    assert bot.toasts()[-1].text.startswith("That correction is already taken back")


async def test_the_corrections_undo_is_for_its_owner_and_its_day(bot: Harness) -> None:
    await pulldown_at_25(bot)
    await bot.send(USER, "actually the pulldown was 27.5 not 25")
    [fixed] = await bot.press(USER, FIX)
    [[(_, undo)]] = bot.api.buttons(fixed)
    assert await bot.callback(USER, f"{undo}:x", message_id=fixed.message_id) == []
    assert bot.toasts()[-1].text == STALE
    assert await bot.callback(USER, undo, message_id=fixed.message_id, user_id=USER + 1) == []
    assert bot.toasts()[-1].text == "That correction is for the sets of whoever typed it."
    bot.clock.advance(days=1)
    assert await bot.press(USER, UNDO, message_id=fixed.message_id) == []
    assert bot.toasts()[-1].text == "That Undo only works on the day of the correction."
    assert {load for _, load, _ in await pulldown(bot)} == {27.5}


async def test_a_question_about_a_load_is_still_answered(bot: Harness) -> None:
    await pulldown_at_25(bot)
    answered = joined(await bot.send(USER, "is 27.5 on the pulldown too heavy, not 25?"))
    assert "✏️ Correct" not in answered


async def test_corrections_are_taken_back_the_last_first(bot: Harness) -> None:
    await pulldown_at_25(bot)
    await bot.send(USER, "actually the pulldown was 27.5 not 25")
    [first] = await bot.press(USER, FIX)
    bot.clock.advance(minutes=1)
    await bot.send(USER, "sorry, the pulldown was 30 not 27.5")
    [second] = await bot.press(USER, FIX)
    assert await bot.press(USER, UNDO, message_id=first.message_id) == []
    later = "A later correction of today's Lat pulldown stands: take that one back first."
    assert bot.toasts()[-1].text == later
    assert {load for _, load, _ in await pulldown(bot)} == {30}
    assert joined(await bot.press(USER, UNDO, message_id=second.message_id)).endswith("@ 27.5 kg again.")
    assert joined(await bot.press(USER, UNDO, message_id=first.message_id)).endswith("@ 25 kg again.")
    assert {load for _, load, _ in await pulldown(bot)} == {25} and await kept(bot) == 0


async def rows_at(bot: Harness) -> list[tuple[int, float | None, str | None]]:
    return [
        (reps, load, note) for ex, reps, load, note in await logged_rows(bot) if ex == "one-arm-dumbbell-row"
    ]


async def test_dumbbells_called_by_their_weight_correct_the_lift_named(bot: Harness) -> None:
    # A newcomer trial: "12 lb each, not 15 lb each" was read, "the 12s, not the 15s" went to the answerer.
    await bot.onboard(USER)
    await bot.send(USER, "/log one arm db row 3x10 15kg")
    offer = "✏️ Correct today's One-arm dumbbell row from 3×10 @ 15 kg each hand to 3×10 @ 12 kg each hand?"
    for said in (
        "actually the rows were with the 12s, not the 15s",
        "with the 12s not the 15s on the rows",
        "it was the 12s on the rows",
    ):
        assert joined(await bot.send(USER, said)).startswith(offer), said
        assert labels(bot, USER) == [FIX]
    assert await rows_at(bot) == [(10, 15, "each hand")] * 3, "nothing before the press"
    fixed = joined(await bot.press(USER, FIX))
    assert fixed == (
        "✏️ Corrected today's One-arm dumbbell row: it was 3×10 @ 15 kg each hand, it is now 3×10 @ 12 kg"
        " each hand."
    )
    assert await rows_at(bot) == [(10, 12, "each hand")] * 3


async def test_with_no_lift_named_the_pair_is_the_lift_logged_at_the_load_it_was(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/log one arm db row 3x10 15kg")
    await bot.send(USER, "/log lat pulldown 3x10 15kg")
    said = joined(await bot.send(USER, "with the 12s not the 15s"))
    assert said.startswith("✏️ Correct today's One-arm dumbbell row from 3×10 @ 15 kg each hand to"), said
    none = joined(await bot.send(USER, "with the 12s not the 16s"))
    assert none.startswith(
        "None of the lifts you held in your hands today (One-arm dumbbell row) is logged"
    ), none
    await bot.send(USER, "/log db rdl 2x10 15kg")
    both = joined(await bot.send(USER, "with the 12s not the 15s"))
    assert both.startswith(
        "More than one lift you logged today was at 15 kg each hand (One-arm dumbbell row, Dumbbell Romanian"
        " deadlift): name the one to correct"
    ), both
    assert labels(bot, USER) == []
