"""Rendering /progress charts in a worker process, so other chats are not held up while they draw.

A worker *thread* is not enough: matplotlib draws mostly in Python and holds the GIL, and with 20 charts
rendering in threads other chats' updates waited 20-70 ms at the median and up to 260 ms
(BENCHMARKS.md §6). A separate process has a GIL of its own; the event loop only pickles plain data
in and PNG bytes out. One worker by default: charts are asked for rarely, and each one is CPU-bound,
so more workers would only compete with the bot for the same cores.

The process is started with "spawn" (not fork: forking a process that runs an event loop and database
threads copies their locks mid-use) on the first chart, or up front with ``start`` so the first
/progress does not pay matplotlib's import.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from collections.abc import Collection, Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from functools import partial

from bot.coach.chart_weeks import Pause
from bot.coach.charts import Chart, Lift, Member, render_progress
from bot.coach.streaks import EVERY_DAY
from bot.coach.texts import Texts


class ChartRenderer:
    def __init__(self, workers: int = 1) -> None:
        self._workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def start(self) -> None:
        if self._pool is None:
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(max_workers=self._workers, mp_context=context)

    async def warm_up(self) -> None:
        """Start the worker and import matplotlib in it (about a second), e.g. in ``post_init``."""
        self.start()
        assert self._pool is not None
        await asyncio.get_running_loop().run_in_executor(self._pool, _import_matplotlib)

    async def render(
        self,
        *,
        today: date,
        weekly_target: int,
        members: Sequence[Member],
        lifts: Sequence[Lift],
        texts: Texts,
        paused: Sequence[Pause] = (),
        workout_days: Collection[int] = EVERY_DAY,
    ) -> Chart | None:
        """``bot.coach.charts.render_progress`` in the worker process."""
        self.start()
        assert self._pool is not None
        job = partial(
            render_progress,
            today=today,
            weekly_target=weekly_target,
            members=list(members),
            lifts=list(lifts),
            texts=texts,
            paused=list(paused),
            workout_days=frozenset(workout_days),
        )
        return await asyncio.get_running_loop().run_in_executor(self._pool, job)

    def close(self) -> None:
        """Stop the worker; charts still queued are cancelled (their callers get CancelledError)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _import_matplotlib() -> None:
    """Nothing to do: unpickling this function in the worker imports this module, and matplotlib with it."""
