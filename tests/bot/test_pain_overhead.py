"""A shoulder that hurt on an overhead pull, the ⚠️ line that says so, and "fine now" typed in a sentence.

A newcomer trial (home, a pull-up bar and bands): a shoulder pain told on the pulldown left out its band
version but kept the band-assisted pull-up, the same pull from overhead with more load, and nothing came in
the dropped pull's place, so sessions shrank with no pull at all of that kind. Two cautions gave two ⚠️ lines
both ending "so no vertical pull today", one naming the "Band pull-up" the plan calls the "Band-assisted
pull-up". "my shoulder feels fine now, I can do face pulls again" got the face pull's card and the exclusion
stayed; "pull ups are fine now" asked "Which one is fine now?" though it named one; and "my left shoulder
aches a bit after the band assisted pull ups, nothing sharp" got the sharp-pain lead.
"""

from __future__ import annotations

from sqlalchemy import select

from bot import callbacks
from storage.models import Caution
from tests.bot.harness import Harness, joined

USER = 8461
KIT = ("Pull-up bar", "Resistance bands")
FINE = "✅ It's fine now"
ASSISTED, PULLDOWN, TOWEL_ROW = "Band-assisted pull-up", "Kneeling band pulldown", "Door towel row"
PHYSIO = "If it still hurts, see a physio."


async def open_cautions(bot: Harness) -> list[str]:
    async with bot.app.bot_data.sessionmaker() as session:
        rows = await session.scalars(
            select(Caution.exercise).where(Caution.cleared_on.is_(None)).order_by(Caution.id)
        )
        return list(rows.all())


def plan(shown: str) -> str:
    """The card below its ⚠️ line."""
    return shown.split("\n\n", 1)[1]


async def home_with_both_pulls(bot: Harness) -> str:
    """A home beginner with a bar and bands: the session whose vertical pulls are the band-assisted pull-up
    and the kneeling band pulldown (the first session has both)."""
    await bot.onboard(USER, equipment="🏠 Home", kit=KIT)
    shown = joined(await bot.send(USER, "/workout"))
    assert ASSISTED in shown and PULLDOWN in shown and TOWEL_ROW not in shown, shown
    return shown


async def test_a_shoulder_told_on_an_overhead_pull_leaves_every_one_out_and_a_row_comes_in(
    bot: Harness,
) -> None:
    before = await home_with_both_pulls(bot)
    await bot.send(USER, "my left shoulder hurts when I do the band pulldown")
    [card] = await bot.send(USER, "/workout")
    shown = card.plain_text or ""
    assert shown.splitlines()[0] == (
        f"⚠️ {ASSISTED} and kneeling band pulldown left out, so no vertical pull today: pulled from overhead,"
        " they load the shoulder you told me hurt on the kneeling band pulldown on 24 Nov. A door towel row"
        f" is in their place, a pull with the arms below the shoulders: stop it too if the shoulder"
        f" hurts. {PHYSIO}"
    )
    assert ASSISTED not in plan(shown) and PULLDOWN not in plan(shown)
    # In the first overhead pull's place, at its sets.
    assert (
        before.split(ASSISTED, 1)[1].split("\n")[1].split(" ×")[0]
        == (plan(joined([card])).split(TOWEL_ROW, 1)[1].split("\n")[1].split(" ×")[0])
    )
    assert bot.api.buttons(card)[-1] == [(FINE, callbacks.pack("fine", "band-pulldown"))]


async def test_another_part_told_on_an_overhead_pull_leaves_out_only_its_versions(bot: Harness) -> None:
    await home_with_both_pulls(bot)
    await bot.send(USER, "my elbow hurts when I do the band pulldown")
    shown = joined(await bot.send(USER, "/workout"))
    assert (
        shown.splitlines()[0] == f"⚠️ Kneeling band pulldown left out: you told me it hurt on 24 Nov. {PHYSIO}"
    )
    assert ASSISTED in plan(shown) and TOWEL_ROW not in shown


async def test_two_cautions_that_leave_no_vertical_pull_are_said_on_one_line(bot: Harness) -> None:
    await home_with_both_pulls(bot)
    await bot.send(USER, "my elbow hurts when I do the band pulldown")
    await bot.send(USER, "my elbow hurts when I do band assisted pull ups")
    [card] = await bot.send(USER, "/workout")
    shown = card.plain_text or ""
    assert shown.splitlines()[0] == (
        f"⚠️ {ASSISTED} and kneeling band pulldown left out, so no vertical pull today: you told me the"
        " band-assisted pull-up hurt on 24 Nov and you told me the kneeling band pulldown hurt on 24 Nov."
        f" {PHYSIO}"
    )
    assert shown.count("⚠️") == 1 and TOWEL_ROW not in shown, "nothing swapped in for an elbow"
    assert [label for row in bot.api.buttons(card) for label, _ in row][-2:] == [
        "✅ Band-assisted pull-up: fine now",
        "✅ Kneeling band pulldown: fine now",
    ]


async def test_fine_now_said_with_the_exercise_clears_that_one(bot: Harness) -> None:
    await home_with_both_pulls(bot)
    await bot.send(USER, "my shoulder hurts when I do the band pulldown")
    await bot.send(USER, "my elbow hurts when I do band rows")
    # A question stays a question.
    said = joined(await bot.send(USER, "is my shoulder fine now to do pull ups?"))
    assert "back in your workouts" not in said
    assert await open_cautions(bot) == ["band-pulldown", "band-row"]
    # The pull-ups are kept out by the pulldown's caution (a shoulder on an overhead pull): that one.
    [reply] = await bot.send(USER, "pull ups are fine now")
    assert (reply.plain_text or "").startswith(
        "👍 Good to hear. The kneeling band pulldown is back in your workouts from today. Today's session has"
        " the band-assisted pull-up and kneeling band pulldown again: send /workout to see it."
    )
    assert await open_cautions(bot) == ["band-row"]
    [reply] = await bot.send(USER, "the band row is fine now too")
    assert (reply.plain_text or "").startswith("👍 Good to hear. The band row is back in your workouts")
    assert await open_cautions(bot) == []
    assert "⚠️" not in joined(await bot.send(USER, "/workout"))


async def test_fine_now_said_in_a_sentence_with_what_the_trainee_wants_back(bot: Harness) -> None:
    await home_with_both_pulls(bot)
    await bot.send(USER, "my shoulder hurts when I do the band pulldown")
    await bot.send(USER, "sharp pain in my lower back when I do band rows")
    [reply] = await bot.send(USER, "my shoulder is feeling much better, I'd like to try the pull ups again")
    assert (reply.plain_text or "").startswith(
        "👍 Good to hear. The kneeling band pulldown is back in your workouts"
    )
    assert await open_cautions(bot) == ["band-row"]
    await bot.send(USER, "my shoulder hurts when I do the band pulldown")
    # The body part alone: the shoulder's caution, not the lower back's.
    [reply] = await bot.send(USER, "my shoulder feels fine now, I can do my pulldowns again")
    assert (reply.plain_text or "").startswith(
        "👍 Good to hear. The kneeling band pulldown is back in your workouts"
    )
    assert await open_cautions(bot) == ["band-row"]


async def test_a_dull_ache_said_not_to_be_sharp_gets_no_sharp_pain_lead(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=KIT)
    [answer] = await bot.send(
        USER,
        "my left shoulder aches a bit after the band assisted pull ups, nothing sharp. should I push through"
        " it or stop?",
    )
    said = answer.plain_text or ""
    assert said.startswith("Safety first."), said
    assert "Pain on breathing" not in said and "sharp, stabbing or shooting pain" not in said, said


async def test_each_fine_now_button_names_its_move_as_the_warning_line_does(bot: Harness) -> None:
    # A trial: the card said "kneeling band pulldown" and "band-assisted pull-up", its buttons "band pulldown"
    # and "band pull-up". A label is no callback data (that stays the id, within 64 bytes), but it is read.
    await home_with_both_pulls(bot)
    await bot.send(USER, "my elbow hurts when I do the band pulldown")
    await bot.send(USER, "my elbow hurts when I do band assisted pull ups")
    [card] = await bot.send(USER, "/workout")
    warning = (card.plain_text or "").splitlines()[0]
    buttons = [(label, data) for row in bot.api.buttons(card) for label, data in row][-2:]
    for label, data in buttons:
        name = label.removeprefix("✅ ").removesuffix(": fine now")
        assert name.lower() in warning.lower() and name[:1].isupper(), (label, warning)
        assert len(data.encode()) <= 64 and len(label) <= 64
    # Typed, the same buttons; and the reply names the move as they do.
    [which] = await bot.send(USER, "It's fine now")
    assert {label for row in bot.api.buttons(which) for label, _ in row} == {label for label, _ in buttons}
    [cleared] = await bot.press(USER, "✅ Kneeling band pulldown: fine now", message_id=which.message_id)
    said = cleared.plain_text or ""
    assert said.startswith("👍 Good to hear. The kneeling band pulldown is back"), said
