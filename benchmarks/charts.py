"""§6 /progress charts: render time (p50/p99), and what 20 charts rendering do to other chats' updates.

Render time is ``bot.coach.charts.render_progress`` on realistic data (12 weeks of sessions, three main
lifts; a group of five), after one warm-up render that pays for matplotlib's font cache.

Other chats: the real ``Application`` (``build_application``) against the in-process Bot API double on
SQLite, answering ``/streak`` from 40 onboarded chats, one update every 10 ms, each update's time through
``process_update`` measured from the moment it was due. Four runs: alone; while 20 other chats send
``/progress`` through the same Application (12 weeks of logged sets each; the handler reads them and
renders in ``bot.chartpool.ChartRenderer``'s worker process); while 20 charts render in worker threads
(``asyncio.to_thread``); and, for contrast, on the event loop itself.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from common import fmt, table

from bot.app import build_application
from bot.coach.charts import Chart, Lift, Member, render_progress
from bot.coach.model import SetDone
from bot.coach.texts import Texts
from bot.settings import Settings
from fakeapi import FakeBotApi, FakeRequest, drive
from storage import logbook
from storage.db import create_engine
from storage.migrate import upgrade

TOKEN = "123456:BENCH-token-for-the-in-process-double-only"
TODAY = date(2026, 12, 4)
TEXTS = Texts.load()
CHATS = 40
CHARTS = 20
GAP = 0.010


DAYS = [TODAY - timedelta(days=d) for d in range(0, 84, 3)]
PRIVATE: dict[str, Any] = {
    "today": TODAY,
    "weekly_target": 2,
    "members": [Member("You", DAYS)],
    "lifts": [
        Lift("Deadlift", [(day, SetDone(8, 60 + i * 2.5)) for i, day in enumerate(reversed(DAYS))]),
        Lift("Barbell row", [(day, SetDone(10 + i % 3, 40 + i)) for i, day in enumerate(reversed(DAYS))]),
        Lift("Pull-up", [(day, SetDone(3 + i // 6)) for i, day in enumerate(reversed(DAYS))]),
    ],
    "texts": TEXTS,
}


def private_chart() -> Chart | None:
    return render_progress(**PRIVATE)


def group_chart() -> Chart | None:
    members = [
        Member(f"Member {m}", [TODAY - timedelta(days=d) for d in range(m, 84, 2 + m)]) for m in range(5)
    ]
    return render_progress(today=TODAY, weekly_target=3, members=members, lifts=[], texts=TEXTS)


def quantile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def render_times(render: Callable[[], Chart | None], count: int) -> tuple[list[float], int]:
    size = 0
    times = []
    for _ in range(count):
        start = time.perf_counter()
        chart = render()
        times.append(time.perf_counter() - start)
        assert chart is not None
        size = len(chart.png)
    return times, size


async def other_chats(tmp: Path, updates: int) -> dict[str, list[float]]:
    url = f"sqlite+aiosqlite:///{tmp}/charts-bench.db"
    await upgrade(url)
    api = FakeBotApi(token=TOKEN)
    config = Settings(database_url=url, telegram_bot_token=TOKEN)
    app = build_application(
        config,
        create_engine(url),
        token=TOKEN,
        request=FakeRequest(api),
        rate_limit=False,
        clock=lambda: datetime(2026, 12, 4, 10, 0, tzinfo=UTC),
    )
    await app.initialize()
    await app.post_init(app)  # type: ignore[misc]
    # Started (and its matplotlib imported) before measuring, as the bot would at start-up.
    await app.bot_data.charts.warm_up()
    charting = range(CHATS + 1, CHATS + CHARTS + 1)
    try:
        for chat in [*range(1, CHATS + 1), *charting]:
            await drive(app, api.make_message(chat, chat, "/start"))
            for label in ("🌱 Beginner", "🏋️ Gym", "UTC", "⭐ 2 days: Mon, Thu"):
                await drive(app, api.press(chat, label))
        async with app.bot_data.sessionmaker.begin() as session:
            for chat in charting:
                for i, day in enumerate(reversed(DAYS)):
                    sets = [
                        *[logbook.NewSet("dumbbell-rdl", 8, 20 + i, "kg")] * 2,
                        *[logbook.NewSet("lat-pulldown", 10 + i % 3, 40 + i, "kg")] * 2,
                        *[logbook.NewSet("seated-cable-row", 10, 35 + i, "kg")] * 2,
                    ]
                    now = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)
                    await logbook.log_sets(
                        session, chat, day, user_id=chat, user_name="B", sets=sets, now=now
                    )

        async def measure(background: Callable[[], Awaitable[Any]] | None) -> list[float]:
            """Each update's time from when it arrived (on a fixed schedule) until it was handled, so
            time spent waiting for a blocked loop counts too."""
            task = asyncio.ensure_future(background()) if background else None
            await asyncio.sleep(0)
            latencies = []
            begin = time.perf_counter()
            for index in range(updates):
                arrival = begin + index * GAP
                await asyncio.sleep(max(0.0, arrival - time.perf_counter()))
                await drive(app, api.make_message(1 + index % CHATS, 1 + index % CHATS, "/streak"))
                latencies.append(time.perf_counter() - arrival)
            if task is not None:
                await task
            return latencies

        async def in_threads() -> None:
            await asyncio.gather(*(asyncio.to_thread(private_chart) for _ in range(CHARTS)))

        async def in_process() -> None:
            before = len(api.files)
            await asyncio.gather(
                *(drive(app, api.make_message(chat, chat, "/progress")) for chat in charting)
            )
            assert len(api.files) - before == CHARTS, "every /progress answered with a photo"

        async def on_loop() -> None:
            for _ in range(CHARTS):
                private_chart()
                await asyncio.sleep(0)

        await measure(None)  # warm-up: first-use costs of every path
        return {
            "alone": await measure(None),
            f"{CHARTS} /progress through the Application (worker process)": await measure(in_process),
            f"{CHARTS} charts in worker threads": await measure(in_threads),
            f"{CHARTS} charts on the event loop (contrast)": await measure(on_loop),
        }
    finally:
        await app.shutdown()
        await app.post_shutdown(app)  # type: ignore[misc]


def main(quick: bool, out: Path) -> dict[str, Any]:
    count = 20 if quick else 200
    start = time.perf_counter()
    private_chart()
    first = time.perf_counter() - start
    rows = [["first render in the process (font cache) (ms)", fmt(first * 1000, 0), "", ""]]
    for name, render in (
        ("private: 12 weeks + 3 lifts", private_chart),
        ("group of 5, no lifts", group_chart),
    ):
        times, size = render_times(render, count)
        rows.append(
            [
                name,
                fmt(quantile(times, 0.5) * 1000, 0),
                fmt(quantile(times, 0.99) * 1000, 0),
                f"{size / 1024:.0f} KiB",
            ]
        )
    print(f"\n## 6. /progress charts ({count} renders each)\n")
    print(table(["chart", "p50 (ms)", "p99 (ms)", "PNG"], rows))
    latencies = asyncio.run(other_chats(out, 60 if quick else 200))
    lat_rows = [
        [name, fmt(statistics.median(s) * 1000, 1), fmt(quantile(s, 0.99) * 1000, 1), fmt(max(s) * 1000, 1)]
        for name, s in latencies.items()
    ]
    print(f"\n/streak from {CHATS} other chats, one due every {GAP * 1000:.0f} ms, from due to handled:\n")
    print(table(["while", "p50 (ms)", "p99 (ms)", "max (ms)"], lat_rows))
    return {"renders": rows, "latency": lat_rows}


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    main(parser.parse_args().quick, Path(tempfile.mkdtemp(prefix="bench-")))
