"""✏️ Adjust steps a pair of dumbbells by the sizes there are, never the chat's plate step.

A newcomer trial: the panel offered "+2.5 kg" on a 12 kg dumbbell, a size few racks have. At a gym the next
size is the rack's (12 → 14 kg, 10 kg down); at home, only the pairs owned.
"""

from __future__ import annotations

from tests.bot.harness import Harness, joined, labels

USER = 4437
RDL = "Dumbbell Romanian deadlift"


def loads(shown: list[str], start: str) -> list[str]:
    """The panel's load buttons that start with ``start`` ("1: +")."""
    return [label for label in shown if label.startswith(start) and label.endswith(" kg")]


async def _panel(bot: Harness) -> str:
    bot.clock.advance(days=3)
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    return joined(await bot.press(USER, "✏️ Adjust"))


async def test_a_gym_dumbbell_lift_steps_to_the_racks_next_size(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/log dumbbell rdl 2x8 12kg")
    panel = await _panel(bot)
    assert f"1. {RDL}: <b>2×9 @ 12 kg</b> each hand" in panel, panel
    shown = labels(bot, USER)
    assert "1: −2 kg" in shown and "1: +2 kg" in shown and "1: +2.5 kg" not in shown, shown
    # The cable row keeps the plate step.
    assert "3: +2.5 kg" in shown or "2: +2.5 kg" in shown, shown
    panel = joined(await bot.press(USER, "1: +2 kg"))
    assert f"1. {RDL}: <b>2×9 @ 14 kg</b> each hand" in panel, panel
    assert "1: +2 kg" in labels(bot, USER)
    await bot.press(USER, "1: +2 kg")
    await bot.press(USER, "1: −2 kg")
    saved = joined(await bot.press(USER, "💾 Save"))
    assert f"{RDL}: 2×9 @ 14 kg each hand" in saved, saved


async def test_a_home_dumbbell_lift_steps_only_through_the_pairs_owned(bot: Harness) -> None:
    await bot.send(USER, "/start")
    await bot.send(USER, "beginner")
    await bot.send(USER, "at home")
    await bot.send(USER, "a pair of 6kg dumbbells")
    await bot.press(USER, "UTC")
    await bot.press(USER, bot.button_starting(USER, "2 days:"))
    await bot.send(USER, "/log dumbbell rdl 2x8 10kg")
    panel = await _panel(bot)
    assert f"1. {RDL}: <b>2×9 @ 10 kg</b> each hand" in panel, panel
    shown = labels(bot, USER)
    # 6 kg and 10 kg owned: down to 6 kg, and nothing heavier to go up to.
    assert "1: −4 kg" in shown and not any(loads(shown, "1: +")), shown
    panel = joined(await bot.press(USER, "1: −4 kg"))
    assert f"1. {RDL}: <b>2×9 @ 6 kg</b> each hand" in panel, panel
    shown = labels(bot, USER)
    assert "1: +4 kg" in shown and not any(loads(shown, "1: −")), shown
    saved = joined(await bot.press(USER, "💾 Save"))
    assert f"{RDL}: 2×9 @ 6 kg each hand" in saved, saved
