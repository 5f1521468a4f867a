"""The weekly digest: only for members who asked, on their day from their hour in their zone,
once per week, with the text `digest` replies."""

from __future__ import annotations

from tests.jobs.test_reminders import member, queued, utc

WROTE = utc("2026-03-10T10:00")


async def opt_in(db, user_id: int, day: int = 2, hour: int = 18) -> None:
    await db.execute(
        "UPDATE tt.users SET digest_enabled = true, digest_day = $2, digest_hour = $3 "
        "WHERE id = $1",
        user_id,
        day,
        hour,
    )


async def test_the_digest_comes_on_the_members_day_and_hour_once_a_week(db, run_job):
    asked, child_id = await member(db, "919000000501", wrote=WROTE)
    await member(db, "919000000502", wrote=WROTE)  # never asked
    await opt_in(db, asked)  # Tuesdays from 18:00
    await db.execute(
        "INSERT INTO tt.sessions (child_id, day, status) VALUES ($1, '2026-03-09', 'attended')",
        child_id,
    )
    assert (await run_job("weekly-digest", utc("2026-03-10T12:00")))["due"] == 0  # 17:30 IST
    counts = await run_job("weekly-digest", utc("2026-03-10T12:45"))  # 18:15 IST, a Tuesday
    assert counts == {"due": 1, "sent": 1, "skipped": {}, "failed": 0}
    [(to, body, _)] = await queued(db)
    assert to == asked and "Weekly digest for Asha" in body["message"]["text"]["body"]
    assert (await run_job("weekly-digest", utc("2026-03-10T16:00")))["due"] == 0
    assert (await run_job("weekly-digest", utc("2026-03-17T12:45")))["sent"] == 0  # no window
    await db.execute(
        "UPDATE tt.users SET last_inbound_at = $2 WHERE id = $1", asked, utc("2026-03-17T12:00")
    )
    assert (await run_job("weekly-digest", utc("2026-03-17T12:45")))["sent"] == 1  # next week
