"""Running the reminder tick periodically on the bot's own event loop.

PTB's JobQueue is used rather than a separate AsyncIOScheduler: it *is* APScheduler on the
Application's loop, it starts with ``Application.start()`` and stops with ``Application.stop()``
(so a harness that only initializes the app never ticks on its own), and its callbacks get the
typed context with the app's services. The database remains the schedule; the job only says
"look now".
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import suppress
from dataclasses import asdict
from datetime import datetime
from typing import Any, Protocol

from apscheduler.jobstores.base import JobLookupError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram.ext import Application, CallbackContext, Job

from bot.coach.knowledge import KnowledgeBase
from bot.coach.workouts import Catalog
from scheduler.dispatch import Content, DispatchConfig, TickReport, tick

log = logging.getLogger(__name__)

TICK_JOB_NAME = "reminders-tick"
# A moment after start-up rather than at once: PTB cannot schedule a repeating job for "now", and
# the first tick also catches up on whatever fell due while the bot was down.
FIRST_TICK_SECONDS = 1.0


class TickSettings(Protocol):
    @property
    def reminder_grace_minutes(self) -> int: ...

    @property
    def scheduler_tick_seconds(self) -> float: ...


class SchedulerServices(Protocol):
    """The part of the application's services the tick needs (``bot.context.Services`` fits)."""

    @property
    def settings(self) -> TickSettings: ...

    @property
    def sessionmaker(self) -> async_sessionmaker[AsyncSession]: ...

    @property
    def catalog(self) -> Catalog: ...

    @property
    def knowledge(self) -> KnowledgeBase: ...

    @property
    def clock(self) -> Callable[[], datetime]: ...


def job_options() -> dict[str, Any]:
    return {
        # The tick is idempotent and the database says what is due, so a tick that fires late (the
        # loop was busy, the machine slept) is still worth running rather than being dropped.
        "misfire_grace_time": None,
        # Several missed firings would all do the same work: run one.
        "coalesce": True,
        # Overlapping ticks in one process would only race for the same rows (on SQLite there is no
        # SKIP LOCKED); a tick that overruns its interval makes the next one wait instead.
        "max_instances": 1,
    }


def start(app: Application[Any, Any, Any, Any, Any, Any]) -> Job[Any]:
    """Schedule the periodic tick (it runs once the application is started)."""
    job_queue = app.job_queue
    if job_queue is None:
        raise RuntimeError("reminders need python-telegram-bot[job-queue]; install the package's extras")
    services: SchedulerServices = app.bot_data
    stop(app)
    interval = services.settings.scheduler_tick_seconds
    return job_queue.run_repeating(
        run_tick, interval=interval, first=FIRST_TICK_SECONDS, name=TICK_JOB_NAME, job_kwargs=job_options()
    )


def stop(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    job_queue = app.job_queue
    if job_queue is None:
        return
    for job in job_queue.get_jobs_by_name(TICK_JOB_NAME):
        # After Application.stop() the scheduler is shut down and no longer knows the job.
        with suppress(JobLookupError):
            job.schedule_removal()


async def run_tick(context: CallbackContext[Any, Any, Any, Any]) -> TickReport:
    services: SchedulerServices = context.bot_data
    content = Content.build(services.catalog, services.knowledge)
    config = DispatchConfig.from_settings(services.settings.reminder_grace_minutes)
    # The clock also times what happens during the tick (retry_after, leases); see tick().
    report = await tick(
        context.bot, services.sessionmaker, services.clock(), content, config, clock=services.clock
    )
    if any(asdict(report).values()):
        log.info("reminder tick: %s", report)
    return report
