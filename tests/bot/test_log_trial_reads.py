"""A newcomer trial's logging faults, through the real Application against the Bot API double.

A beginner at the gym: "did the romanian deadlifts with two 10kg dumbbells, 2 sets of 10" was offered as
"deadlift 2x10 10kg" and logged as a 10 kg barbell deadlift, lighter than the empty bar, though the plan
had the dumbbell RDL; "rear delt flys were 3 x 12 with the 8s" lost its 8 kg and then asked "Did you mean
Bent-over rear-delt fly?" of the plan's only fly; "/log rear delt fly 3x10 10kg" was "@ 10 kg" where the
same lift elsewhere was "each hand"; and "…please delete the barbell one" got the deadlift's card, /undo
four times the only way out.
"""

from __future__ import annotations

import csv
import io

from bot import callbacks
from tests.bot.harness import Harness, joined, labels, logged_rows

USER = 7411
HAND = "each hand"
TAKE = "🗑 Take it off"
UNDO = "↩️ Undo"


async def test_romanian_deadlifts_with_two_dumbbells_are_the_dumbbell_rdl_at_each_hands_load(
    bot: Harness,
) -> None:
    await bot.onboard(USER)  # a beginner at the gym: today's hinge is the dumbbell RDL
    told = joined(await bot.send(USER, "did the romanian deadlifts with two 10kg dumbbells, 2 sets of 10"))
    assert told == (
        "📝 Shall I log that? <b>dumbbell rdl 2x10 10kg each</b> — tap below, or correct it with /log."
    )
    assert labels(bot, USER) == ["▶ /log dumbbell rdl 2x10 10kg each"]
    assert await logged_rows(bot) == [], "nothing before the press"
    logged = joined(await bot.press(USER, "▶ /log dumbbell rdl 2x10 10kg each"))
    assert logged.startswith("✍️ Logged Dumbbell Romanian deadlift: 2×10 @ 10 kg each hand\n"), logged
    assert await logged_rows(bot) == [("dumbbell-rdl", 10, 10.0, HAND)] * 2


async def test_a_barbell_lift_lighter_than_its_bar_is_asked_about_not_logged(bot: Harness) -> None:
    await bot.onboard(USER)
    [asked] = await bot.send(USER, "/log deadlift 2x10 10kg")
    assert asked.text == (
        "10 kg is less than the empty bar of a deadlift (20 kg). Which did you do?"
        " Tap it to log 2×10 @ 10 kg:"
    )
    # Today's dumbbell RDL first; the barbell itself for a lighter technique bar. No backpack at the gym.
    assert labels(bot, USER) == ["Dumbbell Romanian deadlift", "Barbell deadlift"]
    assert await logged_rows(bot) == []
    logged = joined(await bot.press(USER, "Dumbbell Romanian deadlift"))
    assert logged.startswith("✍️ Logged Dumbbell Romanian deadlift: 2×10 @ 10 kg each hand\n"), logged
    assert await logged_rows(bot) == [("dumbbell-rdl", 10, 10.0, HAND)] * 2
    # At the bar or above, the deadlift is logged as typed.
    heavy = joined(await bot.send(USER, "/log deadlift 3x5 60kg"))
    assert heavy.startswith("✍️ Logged Barbell deadlift: 3×5 @ 60 kg"), heavy


async def test_a_told_deadlift_with_dumbbells_is_never_the_barbell_one(bot: Harness) -> None:
    await bot.onboard(USER)
    told = joined(await bot.send(USER, "deadlifts 3x10 with the 10s today"))
    assert "<b>dumbbell deadlift 3x10 10kg each</b>" in told, told
    logged = joined(await bot.press(USER, "▶ /log dumbbell deadlift 3x10 10kg each"))
    assert logged.startswith("✍️ Logged Dumbbell Romanian deadlift: 3×10 @ 10 kg each hand\n"), logged


async def test_flys_with_the_8s_are_todays_fly_at_8_kg_each_hand_with_no_second_question(
    bot: Harness,
) -> None:
    await bot.onboard(USER)  # today: … rear-delt fly, the plan's only one
    told = joined(await bot.send(USER, "rear delt flys were 3 x 12 with the 8s"))
    # The home fly shares the name "rear-delt fly": the line names today's by its own.
    assert "<b>bent over rear delt fly 3x12 8kg each</b>" in told, told
    logged = joined(await bot.press(USER, "▶ /log bent over rear delt fly 3x12 8kg each"))
    assert logged.startswith("✍️ Logged Bent-over rear-delt fly: 3×12 @ 8 kg each hand\n"), logged
    assert await logged_rows(bot) == [("rear-delt-fly", 12, 8.0, HAND)] * 3
    # Typed after /log too, and with no load today's fly is logged, not asked about.
    again = joined(await bot.send(USER, "/log rear delt flys 1x12 with 8s"))
    assert again.startswith("✍️ Logged Bent-over rear-delt fly: 1×12 @ 8 kg each hand"), again


async def test_a_dumbbell_pairs_load_is_each_hands_wherever_it_is_said(bot: Harness) -> None:
    await bot.onboard(USER)
    logged = joined(await bot.send(USER, "/log rear delt fly 3x10 10kg"))
    assert logged.startswith("✍️ Logged Bent-over rear-delt fly: 3×10 @ 10 kg each hand\n"), logged
    assert await logged_rows(bot) == [("rear-delt-fly", 10, 10.0, HAND)] * 3
    assert "• Bent-over rear-delt fly: 3×10 @ 10 kg each hand" in joined(await bot.send(USER, "/history"))
    await bot.send(USER, "/export")
    rows = list(csv.DictReader(io.StringIO(bot.api.files[-1].content.decode("utf-8"))))
    assert [(row["Exercise Name"], row["Weight"], row["Notes"]) for row in rows] == [
        ("Bent-over rear-delt fly", "10", HAND)
    ] * 3

    # A typed correction says it and keeps it.
    offered = joined(await bot.send(USER, "oops, the flys were 12 reps not 10"))
    assert offered == (
        "✏️ Correct today's Bent-over rear-delt fly from 3×10 @ 10 kg each hand to 3×12 @ 10 kg each hand?"
        " Tap to change it."
    )
    [fixed] = await bot.press(USER, "✏️ Correct it")
    assert fixed.text == (
        "✏️ Corrected today's Bent-over rear-delt fly: it was 3×10 @ 10 kg each hand, it is now"
        " 3×12 @ 10 kg each hand."
    )
    assert await logged_rows(bot) == [("rear-delt-fly", 12, 10.0, HAND)] * 3


async def test_the_adjust_panel_says_each_hand_for_a_dumbbell_pair(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/log yesterday dumbbell rdl 2x10 12kg")
    await bot.send(USER, "/done")
    [panel] = await bot.press(USER, "✏️ Adjust")
    line = next(row for row in (panel.text or "").splitlines() if "Dumbbell Romanian deadlift" in row)
    assert line.endswith(f"kg</b> {HAND}"), line


async def test_a_request_to_delete_one_lift_takes_just_its_sets_off_with_an_undo(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/log deadlift 2x10 40kg")
    bot.clock.advance(minutes=3)
    await bot.send(USER, "/log lat pulldown 3x10 30kg")
    bot.clock.advance(minutes=3)
    await bot.send(USER, "/log dumbbell rdl 2x10 10kg")
    bot.clock.advance(minutes=3)
    before = await logged_rows(bot)

    asked = (
        "that wasn't a barbell deadlift, I did the dumbbell romanian deadlifts, please delete the barbell one"
    )
    offered = joined(await bot.send(USER, asked))
    assert offered == (
        "🗑 Take today's Barbell deadlift (2×10 @ 40 kg) off your log? The rest of today's log stays as it is."
    )
    assert labels(bot, USER) == [TAKE]
    assert await logged_rows(bot) == before, "nothing before the press"

    [taken] = await bot.press(USER, TAKE)
    assert taken.text == (
        "🗑 Took today's Barbell deadlift (2×10 @ 40 kg) off your log. The rest of today's log stays;"
        " /history shows it."
    )
    assert labels(bot, USER) == [UNDO]
    [[(_, undo)]] = bot.api.buttons(taken)
    assert await logged_rows(bot) == [row for row in before if row[0] != "deadlift"]
    history = joined(await bot.send(USER, "/history"))
    assert "Barbell deadlift" not in history and "Lat pulldown: 3×10 @ 30 kg" in history

    # Its Undo logs them again, once; the /log that logged them takes them back as before.
    back = joined(await bot.press(USER, UNDO, message_id=taken.message_id))
    assert back == "↩️ Put back today's Barbell deadlift: 2×10 @ 40 kg."
    assert sorted(await logged_rows(bot)) == sorted(before)
    await bot.callback(USER, undo, message_id=taken.message_id)
    assert bot.toasts()[-1].text == (
        "Those sets are already back, or the day's log was taken back since: nothing changed."
    )
    assert sorted(await logged_rows(bot)) == sorted(before)
    # The /log that logged them takes them back as before (its Undo names its own batch).
    undone = joined(await bot.send(USER, "/undo"))
    assert "Dumbbell Romanian deadlift" in undone and "Barbell deadlift" not in undone, undone


async def test_removing_words_that_fit_no_lift_logged_today_say_so(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/log lat pulldown 3x10 30kg")
    said = joined(await bot.send(USER, "remove the deadlift I logged"))
    assert said == (
        "I found no deadlift among the sets you logged today, so there is nothing to take off."
        " /history shows what is logged."
    )
    assert labels(bot, USER) == []


async def test_the_take_off_button_is_for_its_owner_and_its_day(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/log lat pulldown 3x10 30kg")
    await bot.send(USER, "please remove today's pulldowns")
    forged = callbacks.pack("rm", callbacks.pack_day(bot.clock.now.date()), "lat-pulldown", str(USER + 1))
    await bot.callback(USER, forged)
    assert bot.toasts()[-1].text == "That is for the sets of whoever asked."
    assert len(await logged_rows(bot)) == 3
    bot.clock.advance(days=1)
    await bot.press(USER, TAKE)
    assert bot.toasts()[-1].text == "That was for another day, so nothing changed."
    assert len(await logged_rows(bot)) == 3


async def test_the_put_back_undo_is_for_its_owner_and_its_day(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/log lat pulldown 3x10 30kg")
    await bot.send(USER, "please remove today's pulldowns")
    [taken] = await bot.press(USER, TAKE)
    [[(_, undo)]] = bot.api.buttons(taken)
    assert await bot.callback(USER, f"{undo}:x", message_id=taken.message_id) == []
    assert bot.toasts()[-1].text == "That button has expired. Send /help to start fresh."
    assert await bot.callback(USER, undo, message_id=taken.message_id, user_id=USER + 1) == []
    assert bot.toasts()[-1].text == "That is for the sets of whoever asked."
    bot.clock.advance(days=1)
    assert await bot.press(USER, UNDO, message_id=taken.message_id) == []
    assert bot.toasts()[-1].text == "That Undo only works on the day the lift was taken off."
    assert await logged_rows(bot) == []
