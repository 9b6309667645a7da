"""A question about what the plan leaves out for a pain told gets the cautions in force, each with its ✅.

A newcomer trial: "is my shoulder still on the no list?", "what are you leaving out for me at the moment?",
"which exercises did you take out because of my back?", "are face pulls still off?", "can I do pull-ups
again or are they still blocked?" and "what's on my injury list?" were declined or answered with a card,
with no word of the cautions standing.
"""

from __future__ import annotations

import pytest

from bot import callbacks
from tests.bot.harness import Harness, joined, log_session

USER = 8461
GROUP = -5061
LOAD = "A backpack or other load"
KIT = (LOAD, "Resistance bands", "Pull-up bar")
BACK = "sharp pain in my lower back when I do the backpack RDL"
SHOULDER = "my shoulder hurts when I do band-assisted pull-ups"
# The harness starts on Tuesday 24 November.
RDL_LINE = (
    "⚠️ Romanian deadlift: left out since 24 Nov, when you told me it hurt your lower back. Out with it: the"
    " bent-over row, rear-delt fly and prone cobra hold."
)
PULL_UP_LINE = (
    "⚠️ Band-assisted pull-up: left out since 24 Nov, when you told me it hurt your shoulder. Out with it: the"
    " kneeling band pulldown and scapular pull-up."
)
BACK_ONE = "Once it doesn't hurt, tap ✅ It's fine now and it's back in your workouts."
BACK_MANY = "When one of them stops hurting, tap its ✅ button and it's back in your workouts."
RDL_BUTTON = ("✅ Romanian deadlift: fine now", callbacks.pack("fine", "backpack-rdl"))
PULL_UP_BUTTON = ("✅ Band-assisted pull-up: fine now", callbacks.pack("fine", "band-assisted-pull-up"))
NOTHING = (
    "Nothing is left out of your workouts right now: every exercise your plan has is in. If something hurts,"
    " tell me which exercise and where, and I'll leave it out."
)
NOTHING_ELSE = (
    "Nothing else is left out of your workouts either. If something hurts, tell me which exercise and where,"
    " and I'll leave it out."
)


async def two_cautions(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=KIT)
    await bot.send(USER, BACK)
    await bot.send(USER, SHOULDER)


@pytest.mark.parametrize(
    ("question", "first"),
    [
        # Asked of a body part: its caution first.
        ("is my shoulder still on the no list?", "pull-up"),
        ("which exercises did you take out because of my back?", "rdl"),
        ("what are you leaving out for me at the moment?", "rdl"),
        # Pull-ups named: the band-assisted pull-up's caution keeps every pull-up out.
        ("can I do pull-ups again or are they still blocked?", "pull-up"),
        # "Injury" sets off the answerer's safety lead: words pointing back at the pain told are no new pain.
        ("what's on my injury list?", "rdl"),
        ("are rows still off?", "rdl"),
    ],
)
async def test_a_question_about_what_is_left_out_lists_each_caution_with_its_button(
    bot: Harness, question: str, first: str
) -> None:
    await two_cautions(bot)
    [reply] = await bot.send(USER, question)
    lines, buttons = [RDL_LINE, PULL_UP_LINE], [[RDL_BUTTON], [PULL_UP_BUTTON]]
    if first == "pull-up":
        lines, buttons = lines[::-1], buttons[::-1]
    assert (reply.plain_text or "") == "\n".join(lines) + f"\n\n{BACK_MANY}"
    assert bot.api.buttons(reply) == buttons
    # Its buttons do what /workout's do.
    [cleared] = await bot.press(USER, buttons[0][0][0], message_id=reply.message_id)
    assert "is back in your workouts from today" in (cleared.plain_text or "")


async def test_a_cleared_caution_is_not_listed(bot: Harness) -> None:
    await two_cautions(bot)
    [listed] = await bot.send(USER, "what are you leaving out for me at the moment?")
    await bot.press(USER, PULL_UP_BUTTON[0], message_id=listed.message_id)
    [reply] = await bot.send(USER, "what's on my injury list?")
    assert (reply.plain_text or "") == f"{RDL_LINE}\n\n{BACK_ONE}"
    assert bot.api.buttons(reply) == [[("✅ It's fine now", RDL_BUTTON[1])]]
    bot.clock.advance(days=1)
    [later] = await bot.send(USER, "is my shoulder still on the no list?")
    assert (later.plain_text or "").startswith(
        "Nothing is left out for your shoulder: no pain is noted there.\n\nWhat is left out right now:\n"
        "⚠️ Romanian deadlift: left out since 24 Nov"
    )


async def test_a_caution_cleared_after_training_today_is_back_tomorrow_not_listed(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=KIT)
    await bot.send(USER, BACK)
    await bot.send(USER, "/log band row 12, 12")
    await bot.send(USER, "it's fine now")
    [reply] = await bot.send(USER, "is the RDL still left out?")
    assert reply.plain_text == (
        "👍 Already noted: the Romanian deadlift is cleared. It comes back in tomorrow's session;"
        " today's stays as it was shown, without it."
    )
    assert bot.api.buttons(reply) == []
    bot.clock.advance(days=1)
    [tomorrow] = await bot.send(USER, "is the RDL still left out?")
    assert (
        tomorrow.plain_text
        == f"No deadlifts or RDLs are left out: no pain is noted against any of them. {NOTHING_ELSE}"
    )


async def test_nothing_left_out_says_so(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=KIT)
    [reply] = await bot.send(USER, "what are you leaving out for me at the moment?")
    assert reply.plain_text == NOTHING and bot.api.buttons(reply) == []
    [named] = await bot.send(USER, "are face pulls still off?")
    assert (
        named.plain_text
        == f"Nothing is left out for the face pull: no pain is noted against it. {NOTHING_ELSE}"
    )


async def test_a_move_or_body_part_without_a_caution_is_said_plainly_before_what_is_left_out(
    bot: Harness,
) -> None:
    await two_cautions(bot)
    for question, said in (
        ("are face pulls still off?", "Nothing is left out for the face pull: no pain is noted against it."),
        ("is my elbow on the no list?", "Nothing is left out for your elbow: no pain is noted there."),
    ):
        [reply] = await bot.send(USER, question)
        assert (reply.plain_text or "") == (
            f"{said}\n\nWhat is left out right now:\n{RDL_LINE}\n{PULL_UP_LINE}\n\n{BACK_MANY}"
        )
        assert bot.api.buttons(reply) == [[RDL_BUTTON], [PULL_UP_BUTTON]]


async def test_a_face_pull_told_of_at_the_gym_is_named_with_the_band_face_pull_the_home_plan_has(
    bot: Harness,
) -> None:
    # A gym beginner's third session has the face pull; the pain is told on its day (30 Nov).
    await bot.onboard(USER)
    await log_session(bot, USER, "lat pulldown 10, 10 with 30kg")
    await log_session(bot, USER, "lat pulldown 10, 10 with 30kg")
    await bot.send(USER, "face pulls hurt my shoulder")
    [gym] = await bot.send(USER, "are face pulls still off?")
    assert gym.plain_text == (
        f"⚠️ Cable face pull: left out since 30 Nov, when you told me it hurt your shoulder.\n\n{BACK_ONE}"
    )
    await bot.send(USER, "/settings")
    await bot.press(USER, "Equipment")
    await bot.press(USER, "🏠 Home")
    await bot.press(USER, "⬜️ Resistance bands")
    await bot.press(USER, "✅ Confirm")
    [home] = await bot.send(USER, "are face pulls still off?")
    assert (home.plain_text or "").startswith(
        "⚠️ Cable face pull: left out since 30 Nov, when you told me it hurt your shoulder. Out with it: the"
        " band face pull."
    )
    assert bot.api.buttons(home) == [[("✅ It's fine now", callbacks.pack("fine", "face-pull"))]]


async def test_a_new_pain_told_with_the_question_gets_the_safety_answer_first(bot: Harness) -> None:
    await two_cautions(bot)
    [reply] = await bot.send(USER, "what are you leaving out? my elbow is killing me on band rows")
    shown = reply.plain_text or ""
    assert shown.startswith("Safety first.") and "⚠️" not in shown
    assert shown.endswith("I'll leave the band row out of your workouts until you tell me it's fine.")
    [listed] = await bot.send(USER, "what are you leaving out for me at the moment?")
    assert "⚠️ Band row: left out since 24 Nov, when you told me it hurt your elbow." in (
        listed.plain_text or ""
    )


@pytest.mark.parametrize(
    "question",
    [
        "are face pulls good for shoulders?",
        "can I do pull-ups every day?",
        "what should I leave out if I'm short on time?",
    ],
)
async def test_a_training_question_with_the_same_words_is_answered_as_before(
    bot: Harness, question: str
) -> None:
    await two_cautions(bot)
    said = joined(await bot.send(USER, question))
    assert "⚠️" not in said and "left out" not in said, said


async def test_a_group_is_not_answered_with_cautions(bot: Harness) -> None:
    # A group's session is everyone's: no caution is kept for it, and the question is the answerer's.
    bot.api.group_chat(GROUP, "Back Buddies")
    await bot.onboard(GROUP, user_id=USER)
    said = joined(
        await bot.send(GROUP, "@BackCoachBot what are you leaving out for me at the moment?", user_id=USER)
    )
    assert said and "left out" not in said and "⚠️" not in said, said
