"""A timezone told in a sentence at set-up's question and at /timezone's typed answer, said back as the level
and the place are, through the real Application.

A newcomer trial: at the timezone question "I live in Amsterdam" got "I don't know that one, sorry. I only
know upper-back training…" with topic buttons that had nothing to do with it ("Amsterdam" alone worked), and
a zone that was taken went straight to the next question with no line saying what was set.
"""

from __future__ import annotations

import pytest

from tests.bot.harness import Harness, chat_row, labels, texts

USER = 1401
# The harness clock: Tuesday 24 Nov 2026, 10:00 UTC.


async def at_the_timezone_question(bot: Harness) -> None:
    await bot.send(USER, "/start")
    await bot.press(USER, "🌱 Beginner")
    await bot.press(USER, "🏋️ Gym")
    assert "Your timezone?" in (bot.api.last(USER).text or "")


@pytest.mark.parametrize(
    ("typed", "zone", "local"),
    [
        ("I live in Amsterdam", "Europe/Amsterdam", "11:00"),
        ("I'm in Berlin", "Europe/Berlin", "11:00"),
        ("based near Manchester, UK", "Europe/London", "10:00"),
        ("Toronto time", "America/Toronto", "05:00"),
        ("Amsterdam", "Europe/Amsterdam", "11:00"),
    ],
)
async def test_a_sentence_naming_a_city_is_the_timezone_and_is_said_back(
    bot: Harness, typed: str, zone: str, local: str
) -> None:
    await at_the_timezone_question(bot)
    replies = texts(await bot.send(USER, typed))
    assert replies[0] == f"👍 Timezone: {zone} (it's {local} there now)"
    assert "how many days a week can you train?" in replies[-1]
    assert not any("I don't know that one" in reply for reply in replies)
    assert (await chat_row(bot, USER)).timezone == zone
    done = texts(await bot.send(USER, "3 days"))
    assert "All set" in done[-1] and zone in done[-1]


async def test_a_zone_typed_after_other_is_said_back_too(bot: Harness) -> None:
    await at_the_timezone_question(bot)
    await bot.press(USER, "🌍 Other…")
    replies = texts(await bot.send(USER, "I live in Amsterdam"))
    assert replies[0] == "👍 Timezone: Europe/Amsterdam (it's 11:00 there now)"
    assert "how many days a week can you train?" in replies[-1]


async def test_a_sentence_naming_no_zone_gets_the_question_again_not_a_decline(bot: Harness) -> None:
    await at_the_timezone_question(bot)
    for said in ("I live in a small village", "I live in Berlin but work in London", "not Berlin"):
        replies = texts(await bot.send(USER, said))
        assert len(replies) == 1, replies
        assert replies[0].startswith("🌍 I couldn't find a timezone in that. <b>Your timezone?</b>")
        assert "Berlin" in labels(bot, USER) and "🌍 Other…" in labels(bot, USER)
    chat = await chat_row(bot, USER)
    assert (chat.timezone, chat.onboarding_step) == ("UTC", "timezone")
    # A question is still a question, with the open question after its answer.
    question = texts(await bot.send(USER, "how often should I train my back?"))
    assert "I couldn't find a timezone" not in question[0]
    assert "To finish setting up: <b>your timezone?</b>" in question[-1]


async def test_timezones_typed_answer_reads_a_sentence_and_keeps_waiting_after_one_it_cannot(
    bot: Harness,
) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/timezone")
    await bot.press(USER, "🌍 Other…")
    unread = texts(await bot.send(USER, "somewhere near the sea"))
    assert unread == [
        "🌍 I couldn't find a timezone in that. Type a city or a zone, e.g. <i>Berlin</i>, "
        "<i>I live in Amsterdam</i> or <code>Europe/Berlin</code>."
    ]
    assert (await chat_row(bot, USER)).awaiting == "timezone", "still waiting for the zone"
    replies = texts(await bot.send(USER, "I'm in Berlin"))
    assert replies == ["Timezone set to <b>Europe/Berlin</b> (it's 11:00 there now)."]
    chat = await chat_row(bot, USER)
    assert (chat.timezone, chat.awaiting) == ("Europe/Berlin", None)
    # The command reads a sentence as well.
    assert "America/Toronto" in texts(await bot.send(USER, "/timezone Toronto time"))[-1]
    assert (await chat_row(bot, USER)).timezone == "America/Toronto"
