"""What a reminder says, decided and rendered from facts read for a whole leased batch.

No I/O and no ORM: given the ``Facts`` the dispatcher read for a batch (plain snapshots from
``storage.records``), ``prepare`` turns an outbox row and its chat into the message to send (a
``Delivery``), or into the reason it should no longer go out (a ``Skip``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from bot.coach.agefit import is_older
from bot.coach.catalog import Catalog
from bot.coach.cautions import SHOULDER, leave_out
from bot.coach.knowledge import TIP_TOPICS, KnowledgeBase
from bot.coach.model import Equipment, Level
from bot.coach.planner import Session, plan_session, profile_of
from bot.coach.trainingweeks import PLANNED, training_weeks
from bot.coach.workouts import render_preview
from scheduler import messages
from scheduler.planning import SPARSE_AFTER
from scheduler.slots import next_tip
from storage.records import ChatView, OutboxKind, OutboxRow, OutboxStatus, Told

# tips_used is a signed 64-bit bitmask.
MAX_TIPS = 63


@dataclass(frozen=True)
class Content:
    catalog: Catalog
    tips: tuple[str, ...]
    texts: messages.ReminderTexts

    @classmethod
    def build(
        cls, catalog: Catalog, knowledge: KnowledgeBase, texts: messages.ReminderTexts | None = None
    ) -> Content:
        tips = tuple(tip.text for tip in knowledge.tips if tip.topic in TIP_TOPICS)[:MAX_TIPS]
        return cls(catalog=catalog, tips=tips, texts=texts or messages.ReminderTexts.load())


@dataclass
class Delivery:
    outbox_id: int
    chat_id: int
    attempts: int
    rendered: messages.Rendered
    tip_index: int | None = None
    tip_count: int = 0
    lease_until: datetime | None = None


@dataclass(frozen=True)
class Skip:
    status: OutboxStatus
    reason: str


@dataclass(frozen=True)
class Facts:
    """What deciding and rendering a batch's rows needs, read in a handful of queries for the whole batch."""

    chats: dict[int, ChatView]
    logged: set[tuple[int, date]]
    # The days each chat logged, oldest first: how many sessions it has done, and a block's weeks are the
    # calendar weeks among them (``planner.Weeks``).
    trained: dict[int, list[date]]
    # Status of the workout reminder the day before each rest-day row.
    workout_before: dict[tuple[int, date], OutboxStatus]
    # The exercises each chat said hurt and has not cleared, or cleared on a row's day or later, as told
    # (``storage.cautions``): the preview leaves them out from the day told through the day cleared, as
    # /workout does (``Told.in_force``), and the bent-over moves with a hinge or a lower back.
    cautions: dict[int, dict[str, Told]] = field(default_factory=dict)


def prepare(
    row: OutboxRow,
    chat: ChatView | None,
    facts: Facts,
    now: datetime,
    content: Content,
    grace: timedelta,
) -> Delivery | Skip:
    """What to send for this row, or why it should not be sent any more."""
    if chat is None or not chat.active:
        return Skip(OutboxStatus.SKIPPED, "chat inactive")
    if not chat.reminders_enabled:
        return Skip(OutboxStatus.SKIPPED, "reminders stopped")
    if (
        chat.paused_until is not None
        and (chat.paused_from or row.slot_date) <= row.slot_date <= chat.paused_until
    ):
        return Skip(OutboxStatus.SKIPPED, "paused")
    if row.kind == OutboxKind.REST and not chat.nudges_enabled:
        return Skip(OutboxStatus.SKIPPED, "nudges off")
    if now - row.due_at > grace:
        return Skip(OutboxStatus.LATE, "past the grace window")
    texts = content.texts
    if row.kind in (OutboxKind.WORKOUT, OutboxKind.SNOOZE):
        if (chat.id, row.slot_date) in facts.logged:
            return Skip(OutboxStatus.SKIPPED, "already logged")
        planned = next_session(chat, facts, content, row.slot_date)
        rendered = messages.workout_reminder(
            texts,
            chat_id=chat.id,
            slot=row.slot_date,
            preview=render_preview(planned) if planned is not None else None,
            fatigue=row.kind == OutboxKind.WORKOUT and chat.unanswered == SPARSE_AFTER,
            snoozed=row.kind == OutboxKind.SNOOZE,
        )
        return Delivery(row.id, chat.id, row.attempts, rendered)
    if row.kind == OutboxKind.REST:
        if _missed_before(chat, row.slot_date, facts):
            planned = next_session(chat, facts, content, row.slot_date)
            rendered = messages.missed_nudge(
                texts,
                row.slot_date,
                render_preview(planned) if planned is not None else None,
                minutes=planned.minutes if planned is not None else None,
            )
            return Delivery(row.id, chat.id, row.attempts, rendered)
        if not content.tips:
            return Skip(OutboxStatus.SKIPPED, "no tips")
        count = len(content.tips)
        index = next_tip(used_tips(chat.tips_used, count), count, seed=chat.id)
        rendered = messages.rest_nudge(texts, content.tips[index])
        return Delivery(row.id, chat.id, row.attempts, rendered, tip_index=index, tip_count=count)
    return Skip(OutboxStatus.FAILED, f"unknown kind {row.kind!r}")


def next_session(chat: ChatView, facts: Facts, content: Content, day: date | None = None) -> Session | None:
    """The session the chat's next /workout gives (on ``day``, the reminder's), or None for a chat not set
    up for one.

    The one place the scheduler asks the coach for a plan: what it passes (level, equipment, kit) is
    what ``plan_session`` takes; the exercises the chat said hurt by ``day`` are left out, as /workout
    leaves them out (``bot.coach.cautions``).
    """
    if chat.level not in set(Level) or chat.equipment not in set(Equipment):
        return None
    trained = facts.trained.get(chat.id)
    done = len(trained or ())
    catalog = content.catalog
    older = is_older(catalog, chat.age_bracket)
    profile = profile_of(
        catalog,
        chat.level,
        chat.equipment,
        chat.kit,
        chat.weekly_target,
        chat.workout_days,
        chat.swaps,
        older=older,
    )
    weeks = PLANNED
    if trained is not None or day is not None:
        weeks = training_weeks([*(trained or []), *([day] if day is not None else [])])
    planned = plan_session(content.catalog, profile, done + 1, weeks)
    told = facts.cautions.get(chat.id, {})
    cautioned = {
        exercise: one
        for exercise, one in told.items()
        if (one.cleared_on is None if day is None else one.in_force(day))
    }
    lower_back = {exercise for exercise, one in cautioned.items() if one.lower_back}
    shoulder = {exercise for exercise, one in cautioned.items() if one.body_part == SHOULDER}
    return leave_out(planned, cautioned, content.catalog, lower_back=lower_back, shoulder=shoulder).session


def _missed_before(chat: ChatView, rest_day: date, facts: Facts) -> bool:
    """Whether we reminded the chat of the workout right before this rest day and it went unlogged."""
    previous = rest_day - timedelta(days=1)
    # Only a reminder that actually went out (or that the chat skipped) makes the day "missed": a chat
    # that joined, paused or was offline that day was never asked.
    if facts.workout_before.get((chat.id, previous)) not in (OutboxStatus.SENT, OutboxStatus.SKIPPED):
        return False
    return (chat.id, previous) not in facts.logged


def used_tips(mask: int, count: int) -> frozenset[int]:
    return frozenset(i for i in range(count) if mask >> i & 1)
