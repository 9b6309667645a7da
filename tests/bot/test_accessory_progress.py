"""Accessories progress where the trainee can see it, and As written logs what /workout showed.

A strength coach's newcomer trial: after 3×12 rear-delt flys at 8 kg on a 10–12 range, the next /workout
said nothing about going heavier and As written logged 3×10, which read as going backwards; a band move at
the top of its range three sessions running got no hint to make it harder.
"""

from __future__ import annotations

import re

from sqlalchemy import select

from storage.models import LoggedSet
from tests.bot.harness import Harness

USER = 4242
FLY = "Bent-over rear-delt fly"
# Every accessory of an intermediate gym block, logged at the top of its range or short of it.
LOGGED = (
    "/log rear delt fly 3x12 8kg; face pull 3x12 20kg; straight arm pulldown 3x11 25kg; "
    "reverse pec deck 3x12 30kg; prone ytw raise 3x12; scapular pull-up 3x11"
)
ACCESSORIES = {
    "Cable face pull": "face-pull",
    FLY: "rear-delt-fly",
    "Straight-arm cable pulldown": "straight-arm-pulldown",
    "Reverse pec deck": "reverse-pec-deck",
    "Prone Y-T-W raise": "prone-ytw-raise",
    "Scapular pull-up": "scapular-pull-up",
}


def text(sent: list) -> str:  # type: ignore[type-arg]
    return "\n".join(message.plain_text or "" for message in sent)


def lines_under(workout: str) -> dict[str, str]:
    """Each exercise of a /workout by name, with its 📈 line ("" when it has none)."""
    found: dict[str, str] = {}
    name = ""
    for row in workout.splitlines():
        if heading := re.fullmatch(r"\d+\. (.+)", row):
            name = heading[1]
            found[name] = ""
        elif row.startswith("📈 ") and name:
            found[name] = row
    return found


async def day_rows(bot: Harness) -> list[tuple[str, int, float | None]]:
    async with bot.app.bot_data.sessionmaker() as session:
        query = select(LoggedSet.exercise, LoggedSet.reps, LoggedSet.load).order_by(LoggedSet.id)
        return [tuple(row) for row in (await session.execute(query)).all()]  # type: ignore[misc]


async def train(bot: Harness, answer: str = "10") -> str:
    """/workout, Done, As written, every load asked answered with ``answer``; the /workout text."""
    workout = text(await bot.send(USER, "/workout"))
    await bot.press(USER, "✅ Done")
    await bot.press(USER, "✅ As written")
    while "⚖️" in (bot.api.last(USER).plain_text or ""):
        await bot.send(USER, answer)
    return workout


async def test_a_rear_delt_fly_at_the_top_goes_a_dumbbell_up_and_as_written_logs_the_bottom_at_it(
    bot: Harness,
) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    # At the top of 10–12 the next dumbbell up is a quarter heavier, earned with reps first up to 15
    # (``pairstep``): 15 on every set is the top the next dumbbell waits for.
    await bot.send(USER, "/log rear delt fly 3x15 8kg")
    for _ in range(6):
        bot.clock.advance(days=2)
        workout = text(await bot.send(USER, "/workout"))
        if FLY in lines_under(workout):
            break
        await train(bot)
    assert lines_under(workout)[FLY] == (
        f"📈 {FLY}: last time 3×15 @ 8 kg each hand → every set hit the top: take the next dumbbell up from"
        " 8 kg each hand (usually 1–2 kg more) and do 3×10. 💪"
    )
    await bot.press(USER, "✅ Done")
    written = text(await bot.press(USER, "✅ As written"))
    # /workout named no load (the rack decides the next dumbbell): asked, at the reps it showed.
    assert (
        "Not logged without a load: Bent-over rear-delt fly (it went up since last time: its new load),"
        in written
    )
    while "⚖️ Bent-over rear-delt fly, 3×10: what load did you lift per dumbbell?" not in (
        bot.api.last(USER).plain_text or ""
    ):
        await bot.send(USER, "10")
    assert "Logged Bent-over rear-delt fly: 3×10 @ 10 kg each hand" in text(await bot.send(USER, "10"))
    fly = [(reps, load) for ex, reps, load in await day_rows(bot) if ex == "rear-delt-fly"]
    assert fly == [(15, 8.0)] * 3 + [(10, 10.0)] * 3
    assert bot.errors == []


async def test_what_workout_shows_under_an_accessory_is_what_as_written_logs(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    await bot.send(USER, LOGGED)
    seen: dict[str, str] = {}
    for _ in range(5):
        bot.clock.advance(days=2)
        before = len(await day_rows(bot))
        workout = await train(bot)
        logged = (await day_rows(bot))[before:]
        for name, line in lines_under(workout).items():
            shown = re.search(r"(?:today|do) (\d+)×(\d+)(?: @ ([\d.]+) kg)?", line)
            if shown is None or name not in ACCESSORIES:
                continue
            sets, reps = int(shown[1]), int(shown[2])
            # A load shown is the load logged; the next dumbbell up, named by no number, is the one answered.
            load = float(shown[3]) if shown[3] else 10.0 if "dumbbell up" in line else None
            mine = [(r, w) for ex, r, w in logged if ex == ACCESSORIES[name]]
            assert mine == [(reps, load)] * sets, (name, line, mine)
            seen.setdefault(name, line)
    # The cable's next plate is a number As written logs; the fly's next dumbbell is asked; a bodyweight
    # move's reps climb.
    assert "Cable face pull: last time 3×12 @ 20 kg → today 3×10 @ 22.5 kg." in seen["Cable face pull"]
    # 3×12 at the top of 10–12: the next dumbbell is a big jump, so more reps first, at the load shown.
    assert "today 3×13 @ 8 kg each hand. The next dumbbell up is a big jump from 8 kg each hand" in seen[FLY]
    assert (
        "Straight-arm cable pulldown: last time 3×11 @ 25 kg → today 3×12 @ 25 kg"
        in seen["Straight-arm cable pulldown"]
    )
    assert seen["Reverse pec deck"].startswith(
        "📈 Reverse pec deck: last time 3×12 @ 30 kg → today 3×10 @ 32.5"
    )
    assert bot.errors == []


async def test_a_band_move_at_the_top_session_after_session_is_told_to_make_it_harder(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=("Resistance bands",))
    hints = []
    for _ in range(6):
        workout = await train(bot)
        line = lines_under(workout).get("Band pull-apart") or lines_under(workout).get("Band face pull")
        if line and "every set at the top" in line:
            hints.append(line)
        # Every band accessory at the top of its 12–15, every session.
        await bot.send(USER, "/log band pull apart 2x15; band face pull 2x15")
        bot.clock.advance(days=2)
    assert len(hints) >= 2, hints
    assert all(
        "2×15, every set at the top → today 2×15 again, made harder: a stronger band or a step further"
        " from the anchor, and a slow 3-second lowering." in hint
        for hint in hints
    ), hints
    assert bot.errors == []


async def test_a_secondary_band_row_at_2x12_three_sessions_running_gets_the_hint_each_time(
    bot: Harness,
) -> None:
    """The trial's case: the band row behind the main row (bands and something to load at home), 2 × 10–12
    every session, logged 2×12 three times and never told to make it harder."""
    await bot.onboard(USER, equipment="🏠 Home", kit=("Resistance bands", "A backpack or other load"))
    rows = []
    for _ in range(4):
        workout = text(await bot.send(USER, "/workout"))
        assert "Band row" in lines_under(workout), workout
        rows.append(lines_under(workout)["Band row"])
        await bot.send(USER, "/log band row 2x12")
        bot.clock.advance(days=2)
    assert rows[0] == ""  # never logged: nothing to say yet
    hint = (
        "📈 Band row: last time 2×12, every set at the top → today 2×12 again, made harder: a stronger"
        " band or a step further from the anchor, and a slow 3-second lowering."
    )
    assert rows[1:] == [hint] * 3
    assert bot.errors == []
