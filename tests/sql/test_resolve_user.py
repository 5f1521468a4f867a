"""tt.resolve_user under two first messages at once: both get the one user, never an error."""

import asyncio

import asyncpg
import pytest

RESOLVE = "SELECT tt.resolve_user($1, $2, now())"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("", "IN.bsuid.7"), ("919000000007", "IN.bsuid.7")),  # users_bsuid_key
        (("919000000007", "IN.bsuid.7"), ("919000000008", "IN.bsuid.7")),
        (("919000000007", ""), ("919000000007", "IN.bsuid.7")),  # users_phone_key
    ],
)
async def test_two_first_messages_with_one_key_resolve_to_one_user(database_url, db, first, second):
    """The first insert is still uncommitted when the second arrives and waits on its key."""
    a, b = await asyncpg.connect(database_url), await asyncpg.connect(database_url)
    try:
        async with a.transaction():
            first_id = await a.fetchval(RESOLVE, *first)
            racing = asyncio.create_task(b.fetchval(RESOLVE, *second))
            await asyncio.sleep(0.3)  # b is now blocked on a's row
            assert not racing.done()
        assert await racing == first_id
    finally:
        await a.close()
        await b.close()
    assert await db.fetchval("SELECT count(*) FROM tt.users") == 1
    assert await db.fetchval("SELECT bsuid FROM tt.users") == "IN.bsuid.7"


async def test_a_taken_business_id_stays_with_its_user(db):
    bsuid_user = await db.fetchval(RESOLVE, "", "IN.bsuid.7")
    phone_user = await db.fetchval(RESOLVE, "919000000007", "")
    assert await db.fetchval(RESOLVE, "919000000007", "IN.bsuid.7") == bsuid_user
    assert await db.fetchval("SELECT bsuid FROM tt.users WHERE id = $1", phone_user) is None
