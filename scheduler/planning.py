"""Keeping a chat's next due reminder in step with its settings.

Pure: decisions are made on a ``ReminderPlan`` snapshot; ``reschedule`` reads one from a row and hands
the answer back through the row's own method, so this module never sees the ORM.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from scheduler.slots import Schedule, local_instant, next_slot
from storage.records import NextReminder, ReminderPlan

SPARSE_AFTER = 3


class Reschedulable(Protocol):
    def reminder_plan(self) -> ReminderPlan: ...

    def set_next_reminder(self, slot: NextReminder | None) -> None: ...


class HasReminderMinute(Protocol):
    @property
    def reminder_minute(self) -> int: ...


def days_from_mask(mask: int) -> frozenset[int]:
    return frozenset(day for day in range(7) if mask >> day & 1)


def mask_from_days(days: frozenset[int]) -> int:
    return sum(1 << day for day in days)


def reminder_time(chat: HasReminderMinute) -> time:
    return time(chat.reminder_minute // 60, chat.reminder_minute % 60)


def schedule_of(plan: ReminderPlan) -> Schedule:
    return Schedule(
        days=days_from_mask(plan.workout_days),
        at=reminder_time(plan),
        tz=plan.timezone,
        nudges=plan.nudges,
        sparse=plan.unanswered >= SPARSE_AFTER,
        paused_until=plan.paused_until,
        paused_from=plan.paused_from,
    )


def next_reminder(plan: ReminderPlan, now: datetime) -> NextReminder | None:
    """The chat's first slot strictly after ``now``, or None if it gets no reminders."""
    if not (plan.active and plan.reminders_enabled and plan.onboarded and plan.workout_days):
        return None
    instant, kind, day = next_slot(schedule_of(plan), now)
    return NextReminder(instant, kind, day)


def first_after_pause(plan: ReminderPlan, now: datetime) -> NextReminder | None:
    """The chat's first training-day reminder after its pause (rest-day tips left out), by its days and time:
    what "they start again on …" names. None where it gets no reminders."""
    training = replace(plan, nudges=False)
    if plan.paused_until is None:
        return next_reminder(training, now)
    # The last instant of the pause's last day, in the chat's own calendar.
    day_after = plan.paused_until + timedelta(days=1)
    end = local_instant(day_after, time(0), ZoneInfo(plan.timezone)) - timedelta(microseconds=1)
    return next_reminder(training, max(now, end))


def reschedule(chat: Reschedulable, now: datetime) -> None:
    """Point the chat at its first slot strictly after ``now``, or at nothing."""
    chat.set_next_reminder(next_reminder(chat.reminder_plan(), now))
