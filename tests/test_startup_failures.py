"""Each way start-up fails is one line naming the setting to check; the traceback only at DEBUG.

The real `backcoach run` as a process, pointed at things that are not there.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError
from telegram.error import NetworkError

from bot.startup import explain_database, explain_telegram
from tests.processes import finish, start_bot

TOKEN = "616263646:AAF-startup-test-token-value-000000"
# Nothing listens on port 1 on loopback: connections are refused at once.
REFUSED_DB = "postgresql+asyncpg://postgres@127.0.0.1:1/backcoach"


async def start_up(tmp_path: Path, level: str = "INFO", **settings: str) -> tuple[int | None, str]:
    env = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BASE_URL": "http://127.0.0.1:1/bot",
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/ok.db",
        "LOG_LEVEL": level,
    } | settings
    process = await start_bot("run", cwd=tmp_path, **env)
    log = await finish(process, stop=None, within=60)
    return process.returncode, log


def garbage_file(tmp_path: Path) -> Path:
    path = tmp_path / "garbage.db"
    path.write_bytes(b"this is not a database, just some text\n" * 200)
    return path


@pytest.mark.slow
@pytest.mark.parametrize(
    ("case", "expected", "setting"),
    [
        (
            "database refused",
            "could not open the database at 127.0.0.1:1 (connection refused)",
            "DATABASE_URL",
        ),
        ("database unreadable", "cannot be read", "DATABASE_URL"),
        ("database missing directory", "cannot open the database file", "DATABASE_URL"),
        ("unknown scheme", "DATABASE_URL", "DATABASE_URL"),
        (
            "Bot API refused",
            "could not reach the Bot API at 127.0.0.1:1 (connection refused)",
            "TELEGRAM_BASE_URL",
        ),
        ("Bot API DNS", "(DNS lookup failed)", "TELEGRAM_BASE_URL"),
    ],
)
async def test_each_start_up_failure_is_one_line(
    tmp_path: Path, case: str, expected: str, setting: str
) -> None:
    settings = {
        "database refused": {"DATABASE_URL": REFUSED_DB},
        "database unreadable": {"DATABASE_URL": f"sqlite+aiosqlite:///{garbage_file(tmp_path)}"},
        "database missing directory": {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/no/such/dir/x.db"},
        "unknown scheme": {"DATABASE_URL": "mysql://root@127.0.0.1/backcoach"},
        "Bot API refused": {},
        "Bot API DNS": {"TELEGRAM_BASE_URL": "http://backcoach-test.invalid/bot"},
    }[case]
    status, log = await start_up(tmp_path, **settings)
    assert status not in (None, 0), log
    lines = [line for line in log.splitlines() if expected in line]
    assert len(lines) == 1 and setting in lines[0], log
    assert "Traceback" not in log and "Unclosed" not in log, log
    assert TOKEN.split(":")[1] not in log


@pytest.mark.slow
async def test_the_traceback_is_there_at_debug(tmp_path: Path) -> None:
    status, log = await start_up(tmp_path, level="DEBUG", DATABASE_URL=REFUSED_DB)
    assert status == 1 and "Traceback" in log and "connection refused" in log, log


def test_permission_denied_names_the_setting() -> None:
    try:
        raise PermissionError(13, "Permission denied")
    except PermissionError as cause:
        try:
            raise OperationalError("connect", {}, cause) from cause
        except OperationalError as error:
            line = explain_database(error, "postgresql+asyncpg://bot@db.internal:5433/coach")
    assert line == "could not open the database at db.internal:5433 (permission denied) — check DATABASE_URL"
    try:
        raise socket.gaierror(-2, "Name or service not known")
    except socket.gaierror as cause:
        try:
            raise NetworkError("aiohttp: ClientConnectorDNSError") from cause
        except NetworkError as error:
            line = explain_telegram(error, "https://api.telegram.org/bot")
    assert "api.telegram.org (DNS lookup failed) — check TELEGRAM_BASE_URL" in line
