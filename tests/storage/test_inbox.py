"""Inbox queries on every backend: a repeat delivery is recognised, an update is settled once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage import inbox

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


async def test_a_repeated_delivery_is_stored_once(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    async with sessionmaker.begin() as session:
        assert await inbox.store(session, [(3, None, "{}"), (1, 5, "{}")], NOW) == {1, 3}
    async with sessionmaker.begin() as session:
        assert await inbox.store(session, [(3, None, "{}"), (4, None, '{"a": 1}')], NOW) == {4}
        assert await inbox.store(session, [], NOW) == set()
    async with sessionmaker() as session:
        assert await inbox.unhandled(session) == [(1, "{}"), (3, "{}"), (4, '{"a": 1}')]


async def test_an_update_is_settled_once(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    async with sessionmaker.begin() as session:
        await inbox.store(session, [(7, None, "{}"), (8, None, "{}")], NOW)
    async with sessionmaker.begin() as session:
        assert await inbox.settle(session, 7, inbox.DONE, NOW)
        assert not await inbox.settle(session, 7, inbox.FAILED, NOW), "a settled update stays settled"
        assert not await inbox.settle(session, 99, inbox.DONE, NOW), "unknown ids settle nothing"
    async with sessionmaker() as session:
        assert await inbox.unhandled(session) == [(8, "{}")]
        assert await inbox.counts(session) == {"done": 1, "new": 1}


async def test_prune_keeps_new_and_recent_rows(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    async with sessionmaker.begin() as session:
        await inbox.store(session, [(1, None, "{}"), (2, None, "{}"), (3, None, "{}"), (4, None, "{}")], NOW)
        await inbox.settle(session, 1, inbox.DONE, NOW - timedelta(days=2))
        await inbox.settle(session, 2, inbox.DONE, NOW - timedelta(hours=1))
        await inbox.settle(session, 3, inbox.FAILED, NOW - timedelta(days=2))
    async with sessionmaker.begin() as session:
        pruned = await inbox.prune(
            session, done_before=NOW - timedelta(days=1), failed_before=NOW - timedelta(days=7)
        )
        assert pruned == 1
    async with sessionmaker() as session:
        assert await inbox.counts(session) == {"done": 1, "failed": 1, "new": 1}


async def test_updates_are_settled_many_at_once(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    async with sessionmaker.begin() as session:
        await inbox.store(session, [(1, None, "{}"), (2, None, "{}"), (3, None, "{}"), (4, None, "{}")], NOW)
        await inbox.settle(session, 2, inbox.DONE, NOW)
    async with sessionmaker.begin() as session:
        statuses = {1: inbox.DONE, 2: inbox.FAILED, 3: inbox.FAILED, 99: inbox.DONE}
        assert await inbox.settle_many(session, statuses, NOW) == 2, "only 1 and 3 were still new"
    async with sessionmaker() as session:
        assert await inbox.counts(session) == {"done": 2, "failed": 1, "new": 1}
