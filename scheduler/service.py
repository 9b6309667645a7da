"""Running the reminder tick periodically on the bot's own event loop.

PTB's JobQueue is used rather than a separate AsyncIOScheduler: it *is* APScheduler on the
Application's loop, it starts with ``Application.start()`` and stops with ``Application.stop()``
(so a harness that only initializes the app never ticks on its own), and its callbacks get the
typed context with the app's services. The database remains the schedule; the job only says
"look now" — and when there is more due than one batch, each run keeps sending batch after batch
(``scheduler.dispatch.drain``) at ``REMINDER_MAX_PER_SECOND`` until the backlog is gone or the run's
budget, just under the tick interval, is used up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import suppress
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from apscheduler.jobstores.base import JobLookupError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Bot
from telegram.ext import Application, CallbackContext, Job

from bot.coach.knowledge import KnowledgeBase
from bot.coach.workouts import Catalog
from scheduler.dispatch import Content, DispatchConfig, Pacer, TickReport, drain

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

    @property
    def reminder_max_per_second(self) -> float: ...

    @property
    def reminder_batch_size(self) -> int: ...


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

    @property
    def reminder_bot(self) -> Bot: ...


@dataclass
class TickState:
    """What outlives one run of the job: the pacer (so the rate holds from one run to the next) and
    what is fixed for the process's life, built once at start rather than on every tick."""

    pacer: Pacer
    content: Content
    config: DispatchConfig

    @classmethod
    def build(cls, services: SchedulerServices) -> TickState:
        settings = services.settings
        config = DispatchConfig.from_settings(
            settings.reminder_grace_minutes,
            max_per_second=settings.reminder_max_per_second,
            batch_size=settings.reminder_batch_size,
        )
        content = Content.build(services.catalog, services.knowledge)
        return cls(Pacer(config.max_per_second), content, config)


def run_budget(interval_seconds: float) -> timedelta:
    """How long one run may keep sending: the interval less a margin for the last batch's claim and writes.

    A run still going when the next one is due makes APScheduler skip that one (max_instances=1) and wait
    a whole further interval, so a run ends a little early instead.
    """
    return timedelta(seconds=interval_seconds - min(0.5, interval_seconds / 10))


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
    return job_queue.run_repeating(
        run_tick,
        interval=services.settings.scheduler_tick_seconds,
        first=FIRST_TICK_SECONDS,
        name=TICK_JOB_NAME,
        data=TickState.build(services),
        job_kwargs=job_options(),
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
    state = context.job.data if context.job is not None else None
    if not isinstance(state, TickState):
        state = TickState.build(services)
    # The clock also times what happens during the run (retry_after, leases, the budget); see tick().
    report = await drain(
        services.reminder_bot,
        services.sessionmaker,
        state.content,
        state.config,
        clock=services.clock,
        budget=run_budget(services.settings.scheduler_tick_seconds),
        pacer=state.pacer,
    )
    if any(asdict(report).values()):
        log.info("reminder tick: %s", report)
    return report
