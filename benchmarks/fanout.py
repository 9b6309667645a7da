"""Reminder fan-out: thousands of chats due in the same minute, sent by the service's dispatcher.

Capped runs put Telegram's flood control in the bench server (N sends in any sliding second, one per
chat per second, 429 + retry_after beyond that) and read achieved rate, 429s, duplicates and losses
from the server's own records. Uncapped runs time claim + render + send + record end to end.

The dispatcher is driven the way its service drives it: a run of ``scheduler.dispatch.drain`` (claim,
lease and send while anything is due, the next batch's claim overlapping the current batch's sends),
and another at the next ``scheduler_tick_seconds`` firing if rows are still waiting (a 429's
retry_after), one ``Pacer`` kept across runs, through the dispatcher's own bot (``Services.reminder_bot``:
no AIORateLimiter, its own aiohttp transport). One process: with replicas only the leader sends
(``replicas.py`` measures three).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from common import PG_URL, TOKEN, Population, bench_server, control, fmt, populate, table
from sqlalchemy import func, select

from bot.app import build_application
from bot.reminder_sender import TelegramSender
from bot.runner import freeze_start_up
from bot.settings import FREE_RATE, PAID_RATE, Settings
from scheduler.dispatch import Content, DispatchConfig, RunReport, drain
from scheduler.pacing import Pacer
from storage.db import create_engine, make_sessionmaker
from storage.models import Chat, Outbox


@dataclass
class FanoutResult:
    label: str
    chats: int
    cap: float | None
    pacer: float
    seconds: float
    server_rate: float
    too_many: int
    duplicates: int
    lost: int
    statuses: dict[str, int]
    timeline: list[int]


async def _drain(
    base: str, url: str, chats: int, config: DispatchConfig, bound: float, cap: float | None, paid: bool
) -> tuple[float, dict[str, int]]:
    """Run the service's periodic job until no chat is due and no outbox row is pending (bounded in time)."""
    engine = create_engine(url, pool_size=20) if url.startswith("postgresql") else create_engine(url)
    sessionmaker = make_sessionmaker(engine)
    settings = Settings(
        telegram_base_url=f"{base}/bot",
        database_url=url,
        log_level="WARNING",
        reminder_concurrency=config.concurrency,
    )
    # As built for production (the app's bot would carry AIORateLimiter; reminders never use it).
    app = build_application(settings, engine, token=TOKEN)
    await app.initialize()
    bot = app.bot_data.reminder_bot
    await bot.initialize()
    content = Content.build(app.bot_data.catalog, app.bot_data.knowledge)
    freeze_start_up()  # as bot.runner does once the application is up
    # Told the server's cap, the pacer may catch up after a stall within it (the service's pacer is not:
    # its REMINDER_MAX_PER_SECOND is its whole budget).
    pacer = Pacer(config.max_per_second, limit=cap)
    send = TelegramSender(bot, paid_broadcast=paid)
    total = RunReport()
    start = time.perf_counter()

    def utcnow() -> datetime:
        return datetime.now(UTC)

    try:
        interval = settings.scheduler_tick_seconds
        while (left := bound - (time.perf_counter() - start)) > 0:
            budget = timedelta(seconds=left)
            report = await drain(
                send, sessionmaker, content, config, clock=utcnow, budget=budget, pacer=pacer
            )
            total.add(report)
            async with sessionmaker() as session:
                pending = await session.scalar(select(func.count()).where(Outbox.status == "pending"))
                due = await session.scalar(select(func.count()).where(Chat.next_reminder_at <= utcnow()))
            if not pending and not due:
                break
            # APScheduler's run_repeating fires every interval from the start, whatever the runs took.
            elapsed = time.perf_counter() - start
            await asyncio.sleep(interval - elapsed % interval)
        seconds = time.perf_counter() - start
        async with sessionmaker() as session:
            rows = await session.execute(select(Outbox.status, func.count()).group_by(Outbox.status))
            statuses = {status: count for status, count in rows.all()}
            # Still due and never claimed: not lost, just not reached within the time bound.
            unclaimed = await session.scalar(
                select(func.count()).where(Chat.next_reminder_at <= datetime.now(UTC))
            )
            statuses["unclaimed"] = unclaimed or 0
    finally:
        await bot.shutdown()
        await app.shutdown()
        await engine.dispose()
    return seconds, statuses


def run_fanout(
    label: str,
    url: str,
    chats: int,
    cap: float | None,
    pacer: float,
    batch: int,
    bound: float,
    concurrency: int | None = None,
) -> FanoutResult:
    asyncio.run(populate(url, Population(chats, due=chats), datetime.now(UTC)))
    # REMINDER_CONCURRENCY as shipped: 8 within Telegram's free 30/s, 64 for paid broadcasts above it.
    paid = pacer > FREE_RATE
    shipped = Settings(reminder_max_per_second=pacer or 1.0, reminder_paid_broadcast=paid)
    concurrency = concurrency or shipped.reminder_concurrency
    config = DispatchConfig(max_per_second=pacer, batch_size=batch, concurrency=concurrency)
    with bench_server() as base:
        control(base, "/_bench/reset", {"global_rate": cap, "chat_rate": 1.0 if cap else None})
        seconds, statuses = asyncio.run(_drain(base, url, chats, config, bound, cap, paid))
        stats = control(base, "/_bench/stats")
    span = (stats["last_send"] or 0) - (stats["first_send"] or 0)
    rate = stats["sends"] / span if span > 0 else float("nan")
    # Lost = neither delivered nor still queued (pending outbox row, or not yet claimed when time ran out).
    waiting = statuses.get("pending", 0) + statuses.get("unclaimed", 0)
    lost = chats - stats["distinct_chats"] - waiting
    return FanoutResult(
        label,
        chats,
        cap,
        pacer,
        seconds,
        rate,
        stats["too_many"],
        stats["duplicates"],
        lost,
        statuses,
        stats["timeline"],
    )


def main(quick: bool, out: Path) -> dict[str, Any]:
    shipped = Settings()
    sqlite = f"sqlite+aiosqlite:///{out / 'fanout.db'}"
    # (chats due, cap msg/s, time bound s): the bound keeps the suite finite when the dispatcher is
    # slower than the cap; what was not reached shows up as "unclaimed", not as lost.
    capped = (
        [(60, 30.0, 15.0), (300, 1_000.0, 15.0)] if quick else [(5_000, 30.0, 240.0), (50_000, 1_000.0, 90.0)]
    )
    print("\n## 2. Reminder fan-out at Telegram's cap (SQLite)\n")
    results = []
    for chats, cap, bound in capped:
        # The pacer runs a hair under the cap: a strict sliding window turns loopback jitter into 429s.
        # Free: 29.4/s (98 %, within FREE_RATE). Paid broadcasts at the most the settings allow (2 % under:
        # jitter of a few ms is many sends).
        pacer = min(cap * 0.98, FREE_RATE) if cap <= FREE_RATE + 1 else PAID_RATE
        result = run_fanout("capped", sqlite, chats, cap, pacer, shipped.reminder_batch_size, bound)
        results.append(result)
        print(f"  {chats} chats at {cap:g} msg/s: {fmt(result.server_rate)} msg/s", flush=True)
    rows = [
        [
            f"{r.chats:,}",
            f"{r.cap:g}",
            f"{r.pacer:g}",
            fmt(r.seconds),
            fmt(r.server_rate),
            f"{r.server_rate / (r.cap or 1):.1%}",
            # The whole seconds between the first and the last: where a run fell short, if it did.
            min(r.timeline[1:-1], default=""),
            r.too_many,
            r.duplicates,
            r.lost,
            _statuses(r.statuses),
        ]
        for r in results
    ]
    headers = ["chats due", "cap msg/s", "pacer msg/s", "run s", "achieved msg/s", "of cap", "slowest second"]
    headers += ["429s", "dup"]
    print(table([*headers, "lost", "outbox"], rows))

    batch = shipped.reminder_batch_size
    print(f"\n## 3. Uncapped dispatch: claim + render + send + record (batch_size {batch})\n")
    chats = 200 if quick else 5_000
    uncapped = []
    for backend, url in (("SQLite", sqlite), ("PostgreSQL", PG_URL)):
        for concurrency in (shipped.reminder_concurrency, 64):
            result = run_fanout(backend, url, chats, None, 0.0, batch, 600.0, concurrency)
            uncapped.append((backend, concurrency, result))
            rate = fmt(chats / result.seconds)
            print(f"  {backend} {chats} chats, concurrency {concurrency}: {rate} reminders/s", flush=True)
    rows2 = [
        [
            backend,
            concurrency,
            f"{r.chats:,}",
            fmt(r.seconds, 2),
            fmt(r.chats / r.seconds),
            r.duplicates,
            r.lost,
            _statuses(r.statuses),
        ]
        for backend, concurrency, r in uncapped
    ]
    headers = ["database", "REMINDER_CONCURRENCY", "chats due", "seconds", "reminders/s", "dup", "lost"]
    print(table([*headers, "outbox"], rows2))
    rate = shipped.reminder_max_per_second
    grace = shipped.reminder_grace_minutes
    print(
        f"\nAs shipped, a run of bot.reminder_job sends at REMINDER_MAX_PER_SECOND={rate:g} for as long"
        f" as anything is due: 5,000 due at once take {5_000 / rate / 60:.1f} min and 50,000 take"
        f" {50_000 / rate / 60:.0f} min, however many replicas (grace window {grace} min)."
    )
    return {"capped": rows, "uncapped": rows2}


def _statuses(statuses: dict[str, int]) -> str:
    return " ".join(f"{k}={v}" for k, v in sorted(statuses.items()))


if __name__ == "__main__":
    import argparse
    import tempfile

    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    main(parser.parse_args().quick, Path(tempfile.mkdtemp(prefix="bench-")))
