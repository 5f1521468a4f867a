"""The retention sweep deletes finished queue rows past their documented age, in batches, and
nothing that still has work to do."""

from datetime import timedelta
from pathlib import Path

from bot.scheduler import RETENTION, purge_expired
from sql.db import Database

OLD, RECENT = timedelta(days=40), timedelta(hours=1)
# (status, delivery) of replies: sent, then delivered or read by Meta's account (or, by the
# code before migration 0030, as the status); or not sent
SENT_OR_NOT = [
    ("sent", None),
    ("sent", "delivered"),
    ("sent", "read"),
    ("read", None),
    ("failed", None),
    ("pending", None),
]


async def fill(db):
    """Two rows of every kind the sweep looks at: one old, one recent; and old pending work."""
    user_id = await db.fetchval("INSERT INTO tt.users (phone) VALUES ('919000000021') RETURNING id")
    for n, (status, age) in enumerate(
        [(s, a) for s in ("done", "dead", "pending") for a in (OLD, RECENT)]
    ):
        await db.execute(
            "INSERT INTO tt.inbound_messages (wamid, user_id, phone_number_id, kind, payload, "
            "status, received_at) VALUES ($1, $2, 'n', 'text', '\\x00', $3, now() - $4::interval)",
            f"wamid.{n}",
            user_id,
            status,
            age,
        )
    for status, delivery in SENT_OR_NOT:
        for age in (OLD, RECENT):
            await db.execute(
                "INSERT INTO tt.outbox (user_id, inbound_id, phone_number_id, body, status, "
                "delivery, created_at) VALUES ($1, (SELECT min(id) FROM tt.inbound_messages), "
                "'n', '\\x00', $2, $3, now() - $4::interval)",
                user_id,
                status,
                delivery,
                age,
            )
    for status in ("dead", "pending"):
        for age in (OLD, RECENT):
            await db.execute(
                "INSERT INTO tt.pending_notices (user_id, line, status, queued_at) "
                "VALUES ($1, '\\x00', $2, now() - $3::interval)",
                user_id,
                status,
                age,
            )
    for n, age in enumerate((OLD, RECENT)):
        await db.execute(
            "INSERT INTO tt.scheduled_sends (kind, user_id, period_key, decided, created_at) "
            "VALUES ('reminder', $1, $2, 'sent', now() - $3::interval - interval '30 days')",
            user_id,
            str(n),
            age,
        )
        await db.execute(
            "INSERT INTO tt.job_runs (job, as_of, finished_at) VALUES ('tick', now(), "
            "now() - $1::interval)",
            age,
        )
    for n, (status, age) in enumerate([("done", OLD), ("done", RECENT), ("pending", OLD)]):
        await db.execute(
            "INSERT INTO tt.razorpay_events (event_id, event, payload, status, received_at) "
            "VALUES ($1, 'payment.captured', '\\x00', $2, now() - $3::interval)",
            f"evt_{n}",
            status,
            age,
        )
    for key, age in (("user:old", OLD), ("user:recent", RECENT)):
        await db.execute(
            "INSERT INTO tt.send_pacing (key, tokens, updated_at) "
            "VALUES ($1, 1, now() - $2::interval)",
            key,
            age,
        )
    for n, age in enumerate((OLD, RECENT)):
        await db.execute(
            "INSERT INTO tt.quarantine (digest, reasons, body, received_at) "
            "VALUES ($1, 'bad json', '\\x00', now() - $2::interval)",
            bytes([n]) * 32,
            age,
        )


AGE = {
    "tt.inbound_messages": "received_at",
    "tt.outbox": "created_at",
    "tt.pending_notices": "queued_at",
    "tt.send_pacing": "updated_at",
    "tt.quarantine": "received_at",
    "tt.razorpay_events": "received_at",
}


async def left(db, table, column="status"):
    """(status or key, whether recent) of every row still in `table`."""
    query = f"SELECT {column}, now() - {AGE[table]} < interval '1 day' FROM {table}"
    return sorted(tuple(row) for row in await db.fetch(query))


async def test_finished_rows_past_their_age_go_in_batches_and_pending_work_stays(db, database_url):
    await fill(db)
    database = await Database.connect(database_url)
    try:
        purged = await purge_expired(database, batch=2)
    finally:
        await database.close()
    assert purged == {
        "inbound_done": 1,
        "inbound_dead": 1,
        "outbox_sent": 4,
        "outbox_failed": 1,
        "notices_dead": 1,
        "razorpay_done": 1,
        "pacing_idle": 1,
        "quarantined": 1,
        "scheduled_decided": 1,
        "job_runs": 1,
    }
    recent = True
    assert await left(db, "tt.inbound_messages") == [
        ("dead", recent),
        ("done", recent),
        ("pending", False),
        ("pending", recent),
    ]
    assert await left(db, "tt.outbox", "coalesce(delivery, status)") == [
        ("delivered", recent),
        ("failed", recent),
        ("pending", False),
        ("pending", recent),
        ("read", recent),
        ("read", recent),
        ("sent", recent),
    ]
    assert await left(db, "tt.pending_notices") == [
        ("dead", recent),
        ("pending", False),
        ("pending", recent),
    ]
    assert await left(db, "tt.send_pacing", "key") == [("user:recent", recent)]
    assert await left(db, "tt.quarantine", "reasons") == [("bad json", recent)]
    assert await left(db, "tt.razorpay_events") == [("done", recent), ("pending", False)]


def test_every_retention_age_is_documented_in_the_readme():
    readme = (Path(__file__).parents[2] / "README.md").read_text().splitlines()
    for rule in RETENTION:
        [line] = [line for line in readme if line.startswith(f"| `{rule.name}` |")]
        assert f"| {rule.keep.days} day" in line
