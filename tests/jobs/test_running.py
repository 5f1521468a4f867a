"""The same sweeps from the CLI, the cron endpoint (bearer only, constant-time) and the tick;
every run leaves its counts for `python -m bot stats`."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from bot.stats import collect_stats
from tests.conftest import TEST_KEY
from tests.jobs.test_reminders import member, queued, utc

CRON_SECRET = "a-cron-secret-for-tests"


def cli(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ["PATH"],
        "APP_ENV": "test",
        "DATABASE_URL": database_url,
        "WHATSAPP_APP_SECRET": "s",
        "WHATSAPP_VERIFY_TOKEN": "v",
        "DATA_ENCRYPTION_KEYS": TEST_KEY,
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", "jobs", "run", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


async def test_cli_runs_a_job_as_of_a_given_time_dry_or_for_real(db, database_url):
    await member(db, "919000000301", wrote=utc("2026-03-10T10:00"))
    dry = cli(database_url, "reminders", "--now", "2026-03-10T14:00:00+00:00", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["reminders"]["sent"] == 1
    assert await queued(db) == []
    real = cli(database_url, "tick", "--now", "2026-03-10T19:30+05:30")
    assert real.returncode == 0, real.stderr
    counts = json.loads(real.stdout)
    assert set(counts) == {
        "reminders",
        "package-low",
        "weekly-digest",
        "monthly-report",
        "pro-expiry",
        "retention",
    }
    assert counts["reminders"]["sent"] == 1 and len(await queued(db)) == 1
    stats = await collect_stats(db)
    assert stats["jobs"]["reminders"]["sent"] == 1 and not stats["jobs"]["reminders"]["dry_run"]
    assert stats["jobs"]["reminders"]["as_of"].startswith("2026-03-10T14:00")


def test_cli_refuses_an_unknown_job(database_url):
    result = cli(database_url, "remind-everyone")
    assert result.returncode == 2 and "one of: reminders" in result.stderr


async def test_the_cron_endpoint_wants_the_bearer_secret_and_a_known_job(db, make_bot):
    bot = await make_bot(cron_secret=CRON_SECRET)
    post = bot.client.post
    assert (await post("/internal/jobs/tick")).status_code == 401
    wrong = {"Authorization": "Bearer not-the-secret"}
    assert (await post("/internal/jobs/tick", headers=wrong)).status_code == 401
    in_query = f"/internal/jobs/tick?token={CRON_SECRET}"
    assert (await post(in_query)).status_code == 401
    bearer = {"Authorization": f"Bearer {CRON_SECRET}"}
    assert (await bot.client.get("/internal/jobs/tick", headers=bearer)).status_code == 405
    assert (await post("/internal/jobs/nope", headers=bearer)).status_code == 404
    response = await post("/internal/jobs/retention", headers=bearer)
    assert response.status_code == 200
    assert set(await response.get_json()) == {"retention"}


async def test_without_a_cron_secret_the_endpoint_refuses_everyone(make_bot):
    bot = await make_bot(cron_secret="")
    response = await bot.client.post("/internal/jobs/tick", headers={"Authorization": "Bearer "})
    assert response.status_code == 401


async def test_a_reminder_reaches_whatsapp_and_its_button_logs_the_day(db, make_bot, graph):
    """Through the running app: the cron endpoint queues it, the sender delivers it, a tap on
    its first button asks how many sessions were attended that day."""
    phone = "919000000302"
    user_id, _ = await member(db, phone, hour=0)
    await db.execute("UPDATE tt.users SET last_inbound_at = now() WHERE id = $1", user_id)
    bot = await make_bot(cron_secret=CRON_SECRET)
    bearer = {"Authorization": f"Bearer {CRON_SECRET}"}
    response = await bot.client.post("/internal/jobs/reminders", headers=bearer)
    assert (await response.get_json())["reminders"]["sent"] == 1
    await bot.settle()
    [reminder] = graph.to(phone)
    assert "Nothing is logged for Asha today yet" in reminder["interactive"]["body"]["text"]
    first = reminder["interactive"]["action"]["buttons"][0]["reply"]["id"]
    replies = await bot.tap(phone, first)
    assert replies and "Asha" in replies[-1]
