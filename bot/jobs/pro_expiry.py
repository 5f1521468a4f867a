"""Pro running out: 7 days and 1 day before the family's Pro ends (its local dates), a nudge
to each owner and parent, once per expiry, so a renewal that moves the date nudges again."""

from __future__ import annotations

import asyncpg

from bot.jobs.core import Counts, JobEnv, in_window_only, parents_not_told, sweep
from dialog.replies import Reply
from dialog.texts import t
from dialog.texts.dates import day_label

KIND = "pro-expiry"
SEND_FROM_HOUR = 9  # local

# Per child among ids $1 < id <= $2 with Pro that ends 1 to 7 of its local days after today
# ($3 as of, in zones Postgres knows, $4), from SEND_FROM_HOUR: the nudge is the 7-day one,
# or the 1-day one on the last day before. One row per owner or parent not yet nudged.
DUE = f"""
WITH kid AS (
    SELECT c.id, c.name, f.plan_code,
           (CASE WHEN c.timezone = ANY($4::text[]) THEN $3::timestamptz AT TIME ZONE c.timezone
            END) AS at,
           (CASE WHEN c.timezone = ANY($4::text[]) THEN f.expires_at AT TIME ZONE c.timezone
            END)::date AS ends_on
    FROM tt.children c JOIN tt.family_pro f ON f.child_id = c.id
    WHERE c.id > $1 AND c.id <= $2 AND f.expires_at > $3
), due AS (
    SELECT k.id, k.name, k.plan_code, k.ends_on, k.ends_on - k.at::date AS days_left,
           CASE WHEN k.ends_on - k.at::date = 1 THEN 1 ELSE 7 END || ':' || k.ends_on || ':'
               || k.id AS period_key
    FROM kid k
    WHERE k.ends_on - k.at::date BETWEEN 1 AND 7 AND extract(hour FROM k.at) >= {SEND_FROM_HOUR}
)
SELECT m.user_id, u.language, u.last_inbound_at, d.name AS child_name, d.plan_code, d.ends_on,
       d.days_left, d.period_key
FROM due d
{parents_not_told(KIND)}"""


async def run(env: JobEnv) -> Counts:
    return await sweep(env, KIND, "tt.children", DUE, in_window_only(env, nudge))


def nudge(row: asyncpg.Record) -> Reply:
    language = row["language"]
    return Reply(
        text=t(
            language,
            "pro.expiring",
            count=row["days_left"],
            plan=t(language, f"pro.plan.{row['plan_code']}"),
            name=row["child_name"],
            date=day_label(language, row["ends_on"]),
        )
    )
