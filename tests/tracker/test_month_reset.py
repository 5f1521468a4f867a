"""Reset month on a real Postgres: a month's sessions and days off are set aside, never
deleted, and the member who reset it brings them back within a day; only owners and parents
may reset, and the database itself refuses anyone else."""

from datetime import UTC, date, datetime, timedelta

import asyncpg
import pytest

from sql.cipher import Cipher
from sql.db import as_user
from tests.support.families import add_member, make_family
from tracker.holiday_store import insert_holidays, select_holidays
from tracker.month_reset import entries_in_month, reset_month, undo_reset, undoable_reset
from tracker.my_data import delete_my_data
from tracker.session_store import insert_session, select_sessions

NOV = date(2026, 11, 1)
NOW = datetime(2026, 11, 20, 6, tzinfo=UTC)
CIPHER = Cipher((Cipher.new_key(),))


@pytest.fixture(name="family")
async def _family(db):
    owner, child = await make_family(db, "919200000001", month=NOV, since=date(2026, 10, 1))
    people = {"owner": owner, "child": child}
    for role, phone in (("parent", "919200000002"), ("therapist", "919200000003")):
        people[role] = await db.fetchval(
            "INSERT INTO tt.users (phone) VALUES ($1) RETURNING id", phone
        )
        await add_member(db, child, people[role], role)
    return people


async def _log(database, user_id, child_id, day, status="attended"):
    async with database.transaction(as_user(user_id)) as conn:
        await insert_session(
            conn, CIPHER, child_id=child_id, day=day, status=status, count=1, logged_by=user_id
        )


async def _month(database, user_id, child_id, first=NOV, last=date(2026, 11, 30)):
    async with database.transaction(as_user(user_id)) as conn:
        rows = await select_sessions(conn, CIPHER, child_id, first, last)
        return [row.day for row in rows], await select_holidays(conn, child_id, first, last)


async def _reset(database, user_id, child_id, month=NOV, now=NOW):
    async with database.transaction(as_user(user_id)) as conn:
        return await reset_month(conn, child_id=child_id, month=month, by_user_id=user_id, now=now)


async def _undo(database, user_id, child_id, now=NOW):
    async with database.transaction(as_user(user_id)) as conn:
        return await undo_reset(conn, child_id=child_id, by_user_id=user_id, now=now)


async def _november(database, family):
    child = family["child"]
    await _log(database, family["owner"], child, date(2026, 11, 2))
    await _log(database, family["therapist"], child, date(2026, 11, 3), "missed")
    await _log(database, family["parent"], child, date(2026, 10, 30))
    async with database.transaction(as_user(family["parent"])) as conn:
        days_off = [date(2026, 11, 9), date(2026, 11, 10)]
        await insert_holidays(conn, child, days_off, family["parent"])


async def test_a_reset_sets_the_month_aside_and_undo_brings_it_back(database, family, db):
    await _november(database, family)
    owner, child = family["owner"], family["child"]
    async with database.transaction(as_user(owner)) as conn:
        assert await entries_in_month(conn, child, NOV) == 4

    assert await _reset(database, owner, child) == 4

    assert await _month(database, owner, child) == ([], [])
    assert await _month(database, owner, child, date(2026, 10, 1), date(2026, 10, 31)) == (
        [date(2026, 10, 30)],
        [],
    )
    kept = await db.fetchval("SELECT count(*) FROM tt.sessions WHERE reset_id IS NOT NULL")
    assert kept == 2
    assert await _undo(database, owner, child, NOW + timedelta(hours=23)) == 4
    assert await _month(database, owner, child) == (
        [date(2026, 11, 2), date(2026, 11, 3)],
        [date(2026, 11, 9), date(2026, 11, 10)],
    )
    assert await db.fetchval("SELECT count(*) FROM tt.month_resets") == 0
    assert await _undo(database, owner, child) == 0


async def test_undo_is_for_the_member_who_reset_and_only_for_a_day(database, family):
    await _november(database, family)
    owner, parent, child = family["owner"], family["parent"], family["child"]
    await _reset(database, owner, child)

    assert await _undo(database, parent, child) == 0
    assert await _undo(database, owner, child, NOW + timedelta(hours=24, seconds=1)) == 0
    async with database.transaction(as_user(owner)) as conn:
        late = NOW + timedelta(hours=25)
        assert await undoable_reset(conn, child_id=child, by_user_id=owner, now=late) is None
        pending = await undoable_reset(conn, child_id=child, by_user_id=owner, now=NOW)
    assert (pending.month, pending.entries) == (NOV, 4)
    assert await _month(database, owner, child) == ([], [])


async def test_days_with_new_entries_keep_them_when_the_reset_is_undone(database, family):
    await _november(database, family)
    owner, child = family["owner"], family["child"]
    await _reset(database, owner, child)
    await _log(database, owner, child, date(2026, 11, 2), "missed")
    async with database.transaction(as_user(owner)) as conn:
        await insert_holidays(conn, child, [date(2026, 11, 10)], owner)

    assert await _undo(database, owner, child) == 2

    async with database.transaction(as_user(owner)) as conn:
        rows = await select_sessions(conn, CIPHER, child, NOV, date(2026, 11, 30))
        days_off = await select_holidays(conn, child, NOV, date(2026, 11, 30))
    assert [(row.day, row.status) for row in rows] == [
        (date(2026, 11, 2), "missed"),
        (date(2026, 11, 3), "missed"),
    ]
    assert days_off == [date(2026, 11, 9), date(2026, 11, 10)]


async def test_a_day_off_can_be_marked_again_on_a_reset_day(database, family):
    await _november(database, family)
    owner, child = family["owner"], family["child"]
    await _reset(database, owner, child)
    async with database.transaction(as_user(owner)) as conn:
        assert await insert_holidays(conn, child, [date(2026, 11, 9)], owner) == 1
        assert await insert_holidays(conn, child, [date(2026, 11, 9)], owner) == 0


@pytest.mark.parametrize("role", ["therapist"])
async def test_the_database_refuses_a_reset_by_a_therapist(database, family, role):
    await _november(database, family)
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        await _reset(database, family[role], family["child"])
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        await _undo(database, family[role], family["child"])
    assert len((await _month(database, family["owner"], family["child"]))[0]) == 2


async def test_a_parent_resets_and_the_reset_names_them(database, family, db):
    await _november(database, family)
    assert await _reset(database, family["parent"], family["child"]) == 4
    assert await db.fetchval("SELECT reset_by FROM tt.month_resets") == family["parent"]
    kinds = await db.fetch("SELECT kind FROM tt.audit_events WHERE kind LIKE 'month_reset%'")
    assert [row["kind"] for row in kinds] == ["month_reset"]


async def test_a_reset_acts_only_as_the_transactions_user(database, family):
    async with database.transaction(as_user(family["owner"])) as conn:
        with pytest.raises(ValueError, match="acting as user"):
            await reset_month(
                conn, child_id=family["child"], month=NOV, by_user_id=family["parent"], now=NOW
            )


async def test_a_member_who_erases_their_data_leaves_the_reset_unnamed(database, family, db):
    await _november(database, family)
    await _reset(database, family["parent"], family["child"])
    async with database.transaction(as_user(family["parent"])) as conn:
        await delete_my_data(conn)
    assert await db.fetchval("SELECT reset_by FROM tt.month_resets") is None
    assert await db.fetchval("SELECT entries FROM tt.month_resets") == 4
