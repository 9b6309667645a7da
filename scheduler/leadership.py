"""Which replica dispatches reminders: one at a time, so the whole bot keeps one send budget.

Telegram's limit (about 30 messages/s) is per bot, not per process. The replicas elect a leader through
the database, a lease row renewed every ``renew_every`` and good for ``ttl``: only the leader runs the
dispatcher, at the full ``REMINDER_MAX_PER_SECOND``. When it dies (or loses the database), its lease runs
out and another replica takes it within ``ttl + renew_every`` (12 s by default). A leader stops starting
sends ``margin`` before its lease runs out by its own clock, so replica clocks a little apart never have
two leaders sending at once. Handler replies are not part of this: every replica answers its own updates.

A lease row rather than a PostgreSQL advisory lock: the same code serves SQLite, and a leader that hangs
with its connection open is still replaced on time.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage import delivery

log = logging.getLogger(__name__)

DISPATCH = "reminders"


@dataclass(frozen=True)
class LeaderConfig:
    ttl: timedelta = timedelta(seconds=10)
    renew_every: timedelta = timedelta(seconds=2)
    margin: timedelta = timedelta(seconds=2)


class Lead(Enum):
    TAKEN = "taken"  # leading now, and was not before
    KEPT = "kept"
    NONE = "none"


def holder_id() -> str:
    """Unique per process, and readable in the table: which host and pid leads."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Leadership:
    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        clock: Callable[[], datetime],
        *,
        config: LeaderConfig | None = None,
        holder: str | None = None,
        name: str = DISPATCH,
    ) -> None:
        self.sessionmaker = sessionmaker
        self.clock = clock
        self.config = config or LeaderConfig()
        self.holder = holder or holder_id()
        self.name = name
        # Until when this process's lease runs, as it wrote it; None when it does not lead.
        self.until: datetime | None = None

    def holds(self) -> bool:
        """Whether this process may start a send now: it leads, with more than ``margin`` of lease left."""
        return self.until is not None and self.clock() < self.until - self.config.margin

    async def renew(self, *, free_stale_rows: bool = True) -> Lead:
        """Take or keep the lead.

        On taking it, the rows the previous leader had leased are freed in the same transaction (unless
        ``free_stale_rows`` is false: this process still has a run winding down, whose rows they are).
        """
        now = self.clock().astimezone(UTC)
        was_leading = self.holds()
        until = now + self.config.ttl
        try:
            async with self.sessionmaker.begin() as session:
                leading = await delivery.hold_lease(session, self.name, self.holder, now, until)
                freed = 0
                if leading and not was_leading and free_stale_rows:
                    freed = await delivery.release_row_leases(session)
        except Exception:
            # The lease runs out on its own by the clock; nothing to undo.
            log.warning("could not renew the %s lead", self.name, exc_info=True)
            return Lead.NONE
        if not leading:
            if was_leading:
                log.warning("lost the %s lead to another replica", self.name)
            self.until = None
            return Lead.NONE
        self.until = until
        if was_leading:
            return Lead.KEPT
        log.info("took the %s lead as %s (%d leased rows freed)", self.name, self.holder, freed)
        return Lead.TAKEN

    async def give_up(self) -> None:
        """Let another replica lead at once (a clean stop), instead of after the lease runs out."""
        if self.until is None:
            return
        self.until = None
        try:
            async with self.sessionmaker.begin() as session:
                await delivery.give_up_lease(session, self.name, self.holder)
        except Exception:
            log.warning("could not give up the %s lead; it runs out by itself", self.name, exc_info=True)
