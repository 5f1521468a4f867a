"""The monthly report push: on the 1st in the family's zone, the month just ended as a PDF
document to each owner and parent who keeps it on, when the family's plan has it (Pro,
payments/features.py). A document cannot be a template, so only inside the 24-hour window."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

import asyncpg

from bot.jobs.core import SENT, Counts, Decision, JobEnv, parents_not_told, sweep
from dialog.replies import Document, Outgoing, Reply
from dialog.texts import t
from dialog.texts.dates import month_label
from dialog.window import window_open
from payments.pro import allows
from pdf.monthly import month_pdf, pdf_filename
from sql.db import as_user

KIND = "monthly-report"
SEND_FROM_HOUR = 9  # local: a document should not arrive in the night

# Per child among ids $1 < id <= $2 whose local day ($3 as of, in zones Postgres knows, $4) is
# the 1st, from SEND_FROM_HOUR: one row per owner or parent who keeps the report on and has
# not had the month just ended for this child.
DUE = f"""
WITH kid AS (
    SELECT c.id, c.name, c.timezone,
           CASE WHEN c.timezone = ANY($4::text[]) THEN $3::timestamptz AT TIME ZONE c.timezone
           END AS at
    FROM tt.children c
    WHERE c.id > $1 AND c.id <= $2
), due AS (
    SELECT k.id, k.name, k.timezone, k.at::date AS local_day,
           to_char(k.at - interval '1 month', 'YYYY-MM') || ':' || k.id AS period_key
    FROM kid k
    WHERE extract(day FROM k.at) = 1 AND extract(hour FROM k.at) >= {SEND_FROM_HOUR}
)
SELECT m.user_id, u.language, u.last_inbound_at, d.id AS child_id, d.name AS child_name,
       d.timezone, d.local_day, d.period_key
FROM due d
{parents_not_told(KIND)}  AND u.monthly_report
"""


async def run(env: JobEnv) -> Counts:
    return await sweep(env, KIND, "tt.children", DUE, partial(decide, env))


async def decide(env: JobEnv, row: asyncpg.Record) -> Decision:
    """Outside the window it waits (not recorded) for the member to write on the 1st; a family
    without the plan, or a month with nothing in it, is decided once and sends nothing."""
    user_id, period = row["user_id"], row["period_key"]
    if not window_open(row["last_inbound_at"], env.now):
        return Decision(user_id, period, "window_closed", final=False)
    month = ended_month(row["local_day"])
    async with env.db.transaction(as_user(user_id)) as conn:
        if not await allows(conn, row["child_id"], "monthly_push", env.now):
            return Decision(user_id, period, "not_pro")
        content = await month_pdf(
            conn,
            env.cipher,
            child_id=row["child_id"],
            child_name=row["child_name"],
            timezone=row["timezone"],
            month=month,
            today=row["local_day"],
            language=row["language"],
        )
    if content is None:
        return Decision(user_id, period, "empty")
    return Decision(user_id, period, SENT, report(row, month, content))


def ended_month(first: date) -> date:
    return (first - timedelta(days=1)).replace(day=1)


def report(row: asyncpg.Record, month: date, content: bytes) -> Outgoing:
    text = partial(t, row["language"])
    name, label = row["child_name"], month_label(row["language"], month)
    document = Document(
        filename=pdf_filename(name, month),
        mime_type="application/pdf",
        content=content,
        caption=text("pdf.caption", name=name, month=label),
    )
    then = Reply(text=text("monthly.sent", name=name, month=label))
    return Outgoing(user_id=row["user_id"], reply=document, then=then)
