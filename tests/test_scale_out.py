"""Scale-out and fault tolerance of the reminder dispatcher, against the Bot API double in its own process.

* A fan-out of 10,000 chats (6,000 on SQLite, see FANOUT_CHATS) due at one instant, sent through real
  HTTP while the server injects 429s (``retry_after`` 1 s), 500s, stalls past the client's timeout,
  dropped connections and a few deliveries whose answer is lost, and a set of chats that blocked the bot:
  every other chat gets exactly one reminder (a second copy only where the server acted but withheld the
  answer), blocked chats are deactivated, and no chat is sent to sooner than a 429's ``retry_after``
  allowed.
* Three replicas (``tests/replica_worker.py``, the bot's own reminder service) on one database under a
  30/s cap (``benchmarks/replicas.py``): only the leader sends, at the whole budget, with no 429; the
  leader is SIGKILLed midway and another replica takes the lead within 15 s; nothing is lost and the
  duplicates are at most what the dead leader had in flight.

Real time throughout (retry_after and leases are wall-clock), bounded by deadlines; every child process is
ended in ``finally``. Figures are printed (``pytest -s`` shows them).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import sys
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from telegram import Bot
from telegram.error import NetworkError, RetryAfter, TimedOut

from benchmarks.children import ROOT, child_env, stop_process
from benchmarks.replicas import run_fleet
from bot.coach import rules
from bot.coach.knowledge import KnowledgeBase
from bot.coach.model import Equipment, Level
from bot.reminder_sender import TelegramSender
from bot.request import AiohttpRequest
from fakeapi import FakeBotApi, FakeRequest
from fakeapi.server import parse_fault
from scheduler.dispatch import Content, DispatchConfig, RunReport, drain
from scheduler.messages import Rendered
from storage.db import create_engine, make_sessionmaker
from storage.models import Base, Chat, Outbox
from storage.records import OutboxKind, OutboxStatus

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX signals")

TOKEN = "123:SCALE"
PG_URL = os.environ.get("TEST_DATABASE_URL", "")
FIRST_CHAT = 1_000_000
CHATS = 10_000
# The fan-out under faults, per backend. The dispatcher costs about 5 ms of CPU per reminder in one process
# (claim and lease are a few queries per row), so 10,000 take about 55 s on PostgreSQL with two tick loops
# on a 2-CPU machine, and about 80 s on SQLite, whose single connection serialises every claim, lease and
# outcome: SQLite runs 6,000 to stay under a minute. SCALE_OUT_CHATS=10000 runs the full size on both.
FANOUT_CHATS = {
    backend: int(os.environ.get("SCALE_OUT_CHATS", default))
    for backend, default in (("sqlite", 6_000), ("postgresql", CHATS))
}  # Every 97th chat has blocked the bot (103 of 10,000).
BLOCK_EVERY = 97
# The client gives up on a stalled request after this long; the server holds it for STALL_SECONDS.
READ_TIMEOUT = 1.0
STALL_SECONDS = 3.0
FANOUT_DEADLINE = 120.0
# Tick loops side by side in the test process on PostgreSQL, as two replicas would run (SKIP LOCKED and
# leases keep them apart): while one waits on a stalled send, the other works. On SQLite the bot runs one
# process with one run at a time (bot.reminder_job), and so does this test.
TICK_LOOPS = {"sqlite": 1, "postgresql": 2}
SEED = 20_261_126
# Three replicas at REMINDER_MAX_PER_SECOND=29.4 under a 30/s cap: about 17 s of sends on each side of
# the kill, and up to 12 s of takeover between (benchmarks/replicas.py runs 5,000).
FLEET_CHATS = 1000
FLEET_CONCURRENCY = 8
FLEET_BOUND = 120.0


# ------------------------------------------------------------------------------------- the server


@dataclass
class ServerProcess:
    process: asyncio.subprocess.Process
    port: int
    client: httpx.AsyncClient

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    async def control(self, path: str, body: dict[str, Any] | None = None, **params: str) -> Any:
        if body is None:
            response = await self.client.get(path, params=params)
        else:
            response = await self.client.post(path, json=body)
        response.raise_for_status()
        return response.json()["result"]

    async def counts(self, *, per_chat: bool = True) -> dict[str, Any]:
        result: dict[str, Any] = await self.control("/_test/counts", per_chat="1" if per_chat else "0")
        return result


def tail(log: Path) -> str:
    return log.read_text(errors="replace")[-3000:]


@contextlib.asynccontextmanager
async def fake_server(log: Path, *args: str) -> AsyncIterator[ServerProcess]:
    """``python -m fakeapi.server --port 0`` in its own process; the port is read off its first line."""
    # The server's log (tornado warns about every 4xx/5xx it answers) goes to a file: an unread pipe would
    # fill up and freeze the server.
    with log.open("wb") as sink:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-u",
            "-m",
            "fakeapi.server",
            "--port",
            "0",
            "--auto-chats",
            "--stall-seconds",
            str(STALL_SECONDS),
            *args,
            cwd=ROOT,
            env=child_env(),
            stdout=asyncio.subprocess.PIPE,
            stderr=sink,
        )
    try:
        assert process.stdout is not None
        line = (await asyncio.wait_for(process.stdout.readline(), 30)).decode()
        match = re.match(r"port=(\d+) ", line)
        assert match, f"fake server did not start: {line!r}; log: {tail(log)}"
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{match.group(1)}", timeout=30) as client:
            yield ServerProcess(process, int(match.group(1)), client)
    finally:
        await stop_process(process)


# ------------------------------------------------------------------------------------- the database


def chat_ids(count: int = CHATS) -> list[int]:
    return list(range(FIRST_CHAT, FIRST_CHAT + count))


def blocked_ids(ids: Sequence[int]) -> list[int]:
    return [chat_id for index, chat_id in enumerate(ids) if index % BLOCK_EVERY == BLOCK_EVERY - 1]


async def populate(engine: AsyncEngine, ids: Sequence[int], due: datetime) -> None:
    """Onboarded chats, all with a workout reminder due at ``due``, inserted with core executemany."""
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
        levels, kit = list(Level), list(Equipment)
        rows = [
            {
                "id": chat_id,
                "kind": "private",
                "level": levels[index % len(levels)].value,
                "equipment": kit[index % len(kit)].value,
                "timezone": "UTC",
                "onboarding_step": None,
                "next_reminder_at": due,
                "next_reminder_kind": OutboxKind.WORKOUT,
                "next_reminder_day": due.date(),
                "created_at": due - timedelta(days=30),
                "updated_at": due - timedelta(days=1),
            }
            for index, chat_id in enumerate(ids)
        ]
        for start in range(0, len(rows), 5_000):
            await connection.execute(insert(Chat), rows[start : start + 5_000])


async def remaining(sessionmaker: async_sessionmaker[AsyncSession]) -> int:
    now = datetime.now(UTC)
    async with sessionmaker() as session:
        pending = await session.scalar(select(func.count()).where(Outbox.status == OutboxStatus.PENDING))
        due = await session.scalar(
            select(func.count()).where(Chat.active.is_(True), Chat.next_reminder_at <= now)
        )
    return (pending or 0) + (due or 0)


async def outbox_statuses(sessionmaker: async_sessionmaker[AsyncSession]) -> dict[str, int]:
    async with sessionmaker() as session:
        rows = await session.execute(select(Outbox.status, func.count()).group_by(Outbox.status))
        return {status: count for status, count in rows.all()}


@contextlib.asynccontextmanager
async def pg_schema() -> AsyncIterator[tuple[AsyncEngine, str]]:
    """A fresh PostgreSQL schema (as in conftest), with an engine whose pool fits the dispatcher."""
    schema = f"bc_scale_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    try:
        async with admin.begin() as connection:
            await connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        engine = create_engine(
            PG_URL, connect_args={"server_settings": {"search_path": schema}}, pool_size=20, max_overflow=0
        )
        try:
            yield engine, schema
        finally:
            await engine.dispose()
    finally:
        async with admin.begin() as connection:
            await connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        await admin.dispose()


@contextlib.asynccontextmanager
async def database(backend: str, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    if backend == "sqlite":
        engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/scale.db")
        try:
            yield engine
        finally:
            await engine.dispose()
        return
    async with pg_schema() as (engine, _schema):
        yield engine


# ------------------------------------------------------------------------------------- helpers


def utcnow() -> datetime:
    return datetime.now(UTC)


def add(total: RunReport, report: RunReport) -> None:
    for item in fields(RunReport):
        setattr(total, item.name, getattr(total, item.name) + getattr(report, item.name))


def content() -> Content:
    return Content.build(rules.shipped(), KnowledgeBase.load())


def client_request(pool: int) -> AiohttpRequest:
    """The bot's own transport, with a short timeout so a stalled send is given up on quickly."""
    return AiohttpRequest(
        connection_pool_size=pool,
        read_timeout=READ_TIMEOUT,
        connect_timeout=READ_TIMEOUT,
        pool_timeout=READ_TIMEOUT,
    )


@dataclass
class Tally:
    """What the server recorded, judged against who should have got what."""

    per_chat: dict[int, int]
    lost: list[int] = field(default_factory=list)
    duplicates: int = 0
    unexplained_duplicates: list[int] = field(default_factory=list)
    to_blocked: list[int] = field(default_factory=list)


def tally(counts: dict[str, Any], expected: Sequence[int], blocked: Sequence[int]) -> Tally:
    per_chat = {int(chat): count for chat, count in counts["per_chat"].items()}
    ambiguous: dict[int, int] = {}
    for _method, chat_id in counts["unanswered_deliveries"]:
        ambiguous[chat_id] = ambiguous.get(chat_id, 0) + 1
    result = Tally(per_chat)
    for chat_id in expected:
        count = per_chat.get(chat_id, 0)
        if count == 0:
            result.lost.append(chat_id)
        result.duplicates += max(0, count - 1)
        # A copy beyond the first is allowed only where the server acted and withheld the answer.
        if count - 1 > ambiguous.get(chat_id, 0):
            result.unexplained_duplicates.append(chat_id)
    result.to_blocked = [chat_id for chat_id in blocked if per_chat.get(chat_id)]
    return result


# ------------------------------------------------------------------------------------- fault injection


@pytest.mark.filterwarnings("ignore:.*retry_after.*:telegram.warnings.PTBDeprecationWarning")
async def test_faults_at_a_rate_every_kth_per_chat_and_reproducible() -> None:
    api = FakeBotApi(auto_create_chats=True)
    api.inject("sendMessage", status=429, retry_after=1, every=3)
    api.inject("sendMessage", chat_ids=[5, 6], status=500)
    api.inject("sendMessage", drop=True, rate=0.5, seed=1, limit=2)
    outcomes = []
    for chat_id in range(1, 9):
        try:
            status, _payload = await api.call("sendMessage", {"chat_id": chat_id, "text": "hi"})
            outcomes.append(status)
        except Exception as error:
            outcomes.append(type(error).__name__)
    # Call 3 and 6 are 429s (every 3rd), chats 5 and 6 get 500s, two of the rest are dropped at random.
    assert outcomes[2] == 429 and outcomes[5] == 429 and outcomes[4] == 500
    assert outcomes.count("DroppedConnection") == 2
    assert api.injected == {"429": 2, "500": 1, "drop": 2}

    again = FakeBotApi(auto_create_chats=True)
    again.inject("sendMessage", drop=True, rate=0.5, seed=1)
    first = [await _dropped(again, chat_id) for chat_id in range(20)]
    again = FakeBotApi(auto_create_chats=True)
    again.inject("sendMessage", drop=True, rate=0.5, seed=1)
    assert [await _dropped(again, chat_id) for chat_id in range(20)] == first, "same seed, same faults"

    # Over PTB: a drop is a network error, a stall a timeout, and a resend inside retry_after is recorded.
    api = FakeBotApi(auto_create_chats=True)
    async with Bot(TOKEN, request=FakeRequest(api)) as bot:
        api.inject("sendMessage", 7, drop=True, limit=1)
        with pytest.raises(NetworkError):
            await bot.send_message(7, "x")
        api.inject("sendMessage", 7, stall=True, deliver=True, limit=1)
        with pytest.raises(TimedOut):
            await bot.send_message(7, "x")
        assert api.unanswered_deliveries == [("sendMessage", 7)] and len(api.messages_for(7)) == 1
        api.inject("sendMessage", 7, status=429, retry_after=5, limit=1)
        with pytest.raises(RetryAfter):
            await bot.send_message(7, "x")
        await bot.send_message(7, "too soon")
    [(chat, method, early)] = api.flood_violations
    assert (chat, method) == (7, "sendMessage") and 4 < early <= 5
    api.reset_faults()
    assert api.rules == []


async def _dropped(api: FakeBotApi, chat_id: int) -> bool:
    try:
        await api.call("sendMessage", {"chat_id": chat_id, "text": "hi"})
    except Exception:
        return True
    return False


def test_fault_specs_from_the_command_line() -> None:
    assert parse_fault("method=sendMessage,status=429,retry_after=1,rate=0.05") == {
        "method": "sendMessage",
        "status": "429",
        "retry_after": "1",
        "rate": "0.05",
    }
    assert parse_fault("stall, deliver ,every=10,chat_ids=1;2") == {
        "stall": True,
        "deliver": True,
        "every": "10",
        "chat_ids": ["1", "2"],
    }


async def test_server_process_takes_faults_from_flags_and_endpoints(tmp_path: Path) -> None:
    async with fake_server(
        tmp_path / "server.log",
        "--fault",
        "method=sendMessage,status=403,chat_ids=11;12",
        "--fault",
        "method=sendMessage,drop,every=4",
        "--block",
        "13",
        "--seed",
        "5",
    ) as server:
        await server.control(
            "/_test/inject", {"method": "sendMessage", "chat_id": 14, "status": 500, "limit": 1}
        )
        await server.control("/_test/block", {"chat_ids": [15, 16]})
        statuses = []
        async with httpx.AsyncClient(base_url=server.base_url.removesuffix("/bot"), timeout=10) as client:
            for chat_id in (10, 11, 12, 13, 14, 15, 16, 17):
                try:
                    response = await client.post(
                        f"/bot{TOKEN}/sendMessage", json={"chat_id": chat_id, "text": "x"}
                    )
                    statuses.append(response.status_code)
                except httpx.HTTPError:
                    statuses.append("dropped")
        assert statuses == [200, 403, 403, "dropped", 500, 403, 403, "dropped"]
        counts = await server.counts()
        assert counts["per_chat"] == {"10": 1} and counts["injected"] == {"403": 2, "drop": 2, "500": 1}
        await server.control("/_test/reset_faults", {})
        assert (await server.counts(per_chat=False))["rules"] == []


# ------------------------------------------------------------------------------------- dispatcher, real time


async def drive(
    bot: Bot,
    sessionmaker: async_sessionmaker[AsyncSession],
    config: DispatchConfig,
    *,
    deadline: float,
    replicas: int = 1,
    send_seconds: float = 0.0,
) -> tuple[RunReport, int]:
    """Dispatcher runs back to back on the real time (``replicas`` side by side) until all is final.

    Returns the summed reports and the number of runs.
    """
    total = RunReport()
    ticks = 0
    reminders = content()
    started = time.monotonic()
    telegram = TelegramSender(bot)

    async def send(chat_id: int, message: Rendered) -> int | None:
        # A slow round trip, for tests about sends that outlast their lease.
        if send_seconds:
            await asyncio.sleep(send_seconds)
        return await telegram(chat_id, message)

    async def loop() -> None:
        while time.monotonic() - started < deadline:
            nonlocal ticks
            report = await drain(send, sessionmaker, reminders, config, clock=utcnow)
            ticks += 1
            add(total, report)
            if not any(vars(report).values()):
                if not await remaining(sessionmaker):
                    return
                # Only rows waiting out a retry_after, a backoff or the other loop's lease are left.
                await asyncio.sleep(0.02)

    await asyncio.gather(*(loop() for _ in range(replicas)))
    return total, ticks


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore:.*retry_after.*:telegram.warnings.PTBDeprecationWarning")
async def test_retry_after_counts_from_the_429_not_from_the_start_of_the_send(
    engine: AsyncEngine, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    ids = chat_ids(4)
    await populate(engine, ids, utcnow() - timedelta(seconds=5))
    api = FakeBotApi(auto_create_chats=True)
    # Paced at 2/s the last chat's send, and its 429, come 1.5 s into the tick: a retry "1 s after the
    # tick started" would go out half a second too soon.
    api.inject("sendMessage", ids[-1], status=429, retry_after=1, limit=1)
    async with Bot(TOKEN, request=FakeRequest(api)) as bot:
        await drive(bot, sessionmaker, DispatchConfig(max_per_second=2), deadline=15)
    assert api.injected == {"429": 1}
    assert api.flood_violations == []
    assert sorted(message.chat_id for message in api.sent) == ids


@pytest.mark.slow
async def test_a_batch_that_outlasts_its_lease_is_handed_back_not_sent_twice(
    engine: AsyncEngine, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    ids = chat_ids(30)
    await populate(engine, ids, utcnow() - timedelta(seconds=5))
    api = FakeBotApi(auto_create_chats=True)
    # One sender whose sends take 0.2 s works through a batch of 30 in 6 s, three times the 2 s lease:
    # the second dispatcher takes the rows whose lease ran out, so the first must not still send them.
    config = DispatchConfig(batch_size=30, lease=timedelta(seconds=2), max_per_second=0, concurrency=1)
    async with Bot(TOKEN, request=FakeRequest(api)) as bot:
        total, _runs = await drive(bot, sessionmaker, config, deadline=30, replicas=2, send_seconds=0.2)
    per_chat = {chat_id: len(api.messages_for(chat_id)) for chat_id in ids}
    assert per_chat == dict.fromkeys(ids, 1)
    assert total.deferred > 0 and total.sent == len(ids)


# ------------------------------------------------------------------------------------- 10,000-chat fan-out


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
@pytest.mark.filterwarnings("ignore:.*retry_after.*:telegram.warnings.PTBDeprecationWarning")
async def test_fanout_under_faults_loses_nothing_and_honours_retry_after(
    backend: str, tmp_path: Path
) -> None:
    if backend == "postgresql" and not PG_URL:
        pytest.skip("TEST_DATABASE_URL is not set: the PostgreSQL fan-out needs a server")
    ids = chat_ids(FANOUT_CHATS[backend])
    blocked = blocked_ids(ids)
    due = datetime.now(UTC) - timedelta(seconds=5)
    config = DispatchConfig(
        batch_size=500,
        concurrency=64,
        max_per_second=5_000,
        backoff_base=timedelta(seconds=1),
        backoff_cap=timedelta(seconds=4),
    )
    faults: list[dict[str, Any]] = [
        {"method": "sendMessage", "status": 429, "retry_after": 1, "rate": 0.05},
        {"method": "sendMessage", "status": 500, "rate": 0.03},
        {"method": "sendMessage", "stall": True, "rate": 0.002},
        {"method": "sendMessage", "drop": True, "every": 997},
        # The server acts but the answer is lost: the dispatcher must resend, and may duplicate only these.
        {"method": "sendMessage", "drop": True, "deliver": True, "rate": 0.01, "limit": 5},
    ]
    async with database(backend, tmp_path) as engine, fake_server(tmp_path / "server.log") as server:
        await populate(engine, ids, due)
        await server.control("/_test/block", {"chat_ids": blocked})
        for number, fault in enumerate(faults):
            await server.control("/_test/inject", {**fault, "seed": SEED + number})
        sessionmaker = make_sessionmaker(engine)
        started = time.monotonic()
        loops = TICK_LOOPS[backend]
        pool = loops * (config.concurrency + 4)
        async with Bot(TOKEN, base_url=server.base_url, request=client_request(pool)) as bot:
            total, ticks = await drive(bot, sessionmaker, config, deadline=FANOUT_DEADLINE, replicas=loops)
        seconds = time.monotonic() - started
        counts = await server.counts()
        statuses = await outbox_statuses(sessionmaker)
        async with sessionmaker() as session:
            inactive = set(await session.scalars(select(Chat.id).where(Chat.active.is_(False))))
        judged = tally(counts, [chat for chat in ids if chat not in set(blocked)], blocked)

    print(
        f"\n[{backend}] {len(ids):,} chats ({len(blocked)} blocked) in {seconds:.1f} s over {ticks} ticks: "
        f"lost={len(judged.lost)} duplicates={judged.duplicates} "
        f"(answer withheld after acting: {len(counts['unanswered_deliveries'])}) "
        f"retry_after violations={len(counts['flood_violations'])} injected={counts['injected']} "
        f"outbox={statuses} report={total}"
    )
    assert seconds < FANOUT_DEADLINE, f"not drained in time: {statuses}"
    assert judged.lost == [], f"{len(judged.lost)} chats never got their reminder: {judged.lost[:10]}"
    assert judged.unexplained_duplicates == [], judged.unexplained_duplicates[:10]
    assert judged.duplicates <= len(counts["unanswered_deliveries"])
    assert judged.to_blocked == []
    assert counts["flood_violations"] == [], counts["flood_violations"][:10]
    assert statuses == {OutboxStatus.SENT: len(ids) - len(blocked), OutboxStatus.BLOCKED: len(blocked)}
    assert inactive == set(blocked)
    for label in ("429", "500", "stall", "drop"):
        assert counts["injected"].get(label, 0) > 0, f"no {label} was injected: {counts['injected']}"


# ------------------------------------------------------------------ three replicas, one send budget


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
async def test_three_replicas_share_one_budget_and_survive_the_leader_being_killed(
    backend: str, tmp_path: Path
) -> None:
    """Only the leader sends, at the whole budget; SIGKILLed midway, another replica takes over."""
    if backend == "postgresql" and not PG_URL:
        pytest.skip("TEST_DATABASE_URL is not set: the PostgreSQL variant needs a server")
    chats, kill_after = FLEET_CHATS, FLEET_CHATS // 2
    ids = chat_ids(chats)
    due = datetime.now(UTC) - timedelta(seconds=5)
    async with fleet_database(backend, tmp_path) as (url, schema, engine):
        await populate(engine, ids, due)
        result = await run_fleet(url, ids, tmp_path, schema=schema, kill_after=kill_after, bound=FLEET_BOUND)
    print(f"\n[{backend}] {result.summary()}")
    assert result.lost == 0, result
    assert result.statuses == {OutboxStatus.SENT: chats}, result
    assert result.too_many == 0, "the replicas together stayed under Telegram's cap"
    assert result.in_flight_at_kill is not None and result.silent_seconds is not None, result
    assert 0 <= result.in_flight_at_kill <= FLEET_CONCURRENCY
    assert result.duplicates <= result.in_flight_at_kill, "only what the dead leader had in flight repeats"
    assert result.silent_seconds <= 15, "the lead was taken over within 15 s"
    # Each leader alone sends at the bot's whole budget: at least 97 % of the 30/s cap.
    assert all(rate >= 0.97 * 30 for rate in result.tenure_rates), result.tenure_rates


@contextlib.asynccontextmanager
async def fleet_database(backend: str, tmp_path: Path) -> AsyncIterator[tuple[str, str, AsyncEngine]]:
    if backend == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path}/fleet.db"
        engine = create_engine(url)
        try:
            yield url, "", engine
        finally:
            await engine.dispose()
        return
    async with pg_schema() as (engine, schema):
        yield PG_URL, schema, engine
