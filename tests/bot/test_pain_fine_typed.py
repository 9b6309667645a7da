""" "It's fine now" typed, not pressed, does what the button does.

A coach's trial: a home trainee typed "It's fine now" after a lower-back pain on the backpack RDL and got
"I don't know that one"; only the ✅ button lifted the caution.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot import callbacks
from bot.coach.finenow import tells_fine, tells_over
from storage.models import Caution
from tests.bot.harness import Harness, joined

USER = 8441
LOAD = "A backpack or other load"
RDL = "Romanian deadlift with a loaded backpack or dumbbells"
# Nothing of today logged yet: back in today's session, named; nothing of it ever logged: no "last time".
CLEARED = (
    "👍 Good to hear. The Romanian deadlift is back in your workouts from today. Today's session has the"
    " Romanian deadlift, bent-over row and rear-delt fly again: send /workout to see it. There's no earlier"
    " session of it in your log, so start light: a load or version you could do a few more times than asked,"
    " and stop if it hurts again."
)
NOTHING = (
    "Nothing is left out of your workouts right now, so there's nothing to bring back. If something hurts,"
    " tell me which exercise and where, and I'll leave it out."
)


async def open_cautions(bot: Harness) -> list[str]:
    async with bot.app.bot_data.sessionmaker() as session:
        rows = await session.scalars(select(Caution.exercise).where(Caution.cleared_on.is_(None)))
        return list(rows.all())


@pytest.mark.parametrize(
    "typed",
    ["It's fine now", "it's fine now", "my back is fine now", "it doesn't hurt anymore", "pain's gone"],
)
async def test_typed_fine_now_lifts_the_one_caution_as_the_button_does(bot: Harness, typed: str) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=(LOAD,))
    await bot.send(USER, "sharp pain in my lower back when I do the backpack RDL")
    assert RDL not in joined(await bot.send(USER, "/workout"))
    [reply] = await bot.send(USER, typed)
    assert reply.plain_text == CLEARED
    assert await open_cautions(bot) == []
    assert RDL in joined(await bot.send(USER, "/workout"))


async def test_typed_fine_now_with_several_cautions_asks_which_with_a_button_each(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=(LOAD, "Resistance bands"))
    await bot.send(USER, "sharp pain in my lower back when I do the backpack RDL")
    await bot.send(USER, "my shoulder hurts when I do band rows")
    [reply] = await bot.send(USER, "It's fine now")
    assert reply.plain_text == (
        "👍 Good to hear. Which one is fine now? Tap it below and it's back in your workouts."
    )
    assert bot.api.buttons(reply) == [
        [("✅ Romanian deadlift: fine now", callbacks.pack("fine", "backpack-rdl"))],
        [("✅ Band row: fine now", callbacks.pack("fine", "band-row"))],
    ]
    assert sorted(await open_cautions(bot)) == ["backpack-rdl", "band-row"], "nothing cleared by a guess"
    [cleared] = await bot.press(USER, "✅ Band row: fine now", message_id=reply.message_id)
    assert "The band row is back in your workouts" in (cleared.plain_text or "")
    assert await open_cautions(bot) == ["backpack-rdl"]


async def test_typed_fine_now_with_nothing_left_out_says_so(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=(LOAD,))
    [reply] = await bot.send(USER, "It's fine now")
    assert reply.plain_text == NOTHING
    await bot.send(USER, "sharp pain in my lower back when I do the backpack RDL")
    await bot.send(USER, "pain's gone")
    bot.clock.advance(days=1)
    [again] = await bot.send(USER, "it doesn't hurt anymore")
    assert again.plain_text == NOTHING, "once cleared and back, there is nothing left to clear"


async def test_a_question_about_pain_going_is_still_answered_not_taken_as_fine_now(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=(LOAD,))
    await bot.send(USER, "sharp pain in my lower back when I do the backpack RDL")
    for question in ("is it fine now to deadlift again?", "if the pain is gone can I add weight"):
        said = joined(await bot.send(USER, question))
        assert "back in your workouts" not in said and NOTHING not in said, said
    assert await open_cautions(bot) == ["backpack-rdl"]


@pytest.mark.parametrize(
    ("text", "fine"),
    [
        ("✅ It's fine now", True),
        ("my back feels fine now, thanks", True),
        ("the pain is gone now", True),
        ("is it fine now?", False),
        ("is the pain gone after a week", False),
        ("it's not fine now", False),
        ("still hurts, not fine now", False),
        ("deadlifts are fine now but rows hurt", False),
        ("how do I know when it is fine now", False),
        ("my lower back hurts", False),
        ("fine now that I warm up properly my squats and deadlifts feel smoother than ever", False),
        ("No no, my back does not hurt now. It was 5 years ago. I want to use my dumbbells.", True),
        ("my shoulder doesn't hurt now", True),
        ("it's not hurting anymore", True),
        ("does it hurt now?", False),
        ("it does not hurt now but the rows still do", False),
    ],
)
def test_what_reads_as_fine_now(text: str, fine: bool) -> None:
    assert tells_fine(text) is fine


@pytest.mark.parametrize(
    ("text", "over"),
    [
        ("It was 5 years ago.", True),
        ("that was an old injury", True),
        ("it's from years back", True),
        ("was it years ago?", False),
        ("it was years ago but it still aches", False),
        ("I used to do rows at the gym", False),
    ],
)
def test_what_reads_as_said_over(text: str, over: bool) -> None:
    assert tells_over(text) is over


async def test_fine_now_of_a_move_never_logged_says_start_light_not_lighter_than_last_time(
    bot: Harness,
) -> None:
    # A trial: "it is fine now" of an exercise never done got "the first session back is lighter than last
    # time (about 70 %…)", of a last time there never was.
    await bot.onboard(USER, equipment="🏠 Home", kit=(LOAD,))
    await bot.send(USER, "sharp pain in my lower back when I do the backpack RDL")
    [reply] = await bot.send(USER, "it is fine now")
    said = reply.plain_text or ""
    assert "back in your workouts from today" in said
    assert "last time" not in said and "70 %" not in said
    assert said.endswith(
        "start light: a load or version you could do a few more times than asked, and stop if it hurts again."
    )
    # Pressed, on the day after something was logged, of a move kept out with one that was: lighter.
    await bot.send(USER, "/log backpack row 10,10 8kg")
    await bot.send(USER, "sharp pain in my lower back when I do the backpack RDL")
    [pressed] = await bot.press(USER, "✅ It's fine now")
    assert "lighter than last time (about 70 % of the load, or one set fewer)" in (pressed.plain_text or "")
