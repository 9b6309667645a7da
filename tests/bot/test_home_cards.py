"""A home trainee asking about a lift reads the card for their kit through the real Application: the home
paragraph where the gym card has its barbell, cable or machine technique, and none of that technique."""

import pytest
from sqlalchemy import select

from storage.models import LoggedSet
from tests.bot.harness import Harness

USER = 7171
BANDS = "Resistance bands"
BAR = "Pull-up bar"
LOAD = "A backpack or other load"


@pytest.mark.parametrize(
    ("kit", "question", "home", "gym"),
    [
        ((BANDS,), "how do I do lat pulldowns?", "setup: fix the band high on a door", "thigh pad"),
        ((LOAD,), "how do I do bent over rows?", "flat back, the backpack or a dumbbell", "barbell"),
        ((), "how do I do inverted rows?", "how: check the table is sturdy", "the more upright you stand"),
        ((BANDS,), "what should a beginner routine look like?", "pulls your kit allows", "machines"),
        ((BAR,), "why change my grip?", "hold your bar low in the fingers", "lifting straps"),
        ((BANDS,), "should I rotate exercises?", "the next version your kit allows", "barbell row"),
    ],
    ids=["lat-pulldown", "bent-over-row", "inverted-row", "beginner", "grips", "exercise-rotation"],
)
async def test_a_home_trainee_reads_the_home_paragraph_and_no_gym_technique(
    bot: Harness, kit: tuple[str, ...], question: str, home: str, gym: str
) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=kit)
    [answer] = await bot.send(USER, question)
    text = (answer.plain_text or "").lower()
    assert home in text and gym not in text, text
    # A gym trainee asking the same reads the gym card's technique.
    await bot.onboard(USER + 1)
    [gym_answer] = await bot.send(USER + 1, question)
    assert gym in (gym_answer.plain_text or "").lower() and home not in (gym_answer.plain_text or "").lower()


async def test_a_pain_on_the_home_row_holds_back_its_volume_and_backpack_step_up(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=(LOAD,))
    [answer] = await bot.send(USER, "my lower back hurts when I do bent over rows")
    text = answer.plain_text or ""
    assert text.startswith("Safety first.") and "How: hinge forward with a flat back, the backpack" in text
    # The home "Volume:" is held back as the gym's is: no sets, and no heavier backpack, after a pain.
    assert "Volume:" not in text and "add a little weight" not in text and "barbell" not in text
    assert "Sets and loads can wait" in text


async def test_a_home_trainee_asking_for_pull_up_help_and_a_band_reads_their_kit_and_no_machine(
    bot: Harness,
) -> None:
    # A strength coach's trial at home with bands, a doorway bar and a backpack: the answer offered the
    # assisted pull-up machine, and "what band should I use" said nothing of choosing one.
    await bot.onboard(USER, equipment="🏠 Home", kit=(BAR, BANDS, LOAD))
    [first] = await bot.send(USER, "how do I get my first pull-up?")
    text = first.plain_text or ""
    assert "Can't do one yet? Take the help your kit gives: the band over the bar" in text
    assert "machine" not in text.lower()
    [band] = await bot.send(USER, "what band should I use for pull ups")
    text = band.plain_text or ""
    assert "bands are sold by colour" in text and "target reps with the last two hard" in text
    assert "/log band pull-up 3x6 red band" in text and "machine" not in text.lower()
    # The /log the answer points to keeps the band with the sets.
    [logged] = await bot.send(USER, "/log band pull-up 3x6 red band")
    assert (logged.plain_text or "").startswith("✍️ Logged Band-assisted pull-up: 3×6"), logged.plain_text
    async with bot.app.bot_data.sessionmaker() as session:
        kept = (await session.execute(select(LoggedSet.exercise, LoggedSet.note))).all()
    assert [tuple(row) for row in kept] == [("band-assisted-pull-up", "red band")] * 3


async def test_the_band_pulldown_card_anchors_the_band_on_the_kit_the_chat_has(bot: Harness) -> None:
    # A newcomer trial: dumbbells and a band, no pull-up bar, and the card's cue offered one to anchor on.
    await bot.onboard(USER, equipment="🏠 Home", kit=("Dumbbells", BANDS))
    [card] = await bot.send(USER, "/workout")
    shown = card.plain_text or ""
    assert "Kneeling band pulldown" in shown and "pull-up bar" not in shown.lower(), shown
    assert "over a door with a door anchor or, without one, looped round a beam or a sturdy branch" in shown
    [answer] = await bot.send(USER, "what's a kneeling band pulldown?")
    assert "pull-up bar" not in (answer.plain_text or "").lower(), answer.plain_text
    # A chat with a bar reads the cue that loops the band round it.
    await bot.onboard(USER + 1, equipment="🏠 Home", kit=(BAR, BANDS))
    [card] = await bot.send(USER + 1, "/workout")
    assert "Anchor the band high: looped round your pull-up bar, or over a door" in (card.plain_text or "")
