"""The package running low: one nudge per plan to the owner and parents at the family's
threshold; a new month without a plan: one offer to carry last month's sessions forward."""

from __future__ import annotations

from datetime import date

from tests.jobs.test_reminders import member, queued, utc
from tests.support.families import add_member

NOW = utc("2026-03-20T06:00")
WROTE = utc("2026-03-20T05:00")


async def attend(db, child_id: int, first: str, days: int) -> None:
    """One attended session a day for `days` days from `first`."""
    await db.execute(
        "INSERT INTO tt.sessions (child_id, day, status) SELECT $1, d::date, 'attended' "
        "FROM generate_series($2::date, $2::date + $3::int - 1, interval '1 day') AS d",
        child_id,
        date.fromisoformat(first),
        days,
    )


async def test_owner_and_parents_are_nudged_once_when_the_threshold_is_reached(db, run_job):
    owner, child_id = await member(db, "919000000401", wrote=WROTE)
    parent, _ = await member(db, "919000000402", wrote=WROTE)
    therapist, _ = await member(db, "919000000403", wrote=WROTE)
    await add_member(db, child_id, parent, "parent")
    await add_member(db, child_id, therapist, "therapist")
    await attend(db, child_id, "2026-03-01", 13)
    assert (await run_job("package-low", NOW))["due"] == 0  # 3 left of 16
    await attend(db, child_id, "2026-03-19", 1)
    counts = await run_job("package-low", NOW)
    assert counts == {"due": 2, "sent": 2, "skipped": {}, "failed": 0}
    messages = await queued(db)
    assert sorted(to for to, _, _ in messages) == sorted([owner, parent])
    assert "only 2 sessions are left" in messages[0][1]["message"]["text"]["body"]
    await attend(db, child_id, "2026-03-20", 1)
    assert (await run_job("package-low", NOW))["due"] == 0  # once per plan
    assert len(await queued(db)) == 2


async def test_the_family_sets_its_own_threshold(db, run_job):
    _, child_id = await member(db, "919000000404", wrote=WROTE)
    await db.execute("UPDATE tt.children SET low_package_at = 5 WHERE id = $1", child_id)
    await attend(db, child_id, "2026-03-01", 11)
    assert (await run_job("package-low", NOW))["sent"] == 1


async def test_sessions_a_reset_set_aside_do_not_use_the_package(db, run_job):
    _, child_id = await member(db, "919000000406", wrote=WROTE)
    await attend(db, child_id, "2026-03-01", 15)
    await db.execute("UPDATE tt.sessions SET superseded_at = now() WHERE child_id = $1", child_id)
    assert (await run_job("package-low", NOW))["due"] == 0


async def test_outside_the_window_the_nudge_waits_for_the_member_to_write(db, run_job):
    owner, child_id = await member(db, "919000000405", wrote=utc("2026-03-10T05:00"))
    await attend(db, child_id, "2026-03-01", 15)
    counts = await run_job("package-low", NOW)
    assert counts["skipped"] == {"window_closed": 1} and await queued(db) == []
    await db.execute("UPDATE tt.users SET last_inbound_at = $2 WHERE id = $1", owner, WROTE)
    assert (await run_job("package-low", NOW))["sent"] == 1


async def test_a_new_month_without_a_plan_gets_one_offer_to_carry_forward(db, run_job):
    _, child_id = await member(db, "919000000406", wrote=utc("2026-04-02T05:00"))
    await attend(db, child_id, "2026-03-01", 10)  # 6 of March's 16 left
    april = utc("2026-04-02T06:00")
    assert (await run_job("package-low", april))["sent"] == 1
    [(_, body, _)] = await queued(db)
    assert "6 sessions were left last month" in body["message"]["interactive"]["body"]["text"]
    assert (await run_job("package-low", april))["due"] == 0
