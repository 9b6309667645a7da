"""A load typed at Done's ✏️ Adjust panel goes to the lift it names, or is said back: a newcomer trial's
"32 on the one arm row" was set on the seated cable row (65 kg overwritten), loads named for the panel's
listed lifts without ± buttons ("straight arm was 35") went to the question answerer, and at home "the
deadlift was 5 kg" (the dumbbell RDL, the panel's one deadlift) did too. The panel sent again keeps its
rows, so the next tap lands where it did.
"""

from __future__ import annotations

from tests.bot.harness import Harness, joined, labels, logged_rows

USER = 6312


async def gym_panel(bot: Harness) -> str:
    """Intermediate gym: deadlift, lat pulldown and seated cable row on ±, then the pull-up, the rear-delt
    fly and the straight-arm pulldown listed (the last two asked after Save)."""
    await bot.onboard(USER, level="💪 Intermediate")
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    return joined(await bot.press(USER, "✏️ Adjust"))


async def cable_row_at_62_5(bot: Harness) -> list[list[str]]:
    """The cable row moved to 62.5 kg on the panel; its keyboard, by rows of captions."""
    await gym_panel(bot)
    for _ in range(6):
        await bot.press(USER, "3: +10 kg")
    shown = joined(await bot.press(USER, "3: +2.5 kg"))
    assert "3. Seated cable row: <b>3×6 @ 62.5 kg</b>" in shown
    return [[text for text, _ in row] for row in bot.api.buttons(bot.api.last(USER))]


async def test_a_load_named_for_a_lift_not_listed_sets_nothing(bot: Harness) -> None:
    await cable_row_at_62_5(bot)
    # Before: "✏️ Set on the panel: Seated cable row 32 kg", the 62.5 kg overwritten.
    said = joined(await bot.send(USER, "32 on the one arm row"))
    assert said == (
        "“one arm row” isn't a lift on this panel, so nothing is set. Name one it lists, e.g. “the row"
        " was 40”."
    )
    saved = joined(await bot.press(USER, "💾 Save"))
    assert "Seated cable row: 3×6 @ 62.5 kg" in saved
    assert {load for ex, _, load, _ in await logged_rows(bot) if ex == "seated-cable-row"} == {62.5}


async def test_loads_for_the_listed_lifts_are_said_back_for_after_save(bot: Harness) -> None:
    await gym_panel(bot)
    # Before: each was read as a question (the answerer's card).
    for typed, name, load in (
        ("12 kg on the rear-delt fly", "Bent-over rear-delt fly", "12 kg"),
        ("the 12s on the rear delt fly", "Bent-over rear-delt fly", "12 kg"),
        ("straight arm was 35", "Straight-arm cable pulldown", "35 kg"),
        ("35 on the straight-arm pulldown", "Straight-arm cable pulldown", "35 kg"),
    ):
        said = joined(await bot.send(USER, typed))
        assert said == f"✏️ {name} has no load on the panel: I'll ask it after Save, so type {load} then.", (
            said
        )
    # A main lift named with one of them is set, the other said back.
    said = await bot.send(USER, "40 on the row and straight arm 30")
    assert said[0].text == (
        "✏️ Set on the panel: Seated cable row 40 kg. Save when it matches what you did.\n✏️ Straight-arm"
        " cable pulldown has no load on the panel: I'll ask it after Save, so type 30 kg then."
    )
    assert "3. Seated cable row: <b>3×6 @ 40 kg</b>" in said[1].text
    assert await logged_rows(bot) == []


async def test_a_load_for_a_lift_the_panel_lists_without_buttons_goes_to_that_lift(bot: Harness) -> None:
    # A pec deck logged the day before: session 2's panel lists the one-arm dumbbell row (its load asked
    # after Save) and the reverse pec deck as Save logs it, below the cable row on ±.
    await bot.onboard(USER, level="💪 Intermediate")
    await bot.send(USER, "/log yesterday reverse pec deck 3x10 30kg")
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    await bot.press(USER, "✏️ Adjust")
    for _ in range(6):
        await bot.press(USER, "3: +10 kg")
    shown = joined(await bot.press(USER, "3: +2.5 kg"))
    assert "3. Seated cable row: <b>3×6 @ 62.5 kg</b>" in shown
    assert "4. One-arm dumbbell row: <i>load asked after Save</i>" in shown
    assert "5. Reverse pec deck: 3×11 @ 30 kg" in shown, shown
    # Before: "✏️ Set on the panel: Seated cable row 32 kg".
    said = joined(await bot.send(USER, "32 on the one arm row"))
    assert (
        said == "✏️ One-arm dumbbell row has no load on the panel: I'll ask it after Save, so type 32 kg then."
    )
    said = joined(await bot.send(USER, "the pec deck was 35"))
    assert said == (
        "✏️ The panel can't change Reverse pec deck: Save logs it as shown, 3×11 @ 30 kg. If you lifted"
        " 35 kg, tap ⏭ 5 didn't do it, then Save, then send <code>/log reverse pec deck 3x11 35kg</code>."
    ), said
    saved = joined(await bot.press(USER, "💾 Save"))
    assert "Seated cable row: 3×6 @ 62.5 kg" in saved and "One-arm dumbbell row" in saved


async def test_the_panel_sent_again_keeps_its_rows(bot: Harness) -> None:
    before = await cable_row_at_62_5(bot)
    said = await bot.send(USER, "the row was 65")
    assert "3. Seated cable row: <b>3×6 @ 65 kg</b>" in said[1].text
    after = [[text for text, _ in row] for row in bot.api.buttons(said[1])]
    # Before: the cable row's two rows became one, and every button below it moved up.
    assert after == before
    assert after[-1] == ["💾 Save"]
    assert "3. Seated cable row: <b>3×6 @ 75 kg</b>" in joined(await bot.press(USER, "3: +10 kg"))


async def test_a_short_name_that_fits_one_lift_on_a_home_panel_is_that_lift(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=("Dumbbells",))
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    shown = joined(await bot.press(USER, "✏️ Adjust"))
    assert "1. Dumbbell Romanian deadlift" in shown, shown
    # Before: each but "the rdl was 5 kg" was read as a question about the barbell deadlift.
    for typed, load in (
        ("the deadlifts were 4 kg", "4 kg"),
        ("I used the 5 kg ones on the deadlift", "5 kg"),
        ("the deadlift was 6 kg", "6 kg"),
        ("the rdl was 8 kg", "8 kg"),
    ):
        said = await bot.send(USER, typed)
        assert said[0].text.startswith(f"✏️ Set on the panel: Dumbbell Romanian deadlift {load}."), typed
    assert "💾 Save" in labels(bot, USER)
