"""Reminders come at each member's local hour on their days, once per local day, only when
nothing is logged yet, and never to those who opted out or have not joined."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from typing import Any

from bot.jobs.runner import run_named
from sql.db import Database
from tests.jobs.conftest import CIPHER, env_for
from tests.support.families import add_member, make_family

MARCH = date(2026, 3, 1)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


async def member(
    db: Any,
    phone: str,
    *,
    zone: str = "Asia/Kolkata",
    hour: int = 19,
    days: tuple[int, ...] = (1, 2, 3, 4, 5, 6, 7),
    wrote: datetime | None = None,
    language: str = "en",
    month: date = MARCH,
) -> tuple[int, int]:
    """A member with a child and a 16-session plan for `month`, who last wrote at `wrote`."""
    user_id, child_id = await make_family(db, phone, month=month)
    await db.execute(
        "UPDATE tt.users SET timezone = $2, reminder_hour = $3, reminder_days = $4, "
        "last_inbound_at = $5, language = $6 WHERE id = $1",
        user_id,
        zone,
        hour,
        list(days),
        wrote,
        language,
    )
    return user_id, child_id


async def queued(db: Any) -> list[tuple[int, dict[str, Any], bool]]:
    rows = await db.fetch("SELECT user_id, body, free_form FROM tt.outbox ORDER BY id")
    return [(r["user_id"], CIPHER.decrypt_json(r["body"]), r["free_form"]) for r in rows]


def text_of(body: dict[str, Any]) -> str:
    message = body["message"]
    return message["interactive"]["body"]["text"]


async def test_kolkata_member_is_reminded_once_from_their_hour_with_the_months_numbers(db, run_job):
    user_id, child_id = await member(db, "919000000101", wrote=utc("2026-03-10T10:00"))
    await db.execute(
        "INSERT INTO tt.sessions (child_id, day, status, count) VALUES ($1, '2026-03-09', "
        "'attended', 2)",
        child_id,
    )
    # 18:59 in Kolkata (UTC+05:30): not yet
    early = await run_job("reminders", utc("2026-03-10T13:29"))
    assert early["due"] == 0 and await queued(db) == []
    counts = await run_job("reminders", utc("2026-03-10T13:31"))
    assert counts == {"due": 1, "sent": 1, "skipped": {}, "failed": 0}
    [(to, body, free_form)] = await queued(db)
    assert to == user_id and free_form
    assert "Asha" in text_of(body) and "2 of 16 sessions used, 14 left" in text_of(body)
    buttons = [b["reply"]["id"] for b in body["message"]["interactive"]["action"]["buttons"]]
    assert buttons == ["log:attended_one:2026-03-10", "log:missed:2026-03-10", "holiday:today"]
    assert body["fallback"] is None  # no template configured
    # a rerun, a later tick the same local day: nothing more
    assert (await run_job("reminders", utc("2026-03-10T17:00")))["due"] == 0
    assert len(await queued(db)) == 1


async def test_a_member_who_logged_before_the_hour_or_took_the_day_off_gets_nothing(db, run_job):
    _, logged_child = await member(db, "919000000102", wrote=utc("2026-03-10T10:00"))
    _, off_child = await member(db, "919000000103", wrote=utc("2026-03-10T10:00"))
    await db.execute(
        "INSERT INTO tt.sessions (child_id, day, status) VALUES ($1, '2026-03-10', 'missed')",
        logged_child,
    )
    await db.execute("INSERT INTO tt.holidays (child_id, day) VALUES ($1, '2026-03-10')", off_child)
    counts = await run_job("reminders", utc("2026-03-10T14:00"))
    assert counts == {"due": 2, "sent": 0, "skipped": {"logged": 2}, "failed": 0}
    assert await queued(db) == []


async def test_entries_a_reset_set_aside_count_neither_as_logged_nor_as_used(db, run_job):
    user_id, child_id = await member(db, "919000000104", wrote=utc("2026-03-10T10:00"))
    await db.execute(
        "INSERT INTO tt.sessions (child_id, day, status, count, superseded_at) VALUES "
        "($1, '2026-03-10', 'attended', 1, now()), ($1, '2026-03-09', 'attended', 3, now())",
        child_id,
    )
    await db.execute(
        "INSERT INTO tt.holidays (child_id, day, superseded_at) VALUES ($1, '2026-03-10', now())",
        child_id,
    )
    counts = await run_job("reminders", utc("2026-03-10T14:00"))
    assert counts["sent"] == 1
    [(to, body, _)] = await queued(db)
    assert to == user_id and "0 of 16 sessions used, 16 left" in text_of(body)


async def test_local_midnight_starts_a_new_day_in_the_members_zone(db, run_job):
    """00:10 on 11 March in Kolkata is still 10 March in UTC: yesterday's log does not count."""
    _, child_id = await member(db, "919000000104", hour=0, wrote=utc("2026-03-10T18:00"))
    await db.execute(
        "INSERT INTO tt.sessions (child_id, day, status) VALUES ($1, '2026-03-10', 'attended')",
        child_id,
    )
    at_2359 = await run_job("reminders", utc("2026-03-10T18:29"))
    assert at_2359["skipped"] == {"logged": 1}
    counts = await run_job("reminders", utc("2026-03-10T18:40"))  # 00:10 on the 11th
    assert counts["sent"] == 1
    periods = await db.fetch("SELECT period_key, decided FROM tt.scheduled_sends ORDER BY 1")
    assert [tuple(p) for p in periods] == [("2026-03-10", "logged"), ("2026-03-11", "sent")]
    [(_, body, _)] = await queued(db)
    assert body["message"]["interactive"]["action"]["buttons"][0]["reply"]["id"].endswith(
        "2026-03-11"
    )


async def test_london_across_both_dst_changes(db, run_job):
    """Spring forward (29 March 2026, 01:00 UTC): 01:00 local never happens, the first tick
    after it sends. Fall back (25 October): 01:00-02:00 local happens twice, one message."""
    user_id, _ = await member(db, "919000000105", zone="Europe/London", hour=1, days=(7,))
    for month in (date(2026, 10, 1),):
        await db.execute(
            "INSERT INTO tt.plans (child_id, month, sessions_paid, cost_paise) "
            "SELECT current_child_id, $2, 8, 100 FROM tt.users WHERE id = $1",
            user_id,
            month,
        )
    await db.execute(
        "UPDATE tt.users SET last_inbound_at = $2 WHERE id = $1", user_id, utc("2026-10-24T12:00")
    )
    assert (await run_job("reminders", utc("2026-03-29T00:30")))["due"] == 0  # 00:30 GMT
    await db.execute(
        "UPDATE tt.users SET last_inbound_at = $2 WHERE id = $1", user_id, utc("2026-03-28T12:00")
    )
    assert (await run_job("reminders", utc("2026-03-29T01:05")))["sent"] == 1  # 02:05 BST
    assert (await run_job("reminders", utc("2026-03-30T01:05")))["due"] == 0  # a Monday
    await db.execute(
        "UPDATE tt.users SET last_inbound_at = $2 WHERE id = $1", user_id, utc("2026-10-24T12:00")
    )
    assert (await run_job("reminders", utc("2026-10-24T23:50")))["due"] == 0  # 00:50 BST
    assert (await run_job("reminders", utc("2026-10-25T00:10")))["sent"] == 1  # 01:10 BST
    assert (await run_job("reminders", utc("2026-10-25T01:10")))["due"] == 0  # 01:10 GMT
    assert len(await queued(db)) == 2


async def test_two_runs_racing_on_two_connections_send_one_message_each(db, database_url):
    for n in range(40):
        await member(db, f"9190000002{n:02d}", wrote=utc("2026-03-10T10:00"))
    pools = [await Database.connect(database_url) for _ in range(2)]
    try:
        now = utc("2026-03-10T14:00")
        results = await asyncio.gather(
            *(run_named(env_for(pool, now, batch=7), "reminders") for pool in pools)
        )
    finally:
        for pool in pools:
            await pool.close()
    assert sum(r["reminders"]["sent"] for r in results) == 40
    rows = await db.fetch("SELECT user_id, count(*) FROM tt.outbox GROUP BY 1")
    assert len(rows) == 40 and {r["count"] for r in rows} == {1}


async def test_one_unknown_time_zone_skips_that_member_only(db, run_job):
    await member(db, "919000000106", wrote=utc("2026-03-10T10:00"))
    bad, _ = await member(db, "919000000107", wrote=utc("2026-03-10T10:00"))
    await db.execute("UPDATE tt.users SET timezone = 'Mars/Olympus' WHERE id = $1", bad)
    counts = await run_job("reminders", utc("2026-03-10T14:00"))
    assert counts == {"due": 2, "sent": 1, "skipped": {"bad_timezone": 1}, "failed": 0}
    assert [to for to, _, _ in await queued(db)] != [bad]


async def test_outside_the_window_a_template_in_the_members_language_or_nothing(db, run_job):
    long_ago = utc("2026-03-08T10:00")
    english, _ = await member(db, "919000000108", wrote=long_ago)
    await member(db, "919000000109", wrote=long_ago, language="hi")  # no Hindi template
    recent, _ = await member(db, "919000000110", wrote=utc("2026-03-10T10:00"), language="te")
    templates = {"en": "tt_reminder", "te": "tt_reminder_te"}
    counts = await run_job("reminders", utc("2026-03-10T14:00"), reminder_templates=templates)
    assert counts == {"due": 3, "sent": 2, "skipped": {"no_template": 1}, "failed": 0}
    [(first, body, free_form), (second, inside, inside_free)] = await queued(db)
    assert first == english and not free_form
    assert body["message"]["template"]["name"] == "tt_reminder"
    assert body["message"]["template"]["language"]["code"] == "en"
    assert second == recent and inside_free
    assert inside["fallback"]["template"]["name"] == "tt_reminder_te"
    assert "ఈరోజు" in text_of(inside)


async def test_opted_out_switched_off_erased_and_pending_invitees_get_nothing(db, run_job):
    wrote = utc("2026-03-10T10:00")
    opted_out, _ = await member(db, "919000000111", wrote=wrote)
    switched_off, _ = await member(db, "919000000112", wrote=wrote)
    erased, _ = await member(db, "919000000113", wrote=wrote)
    await db.execute("UPDATE tt.users SET consent = 'opted_out' WHERE id = $1", opted_out)
    await db.execute("UPDATE tt.users SET reminders_enabled = false WHERE id = $1", switched_off)
    await db.execute("UPDATE tt.users SET deleted_at = now() WHERE id = $1", erased)
    owner, child_id = await member(db, "919000000114", wrote=wrote)
    invitee = await db.fetchval(
        "INSERT INTO tt.users (phone, last_inbound_at) VALUES ('919000000115', $1) RETURNING id",
        wrote,
    )
    await db.execute(
        "INSERT INTO tt.invites (child_id, phone, role, invited_by) "
        "VALUES ($1, '919000000115', 'parent', $2)",
        child_id,
        owner,
    )
    counts = await run_job("reminders", utc("2026-03-10T14:00"))
    assert counts["sent"] == 1
    assert [to for to, _, _ in await queued(db)] == [owner]
    assert invitee != owner


async def test_every_member_of_a_family_is_reminded_about_their_current_child(db, run_job):
    owner, child_id = await member(db, "919000000116", wrote=utc("2026-03-10T10:00"))
    parent = await db.fetchval(
        "INSERT INTO tt.users (phone, last_inbound_at) VALUES ('919000000117', $1) RETURNING id",
        utc("2026-03-10T10:00"),
    )
    await add_member(db, child_id, parent, "parent")
    assert (await run_job("reminders", utc("2026-03-10T14:00")))["sent"] == 2
    assert sorted(to for to, _, _ in await queued(db)) == sorted([owner, parent])


async def test_a_dry_run_counts_and_sends_nothing_and_the_run_is_recorded(db, run_job):
    await member(db, "919000000118", wrote=utc("2026-03-10T10:00"))
    counts = await run_job("reminders", utc("2026-03-10T14:00"), dry_run=True)
    assert counts["sent"] == 1
    assert await queued(db) == []
    assert not await db.fetchval("SELECT count(*) FROM tt.scheduled_sends")
    run = await db.fetchrow("SELECT job, dry_run, as_of FROM tt.job_runs")
    assert tuple(run) == ("reminders", True, utc("2026-03-10T14:00"))
    assert (await run_job("reminders", utc("2026-03-10T14:00") + timedelta(minutes=5)))["sent"] == 1


async def test_children_with_names_of_one_length_each_get_their_own_name_written_whole(db, run_job):
    # the message is built once per shape (two of these names have one length); each copy
    # carries its own child's name, quotes, backslash and Telugu included, in the text and
    # in the template's parameter
    names = {'Ra "J" \\ 1': "919000000119", "రాము శ్రీ": "919000000120", "Ravi Kumar": "919000000121"}
    for name, phone in names.items():
        _, child_id = await member(db, phone, wrote=utc("2026-03-10T10:00"))
        await db.execute("UPDATE tt.children SET name = $2 WHERE id = $1", child_id, name)
    templates = {"en": "tt_reminder"}
    counts = await run_job("reminders", utc("2026-03-10T14:00"), reminder_templates=templates)
    assert counts["sent"] == 3
    for (_, body, _), name in zip(await queued(db), names, strict=True):
        assert name in text_of(body) and "\ue000" not in text_of(body)
        assert body["fallback"]["template"]["components"][0]["parameters"][0]["text"] == name
