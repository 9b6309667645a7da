"""Three replicas, one send budget: reminders due at once, sent by whichever replica leads.

Each replica is ``tests/replica_worker.py``: the bot's own reminder service (lead job, tick job, the
dispatcher) in its own process, all on one database, against ``benchserver.py`` enforcing Telegram's
flood control (``cap`` sends in any sliding second, one per chat per second, 429 beyond). Optionally the
leader is SIGKILLed once the server has seen ``kill_after`` sends.

Reported: the send rate during each leader's tenure against the cap, 429s, chats never reached,
duplicates against what the killed leader had in flight (sent, outcome not yet written), and how long
the bot was silent between the kill and the next leader's first send.

Used by ``tests/test_scale_out.py`` (1,000 chats) and ``run_all.py`` (5,000, §7); on its own,
``python -m benchmarks.replicas [--quick]`` from the repository root.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import signal
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx
from sqlalchemy import func, select

from benchmarks.children import ROOT, child_env, stop_process
from storage.db import create_engine, make_sessionmaker
from storage.models import Chat, Outbox
from storage.records import OutboxStatus

TOKEN = "123456:REPLICAS-token-for-the-loopback-server"


@dataclass
class Replica:
    process: asyncio.subprocess.Process
    log: Path
    leading: bool = False
    reader: asyncio.Task[None] | None = None

    async def follow(self) -> None:
        assert self.process.stdout is not None
        while line := await self.process.stdout.readline():
            with contextlib.suppress(ValueError):
                self.leading = bool(json.loads(line).get("leading"))


@dataclass
class FleetResult:
    chats: int
    replicas: int
    cap: float
    rate: float
    seconds: float
    sends: int
    too_many: int
    lost: int
    duplicates: int
    # Sends per second during each leader's tenure (one entry without a kill).
    tenure_rates: list[float] = field(default_factory=list)
    in_flight_at_kill: int | None = None
    # From the killed leader's last send to the next leader's first.
    silent_seconds: float | None = None
    statuses: dict[str, int] = field(default_factory=dict)
    # When each send reached the server (its perf_counter), for a closer look.
    send_times: list[float] = field(default_factory=list, repr=False)
    too_many_times: list[float] = field(default_factory=list, repr=False)

    def summary(self) -> str:
        rates = ", ".join(f"{rate:.2f}/s ({rate / self.cap:.1%} of the cap)" for rate in self.tenure_rates)
        text = (
            f"{self.replicas} replicas, {self.chats:,} due, cap {self.cap:g}/s, REMINDER_MAX_PER_SECOND="
            f"{self.rate:g}: {self.sends:,} sends in {self.seconds:.1f} s; per tenure {rates}; "
            f"429s={self.too_many} lost={self.lost} duplicates={self.duplicates}"
        )
        if self.in_flight_at_kill is not None:
            text += f" (in flight at the kill: {self.in_flight_at_kill}); silent {self.silent_seconds:.1f} s"
        return text


@contextlib.asynccontextmanager
async def bench_server(log: Path) -> AsyncIterator[httpx.AsyncClient]:
    with log.open("wb") as sink:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-u",
            str(ROOT / "benchmarks" / "benchserver.py"),
            "--port",
            "0",
            cwd=ROOT,
            env=child_env(),
            stdout=asyncio.subprocess.PIPE,
            stderr=sink,
        )
    try:
        assert process.stdout is not None
        line = (await asyncio.wait_for(process.stdout.readline(), 30)).decode()
        match = re.match(r"PORT (\d+)", line)
        if not match:
            raise RuntimeError(f"bench server did not start: {line!r}")
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{match.group(1)}", timeout=30) as client:
            yield client
    finally:
        await stop_process(process)


async def start_replica(
    url: str, schema: str, base_url: str, log: Path, *, rate: float, concurrency: int, deadline: float
) -> Replica:
    with log.open("wb") as sink:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-u",
            str(ROOT / "tests" / "replica_worker.py"),
            "--database-url",
            url,
            "--schema",
            schema,
            "--base-url",
            base_url,
            "--token",
            TOKEN,
            "--rate",
            str(rate),
            "--concurrency",
            str(concurrency),
            "--deadline",
            str(deadline),
            cwd=ROOT,
            env=child_env(),
            stdout=asyncio.subprocess.PIPE,
            stderr=sink,
        )
    replica = Replica(process, log)
    replica.reader = asyncio.create_task(replica.follow())
    return replica


def tenure_rate(times: list[float]) -> float:
    return (len(times) - 1) / (times[-1] - times[0]) if len(times) > 1 and times[-1] > times[0] else 0.0


async def run_fleet(
    url: str,
    chat_ids: list[int],
    workdir: Path,
    *,
    schema: str = "",
    replicas: int = 3,
    cap: float = 30,
    rate: float = 29.4,
    concurrency: int = 8,
    kill_after: int | None = None,
    bound: float = 300.0,
) -> FleetResult:
    """Send to ``chat_ids`` (already due in the database at ``url``) with ``replicas`` processes."""
    connect_args = {"server_settings": {"search_path": schema}} if schema else {}
    engine = create_engine(url, connect_args=connect_args)
    sessionmaker = make_sessionmaker(engine)

    async def remaining() -> int:
        async with sessionmaker() as session:
            pending = await session.scalar(select(func.count()).where(Outbox.status == OutboxStatus.PENDING))
            due = await session.scalar(
                select(func.count()).where(Chat.active.is_(True), Chat.next_reminder_at <= datetime.now(UTC))
            )
        return (pending or 0) + (due or 0)

    async def sent_rows() -> int:
        async with sessionmaker() as session:
            return await session.scalar(select(func.count()).where(Outbox.status == OutboxStatus.SENT)) or 0

    fleet: list[Replica] = []
    try:
        async with bench_server(workdir / "server.log") as server:
            await server.post("/_bench/reset", json={"global_rate": cap, "chat_rate": 1})
            base_url = f"{server.base_url}/bot"
            started = time.monotonic()
            for number in range(replicas):
                log = workdir / f"replica-{number}.log"
                fleet.append(
                    await start_replica(
                        url, schema, base_url, log, rate=rate, concurrency=concurrency, deadline=bound + 30
                    )
                )
            killed_at: float | None = None
            in_flight: int | None = None
            while time.monotonic() - started < bound:
                stats = (await server.get("/_bench/stats")).json()
                if kill_after is not None and killed_at is None and stats["sends"] >= kill_after:
                    leaders = [replica for replica in fleet if replica.leading]
                    if len(leaders) == 1:
                        [leader] = leaders
                        leader.process.send_signal(signal.SIGKILL)
                        await leader.process.wait()
                        after = (await server.get("/_bench/stats")).json()
                        killed_at = after["now"]
                        # Nobody else sends until the lease runs out: every send the server has and the
                        # database does not record as sent died with the leader.
                        in_flight = after["sends"] - await sent_rows()
                if stats["sends"] and not await remaining():
                    break
                await asyncio.sleep(0.1)
            seconds = time.monotonic() - started
            final = (await server.get("/_bench/stats")).json()
            sends = (await server.get("/_bench/sends")).json()
        async with sessionmaker() as session:
            rows = await session.execute(select(Outbox.status, func.count()).group_by(Outbox.status))
            statuses = {str(status): count for status, count in rows.all()}
    finally:
        for replica in fleet:
            await stop_process(replica.process)
            if replica.reader is not None:
                replica.reader.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await replica.reader
        await engine.dispose()

    times: list[float] = sends["send_times"]
    per_chat: dict[str, int] = sends["per_chat"]
    result = FleetResult(
        chats=len(chat_ids),
        replicas=replicas,
        cap=cap,
        rate=rate,
        seconds=seconds,
        sends=final["sends"],
        too_many=final["too_many"],
        lost=sum(1 for chat_id in chat_ids if not per_chat.get(str(chat_id))),
        duplicates=sum(max(0, count - 1) for count in per_chat.values()),
        statuses=statuses,
        send_times=times,
        too_many_times=sends["too_many_times"],
    )
    if killed_at is None:
        result.tenure_rates = [tenure_rate(times)]
    else:
        before = [t for t in times if t <= killed_at]
        after_kill = [t for t in times if t > killed_at]
        result.tenure_rates = [tenure_rate(before), tenure_rate(after_kill)]
        result.in_flight_at_kill = in_flight
        if before and after_kill:
            result.silent_seconds = after_kill[0] - before[-1]
    return result


def main(quick: bool, out: Path) -> dict[str, object]:
    """BENCHMARKS.md §7: three replicas on PostgreSQL, the leader SIGKILLed halfway through."""
    from common import PG_URL, Population, populate

    chats = 300 if quick else 5_000
    print(f"\n## 7. Three replicas, one send budget (PostgreSQL, {chats:,} due, 30 msg/s cap)\n")
    asyncio.run(populate(PG_URL, Population(chats, due=chats), datetime.now(UTC)))
    from common import FIRST_CHAT

    ids = list(range(FIRST_CHAT, FIRST_CHAT + chats))
    workdir = out / "replicas"
    workdir.mkdir(exist_ok=True)
    result = asyncio.run(run_fleet(PG_URL, ids, workdir, kill_after=chats // 2, bound=60 + chats / 25))
    print(result.summary())
    return {"summary": result.summary()}


if __name__ == "__main__":
    import argparse
    import tempfile

    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main(parser.parse_args().quick, Path(tempfile.mkdtemp(prefix="bench-")))
