"""A pain told to the coach is carried into the plan.

A strength coach's newcomer trial: a home trainee wrote "sharp pain in my lower back when I do the
backpack RDL", the answer said to stop that movement, and the next /workout still opened with the
backpack RDL and "add a little to the backpack". Now the exercise is left out of /workout (and of As
written, which logs what /workout showed) until the trainee presses "✅ It's fine now".

A second trial: the RDL left out, "no hinge today" stood above a bent-over row ("Hinge forward with a flat
back"), and the first session after "It's fine now" stepped the RDL up to a new record. Now the moves done
bent over go with a hinge (or a lower back told of), and the first session back holds last time's sets.

A third: after the lower-back pain on the RDL, a prone cobra (the chest held off the floor face down, on the
lower back's muscles) stayed in the next session. It goes with the bent-over moves now, said on the same line.
"""

from __future__ import annotations

from sqlalchemy import select

from bot import callbacks
from fakeapi import SentMessage
from storage.models import Caution, LoggedSet
from tests.bot.harness import Harness, joined, log_session, next_load_line

USER = 8441
LOAD = "A backpack or other load"
PAIN = "sharp pain in my lower back when I do the backpack RDL"
RDL = "Romanian deadlift with a loaded backpack or dumbbells"
# Named as the plan shows it, as the ⚠️ line does.
TOLD = "I'll leave the Romanian deadlift out of your workouts until you tell me it's fine."
# The harness starts on Tuesday 24 November.
LEFT_OUT = (
    "⚠️ Romanian deadlift left out, and the bent-over row and rear-delt fly with it (bent over at the"
    " hips, they"
    " load the lower back too), so no hinge today: you told me it hurt on 24 Nov. In their place: a door"
    " towel row for the bent-over row and a reverse snow angel for the rear-delt fly, done without bending"
    " over; stop them too if the back hurts. If it still hurts, see a physio."
)
ROW = "Bent-over row with a loaded backpack or dumbbells"
COBRA = "Prone cobra hold"
FINE = "✅ It's fine now"


def text(sent: list[SentMessage]) -> str:
    return "\n".join(message.plain_text or "" for message in sent)


def labels(bot: Harness, message: SentMessage) -> list[str]:
    return [label for row in bot.api.buttons(message) for label, _ in row]


async def cautions(bot: Harness) -> list[tuple[int, str]]:
    """The cautions in force (a cleared one keeps its row, with the day it was cleared)."""
    async with bot.app.bot_data.sessionmaker() as session:
        rows = await session.execute(
            select(Caution.chat_id, Caution.exercise).where(Caution.cleared_on.is_(None)).order_by(Caution.id)
        )
        return [(chat_id, exercise) for chat_id, exercise in rows.all()]


async def test_a_pain_with_the_backpack_rdl_leaves_it_out_until_the_trainee_says_it_is_fine(
    bot: Harness,
) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=(LOAD,))
    assert RDL in text(await bot.send(USER, "/workout")), "the plan's hinge, before anything was told"

    [answer] = await bot.send(USER, PAIN)
    assert (answer.plain_text or "").startswith("Safety first.")
    assert (answer.plain_text or "").splitlines()[-1] == TOLD
    # The card under the lead is the home trainee's: the backpack hinge, not the barbell's technique (a
    # coach's trial read "bar over the middle of your feet" here), and no step up for the backpack.
    said = answer.plain_text or ""
    assert "At home (no barbell): your hinge is the " + RDL in said
    assert "bar over the middle of your feet" not in said and "heavier backpack" not in said
    buttons = labels(bot, answer)
    assert buttons[-1] == FINE and len(buttons) > 1, "the answer's own buttons are kept"
    assert bot.api.buttons(answer)[-1] == [(FINE, callbacks.pack("fine", "backpack-rdl"))]
    assert await cautions(bot) == [(USER, "backpack-rdl")]

    [card] = await bot.send(USER, "/workout")
    shown = card.plain_text or ""
    assert shown.splitlines()[0] == LEFT_OUT
    assert RDL not in shown and "add a little to the backpack" not in shown
    assert ROW not in shown and "Hinge forward" not in shown, "no bent-over move under 'no hinge today'"
    assert "hip hinges with a broomstick" not in shown, "no drill of the movement that hurt"
    assert labels(bot, card) == ["✅ Done", "🔄 Swap an exercise", FINE]

    # Pressed before anything of today was logged: back in today's session, which the reply names.
    [cleared] = await bot.press(USER, FINE, message_id=card.message_id)
    assert (
        "The Romanian deadlift is back in your workouts from today. Today's session has the Romanian"
        " deadlift, bent-over row and rear-delt fly again: send /workout to see it."
    ) in (cleared.plain_text or "")
    assert await cautions(bot) == []
    [card] = await bot.send(USER, "/workout")
    assert RDL in (card.plain_text or "") and "⚠️" not in (card.plain_text or "")
    assert ROW in (card.plain_text or ""), "the bent-over moves are back with it"
    assert FINE not in labels(bot, card)


async def test_as_written_logs_what_workout_showed_without_the_cautioned_lift(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=(LOAD,))
    await bot.send(USER, PAIN)
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    written = text(await bot.press(USER, "✅ As written"))
    assert RDL not in written, written
    async with bot.app.bot_data.sessionmaker() as session:
        logged = set((await session.scalars(select(LoggedSet.exercise))).all())
    assert logged and not {"backpack-rdl", "backpack-row", "backpack-rear-delt-fly"} & logged


async def test_a_pain_that_names_no_exercise_changes_nothing(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=(LOAD,))
    [answer] = await bot.send(USER, "my lower back hurts")
    assert (answer.plain_text or "").startswith("Safety first.")
    assert "I'll leave" not in (answer.plain_text or "")
    assert FINE not in labels(bot, answer)
    # The lower back's moves are only offered to be left out (test_pain_part.py): nothing until pressed.
    assert labels(bot, answer)[-1] == "🛑 Leave out deadlifts and bent-over moves for now"
    assert await cautions(bot) == []
    assert RDL in text(await bot.send(USER, "/workout"))


async def test_a_question_about_a_lift_and_pain_in_general_changes_nothing(bot: Harness) -> None:
    # Asked of a lift in general, not told of oneself: the answer leads with safety, the plan is kept.
    await bot.onboard(USER, equipment="🏠 Home", kit=(LOAD,))
    [answer] = await bot.send(USER, "can a backpack RDL hurt the lower back?")
    assert (answer.plain_text or "").startswith("Safety first.")
    assert FINE not in labels(bot, answer)
    assert await cautions(bot) == []
    assert RDL in text(await bot.send(USER, "/workout"))


async def test_a_forged_or_stale_fine_now_press_gets_a_helpful_reply(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=(LOAD,))
    await bot.send(USER, PAIN)
    for forged in ("1:fine:not-an-exercise", "1:fine", "1:fine:backpack-rdl:extra", "0:fine:backpack-rdl"):
        assert await bot.callback(USER, forged) == []
        assert "expired" in (bot.toasts()[-1].text or ""), forged
    assert await cautions(bot) == [(USER, "backpack-rdl")], "a forged press clears nothing"
    # Something of today logged: today's session stays as shown, and the same button a second time that day
    # says it is cleared and back tomorrow.
    await bot.send(USER, "/log towel pulldown 12, 12")
    await bot.press(USER, FINE)
    [again] = await bot.press(USER, FINE)
    assert "back in tomorrow's session" in (again.plain_text or "")
    bot.clock.advance(days=1)
    [later] = await bot.press(USER, FINE)  # a day on: nothing is left out any more
    assert "already in your workouts" in (later.plain_text or "")


async def test_forget_removes_the_chats_cautions(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=(LOAD,))
    await bot.send(USER, PAIN)
    assert await cautions(bot) == [(USER, "backpack-rdl")]
    await bot.send(USER, "/forget")
    await bot.press(USER, "🗑 Yes, delete")
    assert await cautions(bot) == []


async def test_a_group_members_pain_is_answered_but_the_groups_shared_plan_keeps_the_lift(
    bot: Harness,
) -> None:
    group, member = -5441, 8442
    bot.api.group_chat(group, "Back Buddies")
    await bot.onboard(group, equipment="🏠 Home", kit=(LOAD,), user_id=member)
    [answer] = await bot.send(group, f"/ask {PAIN}", user_id=member)
    assert (answer.plain_text or "").startswith("Safety first.")
    assert "out of your workouts" not in (answer.plain_text or "")
    assert await cautions(bot) == []


async def test_sets_told_with_a_pain_get_the_safety_answer_not_only_an_offer_to_log_them(
    bot: Harness,
) -> None:
    # Before, "Shall I log that? backpack rdl 3x10" was the whole reply: the pain went unanswered.
    await bot.onboard(USER, equipment="🏠 Home", kit=(LOAD,))
    [answer] = await bot.send(USER, "backpack rdl 3x10, it hurt my lower back")
    assert (answer.plain_text or "").startswith("Safety first.")
    assert (answer.plain_text or "").splitlines()[-1] == TOLD
    assert await cautions(bot) == [(USER, "backpack-rdl")]


async def test_the_caution_holds_in_a_session_cut_to_time_and_in_the_rest_of_one_half_logged(
    bot: Harness,
) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=(LOAD,))
    await bot.send(USER, PAIN)
    [cut] = await bot.send(USER, "/workout 20")
    assert LEFT_OUT in (cut.plain_text or "") and RDL not in (cut.plain_text or "")
    await bot.send(USER, "/workout full")
    await bot.send(USER, "/log towel pulldown 12, 12")
    [rest] = await bot.send(USER, "/workout")
    shown = rest.plain_text or ""
    assert shown.splitlines()[0] == LEFT_OUT and RDL not in shown and ROW not in shown
    assert "Prone towel pulldown: 2×12" in shown, "the logged pulldown ticked off"
    assert labels(bot, rest)[-1] == FINE


async def test_a_lower_back_told_on_the_rear_delt_fly_takes_the_bent_over_row_but_keeps_the_hinge(
    bot: Harness,
) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=(LOAD,))
    [answer] = await bot.send(USER, "I get a sharp pain in my lower back on the rear-delt fly")
    assert (answer.plain_text or "").splitlines()[-1].startswith("I'll leave the rear-delt fly out")
    [card] = await bot.send(USER, "/workout")
    shown = card.plain_text or ""
    assert shown.splitlines()[0] == (
        "⚠️ Rear-delt fly left out, and the bent-over row with it (bent over at the hips, it loads the lower"
        " back too): you told me it hurt on 24 Nov. In their place: a door towel row for the bent-over row"
        " and a reverse snow angel for the rear-delt fly, done without bending over; stop them too if the"
        " back hurts. If it still hurts, see a physio."
    )
    assert RDL in shown and ROW not in shown
    assert labels(bot, card)[-1] == FINE


async def test_a_shoulder_told_on_the_rear_delt_fly_leaves_the_row_in(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=(LOAD,))
    await bot.send(USER, "my shoulder hurts when I do the rear-delt fly")
    [card] = await bot.send(USER, "/workout")
    shown = card.plain_text or ""
    assert shown.splitlines()[0].startswith("⚠️ Rear-delt fly left out: you told me")
    assert ROW in shown and RDL in shown


async def test_the_first_session_back_after_the_pain_is_lighter_then_progresses_from_what_was_logged(
    bot: Harness,
) -> None:
    # A trial: 2×10 @ 12 kg, the pain, "It's fine now", and then "same as last time, 2×10 @ 12 kg": a coach
    # brings a lift back from a sharp pain lighter, at about 70 % of the load.
    await bot.onboard(USER, equipment="🏠 Home", kit=(LOAD,))
    await log_session(bot, USER, "backpack rdl 10, 10 with 12kg")
    await bot.send(USER, PAIN)
    [cleared] = await bot.press(USER, FINE)
    assert "lighter than last time (about 70 % of the load, or one set fewer)" in (cleared.plain_text or "")
    bot.clock.advance(days=1)
    shown = joined(await bot.send(USER, "/workout"))
    line = next_load_line(shown, RDL)
    # 70 % of 12 kg is 8.4 kg: down to the chat's 2.5 kg step.
    assert line == (
        f"📈 <i>{RDL}: first session back after the pain: lighter than last time, 2×10 @ 7.5 kg (was 12 kg)."
        " Stop if it hurts.</i>"
    ), line
    await bot.press(USER, "✅ Done")
    written = joined(await bot.press(USER, "✅ As written"))
    assert "record" not in written.lower(), written
    async with bot.app.bot_data.sessionmaker() as session:
        rdl = (
            await session.execute(
                select(LoggedSet.reps, LoggedSet.load).where(LoggedSet.exercise == "backpack-rdl")
            )
        ).all()
    assert [tuple(row) for row in rdl][2:] == [(10, 7.5), (10, 7.5)], "As written logged the lighter sets"
    # The lighter session is no baseline: the one after it is back at the sets before the pain, no more yet.
    bot.clock.advance(days=2)
    line = next_load_line(joined(await bot.send(USER, "/workout")), RDL)
    assert "first session back" not in line, line
    assert (
        "last time 2×10 @ 7.5 kg, lighter on purpose after the pain; before that 2×10 @ 12 kg → today 2×10 @"
        " 12 kg again: back where you were before going up." in line
    ), line


async def test_a_band_move_comes_back_with_one_set_fewer(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=("Resistance bands",))
    await log_session(bot, USER, "band row 12, 12")
    await bot.send(USER, "I get a sharp pain in my lower back when I do band rows")
    await bot.press(USER, FINE)
    bot.clock.advance(days=1)
    line = next_load_line(joined(await bot.send(USER, "/workout")), "Band row")
    assert line == (
        "📈 <i>Band row: first session back after the pain: one set fewer than last time, 1×12 (was 2×12)."
        " Stop if it hurts.</i>"
    ), line


async def test_a_hinge_told_of_takes_its_other_versions_and_the_bent_over_fly_out(bot: Harness) -> None:
    # A gym beginner's first session has a dumbbell RDL and a bent-over rear-delt fly, no barbell deadlift:
    # the RDL is the same hinge as the deadlift told of, and the fly goes with it, on one line.
    await bot.onboard(USER, level="🌱 Beginner", equipment="🏋️ Gym")
    await bot.send(USER, "I get a sharp pain in my lower back when I do the barbell deadlift")
    [card] = await bot.send(USER, "/workout")
    shown = card.plain_text or ""
    assert shown.splitlines()[0] == (
        "⚠️ Dumbbell Romanian deadlift left out, and the bent-over rear-delt fly with it (bent over at the"
        " hips, it loads the lower back too), so no hinge today: it's the same movement as the barbell"
        " deadlift you told me hurt on 24 Nov."
        " If it still hurts, see a physio."
    )
    plan = shown.split("\n", 1)[1]  # the line above names them as the plan does
    assert "Bent-over rear-delt fly" not in plan and "Dumbbell Romanian deadlift" not in plan
    assert bot.api.buttons(card)[-1] == [(FINE, callbacks.pack("fine", "deadlift"))]
    await bot.press(USER, FINE, message_id=card.message_id)
    bot.clock.advance(days=1)
    back = joined(await bot.send(USER, "/workout"))
    assert "Bent-over rear-delt fly" in back and "Dumbbell Romanian deadlift" in back


async def test_a_lower_back_told_on_a_row_takes_the_bent_over_fly_out_of_a_session_without_that_row(
    bot: Harness,
) -> None:
    # A gym beginner's first session has a bent-over rear-delt fly and no version of the dumbbell row told
    # of: the fly goes all the same, on a line of its own that names the lift told of; the hinge stays.
    await bot.onboard(USER, level="🌱 Beginner", equipment="🏋️ Gym")
    await bot.send(USER, "I get a sharp pain in my lower back when I do one-arm dumbbell rows")
    [card] = await bot.send(USER, "/workout")
    shown = card.plain_text or ""
    assert shown.splitlines()[0] == (
        "⚠️ Bent-over rear-delt fly left out: bent over at the hips, it loads the lower back like the one-arm"
        " dumbbell row you told me hurt on 24 Nov. If it still hurts, see a physio."
    )
    plan = shown.split("\n", 1)[1]  # the line above names it as the plan does
    assert "Bent-over rear-delt fly" not in plan and "Dumbbell Romanian deadlift" in plan
    assert bot.api.buttons(card)[-1] == [(FINE, callbacks.pack("fine", "one-arm-dumbbell-row"))]


async def test_a_lower_back_told_on_the_rdl_takes_the_prone_cobra_out_and_says_so(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=(LOAD,))
    await log_session(bot, USER, "backpack rdl 10, 10 with 8kg")
    assert COBRA in text(await bot.send(USER, "/workout")), "the second session's floor hold, before the pain"
    await bot.send(USER, PAIN)
    [card] = await bot.send(USER, "/workout")
    shown = card.plain_text or ""
    assert shown.splitlines()[0] == (
        "⚠️ Romanian deadlift left out, and the bent-over row, rear-delt fly and prone cobra hold with"
        " it (bent over at"
        " the hips or arched face down, they load the lower back too), so no hinge today: you told me it hurt"
        " on 27 Nov. In their place: a door towel row for the bent-over row and a reverse snow angel for the"
        " rear-delt fly, done without bending over; stop them too if the back hurts. If it still hurts, see a"
        " physio."
    )
    assert COBRA not in shown and "lift chest and arms" not in shown
    assert "Prone towel pulldown" in shown, "a face-down pull that lifts only the arms stays"
    await bot.press(USER, FINE, message_id=card.message_id)
    bot.clock.advance(days=1)
    assert COBRA in joined(await bot.send(USER, "/workout")), "back with the RDL once it is fine"


async def test_a_lower_back_told_on_a_band_row_takes_the_prone_cobra_but_a_shoulder_does_not(
    bot: Harness,
) -> None:
    # A bands-only home day has no hinge and nothing bent over: the cobra alone rides with the row.
    shoulder = USER + 1
    for chat in (USER, shoulder):
        await bot.onboard(chat, equipment="🏠 Home", kit=("Resistance bands",))
        await log_session(bot, chat, "band row 12, 12")
    await bot.send(USER, "I get a sharp pain in my lower back when I do band rows")
    shown = joined(await bot.send(USER, "/workout"))
    assert shown.splitlines()[0] == (
        "⚠️ Band row left out, and the prone cobra hold with it (arched face down, it loads the lower"
        " back too),"
        " so no rows today: you told me it hurt on 30 Nov. If it still hurts, see a physio."
    )
    assert COBRA not in shown
    await bot.send(shoulder, "my shoulder hurts when I do band rows")
    shown = joined(await bot.send(shoulder, "/workout"))
    assert shown.splitlines()[0].startswith("⚠️ Band row left out, so no rows today: you told")
    assert COBRA in shown, "told of the shoulder, the row goes alone"
