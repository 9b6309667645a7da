"""A re-trial of the ✏️ Adjust panel (seated cable row on ±, the one-arm dumbbell row and the reverse pec
deck listed): "the cable row was 60" was unclear between the two rows ("cable" read as filler), and "12 kg
on the rear-delt fly", a lift not on the panel, got the question answerer's card."""

from __future__ import annotations

from tests.bot.harness import Harness, joined, logged_rows

USER = 6313


async def two_rows_panel(bot: Harness) -> str:
    """A pec deck logged the day before: session 2's panel lists the cable row, the one-arm dumbbell row and
    the reverse pec deck, and no rear-delt fly."""
    await bot.onboard(USER, level="💪 Intermediate")
    await bot.send(USER, "/log yesterday reverse pec deck 3x10 30kg")
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    shown = joined(await bot.press(USER, "✏️ Adjust"))
    assert "Seated cable row" in shown and "4. One-arm dumbbell row" in shown, shown
    assert "rear-delt" not in shown.casefold(), shown
    return shown


async def test_the_kit_said_tells_the_cable_row_from_the_dumbbell_row(bot: Harness) -> None:
    await two_rows_panel(bot)
    # Before: "“row” could be Seated cable row or One-arm dumbbell row, so nothing is set: name one."
    said = await bot.send(USER, "the cable row was 60")
    assert said[0].text.startswith("✏️ Set on the panel: Seated cable row 60 kg."), said[0].text
    assert "3. Seated cable row: <b>3×6 @ 60 kg</b>" in said[1].text
    said = joined(await bot.send(USER, "the dumbbell row was 30"))
    assert said == (
        "✏️ One-arm dumbbell row has no load on the panel: I'll ask it after Save, so type 30 kg then."
    )


async def test_a_load_for_a_lift_not_on_the_panel_sets_nothing(bot: Harness) -> None:
    await two_rows_panel(bot)
    # Before: the answerer's Face pull card.
    for typed in ("12 kg on the rear-delt fly", "12 on the rear delt fly"):
        said = joined(await bot.send(USER, typed))
        assert said.startswith("“rear delt fly” isn't a lift on this panel, so nothing is set."), said


async def test_a_lift_logged_today_named_at_the_load_question_is_said_with_how_to_correct(
    bot: Harness,
) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    await bot.press(USER, "✏️ Adjust")
    await bot.send(USER, "the cable row was 60")
    asked = joined(await bot.press(USER, "💾 Save"))
    assert "Seated cable row: 3×6 @ 60 kg" in asked, asked
    while "<b>Bent-over rear-delt fly</b>" not in asked:
        asked = joined(await bot.press(USER, "⏭ Skip"))
    # Before: "I couldn't read “the cable row was 67.5” as a load, so nothing is logged yet."
    said = joined(await bot.send(USER, "the cable row was 67.5"))
    assert said.startswith(
        "“cable row” isn't one of the lifts I'm asking a load for, so nothing is logged yet. It's logged"
        " today at 60 kg: to change that, send e.g. <code>actually the cable row was 67.5 not 60</code>."
    ), said
    assert "Bent-over rear-delt fly" in said
    assert {load for ex, _, load, _ in await logged_rows(bot) if ex == "seated-cable-row"} == {60}
    # The correction suggested is read as one.
    offered = await bot.send(USER, "actually the cable row was 67.5 not 60")
    assert offered[0].text == (
        "✏️ Correct today's Seated cable row from 3×6 @ 60 kg to 3×6 @ 67.5 kg? Tap to change it."
    )
    assert "⚖️ <b>Bent-over rear-delt fly</b>" in offered[1].text


async def test_setting_a_load_keeps_the_panels_buttons_where_they_were(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    await bot.press(USER, "✏️ Adjust")
    before = [[text for text, _ in row] for row in bot.api.buttons(bot.api.last(USER))]
    # The − that can go no lower changes nothing.
    panel = bot.api.last(USER).text
    await bot.press(USER, "3: − (lowest)")
    assert bot.api.last(USER).text == panel
    assert not bot.errors
    said = await bot.send(USER, "the cable row was 60")
    after = [[text for text, _ in row] for row in bot.api.buttons(said[1])]
    # Before: a "3: −2.5 kg" came into the cable row's row, and every button after it moved one on.
    assert [len(row) for row in after] == [len(row) for row in before], (before, after)
    assert sum(map(len, after)) == sum(map(len, before))
    assert "3: −2.5 kg" in after[next(i for i, row in enumerate(before) if "3: − (lowest)" in row)]
