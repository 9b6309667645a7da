"""Keeping a chat row's next due reminder in step with its settings."""

from __future__ import annotations

from datetime import datetime, time

from scheduler.slots import Schedule, next_slot
from storage.models import Chat

SPARSE_AFTER = 3


def days_from_mask(mask: int) -> frozenset[int]:
    return frozenset(day for day in range(7) if mask >> day & 1)


def mask_from_days(days: frozenset[int]) -> int:
    return sum(1 << day for day in days)


def reminder_time(chat: Chat) -> time:
    return time(chat.reminder_minute // 60, chat.reminder_minute % 60)


def schedule_of(chat: Chat) -> Schedule:
    return Schedule(
        days=days_from_mask(chat.workout_days),
        at=reminder_time(chat),
        tz=chat.timezone,
        nudges=chat.nudges_enabled,
        sparse=chat.unanswered >= SPARSE_AFTER,
        paused_until=chat.paused_until,
    )


def reschedule(chat: Chat, now: datetime) -> None:
    """Point the chat at its first slot strictly after ``now``, or at nothing if it gets no reminders."""
    if not (chat.active and chat.reminders_enabled and chat.onboarding_step is None and chat.workout_days):
        chat.next_reminder_at = chat.next_reminder_kind = chat.next_reminder_day = None
        return
    instant, kind, day = next_slot(schedule_of(chat), now)
    chat.next_reminder_at, chat.next_reminder_kind, chat.next_reminder_day = instant, kind.value, day
