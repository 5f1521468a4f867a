"""`import-legacy` against a database shaped like the original bot's: generated families
and its known bad rows, imported into ours; then again, and as a dry run."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
import pytest

from bot.cli import _parser
from bot.legacy_import.report import Report
from bot.legacy_import.run import import_legacy
from sql.cipher import Cipher
from sql.db import SYSTEM, Database, as_user
from tests.conftest import TEST_KEY, make_settings
from tests.legacy.bad_rows import Bad, add_bad_rows
from tests.legacy.generated import NOW, Generated, generate
from tests.legacy.legacy_rows import Legacy, phone
from tracker.money import month_figures
from tracker.report_store import load_month

TABLES = (
    "users",
    "children",
    "memberships",
    "invites",
    "plans",
    "sessions",
    "holidays",
    "notes",
    "audit_events",
    "payments",
    "family_pro",
    "referrals",
    "legacy_imports",
)
CIPHER = Cipher([TEST_KEY])


@dataclass
class World:
    legacy_url: str
    good: list[Generated]
    bad: Bad


@pytest.fixture(name="world")
async def _world(legacy: asyncpg.Connection, legacy_url: str) -> World:
    rows = Legacy(legacy)
    good = await generate(rows)
    return World(legacy_url, good, await add_bad_rows(rows, good))


@pytest.fixture(name="ours")
async def _ours(database_url: str, db: asyncpg.Connection) -> AsyncIterator[Database]:
    database = await Database.connect(database_url, max_size=2)
    yield database
    await database.close()


async def run(ours: Database, world: World, *, dry_run: bool = False) -> Report:
    return await import_legacy(ours, CIPHER, world.legacy_url, NOW, dry_run=dry_run)


async def counts(db: asyncpg.Connection) -> dict[str, int]:
    return {t: await db.fetchval(f"SELECT count(*) FROM tt.{t}") for t in TABLES}


async def child_of(db: asyncpg.Connection, legacy_child: int) -> int:
    target = await db.fetchval(
        "SELECT target FROM tt.legacy_imports WHERE kind = 'child' AND legacy_id = $1",
        legacy_child,
    )
    return int(target)


def ids(report: Report, kind: str, reason: str, *, noted: bool = False) -> set[int | None]:
    rows = report.noted(kind, reason) if noted else report.skipped(kind, reason)
    return {p.legacy_id for p in rows}


async def test_every_family_keeps_its_numbers(
    ours: Database, world: World, db: asyncpg.Connection, legacy: asyncpg.Connection
) -> None:
    report = await run(ours, world)
    # and ravi, mira, neel, isha, anu, Default
    assert report.families_checked == len(world.good) + 6
    assert await db.fetchval("SELECT count(*) FROM tt.children") == len(world.good) + 6
    assert report.written["voice_note"] == sum(1 for f in world.good if f.restored)
    # the original's screens counted only the viewer's own logs; the report says where
    viewed = {line.split()[1] for line in report.own_views}
    assert {f"#{f.legacy_child}" for f in world.good} <= viewed
    assert f"#{world.bad.isha_child}" not in viewed  # the owner logged everything
    ravi = f"child #{world.bad.ravi_child}"
    assert all(line.startswith(ravi) for line in report.mismatches), report.mismatches
    assert {line.split()[2] for line in report.mismatches} == {"2026-01:", "2026-02:"}
    for family in world.good:
        child_id = await child_of(db, family.legacy_child)
        for month, expected in family.expected.items():
            async with ours.transaction(SYSTEM) as conn:
                log = await load_month(conn, CIPHER, child_id, month)
            assert log.plan is not None
            attended = sum(r.count for r in log.rows if r.status == "attended")
            missed = sum(r.count for r in log.rows if r.status == "missed")
            figures = month_figures(log.plan, attended, missed)
            got = (
                figures.paid,
                figures.paid_paise,
                figures.attended,
                figures.used_paise,
                figures.missed,
                figures.left,
            )
            assert got == expected, (family.name, month)
    legacy_sessions = await legacy.fetchval("SELECT count(*) FROM sessions")
    skipped = sum(1 for p in report.problems if p.kind == "session")
    made_up = len(world.bad.ids["made_up"])
    assert await db.fetchval("SELECT count(*) FROM tt.sessions") == (
        legacy_sessions - skipped - made_up
    )


async def test_a_mid_month_setup_is_used_before_not_made_up_days(
    ours: Database, world: World, db: asyncpg.Connection
) -> None:
    report = await run(ours, world)
    assert ids(report, "session", "mid_month_setup_row", noted=True) == set(
        world.bad.ids["made_up"]
    )
    child_id = await child_of(db, world.bad.isha_child)
    plan = await db.fetchrow("SELECT used_before FROM tt.plans WHERE child_id = $1", child_id)
    assert plan["used_before"] == 4
    days = [
        r["day"].day
        for r in await db.fetch("SELECT day FROM tt.sessions WHERE child_id = $1", child_id)
    ]
    assert days == [12]
    assert not any(f"#{world.bad.isha_child} " in line for line in report.mismatches)


async def test_the_report_lists_the_bad_rows_with_their_reasons(
    ours: Database, world: World
) -> None:
    report = await run(ours, world)
    bad = world.bad.ids
    expected_skips = {
        ("user", "invalid_phone"): bad["invalid_phone"],
        ("session", "future_date"): bad["future"],
        ("session", "family_not_imported"): bad["no_child"],
        ("session", "bad_date"): bad["no_date"],
        ("plan", "plan_conflict"): bad["conflict"],
        ("plan", "plan_out_of_bounds"): bad["out_of_bounds"],
        ("plan", "bad_month"): bad["bad_month"],
        ("holiday", "same_day_twice"): bad["holiday_twice"][1:],
        ("note", "voice_not_transcribed"): bad["voice_failed"],
        ("payment", "no_payment_id"): bad["no_payment_id"],
        ("payment", "same_payment_twice"): bad["payment_twice"],
        ("child", "no_members"): bad["no_members"],
        ("child", "no_owner_or_parent"): bad["only_therapist"],
        ("member", "same_number_twice"): bad["same_number_twice"],
        ("referral", "same_family"): bad["same_family"],
        ("referral", "mutual"): bad["mutual"],
    }
    for (kind, reason), legacy_ids in expected_skips.items():
        assert ids(report, kind, reason) == set(legacy_ids), (kind, reason)
    over = ids(report, "session", "over_daily_limit")
    assert len(over) == 2 and max(bad["over_limit"]) in over
    expected_notes = {
        ("session", "month_tag_differs"): bad["tag_differs"],
        ("plan", "same_plan_twice"): bad["same_plan"],
        ("member", "member_as_therapist"): bad["member_role"],
        ("member", "owner_promoted"): bad["promoted"],
        ("user", "same_number_merged"): bad["merged_user"],
        ("user", "bad_timezone"): bad["bad_timezone"],
        ("child", "name_case_ambiguous"): bad["mira"],
    }
    for (kind, reason), legacy_ids in expected_notes.items():
        assert ids(report, kind, reason, noted=True) == set(legacy_ids), (kind, reason)
    assert len(report.noted("child", "default_child_made")) == 1
    several = ids(report, "session", "oldest_of_several_children", noted=True)
    assert set(bad["web_row_of_several"]) <= several
    assert len(report.noted("user", "lifetime_pro")) == 1
    text = report.text()
    assert "91*****00901" not in text and "919876500901" not in text
    assert "91******0901" in text  # phones masked: country prefix and last four digits


async def test_names_get_their_case_back_only_when_a_text_spells_them(
    ours: Database, world: World, db: asyncpg.Connection
) -> None:
    report = await run(ours, world)
    names = {r["name"] for r in await db.fetch("SELECT name FROM tt.children")}
    for family in world.good:
        assert (family.restored or family.name) in names
    assert {"ravi", "mira", "neel", "Default"} <= names
    unknown = ids(report, "child", "name_case_unknown", noted=True)
    assert world.bad.ravi_child in unknown
    assert len(report.names) == sum(1 for f in world.good if f.restored)


async def test_a_rerun_adds_nothing(ours: Database, world: World, db: asyncpg.Connection) -> None:
    first = await run(ours, world)
    before = await counts(db)
    again = await run(ours, world)
    assert await counts(db) == before
    assert sum(again.written.values()) == 0
    assert again.already["session"] == first.written["session"]
    assert again.mismatches == first.mismatches


async def test_a_dry_run_writes_nothing_and_counts_what_the_run_writes(
    ours: Database, world: World, db: asyncpg.Connection
) -> None:
    empty = await counts(db)
    dry = await run(ours, world, dry_run=True)
    assert await counts(db) == empty
    real = await run(ours, world)
    assert dry.written == real.written
    assert dry.mismatches == real.mismatches
    assert "(dry run: nothing written)" in dry.text()


async def test_consent_pro_and_encryption_carry_over(
    ours: Database, world: World, db: asyncpg.Connection
) -> None:
    report = await run(ours, world)
    first, second, third, fourth = world.good[:4]

    async def consent(phone: str) -> str:
        return str(await db.fetchval("SELECT consent FROM tt.users WHERE phone = $1", phone))

    assert await consent(third.owner) == "opted_out"  # a later link opened changes nothing
    assert ids(report, "consent", "opt_out_kept", noted=True)
    assert await consent(fourth.owner) == "opted_in"
    assert await consent(fourth.coparent) == "opted_out"
    pro = await db.fetchrow(
        "SELECT plan_code, expires_at FROM tt.family_pro WHERE child_id = $1",
        await child_of(db, first.legacy_child),
    )
    assert (
        pro["plan_code"] == "pro_plus_499" and pro["expires_at"].date().isoformat() == "2026-03-12"
    )
    assert not await db.fetchval(
        "SELECT count(*) FROM tt.family_pro WHERE child_id = $1",
        await child_of(db, second.legacy_child),
    )
    assert (
        await db.fetchval("SELECT state FROM tt.payments WHERE payment_id = 'pay_FirstFamily01'")
        == "granted"
    )
    assert await db.fetchval("SELECT count(*) FROM tt.referrals") == 1
    reason = await db.fetchval(
        "SELECT reason FROM tt.sessions WHERE status = 'missed' AND reason IS NOT NULL LIMIT 1"
    )
    assert b"fever" not in reason and b"station" not in reason and b"available" not in reason
    assert CIPHER.decrypt_text(reason) in {"fever", "out of station", "therapist not available"}
    structured = await db.fetchval("SELECT count(*) FROM tt.notes WHERE kind = 'structured'")
    assert structured == len(world.good)
    invite = await db.fetchrow("SELECT role, invited_by FROM tt.invites")
    assert invite["role"] == "therapist" and invite["invited_by"] is not None


async def test_the_command_prints_the_report_and_writes_it_to_a_file(
    capsys: pytest.CaptureFixture[str],
    database_url: str,
    db: asyncpg.Connection,
    world: World,
    tmp_path: Path,
) -> None:
    path = tmp_path / "report.txt"
    argv = ["import-legacy", "--from", world.legacy_url, "--dry-run", "--report", str(path)]
    args = _parser().parse_args(argv)
    code = await asyncio.to_thread(args.run, make_settings(database_url), args)
    out = capsys.readouterr().out
    assert code == 0
    assert "dry run: nothing written" in out and "session future_date: 1" in out
    assert path.read_text(encoding="utf-8").startswith("Import from the original bot")
    assert not await db.fetchval("SELECT count(*) FROM tt.children")


async def test_what_was_erased_here_is_not_brought_back(
    ours: Database, world: World, db: asyncpg.Connection
) -> None:
    await run(ours, world)
    first = world.good[0]
    user_id = await db.fetchval("SELECT id FROM tt.users WHERE phone = $1", first.owner)
    async with ours.transaction(as_user(user_id)) as conn:
        await conn.execute("SELECT * FROM tt.delete_my_data()")
    before = await counts(db)
    again = await run(ours, world)
    assert await counts(db) == before
    assert sum(again.written.values()) == 0
    assert first.owner[-4:] in " ".join(p.detail for p in again.skipped("user", "erased_here"))
    assert not await db.fetchval("SELECT count(*) FROM tt.memberships WHERE user_id = $1", user_id)


async def test_people_already_here_keep_their_row_and_their_newer_choice(
    ours: Database, world: World, db: asyncpg.Connection
) -> None:
    second, third, fourth = world.good[1:4]
    kept_in = datetime(2026, 2, 10, tzinfo=UTC)  # after the original's opt-out of 1 February
    await db.execute(
        "INSERT INTO tt.users (phone, display_name) VALUES ($1, 'Kiran''s Amma'), ($2, NULL)",
        second.owner,
        third.owner,
    )
    await db.execute(
        "INSERT INTO tt.users (phone, consent, consent_changed_at) VALUES ($1, 'opted_in', $2)",
        fourth.coparent,
        kept_in,
    )
    report = await run(ours, world)
    joined = ids(report, "user", "joined_existing_user", noted=True)
    assert len(joined) == 3
    consent = "SELECT consent FROM tt.users WHERE phone = $1"
    assert await db.fetchval(consent, third.owner) == "opted_out"
    assert await db.fetchval(consent, fourth.coparent) == "opted_in"
    assert f"child #{second.legacy_child}: 'kiran' → 'Kiran'" in report.names


async def test_a_database_without_the_optional_tables_and_columns(
    ours: Database, world: World, legacy: asyncpg.Connection, db: asyncpg.Connection
) -> None:
    await legacy.execute(
        "DROP TABLE referral_events; ALTER TABLE child_members DROP COLUMN invited_by; "
        "ALTER TABLE sessions DROP COLUMN mood"
    )
    report = await run(ours, world)
    assert ids(report, "table", "missing", noted=True) == {None}
    assert "referral_events" in report.noted("table", "missing")[0].detail
    assert not await db.fetchval("SELECT count(*) FROM tt.referrals")
    assert await db.fetchval("SELECT count(*) FROM tt.sessions WHERE mood IS NOT NULL") == 0
    assert report.written["session"] > 0


async def test_an_unreachable_source_is_one_line_without_the_password(
    capsys: pytest.CaptureFixture[str], database_url: str, db: asyncpg.Connection
) -> None:
    source = "postgresql://reader:s3cret-pass@127.0.0.1:9/legacy"  # nothing listens on 9
    args = _parser().parse_args(["import-legacy", "--from", source])
    code = await asyncio.to_thread(args.run, make_settings(database_url), args)
    err = capsys.readouterr().err
    assert code == 1
    assert "cannot read the original bot's database" in err and "s3cret" not in err


async def test_an_owner_erased_here_before_the_import_hands_the_family_over(
    ours: Database, world: World, db: asyncpg.Connection
) -> None:
    ravi_owner, ravi_parent, isha_owner = phone(901), phone(902), phone(970)
    await db.execute(
        "INSERT INTO tt.users (phone, deleted_at) VALUES ($1, now()), ($2, now())",
        ravi_owner,
        isha_owner,
    )
    report = await run(ours, world)
    assert len(report.skipped("user", "erased_here")) == 2
    role = await db.fetchval(
        "SELECT m.role FROM tt.memberships m JOIN tt.users u ON u.id = m.user_id "
        "WHERE u.phone = $1",
        ravi_parent,
    )
    assert role == "owner"
    assert ids(report, "child", "no_owner_or_parent") >= {world.bad.isha_child}
    children = report.written["child"] + report.written["default_child"]
    assert children == await db.fetchval("SELECT count(*) FROM tt.children")
    assert report.written["session"] == await db.fetchval("SELECT count(*) FROM tt.sessions")
    assert not await db.fetchval(
        "SELECT count(*) FROM tt.memberships m JOIN tt.users u ON u.id = m.user_id "
        "WHERE u.deleted_at IS NOT NULL"
    )
