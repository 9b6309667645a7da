"""Sets as lifters write them, through the real Application against the Bot API double (a newcomer trial):
assistance is the machine's help and never a load lifted, bare numbers for a bodyweight move are reps, loads
first and set by set are read, a message that is just an exercise and its sets is a log offer, and numbers
that read several ways get a button per reading."""

from __future__ import annotations

from sqlalchemy import select

from bot import callbacks
from fakeapi.state import SentMessage
from storage.models import LoggedSet
from tests.bot.harness import Harness

USER = 5005


async def sets_of(bot: Harness) -> list[tuple[str, int, float | None, str | None]]:
    async with bot.app.bot_data.sessionmaker() as session:
        query = select(LoggedSet.exercise, LoggedSet.reps, LoggedSet.load, LoggedSet.note).order_by(
            LoggedSet.id
        )
        return [tuple(row) for row in (await session.execute(query)).all()]


def text(sent: list[SentMessage]) -> str:
    return "\n".join(message.plain_text or "" for message in sent)


def head(sent: list[SentMessage]) -> str:
    """The first line of what the bot said: "✍️ Logged …"."""
    return text(sent).split("\n")[0]


async def added(bot: Harness, sent: list[SentMessage]) -> list[SentMessage]:
    """What a /log logged: the same lift's work again that day is asked about first (➕ Add / 🔁 Replace),
    and added here."""
    return await bot.press(USER, "➕ Add") if text(sent).startswith("🔁 Add to") else sent


async def test_assistance_is_logged_as_the_machines_help_never_as_added_weight(bot: Harness) -> None:
    await bot.onboard(USER)  # a gym beginner
    # The trial: offered and logged as "Weighted pull-up: 2×10 @ 40 kg".
    [offer] = await bot.send(USER, "assisted pull ups 2x10 with 40kg assistance")
    line = "assisted pull up 2x10 40kg assist"
    assert offer.plain_text == f"📝 Shall I log that? {line} — tap below, or correct it with /log."
    assert [b for row in bot.api.buttons(offer) for b in row] == [
        (f"▶ /log {line}", callbacks.pack("cmd", "log", line))
    ]
    reply = text(await bot.press(USER, f"▶ /log {line}"))
    assert reply.startswith("✍️ Logged Machine-assisted pull-up: 2×10\n"), reply
    assert "40 kg of assistance is kept only as a note" in reply and "Less counterweight" in reply
    assert "Weighted" not in reply and "@" not in reply and "🏆" not in reply
    assert await sets_of(bot) == [("assisted-pull-up-machine", 10, None, "assisted by 40 kg")] * 2
    history = text(await bot.send(USER, "/history"))
    assert "Machine-assisted pull-up: 2×10" in history and "Weighted" not in history, history


async def test_a_load_on_the_assisted_machine_is_its_help_as_its_card_says(bot: Harness) -> None:
    await bot.onboard(USER)
    # The trial: "takes no load, so I haven't logged it", while the card says less counterweight is progress.
    reply = text(await bot.send(USER, "/log machine assisted pull up 2x10 40kg # felt ok"))
    # The note typed after "#" is said after the sets; the help is said on its own line, not in the note's.
    assert reply.startswith("✍️ Logged Machine-assisted pull-up: 2×10 · 📝 felt ok\n"), reply
    assert "Less counterweight over the weeks is your progress" in reply
    assert await sets_of(bot) == [("assisted-pull-up-machine", 10, None, "assisted by 40 kg; felt ok")] * 2
    # Help on what no counterweight helps is refused, saying how the machine's is logged.
    refused = text(await bot.send(USER, "/log chin up 3x8 40kg assist"))
    assert refused.startswith("“chin up” takes no assistance, so I haven't logged it"), refused
    assert "/log assisted pull-up 3x8 40kg assist" in refused


async def test_a_load_added_to_a_pull_up_is_the_weighted_pull_up(bot: Harness) -> None:
    await bot.onboard(USER, level="🔥 Advanced")
    # The trial: "/log pullup 10,9,8,8 +10kg" was "Machine-assisted pull-up: 10, 9, 8, 8" with 10 kg of help.
    told = ("pullup 10,9,8,8 +10kg", "pull-ups 10,9,8,8 plus 10 kg", "pullup 10,9,8,8 with 10kg on a belt")
    for typed in told:
        reply = text(await added(bot, await bot.send(USER, f"/log {typed}")))
        assert reply.split("\n")[0] == "✍️ Logged Weighted pull-up: 10, 9, 8, 8 @ 10 kg", typed
        assert "assist" not in reply and "counterweight" not in reply.casefold(), typed
    logged = [(ex, reps, load, note) for ex, reps, load, note in await sets_of(bot)]
    assert logged == [("weighted-pull-up", reps, 10.0, None) for reps in (10, 9, 8, 8)] * 3
    # Help told is still the machine's.
    helped = head(await bot.send(USER, "/log pullup 2x10 -40kg"))
    assert helped == "✍️ Logged Machine-assisted pull-up: 2×10", helped


async def test_bare_numbers_for_a_bodyweight_move_are_reps(bot: Harness) -> None:
    await bot.onboard(USER)
    # The trial: "“chin-up” takes no load" for four rep counts, and "I can't tell reps from load".
    assert head(await bot.send(USER, "/log chin-up 15 12 10 6")) == "✍️ Logged Chin-up: 15, 12, 10, 6"
    assert head(await bot.send(USER, "/log pull-up 15 12 10 6")) == "✍️ Logged Pull-up: 15, 12, 10, 6"
    assert [(ex, reps, load) for ex, reps, load, _ in await sets_of(bot)] == [
        ("chin-up", 15, None),
        ("chin-up", 12, None),
        ("chin-up", 10, None),
        ("chin-up", 6, None),
        ("pull-up", 15, None),
        ("pull-up", 12, None),
        ("pull-up", 10, None),
        ("pull-up", 6, None),
    ]


async def test_loads_first_and_set_by_set_are_read(bot: Harness) -> None:
    await bot.onboard(USER)
    cases = {
        "/log dl 180x5, 190x3, 200x3x2": "Barbell deadlift: 5 @ 180 kg, 3 @ 190 kg, 2×3 @ 200 kg",
        "/log deadlift 180kg x5, 190kg x3": "Barbell deadlift: 5 @ 180 kg, 3 @ 190 kg",
        "/log seated row 100x8x4": "Seated cable row: 4×8 @ 100 kg",
        "/log seated row 100x5x3": "Seated cable row: 3×5 @ 100 kg",
        "/log seated row 90kgx8x4": "Seated cable row: 4×8 @ 90 kg",
        "/log db row 40kg 4x10": "One-arm dumbbell row: 4×10 @ 40 kg each hand",
        "/log db row 4x10 each arm 40kg": "One-arm dumbbell row: 4×10 @ 40 kg each hand",
        # Was "200 sets is more than I log", while the offer for "deadlift 200x3" read it as one set of 3.
        "/log deadlift 200x3": "Barbell deadlift: 1×3 @ 200 kg",
    }
    for typed, shown in cases.items():
        assert head(await added(bot, await bot.send(USER, typed))) == f"✍️ Logged {shown}", typed
    deadlifts = [(reps, load) for ex, reps, load, _ in await sets_of(bot) if ex == "deadlift"]
    assert deadlifts == [(5, 180.0), (3, 190.0), (3, 200.0), (3, 200.0), (5, 180.0), (3, 190.0), (3, 200.0)]


async def test_the_offer_for_a_load_first_logs_what_log_logs(bot: Harness) -> None:
    await bot.onboard(USER)
    [offer] = await bot.send(USER, "deadlift 200x3")
    assert "Shall I log that? deadlift 1x3 200kg" in (offer.plain_text or "")
    await bot.press(USER, "▶ /log deadlift 1x3 200kg")
    await added(bot, await bot.send(USER, "/log deadlift 200x3"))
    assert [(ex, reps, load) for ex, reps, load, _ in await sets_of(bot)] == [("deadlift", 3, 200.0)] * 2


async def test_a_message_of_just_an_exercise_and_its_sets_is_a_log_offer(bot: Harness) -> None:
    await bot.onboard(USER)
    # The trial: these got the topic card, while "did lat pulldown 2 sets of 12 at 30kg" got the offer.
    for said, line in (
        ("lat pulldown 32.5 x 10, 10", "lat pulldown 2x10 32.5kg"),
        ("pull aparts 3 x 15", "pull apart 3x15"),
        ("did lat pulldown 2 sets of 12 at 30kg", "lat pulldown 2x12 30kg"),
    ):
        [offer] = await bot.send(USER, said)
        assert offer.plain_text == f"📝 Shall I log that? {line} — tap below, or correct it with /log.", said
    await bot.press(USER, "▶ /log lat pulldown 2x10 32.5kg")
    assert [(ex, reps, load) for ex, reps, load, _ in await sets_of(bot)] == [("lat-pulldown", 10, 32.5)] * 2


async def test_numbers_that_read_several_ways_get_a_button_per_reading(bot: Harness) -> None:
    await bot.onboard(USER)
    # The trial: "I can't tell reps from load in “11 11 35”" with no buttons, while "10 35" had two.
    [asked] = await bot.send(USER, "/log seated cable row 35 11 11")
    assert "can't tell reps from load in “35 11 11”" in (asked.plain_text or "")
    assert [label for row in bot.api.buttons(asked) for label, _ in row] == [
        "11, 11 reps @ 35 kg",
        "35, 11, 11 reps",
    ]
    [two] = await bot.send(USER, "/log seated row 10 35")
    assert [label for row in bot.api.buttons(two) for label, _ in row] == [
        "10 reps @ 35 kg",
        "35 reps @ 10 kg",
    ]
    assert head(await bot.press(USER, "35, 11, 11 reps")) == "✍️ Logged Seated cable row: 35, 11, 11"
    # Either end of "3x10x5" could be the sets: both readings are offered.
    [either] = await bot.send(USER, "/log seated row 3x10x5")
    assert [label for row in bot.api.buttons(either) for label, _ in row] == [
        "3×10 reps @ 5 kg",
        "5×10 reps @ 3 kg",
    ]
    assert head(await bot.press(USER, "5×10 reps @ 3 kg")) == "✍️ Logged Seated cable row: 5×10 @ 3 kg"
    assert [(reps, load) for _, reps, load, _ in await sets_of(bot)] == [
        (35, None),
        (11, None),
        (11, None),
    ] + [(10, 3.0)] * 5


async def test_a_last_number_far_above_the_reps_of_a_loaded_lift_is_logged_as_its_load(bot: Harness) -> None:
    # A trial: "/log lat pulldown 8 8 7 7 80" asked whether 80 was reps.
    await bot.onboard(USER)
    [logged] = await bot.send(USER, "/log lat pulldown 8 8 7 7 80")
    assert head([logged]) == "✍️ Logged Lat pulldown: 8, 8, 7, 7 @ 80 kg", logged.text
    assert [label for row in bot.api.buttons(logged) for label, _ in row] == ["↩️ Undo"]
    assert [(ex, reps, load) for ex, reps, load, _ in await sets_of(bot)] == [
        ("lat-pulldown", 8, 80.0),
        ("lat-pulldown", 8, 80.0),
        ("lat-pulldown", 7, 80.0),
        ("lat-pulldown", 7, 80.0),
    ]


async def test_a_second_trials_sets_in_words_and_kit_words_are_read(bot: Harness) -> None:
    # A second newcomer trial: "3 sets of 8 at 70" was "I couldn't read “sets”", a band's colour and a
    # backpack were words /log could not read, and a load "each arm" was not said to be each hand's.
    await bot.onboard(USER)  # a gym beginner
    cases = {
        "/log bb row 3 sets of 8 at 70": "Barbell bent-over row: 3×8 @ 70 kg",
        "/log deadlift 105x7 for 3 sets": "Barbell deadlift: 3×7 @ 105 kg",
        "/log db row 10,10,9 each arm 32kg": "One-arm dumbbell row: 10, 10, 9 @ 32 kg each hand",
    }
    for typed, shown in cases.items():
        assert head(await added(bot, await bot.send(USER, typed))) == f"✍️ Logged {shown}", typed
    assert (await sets_of(bot))[-3:] == [
        ("one-arm-dumbbell-row", reps, 32.0, "each hand") for reps in (10, 10, 9)
    ]


async def test_at_home_a_band_and_a_backpack_are_kit_and_face_pulls_the_band_ones(bot: Harness) -> None:
    chat = USER + 1
    await bot.onboard(chat, equipment="🏠 Home", kit=("Pull-up bar", "Resistance bands"))
    # The trial: a home chat with bands and no cable logged "Cable face pull".
    assert head(await bot.send(chat, "/log face pulls 2x15")) == "✍️ Logged Band face pull: 2×15"
    assert (
        head(await bot.send(chat, "/log band pulldown 2x12 red band"))
        == "✍️ Logged Kneeling band pulldown: 2×12 with the red band"
    )
    assert head(await bot.send(chat, "/log rdl 2x10 backpack 8kg")).startswith(
        "✍️ Logged Romanian deadlift with"
    )
    logged = await sets_of(bot)
    assert logged[2:4] == [("band-pulldown", 12, None, "red band")] * 2
    assert logged[4:] == [("backpack-rdl", 10, 8.0, None)] * 2


async def test_a_load_first_for_its_sets_is_offered_with_them(bot: Harness) -> None:
    await bot.onboard(USER + 2)
    [offer] = await bot.send(USER + 2, "hit 105x7 for 3 sets on deadlift today, then pulldown 52.5 x 8,8,8")
    assert (offer.plain_text or "").startswith("📝 Shall I log that? deadlift 3x7 105kg; "), offer.plain_text
