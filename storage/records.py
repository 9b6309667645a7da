"""Plain values the database hands out and takes back: the outbox's kinds and statuses.

No SQLAlchemy here, so pure code (slot arithmetic, rendering) can name them without loading the ORM.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class SetOrigin(StrEnum):
    """Where a logged set's numbers came from: typed by the member (a /log, a load answered, an Adjust
    panel's change) or assumed from the plan (As written, Save's lifts left as shown). A typed log of an
    exercise whose day holds only assumed sets takes their place rather than adding to them."""

    TYPED = "typed"
    AS_WRITTEN = "as_written"


class OutboxKind(StrEnum):
    """What an outbox row delivers; with the chat and the local day, the row's unique slot key."""

    WORKOUT = "workout"
    REST = "rest"
    # The copy of a workout reminder a chat asked for an hour later.
    SNOOZE = "snooze"
    # Never sent: records that the chat skipped that day, so a second Skip or Snooze is refused.
    SKIP = "skip"


class OutboxStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    # Not sent on purpose: already logged, stopped, paused, nudges off, skipped by the chat.
    SKIPPED = "skipped"
    # Past the grace window (the bot was down): recorded, never sent hours late.
    LATE = "late"
    BLOCKED = "blocked"
    FAILED = "failed"

    @property
    def final(self) -> bool:
        return self is not OutboxStatus.PENDING


class Settle(StrEnum):
    """What became of one leased row: a final status, or back to pending (never stored as such)."""

    SENT = "sent"
    BLOCKED = "blocked"
    FAILED = "failed"
    # Telegram asked us to wait, or a transient error: pending again from ``not_before``.
    RETRY = "retry"
    # Handed back unsent (the run stopped, or too little of the lease was left).
    RELEASE = "release"


@dataclass(frozen=True)
class Outcome:
    """What became of one leased outbox row, waiting to be written (``storage.delivery.write_outcomes``)."""

    outbox_id: int
    chat_id: int
    settle: Settle
    # The lease the sender held: a retry or a hand-back changes the row only while it is still this one.
    lease_until: datetime | None = None
    error: str | None = None
    message_id: int | None = None
    not_before: datetime | None = None
    # Flood control and migrations are not the message's fault: they give back the attempt.
    refund: bool = False
    migrated_to: int | None = None
    # The recovery tip a sent rest-day nudge used, marked used in the chat's rotation.
    tip_index: int | None = None


@dataclass(frozen=True)
class ReminderPlan:
    """What decides a chat's next reminder (``scheduler.planning.next_reminder``)."""

    active: bool
    reminders_enabled: bool
    onboarded: bool
    # Bit i set = weekday i (Monday = 0) is a workout day.
    workout_days: int
    reminder_minute: int
    timezone: str
    nudges: bool
    unanswered: int
    paused_until: date | None
    # A pause's first day when it was asked to start later; None: every day through ``paused_until``.
    paused_from: date | None


@dataclass(frozen=True)
class NextReminder:
    at: datetime
    kind: OutboxKind
    # The chat's local date the slot belongs to.
    day: date


@dataclass(frozen=True)
class ChatView:
    """What deciding and rendering a chat's reminder reads of the chat."""

    id: int
    active: bool
    reminders_enabled: bool
    nudges_enabled: bool
    paused_until: date | None
    # A pause's first day when it was asked to start later; None: every day through ``paused_until``.
    paused_from: date | None
    level: str | None
    equipment: str | None
    # What a home trainee owns, comma-separated ("" = nothing); None until asked.
    kit: str | None
    # Sessions a week the chat aims for: the planner's block layout depends on it.
    weekly_target: int
    unanswered: int
    tips_used: int
    # Bit i set = weekday i (Monday = 0) is a workout day: the days the week's barbell hinges go to.
    workout_days: int = 0
    # The exercises the chat swapped for others it chose (``chats.swaps``): its plan gives those.
    swaps: str | None = None
    # The age bracket it told ("60-69"), None if it never did: a trainee of 60+ gets an adapted plan.
    age_bracket: str | None = None


@dataclass(frozen=True)
class OutboxRow:
    """A pending outbox row as the dispatcher leased it."""

    id: int
    chat_id: int
    kind: OutboxKind
    slot_date: date
    due_at: datetime
    attempts: int


@dataclass(frozen=True)
class Told:
    """A caution as stored (``storage.cautions``): the day the pain was told, whether in the lower back,
    the last day it leaves its exercise out once "It's fine now" was said (None while it is in force),
    where the pain was told ("shoulder"; None when no part was named), and whether it was told of that part
    and a kind of move rather than of the exercise (``by_part``: the 🛑 button under a pain naming none, the
    exercise one of the kind, standing for it)."""

    on: date
    lower_back: bool = False
    cleared_on: date | None = None
    body_part: str | None = None
    by_part: bool = False

    def in_force(self, day: date) -> bool:
        """Whether it leaves its exercise out of ``day``'s session: told by then and not cleared before it.
        "It's fine now" said on a day something was logged (or Done pressed) still leaves it out of that
        day: its /workout was shown without it and may have been trained from, and Done's As written logs
        what was shown, so the exercise is back from the next day; said before anything of the day was
        logged, ``cleared_on`` is the day before and it is back that day (a session done before the pain was
        told, or on a day after it was cleared, is not rewritten)."""
        return self.on <= day and (self.cleared_on is None or day <= self.cleared_on)
