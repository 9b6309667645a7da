"""One dispatcher at a time across replicas: the lead is a lease row, taken over when it runs out.

Each replica is a ``Leadership`` with its own holder id on the same database; time is a fake clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from scheduler.leadership import Lead, LeaderConfig, Leadership
from storage import repo
from storage.models import Chat, Outbox
from storage.records import OutboxKind

START = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)


@dataclass
class Clock:
    now: datetime = START

    def __call__(self) -> datetime:
        return self.now


def replicas(
    sessionmaker: async_sessionmaker[AsyncSession], clock: Clock, count: int = 3
) -> list[Leadership]:
    return [Leadership(sessionmaker, clock, holder=f"replica-{n}") for n in range(count)]


async def test_one_replica_leads_and_keeps_the_lead_while_it_renews(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    clock = Clock()
    first, *others = replicas(sessionmaker, clock)
    assert await first.renew() is Lead.TAKEN
    for _ in range(10):
        assert [await other.renew() for other in others] == [Lead.NONE, Lead.NONE]
        assert first.holds() and not any(other.holds() for other in others)
        clock.now += LeaderConfig().renew_every
        assert await first.renew() is Lead.KEPT


async def test_a_dead_leader_is_replaced_within_fifteen_seconds_and_stops_sending_before(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    clock = Clock()
    leader, survivor, _third = replicas(sessionmaker, clock)
    await leader.renew()
    died = clock.now
    # The survivors try every renew_every, as the lead job does; the leader never renews again.
    taken_at = None
    while clock.now - died < timedelta(seconds=30):
        clock.now += LeaderConfig().renew_every
        # The old leader stops starting sends a margin before anyone else may take over.
        if leader.holds():
            assert clock.now < died + LeaderConfig().ttl - LeaderConfig().margin
        if await survivor.renew() is Lead.TAKEN:
            taken_at = clock.now
            break
    assert taken_at is not None and taken_at - died <= timedelta(seconds=15)
    assert not leader.holds()
    assert await leader.renew() is Lead.NONE, "a leader that comes back does not take the lead back"


async def test_a_clean_stop_hands_the_lead_over_at_once(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    clock = Clock()
    leader, other, _third = replicas(sessionmaker, clock)
    await leader.renew()
    assert await other.renew() is Lead.NONE
    await leader.give_up()
    assert not leader.holds()
    assert await other.renew() is Lead.TAKEN


async def test_taking_over_frees_the_rows_the_old_leader_had_leased(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    clock = Clock()
    leader, successor, _third = replicas(sessionmaker, clock)
    async with sessionmaker.begin() as session:
        session.add(Chat(id=7, onboarding_step=None))
        await session.flush()
        await repo.add_outbox(
            session,
            chat_id=7,
            kind=OutboxKind.WORKOUT,
            slot_date=date(2026, 11, 26),
            due_at=START,
            not_before=START,
        )
    await leader.renew()
    async with sessionmaker.begin() as session:
        [row] = await repo.sendable_outbox(session, START, 10)
        assert await repo.take_leases(session, [row.id], START, START + timedelta(minutes=1)) == {row.id}
    clock.now += timedelta(seconds=12)
    assert await successor.renew(free_stale_rows=False) is Lead.TAKEN
    assert await leased(sessionmaker) == 1, "a replica with a run winding down keeps its rows"
    await successor.give_up()
    assert await successor.renew() is Lead.TAKEN
    assert await leased(sessionmaker) == 0, "sendable now, not a minute later when the lease runs out"


async def leased(sessionmaker: async_sessionmaker[AsyncSession]) -> int:
    async with sessionmaker() as session:
        return await session.scalar(select(func.count()).where(Outbox.lease_until.is_not(None))) or 0


async def test_an_unreachable_database_loses_the_lead_by_the_clock(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    clock = Clock()
    [leader] = replicas(sessionmaker, clock, 1)
    await leader.renew()

    def broken() -> AsyncSession:
        raise ConnectionError("database went away")

    leader.sessionmaker = broken  # type: ignore[assignment]
    clock.now += timedelta(seconds=5)
    assert await leader.renew() is Lead.NONE
    assert leader.holds(), "the lease it wrote is still good for a while"
    clock.now += timedelta(seconds=4)
    assert not leader.holds(), "and it stops a margin before anyone may take over"
