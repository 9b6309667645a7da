"""/log with a name that fits several exercises or none, through the real Application: a button per
exercise the chat's kit allows, logging the sets typed; an honest line for a lift the bot does not track."""

from __future__ import annotations

from sqlalchemy import select

from bot import callbacks
from storage.models import LoggedSet
from tests.bot.harness import START, Harness

USER = 3003
TODAY = START.date()


async def sets_of(bot: Harness) -> list[tuple[str, int, float | None]]:
    async with bot.app.bot_data.sessionmaker() as session:
        query = select(LoggedSet.exercise, LoggedSet.reps, LoggedSet.load).order_by(LoggedSet.id)
        return [tuple(row) for row in (await session.execute(query)).all()]


def text(sent: list) -> str:  # type: ignore[type-arg]
    return "\n".join(message.text or "" for message in sent)


async def test_a_name_of_todays_fly_and_a_home_fly_is_todays_with_no_question(bot: Harness) -> None:
    # A newcomer at the gym: "/log rear delt flys 3x12" named the home version too. Then (a later trial)
    # it asked "Did you mean Bent-over rear-delt fly?" with one button, though the plan has only that fly.
    await bot.onboard(
        USER
    )  # today: Dumbbell RDL, lat pulldown, seated cable row, inverted row, rear-delt fly
    logged = text(await bot.send(USER, "/log rear delt flys 3x12"))
    assert logged.startswith("✍️ Logged Bent-over rear-delt fly: 3×12\n"), logged
    assert await sets_of(bot) == [("rear-delt-fly", 12, None)] * 3


async def test_numbers_that_cannot_be_read_are_said_first(bot: Harness) -> None:
    await bot.onboard(USER)
    [reply] = await bot.send(USER, "/log rear delt flys 3x12 8s")
    assert reply.text == (
        "I couldn't read “8s”. Write sets like <code>/log row 3x10 40kg</code> or "
        "<code>/log pull-up 5,5,4</code>."
    )
    assert bot.api.buttons(reply) == []
    # "with" before a load is read past: the gym's fly is the only one of the name taking a load here.
    logged = text(await bot.send(USER, "/log rear delt flys 3x12 with 8kg"))
    assert logged.startswith("✍️ Logged Bent-over rear-delt fly: 3×12 @ 8 kg each hand\n"), logged


async def test_at_home_the_home_fly_is_todays(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=("A backpack or other load",))
    logged = text(await bot.send(USER, "/log rear delt flies 12,12,10"))
    assert logged.startswith("✍️ Logged Rear-delt fly with light weights or water bottles: 12, 12, 10\n")
    assert await sets_of(bot) == [("backpack-rear-delt-fly", 12, None)] * 2 + [
        ("backpack-rear-delt-fly", 10, None)
    ]


async def test_without_the_kit_for_any_of_them_the_line_asks_with_no_buttons(bot: Harness) -> None:
    await bot.onboard(USER + 1, equipment="🏠 Home", kit=("Pull-up bar", "Resistance bands"))
    [asked] = await bot.send(USER + 1, "/log rear delt flys 3x12")
    assert (asked.text or "").startswith("“rear delt flys” fits several exercises: Bent-over rear-delt fly, ")
    assert bot.api.buttons(asked) == []


async def test_an_unknown_row_offers_rows_that_take_the_load_todays_first(bot: Harness) -> None:
    await bot.onboard(USER)  # today: Dumbbell RDL, lat pulldown, seated cable row, inverted row, …
    [asked] = await bot.send(USER, "/log tbar row 3x8 90lb")
    assert asked.text == "I don't know “tbar row”. Did you mean one of these? Tap it to log 3×8 @ 40.8 kg:"
    shown = [label for row in bot.api.buttons(asked) for label, _ in row]
    assert shown[0] == "Seated cable row" and 2 <= len(shown) <= 4 and "Pendlay row" in shown
    # The inverted row is today's too, but takes no load.
    assert all(label.endswith("row") for label in shown) and "Inverted row" not in shown
    await bot.press(USER, "Pendlay row")
    pressed = await sets_of(bot)
    assert [(ex, reps) for ex, reps, _ in pressed] == [("pendlay-row", 8)] * 3
    # Exactly what typing the exercise's own name logs.
    await bot.send(USER, "/undo")
    await bot.send(USER, "/log pendlay row 3x8 90lb")
    assert await sets_of(bot) == pressed


async def test_a_lift_the_bot_does_not_track_gets_an_honest_line(bot: Harness) -> None:
    # A newcomer's "/log bicep curls 3x10 12kg" was offered a Romanian deadlift and face pulls.
    await bot.onboard(USER)
    for typed, name in {
        "/log bicep curls 3x10 12kg": "bicep curls",
        "/log squats 3x5 100kg": "squats",
        "/log bench press 3x8 60kg": "bench press",
        "/log sit ups 3x20": "sit ups",
    }.items():
        [reply] = await bot.send(USER, typed)
        assert reply.text == (
            f"I only log upper-back lifts, and “{name}” isn't one I know. "
            "/workout lists today's; log one like <code>/log row 3x10 40kg</code>."
        ), typed
        assert bot.api.buttons(reply) == [], typed
    assert await sets_of(bot) == []


async def test_forged_or_stale_pick_buttons_get_a_polite_toast(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/log tbar row 3x8 40kg")
    day = callbacks.pack_day(TODAY)
    for data in (
        f"1:lp:{day}:inverted-row:3x8:40:kg:",  # an inverted row takes no load
        f"1:lp:{day}:nope:3x8:40:kg:",
        f"1:lp:{day}:pendlay-row:3x0:40:kg:",
        f"1:lp:{day}:pendlay-row:3x101:40:kg:",
        f"1:lp:{day}:pendlay-row:8.8.8:40:kg:",
        f"1:lp:{day}:pendlay-row:3x8:40.0:kg:",
        f"1:lp:{day}:pendlay-row:3x8:600:kg:",
        f"1:lp:{day}:pendlay-row:3x8:40:st:",
        f"1:lp:{day}:pendlay-row:3x8:40:kg:11",
        f"1:lp:{day}:prone-cobra:3x601::kg:",
        "1:lp:2026112:pendlay-row:3x8:40:kg:",
        f"1:lp:{day}:pendlay-row:3x8:40:kg",
        "1:lp:nope",
    ):
        assert await bot.callback(USER, data) == [], data
        assert "expired" in (bot.toasts()[-1].text or ""), data
    assert await sets_of(bot) == []
    bot.clock.advance(days=1)
    assert await bot.press(USER, "Pendlay row") == []
    assert "another day" in (bot.toasts()[-1].text or "")
    assert await sets_of(bot) == []


async def test_sets_too_many_for_a_button_leave_the_line_alone(bot: Harness) -> None:
    # Twenty different sets do not fit in a button's 64 bytes: the reply names the rows instead.
    await bot.onboard(USER)
    reps = ",".join(str(n) for n in [*range(10, 0, -1)] * 2)
    [reply] = await bot.send(USER, f"/log tbar row {reps} 40kg")
    assert (reply.text or "").startswith("I don't know the exercise “tbar row”. Closest: ")
    assert bot.api.buttons(reply) == []
    assert bot.errors == []
