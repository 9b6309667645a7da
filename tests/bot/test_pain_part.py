"""A pain told of a body part and a kind of move, no exercise named: "🛑 Leave out overhead pulls for now".

A newcomer trial (gym, intermediate): "front of the shoulder, sharp when i raise my arm overhead. should I
still train today?" got the safety-led answer and the plan as it was (no exercise named); "can you adjust
today workout so it no go stress the shoulder? maybe no overhead pulling" got only the /workout blurb, and
/workout still had the pull-ups, chin-ups and lat pulldown. Now the answer offers to leave out the moves that
load the part, a request in words asks first, and the press cautions the kind as if one of its exercises had
been told: the existing rules leave every overhead pull and hang out with a supported pull in their place, or
the hinges and the moves loading the lower back.
"""

from __future__ import annotations

from sqlalchemy import select

from bot import callbacks
from fakeapi import SentMessage
from storage.models import Caution
from tests.bot.harness import Harness, joined

USER = 8473
SHOULDER = "front of the shoulder, sharp when i raise my arm overhead. should I still train today?"
ASKED = "can you adjust today workout so it no go stress the shoulder? maybe no overhead pulling"
OVERHEAD = "🛑 Leave out overhead pulls for now"
BACK = "🛑 Leave out deadlifts and bent-over moves for now"
FINE = "✅ It's fine now"
PHYSIO = "If it still hurts, see a physio."
# The harness starts on Tuesday 24 November.
# The straight-arm pulldown starts with the arms overhead: out with them (a trial's "no overhead pulls"
# kept it).
LEFT_OUT = (
    "⚠️ Pull-up, lat pulldown and straight-arm cable pulldown left out, so no vertical pull today: pulled from"
    " overhead, they load the"
    " shoulder you told me hurt overhead on 24 Nov. A chest-supported dumbbell row is in their place, a pull"
    f" with the arms below the shoulders: stop it too if the shoulder hurts. {PHYSIO}"
)


async def cautions(bot: Harness) -> list[tuple[str, bool, str | None]]:
    async with bot.app.bot_data.sessionmaker() as session:
        rows = await session.execute(
            select(Caution.exercise, Caution.by_part, Caution.body_part)
            .where(Caution.cleared_on.is_(None))
            .order_by(Caution.id)
        )
        return [(exercise, by_part, part) for exercise, by_part, part in rows.all()]


def labels(bot: Harness, message: SentMessage) -> list[str]:
    return [label for row in bot.api.buttons(message) for label, _ in row]


async def test_a_shoulder_hurt_overhead_is_offered_the_button_and_pressed_leaves_the_overhead_pulls_out(
    bot: Harness,
) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    before = joined(await bot.send(USER, "/workout"))
    assert "Pull-up" in before and "Lat pulldown" in before
    [answer] = await bot.send(USER, SHOULDER)
    said = answer.plain_text or ""
    assert said.startswith("Safety first.")
    assert said.splitlines()[-1] == (
        "If raising the arm overhead is what hurts, I can leave the overhead pulls (pull-ups, pulldowns,"
        " hanging from a bar) out of your workouts until you tell me the shoulder is fine, with a pull below"
        " the shoulders in their place. Tap below if you'd like that."
    )
    assert bot.api.buttons(answer)[-1] == [(OVERHEAD, callbacks.pack("part", "overhead"))]
    assert await cautions(bot) == [], "an offer, nothing told yet"
    assert "⚠️" not in joined(await bot.send(USER, "/workout"))

    [done] = await bot.press(USER, OVERHEAD, message_id=answer.message_id)
    assert done.plain_text == (
        "🛑 Done: the overhead pulls are out of your workouts until you tell me the shoulder is fine."
        " Today's session leaves out the pull-up, lat pulldown and straight-arm cable pulldown, with a"
        f" chest-supported dumbbell row in their place: send /workout to see it. {PHYSIO}"
    )
    assert labels(bot, done) == [FINE]
    assert await cautions(bot) == [("pull-up", True, "shoulder")]
    [card] = await bot.send(USER, "/workout")
    shown = card.plain_text or ""
    assert shown.splitlines()[0] == LEFT_OUT
    plan = shown.split("\n\n", 1)[1]
    assert "Pull-up" not in plan and "Lat pulldown" not in plan and "Chest-supported dumbbell row" in plan
    assert "Straight-arm" not in plan
    assert bot.api.buttons(card)[-1] == [(FINE, callbacks.pack("fine", "pull-up"))]

    # Every overhead pull is out of the plan's coming sessions too, named by the kind.
    [listed] = await bot.send(USER, "is my shoulder still on the no list?")
    assert (listed.plain_text or "").startswith(
        "⚠️ Overhead pulls: left out since 24 Nov, when you told me it hurt your shoulder. In your plan: the"
        " pull-up, lat pulldown, straight-arm cable pulldown, chin-up"
    )
    # Said fine, it is lifted as any caution: back today, nothing of it ever logged.
    [fine] = await bot.send(USER, "my shoulder is fine now")
    assert (fine.plain_text or "").startswith(
        "👍 Good to hear. The overhead pulls are back in your workouts from today. Today's session has the"
        " pull-up, lat pulldown and straight-arm cable pulldown again"
    )
    assert await cautions(bot) == []
    assert "⚠️" not in joined(await bot.send(USER, "/workout"))


async def test_asked_in_words_it_asks_first_then_the_press_does_it(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    await bot.send(USER, SHOULDER)
    [offer] = await bot.send(USER, ASKED)
    assert offer.plain_text == (
        "I can leave the overhead pulls out of your workouts until you tell me the shoulder is fine: pulled"
        " from overhead, they load it most. Today's session would lose the pull-up, lat pulldown and"
        " straight-arm cable pulldown, with a chest-supported dumbbell row in their place. Tap below to do"
        " it."
    )
    assert labels(bot, offer) == [OVERHEAD]
    assert await cautions(bot) == []
    await bot.press(USER, OVERHEAD, message_id=offer.message_id)
    assert joined(await bot.send(USER, "/workout")).splitlines()[0] == LEFT_OUT
    # Asked again, or pressed again: it is out already, nothing told twice.
    [again] = await bot.send(USER, ASKED)
    assert (again.plain_text or "").startswith("The overhead pulls are already out of your workouts")
    [pressed] = await bot.press(USER, OVERHEAD, message_id=offer.message_id)
    assert (pressed.plain_text or "").startswith("The overhead pulls are already out of your workouts")
    assert await cautions(bot) == [("pull-up", True, "shoulder")]


async def test_a_lower_back_leaves_the_hinges_and_bent_over_moves_out(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=("Dumbbells",))
    [answer] = await bot.send(USER, "my lower back aches today, should I train?")
    assert labels(bot, answer)[-1] == BACK
    await bot.press(USER, BACK, message_id=answer.message_id)
    assert await cautions(bot) == [("dumbbell-rdl", True, "lower back")]
    [card] = await bot.send(USER, "/workout")
    assert (card.plain_text or "").splitlines()[0] == (
        "⚠️ Dumbbell Romanian deadlift left out, and the bent-over row and bent-over rear-delt fly with it"
        " (bent over at the hips, they load the lower back too), so no hinge today: you told me your lower"
        " back hurt on 24 Nov. In their place: a door towel row for the bent-over row and a reverse snow"
        " angel for the bent-over rear-delt fly, done without bending over; stop them too if the back hurts."
        f" {PHYSIO}"
    )
    assert bot.api.buttons(card)[-1] == [(FINE, callbacks.pack("fine", "dumbbell-rdl"))]
    [fine] = await bot.press(USER, FINE, message_id=card.message_id)
    assert (fine.plain_text or "").startswith(
        "👍 Good to hear. The deadlifts and bent-over moves are back in your workouts from today."
    )


async def test_no_offer_for_another_part_a_past_pain_or_a_shoulder_without_overhead(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    for told in (
        "my elbow hurts when I raise my arm overhead, should I train?",
        "I had shoulder pain raising my arm overhead years ago, is that a problem?",
        "my shoulder is sore today, should I train?",
    ):
        answer = joined(await bot.send(USER, told))
        assert "🛑" not in answer and "Tap below if you'd like that" not in answer, told
    assert await cautions(bot) == []


async def test_a_forged_or_group_press_tells_nothing(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    assert await bot.callback(USER, callbacks.pack("part", "elbow")) == []
    assert await cautions(bot) == []
