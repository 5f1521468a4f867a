"""`/metrics`: refused without the bearer METRICS_TOKEN (and absent while it is unset); in
Prometheus' text format, this process's webhook latencies, sends by Graph error code and
payment webhooks by outcome, and the database's numbers, the same as `python -m bot stats`."""

import json
import subprocess
import sys
from datetime import UTC, datetime

from prometheus_client.parser import text_string_to_metric_families

from bot.jobs.runner import job_env, run_named
from bot.runtime import WORK
from tests.support import payloads
from tests.support.faults import app_env

TOKEN = "metrics-token-for-tests"
BEARER = {"Authorization": f"Bearer {TOKEN}"}
PHONE = "919000000611"


async def scrape(bot) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    response = await bot.client.get("/metrics", headers=BEARER)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/plain; version=0.0.4")
    text = (await response.get_data()).decode()
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(samples, name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


async def test_metrics_are_absent_without_a_token_configured(bot):
    response = await bot.client.get("/metrics", headers=BEARER)
    assert response.status_code == 404


async def test_metrics_refuse_a_missing_or_wrong_bearer(make_bot):
    bot = await make_bot(metrics_token=TOKEN)
    assert (await bot.client.get("/metrics")).status_code == 401
    wrong = {"Authorization": "Bearer not-the-token"}
    assert (await bot.client.get("/metrics", headers=wrong)).status_code == 401
    basic = {"Authorization": f"Basic {TOKEN}"}
    assert (await bot.client.get("/metrics", headers=basic)).status_code == 401


async def test_metrics_count_webhooks_sends_payments_queues_and_jobs(make_bot, db):
    bot = await make_bot(metrics_token=TOKEN)
    await db.execute(
        "INSERT INTO tt.users (phone, welcomed_at, last_inbound_at) VALUES ($1, now(), now())",
        PHONE,
    )
    before = await scrape(bot)
    assert await bot.say(PHONE, "help")
    bot.graph.fail_next(400, 131026)  # Meta: the message could not be delivered
    await bot.say(PHONE, "help")
    refused = await bot.client.post("/webhooks/razorpay", data=b"{}")
    assert refused.status_code == 503  # no webhook secret configured
    rt = bot.app.extensions["therapy_tracker"]
    await run_named(job_env(rt.settings, rt.running.db, rt.cipher, datetime.now(UTC)), "reminders")

    after = await scrape(bot)

    def grew(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert grew("tt_webhook_seconds_count", webhook="whatsapp", status="200") == 2
    assert grew("tt_sends_total", outcome="sent", code="") == 1
    assert grew("tt_sends_total", outcome="failed", code="131026") == 1
    assert grew("tt_payment_webhooks_total", outcome="not_configured") == 1
    assert value(after, "tt_database_up") == 1
    assert value(after, "tt_queue_rows", queue="inbound", state="done") == 2
    assert value(after, "tt_queue_rows", queue="outbox", state="failed") == 1
    assert value(after, "tt_given_up_rows", queue="outbox", reason="131026") == 1
    assert value(after, "tt_queue_oldest_waiting_seconds", queue="outbox") == 0
    assert ("tt_job_last_run", (("count", "due"), ("job", "reminders"))) in after
    assert value(after, "tt_job_last_run_finished_timestamp_seconds", job="reminders") > 0


async def test_stats_prints_the_numbers_metrics_expose(make_bot, db, database_url):
    bot = await make_bot(metrics_token=TOKEN)
    await db.execute(
        "INSERT INTO tt.users (phone, welcomed_at, last_inbound_at) VALUES ($1, now(), now())",
        PHONE,
    )
    bot.graph.fail_next(400, 131026)
    await bot.say(PHONE, "help")
    samples = await scrape(bot)
    printed = subprocess.run(
        [sys.executable, "-m", "bot", "stats", "--json"],
        env=app_env(database_url),
        capture_output=True,
        text=True,
        check=True,
    )
    stats = json.loads(printed.stdout)
    for queue in ("inbound", "outbox", "notices", "payments"):
        for state, n in stats[queue].items():
            assert value(samples, "tt_queue_rows", queue=queue, state=state) == n
        assert queue in stats["oldest_waiting_seconds"]
    for queue, reasons in stats["given_up"].items():
        for reason, n in reasons.items():
            assert value(samples, "tt_given_up_rows", queue=queue, reason=reason) == n
    assert stats["given_up"]["outbox"] == {"131026": 1}


async def test_a_work_process_serves_only_health_and_metrics(make_bot):
    bot = await make_bot(role=WORK, metrics_token=TOKEN)
    assert (await bot.client.get("/metrics", headers=BEARER)).status_code == 200
    assert (await bot.client.get("/health/ready")).status_code == 200
    refused = await bot.post(payloads.webhook([payloads.text(PHONE, "help")]))
    assert refused.status_code == 404
