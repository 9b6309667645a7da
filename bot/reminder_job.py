"""Running the reminder dispatcher on the bot's own event loop, on the replica that leads.

PTB's JobQueue is used rather than a separate AsyncIOScheduler: it *is* APScheduler on the
Application's loop, it starts with ``Application.start()`` and stops with ``Application.stop()``
(so a harness that only initializes the app never ticks on its own), and its callbacks get the
typed context with the app's services. The database remains the schedule; the job only says
"look now". Two jobs:

* the lead job renews this replica's claim to the dispatch every couple of seconds
  (``scheduler.leadership``); a replica that takes the lead starts a run at once;
* the tick job, on the leader only, runs ``scheduler.dispatch.drain``, which goes on for as long as
  anything is due, at ``REMINDER_MAX_PER_SECOND`` for the whole bot, and ends when the backlog is gone,
  the application stops or the lead is lost. A firing that comes while a run is still going returns at
  once instead of competing with it for the same rows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from apscheduler.jobstores.base import JobLookupError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Bot
from telegram.ext import Application, CallbackContext, Job, JobQueue

from bot.coach.catalog import Catalog
from bot.coach.knowledge import KnowledgeBase
from bot.reminder_sender import TelegramSender
from scheduler.dispatch import Content, DispatchConfig, RunReport, drain
from scheduler.leadership import DISPATCH, Lead, Leadership
from scheduler.messages import ReminderTexts
from scheduler.pacing import PAID_LIMIT, Pacer

log = logging.getLogger(__name__)

TICK_JOB_NAME = "reminders-tick"
LEAD_JOB_NAME = "reminders-lead"
# A moment after start-up rather than at once: PTB cannot schedule a repeating job for "now", and
# the first tick also catches up on whatever fell due while the bot was down.
FIRST_TICK_SECONDS = 1.0
FIRST_LEAD_SECONDS = 0.5


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
    """The part of the application's services the jobs need (``bot.context.Services`` fits)."""

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
    """What outlives one run of the job: the pacer (so the rate holds from one run to the next), the
    lead, and what is fixed for the process's life, built once at start rather than on every tick."""

    pacer: Pacer
    content: Content
    config: DispatchConfig
    send: TelegramSender
    leadership: Leadership
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
        )
        content = Content.build(services.catalog, services.knowledge, services.reminder_texts)
        paid = settings.reminder_paid_broadcast
        # Paid broadcasts are the whole of Telegram's 1,000/s for reminders: pace up to it, within it. The
        # free 30/s is shared with replies, so there the rate is the budget (see Pacer).
        pacer = Pacer(config.max_per_second, limit=PAID_LIMIT if paid else None)
        send = TelegramSender(services.reminder_bot, paid_broadcast=paid)
        leadership = Leadership(services.sessionmaker, services.clock)
        return cls(pacer, content, config, send, leadership)


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
    """Schedule the periodic tick and lead jobs (they run once the application is started)."""
    job_queue = app.job_queue
    if job_queue is None:
        raise RuntimeError("reminders need python-telegram-bot[job-queue]; install the package's extras")
    services: SchedulerServices = app.bot_data
    remove_jobs(app)
    state = TickState.build(services)
    job_queue.run_repeating(
        keep_lead,
        interval=state.leadership.config.renew_every,
        first=FIRST_LEAD_SECONDS,
        name=LEAD_JOB_NAME,
        data=state,
        job_kwargs={**job_options(), "max_instances": 1},
    )
    return job_queue.run_repeating(
        run_tick,
        interval=services.settings.scheduler_tick_seconds,
        first=FIRST_TICK_SECONDS,
        name=TICK_JOB_NAME,
        data=state,
        job_kwargs=job_options(),
    )


# The lease the reminder dispatch is led under (for /healthz: whether another replica is in charge).
LEASE = DISPATCH


def leads(app: Application[Any, Any, Any, Any, Any, Any]) -> bool:
    """Whether this process holds the reminder lead now."""
    job_queue = app.job_queue
    if job_queue is None:
        return False
    return any(isinstance(job.data, TickState) and job.data.leadership.holds() for job in _jobs(job_queue))


def remove_jobs(app: Application[Any, Any, Any, Any, Any, Any]) -> list[TickState]:
    job_queue = app.job_queue
    if job_queue is None:
        return []
    states: list[TickState] = []
    for job in _jobs(job_queue):
        if isinstance(job.data, TickState) and job.data not in states:
            states.append(job.data)
        # After Application.stop() the scheduler is shut down and no longer knows the job.
        with suppress(JobLookupError):
            job.schedule_removal()
    return states


def _jobs(job_queue: JobQueue[Any]) -> list[Job[Any]]:
    """The reminder jobs this process runs: the tick and the lead."""
    return [job for name in (TICK_JOB_NAME, LEAD_JOB_NAME) for job in job_queue.get_jobs_by_name(name)]


async def stop(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Remove the jobs and hand the lead over at once, so a restart does not pause reminders for ``ttl``."""
    for state in remove_jobs(app):
        await state.leadership.give_up()


def _state(context: CallbackContext[Any, Any, Any, Any]) -> TickState:
    state = context.job.data if context.job is not None else None
    if not isinstance(state, TickState):
        state = TickState.build(context.bot_data)
    return state


async def keep_lead(context: CallbackContext[Any, Any, Any, Any]) -> Lead:
    state = _state(context)
    lead = await state.leadership.renew(free_stale_rows=not state.busy)
    if lead is Lead.TAKEN and context.job_queue is not None and not state.busy:
        # A new leader catches up at once rather than at its next tick: the old one has been silent
        # for a lease already.
        context.job_queue.run_once(run_tick, 0, data=state, name=TICK_JOB_NAME, job_kwargs=job_options())
    return lead


async def run_tick(context: CallbackContext[Any, Any, Any, Any]) -> RunReport:
    services: SchedulerServices = context.bot_data
    state = _state(context)
    app = context.application
    # Fired by the scheduler: stop sending (and hand the queued rows back) as soon as the application
    # starts stopping, since Application.stop() waits for running jobs, and start nothing while it stops
    # (the scheduler keeps firing until then). Fired by hand with no scheduler running (tests, a one-off
    # catch-up), a run goes to the end.
    scheduled = app.job_queue is not None and app.job_queue.scheduler.running
    if state.busy or (scheduled and not app.running):
        return RunReport()
    state.busy = True
    try:
        # Renewed here too: a run starts only with a fresh lease, whatever the lead job last saw.
        if await state.leadership.renew(free_stale_rows=True) is Lead.NONE:
            return RunReport()
        leadership = state.leadership
        report = await drain(
            state.send,
            services.sessionmaker,
            state.content,
            state.config,
            clock=services.clock,
            pacer=state.pacer,
            running=lambda: leadership.holds() and (app.running or not scheduled),
        )
    finally:
        state.busy = False
    if report:
        log.info("reminder run: %s", report)
    return report
