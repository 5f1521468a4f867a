"""Bulk logging: many days in one command, every outcome counted, and its errors and help.
Through the real webhook and worker; `tb` runs at Wed 11 Feb 2026, 12:00 in Kolkata."""

from tests.support.logging_steps import PHONE, family, sessions


async def test_bulk_dates_with_spaces_report_every_outcome(tb):
    await family(tb)
    await tb.say(PHONE, "missed 2026-02-03 fever")
    await tb.say(PHONE, "attended 2026-02-04")
    replies = await tb.say(PHONE, "attended_dates 2026-02-02, 2026-02-03, 2026-02-04, 2026-02-20")
    assert replies == [
        "✅ Attended days logged for Asha:\n• Logged: 1\n"
        "• Already logged the same way (skipped): 1\n"
        "• Already logged the other way (skipped): 1\n"
        "• In the future (skipped): 1"
    ]
    assert [(r["day"].day, r["status"]) for r in await sessions(tb)] == [
        (2, "attended"),
        (3, "missed"),
        (4, "attended"),
    ]


async def test_bulk_ranges_and_reasons(tb):
    await family(tb)
    replies = await tb.say(PHONE, "attended_range 2026-02-05 .. 2026-02-07")
    assert "• Logged: 3" in replies[0]
    replies = await tb.say(PHONE, "missed_range 2026-02-09..2026-02-10 Travelling to Hyderabad")
    assert replies[0].startswith("❌ Missed days logged for Asha:\n• Logged: 2")
    missed = [r for r in await sessions(tb) if r["status"] == "missed"]
    assert {(r["reason"], r["reason_category"]) for r in missed} == {
        ("Travelling to Hyderabad", "travel")
    }
    replies = await tb.say(PHONE, "attended_dates 2025-12-30, 2026-01-02")
    assert "• Logged: 1" in replies[0]
    assert "• Before tracking started on Thu 1 Jan (skipped): 1" in replies[0]


async def test_bulk_errors_and_help(tb):
    await family(tb)
    replies = await tb.say(PHONE, "attended_range 2026-02-07..2026-02-05")
    assert replies[0].startswith("⚠️ The range starts (Sat 7 Feb) after it ends (Thu 5 Feb).")
    assert "*attended dates 2/2, 4/2*" in replies[0]  # days of this month, already past
    assert (await tb.say(PHONE, "missed_dates 2025-02-29 fever"))[0].startswith(
        "⚠️ 2025-02-29 does not exist"
    )
    assert (await tb.say(PHONE, "bulk help"))[0].startswith("📋 Log many days at once")
    assert await sessions(tb) == []


async def test_bulk_in_hindi_with_days_as_the_date_reader_reads_them(tb):
    await family(tb)
    replies = await tb.say(PHONE, "कई दिन छूटा 2/2 से 3 feb बुखार")
    assert replies[0].startswith("❌ Missed days logged for Asha:\n• Logged: 2")
    assert [(r["day"].day, r["status"], r["reason"]) for r in await sessions(tb)] == [
        (2, "missed", "बुखार"),
        (3, "missed", "बुखार"),
    ]
