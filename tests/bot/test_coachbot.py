"""CoachBot's replies: the same request PTB's send_message would make, minus parsing the answer."""

import pytest
from telegram import LinkPreviewOptions
from telegram.error import BadRequest
from telegram.ext import Defaults

from bot import keyboards
from bot.context import CoachBot
from fakeapi import FakeBotApi, FakeRequest

TOKEN = "123456:TEST-token-for-the-double-only-000"
CHAT = 7001


async def test_replies_take_the_bots_defaults_and_are_html() -> None:
    api = FakeBotApi(token=TOKEN)
    api.private_chat(CHAT)
    request = FakeRequest(api)
    defaults = Defaults(disable_notification=True, link_preview_options=LinkPreviewOptions(is_disabled=True))
    async with CoachBot(TOKEN, request=request, get_updates_request=request, defaults=defaults) as bot:
        assert await bot.send_text(CHAT, "<b>Hi</b>", keyboards.markup([[("OK", "1:ok")]])) is None
        [sent] = api.sent
        assert sent.params["parse_mode"] == "HTML" and sent.plain_text == "Hi"
        assert sent.params["disable_notification"] is True
        assert sent.params["link_preview_options"] == {"is_disabled": True}
        assert sent.reply_markup == {"inline_keyboard": [[{"text": "OK", "callback_data": "1:ok"}]]}
        assert "message_thread_id" not in sent.params, "None is left out, as PTB does"

        await bot.edit_text(CHAT, sent.message_id, "<i>Bye</i>")
        assert api.last(CHAT).plain_text == "Bye" and api.last(CHAT).reply_markup is None
        # Telegram's errors reach the caller as PTB's exceptions.
        with pytest.raises(BadRequest, match="not modified"):
            await bot.edit_text(CHAT, sent.message_id, "<i>Bye</i>")
