"""One replica of the bot's reminder service, run as its own process by the scale-out test and benchmark.

It runs what ``backcoach run`` runs for reminders, nothing stubbed: ``build_application`` with the given
settings, ``post_init`` (which schedules the lead and tick jobs) and ``Application.start`` (which starts
PTB's JobQueue), without taking updates. Every ``--report-every`` seconds it prints one JSON line saying
whether it leads the dispatch, so the parent knows whom to kill. It stops on SIGTERM/SIGINT or after
``--deadline`` seconds, handing the lead over on the way out.

    python tests/replica_worker.py --database-url postgresql+asyncpg://… --schema s --base-url http://…/bot
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import signal
import time

from pydantic import SecretStr

from bot import reminder_job
from bot.app import build_application, post_init, post_shutdown
from bot.settings import Settings
from storage.db import create_engine


async def run(args: argparse.Namespace) -> None:
    connect_args = {"server_settings": {"search_path": args.schema}} if args.schema else {}
    engine = create_engine(args.database_url, connect_args=connect_args)
    settings = Settings(
        database_url=args.database_url,
        telegram_bot_token=SecretStr(args.token),
        telegram_base_url=args.base_url,
        scheduler_tick_seconds=args.tick,
        reminder_max_per_second=args.rate,
        reminder_concurrency=args.concurrency,
        log_level="INFO",
    )
    app = build_application(settings, engine, token=args.token)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    await app.initialize()
    await post_init(app)
    await app.start()
    job_queue = app.job_queue
    assert job_queue is not None
    [job] = job_queue.get_jobs_by_name(reminder_job.TICK_JOB_NAME)
    state = job.data
    assert isinstance(state, reminder_job.TickState)
    deadline = time.monotonic() + args.deadline
    try:
        while not stop.is_set() and time.monotonic() < deadline:
            line = {"pid": os.getpid(), "leading": state.leadership.holds(), "t": time.time()}
            print(json.dumps(line), flush=True)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), args.report_every)
    finally:
        await app.stop()
        await app.shutdown()
        await post_shutdown(app)
    print(json.dumps({"pid": os.getpid(), "done": True}), flush=True)


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--schema", default="")
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--token", default="123:SCALE")
    parser.add_argument("--rate", type=float, default=25.0)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--tick", type=float, default=15.0)
    parser.add_argument("--report-every", type=float, default=0.2)
    parser.add_argument("--deadline", type=float, default=300.0)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
