"""``backcoach chat``: the real Application and handlers in a terminal, with no Telegram and no token.

Updates go through the in-process Bot API double, so what you see here is exactly what a chat would get;
inline buttons are shown as numbered choices, and a button's toast or alert (answerCallbackQuery) as a
line of its own.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from pathlib import Path

from bot.app import build_application
from bot.settings import Settings
from fakeapi import CallbackAnswer, FakeBotApi, FakeRequest, SentMessage, drive
from storage.db import create_engine
from storage.migrate import upgrade

CONSOLE_DB = "sqlite+aiosqlite:///backcoach-console.db"
CONSOLE_TOKEN = "1:console"
USER_ID = 1


def show(message: SentMessage, write: Callable[[str], object]) -> list[tuple[str, str]]:
    """Print one bot message; return its buttons in the order they were numbered."""
    marker = "(edited) " if message.method.startswith("edit") else ""
    write(f"\ncoach> {marker}{message.plain_text or message.text or ''}\n")
    choices = [button for row in FakeBotApi.buttons(message) for button in row]
    for number, (label, _data) in enumerate(choices, start=1):
        write(f"   [{number}] {label}\n")
    return choices


def show_answer(answer: CallbackAnswer, write: Callable[[str], object]) -> None:
    """A button press's answer: Telegram shows its text as a toast, or as an alert to dismiss."""
    if answer.text:
        write(f"\n  {'⚠ alert' if answer.show_alert else 'toast'}: {answer.text}\n")


async def console(config: Settings, database_url: str = CONSOLE_DB) -> None:
    await upgrade(database_url)
    api = FakeBotApi(token=CONSOLE_TOKEN)
    api.user(USER_ID, first_name="You")
    api.private_chat(USER_ID)
    request = FakeRequest(api)
    app = build_application(
        config, create_engine(database_url), token=CONSOLE_TOKEN, request=request, rate_limit=False
    )
    write = sys.stdout.write
    write("Back Coach in your terminal. Type /start, a question, or a button's number; /quit leaves.\n")
    choices: list[tuple[str, str]] = []
    last_with_buttons = 0
    async with app:
        await app.post_init(app)  # type: ignore[misc]
        while True:
            try:
                line = (await asyncio.to_thread(input, "\nyou> ")).strip()
            except (EOFError, KeyboardInterrupt):
                break
            if line in {"/quit", "/exit"}:
                break
            before, answered, files_before = len(api.sent), len(api.callback_answers), len(api.files)
            if line.isdigit() and choices and 1 <= int(line) <= len(choices):
                update = api.make_callback(USER_ID, USER_ID, last_with_buttons, choices[int(line) - 1][1])
            else:
                update = api.make_message(USER_ID, USER_ID, line)
            await drive(app, update)
            for answer in api.callback_answers[answered:]:
                show_answer(answer, write)
            for message in api.sent[before:]:
                shown = show(message, write)
                if shown:
                    choices, last_with_buttons = shown, message.message_id
            for sent_file in api.files[files_before:]:
                # A terminal cannot show a photo: the chart or export lands beside the console's database.
                await asyncio.to_thread(Path(sent_file.filename).write_bytes, sent_file.content)
                caption = f" — {sent_file.caption}" if sent_file.caption else ""
                write(f"\ncoach> 📎 saved {sent_file.filename} ({len(sent_file.content)} bytes){caption}\n")
            sys.stdout.flush()
        await app.post_shutdown(app)  # type: ignore[misc]


def run_console(config: Settings) -> int:
    asyncio.run(console(config))
    return 0
