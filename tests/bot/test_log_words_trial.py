"""/log and sets told, from a newcomer trial of people chatting with the bot who never read its code.

"log dumbbell deadlift 6kg 10 10" (no slash) was pointed to "/log log dumbbell deadlift …".
"""

from __future__ import annotations

import csv
import io

from tests.bot.harness import Harness, labels, logged_rows, texts

USER = 2323


async def test_log_typed_without_its_slash_is_pointed_to_the_log_it_means(bot: Harness) -> None:
    await bot.onboard(USER)
    offered = texts(await bot.send(USER, "log dumbbell deadlift 6kg 10 10"))
    line = "dumbbell deadlift 2x10 6kg"
    assert offered == [f"📝 Shall I log that? <b>{line}</b> — tap below, or correct it with /log."]
    assert labels(bot, USER) == [f"▶ /log {line}"]
    logged = texts(await bot.press(USER, f"▶ /log {line}"))
    assert logged[0].startswith("✍️ Logged Dumbbell Romanian deadlift: 2×10 @ 6 kg each hand"), logged
    assert [(ex, reps, load) for ex, reps, load, _ in await logged_rows(bot)] == [("dumbbell-rdl", 10, 6)] * 2


async def test_a_note_in_brackets_is_kept_with_the_sets(bot: Harness) -> None:
    await bot.onboard(USER)
    # Before: "I couldn't read “(light,”".
    logged = texts(await bot.send(USER, "/log seated row 30kg 3x10 (light, shoulder pain)"))
    assert logged[0].startswith("✍️ Logged Seated cable row: 3×10 @ 30 kg · 📝 light, shoulder pain"), logged
    assert await logged_rows(bot) == [("seated-cable-row", 10, 30, "light, shoulder pain")] * 3
    history = texts(await bot.send(USER, "/history"))[0]
    assert "  • Seated cable row: 3×10 @ 30 kg · 📝 light, shoulder pain" in history, history
    await bot.send(USER, "/export")
    rows = list(csv.DictReader(io.StringIO(bot.api.files[-1].content.decode("utf-8"))))
    assert [(row["Exercise Name"], row["Notes"]) for row in rows] == [
        ("Seated cable row", "light, shoulder pain")
    ] * 3


async def test_a_note_after_a_dash_beside_each_hands_load(bot: Harness) -> None:
    await bot.onboard(USER)
    logged = texts(await bot.send(USER, "/log db rdl 2x10 12kg - grip gave out"))
    assert logged[0].startswith(
        "✍️ Logged Dumbbell Romanian deadlift: 2×10 @ 12 kg each hand · 📝 grip gave out"
    ), logged
    history = texts(await bot.send(USER, "/history"))[0]
    assert "Dumbbell Romanian deadlift: 2×10 @ 12 kg each hand · 📝 grip gave out" in history, history


SESSION = "deadlift 60kg 3x8, lat pulldown 40kg 8,8,7, seated row 35kg 3x10"
SESSION_LINE = "deadlift 3x8 60kg; lat pulldown 8,8,7 40kg; cable row 3x10 35kg"


async def test_a_whole_session_told_is_offered_as_one_log_of_its_parts(bot: Harness) -> None:
    await bot.onboard(USER)
    for told in (SESSION, f"finished my session: {SESSION}"):
        # Before: "Send /log … and it's logged in one go", and told as a finished session, "Send /done".
        offered = texts(await bot.send(USER, told))
        assert offered == [
            f"📝 Shall I log that? <code>/log {SESSION_LINE}</code> — tap below to log it all in one go, or"
            " correct it with /log."
        ], offered
        assert labels(bot, USER) == [f"▶ /log {SESSION_LINE}"]
    logged = texts(await bot.press(USER, f"▶ /log {SESSION_LINE}"))
    assert logged[0].startswith(
        "✍️ Logged:\n• Barbell deadlift: 3×8 @ 60 kg\n• Lat pulldown: 8, 8, 7 @ 40 kg\n"
        "• Seated cable row: 3×10 @ 35 kg"
    ), logged
    rows = [(ex, reps, load) for ex, reps, load, _ in await logged_rows(bot)]
    assert rows == [
        *[("deadlift", 8, 60)] * 3,
        ("lat-pulldown", 8, 40),
        ("lat-pulldown", 8, 40),
        ("lat-pulldown", 7, 40),
        *[("seated-cable-row", 10, 35)] * 3,
    ]


async def test_the_long_button_logs_only_the_line_its_message_shows(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, SESSION)
    offer = bot.api.last(USER)
    # A fingerprint no line of the message has (forged, or the message not the offer): nothing logged.
    await bot.callback(USER, "1:tl:00000000", message_id=offer.message_id)
    assert bot.toasts()[-1].text == "That button has expired. Send /help to start fresh."
    assert await logged_rows(bot) == []


async def test_lifts_told_in_a_sentence_with_times_are_offered_as_parts(bot: Harness) -> None:
    await bot.onboard(USER)
    told = "The dumbbell deadlift I did 2 times 10 with 6 kg and the band row 2 times 12"
    # Before: a did-you-mean of the deadlift and bent-over row cards.
    offered = texts(await bot.send(USER, told))
    line = "dumbbell rdl 2x10 6kg; band row 2x12"
    assert offered == [f"📝 Shall I log that? <b>{line}</b> — tap below, or correct it with /log."]
    logged = texts(await bot.press(USER, f"▶ /log {line}"))
    assert logged[0].startswith(
        "✍️ Logged:\n• Dumbbell Romanian deadlift: 2×10 @ 6 kg each hand\n• Band row: 2×12"
    ), logged


async def test_a_comma_or_and_before_a_lift_parts_a_log(bot: Harness) -> None:
    await bot.onboard(USER)
    # Before: "I couldn't read “and”" and "I couldn't read “2x12,”".
    for typed in ("/log band row 2x12 and face pull 2x13", "/log band row 2x12, face pull 2x13"):
        logged = texts(await bot.send(USER, typed))
        assert logged[0].startswith("✍️ Logged:\n• Band row: 2×12\n• Cable face pull: 2×13"), logged
    # Reps and loads set by set keep their commas.
    logged = texts(await bot.send(USER, "/log deadlift 180x5, 190x3 and pull up 5, 5, 4"))
    assert logged[0].startswith(
        "✍️ Logged:\n• Barbell deadlift: 5 @ 180 kg, 3 @ 190 kg\n• Pull-up: 5, 5, 4"
    ), logged


async def test_a_correction_finds_the_lift_a_short_name_means(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/log dumbbell rdl 2x8 7.5kg")
    await bot.send(USER, "/log deadlift 3x5 60kg")
    # Before: "I found no deadlift among the sets you logged today". The barbell deadlift is "the deadlift"
    # by its name, but no set of it was at 7.5 kg: the dumbbell RDL was.
    offered = texts(await bot.send(USER, "That is wrong, I did the deadlift with 6 kg not 7.5 kg"))
    assert offered == [
        "✏️ Correct today's Dumbbell Romanian deadlift from 2×8 @ 7.5 kg each hand to 2×8 @ 6 kg each hand?"
        " Tap to change it."
    ]
    await bot.press(USER, "✏️ Correct it")
    rows = [(ex, reps, load) for ex, reps, load, _ in await logged_rows(bot)]
    assert rows == [("dumbbell-rdl", 8, 6)] * 2 + [("deadlift", 5, 60)] * 3
    # At the value the barbell one has, the name is its own.
    offered = texts(await bot.send(USER, "sorry the deadlift was 65 not 60"))
    assert offered[0].startswith("✏️ Correct today's Barbell deadlift from 3×5 @ 60 kg to 3×5 @ 65 kg?")


async def test_lifts_a_short_name_fits_alike_are_offered_a_button_each(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/log dumbbell rdl 2x8 7.5kg")
    await bot.send(USER, "/log barbell rdl 2x8 40kg")
    offered = texts(await bot.send(USER, "sorry the deadlift was 30kg"))
    assert offered == [
        "“deadlift” fits more than one lift you logged today (Dumbbell Romanian deadlift, Barbell Romanian"
        " deadlift). Which one was it? Tap it to correct it."
    ]
    assert labels(bot, USER) == [
        "✏️ Dumbbell Romanian deadlift: 2×8 @ 7.5 kg each hand → 2×8 @ 30 kg each hand",
        "✏️ Barbell Romanian deadlift: 2×8 @ 40 kg → 2×8 @ 30 kg",
    ]
    done = texts(await bot.press(USER, "✏️ Barbell Romanian deadlift: 2×8 @ 40 kg → 2×8 @ 30 kg"))
    assert done[-1].startswith("✏️ Corrected today's Barbell Romanian deadlift: it was 2×8 @ 40 kg"), done
    rows = [(ex, reps, load) for ex, reps, load, _ in await logged_rows(bot)]
    assert rows == [("dumbbell-rdl", 8, 7.5)] * 2 + [("barbell-rdl", 8, 30)] * 2
    # The value it was tells them apart.
    offered = texts(await bot.send(USER, "oops the deadlift was 6 not 7.5"))
    assert offered[0].startswith("✏️ Correct today's Dumbbell Romanian deadlift from 2×8 @ 7.5 kg each hand")


async def test_reps_corrected_set_by_set_get_the_correct_it_offer(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/log seated row 35kg 3x8")
    # Before: the Bent-over row card.
    offered = texts(await bot.send(USER, "sorry seated row was 8,8,6 not 3x8"))
    assert offered == [
        "✏️ Correct today's Seated cable row from 3×8 @ 35 kg to 8, 8, 6 @ 35 kg? Tap to change it."
    ]
    done = texts(await bot.press(USER, "✏️ Correct it"))
    assert done == ["✏️ Corrected today's Seated cable row: it was 3×8 @ 35 kg, it is now 8, 8, 6 @ 35 kg."]
    assert [reps for _, reps, _, _ in await logged_rows(bot)] == [8, 8, 6]
    # Its Undo puts every set's reps back.
    undone = texts(await bot.press(USER, "↩️ Undo"))
    assert undone == ["↩️ Took back the correction: today's Seated cable row is 3×8 @ 35 kg again."]
    assert [reps for _, reps, _, _ in await logged_rows(bot)] == [8, 8, 8]


async def test_reps_told_only_for_some_sets_name_which_ones_they_were(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/log rear delt fly 2x12 5kg")
    # Before: "I don't know that one".
    offered = texts(await bot.send(USER, "The fly was only 8 and 6, not 12"))
    assert offered == [
        "✏️ Correct today's Bent-over rear-delt fly from 2×12 @ 5 kg each hand to 8, 6 @ 5 kg each hand? Tap"
        " to change it."
    ]
    await bot.press(USER, "✏️ Correct it")
    assert [(reps, load) for _, reps, load, _ in await logged_rows(bot)] == [(8, 5), (6, 5)]
    # Three sets told of two: nothing to match them to, said plainly with no button.
    said = texts(await bot.send(USER, "sorry the fly was 8, 6 and 5"))
    assert said[0].startswith(
        "Today's Bent-over rear-delt fly is 8, 6 @ 5 kg each hand, and you told 8, 6, 5, so I can't tell"
    ), said
    assert labels(bot, USER) == []


async def test_a_recount_pressed_after_the_sets_changed_changes_nothing(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/log seated row 35kg 3x8")
    await bot.send(USER, "sorry seated row was 8,8,6 not 3x8")
    offer = bot.api.last(USER)
    await bot.send(USER, "sorry seated row was 8,7,6 not 3x8")
    await bot.press(USER, "✏️ Correct it")
    stale = texts(await bot.press(USER, "✏️ Correct it", message_id=offer.message_id))
    assert stale == [
        "Today's Seated cable row is 8, 7, 6 @ 35 kg now, no longer 8, 8, 8, so nothing changed."
    ]
    assert [reps for _, reps, _, _ in await logged_rows(bot)] == [8, 7, 6]
