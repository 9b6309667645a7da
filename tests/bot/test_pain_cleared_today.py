"""When "✅ It's fine now" takes effect: today, before anything of today was logged; else tomorrow.

A newcomer trial: /workout said "⚠️ Face pull left out: you told me it hurt on 15 Dec", with no face pull
in the list; the trainee pressed "✅ It's fine now", then /done and "✅ As written", which logged "Cable
face pull: 2×12 @ 5 kg": a move never shown that day, on the shoulder that had just hurt. So a session that
could have been trained from (something logged today, or Done pressed) stays as shown, and the exercise is
back from the next day, its first session back lighter than last time.

A later trial: cleared in the morning before anything was trained or logged, the reply said "back in your
workouts from tomorrow (today's session stays as it is)" and /workout still showed the ⚠️ line. Before
anything of the day is logged, clearing takes effect today, and the reply names the moves today's session
has again, so As written never logs one the trainee was not told of.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from storage.models import LoggedSet, WorkoutLog
from tests.bot.harness import Harness, joined, next_load_line

USER = 8445
FACE_PULL = "Cable face pull"
FINE = "✅ It's fine now"
LEFT_OUT = "⚠️ Cable face pull left out: you told me it hurt on 28 Nov. If it still hurts, see a physio."


async def logged(bot: Harness, exercise: str) -> list[tuple[date, int, float | None]]:
    async with bot.app.bot_data.sessionmaker() as session:
        rows = await session.execute(
            select(WorkoutLog.local_date, LoggedSet.reps, LoggedSet.load)
            .join(WorkoutLog, LoggedSet.workout_log_id == WorkoutLog.id)
            .where(LoggedSet.exercise == exercise)
            .order_by(LoggedSet.id)
        )
        return [tuple(row) for row in rows.all()]  # type: ignore[misc]


async def as_written(bot: Harness) -> str:
    await bot.press(USER, "✅ Done")
    return joined(await bot.press(USER, "✅ As written"))


async def face_pull_day(bot: Harness) -> None:
    """A gym beginner's third session has the face pull: the first logs it at 5 kg, the second is done,
    and on the third's day (28 Nov) the pain is told."""
    await bot.onboard(USER)
    await bot.send(USER, "/log face pull 12, 12 with 5kg")
    bot.clock.advance(days=2)
    await bot.send(USER, "/workout")
    await as_written(bot)
    bot.clock.advance(days=2)
    await bot.send(USER, "my shoulder hurts when I do face pulls")


async def test_fine_now_before_anything_of_today_is_logged_brings_it_back_today(bot: Harness) -> None:
    await face_pull_day(bot)
    [card] = await bot.send(USER, "/workout")
    shown = card.plain_text or ""
    assert shown.splitlines()[0] == LEFT_OUT and FACE_PULL not in shown.split("\n", 1)[1]

    [cleared] = await bot.press(USER, FINE, message_id=card.message_id)
    assert (cleared.plain_text or "").startswith(
        "👍 Good to hear. The cable face pull is back in your workouts from today. Today's session has the"
        " cable face pull again: send /workout to see it. Ease back in: the first session back is lighter"
    )
    # Today's session has it again, lighter than last time (70 % of 5 kg, down to the 2.5 kg step), with
    # no ⚠️ line and no button; As written logs what that shows.
    again = joined(await bot.send(USER, "/workout"))
    assert "⚠️" not in again and FINE not in again
    assert next_load_line(again, FACE_PULL) == (
        f"📈 <i>{FACE_PULL}: first session back after the pain: lighter than last time, 2×12 @ 2.5 kg"
        " (was 5 kg). Stop if it hurts.</i>"
    ), again
    await as_written(bot)
    assert (await logged(bot, "face-pull"))[2:] == [(bot.clock.now.date(), 12, 2.5)] * 2


async def test_fine_now_once_done_was_pressed_logs_only_what_the_workout_showed(bot: Harness) -> None:
    await face_pull_day(bot)
    [card] = await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done", message_id=card.message_id)
    [cleared] = await bot.press(USER, FINE, message_id=card.message_id)
    assert (cleared.plain_text or "").startswith(
        "👍 Good to hear. The cable face pull is back in your workouts from tomorrow (today's session stays"
        " as it is)."
    )
    # Today's session is the one shown: /workout again, and As written, leave the face pull out.
    again = joined(await bot.send(USER, "/workout"))
    assert FACE_PULL not in again.split("\n", 1)[1] and FINE not in again
    written = joined(await bot.press(USER, "✅ As written"))
    assert "face pull" not in written.lower(), written
    assert await logged(bot, "face-pull") == [(date(2026, 11, 24), 12, 5.0)] * 2

    # From the next day it is back: nothing is said left out, and the first session that plans it brings it
    # back lighter than last time.
    bot.clock.advance(days=1)
    seen = ""
    for _ in range(3):
        seen = joined(await bot.send(USER, "/workout"))
        assert "⚠️" not in seen and FINE not in seen
        if FACE_PULL in seen:
            break
        await as_written(bot)
        bot.clock.advance(days=2)
    assert next_load_line(seen, FACE_PULL) == (
        f"📈 <i>{FACE_PULL}: first session back after the pain: lighter than last time, 2×12 @ 2.5 kg"
        " (was 5 kg). Stop if it hurts.</i>"
    ), seen
