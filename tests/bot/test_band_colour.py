"""A band's colour logged with the sets, through the real Application against the Bot API double (a newcomer
trial at home): "/log band pull-up 3x6 red band" kept the colour in the note and showed it nowhere, not in
the reply, /history or /workout's "last time → today", and "did 6 and 5 pull-ups with the purple band" was
offered as a /log without the band."""

from __future__ import annotations

import csv
import io

from bot import callbacks
from tests.bot.harness import Harness, labels, logged_rows, next_load_line, plain

USER = 6116
BAR, BANDS = "Pull-up bar", "Resistance bands"


def workout_line(workout: str, name: str) -> str:
    """/workout's "📈 …" line for ``name``, as the user reads it."""
    return next(row for row in workout.splitlines() if row.startswith(f"📈 {name}:"))


async def test_the_band_logged_is_shown_in_the_reply_history_the_workout_line_and_the_export(
    bot: Harness,
) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=(BAR, BANDS))
    # Before: "✍️ Logged Band-assisted pull-up: 3×6", the colour nowhere.
    logged = plain(await bot.send(USER, "/log band pull-up 6,5 red band"))
    assert logged.split("\n")[0] == "✍️ Logged Band-assisted pull-up: 6, 5 with the red band", logged
    rowed = plain(await bot.send(USER, "/log band row 3x12 green band"))
    assert rowed.split("\n")[0] == "✍️ Logged Band row: 3×12 with the green band", rowed
    assert await logged_rows(bot) == [
        ("band-assisted-pull-up", 6, None, "red band"),
        ("band-assisted-pull-up", 5, None, "red band"),
        *[("band-row", 12, None, "green band")] * 3,
    ]

    history = plain(await bot.send(USER, "/history"))
    assert (
        "  • Band-assisted pull-up: 6, 5 with the red band\n  • Band row: 3×12 with the green band" in history
    )

    await bot.send(USER, "/export")
    rows = list(csv.DictReader(io.StringIO(bot.api.files[-1].content.decode("utf-8"))))
    assert [(row["Exercise Name"], row["Reps"], row["Notes"]) for row in rows] == [
        ("Band-assisted pull-up", "6", "red band"),
        ("Band-assisted pull-up", "5", "red band"),
        *[("Band row", "12", "green band")] * 3,
    ]

    bot.clock.advance(days=3)
    workout = plain(await bot.send(USER, "/workout"))
    assert workout_line(workout, "Band-assisted pull-up").startswith(
        "📈 Band-assisted pull-up: last time 6, 5 with the red band → today 2×6 with the red band."
    ), workout
    # At the top of its range the band row is told to take a stronger band: not "with the green band" again.
    assert workout_line(workout, "Band row") == (
        "📈 Band row: last time 3×12 with the green band, every set at the top → today 2×12 again, made"
        " harder: a stronger band or a step further from the anchor, and a slow 3-second lowering."
    )
    assert next_load_line(
        "\n".join(message.text or "" for message in bot.api.sent[-1:]), "Band-assisted pull-up"
    ).startswith("📈 <i>Band-assisted pull-up: last time 6, 5 with the red band")


async def test_as_written_logs_the_band_the_workout_line_said(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=(BAR, BANDS))
    await bot.send(USER, "/log band pull-up 6,5 red band")
    bot.clock.advance(days=3)
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    written = plain(await bot.press(USER, "✅ As written"))
    # Today's sets as /workout wrote them, with the band it said: the next line still knows it.
    assert "• Band-assisted pull-up: 2×6 with the red band" in written, written
    assert ("band-assisted-pull-up", 6, None, "red band") in await logged_rows(bot)
    bot.clock.advance(days=3)
    workout = plain(await bot.send(USER, "/workout"))
    assert workout_line(workout, "Band-assisted pull-up").startswith(
        "📈 Band-assisted pull-up: last time 2×6 with the red band → today 2×7 with the red band."
    ), workout


async def test_topped_out_with_a_band_the_move_up_offers_a_lighter_band_first(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=(BAR, BANDS))
    await bot.send(USER, "/log band pull-up 2x12 red band")
    bot.clock.advance(days=3)
    workout = plain(await bot.send(USER, "/workout"))
    assert workout_line(workout, "Band-assisted pull-up") == (
        "📈 Band-assisted pull-up: every set at the top with the red band → today try Pull-up: 2×10."
        " Not there yet? Stay on the band, a lighter one than the red band."
    )


async def test_sets_told_in_words_with_a_band_are_offered_and_logged_with_it(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=(BAR, BANDS))
    # Before: "▶ /log pull up 6,5", the purple band lost.
    offer = plain(await bot.send(USER, "did 6 and 5 pull-ups with the purple band"))
    assert "Shall I log that? pull up 6,5 purple band" in offer, offer
    assert [data for row in bot.api.buttons(bot.api.last(USER)) for _, data in row] == [
        callbacks.pack("cmd", "log", "pull up 6,5 purple band")
    ]
    logged = plain(await bot.press(USER, labels(bot, USER)[0]))
    # A pull-up a band helped is the band-assisted one, never strict pull-ups.
    assert logged.split("\n")[0] == "✍️ Logged Band-assisted pull-up: 6, 5 with the purple band", logged
    assert await logged_rows(bot) == [
        ("band-assisted-pull-up", 6, None, "purple band"),
        ("band-assisted-pull-up", 5, None, "purple band"),
    ]

    offer = plain(await bot.send(USER, "band rows 3x12 with the green band"))
    assert "Shall I log that? band row 3x12 green band" in offer, offer
    logged = plain(await bot.press(USER, labels(bot, USER)[0]))
    assert logged.split("\n")[0] == "✍️ Logged Band row: 3×12 with the green band", logged

    # Logged today, /workout's ticks say the band too.
    workout = plain(await bot.send(USER, "/workout"))
    assert "Band-assisted pull-up: 6, 5 with the purple band" in workout, workout


async def test_a_pull_up_logged_with_a_band_on_a_strict_day_is_the_band_assisted_one(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate", equipment="🏠 Home", kit=(BAR, BANDS))
    logged = plain(await bot.send(USER, "/log pull up 3x5 red band"))
    assert logged.split("\n")[0] == "✍️ Logged Band-assisted pull-up: 3×5 with the red band", logged
    strict = plain(await bot.send(USER, "/log pull up 5,4"))
    assert "Band-assisted" not in strict.split("\n")[0], strict
