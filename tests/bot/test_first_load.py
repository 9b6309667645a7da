"""A lift that takes a load and has none known yet: As written asks for it instead of logging it bare.

A newcomer trial: Done → As written on a first session logged a barbell deadlift "3×6" with no load, and
the next /workout said "last time 3×6 → today 3×7" as if it were a bodyweight move; Adjust took "+10 kg"
ten times to reach 100 kg and offered "−2.5 kg" on no load at all.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from storage.models import LoggedSet, WorkoutLog
from tests.bot.harness import START, Harness

USER = 8118
GROUP = -8118
ANN = 811
TODAY = START.date()


def text(sent: list) -> str:  # type: ignore[type-arg]
    return "\n".join(message.plain_text or "" for message in sent)


def labels(bot: Harness, chat_id: int) -> list[str]:
    return [label for row in bot.api.buttons(bot.api.last(chat_id)) for label, _ in row]


async def main_sets(bot: Harness) -> list[tuple[date, str, int, float | None]]:
    async with bot.app.bot_data.sessionmaker() as session:
        query = (
            select(WorkoutLog.local_date, LoggedSet.exercise, LoggedSet.reps, LoggedSet.load)
            .join(WorkoutLog, LoggedSet.workout_log_id == WorkoutLog.id)
            .where(LoggedSet.exercise.in_(("deadlift", "lat-pulldown", "seated-cable-row")))
            .order_by(LoggedSet.id)
        )
        return [tuple(row) for row in (await session.execute(query)).all()]


async def test_as_written_asks_each_first_load_and_the_next_workout_progresses_from_it(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    written = text(await bot.press(USER, "✅ As written"))
    assert "• Pull-up: 3×8" in written and "Barbell deadlift: 3×6" not in written, written
    assert (
        "Not logged without a load: Barbell deadlift, Lat pulldown, Seated cable row,"
        " Bent-over rear-delt fly, Straight-arm cable pulldown." in written
    )
    assert written.endswith(
        "⚖️ Barbell deadlift, 3×6: what load did you lift? Type it, e.g. 60 or 60 kg, and I'll log it,"
        " or tap ⏭ Skip to leave it for now. Then 4 more lifts."
    ), written
    assert labels(bot, USER) == ["✏️ Adjust", "↩️ Undo", "⏭ Skip"]
    assert await main_sets(bot) == [], "no loadless set of a lift that takes a load"

    deadlift = text(await bot.send(USER, "100"))
    assert deadlift.startswith("✍️ Logged Barbell deadlift: 3×6 @ 100 kg"), deadlift
    assert "⚖️ Lat pulldown, 3×6: what load" in deadlift
    assert text(await bot.send(USER, "0")).startswith("0 kg isn't a load I can log for Lat pulldown")
    pulldown = text(await bot.send(USER, "60 kg"))
    assert pulldown.startswith("✍️ Logged Lat pulldown: 3×6 @ 60 kg") and "Seated cable row, 3×6" in pulldown
    # Something else said is read as it would be, and the row asked again (before: the wait ended there).
    hello = await bot.send(USER, "hello")
    assert "Logged" not in text(hello[:1]) and "⚖️" not in text(hello[:1]), text(hello)
    assert text(hello[1:]).startswith("⚖️ Seated cable row, 3×6: what load did you lift?"), text(hello)
    skipped = text(await bot.press(USER, "⏭ Skip"))
    assert skipped.startswith("⏭ Left Seated cable row unlogged."), skipped
    assert (
        await main_sets(bot) == [(TODAY, "deadlift", 6, 100.0)] * 3 + [(TODAY, "lat-pulldown", 6, 60.0)] * 3
    )

    bot.clock.advance(days=2)
    workout = text(await bot.send(USER, "/workout"))
    assert "Barbell deadlift: last time 3×6 @ 100 kg → today 3×7 @ 100 kg" in workout, workout
    assert "Seated cable row: first time" in workout, "never logged as a bodyweight 3×6"
    assert bot.errors == []


async def test_adjust_shows_no_minus_on_no_load_and_save_asks_for_the_load_at_the_panels_reps(
    bot: Harness,
) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    panel = text(await bot.press(USER, "✏️ Adjust"))
    assert "1. Barbell deadlift: 3×6 · no load yet: tap +, or Save and type it" in panel
    rows = [[label for label, _ in row] for row in bot.api.buttons(bot.api.last(USER))]
    # The − stays in its place, saying it can go no lower, so the row keeps its buttons as a load is set.
    assert ["1: − (lowest)", "1: +2.5 kg", "1: +10 kg"] in rows and not any(
        "−2.5 kg" in label for row in rows for label in row
    )
    await bot.press(USER, "2: +2.5 kg")
    rows = [[label for label, _ in row] for row in bot.api.buttons(bot.api.last(USER))]
    assert ["2: − (lowest)", "2: +2.5 kg", "2: +10 kg"] in rows, "2.5 kg less would be no load"
    for _ in range(2):
        await bot.press(USER, "2: +10 kg")
    rows = [[label for label, _ in row] for row in bot.api.buttons(bot.api.last(USER))]
    assert ["2: −2.5 kg", "2: +2.5 kg", "2: +10 kg"] in rows
    await bot.press(USER, "1: −1 rep")
    saved = text(await bot.press(USER, "💾 Save"))
    assert "• Lat pulldown: 3×6 @ 22.5 kg" in saved
    assert "⚖️ Barbell deadlift, 3×5: what load did you lift?" in saved, "the reps Adjust set are kept"
    assert text(await bot.send(USER, "225 lb")).startswith("✍️ Logged Barbell deadlift: 3×5 @ 102.1 kg")
    assert (TODAY, "deadlift", 5, 225) in await main_sets(bot), "kept as typed, in lb"


async def test_a_group_is_told_the_log_line_and_waits_for_nothing(bot: Harness) -> None:
    bot.api.group_chat(GROUP, "Back Buddies")
    await bot.onboard(GROUP, "💪 Intermediate", user_id=ANN)
    await bot.send(GROUP, "/workout", user_id=ANN)
    await bot.press(GROUP, "✅ Done", user_id=ANN)
    written = text(await bot.press(GROUP, "✅ As written", user_id=ANN))
    assert "Send it with /log, e.g. /log barbell deadlift 3x6 60kg" in written, written
    logged = text(await bot.send(GROUP, "/log barbell deadlift 3x6 60kg", user_id=ANN))
    assert "Logged Barbell deadlift: 3×6 @ 60 kg" in logged
