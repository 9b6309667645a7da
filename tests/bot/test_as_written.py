"""The rest of a session some of which is logged: a /log counts the day, and the rest can still be logged.

A newcomer trial: after one /log, /workout said today's session was logged and showed the next one, Done
only answered with a toast, and the other exercises of the day were never recorded.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from bot import callbacks
from storage.models import LoggedSet, WorkoutLog
from tests.bot.harness import START, Harness

USER = 6006
GROUP = -6006
ANN, BOB = 601, 602
TODAY = START.date()  # Tuesday 24 Nov 2026
BANDS = ("Resistance bands",)


def text(sent: list) -> str:  # type: ignore[type-arg]
    return "\n".join(message.text or "" for message in sent)


def labels(bot: Harness, chat_id: int) -> list[str]:
    return [label for row in bot.api.buttons(bot.api.last(chat_id)) for label, _ in row]


async def sets_of(bot: Harness, user_id: int | None = None) -> list[tuple[date, str, int]]:
    async with bot.app.bot_data.sessionmaker() as session:
        query = select(WorkoutLog.local_date, LoggedSet.exercise, LoggedSet.reps).join(
            WorkoutLog, LoggedSet.workout_log_id == WorkoutLog.id
        )
        if user_id is not None:
            query = query.where(LoggedSet.user_id == user_id)
        return [tuple(row) for row in (await session.execute(query.order_by(LoggedSet.id))).all()]


async def test_one_lift_logged_then_the_rest_as_written_makes_one_whole_session(bot: Harness) -> None:
    # Home, bands: session 1 is kneeling band pulldown, band row, band face pull, floor slide.
    await bot.onboard(USER, equipment="🏠 Home", kit=BANDS)
    # The one-tap log of sets told in words, as the trial did it.
    await bot.send(USER, "just finished: band rows, three rounds of twelve")
    logged = text(await bot.press(USER, "▶ /log band row 3x12"))
    assert "Logged Band row: 3×12" in logged
    assert "That counts as today's session. /workout shows what's left of it." in logged

    workout = text(await bot.send(USER, "/workout"))
    assert workout.startswith("✍️ <b>Today's session so far</b>"), workout
    assert "Still to do: Kneeling band pulldown, Band face pull, Floor slide." in workout
    assert "already logged" not in workout and "Session 1 ·" in workout
    assert "✓ <b>2. Band row</b>: 3×12\n" in workout
    assert "<b>1. Kneeling band pulldown</b>\n2 × 10–12 reps" in workout
    assert "Kneeling band pulldown: first time" in workout, "the rest keeps its targets"
    assert labels(bot, USER) == ["✅ Done", "🔄 Swap an exercise"]

    offer = text(await bot.press(USER, "✅ Done"))
    assert "Today already counts as a session, from the sets you've logged (3 sets so far):" in offer
    assert "• Band row: 3×12\n\nStill to log: Kneeling band pulldown, Band face pull, Floor slide." in offer
    assert labels(bot, USER) == ["✅ As written", "✏️ Adjust"]

    written = text(await bot.press(USER, "✅ As written"))
    assert written.startswith("Logged ✓ <b>Tue 24 Nov</b>, the rest of the session:\n")
    assert "• Kneeling band pulldown: 2×10" in written and "Band row" not in written
    assert labels(bot, USER) == ["↩️ Undo"]
    stored = await sets_of(bot)
    assert [ex for _, ex, _ in stored].count("band-row") == 3, "the band row is not logged twice"
    assert {ex for _, ex, _ in stored} == {"band-row", "band-pulldown", "band-face-pull", "floor-slide"}

    # Everything logged: another Done is a toast again, and /workout moves on.
    assert await bot.press(USER, "✅ Done") == []
    toast = bot.toasts()[-1].text or ""
    assert toast.startswith("✅ Today already counts as a session") and "(9 sets so far)" in toast
    again = text(await bot.send(USER, "/workout"))
    assert "already logged" in again and "Session 2 ·" in again

    history = text(await bot.send(USER, "/history"))
    assert history.count(" · session ") == 1 and "<b>Tue 24 Nov</b> · session 1" in history
    for line in (
        "Band row: 3×12",
        "Kneeling band pulldown: 2×10",
        "Band face pull: 2×12",
        "Floor slide: 2×12",
    ):
        assert line in history, line
    streak = text(await bot.send(USER, "/streak"))
    assert "Total sessions: 1" in streak and "This week: 1/2" in streak

    bot.clock.advance(days=2)
    workout = text(await bot.send(USER, "/workout"))
    assert "Session 2 ·" in workout and "so far" not in workout
    assert "Kneeling band pulldown: last time 2×10 → today 2×11." in workout
    assert (
        "Band row: last time 3×12, every set at the top → today 2×12 again, made harder: a stronger band"
        in workout
    )
    assert "first time" not in workout


async def test_the_rest_can_be_adjusted_and_undone_without_touching_what_was_logged(bot: Harness) -> None:
    # Gym beginner, session 1: main lifts Dumbbell Romanian deadlift, Lat pulldown, Seated cable row.
    await bot.onboard(USER)
    await bot.send(USER, "/log lat pulldown 2x10 40kg")
    bot.clock.advance(minutes=30)
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    panel = text(await bot.press(USER, "✏️ Adjust"))
    # Only the lifts still to log, numbered as shown; the lat pulldown logged already is not among them.
    assert "1. Dumbbell Romanian deadlift: <b>2×8</b>" in panel
    assert "2. Seated cable row: <b>2×10</b>" in panel and "Lat pulldown" not in panel
    await bot.press(USER, "2: +10 kg")
    saved = text(await bot.press(USER, "💾 Save"))
    assert "• Seated cable row: 2×10 @ 10 kg" in saved and "Lat pulldown" not in saved
    assert "⚖️ <b>Dumbbell Romanian deadlift</b>, 2×8: what load" in saved, "asked, not logged bare"
    pulldown = [reps for _, ex, reps in await sets_of(bot) if ex == "lat-pulldown"]
    assert pulldown == [10, 10]
    # The Undo under the rest takes back the rest, not the /log from before it, and the day stays logged.
    undone = text(await bot.press(USER, "↩️ Undo"))
    assert undone.startswith("↩️ Took back: Seated cable row 2×10 @ 10 kg; Inverted row 2×10;"), undone
    assert [ex for _, ex, _ in await sets_of(bot)] == ["lat-pulldown"] * 2
    assert "✓ <b>2. Lat pulldown</b>: 2×10 @ 40 kg" in text(await bot.send(USER, "/workout"))
    assert "Total sessions: 1" in text(await bot.send(USER, "/streak"))


async def test_an_as_written_from_before_the_log_logs_only_the_rest(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=BANDS)
    await bot.send(USER, "/workout")
    done = await bot.press(USER, "✅ Done")
    assert "Session 1 logged" in text(done)
    bot.clock.advance(minutes=40)
    await bot.send(USER, "/log band row 12 12 10")
    # The As written under the bare Done, pressed after the /log: the row is not logged a second time.
    await bot.callback(USER, bot.api.buttons(done[-1])[0][0][1], message_id=done[-1].message_id)
    assert [reps for _, ex, reps in await sets_of(bot) if ex == "band-row"] == [12, 12, 10]
    assert len(await sets_of(bot)) == 9
    # A second press finds nothing left.
    await bot.callback(USER, bot.api.buttons(done[-1])[0][0][1], message_id=done[-1].message_id)
    assert "already logged" in (bot.toasts()[-1].text or "")
    assert len(await sets_of(bot)) == 9


async def test_a_reminders_done_after_a_log_offers_the_rest(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=BANDS)
    await bot.send(USER, "/log band row 3x12")
    # The Done of a reminder sent this morning carries today's date.
    offer = await bot.callback(USER, callbacks.pack("done", callbacks.pack_day(TODAY)))
    assert "Still to log: Kneeling band pulldown, Band face pull, Floor slide." in text(offer)
    assert labels(bot, USER) == ["✅ As written", "✏️ Adjust"]
    # Past midnight, the reminder of yesterday offers yesterday's rest, named by its day.
    bot.clock.advance(days=1)
    await bot.callback(USER, callbacks.pack("done", callbacks.pack_day(TODAY)))
    later = text([bot.api.last(USER)])
    assert later.startswith(
        "✅ Tuesday 24 Nov already counts as a session, from the sets you've logged (3 sets)"
    )
    await bot.press(USER, "✅ As written")
    assert len(await sets_of(bot)) == 9 and {day for day, _, _ in await sets_of(bot)} == {TODAY}


async def test_a_rung_of_the_ladder_fills_its_slot(bot: Harness) -> None:
    # Bar and bands: session 1 starts with band-assisted pull-ups. Strict ones, said so, fill that slot.
    await bot.onboard(USER, equipment="🏠 Home", kit=("Pull-up bar", *BANDS))
    await bot.send(USER, "/log strict pull-up 5 5 4")
    workout = text(await bot.send(USER, "/workout"))
    assert "✓ <b>1. Band-assisted pull-up</b>: Pull-up 5, 5, 4" in workout
    await bot.press(USER, "✅ Done")
    written = text(await bot.press(USER, "✅ As written"))
    assert "Band-assisted pull-up" not in written and "• Band row: 2×10" in written


async def test_what_the_plan_has_no_place_for_leaves_the_plans_own_to_do(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=BANDS)
    await bot.send(USER, "/log band pull-apart 2x15")
    workout = text(await bot.send(USER, "/workout"))
    assert "Still to do: Kneeling band pulldown, Band row, Band face pull, Floor slide." in workout
    assert "Also logged today: Band pull-apart 2×15." in workout and "✓ <b>" not in workout


async def test_in_a_group_each_member_logs_the_rest_of_their_own_session(bot: Harness) -> None:
    bot.api.group_chat(GROUP, "Back Buddies")
    await bot.send(GROUP, "/start", user_id=ANN)
    await bot.press(GROUP, "🌱 Beginner", user_id=ANN)
    await bot.press(GROUP, "🏠 Home", user_id=ANN)
    await bot.press(GROUP, "⬜️ Resistance bands", user_id=ANN)
    await bot.press(GROUP, "✅ Confirm", user_id=ANN)
    await bot.press(GROUP, "UTC", user_id=ANN)
    await bot.press(GROUP, "⭐ 2 days: Mon, Thu", user_id=ANN)

    await bot.send(GROUP, "/log band row 3x10", user_id=ANN)
    [for_ann] = await bot.send(GROUP, "/workout", user_id=ANN)
    assert "so far" in (for_ann.text or "") and "✓ <b>2. Band row</b>: 3×10" in (for_ann.text or "")
    # Bob has logged nothing: today's session, whole, with who trained already.
    [for_bob] = await bot.send(GROUP, "/workout", user_id=BOB)
    assert "did today's session already" in (for_bob.text or "") and "✓" not in (for_bob.text or "")

    bob_done = text(await bot.press(GROUP, "✅ Done", user_id=BOB))
    assert "Logged for" in bob_done
    await bot.press(GROUP, "✅ As written", user_id=BOB)
    ann_offer = text(await bot.send(GROUP, "/done", user_id=ANN))
    assert "(3 sets so far)" in ann_offer and "Still to log: Kneeling band pulldown," in ann_offer
    await bot.press(GROUP, "✅ As written", user_id=ANN)

    ann = [ex for _, ex, _ in await sets_of(bot, ANN)]
    bob = [ex for _, ex, _ in await sets_of(bot, BOB)]
    assert ann.count("band-row") == 3 and bob.count("band-row") == 2, "each member's own sets"
    assert set(ann) == set(bob) == {"band-row", "band-pulldown", "band-face-pull", "floor-slide"}
    assert "Total sessions: 1" in text(await bot.send(GROUP, "/streak", user_id=BOB))
    for member in (ANN, BOB):
        [after] = await bot.send(GROUP, "/workout", user_id=member)
        assert "already logged" in (after.text or "") and "Session 2 ·" in (after.text or "")


async def sets_in_full(bot: Harness) -> list[tuple[date, str, int, float | None, int | None]]:
    async with bot.app.bot_data.sessionmaker() as session:
        query = select(
            WorkoutLog.local_date, LoggedSet.exercise, LoggedSet.reps, LoggedSet.load, LoggedSet.seconds
        ).join(WorkoutLog, LoggedSet.workout_log_id == WorkoutLog.id)
        return [tuple(row) for row in (await session.execute(query.order_by(LoggedSet.id))).all()]


async def as_written_days(bot: Harness, chat_id: int, count: int) -> None:
    """``count`` sessions, one every other day, each logged with Done and As written."""
    for _ in range(count):
        await bot.send(chat_id, "/workout")
        await bot.press(chat_id, "✅ Done")
        await bot.press(chat_id, "✅ As written")
        bot.clock.advance(days=2)


async def test_as_written_on_a_backdated_day_logs_its_hold_too(bot: Harness) -> None:
    # A second newcomer trial: As written under a Done for yesterday left out the plan's timed hold.
    # Home, no kit: session 3 is prone towel pulldown, door towel row, Y-T-W raise, prone cobra hold.
    await bot.onboard(USER, equipment="🏠 Home")
    await as_written_days(bot, USER, 2)
    done = text(await bot.send(USER, "/done yesterday"))
    assert "Logged for Friday 27 Nov" in done and "Session 3 logged" in done
    written = text(await bot.press(USER, "✅ As written"))
    assert written.startswith("Logged ✓ <b>Fri 27 Nov</b>\n")
    assert written.endswith("• Prone Y-T-W raise: 2×14\n• Prone cobra hold: 2×20 s"), written
    cobra = [(day, seconds) for day, ex, _, _, seconds in await sets_in_full(bot) if ex == "prone-cobra"]
    assert cobra == [(date(2026, 11, 27), 20)] * 2
    history = text(await bot.send(USER, "/history"))
    assert "<b>Fri 27 Nov</b> · session 3\n" in history and "  • Prone cobra hold: 2×20 s\n" in history


async def test_the_rest_of_a_session_names_and_logs_its_hold(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home")
    await as_written_days(bot, USER, 2)
    await bot.send(USER, "/log door towel row 12 12")
    workout = text(await bot.send(USER, "/workout"))
    assert "Still to do: Prone towel pulldown, Prone Y-T-W raise, Prone cobra hold." in workout
    offer = text(await bot.press(USER, "✅ Done"))
    assert "Still to log: Prone towel pulldown, Prone Y-T-W raise, Prone cobra hold." in offer
    written = text(await bot.press(USER, "✅ As written"))
    assert "• Prone cobra hold: 2×20 s" in written and "Door towel row" not in written
    # Everything is logged now: a Done is a toast, and As written again logs nothing twice.
    assert await bot.press(USER, "✅ Done") == []
    assert [ex for _, ex, *_ in await sets_in_full(bot)].count("prone-cobra") == 2
    # A hold logged by /log before Done is not logged again by As written.
    bot.clock.advance(days=2)
    await as_written_days(bot, USER, 5)  # sessions 4 to 8; session 9 has the hold again
    await bot.send(USER, "/log prone cobra 2x30s")
    await bot.press(USER, "✅ Done")
    again = text(await bot.press(USER, "✅ As written"))
    assert "Prone cobra hold" not in again
    cobra = [seconds for _, ex, _, _, seconds in await sets_in_full(bot) if ex == "prone-cobra"]
    assert cobra[-2:] == [30, 30] and len(cobra) == 6


async def test_as_written_logs_an_accessory_at_the_load_last_lifted_never_one_the_workout_never_showed(
    bot: Harness,
) -> None:
    # The trial: As written logged "Bent-over rear-delt fly: 3×10 @ 12.5 kg" and a heaviest-ever record
    # when 12 kg had been used and /workout had shown no load for it (an accessory has no target line).
    # Logged bare instead, its next session had no load known and was asked for one every other time:
    # it is logged at the load it was last lifted at, which its rule keeps while the reps go up.
    await bot.onboard(USER)
    await bot.send(USER, "/log rear delt fly 2x12 12kg")
    await as_written_days(bot, USER, 3)
    workout = text(await bot.send(USER, "/workout"))
    assert "<b>5. Bent-over rear-delt fly</b>\n2 × 12–15 reps" in workout and "12.5" not in workout
    await bot.press(USER, "✅ Done")
    written = text(await bot.press(USER, "✅ As written"))
    # A dumbbell in each hand: As written says so, as the load question and /log do.
    assert "• Bent-over rear-delt fly: 2×13 @ 12 kg each hand\n" in written and "12.5" not in written
    assert "Not logged without a load" in written and "Bent-over rear-delt fly." not in written
    fly = [(reps, load) for _, ex, reps, load, _ in await sets_in_full(bot) if ex == "rear-delt-fly"]
    assert fly == [(12, 12.0), (12, 12.0), (13, 12.0), (13, 12.0)]


async def test_done_typed_again_with_nothing_logged_offers_as_written_again(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=BANDS)
    await bot.send(USER, "/workout")
    first = await bot.send(USER, "/done")
    assert "Session 1 logged" in text(first)
    # A trial's second /done read "see you next time", as if the sets could no longer be logged.
    again = await bot.send(USER, "/done")
    assert "Nothing of it is logged yet" in text(again)
    assert labels(bot, USER)[:2] == ["✅ As written", "✏️ Adjust"]
    await bot.press(USER, "✅ As written")
    assert len(await sets_of(bot)) > 0
    # Logged, a third /done says so from the sets.
    assert "already counts as a session, from the sets" in text(await bot.send(USER, "/done"))
    assert bot.errors == []
