"""Short on time: /workout 30, the ⏱ button and "I only have 30 minutes today", as a trainee sees them.

A newcomer asked "I only have 30 minutes today" and got nothing useful: the whole 65-minute session or
nothing. Now the session is cut to the time given, says what was cut, and what it dropped is neither logged
by As written nor listed as still to do.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from storage.models import LoggedSet, WorkoutLog
from tests.bot.harness import Harness, next_load_line

USER = 7007
GROUP = -7007
ANN, BOB = 701, 702
# An intermediate gym chat's first session: deadlift, lat pulldown, cable row (heavy, 3 × 6–8, 3 min rest),
# pull-up, rear-delt fly, straight-arm pulldown (no floor drills at the gym past beginner): about 60 minutes
# (65 before the pulls' 6–8 rested 2–2.5 min rather than the deadlift's 3).
# Pull-ups before the pulldown: after a pulldown's sets the lats are tired for them (a coach's trial).
WHOLE = [
    "Barbell deadlift",
    "Pull-up",
    "Lat pulldown",
    "Seated cable row",
    "Bent-over rear-delt fly",
    "Straight-arm cable pulldown",
]


def text(sent: list) -> str:  # type: ignore[type-arg]
    return "\n".join(message.text or "" for message in sent)


def labels(bot: Harness, chat_id: int) -> list[str]:
    return [label for row in bot.api.buttons(bot.api.last(chat_id)) for label, _ in row]


def exercises(shown: str) -> list[str]:
    """The exercises a session message lists, in order."""
    return re.findall(r"<b>\d+\. ([^<]+)</b>", shown)


def minutes(shown: str) -> int:
    found = re.search(r"about (\d+) min</i>", shown)
    assert found is not None, shown
    return int(found[1])


async def logged(bot: Harness, user_id: int) -> list[str]:
    async with bot.app.bot_data.sessionmaker() as session:
        query = (
            select(LoggedSet.exercise)
            .join(WorkoutLog, LoggedSet.workout_log_id == WorkoutLog.id)
            .where(LoggedSet.user_id == user_id)
            .order_by(LoggedSet.id)
        )
        return list(dict.fromkeys((await session.execute(query)).scalars()))


async def test_thirty_minutes_keeps_every_pattern_and_says_what_was_dropped(bot: Harness) -> None:
    """A strength coach's trial: half an hour kept the deadlift and the pulldown at 3 sets and dropped every
    row. A coach keeps the hinge, a vertical and a horizontal pull at two sets each first."""
    await bot.onboard(USER, level="💪 Intermediate")
    whole = text(await bot.send(USER, "/workout"))
    assert exercises(whole) == WHOLE and minutes(whole) == 60
    assert labels(bot, USER) == ["✅ Done", "⏱ Short on time (~30 min)", "🔄 Swap an exercise"]

    short = text(await bot.send(USER, "/workout 30"))
    assert short.startswith(
        "⏱ <b>30 min</b> (about 28 with rests): kept Barbell deadlift, Lat pulldown "
        "(2 of 3 sets) and Seated cable row (2 of 3 sets); dropped Pull-up, Bent-over rear-delt fly and "
        "Straight-arm cable pulldown; a 3-minute warm-up.\n"
    ), short
    assert short.split("\n")[1] == (
        "Short sessions keep one lift each of the hinge, the vertical pull and the horizontal pull at two "
        "sets before any lift gets more sets. Rests stay as written, because a rushed heavy set is a lighter "
        "set. What was dropped isn't counted as missed: it comes back next session."
    )
    # A trial: "dropped feet-up row" named a lift the session calls "Feet-elevated inverted row".
    assert all(name in short.split("\n")[0] for name in WHOLE), short
    assert exercises(short) == ["Barbell deadlift", "Lat pulldown", "Seated cable row"]
    assert minutes(short) == 28
    # Rests stay as written (the deadlift's 3 min, the pulls' 2–2.5); the warm-up is short but there,
    # ramp-up sets included. Two sets of each pattern come first; then the deadlift's third fits.
    assert short.count("3 × 6–8 reps · 2 in reserve · rest 180–210 s") == 1
    assert short.count("2 × 6–8 reps · 2 in reserve · rest 120–150 s") == 2
    assert "5 min on the" not in short and "easy sets of your first exercise" in short
    assert labels(bot, USER) == ["✅ Done", "↩ Whole session", "🔄 Swap an exercise"]

    # The whole session again, from the button under the cut one.
    again = text(await bot.press(USER, "↩ Whole session"))
    assert exercises(again) == WHOLE and "⏱" not in again


async def test_the_short_on_time_button_gives_the_half_hour_version(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    await bot.send(USER, "/workout")
    short = text(await bot.press(USER, "⏱ Short on time (~30 min)"))
    assert short.startswith("⏱ <b>30 min</b>") and minutes(short) <= 30
    assert exercises(short)[0] == "Barbell deadlift"


@pytest.mark.parametrize(
    "typed", ["/workout 30 min", "/workout 30m", "/workout half an hour", "/workout short", "/workout ３０"]
)
async def test_the_time_in_any_of_its_spellings(bot: Harness, typed: str) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    assert text(await bot.send(USER, typed)).startswith("⏱ <b>30 min</b>")


@pytest.mark.parametrize(
    "typed, says",
    [
        ("/workout soon", "Tell me the time you have in minutes"),
        ("/workout 30 km", "Tell me the time you have in minutes"),
        ("/workout 0", "That's no time at all"),
        ("/workout 500", "I can plan up to 240 minutes"),
    ],
)
async def test_a_malformed_time_gets_the_usage(bot: Harness, typed: str, says: str) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    reply = text(await bot.send(USER, typed))
    assert reply.startswith(says) and "<code>/workout 30</code>" in reply
    assert labels(bot, USER) == []


async def test_five_minutes_is_too_short_and_the_smallest_session_is_offered(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    reply = text(await bot.send(USER, "/workout 5"))
    assert reply.startswith(
        "⏱ 5 min is too short for a useful session. The smallest one I'd give you takes about 10 min"
    )
    # Before: two sets of the deadlift alone. An upper-back session's smallest is a set of each pull.
    assert exercises(reply) == ["Lat pulldown", "Seated cable row"]
    assert reply.count("1 × 6–8 reps") == 2
    assert (
        "It keeps the vertical pull and the horizontal pull rather than the hinge: the pulls are the heart "
        "of upper-back work." in reply
    )


async def test_as_written_logs_only_what_the_short_session_kept(bot: Harness) -> None:
    """Dropped exercises are not logged as written (their progression stays), nor left to do."""
    await bot.onboard(USER, level="💪 Intermediate")
    await bot.send(USER, "/workout 30")
    assert "Session 1 logged" in text(await bot.press(USER, "✅ Done"))
    written = text(await bot.press(USER, "✅ As written"))
    # No load known yet: each kept lift's is asked for (never logged without one), the dropped ones' not.
    assert "Not logged without a load: Barbell deadlift, Lat pulldown, Seated cable row." in written
    assert "Pull-up" not in written
    for load, sets in (("100", "3×6"), ("60", "2×6"), ("50", "2×6")):
        assert f"{sets} @ " in text(await bot.send(USER, load))
    assert await logged(bot, USER) == ["deadlift", "lat-pulldown", "seated-cable-row"]
    # The next session is whole again.
    upcoming = text(await bot.send(USER, "/workout"))
    assert "Today's session is already logged" in upcoming and "⏱" not in upcoming.split("\n")[0]
    assert "Barbell deadlift: last time 3×6 @ 100 kg" in upcoming
    assert "Seated cable row: last time 2×6 @ 50 kg" in upcoming


async def test_a_log_on_a_short_day_leaves_only_the_kept_lifts_to_do(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    await bot.send(USER, "/workout 30")
    await bot.send(USER, "/log deadlift 3x6 100kg")
    so_far = text(await bot.send(USER, "/workout"))
    assert "Still to do: Lat pulldown, Seated cable row." in so_far, so_far
    assert "⏱ <b>30 min</b>" in so_far
    offer = text(await bot.press(USER, "✅ Done"))
    assert "Still to log: Lat pulldown, Seated cable row." in offer
    written = text(await bot.press(USER, "✅ As written"))
    assert written.startswith("<i>Not logged without a load: Lat pulldown, Seated cable row.</i>"), written
    assert "<b>Lat pulldown</b>, 2×6: what load" in written and "Pull-up" not in written
    await bot.send(USER, "60")
    await bot.send(USER, "50")
    assert await logged(bot, USER) == ["deadlift", "lat-pulldown", "seated-cable-row"]


async def test_one_members_budget_is_not_the_groups(bot: Harness) -> None:
    bot.api.group_chat(GROUP, "Back Buddies")
    await bot.onboard(GROUP, "💪 Intermediate", user_id=ANN)
    await bot.send(GROUP, "/workout 30", user_id=ANN)
    await bot.press(GROUP, "✅ Done", user_id=ANN)
    await bot.press(GROUP, "✅ As written", user_id=ANN)
    await bot.send(GROUP, "/workout", user_id=BOB)
    await bot.press(GROUP, "✅ Done", user_id=BOB)
    await bot.press(GROUP, "✅ As written", user_id=BOB)
    # Ann's short session is its three main lifts, whose loads are asked for; Bob's whole one logs the rest
    # but what takes a load too: the rear-delt fly's dumbbells and the straight-arm pulldown's cable.
    assert await logged(bot, ANN) == []
    assert len(await logged(bot, BOB)) == len(WHOLE) - 5


@pytest.mark.parametrize(
    "data", ["1:time:abc", "1:time:0", "1:time:9999", "1:time", "1:time:30:x", "1:time:٣٠"]
)
async def test_a_forged_or_stale_time_button_gets_a_helpful_answer(bot: Harness, data: str) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    await bot.send(USER, "/workout")
    before = len(bot.api.sent)
    await bot.callback(USER, data)
    assert len(bot.api.sent) == before
    assert bot.toasts()[-1].text == (
        "That button has expired. Send /workout 30 (or any minutes you have) for a shorter session."
    )


async def test_only_thirty_minutes_today_points_to_workout_30(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    pointer = text(await bot.send(USER, "I only have 30 minutes today, what should I do"))
    assert pointer.startswith("/workout gives you today's session") and "<i>/workout 30</i>" in pointer
    assert labels(bot, USER) == ["▶ /workout 30"]
    short = text(await bot.press(USER, "▶ /workout 30"))
    assert short.startswith("⏱ <b>30 min</b>")


async def test_short_on_time_without_a_number_points_to_workout_short(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    await bot.send(USER, "short on time, quick session?")
    assert labels(bot, USER) == ["▶ /workout short"]
    assert text(await bot.press(USER, "▶ /workout short")).startswith("⏱ <b>30 min</b>")


async def test_a_forged_workout_argument_on_a_pointer_button_is_refused(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    before = len(bot.api.sent)
    await bot.callback(USER, "1:cmd:workout:lots")
    assert len(bot.api.sent) == before
    assert bot.toasts()[-1].text == "That button has expired. Send /help to start fresh."


async def test_adjust_on_a_short_day_offers_only_the_kept_lifts(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    await bot.send(USER, "/workout 30")
    await bot.press(USER, "✅ Done")
    panel = text(await bot.press(USER, "✏️ Adjust"))
    assert "1. Barbell deadlift" in panel and "2. Lat pulldown" in panel and "3. Seated cable row" in panel
    assert "Pull-up" not in panel and "4." not in panel


async def test_a_session_that_already_fits_half_an_hour_offers_no_short_version(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=("Resistance bands",))
    whole = text(await bot.send(USER, "/workout"))
    assert minutes(whole) <= 30
    assert labels(bot, USER) == ["✅ Done", "🔄 Swap an exercise"]
    fits = text(await bot.send(USER, "/workout 30"))
    assert fits.startswith("⏱ Today's whole session fits in 30 min") and "nothing to cut" in fits
    assert exercises(fits) == exercises(whole)


async def test_short_on_time_halfway_keeps_what_is_logged_and_cuts_the_rest(bot: Harness) -> None:
    """⏱ pressed after the deadlift and the cable row are logged: the row was "dropped" by the cut and then
    listed as logged outside the plan. What is logged is done: it stays, ticked, and counts in the time."""
    await bot.onboard(USER, level="💪 Intermediate")
    await bot.send(USER, "/workout")
    await bot.send(USER, "/log deadlift 3x6 100kg")
    await bot.send(USER, "/log seated cable row 3x8 50kg")
    short = text(await bot.press(USER, "⏱ Short on time (~30 min)"))
    top = short.split("\n")[0]
    assert top.startswith(
        "⏱ <b>30 min</b> for today's whole session, what you've logged (✓) included (about "
    ), top
    assert "kept Barbell deadlift ✓, Lat pulldown" in top and "Seated cable row ✓" in top, top
    assert "dropped Pull-up, Bent-over rear-delt fly and Straight-arm cable pulldown" in top, top
    assert minutes(short) <= 30
    assert "Still to do: Lat pulldown." in short and "Also logged today" not in short
    assert "✓ <b>3. Seated cable row</b>: 3×8 @ 50 kg" in short
    offer = text(await bot.press(USER, "✅ Done"))
    assert "Still to log: Lat pulldown." in offer


async def test_a_time_asked_once_all_it_keeps_is_logged_says_today_is_done(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    # Both pulls logged: with them, 17 minutes has no room for a set of the hinge (20 had none while the
    # pulls' 6–8 rested 3 min). (Before the pulls came
    # first, the deadlift and the row logged made the same point by dropping the pulldown.)
    await bot.send(USER, "/log lat pulldown 3x8 60kg")
    await bot.send(USER, "/log seated cable row 3x8 50kg")
    reply = text(await bot.send(USER, "/workout 17"))
    lines = reply.split("\n")
    assert lines[0].startswith("⏱ <b>17 min</b> for today's whole session"), reply
    assert "kept Lat pulldown ✓ and Seated cable row ✓; dropped Barbell deadlift, Pull-up" in lines[0], lines[
        0
    ]
    assert lines[1].startswith(
        "With what you've logged, not even one set each of the hinge, the vertical pull and the horizontal "
        "pull fits in 17 min, so the hinge went and the vertical pull and the horizontal pull stayed"
    ), lines[1]
    assert lines[-1] == (
        "✅ That's all of it: everything a 17-minute session keeps is logged. Send /workout for your next "
        "session."
    )
    assert "Session 2" not in reply
    assert labels(bot, USER) == ["✅ Done", "↩ Whole session", "🔄 Swap an exercise"]
    whole = text(await bot.press(USER, "↩ Whole session"))
    assert "Still to do: Barbell deadlift, Pull-up" in whole


@pytest.mark.parametrize("typed", ["/workout short 17", "/workout quick 17", "/workout 17 short"])
async def test_short_with_a_time_reads_the_time(bot: Harness, typed: str) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    reply = text(await bot.send(USER, typed))
    # Before: two sets each of the deadlift and the pulldown, and no row (in 20 min, when the pulls' 6–8
    # rested 3 min).
    assert reply.startswith(
        "⏱ <b>17 min</b> (about 17 with rests): kept Barbell deadlift (1 of 3 sets), Lat pulldown "
        "(1 of 3 sets) and Seated cable row (2 of 3 sets); dropped Pull-up, Bent-over rear-delt fly and "
        "Straight-arm cable pulldown; a 3-minute warm-up.\n"
        "Two sets each of the hinge, the vertical pull and the horizontal pull don't fit in 17 min, so each "
        "keeps at least one set, and the pulls get their second sets first: they are the heart of upper-back "
        "work."
    ), reply


async def test_a_time_shorter_than_what_is_logged_says_it_counts(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    await bot.send(USER, "/log seated cable row 3x8 50kg")
    reply = text(await bot.send(USER, "/workout 10"))
    assert reply.startswith(
        "⏱ 10 min is less than the smallest session with what you've logged (✓) takes: about 13 min for "
        "Lat pulldown (1 of 3 sets) and Seated cable row ✓. What you've logged counts as today's session.\n"
        "It keeps the vertical pull and the horizontal pull rather than the hinge: the pulls are the heart "
        "of upper-back work.\n"
    ), reply
    assert "Still to do: Lat pulldown." in reply


async def test_a_short_day_is_judged_by_the_sets_it_prescribed(bot: Harness) -> None:
    """A newcomer trial: after /workout 30's 2 × 8 at the top, the whole session held 100 kg for a third
    set while the short one went heavier. Two sets were what the day asked; both views go heavier."""
    await bot.onboard(USER, level="💪 Intermediate")
    # 25 minutes: two sets of each pattern (30 fit the deadlift's third since the pulls rest 2–2.5 min).
    assert "Barbell deadlift</b>\n2 × 6–8 reps" in text(await bot.send(USER, "/workout 25"))
    await bot.send(USER, "/log deadlift 2x8 100kg")
    bot.clock.advance(days=3)
    whole = text(await bot.send(USER, "/workout full"))
    assert next_load_line(whole, "Barbell deadlift") == (
        "📈 <i>Barbell deadlift: last time 2×8 @ 100 kg → today 3×6 @ 105 kg. Every set hit the top: "
        "heavier now. 💪</i>"
    )
    short = text(await bot.send(USER, "/workout 25"))
    assert "today 2×6 @ 105 kg" in next_load_line(short, "Barbell deadlift")
    # Done's As written logs the short session at the load both views show.
    await bot.press(USER, "✅ Done")
    assert "Barbell deadlift: 2×6 @ 105 kg" in text(await bot.press(USER, "✅ As written"))


async def test_two_sets_of_a_whole_session_still_hold_the_load_in_the_short_view(bot: Harness) -> None:
    """The other way round: a whole session's 3 sets asked and 2 done earned nothing, whichever view asks."""
    await bot.onboard(USER, level="💪 Intermediate")
    await bot.send(USER, "/log deadlift 2x8 100kg")
    bot.clock.advance(days=3)
    for typed in ("/workout", "/workout 30"):
        line = next_load_line(text(await bot.send(USER, typed)), "Barbell deadlift")
        assert "@ 100 kg: hit 8 on every set and it's 105 kg next time" in line, line
