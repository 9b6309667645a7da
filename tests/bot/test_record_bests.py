"""Records as a coach announces them, through the real Application against the Bot API double: a lift's
first two sessions are its baseline (the newcomer trial: +1 rep on six lifts in a second session gave six
🏆 lines), and real bests on several lifts in one reply are one line."""

from __future__ import annotations

from tests.bot.harness import Harness

USER = 3013

LIFTS = [
    "deadlift 3x5 {dl}kg",
    "lat pulldown 3x{reps} 40kg",
    "seated cable row 3x{reps} 40kg",
    "barbell row 3x{reps} 40kg",
    "face pull 3x{reps} 15kg",
    "straight-arm pulldown 3x{reps} 20kg",
]


def session(reps: int, dl: float = 100) -> str:
    return "/log " + "; ".join(lift.format(reps=reps, dl=f"{dl:g}") for lift in LIFTS)


def text(sent: list) -> str:  # type: ignore[type-arg]
    return "\n".join(message.text or "" for message in sent)


async def test_a_second_session_sets_a_baseline_and_real_bests_are_one_line(bot: Harness) -> None:
    await bot.onboard(USER)
    first = text(await bot.send(USER, session(reps=10)))
    assert "Logged" in first and "🏆" not in first, first
    bot.clock.advance(days=2)
    # One more rep on every lift, the second time ever: a baseline, no 🏆 at all.
    second = text(await bot.send(USER, session(reps=11)))
    assert "Logged" in second and "🏆" not in second, second
    bot.clock.advance(days=2)
    # The third session: a heavier deadlift for the same reps, and more reps on the rest, are real bests,
    # named in one line, four of them and the rest counted.
    third = text(await bot.send(USER, session(reps=12, dl=105)))
    assert third.count("🏆") == 1, third
    assert (
        "🏆 New bests: Barbell deadlift 105 kg × 5, Lat pulldown 40 kg × 12, Seated cable row 40 kg × 12, "
        "Barbell bent-over row 40 kg × 12 and 2 more."
    ) in third, third
    bot.clock.advance(days=2)
    # One lift's best keeps its own line, saying what it beat.
    fourth = text(await bot.send(USER, "/log deadlift 3x5 110kg"))
    assert "🏆 New record — Barbell deadlift: heaviest ever, 110 kg (was 105 kg)." in fourth, fourth


async def test_a_back_off_set_is_no_record_and_a_working_set_is(bot: Harness) -> None:
    """The newcomer trial: "🏆 11 reps at 62.5 kg" for a lifter whose best is 80 kg × 6. A rep record needs
    a working load, within a tenth of the lift's heaviest (or one load step under it)."""
    await bot.onboard(USER)
    for _ in range(2):  # the baseline: a top set and a back-off set
        assert "🏆" not in text(await bot.send(USER, "/log lat pulldown 80x6, 62.5x10"))
        bot.clock.advance(days=2)
    backoff = text(await bot.send(USER, "/log lat pulldown 80x6, 62.5x11"))
    assert "Logged" in backoff and "🏆" not in backoff, backoff
    bot.clock.advance(days=2)
    working = text(await bot.send(USER, "/log lat pulldown 72.5x9"))
    assert "🏆 New record — Lat pulldown: 9 reps at 72.5 kg" in working, working


async def test_a_heavier_dumbbell_load_at_home_is_a_record_whatever_the_move_is_called(bot: Harness) -> None:
    """A newcomer trial: at home "/log db rdl" logged the gym's dumbbell RDL, not the plan's RDL "with a
    loaded backpack or dumbbells", so the heavier load after that lift's baseline had no record to beat."""
    await bot.onboard(USER, equipment="🏠 Home", kit=("A backpack or other load",))
    rdl = "Romanian deadlift with a loaded backpack or dumbbells"
    row = "Bent-over row with a loaded backpack or dumbbells"
    for sets in ("rdl 3x10 10kg; db row 3x10 10kg", "dumbbell rdl 3x10 10kg; one arm db row 3x10 10kg"):
        logged = text(await bot.send(USER, f"/log {sets}"))
        assert f"{rdl}: 3×10 @ 10 kg" in logged and f"{row}: 3×10 @ 10 kg" in logged, logged
        assert "🏆" not in logged, logged
        bot.clock.advance(days=2)
    heavier = text(await bot.send(USER, "/log db rdl 3x10 12kg"))
    assert f"🏆 New record — {rdl}: heaviest ever, 12 kg (was 10 kg)." in heavier, heavier
    bot.clock.advance(days=2)
    heavier = text(await bot.send(USER, "/log one-arm dumbbell row 3x10 12kg"))
    assert f"🏆 New record — {row}: heaviest ever, 12 kg (was 10 kg)." in heavier, heavier


BANDS = ("Resistance bands",)
# Home, bands: sessions 1-3 have the kneeling band pulldown and the band row as their first two lifts,
# prescribed 2×10, 2×11 and 2×12 when each is logged as written.
PULLDOWN = "Kneeling band pulldown"


async def as_written(bot: Harness, chat_id: int) -> str:
    await bot.send(chat_id, "/workout")
    await bot.press(chat_id, "✅ Done")
    written = text(await bot.press(chat_id, "✅ As written"))
    bot.clock.advance(days=2)
    return written


async def test_as_written_logs_the_plans_progression_and_announces_no_record(bot: Harness) -> None:
    """A strength coach's trial: "🏆 Prone Y-T-W raise: 14 reps (best was 13)" from ✅ As written, the plan's
    own +1 rep that the lifter never told. Told with /log, the same reps are a record."""
    await bot.onboard(USER, equipment="🏠 Home", kit=BANDS)
    for _ in range(2):
        await as_written(bot, USER)
    third = await as_written(bot, USER)
    assert f"• {PULLDOWN}: 2×12" in third and "🏆" not in third, third
    # As written's 12 still counts toward the best: told again it beats nothing, one more is a record.
    same = text(await bot.send(USER, "/log band pulldown 12 12"))
    assert "Logged" in same and "🏆" not in same, same
    bot.clock.advance(days=2)
    more = text(await bot.send(USER, "/log band pulldown 13 12"))
    assert f"🏆 New record — {PULLDOWN}: 13 reps (best was 12)." in more, more

    told = USER + 1  # another member, the same sessions, the third one's reps told with /log
    await bot.onboard(told, equipment="🏠 Home", kit=BANDS)
    for _ in range(2):
        await as_written(bot, told)
    logged = text(await bot.send(told, "/log band pulldown 12 12"))
    assert f"🏆 New record — {PULLDOWN}: 12 reps (best was 11)." in logged, logged


async def test_save_announces_a_record_only_for_a_lift_moved_on_the_panel(bot: Harness) -> None:
    """Adjust's +1 rep is the member's own number; the lift left at the plan's 2×12 beside it is not."""
    await bot.onboard(USER, equipment="🏠 Home", kit=BANDS)
    for _ in range(2):
        await as_written(bot, USER)
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    panel = text(await bot.press(USER, "✏️ Adjust"))
    assert f"1. {PULLDOWN}: <b>2×12</b>" in panel and "2. Band row: <b>2×12</b>" in panel, panel
    await bot.press(USER, "1: +1 rep")
    saved = text(await bot.press(USER, "💾 Save"))
    assert f"• {PULLDOWN}: 2×13" in saved and "• Band row: 2×12" in saved, saved
    assert f"🏆 New record — {PULLDOWN}: 13 reps (best was 11)." in saved, saved
    assert saved.count("🏆") == 1 and "Band row: 12" not in saved, saved
