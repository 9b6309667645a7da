"""What a reminder says, decided and rendered from facts read for a whole leased batch.

No I/O: given the ``Facts`` the dispatcher read for a batch, ``prepare`` turns an outbox row and its
chat into the message to send (a ``Delivery``), or into the reason it should no longer go out (a
``Skip``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.coach.catalog import Catalog
from bot.coach.knowledge import TIP_TOPICS, KnowledgeBase
from bot.coach.model import Equipment, Level
from bot.coach.planner import plan_session, profile_of
from bot.coach.workouts import render_preview
from scheduler import messages
from scheduler.outcomes import FAILED, LATE, SENT, SKIPPED
from scheduler.planning import SPARSE_AFTER
from scheduler.slots import Kind, next_tip
from storage.models import Chat, Outbox

SNOOZE = "snooze"
SKIP = "skip"
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


@dataclass
class Skip:
    status: str
    reason: str


@dataclass
class Facts:
    """What deciding and rendering a batch's rows needs, read in a handful of queries for the whole batch."""

    chats: dict[int, Chat]
    logged: set[tuple[int, date]]
    done: dict[int, int]
    # Status of the workout reminder the day before each rest-day row.
    workout_before: dict[tuple[int, date], str]


def prepare(
    row: Outbox,
    chat: Chat | None,
    facts: Facts,
    now: datetime,
    content: Content,
    grace: timedelta,
) -> Delivery | Skip:
    """What to send for this row, or why it should not be sent any more."""
    if chat is None or not chat.active:
        return Skip(SKIPPED, "chat inactive")
    if not chat.reminders_enabled:
        return Skip(SKIPPED, "reminders stopped")
    if chat.paused_until is not None and row.slot_date <= chat.paused_until:
        return Skip(SKIPPED, "paused")
    if row.kind == Kind.REST and not chat.nudges_enabled:
        return Skip(SKIPPED, "nudges off")
    if now - row.due_at > grace:
        return Skip(LATE, "past the grace window")
    texts = content.texts
    if row.kind in (Kind.WORKOUT, SNOOZE):
        if (chat.id, row.slot_date) in facts.logged:
            return Skip(SKIPPED, "already logged")
        rendered = messages.workout_reminder(
            texts,
            chat_id=chat.id,
            slot=row.slot_date,
            preview=_preview(chat, facts, content),
            fatigue=row.kind == Kind.WORKOUT and chat.unanswered == SPARSE_AFTER,
            snoozed=row.kind == SNOOZE,
        )
        return Delivery(row.id, chat.id, row.attempts, rendered)
    if row.kind == Kind.REST:
        if _missed_before(chat, row.slot_date, facts):
            rendered = messages.missed_nudge(texts, row.slot_date, _preview(chat, facts, content))
            return Delivery(row.id, chat.id, row.attempts, rendered)
        if not content.tips:
            return Skip(SKIPPED, "no tips")
        count = len(content.tips)
        index = next_tip(used_tips(chat.tips_used, count), count, seed=chat.id)
        rendered = messages.rest_nudge(texts, content.tips[index])
        return Delivery(row.id, chat.id, row.attempts, rendered, tip_index=index, tip_count=count)
    return Skip(FAILED, f"unknown kind {row.kind!r}")


def _preview(chat: Chat, facts: Facts, content: Content) -> str | None:
    if chat.level not in set(Level) or chat.equipment not in set(Equipment):
        return None
    done = facts.done.get(chat.id, 0)
    profile = profile_of(content.catalog, chat.level, chat.equipment, chat.kit, chat.weekly_target)
    planned = plan_session(content.catalog, profile, done + 1)
    return render_preview(planned)


def _missed_before(chat: Chat, rest_day: date, facts: Facts) -> bool:
    """Whether we reminded the chat of the workout right before this rest day and it went unlogged."""
    previous = rest_day - timedelta(days=1)
    # Only a reminder that actually went out (or that the chat skipped) makes the day "missed": a chat
    # that joined, paused or was offline that day was never asked.
    if facts.workout_before.get((chat.id, previous)) not in (SENT, SKIPPED):
        return False
    return (chat.id, previous) not in facts.logged


def used_tips(mask: int, count: int) -> frozenset[int]:
    return frozenset(i for i in range(count) if mask >> i & 1)


def after_tip(mask: int, index: int, count: int) -> int:
    used = used_tips(mask, count)
    # next_tip hands back an already-used index only once the rotation is exhausted: start over.
    return 1 << index if index in used else mask | 1 << index
