"""The weekly digest for members who asked for it, on their day from their hour: the same
text `digest` replies, read as the member (their own view of the family), once per week."""

from __future__ import annotations

from functools import partial

import asyncpg

from bot.jobs.core import SENT, Counts, Decision, JobEnv, sweep
from dialog.context import Context, Links
from dialog.family import Family
from dialog.message import Inbound
from dialog.replies import Outgoing, Reply
from dialog.window import window_open
from handlers.reports import weekly_digest
from sql.db import as_user
from tracker.children import select_current_child
from tracker.dates import local_today
from tracker.permissions import allowed
from tracker.users import select_user

KIND = "digest"

# Members among ids $1 < id <= $2 who asked for the digest, on their day and past their hour in
# their own zone (known to Postgres, $4), not yet sent one this ISO week.
DUE = f"""
SELECT u.id AS user_id, u.last_inbound_at, date_trunc('week', t.at)::date AS week
FROM tt.users u
CROSS JOIN LATERAL (
    SELECT CASE WHEN u.timezone = ANY($4::text[]) THEN $3::timestamptz AT TIME ZONE u.timezone
           END AS at) t
WHERE u.id > $1 AND u.id <= $2
  AND u.deleted_at IS NULL AND u.digest_enabled AND u.consent = 'opted_in'
  AND t.at IS NOT NULL
  AND extract(isodow FROM t.at) = u.digest_day AND extract(hour FROM t.at) >= u.digest_hour
  AND EXISTS (SELECT 1 FROM tt.memberships m WHERE m.user_id = u.id)
  AND NOT EXISTS (SELECT 1 FROM tt.scheduled_sends x
                  WHERE x.user_id = u.id AND x.kind = '{KIND}'
                    AND x.period_key = date_trunc('week', t.at)::date::text)
"""


async def run(env: JobEnv) -> Counts:
    return await sweep(env, KIND, "tt.users", DUE, partial(decide, env))


async def decide(env: JobEnv, row: asyncpg.Record) -> Decision:
    """A free message only: outside the window it waits (not recorded) for the member to
    write during the week, since no template is approved for it."""
    user_id, period = row["user_id"], row["week"].isoformat()
    if not window_open(row["last_inbound_at"], env.now):
        return Decision(user_id, period, "window_closed", final=False)
    async with env.db.transaction(as_user(user_id)) as conn:
        user = await select_user(conn, user_id)
        child = await select_current_child(conn, user_id)
        if child is None or not allowed(child.role, "view"):
            return Decision(user_id, period, "no_child")
        scheduled = Inbound(
            wamid="",
            phone=user.phone or "",
            bsuid=user.bsuid or "",
            phone_number_id=env.phone_number_id,
            kind="scheduled",
        )
        ctx = Context(conn, env.cipher, user, scheduled, env.now, Links(privacy_url=""))
        text = await weekly_digest(ctx, Family(child, local_today(env.now, child.timezone)))
    return Decision(user_id, period, SENT, Outgoing(user_id=user_id, reply=Reply(text=text)))
