"""Backfill: older days paged beyond the usual picker, down to the day tracking started.
Through the real webhook and worker; `tb` runs at Wed 11 Feb 2026, 12:00 in Kolkata."""

from datetime import date

from tests.support.logging_steps import (
    PHONE,
    family,
    last_buttons,
    last_rows,
    sessions,
    with_mood_question,
)


async def test_backfill_pages_beyond_ten_days(tb):
    await family(tb)
    assert await tb.say(PHONE, "backfill") == [
        "Fill in older days for Asha: were they attended or missed?"
    ]
    assert last_buttons(tb) == ["backfill:attended", "backfill:missed"]
    await tb.tap(PHONE, "backfill:attended")
    ids = [r["id"] for r in last_rows(tb)]
    assert ids[0] == "log:page:attended:2026-02-11"
    assert ids[1:-1] == [
        f"log:attended:2026-{d}"
        for d in ("02-03", "02-02", "02-01", "01-31", "01-30", "01-29", "01-28", "01-27")
    ]
    assert ids[-1] == "log:page:attended:2026-01-26"
    await tb.tap(PHONE, "log:page:attended:2026-01-26")
    ids = [r["id"] for r in last_rows(tb)]
    assert (ids[0], ids[1], ids[-1]) == (
        "log:page:attended:2026-02-03",
        "log:attended:2026-01-26",
        "log:page:attended:2026-01-18",
    )
    await tb.tap(PHONE, "log:attended:2026-01-20")
    replies = await tb.tap(PHONE, "log:count:2026-01-20:1")
    assert replies[0] == with_mood_question("✅ Attended logged for Asha: Tue 20 Jan, 1 session")
    assert [r["day"] for r in await sessions(tb)] == [date(2026, 1, 20)]


async def test_backfill_missed_stops_paging_at_tracking_start(tb):
    await family(tb)
    await tb.tap(PHONE, "backfill:missed")
    await tb.tap(PHONE, "log:page:missed:2026-01-02")
    assert [r["id"] for r in last_rows(tb)] == [
        "log:page:missed:2026-01-10",
        "log:missed:2026-01-02",
        "log:missed:2026-01-01",
    ]
    await tb.tap(PHONE, "log:missed:2026-01-01")
    await tb.say(PHONE, "Wedding in the family")
    [row] = await sessions(tb)
    assert (row["day"], row["reason_category"]) == (date(2026, 1, 1), "family")
