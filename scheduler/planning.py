"""Keeping a chat's next due reminder in step with its settings.

Pure: decisions are made on a ``ReminderPlan`` snapshot; ``reschedule`` reads one from a row and hands
the answer back through the row's own method, so this module never sees the ORM.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Protocol

from scheduler.slots import Schedule, next_slot
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
    )


def next_reminder(plan: ReminderPlan, now: datetime) -> NextReminder | None:
    """The chat's first slot strictly after ``now``, or None if it gets no reminders."""
    if not (plan.active and plan.reminders_enabled and plan.onboarded and plan.workout_days):
        return None
    instant, kind, day = next_slot(schedule_of(plan), now)
    return NextReminder(instant, kind, day)


def reschedule(chat: Reschedulable, now: datetime) -> None:
    """Point the chat at its first slot strictly after ``now``, or at nothing."""
    chat.set_next_reminder(next_reminder(chat.reminder_plan(), now))
