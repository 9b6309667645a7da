"""One replica of the reminder dispatcher, run as its own process by tests/test_scale_out.py.

It ticks ``scheduler.dispatch.tick`` back to back with the real UTC time against a Bot API server given
by ``--base-url``, on one PostgreSQL schema, until nothing is due or pending (or ``--deadline`` passes).
After every tick it prints its running totals as one JSON line, so the parent can see how much work each
replica did before one of them is killed.

    python tests/replica_worker.py --database-url postgresql+asyncpg://… --schema s --base-url http://…/bot
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import time
from dataclasses import asdict, fields
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Bot

from bot.coach import rules
from bot.coach.knowledge import KnowledgeBase
from bot.request import AiohttpRequest
from scheduler.dispatch import PENDING, Content, DispatchConfig, TickReport, tick
from storage.db import create_engine, make_sessionmaker
from storage.models import Chat, Outbox


def utcnow() -> datetime:
    return datetime.now(UTC)


def add(total: TickReport, report: TickReport) -> None:
    for item in fields(TickReport):
        setattr(total, item.name, getattr(total, item.name) + getattr(report, item.name))


async def remaining(sessionmaker: async_sessionmaker[AsyncSession]) -> int:
    """Outbox rows not final yet plus active chats still due: zero once the fan-out is over."""
    now = datetime.now(UTC)
    async with sessionmaker() as session:
        pending = await session.scalar(select(func.count()).where(Outbox.status == PENDING))
        due = await session.scalar(
            select(func.count()).where(Chat.active.is_(True), Chat.next_reminder_at <= now)
        )
    return (pending or 0) + (due or 0)


async def run(args: argparse.Namespace) -> None:
    connect_args = {"server_settings": {"search_path": args.schema}} if args.schema else {}
    # One connection per concurrent outcome write plus the lease/claim session: nobody waits on the pool.
    engine = create_engine(
        args.database_url, connect_args=connect_args, pool_size=args.concurrency + 2, max_overflow=0
    )
    sessionmaker = make_sessionmaker(engine)
    config = DispatchConfig(
        batch_size=args.batch,
        lease=timedelta(seconds=args.lease),
        concurrency=args.concurrency,
        max_per_second=args.rate,
        backoff_base=timedelta(seconds=1),
        backoff_cap=timedelta(seconds=4),
    )
    content = Content.build(rules.shipped(), KnowledgeBase.load())
    # The bot's own transport, with a short timeout so a stalled send is given up on quickly.
    request = AiohttpRequest(
        connection_pool_size=args.concurrency + 4,
        read_timeout=args.read_timeout,
        connect_timeout=args.read_timeout,
        pool_timeout=args.read_timeout,
    )
    total = TickReport()
    ticks = 0
    deadline = time.monotonic() + args.deadline
    try:
        async with Bot(args.token, base_url=args.base_url, request=request) as bot:
            while time.monotonic() < deadline:
                report = await tick(bot, sessionmaker, utcnow(), content, config, clock=utcnow)
                ticks += 1
                add(total, report)
                print(json.dumps({"pid": os.getpid(), "ticks": ticks, **asdict(total)}), flush=True)
                if not any(asdict(report).values()):
                    if not await remaining(sessionmaker):
                        break
                    # Only rows waiting out a retry or another replica's lease are left.
                    await asyncio.sleep(0.1)
    finally:
        await engine.dispose()
    print(json.dumps({"pid": os.getpid(), "done": True, "ticks": ticks, **asdict(total)}), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--schema", default="")
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--token", default="123:SCALE")
    parser.add_argument("--lease", type=float, default=3.0)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--rate", type=float, default=2000.0)
    parser.add_argument("--read-timeout", type=float, default=1.0)
    parser.add_argument("--deadline", type=float, default=120.0)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
