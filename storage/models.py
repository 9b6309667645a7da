"""Typed ORM models. A chat (private or group) is the unit everything hangs off."""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import TypeVar

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from storage.records import (
    ChatView,
    NextReminder,
    OutboxKind,
    OutboxRow,
    OutboxStatus,
    ReminderPlan,
    SetOrigin,
)

# Named constraints keep Alembic migrations identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

MONDAY_THURSDAY = 0b0001001

E = TypeVar("E", bound=StrEnum)


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend.

    SQLite keeps no offset, so values are stored as naive UTC there (which also keeps its text
    comparison in due-reminder queries correct) and given their UTC zone back on the way out.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column; pass an aware datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class StrEnumColumn(TypeDecorator[E]):
    """A ``StrEnum`` stored as its plain string value (VARCHAR, no database enum type to migrate).

    Values come back as members of the enum, so a status read from the database is the same type
    everywhere; an unknown value stored by a newer release fails loudly rather than passing as a string.
    """

    impl = String
    cache_ok = True

    def __init__(self, enum: type[E], length: int) -> None:
        super().__init__(length)
        self.enum = enum

    def process_bind_param(self, value: E | str | None, dialect: Dialect) -> str | None:
        return None if value is None else self.enum(value).value

    def process_result_value(self, value: str | None, dialect: Dialect) -> E | None:
        return None if value is None else self.enum(value)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Chat(Base):
    __tablename__ = "chats"
    # The claim reads due chats in (next_reminder_at, id) order. With id in the index, a claim reads
    # just its batch even when thousands of chats share one due minute; on next_reminder_at alone, every
    # claim read and sorted all of them (SQLite's rowid is not this BigInteger id).
    __table_args__ = (Index("ix_chats_next_reminder_at_id", "next_reminder_at", "id"),)

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(16), default="private")
    title: Mapped[str | None] = mapped_column(String(255))
    level: Mapped[str | None] = mapped_column(String(16))
    equipment: Mapped[str | None] = mapped_column(String(16))
    # What a home trainee owns, as comma-separated kit names ("" = nothing at all); None until asked.
    kit: Mapped[str | None] = mapped_column(String(64))
    # The size of the pair of dumbbells told with the kit ("two dumbbells of 6 kg", 0017), one dumbbell's load
    # in ``home_pair_unit`` (None: the chat's unit when told, kept as that unit): a pair owned, not lifted.
    home_pair: Mapped[float | None] = mapped_column(Numeric(6, 2, asdecimal=False))
    home_pair_unit: Mapped[str | None] = mapped_column(String(2))
    # The exercises the chat swapped for others it chose, "face-pull>reverse-pec-deck,lat-pulldown>pull-up"
    # (bot.coach.profile.read_swaps); None for none. 512 characters hold ``MAX_SWAPS`` of the longest ids.
    swaps: Mapped[str | None] = mapped_column(String(512))
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    # Bit i set = weekday i (Monday = 0) is a workout day.
    workout_days: Mapped[int] = mapped_column(SmallInteger, default=MONDAY_THURSDAY)
    reminder_minute: Mapped[int] = mapped_column(SmallInteger, default=18 * 60)
    weekly_target: Mapped[int] = mapped_column(SmallInteger, default=2)
    # Which onboarding question is open (None once finished); kept here so it survives restarts
    # and works whichever replica receives the next update.
    onboarding_step: Mapped[str | None] = mapped_column(String(16))
    # Free-text input the chat was asked for (e.g. a typed timezone), so the next message is not a question.
    awaiting: Mapped[str | None] = mapped_column(String(16))
    # Done's ✏️ Adjust panel open in a private chat (0019): its day and state as its buttons carry them
    # ("20261207|0.0_1.0~4"), so a load typed while it is open sets that lift's (``handlers.panel_typed``).
    adjusting: Mapped[str | None] = mapped_column(String(64))
    # The set-up questions answered before they were asked ("I'm in Lisbon, mondays and thursdays at 7" while
    # the kit question is open): their step names, comma-separated ("timezone,days"), their answers already
    # stored in their own columns; set-up confirms them in turn instead of asking. None once set-up ends.
    setup_told: Mapped[str | None] = mapped_column(String(48))
    # The age bracket the chat told, if it chose to ("60-69"; bot.coach.agefit.BRACKETS): a bracket, not
    # the age, because the plan needs no more. None: never told, the plan for anyone.
    age_bracket: Mapped[str | None] = mapped_column(String(8))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    reminders_enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    nudges_enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    paused_until: Mapped[date | None] = mapped_column(Date)
    # The first day of a pause asked to start later ("/pause from 2 jan until 10 jan"); None for one that
    # started the day it was sent, which holds every day through ``paused_until``.
    paused_from: Mapped[date | None] = mapped_column(Date)
    # Workout reminders sent since the chat last did anything; three in a row switch to weekly reminders.
    unanswered: Mapped[int] = mapped_column(SmallInteger, default=0)
    # Bit i set = recovery tip i already used in the current rotation.
    tips_used: Mapped[int] = mapped_column(BigInteger, default=0)
    next_reminder_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    next_reminder_kind: Mapped[OutboxKind | None] = mapped_column(StrEnumColumn(OutboxKind, 8))
    next_reminder_day: Mapped[date | None] = mapped_column(Date)
    # Loads are logged and prescribed in the chat's unit; the server default fills rows from before 0005.
    unit: Mapped[str] = mapped_column(String(2), default="kg", server_default="kg")
    # The smallest load step the chat's plates allow; None means the unit's usual one (2.5 kg / 5 lb),
    # so a chat that switches units does not keep a step that made sense only in the other.
    increment: Mapped[float | None] = mapped_column(Numeric(6, 2, asdecimal=False))
    # Whether the chat chose its unit with /units: set-up's default for its timezone (lb in the US) then
    # leaves it as chosen.
    unit_chosen: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The last day a level-up was suggested, so it is asked again no sooner than two weeks later.
    levelup_asked_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    @property
    def onboarded(self) -> bool:
        return self.onboarding_step is None and self.level is not None and self.equipment is not None

    def reminder_plan(self) -> ReminderPlan:
        return ReminderPlan(
            active=self.active,
            reminders_enabled=self.reminders_enabled,
            onboarded=self.onboarding_step is None,
            workout_days=self.workout_days,
            reminder_minute=self.reminder_minute,
            timezone=self.timezone,
            nudges=self.nudges_enabled,
            unanswered=self.unanswered,
            paused_until=self.paused_until,
            paused_from=self.paused_from,
        )

    def set_next_reminder(self, slot: NextReminder | None) -> None:
        if slot is None:
            self.next_reminder_at = self.next_reminder_kind = self.next_reminder_day = None
        else:
            self.next_reminder_at, self.next_reminder_kind, self.next_reminder_day = (
                slot.at,
                slot.kind,
                slot.day,
            )

    def view(self) -> ChatView:
        return ChatView(
            id=self.id,
            active=self.active,
            reminders_enabled=self.reminders_enabled,
            nudges_enabled=self.nudges_enabled,
            paused_until=self.paused_until,
            paused_from=self.paused_from,
            level=self.level,
            equipment=self.equipment,
            kit=self.kit,
            swaps=self.swaps,
            weekly_target=self.weekly_target,
            unanswered=self.unanswered,
            tips_used=self.tips_used,
            workout_days=self.workout_days,
            age_bracket=self.age_bracket,
        )


class WorkoutLog(Base):
    """One row per member per local day: idempotent logging, and a group remembers who trained."""

    __tablename__ = "workout_logs"
    __table_args__ = (UniqueConstraint("chat_id", "local_date", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("chats.id", ondelete="CASCADE", onupdate="CASCADE"), index=True
    )
    local_date: Mapped[date] = mapped_column(Date)
    user_id: Mapped[int] = mapped_column(BigInteger)
    user_name: Mapped[str | None] = mapped_column(String(64))
    session_number: Mapped[int] = mapped_column(Integer)
    logged_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ShortSession(Base):
    """A member's time budget for one day's session (/workout 30): the day's session is the planned one
    cut to it, so Done's As written, "still to do" and /workout all mean the cut session, and an exercise
    it dropped is neither logged as written nor listed as left."""

    __tablename__ = "short_sessions"
    __table_args__ = (
        UniqueConstraint("chat_id", "local_date", "user_id"),
        CheckConstraint("minutes >= 1 AND minutes <= 600", name="minutes"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("chats.id", ondelete="CASCADE", onupdate="CASCADE"), index=True
    )
    local_date: Mapped[date] = mapped_column(Date)
    user_id: Mapped[int] = mapped_column(BigInteger)
    minutes: Mapped[int] = mapped_column(SmallInteger)


class Caution(Base):
    """An exercise a chat told the coach hurts ("sharp pain in my lower back when I do the backpack RDL"),
    the day it was told and whether in the lower back: /workout, As written and the reminder's preview
    leave it out until the trainee says it is fine again (``cleared_on``; the row is kept, so the first
    session back holds the last load instead of stepping up). One row per exercise: telling it again
    moves the day and lifts the clearing."""

    __tablename__ = "cautions"
    __table_args__ = (
        UniqueConstraint("chat_id", "exercise"),
        CheckConstraint("length(exercise) >= 1", name="exercise"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # No index of its own: the unique constraint's index starts with chat_id.
    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("chats.id", ondelete="CASCADE", onupdate="CASCADE")
    )
    exercise: Mapped[str] = mapped_column(String(40))
    told_on: Mapped[date] = mapped_column(Date)
    # The pain was told in the lower back: the moves done bent over at the hips are left out with it.
    lower_back: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Where the pain was told ("shoulder", "lower back"; ``bot.coach.cautions.BODY_PARTS``), None when it
    # named no part: a shoulder told of on an overhead pull leaves out every overhead pull.
    body_part: Mapped[str | None] = mapped_column(String(20))
    # Told of the body part and a kind of move, no exercise named ("front of the shoulder, sharp when I raise
    # my arm overhead", then 🛑 Leave out overhead pulls): ``exercise`` is one of that kind standing for it,
    # and the coach names the part and the kind rather than that exercise.
    by_part: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The last day the caution leaves its exercise out: the day "It's fine now" was said, or the day before
    # it when nothing of that day was logged yet (``storage.cautions.clear``).
    cleared_on: Mapped[date | None] = mapped_column(Date)


class Pause(Base):
    """Vacations, kept so weeks inside any past pause never break the streak."""

    __tablename__ = "pauses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("chats.id", ondelete="CASCADE", onupdate="CASCADE"), index=True
    )
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)


class Outbox(Base):
    """A reminder or nudge claimed for sending, and what became of it.

    The unique slot key makes a second claim of the same slot a no-op, so a restart or a second
    replica can never queue the same reminder twice.
    """

    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("chat_id", "kind", "slot_date"),
        Index("ix_outbox_status_not_before", "status", "not_before"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("chats.id", ondelete="CASCADE", onupdate="CASCADE"), index=True
    )
    kind: Mapped[OutboxKind] = mapped_column(StrEnumColumn(OutboxKind, 8))
    slot_date: Mapped[date] = mapped_column(Date)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[OutboxStatus] = mapped_column(
        StrEnumColumn(OutboxStatus, 12), default=OutboxStatus.PENDING
    )
    attempts: Mapped[int] = mapped_column(SmallInteger, default=0)
    not_before: Mapped[datetime] = mapped_column(UTCDateTime())
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    error: Mapped[str | None] = mapped_column(String(255))
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    def row(self) -> OutboxRow:
        return OutboxRow(self.id, self.chat_id, self.kind, self.slot_date, self.due_at, self.attempts)


class SetColumns:
    """The columns of a set as lifted, shared by the set log (``LoggedSet``) and the As written sets a typed
    log took the place of (``ReplacedSet``): a replaced set keeps every one of them, so that an undo can put
    it back as it was. Each table keeps its own constraints and indexes in ``__table_args__``, and what only
    it has: a logged set's ``origin``, a replaced set's ``replaced_at``, and ``logged_at`` (now by default
    for a logged set, always copied for a replaced one).

    ``sort_order`` keeps each table's columns in the order its migrations made them, so ``create_all`` (the
    tests' databases) writes the same DDL as before the mixin: a subclass's own columns would otherwise
    come first, and a logged set's ``logged_at`` comes before ``seconds`` (added in 0007), a replaced
    set's after it.
    """

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("chats.id", ondelete="CASCADE", onupdate="CASCADE")
    )
    workout_log_id: Mapped[int] = mapped_column(Integer, ForeignKey("workout_logs.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(BigInteger)
    exercise: Mapped[str] = mapped_column(String(48))
    set_number: Mapped[int] = mapped_column(SmallInteger)
    reps: Mapped[int] = mapped_column(SmallInteger)
    # None for a bodyweight set; a float is exact enough for plates in steps of 0.25 and up.
    load: Mapped[float | None] = mapped_column(Numeric(7, 2, asdecimal=False))
    unit: Mapped[str] = mapped_column(String(2))
    rir: Mapped[int | None] = mapped_column(SmallInteger)
    note: Mapped[str | None] = mapped_column(String(255))
    # How long a timed hold lasted; None for a set counted in reps. A hold has no reps (0), as in the
    # Strong and Hevy exports, so every reader of reps sees a number and none mistakes seconds for reps.
    seconds: Mapped[int | None] = mapped_column(SmallInteger, sort_order=2)


class LoggedSet(SetColumns, Base):
    """One set as lifted (reps, or seconds for a timed hold), under the member's session of that day
    (``WorkoutLog``).

    Records, progression, charts and exports are all derived from these rows, never kept as counters.
    The session row owns its sets (deleting a log removes them); ``chat_id`` is kept as well so that
    forgetting a chat, and per-member queries, need no join.
    """

    __tablename__ = "logged_sets"
    __table_args__ = (
        UniqueConstraint("workout_log_id", "exercise", "set_number"),
        # Per-member, per-exercise history (progression and records) reads this index and nothing else.
        Index("ix_logged_sets_chat_id_user_id_exercise", "chat_id", "user_id", "exercise"),
        CheckConstraint("unit IN ('kg', 'lb')", name="unit"),
        CheckConstraint("reps >= 0 AND reps <= 100", name="reps"),
        CheckConstraint("set_number >= 1", name="set_number"),
        CheckConstraint("load IS NULL OR load >= 0", name="load"),
        CheckConstraint("rir IS NULL OR rir >= 0", name="rir"),
        CheckConstraint("seconds IS NULL OR (seconds >= 1 AND seconds <= 600)", name="seconds"),
        CheckConstraint("seconds IS NULL OR reps = 0", name="hold_reps"),
        CheckConstraint("origin IN ('typed', 'as_written')", name="origin"),
    )

    logged_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, sort_order=1)
    # Typed by the member or assumed from the plan (As written): a /log of an exercise the day holds only
    # assumed sets of replaces them (``ReplacedSet``), since the member is telling what really happened.
    origin: Mapped[SetOrigin] = mapped_column(
        StrEnumColumn(SetOrigin, 10),
        default=SetOrigin.TYPED,
        server_default=SetOrigin.TYPED.value,
        sort_order=3,
    )


class ReplacedSet(SetColumns, Base):
    """A set As written logged (the plan's numbers assumed) that a typed log of the same exercise and day
    took the place of: out of the set log, so history, progression and records read only what the member
    said, and kept so that undoing that typed log brings it back. ``replaced_at`` is the typed batch's
    time (its ``LoggedSet.logged_at``), ``logged_at`` the As written batch's own."""

    __tablename__ = "replaced_sets"
    __table_args__ = (
        Index("ix_replaced_sets_chat_id", "chat_id"),
        Index("ix_replaced_sets_workout_log_id_replaced_at", "workout_log_id", "replaced_at"),
        CheckConstraint("set_number >= 1", name="set_number"),
        CheckConstraint("reps >= 0 AND reps <= 100", name="reps"),
        CheckConstraint("origin IS NULL OR origin IN ('typed', 'as_written')", name="origin"),
    )

    # Copied from the logged set it was: no default.
    logged_at: Mapped[datetime] = mapped_column(UTCDateTime(), sort_order=3)
    replaced_at: Mapped[datetime] = mapped_column(UTCDateTime(), sort_order=4)
    # The origin of the set it was (0018), so an undo logs a typed set 🔁 Replace took out back as typed; None
    # for copies kept before: their batch's other sets, or As written, say it (``storage.undoing``).
    origin: Mapped[SetOrigin | None] = mapped_column(StrEnumColumn(SetOrigin, 10), sort_order=5)


class InboxUpdate(Base):
    """An incoming update, stored before Telegram is told it arrived and kept until it is handled.

    ``status`` is ``new`` until the update's own transaction marks it ``done`` (or the bot gives up on
    it: ``failed``); the bot replays ``new`` rows at start, so nothing is lost to a crash.
    """

    __tablename__ = "inbox"
    __table_args__ = (Index("ix_inbox_status_update_id", "status", "update_id"),)

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    # The chat it came from, when it has one: /forget removes the chat's updates with everything else.
    chat_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    # The update exactly as Telegram sent it (JSON), so a later version of the bot can still read it.
    payload: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(8), default="new")
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class LeaderLease(Base):
    """Who leads a job that only one replica may run at a time (the reminder dispatch), and until when.

    A row rather than a PostgreSQL advisory lock: it works the same on SQLite, and a leader that stops
    renewing (killed, frozen, cut off from the database) is replaced once the lease runs out, whatever
    became of its connection.
    """

    __tablename__ = "leader_leases"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    holder: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
