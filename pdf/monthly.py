"""The one call that makes a child's monthly PDF: read the month, then draw it in a thread.

Chat (`handlers/pdf_report.py`) and the scheduled `monthly-report` job both call
`month_pdf`; the connection must act as a member of the child's family (row security)."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import asyncpg

from pdf.model import build_month_pdf, report_until
from pdf.render import render_month_pdf
from sql.cipher import Cipher
from tracker.dates import month_bounds, month_of
from tracker.report_store import load_month, select_history, select_notes_between

# Drawing is CPU-bound (~0.5 s for a full month): one at a time (reportlab keeps shared font
# state, and the event loop needs the other core), never on the event loop, and a caller
# stops waiting after RENDER_SECONDS, well inside the worker's 15 s lease.
RENDER_THREADS = 1
RENDER_SECONDS = 8.0
_RENDERERS = ThreadPoolExecutor(max_workers=RENDER_THREADS, thread_name_prefix="pdf")


async def month_pdf(
    conn: asyncpg.Connection,
    cipher: Cipher,
    *,
    child_id: int,
    child_name: str,
    timezone: str,
    month: date,
    today: date,
    language: str,
) -> bytes | None:
    """The report of the month holding `month` as seen on the family's `today`, as PDF bytes
    in `language`; None when the month has nothing to report. Drawn in the renderers' pool;
    TimeoutError after RENDER_SECONDS."""
    log = await load_month(conn, cipher, child_id, month)
    history = await select_history(conn, child_id, report_until(log.month, today))
    first, last = month_bounds(month_of(log.month))
    zone = ZoneInfo(timezone)
    since = datetime.combine(first, time.min, tzinfo=zone)
    until = datetime.combine(last + timedelta(days=1), time.min, tzinfo=zone)
    notes = await select_notes_between(conn, cipher, child_id, since, until)
    report = build_month_pdf(child_name, log, history, notes, today)
    if report.empty:
        return None
    loop = asyncio.get_running_loop()
    job = loop.run_in_executor(_RENDERERS, render_month_pdf, report, language)
    return await asyncio.wait_for(job, RENDER_SECONDS)


def pdf_filename(child_name: str, month: date) -> str:
    """An ASCII file name, so every phone shows it: the child's name only if it is Latin."""
    name = "".join(char for char in child_name if char.isascii() and char.isalnum())
    return f"Therapy-{name + '-' if name else ''}{month:%Y-%m}.pdf"
