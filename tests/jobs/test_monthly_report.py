"""The monthly report push: on the 1st (from 09:00) in the family's zone, last month's PDF as
a document, once per member and child, to owners and parents who keep it on, only with the
plan that has it and only inside the 24-hour window."""

from __future__ import annotations

import base64
from datetime import date
from typing import Any

from tests.jobs.test_reminders import member, queued, utc
from tests.support.families import add_member, add_user
from tests.support.pro import grant_pro

FEB = date(2026, 2, 1)
WROTE = utc("2026-02-28T20:00")


async def family(
    db: Any, phone: str, *, zone: str = "Asia/Kolkata", pro: bool = True
) -> tuple[int, int]:
    """A member with February planned and one session logged, in a family in `zone`."""
    user_id, child_id = await member(db, phone, wrote=WROTE, month=FEB)
    await db.execute("UPDATE tt.children SET timezone = $2 WHERE id = $1", child_id, zone)
    await db.execute(
        "INSERT INTO tt.sessions (child_id, day, status) VALUES ($1, '2026-02-10', 'attended')",
        child_id,
    )
    if pro:
        await grant_pro(db, child_id, "parent_basic_199")
    return user_id, child_id


async def test_last_months_pdf_comes_once_on_the_first_from_nine_local(db, run_job):
    owner, _ = await family(db, "919000000601")
    assert (await run_job("monthly-report", utc("2026-02-28T18:29")))["due"] == 0  # 23:59 IST
    assert (await run_job("monthly-report", utc("2026-02-28T18:31")))["due"] == 0  # 00:01, night
    counts = await run_job("monthly-report", utc("2026-03-01T03:31"))  # 09:01 on 1 March
    assert counts == {"due": 1, "sent": 1, "skipped": {}, "failed": 0}
    [(to, body, free_form)] = await queued(db)
    assert to == owner and free_form
    assert body["media"]["filename"] == "Therapy-Asha-2026-02.pdf"
    assert base64.b64decode(body["media"]["content"]).startswith(b"%PDF")
    assert body["message"]["document"]["caption"] == "Asha · February 2026"
    assert body["then"]["text"]["body"].startswith(
        "📄 February 2026 is over, so here is Asha's report for it."
    )
    assert (await run_job("monthly-report", utc("2026-03-01T10:00")))["due"] == 0  # a rerun
    assert (await run_job("monthly-report", utc("2026-03-02T04:00")))["due"] == 0  # the 2nd
    assert len(await queued(db)) == 1


async def test_the_familys_local_first_counts_not_utcs(db, run_job):
    """At 09:59 UTC on 1 March it is 15:29 on the 1st in Kolkata but still 23:59 on 28 February
    in Honolulu: only Kolkata's family is due; Honolulu's comes from 09:00 its own time."""
    kolkata, _ = await family(db, "919000000602")
    honolulu, _ = await family(db, "919000000603", zone="Pacific/Honolulu")
    await db.execute("UPDATE tt.users SET last_inbound_at = $1", utc("2026-03-01T08:00"))
    first = await run_job("monthly-report", utc("2026-03-01T09:59"))
    assert (first["due"], first["sent"]) == (1, 1)
    assert (await run_job("monthly-report", utc("2026-03-01T10:01")))["due"] == 0  # 00:01 HST
    later = await run_job("monthly-report", utc("2026-03-01T19:00"))  # 09:00 in Honolulu
    assert (later["due"], later["sent"]) == (1, 1)
    assert [to for to, _, _ in await queued(db)] == [kolkata, honolulu]


async def test_who_gets_it_and_why_others_do_not(db, run_job):
    owner, child_id = await family(db, "919000000611")
    parent = await add_user(db, "919000000612")
    therapist = await add_user(db, "919000000613")
    await db.execute("UPDATE tt.users SET last_inbound_at = $1 WHERE id > $2", WROTE, owner)
    await add_member(db, child_id, parent, "parent")
    await add_member(db, child_id, therapist, "therapist")  # never: not a parent's report
    quiet, _ = await family(db, "919000000614")
    await db.execute("UPDATE tt.users SET monthly_report = false WHERE id = $1", quiet)
    await family(db, "919000000615", pro=False)  # the free plan
    away, _ = await family(db, "919000000616")
    await db.execute(
        "UPDATE tt.users SET last_inbound_at = $2 WHERE id = $1", away, WROTE.replace(day=20)
    )
    _, empty_child = await family(db, "919000000617")
    await db.execute("DELETE FROM tt.sessions WHERE child_id = $1", empty_child)
    await db.execute("DELETE FROM tt.plans WHERE child_id = $1", empty_child)
    counts = await run_job("monthly-report", utc("2026-03-01T04:00"))
    assert counts == {
        "due": 5,
        "sent": 2,
        "skipped": {"empty": 1, "not_pro": 1, "window_closed": 1},
        "failed": 0,
    }
    assert sorted(to for to, _, _ in await queued(db)) == sorted([owner, parent])
    # the member out of the window is asked again, and gets it once they write on the 1st
    await db.execute(
        "UPDATE tt.users SET last_inbound_at = $2 WHERE id = $1", away, utc("2026-03-01T05:00")
    )
    again = await run_job("monthly-report", utc("2026-03-01T06:00"))
    assert (again["due"], again["sent"]) == (1, 1)


async def test_outside_the_window_the_report_template_carries_the_pdf(db, run_job):
    away, _ = await family(db, "919000000621")
    await db.execute(
        "UPDATE tt.users SET last_inbound_at = $2 WHERE id = $1", away, WROTE.replace(day=20)
    )
    templates = {"en": "tt_monthly_report"}
    counts = await run_job("monthly-report", utc("2026-03-01T04:00"), report_templates=templates)
    assert counts == {"due": 1, "sent": 1, "skipped": {}, "failed": 0}
    [(to, body, free_form)] = await queued(db)
    assert to == away and not free_form  # a template: Meta delivers it outside the window
    template = body["message"]["template"]
    assert template["name"] == "tt_monthly_report"
    header, text = template["components"]
    assert header == {
        "type": "header",
        "parameters": [{"type": "document", "document": {"filename": "Therapy-Asha-2026-02.pdf"}}],
    }
    assert [p["text"] for p in text["parameters"]] == ["Asha", "February 2026"]
    assert base64.b64decode(body["media"]["content"]).startswith(b"%PDF")
    assert body["then"] is None  # a free text after it could not go either
    assert (await run_job("monthly-report", utc("2026-03-02T04:00")))["due"] == 0


async def test_without_a_template_the_report_waits_until_the_third_for_the_window(db, run_job):
    away, _ = await family(db, "919000000622")
    await db.execute(
        "UPDATE tt.users SET last_inbound_at = $2 WHERE id = $1", away, WROTE.replace(day=20)
    )
    for moment in ("2026-03-01T04:00", "2026-03-02T04:00"):  # 09:30 on the 1st and the 2nd
        counts = await run_job("monthly-report", utc(moment))
        assert counts["skipped"] == {"window_closed": 1} and await queued(db) == []
    # the parent writes on the evening of the 2nd: the report comes from 09:00 on the 3rd
    await db.execute(
        "UPDATE tt.users SET last_inbound_at = $2 WHERE id = $1", away, utc("2026-03-02T15:00")
    )
    assert (await run_job("monthly-report", utc("2026-03-02T20:00")))["due"] == 0  # 01:30
    counts = await run_job("monthly-report", utc("2026-03-03T04:00"))
    assert (counts["due"], counts["sent"]) == (1, 1)
    [(to, body, free_form)] = await queued(db)
    assert to == away and free_form
    assert body["media"]["filename"] == "Therapy-Asha-2026-02.pdf"
    assert body["then"]["text"]["body"].startswith("📄 February 2026 is over")


async def test_a_window_that_stays_closed_past_the_third_gets_no_report(db, run_job):
    away, _ = await family(db, "919000000623")
    await db.execute(
        "UPDATE tt.users SET last_inbound_at = $2 WHERE id = $1", away, WROTE.replace(day=20)
    )
    assert (await run_job("monthly-report", utc("2026-03-03T17:00")))["skipped"] == {
        "window_closed": 1
    }
    await db.execute(
        "UPDATE tt.users SET last_inbound_at = $2 WHERE id = $1", away, utc("2026-03-04T04:00")
    )
    assert (await run_job("monthly-report", utc("2026-03-04T05:00")))["due"] == 0
    assert await queued(db) == []
