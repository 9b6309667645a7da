"""A newcomer's trial lost loads while As written waited for them: "the backpack was 10kg" and "just two
water bottles, like half a litre each" got the "Training at home" card, "40 on the rows and 55 on the
pulldown" (two pulldowns asked) a "Did you mean", "deadlift was 100" the Deadlift card, and each time the
question was dropped, so the next "8" was declined. "8 kg for both" logged one lift of two, "same" was not
read. Now a message that is no question, small talk or request is a try at the answer: read as loads, or
told what was not understood, the question still waiting; a name fitting two lifts asked is the one it
fits best; "both" is both lifts asked, "same" last time's load.
"""

from __future__ import annotations

from tests.bot.harness import Harness, labels
from tests.bot.harness import logged_rows as rows
from tests.bot.harness import plain as text

USER = 5151
SKIP = "⏭ Skip"
KIT = ("A backpack or other load",)
RDL = "Romanian deadlift with a loaded backpack or dumbbells"
ROW = "Bent-over row with a loaded backpack or dumbbells"
FLY = "Rear-delt fly with light weights or water bottles"
ASKED_ROW = (
    f"⚖️ {ROW}, 2×10: what load did you lift? Type the backpack's weight, or each dumbbell's if you used two,"
    " e.g. 10 or 10 kg, and I'll log it, or tap ⏭ Skip to leave it for now. Then 1 more lift."
)


async def loaded(bot: Harness) -> list[tuple[str, float, str | None]]:
    return [(ex, load, note) for ex, _, load, note in await rows(bot) if load is not None]


async def home_as_written(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=KIT)
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    await bot.press(USER, "✅ As written")


async def test_the_backpack_told_is_the_load_of_the_lift_asked(bot: Harness) -> None:
    await home_as_written(bot)
    # Before: the "Training at home" card, the question dropped; the next "8" declined.
    told = text(await bot.send(USER, "the backpack was 10kg"))
    assert told == f"✍️ Logged {RDL}: 2×8 @ 10 kg\n\n{ASKED_ROW}", told
    assert labels(bot, USER) == ["↩️ Undo", SKIP]
    # Before: only the row at 8. One load "for both" of the two lifts asked is each one's.
    both = text(await bot.send(USER, "8 kg for both"))
    assert both == f"✍️ Logged:\n• {ROW}: 2×10 @ 8 kg\n• {FLY}: 2×12 @ 8 kg each hand", both
    assert (
        await loaded(bot)
        == [("backpack-rdl", 10.0, None)] * 2
        + [("backpack-row", 8.0, None)] * 2
        + [("backpack-rear-delt-fly", 8.0, "each hand")] * 2
    )


async def test_what_is_not_read_keeps_the_question_waiting(bot: Harness) -> None:
    await home_as_written(bot)
    await bot.send(USER, "10, skip")
    # Before: the "Training at home" card, and the fly's question dropped.
    told = text(await bot.send(USER, "just two water bottles, like half a litre each"))
    assert told == (
        "I couldn't read “just two water bottles, like half a litre each” as a load, so nothing is logged"
        f" yet. For {FLY}, type the load you lifted per dumbbell, e.g. 6 or 6 kg, or tap ⏭ Skip to leave it"
        " for now."
    ), told
    assert labels(bot, USER) == [SKIP]
    assert text(await bot.send(USER, "0.5")).startswith(f"✍️ Logged {FLY}: 2×12 @ 0.5 kg each hand")


async def test_a_question_without_its_mark_is_answered_and_asked_again(bot: Harness) -> None:
    await home_as_written(bot)
    sent = await bot.send(USER, "how heavy should the backpack be")
    answered = text(sent[:1])
    assert "nothing is logged yet" not in answered and "⚖️" not in answered, answered
    # Before: the wait ended here, and the load was lost.
    assert text(sent[1:]).startswith(f"⚖️ {RDL}, 2×8: what load did you lift?"), text(sent)
    assert text(await bot.send(USER, "10")).startswith(f"✍️ Logged {RDL}: 2×8 @ 10 kg")


async def intermediate_gym(bot: Harness) -> None:
    """Deadlift, pull-up, lat pulldown, seated cable row, rear-delt fly, straight-arm pulldown: the
    deadlift answered, four lifts left to ask, two of them pulldowns."""
    await bot.onboard(USER, level="💪 Intermediate")
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    await bot.press(USER, "✅ As written")
    assert text(await bot.send(USER, "100")).startswith("✍️ Logged Barbell deadlift: 3×6 @ 100 kg")


async def test_the_plain_pulldown_is_the_lat_pulldown_of_two_asked(bot: Harness) -> None:
    await intermediate_gym(bot)
    # Before: "Did you mean … [Bent-over row] [Lat pulldown]", the question dropped.
    told = text(await bot.send(USER, "40 on the rows and 55 on the pulldown"))
    assert told.startswith(
        "✍️ Logged:\n• Lat pulldown: 3×6 @ 55 kg\n• Seated cable row: 3×6 @ 40 kg\n\n⚖️ Bent-over rear-delt fly"
    ), told
    # "Straight arm" is the other pulldown.
    told = text(await bot.send(USER, "straight arm 20"))
    assert told.startswith("✍️ Logged:\n• Straight-arm cable pulldown: 3×10 @ 20 kg\n\n⚖️ Bent-over"), told


async def test_a_lift_not_asked_is_said_back_and_nothing_is_logged(bot: Harness) -> None:
    await intermediate_gym(bot)
    # Before: a "Did you mean", then the Deadlift card for "deadlift was 100".
    for said in ("deadlift was 100, 55 on the pulldown and 40 on the rows", "deadlift was 100"):
        told = text(await bot.send(USER, said))
        assert told.startswith(
            "“deadlift” isn't one of the lifts I'm asking a load for, so nothing is logged yet. For Lat"
            " pulldown, type the load you lifted"
        ), told
        assert labels(bot, USER) == [SKIP]
    assert {ex for ex, *_ in await loaded(bot)} == {"deadlift"}
    assert text(await bot.send(USER, "55 on the pulldown")).startswith("✍️ Logged Lat pulldown: 3×6 @ 55 kg")


async def test_same_is_last_times_load_or_said_to_be_unknown(bot: Harness) -> None:
    # Beginner gym: the rear-delt fly at the top of its range, stretched for the big jump to the next dumbbell
    # up (``pairstep``), so session 4 asks its heavier load.
    await bot.onboard(USER)
    await bot.send(USER, "/log rear delt fly 2x18 10kg")
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    await bot.press(USER, "✅ As written")
    # The RDL was never logged at a load: there is nothing to repeat.
    told = text(await bot.send(USER, "same as last time"))
    assert told.startswith(
        "I have no earlier load of Dumbbell Romanian deadlift to go by, so nothing is logged yet. For"
        " Dumbbell Romanian deadlift, type the load you lifted per dumbbell"
    ), told
    assert labels(bot, USER) == [SKIP]
    await bot.send(USER, "16, 40, 45")
    bot.clock.advance(days=2)
    for session in range(2, 5):
        await bot.send(USER, "/workout")
        await bot.press(USER, "✅ Done")
        written = text(await bot.press(USER, "✅ As written"))
        if session == 4:
            assert "⚖️ Bent-over rear-delt fly, 2×12: what load did you lift per dumbbell?" in written, written
            break
        while "⚖️" in (bot.api.last(USER).plain_text or ""):
            await bot.send(USER, "10")
        bot.clock.advance(days=2)
    # Before: "I couldn't read “same” as a load".
    told = text(await bot.send(USER, "same"))
    assert told.startswith("✍️ Logged Bent-over rear-delt fly: 2×12 @ 10 kg each hand"), told
    fly = [(reps, load) for ex, reps, load, _ in await rows(bot) if ex == "rear-delt-fly"]
    assert fly[-2:] == [(12, 10.0)] * 2


async def test_log_reads_dumbbells_by_their_weight_and_sets_told_keep_their_load(bot: Harness) -> None:
    await bot.onboard(USER)
    # Before: "I couldn't read “20s”. Write sets like /log row 3x10 40kg …".
    logged = text(await bot.send(USER, "/log db row 3x10 20s"))
    assert logged.startswith("✍️ Logged One-arm dumbbell row: 3×10 @ 20 kg each hand"), logged
    # Before: "Shall I log that? deadlift 7,7", the 105 and the last set lost.
    offered = text(
        await bot.send(
            USER, "oh wait, the deadlifts were actually 105 for 7, 7 and then only 5 on the last set"
        )
    )
    assert offered == "📝 Shall I log that? deadlift 7,7,5 105kg — tap below, or correct it with /log.", (
        offered
    )
    assert labels(bot, USER) == ["▶ /log deadlift 7,7,5 105kg"]
    await bot.press(USER, "▶ /log deadlift 7,7,5 105kg")
    deadlift = [(reps, load) for ex, reps, load, _ in await rows(bot) if ex == "deadlift"]
    assert deadlift == [(7, 105.0), (7, 105.0), (5, 105.0)]
