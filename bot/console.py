"""``backcoach chat``: the real Application and handlers in a terminal, with no Telegram and no token.

Updates go through the in-process Bot API double, so what you see here is exactly what a chat would get;
inline buttons are shown as numbered choices, pressed by typing ``#3`` or ``[3]``, and a button's toast or
alert (answerCallbackQuery) as a line of its own. A bare number is a message like any other: "3" may be
the answer to a question, and it must not press a button by accident. A terminal cannot show a photo or a
document: the /progress chart and the /export CSV are saved in a temporary directory of the run's own (made
on the first file), and the chat prints each file's full path, so nothing lands unannounced in the
directory the chat was started from.

The chat keeps its chats and logs where the bot would: ``DATABASE_URL`` when it is set (the environment or
``.env``), migrated as ``backcoach run`` migrates it; else a SQLite file of its own, ``backcoach-console.db``
in the current directory. It names the database it uses, never with its password.
"""

from __future__ import annotations

import asyncio
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bot.app import build_application
from bot.settings import Settings
from bot.startup import explain_database, sqlite_file_problem
from fakeapi import CallbackAnswer, FakeBotApi, FakeRequest, SentMessage, drive
from storage.db import create_engine
from storage.migrate import upgrade

CONSOLE_DB = "sqlite+aiosqlite:///backcoach-console.db"
CONSOLE_TOKEN = "1:console"
USER_ID = 1
HELP = (
    "Back Coach in your terminal. Type /start or a question; #3 (or [3]) presses button [3], and a bare "
    "number is sent as a message. /quit leaves.\n"
)
# "#3", "# 3", "[3]", "[ 3 ]": a press, and only when that is the whole line.
_PRESS = re.compile(r"#\s*(\d{1,3})|\[\s*(\d{1,3})\s*\]")


def console_database(config: Settings) -> str:
    """The operator's DATABASE_URL when they set one, as ``backcoach run`` would use it; else the console's
    own file, so trying the coach out never writes into the bot's default database unasked."""
    return config.database_url if "database_url" in config.model_fields_set else CONSOLE_DB


def shown_database(url: str) -> str:
    """The database as the console names it: the URL with its password hidden (secrets never reach a
    terminal's scrollback, a pasted transcript or a log)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "the database DATABASE_URL names"


def button_number(line: str) -> int | None:
    """The button a typed line presses ("#3" or "[3]" is button 3), or None: the line is a message."""
    found = _PRESS.fullmatch(line.strip())
    return None if found is None else int(found.group(1) or found.group(2))


def no_button(number: int, buttons: int) -> str:
    """Why a typed press went nowhere: the last message with buttons has fewer, or there is none yet."""
    if not buttons:
        return f"\n  (no buttons to press yet, so #{number} pressed nothing)\n"
    return f"\n  (no button {number}: the last buttons are 1 to {buttons})\n"


def show(message: SentMessage, write: Callable[[str], object]) -> list[tuple[str, str]]:
    """Print one bot message; return its buttons in the order they were numbered."""
    marker = "(edited) " if message.method.startswith("edit") else ""
    write(f"\ncoach> {marker}{message.plain_text or message.text or ''}\n")
    choices = [button for row in FakeBotApi.buttons(message) for button in row]
    for number, (label, _data) in enumerate(choices, start=1):
        write(f"   [{number}] {label}\n")
    return choices


class SavedFiles:
    """Where a chat run's files go: a new temporary directory, made when the first file arrives.

    A second chart does not overwrite the first: ``progress.png``, then ``progress-2.png``.
    """

    def __init__(self) -> None:
        self.directory: Path | None = None

    def save(self, filename: str, content: bytes) -> Path:
        if self.directory is None:
            self.directory = Path(tempfile.mkdtemp(prefix="backcoach-chat-"))
        name = Path(Path(filename).name or "file")  # a name, never a path out of the directory
        path, number = self.directory / name, 1
        while path.exists():
            number += 1
            path = self.directory / f"{name.stem}-{number}{name.suffix}"
        path.write_bytes(content)
        return path


def show_answer(answer: CallbackAnswer, write: Callable[[str], object]) -> None:
    """A button press's answer: Telegram shows its text as a toast, or as an alert to dismiss."""
    if answer.text:
        write(f"\n  {'⚠ alert' if answer.show_alert else 'toast'}: {answer.text}\n")


async def console(config: Settings, database_url: str | None = None) -> int:
    database_url = console_database(config) if database_url is None else database_url
    # One line naming what to check, as ``backcoach run`` says it: a traceback could quote the URL.
    problem = sqlite_file_problem(database_url)
    if problem is None:
        try:
            await upgrade(database_url)
        except Exception as error:
            problem = explain_database(error, database_url)
    if problem is not None:
        sys.stderr.write(f"backcoach chat: {problem}\n")
        return 2
    api = FakeBotApi(token=CONSOLE_TOKEN)
    api.user(USER_ID, first_name="You")
    api.private_chat(USER_ID)
    request = FakeRequest(api)
    app = build_application(
        config, create_engine(database_url), token=CONSOLE_TOKEN, request=request, rate_limit=False
    )
    write = sys.stdout.write
    write(HELP)
    write(f"(Chats and logs are kept in {shown_database(database_url)}.)\n")
    choices: list[tuple[str, str]] = []
    last_with_buttons = 0
    saved = SavedFiles()
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
            number = button_number(line)
            if number is None:
                update = api.make_message(USER_ID, USER_ID, line)
            elif 1 <= number <= len(choices):
                update = api.make_callback(USER_ID, USER_ID, last_with_buttons, choices[number - 1][1])
            else:
                write(no_button(number, len(choices)))
                continue
            await drive(app, update)
            for answer in api.callback_answers[answered:]:
                show_answer(answer, write)
            for message in api.sent[before:]:
                shown = show(message, write)
                if shown:
                    choices, last_with_buttons = shown, message.message_id
            for sent_file in api.files[files_before:]:
                path = await asyncio.to_thread(saved.save, sent_file.filename, sent_file.content)
                caption = f" — {sent_file.caption}" if sent_file.caption else ""
                write(f"\ncoach> 📎 saved {path} ({len(sent_file.content):,} bytes){caption}\n")
            sys.stdout.flush()
        await app.post_shutdown(app)  # type: ignore[misc]
    if saved.directory is not None:
        write(f"\nThis chat's files are in {saved.directory}\n")
    return 0


def run_console(config: Settings) -> int:
    return asyncio.run(console(config))
