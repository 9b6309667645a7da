"""A newcomer trial lost a load to a question asked while As written waited for it: "should I go heavier
next time?" was answered, then "Still not logged without a load: … send it with /log", the wait ended, and
the load was never logged. Now a question, small talk, a request or a pain asked while a load is asked is
answered as usual and the same question asked again with its ⏭ Skip, still waiting; a command, sets told,
"it's fine now" or a request to log or take back still end the wait (or, a command, leave it as it was).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from bot.coach.answerer import Answerer
from storage.models import LoggedSet, WorkoutLog
from tests.bot.harness import START, Harness, labels
from tests.bot.harness import plain as text

USER = 7272
GROUP = -7373
ANN = 737
SKIP = "⏭ Skip"
TODAY = START.date()
ASKED_RDL = (
    "⚖️ Dumbbell Romanian deadlift, 2×8: what load did you lift per dumbbell? Type one dumbbell's load,"
    " e.g. 16 or 16 kg, and I'll log it, or tap ⏭ Skip to leave it for now. Then 3 more lifts."
)


async def loads(bot: Harness) -> list[tuple[date, str, float]]:
    """Every set logged at a load, with its day."""
    async with bot.app.bot_data.sessionmaker() as session:
        query = (
            select(WorkoutLog.local_date, LoggedSet.exercise, LoggedSet.load)
            .join(WorkoutLog, LoggedSet.workout_log_id == WorkoutLog.id)
            .where(LoggedSet.load.is_not(None))
            .order_by(LoggedSet.id)
        )
        return [tuple(row) for row in (await session.execute(query)).all()]


async def as_written(bot: Harness, done: str = "✅ Done") -> None:
    """Beginner gym, session 1: the dumbbell RDL, lat pulldown, seated cable row and rear-delt fly are
    asked in turn."""
    await bot.onboard(USER)
    await bot.send(USER, "/workout")
    if done == "✅ Done":
        await bot.press(USER, done)
    else:
        await bot.send(USER, done)
    written = await bot.press(USER, "✅ As written")
    assert ASKED_RDL in text(written), text(written)


def asked_again(sent: list[object]) -> str:
    """The message after the reply: the question asked again."""
    assert len(sent) == 2, [text([one]) for one in sent]
    return text(sent[1:])


@pytest.mark.parametrize(
    ("said", "reply"),
    [
        # A beginner's chat: the beginner card's own line on going heavier.
        ("should I go heavier next time?", "Progress: log your sets"),
        ("how long should I rest between sets?", "Rest & recovery"),
        ("hello", "Hi! I'm your upper-back coach."),
        ("thanks!", "You're welcome!"),
        ("show my progress", "/progress draws your logged loads"),
        ("my lower back hurts", "Safety first."),
    ],
)
async def test_a_message_beside_the_load_is_answered_and_the_question_asked_again(
    bot: Harness, said: str, reply: str
) -> None:
    await as_written(bot)
    sent = await bot.send(USER, said)
    # Before: the answer, then "Still not logged without a load: …", and the wait over.
    assert reply in text(sent[:1]), text(sent)
    assert asked_again(sent) == ASKED_RDL
    assert "Still not logged" not in text(sent)
    assert labels(bot, USER) == [SKIP]
    logged = text(await bot.send(USER, "16"))
    assert logged.startswith("✍️ Logged Dumbbell Romanian deadlift: 2×8 @ 16 kg each hand"), logged
    assert await loads(bot) == [(TODAY, "dumbbell-rdl", 16.0)] * 2


async def test_the_question_asked_first_still_takes_its_buttons(bot: Harness) -> None:
    await as_written(bot)
    first = bot.api.last(USER).message_id
    await bot.send(USER, "how long should I rest between sets?")
    # The first question's ⏭ Skip, pressed after the question was asked again, skips the same lift.
    skipped = text(await bot.press(USER, SKIP, message_id=first))
    assert skipped.startswith("⏭ Left Dumbbell Romanian deadlift unlogged."), skipped
    assert "⚖️ Lat pulldown, 2×10: what load did you lift?" in skipped
    assert "Logged Lat pulldown: 2×10 @ 40 kg" in text(await bot.send(USER, "40"))
    assert await loads(bot) == [(TODAY, "lat-pulldown", 40.0)] * 2


async def test_a_day_done_before_keeps_its_question_through_a_question(bot: Harness) -> None:
    await as_written(bot, "/done yesterday")
    again = asked_again(await bot.send(USER, "should I go heavier next time?"))
    assert again == ASKED_RDL
    await bot.press(USER, SKIP)
    logged = text(await bot.send(USER, "40"))
    assert logged.startswith("✍️ Logged for yesterday, Mon 23 Nov: Lat pulldown: 2×10 @ 40 kg"), logged
    assert await loads(bot) == [(TODAY - timedelta(days=1), "lat-pulldown", 40.0)] * 2


@pytest.mark.parametrize("said", ["should I go heavier next time?", "show my progress", "undo that"])
async def test_one_message_is_answered_once(bot: Harness, monkeypatch: pytest.MonkeyPatch, said: str) -> None:
    await as_written(bot)
    asked: list[str] = []
    answer = Answerer.answer

    def counted(self: Answerer, question: str, *args: object, **kwargs: object) -> object:
        asked.append(question)
        return answer(self, question, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Answerer, "answer", counted)
    # Before: the wait took the answerer's answer to decide, then the reply took it again.
    await bot.send(USER, said)
    assert asked.count(said) == 1, asked


@pytest.mark.parametrize(
    ("said", "reply"),
    [
        ("undo that", "/undo takes back the last thing you logged"),
        ("did 3x8 rows at 50", "📝 Shall I log that? cable row 3x8 50kg"),
        ("it's fine now", "Nothing is left out of your workouts right now"),
    ],
)
async def test_logging_sets_told_or_fine_now_still_end_the_wait(bot: Harness, said: str, reply: str) -> None:
    await as_written(bot)
    sent = await bot.send(USER, said)
    assert reply in text(sent), text(sent)
    assert "⚖️" not in text(sent) and "Still not logged" not in text(sent)
    assert "Logged" not in text(await bot.send(USER, "16")), "no longer waiting"
    assert await loads(bot) == []


async def test_a_question_about_logging_ends_the_wait_and_names_the_lifts_left(bot: Harness) -> None:
    await as_written(bot)
    await bot.send(USER, "16, 40, skip")
    sent = await bot.send(USER, "how do I log this?")
    assert "Log each exercise with /log" in text(sent[:1]), text(sent)
    assert text(sent).endswith(
        "Still not logged without a load: Bent-over rear-delt fly. When you know it, send it with /log,"
        " e.g. /log bent-over rear-delt fly 2x12 6kg."
    ), text(sent)
    assert "Logged" not in text(await bot.send(USER, "2")), "no longer waiting"


async def test_a_command_leaves_the_wait_as_it_was(bot: Harness) -> None:
    await as_written(bot)
    workout = text(await bot.send(USER, "/workout"))
    assert "Still to do: Dumbbell Romanian deadlift" in workout, workout
    # As before: a command is no answer and no message beside it; the question still waits.
    assert "Logged Dumbbell Romanian deadlift" in text(await bot.send(USER, "16"))


async def test_a_group_is_still_told_the_log_line_and_waits_for_nothing(bot: Harness) -> None:
    bot.api.group_chat(GROUP, "Back Buddies")
    await bot.onboard(GROUP, user_id=ANN)
    await bot.send(GROUP, "/workout", user_id=ANN)
    await bot.press(GROUP, "✅ Done", user_id=ANN)
    written = text(await bot.press(GROUP, "✅ As written", user_id=ANN))
    assert "Send one dumbbell's load with /log" in written, written
    answered = text(await bot.send(GROUP, "@BackCoachBot how long should I rest between sets?", user_id=ANN))
    assert "Rest & recovery" in answered and "⚖️" not in answered, answered
    assert SKIP not in labels(bot, GROUP)
