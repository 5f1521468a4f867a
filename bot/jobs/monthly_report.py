"""The monthly report push: from the 1st in the family's zone, the month just ended as a PDF
document to each owner and parent who keeps it on, when the family's plan has it (Pro,
payments/features.py). Outside the 24-hour window it goes as the language's approved template
with a document header; without one, it waits for the member to write, until the 3rd."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

import asyncpg

from bot.jobs.core import SENT, Counts, Decision, JobEnv, parents_not_told, sweep
from dialog.replies import Document, Outgoing, Reply, Template
from dialog.texts import t
from dialog.texts.dates import month_label
from dialog.window import window_open
from payments.pro import allows
from pdf.monthly import month_pdf, pdf_filename
from sql.db import as_user

KIND = "monthly-report"
SEND_FROM_HOUR = 9  # local: a document should not arrive in the night
LAST_DAY = 3  # a member whose window stays closed on the 1st may still write by the 3rd

# Per child among ids $1 < id <= $2 whose local day ($3 as of, in zones Postgres knows, $4) is
# the 1st to LAST_DAY, from SEND_FROM_HOUR: one row per owner or parent who keeps the report
# on and has not had the month just ended for this child.
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
    WHERE extract(day FROM k.at) <= {LAST_DAY} AND extract(hour FROM k.at) >= {SEND_FROM_HOUR}
)
SELECT m.user_id, u.language, u.last_inbound_at, d.id AS child_id, d.name AS child_name,
       d.timezone, d.local_day, d.period_key
FROM due d
{parents_not_told(KIND)}  AND u.monthly_report
"""


async def run(env: JobEnv) -> Counts:
    return await sweep(env, KIND, "tt.children", DUE, partial(decide, env))


async def decide(env: JobEnv, row: asyncpg.Record) -> Decision:
    """Outside the window without a report template it waits (not recorded) for the member to
    write; a family without the plan, or a month with nothing in it, is decided once and sends
    nothing."""
    user_id, period = row["user_id"], row["period_key"]
    in_window = window_open(row["last_inbound_at"], env.now)
    template = env.report_templates.get(row["language"])
    if not in_window and not template:
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
    message = report(row, month, content, template)
    if not in_window:  # the template alone: a follow-up text could not go either
        message = Outgoing(user_id=user_id, reply=message.fallback or message.reply)
    return Decision(user_id, period, SENT, message)


def ended_month(day: date) -> date:
    """The month before `day`'s."""
    return (day.replace(day=1) - timedelta(days=1)).replace(day=1)


def report(row: asyncpg.Record, month: date, content: bytes, template: str | None) -> Outgoing:
    """The PDF as a document with a line after it; with `template` (the name of one approved
    with a document header, parameters the child's name and the month) as its fallback."""
    text = partial(t, row["language"])
    name, label = row["child_name"], month_label(row["language"], month)
    document = Document(
        filename=pdf_filename(name, month),
        mime_type="application/pdf",
        content=content,
        caption=text("pdf.caption", name=name, month=label),
    )
    fallback = None
    if template:
        fallback = Template(
            name=template, language=row["language"], parameters=(name, label), document=document
        )
    then = Reply(text=text("monthly.sent", name=name, month=label))
    return Outgoing(user_id=row["user_id"], reply=document, then=then, fallback=fallback)
