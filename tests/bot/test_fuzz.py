"""Whatever a chat sends — any text, any command with any arguments, any callback data — the bot
answers within Telegram's limits, never raises, and leaves the chat's row valid.

The examples of one test share the test's harness but each talks in a chat (and as users) no
earlier example used, and the harness clock stands still; nothing else carries state between
chats, so every example starts from a fresh chat and a failure shrinks and replays faithfully.
"""

from __future__ import annotations

import itertools
import zoneinfo
from collections.abc import Sequence

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.callbacks import MAX_BYTES
from bot.coach.model import Equipment, Level
from bot.coach.texts import Texts
from bot.handlers.onboarding_steps import DAYS, EQUIPMENT, KIT, LEVEL, TIMEZONE
from fakeapi import MAX_TEXT_LENGTH, SentMessage
from storage import repo
from tests.bot.harness import Harness

BOT_NAME = "BackCoachBot"

FUZZ = settings(
    max_examples=150,
    deadline=None,
    # Sharing the function-scoped harness is sound here: see the module docstring.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_fresh_ids = itertools.count(10_000_000)


def fresh_chat() -> int:
    return next(_fresh_ids)


EMOJI = st.sampled_from(["💪", "🔥", "🏋️", "👍🏽", "🇩🇪", "👨‍👩‍👧", "❤️", "🙂", "\u200d", "\ufe0f"])
CONTROL = st.characters(codec="utf-8", categories=["Cc", "Cf", "Zl", "Zp"])
# Pieces rather than characters: an emoji can be several code points (skin tones, flags, families).
PIECE = st.one_of(st.characters(codec="utf-8"), EMOJI, CONTROL, st.sampled_from("<>&\"'/@:_*`[]()~#\\"))


def texts(*, min_size: int = 0, max_size: int) -> st.SearchStrategy[str]:
    return st.lists(PIECE, min_size=min_size, max_size=max_size).map("".join)


SHORT_TEXT = texts(max_size=60)
LONG_TEXT = st.builds(
    lambda piece, times: (piece * times)[:6000], texts(min_size=1, max_size=8), st.integers(500, 6000)
)
TEXT = st.one_of(SHORT_TEXT, LONG_TEXT, st.sampled_from(["", " ", "\n", "?", "/", "@", "@" + BOT_NAME]))

COMMAND_NAMES = sorted(
    {name for name, _about in Texts.load().section("commands")}
    | {"start", "help", "settings", "schedule", "nudges", "unknown"}
)
ARGUMENT = st.one_of(
    texts(min_size=1, max_size=30),
    st.sampled_from(
        [*Level, *Equipment, "Europe/Berlin", "UTC", "mon", "thu", "18:00", "25:99", "-1", "0", "9" * 30]
    ),
)
COMMAND = st.builds(
    lambda name, case, target, args: f"/{case(name)}{target}" + "".join(f" {arg}" for arg in args),
    st.sampled_from(COMMAND_NAMES),
    st.sampled_from([str, str.upper, str.title]),
    st.sampled_from(["", "@" + BOT_NAME, "@" + BOT_NAME.lower(), "@SomeOtherBot"]),
    st.lists(ARGUMENT, max_size=4),
)

FEATURES = ["lvl", "eq", "tz", "days", "menu", "done", "topic", "rem", "", "lvl2", "x"]
FORGED = st.builds(
    lambda version, feature, parts: ":".join([version, feature, *parts]),
    st.sampled_from(["1", "0", "2", "", "01"]),
    st.sampled_from(FEATURES),
    st.lists(
        st.one_of(
            texts(max_size=12), st.sampled_from([*Level, *Equipment, "Asia/Tokyo", "other", "3", "own"])
        ),
        max_size=4,
    ),
)
OVERSIZED = st.builds(lambda data: "1:lvl:beginner:" + data, texts(min_size=MAX_BYTES, max_size=120))
CALLBACK_DATA = st.one_of(texts(max_size=80), FORGED, OVERSIZED)


def within_limits(sent: Sequence[SentMessage]) -> None:
    for message in sent:
        assert len(message.text or "") <= MAX_TEXT_LENGTH, (
            f"{message.method} of {len(message.text or '')} chars"
        )


async def assert_chat_valid(bot: Harness, chat_id: int) -> None:
    """The chat's row, if the updates created one (a non-text message does not), holds only valid values."""
    async with bot.app.bot_data.sessionmaker() as session:
        chat = await repo.get_chat(session, chat_id)
    if chat is None:
        return
    assert chat.level in {None, *Level}
    assert chat.equipment in {None, *Equipment}
    zoneinfo.ZoneInfo(chat.timezone)
    assert chat.onboarding_step in {None, LEVEL, EQUIPMENT, KIT, TIMEZONE, DAYS}
    assert 0 <= chat.workout_days < 1 << 7
    assert 0 <= chat.reminder_minute < 24 * 60
    assert chat.unanswered >= 0


def assert_no_errors(bot: Harness) -> None:
    assert bot.errors == [], f"handlers raised: {bot.errors!r}"


@FUZZ
@given(onboarded=st.booleans(), texts=st.lists(TEXT, min_size=1, max_size=3))
async def test_any_private_text_gets_a_reply(bot: Harness, onboarded: bool, texts: list[str]) -> None:
    user = fresh_chat()
    if onboarded:
        await bot.onboard(user)
    for text in texts:
        sent = await bot.send(user, text)
        assert_no_errors(bot)
        assert [message for message in sent if message.chat_id == user], f"no reply to {text!r}"
        within_limits(sent)
    await assert_chat_valid(bot, user)


@FUZZ
@given(onboarded=st.booleans(), commands=st.lists(COMMAND, min_size=1, max_size=4))
async def test_any_command_with_any_arguments_gets_a_reply(
    bot: Harness, onboarded: bool, commands: list[str]
) -> None:
    user = fresh_chat()
    if onboarded:
        await bot.onboard(user)
    for command in commands:
        uploaded = len(bot.api.files)
        sent = await bot.send(user, command)
        assert_no_errors(bot)
        # /progress with something logged answers with a photo (the double keeps those in ``files``).
        photos = [file for file in bot.api.files[uploaded:] if file.chat_id == user]
        assert [message for message in sent if message.chat_id == user] or photos, f"no reply to {command!r}"
        within_limits(sent)
    await assert_chat_valid(bot, user)


@FUZZ
@given(
    onboarded=st.booleans(),
    presses=st.lists(st.tuples(CALLBACK_DATA, st.integers(0, 5)), min_size=1, max_size=4),
)
async def test_any_callback_is_answered_and_leaves_a_valid_chat(
    bot: Harness, onboarded: bool, presses: list[tuple[str, int]]
) -> None:
    """Forged data may be anything: the 64-byte cap binds only keyboards the bot itself sends."""
    user = fresh_chat()
    if onboarded:
        await bot.onboard(user)
    else:
        await bot.send(user, "/start")
    for data, back in presses:
        # Any earlier message of the chat (a press on an old keyboard), the newest one by default.
        message_id = max(1, bot.api.last(user).message_id - back)
        answered = len(bot.api.callback_answers)
        sent = await bot.callback(user, data, message_id=message_id)
        assert_no_errors(bot)
        assert len(bot.api.callback_answers) == answered + 1, f"{data!r} was not answered"
        assert not bot.api.open_callback_queries
        within_limits(sent)
    await assert_chat_valid(bot, user)


PRESS = st.builds(lambda data: ("press", data), CALLBACK_DATA)


@FUZZ
@given(
    steps=st.lists(
        st.tuples(st.sampled_from((0, 1)), st.one_of(COMMAND, SHORT_TEXT, PRESS)), min_size=1, max_size=5
    )
)
async def test_group_members_throwing_anything(bot: Harness, steps: list[tuple[int, object]]) -> None:
    """In a group the bot may stay quiet (chatter is not for it), but never raises or breaks the chat."""
    group = -fresh_chat()
    members = (fresh_chat(), fresh_chat())
    bot.api.group_chat(group, "Fuzz Buddies")
    await bot.send(group, f"/start@{BOT_NAME}", user_id=members[0])
    for member, step in steps:
        if isinstance(step, tuple):
            answered = len(bot.api.callback_answers)
            sent = await bot.callback(group, step[1], user_id=members[member])
            assert len(bot.api.callback_answers) == answered + 1
        else:
            assert isinstance(step, str)
            sent = await bot.send(group, step, user_id=members[member])
        assert_no_errors(bot)
        within_limits(sent)
    await assert_chat_valid(bot, group)
