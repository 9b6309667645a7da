"""The APScheduler wiring: the tick job's options, and that firing it runs a real tick."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application

from bot import reminder_job as service
from scheduler import dispatch
from tests.bot.harness import running_harness

CHAT = 31337


async def test_tick_job_has_deliberate_options_and_runs_the_tick(tmp_path: Path, backend: str) -> None:
    async with running_harness(tmp_path, backend, scheduler_tick_seconds=20) as harness:
        job_queue = harness.app.job_queue
        assert job_queue is not None
        [job] = job_queue.get_jobs_by_name(service.TICK_JOB_NAME)
        scheduled = job.job
        assert scheduled.misfire_grace_time is None
        assert scheduled.coalesce is True
        assert scheduled.max_instances == 2
        assert scheduled.trigger.interval == timedelta(seconds=20)

        await harness.onboard(CHAT)
        # Onboarded on a Tuesday at 10:00 UTC: the first slot is that evening's rest-day nudge.
        harness.clock.now = datetime(2026, 11, 24, 17, 59, tzinfo=UTC)
        before = len(harness.api.messages_for(CHAT))
        await scheduled.func(*scheduled.args)
        assert len(harness.api.messages_for(CHAT)) == before

        harness.clock.now = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)
        await scheduled.func(*scheduled.args)
        [nudge] = harness.api.messages_for(CHAT)[before:]
        assert "Rest day" in (nudge.text or "")
    assert job_queue.get_jobs_by_name(service.TICK_JOB_NAME) == (), "post_shutdown removes the job"


async def test_start_replaces_rather_than_duplicates_the_job(tmp_path: Path) -> None:
    async with running_harness(tmp_path) as harness:
        service.start(harness.app)
        job_queue = harness.app.job_queue
        assert job_queue is not None
        assert len(job_queue.get_jobs_by_name(service.TICK_JOB_NAME)) == 1


async def test_a_firing_during_a_run_leaves_the_backlog_to_that_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs: list[asyncio.Event] = []
    started = asyncio.Queue[None]()

    async def slow_drain(*args: Any, **kwargs: Any) -> dispatch.RunReport:
        release = asyncio.Event()
        runs.append(release)
        started.put_nowait(None)
        await release.wait()
        return dispatch.RunReport()

    monkeypatch.setattr(service, "drain", slow_drain)
    async with running_harness(tmp_path) as harness:
        job_queue = harness.app.job_queue
        assert job_queue is not None
        [job] = job_queue.get_jobs_by_name(service.TICK_JOB_NAME)
        first = asyncio.create_task(job.job.func(*job.job.args))
        await asyncio.wait_for(started.get(), timeout=5)
        await asyncio.wait_for(job.job.func(*job.job.args), timeout=5)
        assert len(runs) == 1, "the second firing returned without starting a run"
        runs[0].set()
        await first
        second = asyncio.create_task(job.job.func(*job.job.args))
        await asyncio.wait_for(started.get(), timeout=5)
        assert len(runs) == 2, "once the run is over, the next firing starts one"
        runs[1].set()
        await second


async def test_the_run_is_configured_from_the_settings(tmp_path: Path) -> None:
    async with running_harness(
        tmp_path,
        reminder_concurrency=24,
        reminder_batch_size=50,
        reminder_max_per_second=500,
        reminder_paid_broadcast=True,
    ) as harness:
        job_queue = harness.app.job_queue
        assert job_queue is not None
        [job] = job_queue.get_jobs_by_name(service.TICK_JOB_NAME)
        state = job.data
        assert isinstance(state, service.TickState)
        config = state.config
        assert (config.concurrency, config.batch_size, config.max_per_second) == (24, 50, 500)
        assert state.send.paid_broadcast is True


async def test_a_firing_while_the_application_stops_starts_no_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with running_harness(tmp_path) as harness:
        await harness.onboard(CHAT)
        job_queue = harness.app.job_queue
        assert job_queue is not None
        [job] = job_queue.get_jobs_by_name(service.TICK_JOB_NAME)
        harness.clock.now = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)
        before = len(harness.api.messages_for(CHAT))
        # Application.stop() clears `running` first and stops the scheduler only after the updates drain.
        with monkeypatch.context() as patched:
            patched.setattr(type(job_queue.scheduler), "running", property(lambda self: True))
            patched.setattr(Application, "running", property(lambda self: False))
            await job.job.func(*job.job.args)
        assert len(harness.api.messages_for(CHAT)) == before
        await job.job.func(*job.job.args)
        assert len(harness.api.messages_for(CHAT)) == before + 1
