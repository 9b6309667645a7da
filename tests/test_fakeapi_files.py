"""The Bot API double's photos, documents and chat members, judged by PTB's own parsing."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot, ChatMemberAdministrator, ChatMemberMember
from telegram.error import BadRequest, Forbidden

from fakeapi import FakeBotApi, FakeRequest
from fakeapi.server import FakeTelegramServer

TOKEN = "123:ABC"
USER, ADMIN = 1001, 1002
GROUP = -100500


@pytest.fixture
def api() -> FakeBotApi:
    api = FakeBotApi()
    api.private_chat(api.user(USER, "Ann"))
    api.group_chat(GROUP, "Buddies")
    api.set_member(GROUP, ADMIN)
    return api


@pytest.fixture
async def bot(api: FakeBotApi) -> AsyncIterator[Bot]:
    async with Bot(token=TOKEN, request=FakeRequest(api)) as bot:
        yield bot


async def test_send_photo_keeps_the_uploaded_bytes_and_caption(bot: Bot, api: FakeBotApi) -> None:
    message = await bot.send_photo(USER, b"\x89PNG-bytes", caption="<b>12</b> sessions", parse_mode="HTML")
    assert message.photo and message.photo[-1].file_size == 10
    assert message.caption == "12 sessions" and message.caption_entities[0].type == "bold"
    [sent] = api.files
    assert (sent.method, sent.chat_id, sent.content, sent.caption) == (
        "sendPhoto",
        USER,
        b"\x89PNG-bytes",
        "<b>12</b> sessions",
    )


async def test_send_document_keeps_its_name(bot: Bot, api: FakeBotApi) -> None:
    message = await bot.send_document(USER, b"a,b\r\n1,2\r\n", filename="log.csv")
    assert message.document is not None and message.document.file_name == "log.csv"
    assert api.files[-1].filename == "log.csv" and api.files[-1].content == b"a,b\r\n1,2\r\n"


async def test_files_are_refused_like_telegram_refuses_them(bot: Bot, api: FakeBotApi) -> None:
    with pytest.raises(BadRequest, match=r"(?i)caption is too long"):
        await bot.send_photo(USER, b"png", caption="x" * 1025)
    with pytest.raises(BadRequest, match=r"(?i)must be uploaded"):
        await bot.send_document(USER, "file-id-we-never-issued")
    api.block(USER)
    with pytest.raises(Forbidden, match=r"(?i)blocked"):
        await bot.send_photo(USER, b"png")
    assert api.files == []


async def test_chat_members_and_administrators(bot: Bot) -> None:
    admin = await bot.get_chat_member(GROUP, ADMIN)
    member = await bot.get_chat_member(GROUP, USER)
    assert isinstance(admin, ChatMemberAdministrator) and isinstance(member, ChatMemberMember)
    assert [m.user.id for m in await bot.get_chat_administrators(GROUP)] == [ADMIN]
    with pytest.raises(BadRequest):
        await bot.get_chat_administrators(USER)


async def test_uploads_over_http(api: FakeBotApi) -> None:
    async with FakeTelegramServer(api) as server, Bot(TOKEN, base_url=server.base_url) as bot:
        message = await bot.send_document(USER, b"Date,Reps\r\n", filename="log.csv", caption="1 set")
        assert message.document is not None and message.document.file_name == "log.csv"
    assert (api.files[-1].content, api.files[-1].caption) == (b"Date,Reps\r\n", "1 set")
