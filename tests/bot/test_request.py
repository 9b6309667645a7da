"""The aiohttp transport `backcoach run` uses, against the Bot API double over real HTTP."""

from collections.abc import AsyncIterator

import pytest
from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.request import AiohttpRequest
from fakeapi import FakeBotApi
from fakeapi.server import FakeTelegramServer

TOKEN = "424242:aiohttp-transport-test-token-000000"
USER = 31


@pytest.fixture
async def bot() -> AsyncIterator[tuple[Bot, FakeBotApi]]:
    api = FakeBotApi(token=TOKEN)
    api.private_chat(USER)
    async with FakeTelegramServer(api, stall_seconds=2.0) as server:
        request = AiohttpRequest(read_timeout=0.5, connect_timeout=1.0)
        async with Bot(TOKEN, base_url=server.base_url, request=request) as telegram_bot:
            yield telegram_bot, api


async def test_calls_reach_the_api_and_keep_strings_as_strings(bot: tuple[Bot, FakeBotApi]) -> None:
    telegram_bot, api = bot
    me = await telegram_bot.get_me()
    assert me.username == "BackCoachBot"
    sent = await telegram_bot.send_message(USER, "123", parse_mode="HTML")
    assert sent.text == "123"
    assert api.last(USER).text == "123"
    for _ in range(20):
        await telegram_bot.send_message(USER, "keep-alive")
    assert api.calls["sendMessage"] == 21


@pytest.mark.parametrize(
    "status, description, error",
    [
        (400, "Bad Request: chat not found", BadRequest),
        (403, "Forbidden: bot was blocked by the user", Forbidden),
        (500, "Internal Server Error", NetworkError),
    ],
)
async def test_errors_map_to_ptb_exceptions(
    bot: tuple[Bot, FakeBotApi], status: int, description: str, error: type[Exception]
) -> None:
    telegram_bot, api = bot
    api.fail("sendMessage", status=status, description=description)
    with pytest.raises(error):
        await telegram_bot.send_message(USER, "x")


# PTB itself reads retry_after while raising, which warns about its future timedelta type.
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_retry_after_is_reported(bot: tuple[Bot, FakeBotApi]) -> None:
    telegram_bot, api = bot
    api.fail("sendMessage", status=429, description="Too Many Requests: retry after 3", retry_after=3)
    with pytest.raises(RetryAfter) as caught:
        await telegram_bot.send_message(USER, "x")
    assert "Retry in 3 seconds" in caught.value.message


async def test_a_stalled_answer_times_out(bot: tuple[Bot, FakeBotApi]) -> None:
    telegram_bot, api = bot
    api.stall("sendMessage")
    with pytest.raises(TimedOut):
        await telegram_bot.send_message(USER, "x")
    assert (await telegram_bot.send_message(USER, "after")).text == "after"


async def test_a_dropped_connection_is_a_network_error(bot: tuple[Bot, FakeBotApi]) -> None:
    telegram_bot, api = bot
    api.inject("sendMessage", drop=True, limit=1)
    with pytest.raises(NetworkError):
        await telegram_bot.send_message(USER, "x")
    assert (await telegram_bot.send_message(USER, "after")).text == "after"


async def test_unreachable_server_is_a_network_error() -> None:
    request = AiohttpRequest(connect_timeout=1.0)
    await request.initialize()
    try:
        with pytest.raises(NetworkError, match="aiohttp"):
            await request.do_request(f"http://127.0.0.1:1/bot{TOKEN}/getMe", "POST")
    finally:
        await request.shutdown()


async def test_requires_initialize() -> None:
    request = AiohttpRequest()
    with pytest.raises(RuntimeError, match="not initialized"):
        await request.do_request("http://127.0.0.1:1/bot/getMe", "POST")
