"""A pain told of one version of a movement keeps its other versions out, and a caution cleared today says so.

A newcomer trial: a trainee at the gym told "face pulls hurt my shoulder" (the face pull was left out with
the ⚠️ line), switched to home kit with bands in /settings, and the home plan showed the band face pull as if
nothing was said. Now a caution covers the same movement in its other versions (``article``, or ``movement``
in exercises.toml), never another movement of the same pattern.

The same trial: on the day "✅ It's fine now" took effect (from tomorrow: today's session stays as shown),
typing "it's fine now" again said nothing is left out while the ⚠️ line still stood on today's /workout,
and the old ✅ button said the exercise was already back. Both now say it is cleared and back tomorrow.
"""

from __future__ import annotations

from bot import callbacks
from tests.bot.harness import Harness, joined, log_session

USER = 8452
FINE = "✅ It's fine now"
BAND_FACE_PULL = "Band face pull"
LEFT_OUT = (
    "⚠️ Band face pull left out: it's the same movement as the cable face pull you told me hurt on {day}."
    " If it still hurts, see a physio."
)
CLEARED_TODAY = (
    "👍 Already noted: the {name} is cleared. It comes back in tomorrow's session; today's stays as it was"
    " shown, without it."
)
NOTHING = (
    "Nothing is left out of your workouts right now, so there's nothing to bring back. If something hurts,"
    " tell me which exercise and where, and I'll leave it out."
)


async def to_home_with_bands(bot: Harness) -> None:
    await bot.send(USER, "/settings")
    await bot.press(USER, "Equipment")
    await bot.press(USER, "🏠 Home")
    await bot.press(USER, "⬜️ Resistance bands")
    saved = await bot.press(USER, "✅ Confirm")
    assert "Home kit saved: resistance bands" in joined(saved)


async def test_a_face_pull_told_of_at_the_gym_keeps_the_band_face_pull_out_at_home(bot: Harness) -> None:
    # A gym beginner's third session has the face pull; the pain is told on its day (30 Nov).
    await bot.onboard(USER)
    await log_session(bot, USER, "lat pulldown 10, 10 with 30kg")
    await log_session(bot, USER, "lat pulldown 10, 10 with 30kg")
    assert "Cable face pull" in joined(await bot.send(USER, "/workout"))
    await bot.send(USER, "face pulls hurt my shoulder")
    [gym] = await bot.send(USER, "/workout")
    assert (gym.plain_text or "").splitlines()[0] == (
        "⚠️ Cable face pull left out: you told me it hurt on 30 Nov. If it still hurts, see a physio."
    )

    # At home with bands the third session has the band face pull: the same movement, left out, said so,
    # with the button that clears the face pull told of; the band row and the reverse snow angel (a rear-delt
    # move, but another movement) stay.
    await to_home_with_bands(bot)
    [home] = await bot.send(USER, "/workout")
    shown = home.plain_text or ""
    assert shown.splitlines()[0] == LEFT_OUT.format(day="30 Nov"), shown
    _line, session = shown.split("\n\n", 1)
    assert BAND_FACE_PULL not in session and "Band row" in session and "Reverse snow angel" in session, (
        session
    )
    assert bot.api.buttons(home)[-1] == [(FINE, callbacks.pack("fine", "face-pull"))]
    # "Why no face pulls today?" gets that line again.
    [why] = await bot.send(USER, "why no face pulls today?")
    assert (why.plain_text or "").startswith(LEFT_OUT.format(day="30 Nov"))

    # Cleared before anything of today was logged, it is back today: the band face pull with it.
    [cleared] = await bot.press(USER, FINE, message_id=home.message_id)
    assert (cleared.plain_text or "").startswith(
        "👍 Good to hear. The cable face pull is back in your workouts from today. Today's session has the"
        " band face pull again: send /workout to see it."
    )
    back = joined(await bot.send(USER, "/workout"))
    assert "⚠️" not in back and BAND_FACE_PULL in back, back


async def test_a_deadlifts_lower_back_is_not_carried_to_the_pull_ups(bot: Harness) -> None:
    # An intermediate gym session has the deadlift and pull-ups: told of the deadlift, only the hinge goes
    # (and nothing else of the day loads the lower back), the pull-ups stay.
    await bot.onboard(USER, level="💪 Intermediate")
    await bot.send(USER, "I get a sharp pain in my lower back when I do the deadlift")
    [card] = await bot.send(USER, "/workout")
    shown = card.plain_text or ""
    assert shown.splitlines()[0].startswith("⚠️ Barbell deadlift left out"), shown
    plan = shown.split("\n", 1)[1]
    assert "Pull-up" in plan and "Barbell deadlift" not in plan


async def test_fine_now_typed_or_pressed_again_on_the_day_it_was_cleared_says_it_is_back_tomorrow(
    bot: Harness,
) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=("A backpack or other load",))
    await bot.send(USER, "sharp pain in my lower back when I do the backpack RDL")
    [card] = await bot.send(USER, "/workout")
    # Trained from: Done pressed, so today's session stays as it was shown.
    await bot.press(USER, "✅ Done", message_id=card.message_id)
    await bot.send(USER, "it's fine now")

    # The ⚠️ line still stands over today's session (without its button): nothing says it is already back.
    today = joined(await bot.send(USER, "/workout"))
    assert today.startswith("⚠️ Romanian deadlift left out") and FINE not in today
    [typed] = await bot.send(USER, "it's fine now")
    assert typed.plain_text == CLEARED_TODAY.format(name="Romanian deadlift")
    [pressed] = await bot.press(USER, FINE, message_id=card.message_id)
    assert pressed.plain_text == CLEARED_TODAY.format(name="Romanian deadlift")

    # The next day it is back: now nothing is left out, and the old button says so.
    bot.clock.advance(days=1)
    assert "⚠️" not in joined(await bot.send(USER, "/workout"))
    [typed] = await bot.send(USER, "it's fine now")
    assert typed.plain_text == NOTHING
    [pressed] = await bot.press(USER, FINE, message_id=card.message_id)
    assert (pressed.plain_text or "").startswith("The Romanian deadlift is already in your workouts")


async def test_several_cleared_today_are_named_together(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=("A backpack or other load", "Resistance bands"))
    await bot.send(USER, "sharp pain in my lower back when I do the backpack RDL")
    await bot.send(USER, "my shoulder hurts when I do band rows")
    await bot.send(USER, "/log band row 12, 12")
    [which] = await bot.send(USER, "It's fine now")
    await bot.press(USER, "✅ Romanian deadlift: fine now", message_id=which.message_id)
    await bot.press(USER, "✅ Band row: fine now", message_id=which.message_id)
    [typed] = await bot.send(USER, "pain's gone")
    assert typed.plain_text == (
        "👍 Already noted: the Romanian deadlift and band row are cleared. They come back in tomorrow's"
        " session; today's stays as it was shown, without them."
    )
