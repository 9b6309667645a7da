"""/workout → Done → /streak, as a trainee sees it."""

import asyncio
from datetime import timedelta

from sqlalchemy import func, select

from fakeapi import drive
from storage.models import WorkoutLog
from tests.bot.harness import Harness

USER = 2002


async def test_workout_before_onboarding_points_to_start(bot: Harness) -> None:
    sent = await bot.send(USER, "/workout")
    assert "/start" in (sent[-1].text or "")


async def test_workout_done_streak(bot: Harness) -> None:
    await bot.onboard(USER, level="🌱 Beginner", equipment="🏋️ Gym")
    first = await bot.send(USER, "/workout")
    session_text = first[-1].text or ""
    assert "Warm-up" in session_text or "warm-up" in session_text.lower()
    labels = [label for row in bot.api.buttons(first[-1]) for label, _ in row]
    assert labels == ["✅ Done", "⏱ Short on time (~30 min)", "🔄 Swap an exercise"]

    logged = await bot.press(USER, "✅ Done")
    assert "Session 1 logged" in (logged[-1].text or "")
    assert "This week: 1/2" in (logged[-1].text or "")

    streak = await bot.send(USER, "/streak")
    text = streak[-1].text or ""
    assert "This week: 1/2" in text and "Total sessions: 1" in text

    again = await bot.send(USER, "/workout")
    assert "already logged" in (again[-1].text or "")
    assert again[-1].text != session_text, "the next session must differ from the one just done"


async def test_done_twice_logs_once_and_says_so_quietly(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    before = len(bot.api.sent)
    await bot.press(USER, "✅ Done")
    assert len(bot.api.sent) == before, "a second press answers with a toast, not a new message"
    assert bot.toasts()[-1].text == "Already logged for today ✅"
    # Typed, with nothing logged yet, it says so and offers the sets again.
    repeat = await bot.send(USER, "/done")
    assert "already counts. Nothing of it is logged yet" in (repeat[-1].text or "")


async def test_hundred_concurrent_done_presses_log_one_session(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/workout")
    presses = [bot.api.press(USER, "✅ Done") for _ in range(100)]
    await asyncio.gather(*(drive(bot.app, update) for update in presses))
    async with bot.app.bot_data.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(WorkoutLog)) == 1
    logged = [m for m in bot.api.messages_for(USER) if "logged!" in (m.text or "")]
    assert len(logged) == 1


async def test_streak_counts_weeks_in_local_time(bot: Harness) -> None:
    await bot.onboard(USER)
    # Two sessions in each of two earlier weeks, then look at the streak the week after.
    today = bot.clock.now
    for day_offset in (-15, -13, -8, -6):
        bot.clock.now = today + timedelta(days=day_offset)
        await bot.send(USER, "/done")
    bot.clock.now = today
    text = (await bot.send(USER, "/streak"))[-1].text or ""
    assert "Weekly streak: <b>2</b>" in text
    assert "Total sessions: 4" in text


async def test_a_band_move_at_the_top_is_told_how_to_get_harder(bot: Harness) -> None:
    # A second newcomer trial: a band row at 2×12 was told "today 2×12 again, a little smoother".
    await bot.onboard(USER, equipment="🏠 Home", kit=("Resistance bands",))
    await bot.send(USER, "/log band row 12 12")
    bot.clock.advance(days=2)
    [shown] = await bot.send(USER, "/workout")
    assert (
        "Band row: last time 2×12, every set at the top → today 2×12 again, made harder: a stronger band"
        " or a step further from the anchor, and a slow 3-second lowering." in (shown.text or "")
    )
    assert "smoother" not in (shown.text or "")


def progress_lines(sent: list) -> list[str]:  # type: ignore[type-arg]
    return [line for m in sent for line in (m.text or "").splitlines() if line.startswith("📈")]


async def test_a_backpack_keeps_its_load_and_gets_a_little_more_not_a_plate_step(bot: Harness) -> None:
    # A second newcomer trial: after "/log backpack row 12, 11 with 8kg" the next workout said "today
    # 2×12 @ 7.5 kg, or 10 kg once all sets reach 12": a fixed 8 kg backpack on 2.5 kg plate steps.
    await bot.onboard(USER, equipment="🏠 Home", kit=("A backpack or other load",))
    await bot.send(USER, "/log backpack row 12, 11 with 8kg")
    row = "📈 <i>Bent-over row with a loaded backpack or dumbbells: last time"
    bot.clock.advance(days=2)
    [line] = [line for line in progress_lines(await bot.send(USER, "/workout")) if line.startswith(row)]
    assert line.endswith(
        "12, 11 @ 8 kg → today 2×12 @ 8 kg; once all sets reach 12, add a little to the backpack.</i>"
    )
    await bot.press(USER, "✅ Done")
    written = "\n".join(m.text or "" for m in await bot.press(USER, "✅ As written"))
    assert "• Bent-over row with a loaded backpack or dumbbells: 2×12 @ 8 kg\n" in written
    bot.clock.advance(days=2)
    [line] = [line for line in progress_lines(await bot.send(USER, "/workout")) if line.startswith(row)]
    assert line.endswith(
        "2×12 @ 8 kg → every set hit the top: add a little to the backpack (more than 8 kg) and do 2×10."
        " 💪 Log what it weighs.</i>"
    )
    assert "7.5" not in line and "10 kg" not in line
