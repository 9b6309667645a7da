"""Scale in chats: peak RSS and dispatch cost with 10k / 100k / 1M chats stored, 1% of them due.

Each size is populated in bulk by the driver, then measured in a fresh child process (so its peak RSS
is the dispatcher's own, not the bulk insert's). The child runs the service's dispatcher
(``scheduler.dispatch.drain``, unpaced) for ``RUN_SECONDS`` at a time and sends through a real PTB
``Bot`` whose transport answers in-process, so what is timed is the database side of a run plus PTB's
own call overhead; the cost is given per batch of ``batch_size`` reminders.
"""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from common import HERE, PG_URL, PY, Population, child_env, fmt, populate, rss_mb_of, table

MEASURED_RUNS = 5
RUN_SECONDS = 1.0


async def _measure(url: str) -> dict[str, Any]:
    from sqlalchemy import func, select, text

    from bot.coach import rules
    from bot.coach.knowledge import KnowledgeBase
    from bot.reminder_sender import TelegramSender
    from scheduler.dispatch import Content, DispatchConfig, drain
    from storage.db import create_engine, make_sessionmaker
    from storage.models import Chat

    engine = create_engine(url)
    sessionmaker = make_sessionmaker(engine)
    bot = _canned_bot()
    await bot.initialize()
    content = Content.build(rules.shipped(), KnowledgeBase.load())
    config = DispatchConfig(max_per_second=0)
    now = datetime.now(UTC)
    # storage.repo.claim_due_chats's query, spelled out so the database can explain it.
    claim_sql = (
        "SELECT * FROM chats WHERE next_reminder_at <= :now AND active = true"
        f" ORDER BY next_reminder_at, id LIMIT {config.batch_size}"
    )
    async with sessionmaker() as session:
        if url.startswith("sqlite"):
            rows = await session.execute(
                text("EXPLAIN QUERY PLAN " + claim_sql), {"now": now.replace(tzinfo=None)}
            )
            plan = [str(row[-1]) for row in rows]
        else:
            rows = await session.execute(
                text("EXPLAIN " + claim_sql + " FOR UPDATE SKIP LOCKED"), {"now": now}
            )
            plan = [str(row[0]) for row in rows]
        due = await session.scalar(select(func.count()).where(Chat.next_reminder_at <= now))
    rss_before = rss_mb_of_self()
    send = TelegramSender(bot)
    times = []
    sent = 0

    def clock() -> datetime:
        # The instant the chats were made due at, moving on in real time: the run's budget is real.
        return now + timedelta(seconds=time.perf_counter() - started)

    for _ in range(MEASURED_RUNS):
        started = time.perf_counter()
        budget = timedelta(seconds=RUN_SECONDS)
        report = await drain(send, sessionmaker, content, config, clock=clock, budget=budget)
        elapsed = time.perf_counter() - started
        # Time per batch of batch_size reminders.
        times.append(elapsed * config.batch_size / max(report.sent, 1))
        sent += report.sent
    # Nothing due at an earlier instant: what a run costs the database when there is no work.
    start = time.perf_counter()
    await drain(send, sessionmaker, content, config, clock=lambda: now - timedelta(hours=6))
    idle = time.perf_counter() - start
    peak = rss_mb_of_self()
    await bot.shutdown()
    await engine.dispose()
    return {
        "plan": plan,
        "due": due,
        "tick_ms": times,
        "sent": sent,
        "rss_before": rss_before,
        "peak_rss": peak,
        "idle": idle,
    }


def rss_mb_of_self() -> float:
    import os

    return rss_mb_of(os.getpid())


def _canned_bot() -> Any:
    from telegram import Bot
    from telegram.request import BaseRequest, RequestData

    class CannedRequest(BaseRequest):
        """Answers every call at once, as a Bot API with zero latency would."""

        @property
        def read_timeout(self) -> float | None:
            return None

        async def initialize(self) -> None:
            return None

        async def shutdown(self) -> None:
            return None

        async def do_request(
            self, url: str, method: str, request_data: RequestData | None = None, **_: Any
        ) -> Any:
            if url.endswith("getMe"):
                result: Any = {"id": 1, "is_bot": True, "first_name": "B", "username": "B"}
            else:
                chat_id = int((request_data.parameters if request_data else {}).get("chat_id", 1))
                result = {"message_id": 1, "date": 0, "chat": {"id": chat_id, "type": "private"}, "text": "x"}
            return 200, json.dumps({"ok": True, "result": result}).encode()

    return Bot("1:canned", request=CannedRequest(), get_updates_request=CannedRequest())


def child_main(url: str) -> None:
    result = asyncio.run(_measure(url))
    print("RESULT " + json.dumps(result), flush=True)


def measure_in_child(url: str) -> dict[str, Any]:
    with subprocess.Popen(
        [PY, str(HERE / "scale.py"), "child", url], env=child_env(), stdout=subprocess.PIPE, text=True
    ) as process:
        try:
            output, _ = process.communicate(timeout=600)
        finally:
            if process.poll() is None:
                process.kill()
    # The child's peak RSS comes from the kernel's high-water mark, read just before it exits.
    match = re.search(r"^RESULT (.*)$", output, re.M)
    if not match:
        raise RuntimeError(f"scale child failed: {output[-2000:]}")
    result: dict[str, Any] = json.loads(match.group(1))
    return result


def main(quick: bool, out: Path) -> dict[str, Any]:
    sizes = [10_000, 100_000] if quick else [10_000, 100_000, 1_000_000]
    backends = [("SQLite", f"sqlite+aiosqlite:///{out / 'scale.db'}")]
    if not quick:
        backends.append(("PostgreSQL", PG_URL))
    config_batch = 100
    print(
        f"\n## 4. Scale in chats (1% due; {MEASURED_RUNS} dispatcher runs of {RUN_SECONDS:g} s, "
        f"batch_size {config_batch}, per size)\n"
    )
    rows = []
    plans: dict[str, list[str]] = {}
    for backend, url in backends:
        for chats in sizes:
            start = time.perf_counter()
            asyncio.run(populate(url, Population(chats, due=chats // 100), datetime.now(UTC)))
            fill = time.perf_counter() - start
            result = measure_in_child(url)
            ticks = result["tick_ms"]
            plans[backend] = result["plan"]
            rows.append(
                [
                    backend,
                    f"{chats:,}",
                    f"{result['due']:,}",
                    fmt(fill),
                    fmt(result["idle"] * 1000, 2),
                    fmt(ticks[0] * 1000),
                    fmt(sum(ticks[1:]) / len(ticks[1:]) * 1000),
                    fmt(config_batch / (sum(ticks) / len(ticks))),
                    fmt(result["rss_before"]),
                    fmt(result["peak_rss"]),
                ]
            )
            print(f"  {backend} {chats:,}: done", flush=True)
    print(
        table(
            [
                "database",
                "chats",
                "due",
                "bulk insert s",
                "idle run ms",
                "first run, ms per batch",
                "later runs, ms per batch",
                "reminders/s",
                "RSS before the runs MB",
                "peak RSS MB",
            ],
            rows,
        )
    )
    for backend, plan in plans.items():
        print(f"\n{backend} plan for the claim query (largest size):\n")
        print("\n".join(f"    {line}" for line in plan))
    return {"rows": rows, "plans": plans}


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "child":
        child_main(sys.argv[2])
    else:
        import argparse
        import tempfile

        parser = argparse.ArgumentParser()
        parser.add_argument("--quick", action="store_true")
        main(parser.parse_args().quick, Path(tempfile.mkdtemp(prefix="bench-")))
