"""Shared plumbing for the benchmarks: child processes, the bench server's control API, the test DB."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.coach.model import Equipment, Level
from storage.db import create_engine
from storage.migrate import upgrade
from storage.models import Chat, WorkoutLog

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable
TOKEN = "123456:BENCH-token-for-the-loopback-server-only"
PG_URL = os.environ.get("BENCH_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
FIRST_CHAT = 10_000_001
ZONES = ("UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney")


def child_env() -> dict[str, str]:
    # Nothing from the developer's .env or environment may change what is measured.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
    env["PYTHONPATH"] = f"{ROOT}{os.pathsep}{HERE}"
    return env


@contextlib.contextmanager
def child(args: Sequence[str], *, cwd: Path | None = None, stdout: Any = subprocess.PIPE) -> Iterator[Any]:
    """A child process that is always ended (SIGINT, then SIGKILL) when the block exits."""
    process = subprocess.Popen(
        [PY, *args], cwd=cwd or ROOT, env=child_env(), stdout=stdout, stderr=subprocess.STDOUT, text=True
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)


@contextlib.contextmanager
def bench_server() -> Iterator[str]:
    """Start benchmarks/benchserver.py on a free loopback port; yields its base URL."""
    with child([str(HERE / "benchserver.py"), "--port", "0"]) as process:
        line = process.stdout.readline()
        match = re.match(r"PORT (\d+)", line)
        if not match:
            raise RuntimeError(f"bench server did not start: {line!r}")
        yield f"http://127.0.0.1:{match.group(1)}"


@contextlib.contextmanager
def fake_server() -> Iterator[str]:
    """The project's HTTP test double (fakeapi.server) in its own process, accepting any chat."""
    port = free_port()
    with child(["-m", "fakeapi.server", "--port", str(port), "--auto-chats"]) as process:
        line = process.stdout.readline()
        if "listening" not in line:
            raise RuntimeError(f"fake server did not start: {line!r}")
        yield f"http://127.0.0.1:{port}"


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def control(base: str, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    """Call the bench server's control API (blocking; only used between measurements)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method="GET" if data is None else "POST")
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=30) as response:
        result: dict[str, Any] = json.loads(response.read())
        return result


def wait_until(predicate: Any, timeout: float, interval: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False


def rss_mb_of(pid: int) -> float:
    with contextlib.suppress(OSError), open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


# --- database ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Population:
    chats: int
    due: int = 0
    history: bool = False  # a few weeks of logged workouts per chat, for realistic /streak and Done


async def make_schema(url: str) -> None:
    if url.startswith("sqlite"):
        for suffix in ("", "-wal", "-shm"):
            Path(url.partition(":///")[2] + suffix).unlink(missing_ok=True)  # noqa: ASYNC240 (set-up)
    if url.startswith("postgresql"):
        engine = create_engine(url)
        try:
            async with engine.begin() as conn:
                await conn.execute(text("DROP SCHEMA public CASCADE"))
                await conn.execute(text("CREATE SCHEMA public"))
        finally:
            await engine.dispose()
    await upgrade(url)


async def populate(url: str, population: Population, now: datetime, seed: int = 7) -> None:
    """Onboarded chats inserted in bulk (core executemany); ``due`` of them due at ``now``."""
    await make_schema(url)
    engine = create_engine(url)
    try:
        await _insert_chats(engine, population, now, seed)
    finally:
        await engine.dispose()


def _half_a_day_away(now: datetime, zone: str) -> int:
    local = (now + timedelta(hours=12)).astimezone(ZoneInfo(zone))
    return local.hour * 60 + local.minute


async def _insert_chats(engine: AsyncEngine, population: Population, now: datetime, seed: int) -> None:
    rng = random.Random(seed)
    levels, kit = list(Level), list(Equipment)
    due_every = population.chats // population.due if population.due else 0
    later = now + timedelta(days=2)
    batch: list[dict[str, Any]] = []
    logs: list[dict[str, Any]] = []
    async with engine.begin() as conn:
        for index in range(population.chats):
            chat_id = FIRST_CHAT + index
            is_due = bool(due_every) and index % due_every == 0 and index // due_every < population.due
            # Spread "later" over two days so the index has a realistic spread of keys.
            at = now - timedelta(seconds=5) if is_due else later + timedelta(seconds=index % 172_800)
            batch.append(
                {
                    "id": chat_id,
                    "kind": "private",
                    "title": f"User {chat_id}",
                    "level": levels[index % 3],
                    "equipment": kit[index % 2],
                    "timezone": ZONES[index % len(ZONES)],
                    # The chats' real slots lie half a day away: a reminder or nudge genuinely due during a
                    # run would be a second message to the chat, which the fan-out counts as a duplicate.
                    "reminder_minute": _half_a_day_away(now, ZONES[index % len(ZONES)]),
                    "onboarding_step": None,
                    "next_reminder_at": at,
                    "next_reminder_kind": "workout",
                    "next_reminder_day": at.date(),
                    "created_at": now - timedelta(days=60),
                    "updated_at": now - timedelta(days=1),
                }
            )
            if population.history:
                for week in range(rng.randint(0, 6)):
                    logs.append(
                        {
                            "chat_id": chat_id,
                            "local_date": (now - timedelta(days=7 * week + 2)).date(),
                            "user_id": chat_id,
                            "user_name": "U",
                            "session_number": 1 + week,
                            "logged_at": now - timedelta(days=7 * week + 2),
                        }
                    )
            if len(batch) >= 20_000:
                await conn.execute(insert(Chat), batch)
                batch.clear()
        if batch:
            await conn.execute(insert(Chat), batch)
        for start in range(0, len(logs), 20_000):
            await conn.execute(insert(WorkoutLog), logs[start : start + 20_000])


def today() -> date:
    return datetime.now(UTC).date()


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def fmt(value: float, digits: int = 1) -> str:
    return f"{value:,.{digits}f}"


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A Markdown table, so the output pastes straight into BENCHMARKS.md."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |"
    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    body = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in cells]
    return "\n".join([line, rule, *body])
