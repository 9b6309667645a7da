import asyncio
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage import repo
from storage.models import Chat, Outbox, WorkoutLog

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


async def test_chat_created_once_with_onboarding_open(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    async with sessionmaker.begin() as session:
        chat = await repo.get_or_create_chat(
            session, 42, kind="private", title="Ann", timezone="Europe/Berlin"
        )
        assert chat.onboarding_step == "level"
        assert chat.timezone == "Europe/Berlin"
    async with sessionmaker.begin() as session:
        again = await repo.get_or_create_chat(session, 42, kind="private", title="Ann", timezone="UTC")
        assert again.timezone == "Europe/Berlin"
        assert await session.scalar(select(func.count()).select_from(Chat)) == 1


async def test_concurrent_first_contact_creates_one_row(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async def contact() -> None:
        async with sessionmaker.begin() as session:
            await repo.get_or_create_chat(session, 7, kind="group", title="G", timezone="UTC")

    await asyncio.gather(*(contact() for _ in range(10)))
    async with sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(Chat)) == 1


async def test_logging_is_idempotent_per_member_and_day(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    day = date(2026, 11, 24)
    async with sessionmaker.begin() as session:
        await repo.get_or_create_chat(session, 1, kind="group", title="G", timezone="UTC")
    async with sessionmaker.begin() as session:
        assert await repo.log_workout(session, 1, day, user_id=10, user_name="Ann", now=NOW) is True
    async with sessionmaker.begin() as session:
        assert await repo.log_workout(session, 1, day, user_id=10, user_name="Ann", now=NOW) is False
        assert await repo.log_workout(session, 1, day, user_id=11, user_name="Bob", now=NOW) is True
    async with sessionmaker() as session:
        assert await repo.progress_on(session, 1, day) == (1, True)
        assert await repo.members_on(session, 1, day) == ["Ann", "Bob"]
        assert await repo.is_logged(session, 1, day)
        assert not await repo.is_logged(session, 1, date(2026, 11, 25))


async def test_hundred_concurrent_logs_record_one_session(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    day = date(2026, 11, 24)
    async with sessionmaker.begin() as session:
        await repo.get_or_create_chat(session, 5, kind="private", title="P", timezone="UTC")

    async def press() -> bool:
        async with sessionmaker.begin() as session:
            return await repo.log_workout(session, 5, day, user_id=5, user_name="P", now=NOW)

    results = await asyncio.gather(*(press() for _ in range(100)))
    assert results.count(True) == 1
    async with sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(WorkoutLog)) == 1


async def test_session_numbers_follow_distinct_days(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    async with sessionmaker.begin() as session:
        await repo.get_or_create_chat(session, 3, kind="private", title=None, timezone="UTC")
        for day in (date(2026, 1, 5), date(2026, 1, 8), date(2026, 1, 12)):
            await repo.log_workout(session, 3, day, user_id=3, user_name=None, now=NOW)
    async with sessionmaker() as session:
        numbers = (await session.scalars(select(WorkoutLog.session_number).order_by(WorkoutLog.id))).all()
        assert list(numbers) == [1, 2, 3]
        assert (await repo.history(session, 3)).days == [
            date(2026, 1, 5),
            date(2026, 1, 8),
            date(2026, 1, 12),
        ]


async def test_migrating_a_group_keeps_its_history(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    async with sessionmaker.begin() as session:
        await repo.get_or_create_chat(session, -100, kind="group", title="G", timezone="UTC")
        await repo.log_workout(session, -100, date(2026, 2, 2), user_id=1, user_name="A", now=NOW)
    async with sessionmaker.begin() as session:
        await repo.migrate_chat(session, -100, -1001234)
    async with sessionmaker() as session:
        assert await repo.get_chat(session, -100) is None
        moved = await repo.get_chat(session, -1001234)
        assert moved is not None and moved.kind == "supergroup"
        assert await repo.progress_on(session, -1001234, date(2026, 2, 2)) == (1, True)


async def test_pauses_are_kept_and_cut_short(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    async with sessionmaker.begin() as session:
        await repo.get_or_create_chat(session, 8, kind="private", title=None, timezone="UTC")
        await repo.add_pause(session, 8, date(2026, 7, 1), date(2026, 7, 14))
    async with sessionmaker.begin() as session:
        await repo.end_pauses(session, 8, date(2026, 7, 5))
    async with sessionmaker() as session:
        assert (await repo.history(session, 8)).pauses == [(date(2026, 7, 1), date(2026, 7, 5))]


async def test_deactivated_chat_has_no_next_reminder(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    async with sessionmaker.begin() as session:
        chat = await repo.get_or_create_chat(session, 9, kind="private", title=None, timezone="UTC")
        chat.next_reminder_kind = "workout"
    async with sessionmaker.begin() as session:
        await repo.deactivate_chat(session, 9)
    async with sessionmaker() as session:
        chat = await repo.get_chat(session, 9)
        assert chat is not None and not chat.active and chat.next_reminder_at is None
        assert list(await repo.outbox_rows(session, 9)) == []
        assert await session.scalar(select(func.count()).select_from(Outbox)) == 0


async def test_migrating_onto_an_existing_row_keeps_the_groups_history(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with sessionmaker.begin() as session:
        old = await repo.get_or_create_chat(session, -200, kind="group", title="G", timezone="UTC")
        old.level = "advanced"
        await repo.log_workout(session, -200, date(2026, 2, 2), user_id=1, user_name="A", now=NOW)
        await repo.get_or_create_chat(session, -1002000, kind="supergroup", title="G", timezone="UTC")
    async with sessionmaker.begin() as session:
        await repo.migrate_chat(session, -200, -1002000)
    async with sessionmaker() as session:
        moved = await repo.get_chat(session, -1002000)
        assert moved is not None and moved.level == "advanced"
        assert await repo.progress_on(session, -1002000, date(2026, 2, 2)) == (1, True)
        assert await repo.get_chat(session, -200) is None


async def test_history_holds_distinct_days_and_pauses_in_order(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with sessionmaker.begin() as session:
        await repo.get_or_create_chat(session, -77, kind="group", title="G", timezone="UTC")
        for day, member in ((date(2026, 3, 9), 1), (date(2026, 3, 2), 1), (date(2026, 3, 2), 2)):
            await repo.log_workout(session, -77, day, user_id=member, user_name=None, now=NOW)
        await repo.add_pause(session, -77, date(2026, 4, 1), date(2026, 4, 7))
        await repo.add_pause(session, -77, date(2026, 3, 10), date(2026, 3, 12))
        await repo.get_or_create_chat(session, 78, kind="private", title=None, timezone="UTC")
        await repo.log_workout(session, 78, date(2026, 3, 3), user_id=78, user_name=None, now=NOW)
    async with sessionmaker() as session:
        found = await repo.history(session, -77)
        assert found.days == [date(2026, 3, 2), date(2026, 3, 9)]
        assert found.pauses == [(date(2026, 3, 10), date(2026, 3, 12)), (date(2026, 4, 1), date(2026, 4, 7))]
        assert await repo.history(session, 79) == ([], [])
