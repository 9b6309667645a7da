"""The Bot API emulator, exercised through real PTB objects so that PTB's parsing is the judge."""

from __future__ import annotations

import asyncio
import html
import re
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    MessageEntity,
    ReplyKeyboardMarkup,
    Update,
)
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)
from telegram.request import HTTPXRequest

from fakeapi import FakeBotApi, FakeRequest, coerce_form_params, drive, render_html
from fakeapi.server import FakeTelegramServer

TOKEN = "123:ABC"
USER = 1001
GROUP = -100500

# Every await on the emulator is bounded so a broken long-poll fails the test instead of hanging it.
LIMIT = 2.0


@pytest.fixture
def api() -> FakeBotApi:
    api = FakeBotApi()
    api.private_chat(api.user(USER, "Ann", "ann"))
    return api


@pytest.fixture
async def bot(api: FakeBotApi) -> AsyncIterator[Bot]:
    async with Bot(token=TOKEN, request=FakeRequest(api), get_updates_request=FakeRequest(api)) as bot:
        yield bot


def ci(fragment: str) -> str:
    """PTB strips "Bad Request: " and re-capitalises the description, so match case-insensitively."""
    return "(?i)" + re.escape(fragment)


def keyboard(*rows: list[tuple[str, str]]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(text, callback_data=data) for text, data in row] for row in rows]
    )


# ---------------------------------------------------------------- basic methods


async def test_get_me_reports_the_configured_bot(bot: Bot, api: FakeBotApi) -> None:
    me = await bot.get_me()
    assert (me.username, me.is_bot, me.id) == ("BackCoachBot", True, api.bot_user["id"])
    assert bot.username == "BackCoachBot"


def test_bot_id_follows_the_token_like_telegram() -> None:
    assert FakeBotApi(token="4242:xyz").bot_user["id"] == 4242


async def test_send_message_with_keyboard_round_trips(bot: Bot, api: FakeBotApi) -> None:
    sent = await bot.send_message(
        USER, "Pick one", reply_markup=keyboard([("A", "a"), ("B", "b")], [("C", "c")])
    )
    assert sent.chat.id == USER and sent.text == "Pick one" and sent.from_user and sent.from_user.is_bot
    assert sent.reply_markup is not None and sent.reply_markup.inline_keyboard[1][0].callback_data == "c"
    last = api.last(USER)
    assert (last.method, last.message_id, last.text) == ("sendMessage", sent.message_id, "Pick one")
    assert api.buttons(last) == [[("A", "a"), ("B", "b")], [("C", "c")]]
    second = await bot.send_message(USER, "again")
    assert second.message_id == sent.message_id + 1
    assert [m.text for m in api.messages_for(USER)] == ["Pick one", "again"]
    assert api.calls["sendMessage"] == 2


async def test_reply_keyboards_are_accepted_but_not_echoed(bot: Bot, api: FakeBotApi) -> None:
    sent = await bot.send_message(USER, "Level?", reply_markup=ReplyKeyboardMarkup([["Easy", "Hard"]]))
    assert sent.reply_markup is None
    assert api.buttons(api.last(USER)) == [[("Easy", ""), ("Hard", "")]]


async def test_html_is_rendered_into_text_and_entities(bot: Bot, api: FakeBotApi) -> None:
    sent = await bot.send_message(
        USER, '💪 <b>Rows</b> &amp; <a href="https://x.test/?a=1&amp;b=2">more</a>', parse_mode="HTML"
    )
    assert sent.text == "💪 Rows & more"
    bold, link = sent.entities
    # The emoji is two UTF-16 units, so "Rows" starts at 3.
    assert (bold.type, bold.offset, bold.length) == (MessageEntity.BOLD, 3, 4)
    assert (link.type, link.url) == (MessageEntity.TEXT_LINK, "https://x.test/?a=1&b=2")
    assert sent.text_html == '💪 <b>Rows</b> &amp; <a href="https://x.test/?a=1&b=2">more</a>'
    record = api.last(USER)
    assert (
        record.text is not None and record.text.startswith("💪 <b>") and record.plain_text == "💪 Rows & more"
    )


@pytest.mark.parametrize(
    ("source", "detail"),
    [
        ("<blink>x</blink>", 'Unsupported start tag "blink" at byte offset 0'),
        ("a <b>bold", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b>x</i>", 'Unmatched end tag, expected "</b>", found "</i>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("5 <3", "Unclosed start tag at byte offset 2"),
        ("line<br>break", 'Unsupported start tag "br"'),
    ],
)
async def test_malformed_html_is_rejected(bot: Bot, api: FakeBotApi, source: str, detail: str) -> None:
    with pytest.raises(BadRequest, match=ci("can't parse entities")) as caught:
        await bot.send_message(USER, source, parse_mode="HTML")
    # PTB strips "Bad Request: " and re-capitalises, lowering the rest.
    assert detail.lower() in caught.value.message.lower()
    assert api.sent == []


async def test_pre_with_code_language_is_one_entity() -> None:
    plain, entities = render_html('<pre><code class="language-python">x = 1</code></pre>')
    assert plain == "x = 1"
    assert entities == [{"type": "pre", "language": "python", "offset": 0, "length": 5}]


@given(st.text(max_size=300))
def test_escaped_text_renders_back_to_itself(text: str) -> None:
    plain, entities = render_html(f"<i>{html.escape(text, quote=False)}</i>")
    assert plain == text
    expected = (
        [] if not text else [{"type": "italic", "offset": 0, "length": len(text.encode("utf-16-le")) // 2}]
    )
    assert entities == expected


async def test_text_limits(bot: Bot, api: FakeBotApi) -> None:
    await bot.send_message(USER, "x" * 4096)
    with pytest.raises(BadRequest, match=ci("message is too long")):
        await bot.send_message(USER, "x" * 4097)
    # The limit applies after entity parsing, as on Telegram.
    await bot.send_message(USER, "<b>" + "x" * 4096 + "</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match=ci("message text is empty")):
        await bot.send_message(USER, "  \n")
    with pytest.raises(BadRequest, match=ci("message text is empty")):
        await bot.send_message(USER, "<b></b>", parse_mode="HTML")
    assert len(api.sent) == 2


async def test_callback_data_is_limited_to_64_bytes(bot: Bot, api: FakeBotApi) -> None:
    await bot.send_message(USER, "ok", reply_markup=keyboard([("ok", "é" * 32)]))
    with pytest.raises(BadRequest, match=ci("BUTTON_DATA_INVALID")):
        await bot.send_message(USER, "too long", reply_markup=keyboard([("no", "d" * 65)]))
    assert len(api.sent) == 1


async def test_unknown_chat_is_not_found_unless_auto_created(bot: Bot, api: FakeBotApi) -> None:
    with pytest.raises(BadRequest, match=ci("chat not found")):
        await bot.send_message(777, "hi")
    api.auto_create_chats = True
    sent = await bot.send_message(777, "hi")
    assert sent.chat.type == "private"


async def test_edit_message_text_and_markup(bot: Bot, api: FakeBotApi) -> None:
    sent = await bot.send_message(USER, "Day 1", reply_markup=keyboard([("Done", "done:1")]))
    edited = await bot.edit_message_text(
        "Day 1 <i>done</i>",
        USER,
        sent.message_id,
        parse_mode="HTML",
        reply_markup=keyboard([("Undo", "undo:1")]),
    )
    assert not isinstance(edited, bool)
    assert edited.text == "Day 1 done" and edited.edit_date is not None
    last = api.last(USER)
    assert (last.method, last.message_id, api.buttons(last)) == (
        "editMessageText",
        sent.message_id,
        [[("Undo", "undo:1")]],
    )
    with pytest.raises(BadRequest, match=ci("message is not modified")):
        await bot.edit_message_text(
            "Day 1 <i>done</i>",
            USER,
            sent.message_id,
            parse_mode="HTML",
            reply_markup=keyboard([("Undo", "undo:1")]),
        )
    # An edit without reply_markup drops the keyboard, as on Telegram.
    await bot.edit_message_text("Day 1 ✔", USER, sent.message_id)
    assert "reply_markup" not in (api.message(USER, sent.message_id) or {})

    await bot.edit_message_reply_markup(USER, sent.message_id, reply_markup=keyboard([("Again", "again")]))
    last = api.last(USER)
    assert (last.method, last.text, api.buttons(last)) == (
        "editMessageReplyMarkup",
        "Day 1 ✔",
        [[("Again", "again")]],
    )
    with pytest.raises(BadRequest, match=ci("message to edit not found")):
        await bot.edit_message_text("x", USER, 9999)


async def test_delete_message_and_callbacks_on_deleted_messages(bot: Bot, api: FakeBotApi) -> None:
    sent = await bot.send_message(USER, "bye", reply_markup=keyboard([("x", "x")]))
    assert await bot.delete_message(USER, sent.message_id)
    assert api.deleted == [(USER, sent.message_id)]
    with pytest.raises(BadRequest, match=ci("message to delete not found")):
        await bot.delete_message(USER, sent.message_id)
    update = Update.de_json(api.make_callback(USER, USER, sent.message_id, "x"), bot)
    assert update.callback_query is not None
    assert update.callback_query.message is not None and not update.callback_query.message.is_accessible


async def test_answer_callback_query(bot: Bot, api: FakeBotApi) -> None:
    sent = await bot.send_message(USER, "Q?", reply_markup=keyboard([("Yes", "yes")]))
    update = api.press(USER, "Yes")
    query = update["callback_query"]
    assert query["data"] == "yes" and query["message"]["message_id"] == sent.message_id
    assert api.open_callback_queries == {query["id"]}
    assert await bot.answer_callback_query(query["id"], text="Saved")
    assert (
        api.callback_answers[0].text == "Saved" and api.callback_answers[0].callback_query_id == query["id"]
    )
    assert api.open_callback_queries == set()
    with pytest.raises(BadRequest, match=ci("query is too old")):
        await bot.answer_callback_query(query["id"])


async def test_commands_are_stored_per_scope(bot: Bot, api: FakeBotApi) -> None:
    commands = [BotCommand("start", "Start coaching"), BotCommand("today", "Today's workout")]
    assert await bot.set_my_commands(commands)
    assert await bot.set_my_commands([BotCommand("admin", "Admin")], scope=BotCommandScopeChat(USER))
    assert await bot.get_my_commands() == tuple(commands)
    assert [c.command for c in await bot.get_my_commands(scope=BotCommandScopeChat(USER))] == ["admin"]
    assert api.commands() == [c.to_dict() for c in commands]
    assert await bot.delete_my_commands()
    assert await bot.get_my_commands() == ()
    with pytest.raises(BadRequest, match=ci("BOT_COMMAND_INVALID")):
        await bot.set_my_commands([BotCommand("Bad-Name", "x")])


async def test_chat_action_and_get_chat(bot: Bot, api: FakeBotApi) -> None:
    assert await bot.send_chat_action(USER, "typing")
    assert api.chat_actions == [(USER, "typing")]
    with pytest.raises(BadRequest, match=ci("wrong parameter action")):
        await bot.send_chat_action(USER, "dancing")
    api.group_chat(GROUP, "Back club", kind="supergroup")
    chat = await bot.get_chat(GROUP)
    assert (chat.id, chat.type, chat.title) == (GROUP, "supergroup", "Back club")
    private = await bot.get_chat(USER)
    assert private.first_name == "Ann" and private.username == "ann"


async def test_reply_parameters(bot: Bot, api: FakeBotApi) -> None:
    incoming = api.make_message(USER, USER, "how many sets?")["message"]
    sent = await bot.send_message(USER, "Three", reply_to_message_id=incoming["message_id"])
    assert sent.reply_to_message is not None and sent.reply_to_message.text == "how many sets?"
    with pytest.raises(BadRequest, match=ci("message to be replied not found")):
        await bot.send_message(USER, "x", reply_to_message_id=4040)
    lenient = await bot.send_message(USER, "x", reply_to_message_id=4040, allow_sending_without_reply=True)
    assert lenient.reply_to_message is None


async def test_close_logout_and_unknown_methods(bot: Bot, api: FakeBotApi) -> None:
    assert await bot.close() is True
    assert await bot.log_out() is True
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("sendTelepathy")
    status, body = await api.call("sendTelepathy", {})
    assert (status, body) == (404, {"ok": False, "error_code": 404, "description": "Not Found"})
    assert api.calls["sendTelepathy"] == 2


async def test_wrong_token_is_unauthorized() -> None:
    api = FakeBotApi(token="1:right")
    async with Bot("1:right", request=FakeRequest(api)) as bot:
        assert (await bot.get_me()).id == 1
    with pytest.raises(InvalidToken):
        await Bot("1:wrong", request=FakeRequest(api)).get_me()


# ---------------------------------------------------------------- updates


async def test_get_updates_offset_semantics(bot: Bot, api: FakeBotApi) -> None:
    pushed = [api.make_message(USER, USER, f"m{i}", enqueue=True)["update_id"] for i in range(250)]
    seen: list[int] = []
    offset = 0
    for _ in range(10):
        batch = await asyncio.wait_for(bot.get_updates(offset=offset, limit=100, timeout=0), LIMIT)
        if not batch:
            break
        assert len(batch) <= 100
        seen.extend(update.update_id for update in batch)
        offset = batch[-1].update_id + 1
    assert seen == pushed
    assert [len(b) for b in [seen[:100], seen[100:200], seen[200:]]] == [100, 100, 50]
    assert api.pending_updates == 0


async def test_unconfirmed_updates_are_redelivered_and_negative_offset_trims(
    bot: Bot, api: FakeBotApi
) -> None:
    for i in range(5):
        api.make_message(USER, USER, f"m{i}", enqueue=True)
    first = await bot.get_updates(limit=2)
    again = await bot.get_updates(limit=2)
    assert [u.update_id for u in first] == [u.update_id for u in again]
    last_two = await bot.get_updates(offset=-2)
    assert [u.message.text for u in last_two if u.message] == ["m3", "m4"]
    assert api.pending_updates == 2


async def test_push_keeps_update_ids_increasing(api: FakeBotApi) -> None:
    early = api.make_message(USER, USER, "first")
    late = api.make_message(USER, USER, "second")
    api.push(late)
    queued = api.push(early)
    assert queued["update_id"] > late["update_id"]


async def test_long_poll_returns_as_soon_as_an_update_arrives(bot: Bot, api: FakeBotApi) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=30))
    await asyncio.sleep(0)
    assert not poll.done()
    api.make_message(USER, USER, "wake up", enqueue=True)
    updates = await asyncio.wait_for(poll, LIMIT)
    assert [u.message.text for u in updates if u.message] == ["wake up"]


async def test_webhook_info_and_conflict(bot: Bot, api: FakeBotApi) -> None:
    api.make_message(USER, USER, "pending", enqueue=True)
    assert await bot.set_webhook("https://coach.example/hook", max_connections=5)
    info = await bot.get_webhook_info()
    assert (info.url, info.pending_update_count, info.max_connections) == ("https://coach.example/hook", 1, 5)
    with pytest.raises(Conflict):
        await bot.get_updates()
    with pytest.raises(BadRequest, match=ci("HTTPS URL")):
        await bot.set_webhook("http://coach.example/hook")
    assert await bot.delete_webhook(drop_pending_updates=True)
    info = await bot.get_webhook_info()
    assert (info.url, info.pending_update_count) == ("", 0)


def test_make_message_entities() -> None:
    api = FakeBotApi()
    update = Update.de_json(api.make_message(GROUP, USER, "/start@BackCoachBot hi @BackCoachBot"), None)
    message = update.message
    assert message is not None and message.chat.type == "group"
    assert [(e.type, e.offset, e.length) for e in message.entities] == [
        (MessageEntity.BOT_COMMAND, 0, 19),
        (MessageEntity.MENTION, 23, 13),
    ]
    assert (
        message.parse_entities(["bot_command"]) and "/start@BackCoachBot" in message.parse_entities().values()
    )
    plain = Update.de_json(api.make_message(USER, USER, "no command here"), None).message
    assert plain is not None and plain.entities == ()


def test_form_parameters_keep_strings_as_strings() -> None:
    params = coerce_form_params({"chat_id": "42", "text": "123", "reply_markup": '{"inline_keyboard": []}'})
    assert params == {"chat_id": 42, "text": "123", "reply_markup": {"inline_keyboard": []}}


# ---------------------------------------------------------------- fault injection


@pytest.mark.filterwarnings("ignore:.*retry_after.*:telegram.warnings.PTBDeprecationWarning")
async def test_fault_injection_maps_to_ptb_errors(bot: Bot, api: FakeBotApi) -> None:
    api.fail("sendMessage", USER, status=429, description="Too Many Requests: retry after 7", retry_after=7)
    with pytest.raises(RetryAfter) as retry:
        await bot.send_message(USER, "x")
    assert retry.value.retry_after == 7

    api.fail(
        "sendMessage",
        status=400,
        description="Bad Request: group chat was upgraded to a supergroup chat",
        migrate_to_chat_id=-100123,
    )
    with pytest.raises(ChatMigrated) as migrated:
        await bot.send_message(USER, "x")
    assert migrated.value.new_chat_id == -100123

    api.fail("sendMessage", status=400, description="Bad Request: something odd")
    with pytest.raises(BadRequest, match=ci("something odd")):
        await bot.send_message(USER, "x")

    api.fail(status=500, description="Internal Server Error", times=2)
    for _ in range(2):
        with pytest.raises(NetworkError):
            await bot.send_message(USER, "x")

    api.stall("sendMessage", USER)
    with pytest.raises(TimedOut):
        await bot.send_message(USER, "x")

    assert api.sent == [] and api.calls["sendMessage"] == 6
    await bot.send_message(USER, "finally")
    assert [m.text for m in api.sent] == ["finally"]


async def test_faults_only_hit_matching_calls(bot: Bot, api: FakeBotApi) -> None:
    api.fail("sendMessage", 999, status=403, description="Forbidden: bot was blocked by the user")
    await bot.send_message(USER, "unaffected")
    await bot.get_me()
    assert len(api.sent) == 1


async def test_delivered_stall_sends_but_times_out(bot: Bot, api: FakeBotApi) -> None:
    api.stall("sendMessage", deliver=True)
    with pytest.raises(TimedOut):
        await bot.send_message(USER, "maybe")
    assert [m.text for m in api.sent] == ["maybe"]


async def test_a_delivered_stall_delivers_nothing_to_a_chat_that_blocked_the_bot(
    bot: Bot, api: FakeBotApi
) -> None:
    api.block(USER)
    api.stall("sendMessage", deliver=True)
    with pytest.raises(TimedOut):
        await bot.send_message(USER, "never seen")
    assert api.sent == [] and api.unanswered_deliveries == []


async def test_blocked_user(bot: Bot, api: FakeBotApi) -> None:
    api.block(USER)
    with pytest.raises(Forbidden, match=ci("bot was blocked by the user")):
        await bot.send_message(USER, "hello?")
    with pytest.raises(Forbidden):
        await bot.send_chat_action(USER, "typing")
    assert (await bot.get_me()).is_bot
    api.unblock(USER)
    await bot.send_message(USER, "welcome back")
    assert [m.text for m in api.sent] == ["welcome back"]


async def test_clear_and_subscribe(bot: Bot, api: FakeBotApi) -> None:
    seen: list[str | None] = []
    unsubscribe = api.subscribe(lambda message: seen.append(message.text))
    await bot.send_message(USER, "one")
    unsubscribe()
    await bot.send_message(USER, "two")
    assert seen == ["one"]
    api.clear()
    assert api.sent == [] and not api.calls
    with pytest.raises(LookupError):
        api.last(USER)


# ---------------------------------------------------------------- driving an Application


def build_app(api: FakeBotApi) -> Application[Any, Any, Any, Any, Any, Any]:
    app = (
        ApplicationBuilder()
        .token(TOKEN)
        .request(FakeRequest(api))
        .get_updates_request(FakeRequest(api))
        .build()
    )

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text("Hi!", reply_markup=keyboard([("Go", "go")]))

    async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer("On it")
        await query.edit_message_text(f"Going ({query.data})")

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None and update.effective_message.text is not None
        await update.effective_message.reply_text(update.effective_message.text.upper())

    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(pressed))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    return app


async def test_drive_an_application(api: FakeBotApi) -> None:
    app = build_app(api)
    async with app:
        await drive(app, api.make_message(USER, USER, "/start"))
        assert api.last(USER).text == "Hi!"
        await drive(app, api.press(USER, "Go"))
        assert api.last(USER).text == "Going (go)"
        assert api.callback_answers[-1].text == "On it"
        await drive(app, api.make_message(GROUP, USER, "/start@BackCoachBot"))
        assert api.last(GROUP).text == "Hi!"
        await drive(app, api.make_message(GROUP, USER, "/start@SomeOtherBot"))
        assert len(api.messages_for(GROUP)) == 1


async def test_application_polling_end_to_end(api: FakeBotApi) -> None:
    app = build_app(api)
    replied = asyncio.Event()
    api.subscribe(lambda message: replied.set())
    async with app:
        assert app.updater is not None
        await app.updater.start_polling(timeout=30)
        await app.start()
        try:
            api.make_message(USER, USER, "row row row", enqueue=True)
            await asyncio.wait_for(replied.wait(), LIMIT)
            assert api.last(USER).text == "ROW ROW ROW"
        finally:
            await app.updater.stop()
            await app.stop()


# ---------------------------------------------------------------- over HTTP


@pytest.fixture
async def server(api: FakeBotApi) -> AsyncIterator[FakeTelegramServer]:
    async with FakeTelegramServer(api, stall_seconds=LIMIT) as server:
        yield server


@pytest.mark.filterwarnings("ignore:.*retry_after.*:telegram.warnings.PTBDeprecationWarning")
async def test_http_server_with_default_transport(server: FakeTelegramServer, api: FakeBotApi) -> None:
    assert server.port != 0
    async with Bot(TOKEN, base_url=server.base_url) as bot:
        assert (await bot.get_me()).username == "BackCoachBot"
        sent = await bot.send_message(USER, "123", reply_markup=keyboard([("Go", "go")]))
        assert sent.text == "123" and sent.reply_markup is not None
        assert api.last(USER).text == "123" and api.buttons(api.last(USER)) == [[("Go", "go")]]
        api.fail("sendMessage", status=429, description="Too Many Requests: retry after 3", retry_after=3)
        with pytest.raises(RetryAfter):
            await bot.send_message(USER, "x")
        with pytest.raises(BadRequest, match=ci("can't parse entities")):
            await bot.send_message(USER, "<b>x", parse_mode="HTML")


async def test_http_stall_is_a_timeout(server: FakeTelegramServer, api: FakeBotApi) -> None:
    api.stall("sendMessage")
    request = HTTPXRequest(read_timeout=0.1)
    async with Bot(TOKEN, base_url=server.base_url, request=request) as bot:
        with pytest.raises(TimedOut):
            await asyncio.wait_for(bot.send_message(USER, "slow"), LIMIT)
    assert api.sent == []


async def test_http_test_endpoints(server: FakeTelegramServer, api: FakeBotApi) -> None:
    async with (
        httpx.AsyncClient(base_url=server.url, timeout=LIMIT) as client,
        Bot(TOKEN, base_url=server.base_url) as bot,
    ):
        response = await client.post(
            "/_test/message", json={"chat_id": 2002, "text": "/start", "first_name": "Bo"}
        )
        assert response.status_code == 200
        (update,) = await bot.get_updates(timeout=1)
        assert update.message is not None and update.message.text == "/start"
        assert update.message.from_user is not None and update.message.from_user.first_name == "Bo"

        sent = await bot.send_message(2002, "Ready?", reply_markup=keyboard([("Yes", "yes")]))
        response = await client.get("/_test/sent", params={"chat_id": 2002})
        records = response.json()["result"]
        assert [
            (r["text"], r["message_id"], r["reply_markup"]["inline_keyboard"][0][0]["callback_data"])
            for r in records
        ] == [("Ready?", sent.message_id, "yes")]

        response = await client.post(
            "/_test/callback", json={"chat_id": 2002, "message_id": sent.message_id, "data": "yes"}
        )
        assert response.status_code == 200
        response = await client.post("/_test/callback", json={"chat_id": 2002, "button": "Yes"})
        assert response.status_code == 200
        updates = await bot.get_updates(offset=update.update_id + 1, timeout=1)
        assert [u.callback_query.data for u in updates if u.callback_query] == ["yes", "yes"]

        assert (await client.post("/_test/block", json={"chat_id": 2002})).status_code == 200
        with pytest.raises(Forbidden):
            await bot.send_message(2002, "x")
        await client.post("/_test/block", json={"chat_id": 2002, "blocked": False})
        await client.post(
            "/_test/fail", json={"method": "sendMessage", "status": 502, "description": "Bad Gateway"}
        )
        with pytest.raises(NetworkError):
            await bot.send_message(2002, "x")

        assert (await client.post("/_test/clear")).status_code == 200
        assert (await client.get("/_test/sent")).json()["result"] == []
        bad = await client.post("/_test/callback", json={"chat_id": 2002, "message_id": 999, "data": "x"})
        assert bad.status_code == 400 and bad.json()["ok"] is False
        missing = await client.get("/nowhere")
        assert missing.status_code == 404 and missing.json()["description"] == "Not Found"


async def test_http_accepts_json_bodies_and_unknown_methods(
    server: FakeTelegramServer, api: FakeBotApi
) -> None:
    async with httpx.AsyncClient(base_url=server.url, timeout=LIMIT) as client:
        response = await client.post(f"/bot{TOKEN}/sendMessage", json={"chat_id": USER, "text": "json body"})
        assert response.json()["result"]["text"] == "json body"
        response = await client.get(f"/bot{TOKEN}/getMe")
        assert response.json()["result"]["username"] == "BackCoachBot"
        response = await client.post(f"/bot{TOKEN}/sendTelepathy")
        assert response.status_code == 404 and response.json()["description"] == "Not Found"


async def test_http_get_chat_member_follows_the_member_control(
    server: FakeTelegramServer, api: FakeBotApi
) -> None:
    api.group_chat(-4242, "Club")
    api.user(31)
    async with httpx.AsyncClient(base_url=server.url, timeout=LIMIT) as client:

        async def status() -> str:
            response = await client.post(f"/bot{TOKEN}/getChatMember", json={"chat_id": -4242, "user_id": 31})
            return str(response.json()["result"]["status"])

        assert await status() == "member"
        await client.post("/_test/member", json={"chat_id": -4242, "user_id": 31, "status": "administrator"})
        assert await status() == "administrator"
        await client.post("/_test/member", json={"chat_id": -4242, "user_id": 31, "status": "creator"})
        assert await status() == "creator"
        bad = await client.post("/_test/member", json={"chat_id": -4242, "user_id": 31, "status": "king"})
        assert bad.status_code == 400
        unknown = await client.post(f"/bot{TOKEN}/getChatMember", json={"chat_id": -4242, "user_id": 99})
        assert unknown.status_code == 400
