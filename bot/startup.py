"""One line for each way start-up can fail, naming the setting to check.

An operator reading ``journalctl`` wants "could not reach the database at db:5432 (connection
refused) — check DATABASE_URL", not a 150-line traceback ending in an asyncpg internal; the
traceback is still logged at ``LOG_LEVEL=DEBUG``.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError
from telegram.error import BadRequest, NetworkError, TelegramError


def _chain(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _cause(error: BaseException) -> str:
    """What went wrong underneath, in a few words."""
    for link in _chain(error):
        if isinstance(link, socket.gaierror) or "name or service not known" in str(link).lower():
            return "DNS lookup failed"
        if isinstance(link, ConnectionRefusedError) or "connection refused" in str(link).lower():
            return "connection refused"
        if isinstance(link, PermissionError) or "permission denied" in str(link).lower():
            return "permission denied"
        if isinstance(link, TimeoutError):
            return "timed out"
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text[:200]


def database_host(url: str) -> str:
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):  # a port that is no number is a ValueError
        return "?"
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return f"{parsed.host or 'localhost'}:{parsed.port or 5432}"


def explain_database(error: BaseException, url: str) -> str:
    where = database_host(url)
    if isinstance(error, NoSuchModuleError | ArgumentError) or where == "?":
        return f"DATABASE_URL is not a database address this bot knows ({_cause(error)}) — check DATABASE_URL"
    text = " ".join(str(link) for link in _chain(error)).lower()
    if "not a database" in text or "malformed" in text or "unsupported file format" in text:
        return f"the database {where} cannot be read (not a database, or damaged) — check DATABASE_URL"
    if "unable to open database file" in text or "readonly database" in text:
        return (
            f"cannot open the database file {where} (missing directory or permission denied) — "
            "check DATABASE_URL"
        )
    return f"could not open the database at {where} ({_cause(error)}) — check DATABASE_URL"


def explain_telegram(error: TelegramError, base_url: str) -> str:
    host = base_url.split("//", 1)[-1].split("/", 1)[0]
    if isinstance(error, NetworkError) and not isinstance(error, BadRequest):
        return (
            f"could not reach the Bot API at {host} ({_cause(error)}) — check TELEGRAM_BASE_URL and the "
            "network"
        )
    return f"could not start: the Bot API answered {type(error).__name__}: {error}"


def is_database_error(error: BaseException) -> bool:
    return any(isinstance(link, SQLAlchemyError | DBAPIError) for link in _chain(error)) or any(
        type(link).__module__.startswith(("sqlite3", "asyncpg", "aiosqlite")) for link in _chain(error)
    )


def sqlite_file_problem(url: str) -> str | None:
    """Why an SQLite file cannot be opened, found before any driver tries (and fails noisily)."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    path = Path(str(parsed.database))
    directory = path.parent
    if not directory.is_dir():
        return (
            f"cannot open the database file {path}: the directory {directory} does not exist — "
            "check DATABASE_URL"
        )
    target = path if path.exists() else directory
    if not os.access(target, os.R_OK | os.W_OK):
        return f"cannot open the database file {path} (permission denied) — check DATABASE_URL"
    return None
