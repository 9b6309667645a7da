"""Warm-up sets ramping into a heavy main lift on /workout, through the real Application.

A strength coach's trial: before 3×6 @ 145 kg on the deadlift the card gave a few minutes of general
warm-up and then the working sets; a coach signs a session that ramps into a heavy lift.
"""

from __future__ import annotations

import re

from tests.bot.harness import Harness, joined, log_session

USER = 5321
EASY_SETS = "1–2 easy sets of your first exercise at about half today's load"


def under(card: str, name: str) -> list[str]:
    """The lines of one exercise's block on the card, from its heading to the next."""
    lines = card.splitlines()
    start = next(i for i, line in enumerate(lines) if re.fullmatch(rf"<b>\d\. {name}</b>", line))
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("<b>")), len(lines))
    return [line for line in lines[start:end] if line]


def minutes(card: str) -> int:
    found = re.search(r"about (\d+) min</i>", card)
    assert found is not None
    return int(found[1])


async def test_a_heavy_deadlift_is_ramped_into_and_the_time_counts_it(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    first = joined(await bot.send(USER, "/workout"))
    # No load known yet: nothing to ramp to, and the general warm-up's easy sets stay.
    assert "🔥" not in first and EASY_SETS in first
    await log_session(bot, USER, "deadlift 3x5 145kg", "lat pulldown 3x8 70kg", "cable row 3x10 60kg")

    card = joined(await bot.send(USER, "/workout"))
    deadlift = under(card, "Barbell deadlift")
    assert deadlift[-2].startswith("📈 <i>Barbell deadlift: last time 3×5 @ 145 kg → today 3×6 @ 145 kg")
    assert deadlift[-1] == "🔥 Warm-up sets (kg): bar × 8, 57.5 × 5, 87.5 × 3, 115 × 2, 130 × 1"
    # The pulls come after the deadlift's ramp has warmed the body: one set each to find the groove; the
    # accessories and the bodyweight moves none.
    assert under(card, "Lat pulldown")[-1] == "🔥 Warm-up sets (kg): 42.5 × 5"
    assert under(card, "Seated cable row")[-1] == "🔥 Warm-up sets (kg): 37.5 × 5"
    assert card.count("🔥") == 3
    # The ramp says what the warm-up's "easy sets of your first exercise" did, and takes its time:
    # 7 warm-up sets, about 9 minutes, on top of the planned session's 60 (62 before rounding).
    assert EASY_SETS not in card
    assert minutes(card) == 70

    short = joined(await bot.send(USER, "/workout 20"))
    # Short on time: the first lift alone, in two sets, inside the short warm-up's minutes.
    assert under(short, "Barbell deadlift")[-1] == "🔥 Warm-up sets (kg): 72.5 × 5, 115 × 2"
    assert short.count("🔥") == 1 and minutes(short) == 20


async def test_a_pound_chat_ramps_in_pounds_from_the_45_lb_bar(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    await bot.send(USER, "/units lb")
    await bot.send(USER, "/workout")
    await log_session(bot, USER, "deadlift 3x5 315", "lat pulldown 3x8 150", "cable row 3x10 130")
    card = joined(await bot.send(USER, "/workout"))
    assert (
        under(card, "Barbell deadlift")[-1]
        == "🔥 Warm-up sets (lb): bar × 8, 125 × 5, 190 × 3, 250 × 2, 285 × 1"
    )
    assert under(card, "Lat pulldown")[-1] == "🔥 Warm-up sets (lb): 95 × 5"
