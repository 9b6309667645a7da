"""Done's ✏️ Adjust panel, through the real Application: a newcomer trial wanted to leave out an exercise
they had not done, and typed "6 kg on the rdl" at the open panel, which was read as a question. Each
exercise now has ⏭ didn't do it (Save leaves it out, still to log), and a load typed while the panel is open
sets that lift's load on it, said back; Save logs what the panel shows.
"""

from __future__ import annotations

from storage.models import Chat
from tests.bot.harness import Harness, joined, labels, logged_rows

USER = 6302


async def panel(bot: Harness) -> str:
    await bot.onboard(USER)
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    return joined(await bot.press(USER, "✏️ Adjust"))


async def test_an_exercise_left_out_is_not_logged(bot: Harness) -> None:
    shown = await panel(bot)
    # Every exercise Save logs is on the panel: the main lifts to adjust, then the rest as Save logs them.
    assert "4. Inverted row: 2×10\n5. Bent-over rear-delt fly: <i>load asked after Save</i>" in shown
    assert "⏭ 4 didn't do it" in labels(bot, USER)
    left = joined(await bot.press(USER, "⏭ 4 didn't do it"))
    assert "<s>4. Inverted row</s> ⏭ <i>didn't do it</i>" in left
    assert "↩️ 4 did it" in labels(bot, USER) and "⏭ 4 didn't do it" not in labels(bot, USER)
    # The other buttons keep it left out; a main lift left out loses its adjusting buttons.
    await bot.press(USER, "1: +10 kg")
    left = joined(await bot.press(USER, "⏭ 2 didn't do it"))
    assert "1. Dumbbell Romanian deadlift: <b>2×8 @ 10 kg</b>" in left
    assert "<s>2. Lat pulldown</s>" in left and "<s>4. Inverted row</s>" in left
    assert "2: +1 rep" not in labels(bot, USER)
    saved = joined(await bot.press(USER, "💾 Save"))
    assert "• Dumbbell Romanian deadlift: 2×8 @ 10 kg each hand" in saved
    assert "• Reverse snow angel: 2×12" in saved
    assert "Inverted row" not in saved.split("⏭ Not logged")[0]
    assert "⏭ Not logged, as you didn't do them: Lat pulldown, Inverted row." in saved
    # The lat pulldown is never asked its load: the cable row is, first.
    assert "Seated cable row" in saved.split("⏭ Not logged")[1] and "Lat pulldown, 2×10" not in saved
    logged = {exercise for exercise, _, _, _ in await logged_rows(bot)}
    assert logged == {"dumbbell-rdl", "reverse-snow-angel"}


async def test_a_left_out_exercise_can_be_put_back(bot: Harness) -> None:
    await panel(bot)
    await bot.press(USER, "⏭ 6 didn't do it")
    back = joined(await bot.press(USER, "↩️ 6 did it"))
    assert "6. Reverse snow angel: 2×12" in back and "<s>" not in back


async def test_everything_left_out_logs_nothing(bot: Harness) -> None:
    await panel(bot)
    for n in range(1, 7):
        await bot.press(USER, f"⏭ {n} didn't do it")
    saved = joined(await bot.press(USER, "💾 Save"))
    assert saved.startswith("Nothing logged: you left out all that was left (Dumbbell Romanian deadlift,")
    assert await logged_rows(bot) == []


async def test_a_load_typed_while_the_panel_is_open_sets_it(bot: Harness) -> None:
    await panel(bot)
    said = await bot.send(USER, "6 kg on the rdl")
    assert said[0].text == (
        "✏️ Set on the panel: Dumbbell Romanian deadlift 6 kg. Save when it matches what you did."
    )
    assert "1. Dumbbell Romanian deadlift: <b>2×8 @ 6 kg</b> each hand" in said[1].text
    # Its buttons move from the load typed, a pair of dumbbells to the rack's next size.
    moved = joined(await bot.press(USER, "1: +2 kg"))
    assert "1. Dumbbell Romanian deadlift: <b>2×8 @ 8 kg</b>" in moved
    said = await bot.send(USER, "the row was 40")
    assert said[0].text.startswith("✏️ Set on the panel: Seated cable row 40 kg.")
    assert "1. Dumbbell Romanian deadlift: <b>2×8 @ 8 kg</b>" in said[1].text
    assert "3. Seated cable row: <b>2×10 @ 40 kg</b>" in said[1].text
    saved = joined(await bot.press(USER, "💾 Save"))
    assert "• Seated cable row: 2×10 @ 40 kg" in saved
    rows = await logged_rows(bot)
    assert [(ex, reps, load) for ex, reps, load, _ in rows if ex == "dumbbell-rdl"] == [
        ("dumbbell-rdl", 8, 8.0)
    ] * 2
    assert [(ex, load) for ex, _, load, _ in rows if ex == "seated-cable-row"] == [
        ("seated-cable-row", 40.0)
    ] * 2
    # Once saved, the panel is closed: a load typed now is read as usual (the lat pulldown's question).
    assert "Set on the panel" not in joined(await bot.send(USER, "the row was 45"))


async def test_forged_panel_data_gets_a_reply(bot: Harness) -> None:
    await panel(bot)
    for payload in (
        "1:la:20261124:0.0_0.0_0.0~zzz",
        "1:la:20261124:0.0_0.0_0.0~0",
        "1:ls:20261124:0.0_0.0_0.0@0",
    ):
        assert await bot.callback(USER, payload) == []
        assert bot.toasts()[-1].text == "That button has expired. Send /help to start fresh."
    assert bot.errors == []


async def test_in_a_group_a_load_typed_is_everyones_message(bot: Harness) -> None:
    group, ann = -5006, 6303
    bot.api.group_chat(group, "Back Buddies")
    await bot.onboard(group, user_id=ann)
    await bot.send(group, "/workout", user_id=ann)
    await bot.press(group, "✅ Done", user_id=ann)
    shown = joined(await bot.press(group, "✏️ Adjust", user_id=ann))
    assert shown.endswith("<i>Then Save: it logs what this shows. ⏭ leaves out one you didn't do.</i>")
    assert "Set on the panel" not in joined(await bot.send(group, "the row was 40", user_id=ann))
    async with bot.app.bot_data.sessionmaker() as session:
        chat = await session.get(Chat, group)
        assert chat is not None and chat.adjusting is None
