"""Running the reminder dispatcher on the bot's own event loop.

PTB's JobQueue is used rather than a separate AsyncIOScheduler: it *is* APScheduler on the
Application's loop, it starts with ``Application.start()`` and stops with ``Application.stop()``
(so a harness that only initializes the app never ticks on its own), and its callbacks get the
typed context with the app's services. The database remains the schedule; the job only says
"look now". A run (``scheduler.dispatch.drain``) goes on for as long as anything is due, at
``REMINDER_MAX_PER_SECOND``, and ends when the backlog is gone or the application stops: a backlog
goes out without a pause every tick interval, and a firing that comes while a run is still going
returns at once instead of competing with it for the same rows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import suppress
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, Protocol

from apscheduler.jobstores.base import JobLookupError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Bot
from telegram.ext import Application, CallbackContext, Job

from bot.coach.catalog import Catalog
from bot.coach.knowledge import KnowledgeBase
from scheduler.dispatch import Content, DispatchConfig, TickReport, drain
from scheduler.messages import ReminderTexts
from scheduler.pacing import PAID_LIMIT, Pacer

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

    @property
    def reminder_concurrency(self) -> int: ...

    @property
    def reminder_paid_broadcast(self) -> bool: ...


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
    def reminder_texts(self) -> ReminderTexts: ...

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
    # Whether a run is going on: a firing during a long run leaves the backlog to it.
    busy: bool = False

    @classmethod
    def build(cls, services: SchedulerServices) -> TickState:
        settings = services.settings
        config = DispatchConfig.from_settings(
            settings.reminder_grace_minutes,
            max_per_second=settings.reminder_max_per_second,
            batch_size=settings.reminder_batch_size,
            concurrency=settings.reminder_concurrency,
            paid_broadcast=settings.reminder_paid_broadcast,
        )
        content = Content.build(services.catalog, services.knowledge, services.reminder_texts)
        # Paid broadcasts are the whole of Telegram's 1,000/s for reminders: pace up to it, within it. The
        # free 30/s is shared with replies, so there the rate is the budget (see Pacer).
        limit = PAID_LIMIT if config.paid_broadcast else None
        return cls(Pacer(config.max_per_second, limit=limit), content, config)


def job_options() -> dict[str, Any]:
    return {
        # The tick is idempotent and the database says what is due, so a tick that fires late (the
        # loop was busy, the machine slept) is still worth running rather than being dropped.
        "misfire_grace_time": None,
        # Several missed firings would all do the same work: run one.
        "coalesce": True,
        # A run lasts as long as the backlog; a firing meanwhile returns at once (see run_tick). Two
        # instances rather than one so that APScheduler does not log every such firing as skipped.
        "max_instances": 2,
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
    app = context.application
    # Fired by the scheduler: stop sending (and hand the queued rows back) as soon as the application
    # starts stopping, since Application.stop() waits for running jobs, and start nothing while it stops
    # (the scheduler keeps firing until then). Fired by hand with no scheduler running (tests, a one-off
    # catch-up), a run goes to the end.
    scheduled = app.job_queue is not None and app.job_queue.scheduler.running
    if state.busy or (scheduled and not app.running):
        return TickReport()
    state.busy = True
    try:
        # The clock also times what happens during the run (retry_after, leases); see dispatch.tick().
        report = await drain(
            services.reminder_bot,
            services.sessionmaker,
            state.content,
            state.config,
            clock=services.clock,
            pacer=state.pacer,
            running=lambda: app.running or not scheduled,
        )
    finally:
        state.busy = False
    if any(asdict(report).values()):
        log.info("reminder run: %s", report)
    return report
