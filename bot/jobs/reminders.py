"""Reminders at each member's local hour on their chosen days, only when nothing is logged for
their day yet: the child's name, the month's numbers and buttons to log it in one tap."""

from __future__ import annotations

from datetime import date
from functools import lru_cache, partial

import asyncpg

from bot.jobs.core import SENT, Counts, Decision, JobEnv, sweep
from bot.jobs.shapes import Shape, shape_of, stand_in
from bot.jobs.zones import members_in_unknown_zones
from dialog import ids
from dialog.replies import Button, Outgoing, Reply, Template
from dialog.texts import t
from dialog.window import window_open
from handlers.menu import snapshot_text
from sql.db import SYSTEM
from tracker.money import month_figures
from tracker.plan_store import Plan

KIND = "reminder"
WANTS_REMINDERS = (
    "u.reminders_enabled AND u.consent = 'opted_in' "
    "AND EXISTS (SELECT 1 FROM tt.memberships m WHERE m.user_id = u.id)"
)

# The members due now among ids $1 < id <= $2: past their hour on one of their days, in their
# own zone, with a child, and not yet decided for their local day. The local time is computed
# only for zones Postgres knows ($4), so one bad zone skips its member instead of failing the
# statement for everyone.
DUE = f"""
SELECT u.id AS user_id, u.language, u.last_inbound_at, l.day AS local_day,
       c.id AS child_id, c.name AS child_name,
       EXISTS (SELECT 1 FROM tt.sessions s WHERE s.child_id = c.id AND s.day = l.day
               AND s.superseded_at IS NULL)
         OR EXISTS (SELECT 1 FROM tt.holidays h WHERE h.child_id = c.id AND h.day = l.day
                    AND h.superseded_at IS NULL)
         AS logged,
       p.month, p.sessions_paid, p.cost_paise, p.carried, p.used_before,
       n.attended, n.missed
FROM tt.users u
CROSS JOIN LATERAL (
    SELECT CASE WHEN u.timezone = ANY($4::text[]) THEN $3::timestamptz AT TIME ZONE u.timezone
           END AS at) t
CROSS JOIN LATERAL (SELECT t.at::date AS day) l
JOIN LATERAL (
    SELECT c.id, c.name FROM tt.memberships m JOIN tt.children c ON c.id = m.child_id
    WHERE m.user_id = u.id
    ORDER BY c.id = u.current_child_id DESC, c.id LIMIT 1) c ON true
LEFT JOIN tt.plans p ON p.child_id = c.id AND p.month = date_trunc('month', l.day)::date
LEFT JOIN LATERAL (
    SELECT coalesce(sum(s.count) FILTER (WHERE s.status = 'attended'), 0)::int AS attended,
           coalesce(sum(s.count) FILTER (WHERE s.status = 'missed'), 0)::int AS missed
    FROM tt.sessions s
    WHERE s.child_id = c.id AND s.day >= p.month AND s.superseded_at IS NULL
      AND s.day < (p.month + interval '1 month')::date) n ON p.month IS NOT NULL
WHERE u.id > $1 AND u.id <= $2
  AND u.deleted_at IS NULL AND u.reminders_enabled AND u.consent = 'opted_in'
  AND t.at IS NOT NULL
  AND extract(isodow FROM t.at)::smallint = ANY (u.reminder_days)
  AND extract(hour FROM t.at) >= u.reminder_hour
  AND NOT EXISTS (SELECT 1 FROM tt.scheduled_sends x
                  WHERE x.user_id = u.id AND x.kind = '{KIND}' AND x.period_key = l.day::text)
"""


async def run(env: JobEnv) -> Counts:
    async with env.db.transaction(SYSTEM) as conn:
        unknown = await members_in_unknown_zones(conn, WANTS_REMINDERS)
    counts = await sweep(env, KIND, "tt.users", DUE, partial(decide, env))
    if unknown:
        counts.due += unknown
        counts.skipped["bad_timezone"] += unknown
    return counts


async def decide(env: JobEnv, row: asyncpg.Record) -> Decision:
    """Skip when the day is logged; else a free message in the window, a template outside it,
    and nothing when no template is configured for the member's language. Each distinct
    message is built once (`_shape`) and only filled with the child's name per member."""
    user_id, period = row["user_id"], row["local_day"].isoformat()
    if row["logged"]:
        return Decision(user_id, period, "logged")
    name, language = row["child_name"], row["language"]
    numbers = None if row["month"] is None else tuple(row[n] for n in NUMBERS)
    shape = _shape(
        language,
        row["local_day"],
        numbers,
        env.reminder_templates.get(language) or None,
        window_open(row["last_inbound_at"], env.now),
        len(name),
    )
    if shape is None:
        return Decision(user_id, period, "no_template")
    body = env.cipher.encrypt(shape.filled(name))
    return Decision(user_id, period, SENT, body=body, free_form=shape.free_form)


NUMBERS = ("month", "sessions_paid", "cost_paise", "carried", "used_before", "attended", "missed")
Numbers = tuple[date, int, int, int, int, int, int]


@lru_cache(maxsize=4096)  # a sweep's distinct reminders: languages × numbers × name lengths
def _shape(
    language: str,
    day: date,
    numbers: Numbers | None,
    template_name: str | None,
    in_window: bool,
    name_length: int,
) -> Shape | None:
    """The reminder's outbox body with a stand-in for the child's name, or None when it cannot
    go (outside the window, no template). A body never names its receiver, hence user 0."""
    name = stand_in(name_length)
    template = None
    if template_name:
        template = Template(name=template_name, language=language, parameters=(name,))
    if in_window:
        message = Outgoing(
            user_id=0, reply=reminder(language, name, day, numbers), fallback=template
        )
    elif template is not None:
        message = Outgoing(user_id=0, reply=template)
    else:
        return None
    return shape_of(message, name)


def reminder(language: str, name: str, day: date, numbers: Numbers | None) -> Reply:
    text = partial(t, language)
    if numbers is None:
        figures = text("menu.no_plan", name=name)
    else:
        plan = Plan(*numbers[:5])
        figures = snapshot_text(text, name, month_figures(plan, *numbers[5:]))
    nudge = text("reminder.nudge", name=name)
    return Reply(text=f"{nudge}\n\n{figures}", buttons=log_buttons(language, day))


@lru_cache(maxsize=256)  # the same few buttons for every member of a language on a day
def log_buttons(language: str, day: date) -> tuple[Button, ...]:
    """Log the day as attended (one session) or missed (then the reason), or as a day off."""
    return (
        Button(
            ids.encode("log", "attended_one", day.isoformat()), t(language, "btn.menu.attended")
        ),
        Button(ids.encode("log", "missed", day.isoformat()), t(language, "btn.menu.missed")),
        Button(ids.encode("holiday", "today"), t(language, "btn.reminder_holiday")),
    )
