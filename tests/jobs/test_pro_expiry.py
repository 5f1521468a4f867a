"""Pro running out: a nudge 7 days and 1 day before it ends in the family's zone, once per
expiry, to owners and parents inside the 24-hour window; a renewal nudges again next time."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from tests.jobs.test_reminders import member, queued, utc
from tests.support.families import add_member, add_user
from tests.support.pro import grant_pro

BOUGHT = utc("2026-03-01T06:00")  # 30 days: ends 31 March, 11:30 in Kolkata


async def wrote(db: Any, moment: datetime) -> None:
    """Every member wrote an hour before `moment`."""
    await db.execute("UPDATE tt.users SET last_inbound_at = $1", moment - timedelta(hours=1))


async def run_at(db: Any, run_job: Any, moment: str) -> dict[str, Any]:
    now = utc(moment)
    await wrote(db, now)
    return await run_job("pro-expiry", now)


def texts(messages: list[tuple[int, dict[str, Any], bool]]) -> list[str]:
    return [body["message"]["text"]["body"] for _, body, _ in messages]


async def test_seven_and_one_day_before_once_each_to_owner_and_parents(db, run_job):
    owner, child_id = await member(db, "919000000701")
    parent = await add_user(db, "919000000702")
    therapist = await add_user(db, "919000000703")
    await add_member(db, child_id, parent, "parent")
    await add_member(db, child_id, therapist, "therapist")
    await member(db, "919000000704")  # a free family: never nudged
    await grant_pro(db, child_id, "pro_plus_499", days=30, now=BOUGHT)
    assert (await run_at(db, run_job, "2026-03-23T04:00"))["due"] == 0  # 8 days left
    assert (await run_at(db, run_job, "2026-03-24T03:29"))["due"] == 0  # 08:59 on the 24th
    counts = await run_at(db, run_job, "2026-03-24T03:31")
    assert counts == {"due": 2, "sent": 2, "skipped": {}, "failed": 0}
    messages = await queued(db)
    assert sorted(to for to, _, _ in messages) == sorted([owner, parent])
    assert texts(messages)[0] == (
        "🌟 Pro Plus for Asha's family ends in 7 days, on Tue 31 Mar. Type *go pro* to add "
        "more days; they add on to the days left."
    )
    assert (await run_at(db, run_job, "2026-03-26T04:00"))["due"] == 0  # already told
    last_day = await run_at(db, run_job, "2026-03-30T04:00")
    assert (last_day["due"], last_day["sent"]) == (2, 2)
    assert "ends in 1 day, on Tue 31 Mar" in texts(await queued(db))[-1]
    assert (await run_at(db, run_job, "2026-03-30T12:00"))["due"] == 0  # a rerun
    assert (await run_at(db, run_job, "2026-04-01T04:00"))["due"] == 0  # ended
    assert len(await queued(db)) == 4


async def test_a_renewal_moves_the_date_and_nudges_again(db, run_job):
    _, child_id = await member(db, "919000000711", language="hi")
    await grant_pro(db, child_id, "parent_basic_199", days=30, now=BOUGHT)
    assert (await run_at(db, run_job, "2026-03-24T04:00"))["sent"] == 1
    await grant_pro(db, child_id, "parent_basic_199", days=30, now=utc("2026-03-25T04:00"))
    assert (await run_at(db, run_job, "2026-03-30T04:00"))["due"] == 0  # 31 days left now
    renewed = await run_at(db, run_job, "2026-04-23T04:00")  # 7 days before 30 April
    assert (renewed["due"], renewed["sent"]) == (1, 1)
    [first, second] = texts(await queued(db))
    assert "7 दिनों में" in first and "*प्रो*" in second


async def test_outside_the_window_it_waits_for_the_member_to_write(db, run_job):
    owner, child_id = await member(db, "919000000721")
    await grant_pro(db, child_id, days=30, now=BOUGHT)
    now = utc("2026-03-24T04:00")
    await db.execute("UPDATE tt.users SET last_inbound_at = $1", now - timedelta(days=2))
    closed = await run_job("pro-expiry", now)
    assert closed == {"due": 1, "sent": 0, "skipped": {"window_closed": 1}, "failed": 0}
    assert await queued(db) == []
    assert (await run_at(db, run_job, "2026-03-24T10:00"))["sent"] == 1
    [(to, _, _)] = await queued(db)
    assert to == owner
