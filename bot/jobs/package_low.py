"""The package running low: once per plan, when the sessions left reach the family's threshold
(default 2), a nudge to the owner and parents to renew with the clinic. A new month with no
plan yet: one offer to carry last month's sessions forward."""

from __future__ import annotations

from functools import partial

import asyncpg

from bot.jobs.core import Counts, JobEnv, in_window_only, parents_not_told, sweep
from dialog import ids
from dialog.replies import Button, Reply
from dialog.texts import t
from tracker.money import month_figures
from tracker.plan_store import Plan

KIND = "package"

# Per child among ids $1 < id <= $2: its local month ($3 as of, only in zones Postgres knows,
# $4), and its newest plan of this month or the last. Due: this month's plan at or below the
# threshold ("low"), or only last month's with sessions left ("carry"). One row per owner or
# parent not yet told.
DUE = """
WITH kid AS (
    SELECT c.id, c.name, c.low_package_at,
           date_trunc('month', CASE WHEN c.timezone = ANY($4::text[])
                               THEN $3::timestamptz AT TIME ZONE c.timezone END)::date AS month
    FROM tt.children c
    WHERE c.id > $1 AND c.id <= $2
), due AS (
    SELECT k.id, k.name, p.month, p.sessions_paid, p.cost_paise, p.carried, p.used_before,
           n.attended, n.missed,
           CASE WHEN p.month = k.month THEN 'low' ELSE 'carry' END || ':' || k.id || ':'
               || k.month AS period_key
    FROM kid k
    JOIN LATERAL (
        SELECT * FROM tt.plans p
        WHERE p.child_id = k.id AND p.month IN (k.month, (k.month - interval '1 month')::date)
        ORDER BY p.month DESC LIMIT 1) p ON true
    CROSS JOIN LATERAL (
        SELECT coalesce(sum(s.count) FILTER (WHERE s.status = 'attended'), 0)::int AS attended,
               coalesce(sum(s.count) FILTER (WHERE s.status = 'missed'), 0)::int AS missed
        FROM tt.sessions s
        WHERE s.child_id = k.id AND s.day >= p.month AND s.superseded_at IS NULL
          AND s.day < (p.month + interval '1 month')::date) n
    CROSS JOIN LATERAL (
        SELECT p.sessions_paid + p.carried - p.used_before - n.attended AS left_over) f
    WHERE k.month IS NOT NULL
      AND ((p.month = k.month AND f.left_over <= k.low_package_at)
           OR (p.month < k.month AND f.left_over > 0))
)
SELECT m.user_id, u.language, u.last_inbound_at,
       d.name AS child_name, d.period_key, d.month, d.sessions_paid, d.cost_paise, d.carried,
       d.used_before, d.attended, d.missed
FROM due d
""" + parents_not_told(KIND)


async def run(env: JobEnv) -> Counts:
    return await sweep(env, KIND, "tt.children", DUE, in_window_only(env, nudge))


def nudge(row: asyncpg.Record) -> Reply:
    text = partial(t, row["language"])
    plan = Plan(
        row["month"], row["sessions_paid"], row["cost_paise"], row["carried"], row["used_before"]
    )
    left = month_figures(plan, row["attended"], row["missed"]).left
    name = row["child_name"]
    if row["period_key"].startswith("low:"):
        return Reply(text=text("package.low", name=name, count=left))
    setup = Button(ids.command("setup"), text("btn.menu.setup"))
    return Reply(text=text("package.carry_offer", name=name, count=left), buttons=(setup,))
