"""The app factory: settings in, a Quart app out, with the worker and sender running beside it
(or, per role, only the webhooks, or only the loops)."""

from __future__ import annotations

import asyncio
import ctypes
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import asyncpg
import httpx
from quart import Quart, Response

from bot import health, metrics, privacy_page, razorpay_webhook, webhook
from bot.background import DATABASE_GONE
from bot.config import Settings
from bot.graph_client import ConsoleTransport, GraphTransport, Transport
from bot.group_commit import GroupCommit
from bot.jobs import http as jobs_http
from bot.jobs.runner import TICK, job_env, run_named
from bot.notice_flusher import NoticeFlusher
from bot.payments_worker import PaymentsWorker
from bot.runtime import ALL_IN_ONE, Role, Runtime, Services
from bot.scheduler import TICK_CONNECTIONS, start_scheduler
from bot.sender import Sender
from bot.voice_jobs import VoiceJob, voice_job
from bot.wakeups import LISTEN_CONNECTIONS, Wakeups
from bot.worker import Worker
from dialog.context import Links
from handlers import build_router
from payments.razorpay_api import Keys, RazorpayApi
from pdf.fonts import shaping_problem
from sql.db import SYSTEM, Database, Limits
from sql.embedded import start_embedded
from sql.migrate import CONNECT_SECONDS, Migration, MigrationError, apply_pending, missing
from web.deps import WebDeps
from web.pages import install as install_pages
from web.session import SessionCookie
from web.tokens import LinkClaims, LinkSigner

log = logging.getLogger(__name__)

INGEST_POOL_SIZE = 8
HTTP_BLUEPRINTS = (
    webhook.blueprint,
    privacy_page.blueprint,
    jobs_http.blueprint,
    razorpay_webhook.blueprint,
)
BACKGROUND = (Sender, Worker, VoiceJob, NoticeFlusher, PaymentsWorker)
# Readiness checks, metrics scrapes and the caregiver pages get connections of their own, so
# queues waiting on a slow database never make the server look down, and a page view never
# holds up a loop. A work process answers only readiness and metrics (on --metrics-port).
REQUEST_CONNECTIONS = 4
PROBE_CONNECTIONS = 2
# Meta waits for the webhook's answer: when the database hangs it gets a 503 within about
# five seconds and retries later, instead of waiting a minute or more.
INGEST_LIMITS = Limits(connect=2.0, acquire=1.0, statement=3.0, transaction=4.0)
DATABASE_DOWN = (*DATABASE_GONE, asyncio.TimeoutError)


def create_app(
    settings: Settings,
    *,
    role: Role = ALL_IN_ONE,
    transport: Transport | None = None,
    clock: Callable[[], datetime] | None = None,
    http_client: httpx.AsyncClient | None = None,
) -> Quart:
    """Build the app; the database and what `role` runs (by default the worker, sender and
    voice-note job too) start when serving starts. `http_client` (media downloads and
    speech-to-text) is replaceable in tests."""
    app = Quart(__name__)
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    rt = Runtime(settings=settings, cipher=settings.cipher(), router=build_router())
    app.extensions["therapy_tracker"] = rt
    app.register_blueprint(health.blueprint)
    app.register_blueprint(metrics.blueprint)
    for blueprint in HTTP_BLUEPRINTS if role.http else ():
        app.register_blueprint(blueprint)
    if role.http and settings.link_signing_keys:
        install_pages(app, _web_deps(rt, clock))
    if role.http:
        app.asgi_app = webhook.Ingest(app.asgi_app, rt)  # type: ignore[method-assign]

    @app.before_serving
    async def start() -> None:
        await start_services(rt, role, transport, clock, http_client)

    @app.after_serving
    async def stop() -> None:
        await stop_services(rt)

    async def database_down(error: Exception) -> Response:
        log.warning("database unreachable", extra={"error": type(error).__name__})
        return Response("database unavailable", status=503, content_type="text/plain")

    for error_class in DATABASE_DOWN:
        app.register_error_handler(error_class, database_down)

    return app


# glibc's malloc raises its mmap threshold after the first large buffer is freed; from then on
# such buffers come from the heap and freed ones stay resident between live small objects
# (RSS grew ~3 MB per 10,000 messages in bench/soak.py with Python's live memory flat).
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
HEAP_THRESHOLD_BYTES = 128 * 1024


def keep_heap_small() -> None:
    """Fix glibc's malloc thresholds so freed large buffers go back to the system."""
    mallopt = getattr(ctypes.CDLL(None), "mallopt", None)  # None off glibc (macOS)
    if mallopt is not None:
        mallopt(M_TRIM_THRESHOLD, HEAP_THRESHOLD_BYTES)
        mallopt(M_MMAP_THRESHOLD, HEAP_THRESHOLD_BYTES)


class StartupError(Exception):
    """The app cannot start; the message says why in one line, and what to do about it."""


async def resolve_dsn(settings: Settings) -> str:
    if settings.database_url:
        return settings.database_url
    return await asyncio.to_thread(start_embedded, settings.data_dir)


async def prepare_database(settings: Settings) -> str:
    """The DSN to serve from, once the database answers and has every migration (applied
    here unless this is production without AUTO_MIGRATE); first, that PDFs can be drawn."""
    check_pdf_shaping()
    dsn = await resolve_dsn(settings)
    await _reach(dsn)
    if settings.auto_migrate:
        applied = await _apply(dsn)
        log.info("migrations applied", extra={"count": len(applied)})
        return dsn
    try:
        lacking = await missing(dsn)
    except MigrationError as e:
        raise StartupError(str(e)) from e
    if lacking:
        names = ", ".join(f"{m.version:04d}_{m.name}" for m in lacking)
        msg = (
            f"the database lacks {len(lacking)} migration(s) ({names}); "
            "run `python -m bot migrate` first"
        )
        raise StartupError(msg)
    return dsn


def check_pdf_shaping() -> None:
    """Refuse to start rather than send Hindi and Telugu PDFs with broken letters."""
    if (problem := shaping_problem()) is not None:
        raise StartupError(problem)


async def migrate(settings: Settings) -> list[Migration]:
    """`python -m bot migrate`: apply every pending migration; what was applied."""
    dsn = await resolve_dsn(settings)
    await _reach(dsn)
    return await _apply(dsn)


async def _apply(dsn: str) -> list[Migration]:
    try:
        return await apply_pending(dsn)
    except MigrationError as e:
        raise StartupError(f"migration refused: {e}") from e


async def _reach(dsn: str) -> None:
    try:
        conn = await asyncpg.connect(dsn, timeout=CONNECT_SECONDS)
    except Exception as e:  # refused, unknown host, bad password, no such database: one line
        reason = " ".join(f"{type(e).__name__}: {e}".split()).rstrip(": ")
        msg = f"cannot reach the database at {database_address(dsn)} ({reason})"
        raise StartupError(msg) from e
    await conn.close()


def database_address(dsn: str) -> str:
    """Host, port and database name of a DSN; never the user or password."""
    parts = urlsplit(dsn)
    host = parts.hostname or parse_qs(parts.query).get("host", ["local socket"])[0]
    return f"{host}:{parts.port or 5432}{parts.path}"


async def start_services(
    rt: Runtime,
    role: Role,
    transport: Transport | None = None,
    clock: Callable[[], datetime] | None = None,
    http_client: httpx.AsyncClient | None = None,
) -> None:
    """Connect (migrating first outside production), then start what `role` runs."""
    keep_heap_small()
    dsn = await prepare_database(rt.settings)
    db = await Database.connect(dsn, max_size=main_pool_size(role))
    rt.services = Services(db)
    if role.http:
        rt.services.ingest_db = await Database.connect(
            dsn, min_size=2, max_size=INGEST_POOL_SIZE, limits=INGEST_LIMITS, acting_as=SYSTEM
        )
        rt.services.ingest = GroupCommit(rt.services.ingest_db, rt.cipher)
    if role.loops:
        _start_loops(rt, rt.services, transport, clock or (lambda: datetime.now(UTC)), http_client)
    if role.listens:
        rt.services.wakeups = _wakeups(dsn, rt.services)


def _start_loops(
    rt: Runtime,
    services: Services,
    transport: Transport | None,
    now: Callable[[], datetime],
    http_client: httpx.AsyncClient | None,
) -> None:
    """The worker, sender, voice-note job, notices and payments, and the scheduled tick."""
    settings, db = rt.settings, services.db
    sender = Sender(
        db,
        rt.cipher,
        transport or _transport(settings),
        clock=now,
        lease_seconds=settings.send_lease_seconds,
        retry_base_seconds=settings.worker_retry_base_seconds,
        sweep_seconds=settings.sweep_interval_seconds,
    )
    payments = _payments(rt, db, http_client, on_replies=sender.wake, clock=now)

    worker = Worker(
        db,
        rt.cipher,
        rt.router,
        default_phone_number_id=settings.whatsapp_phone_number_id,
        links=links(settings),
        on_replies=sender.wake,
        on_payments=payments.wake,
        clock=now,
        max_attempts=settings.worker_max_attempts,
        retry_base_seconds=settings.worker_retry_base_seconds,
        sweep_seconds=settings.sweep_interval_seconds,
    )
    voice = voice_job(
        settings, db, rt.cipher, http_client, wake_worker=worker.wake, wake_sender=sender.wake
    )
    notices = _notices(rt, db, on_flushed=sender.wake, clock=now)
    services.background = [sender, worker, voice, notices, payments]
    for service in services.background:
        service.start()

    async def tick() -> None:
        await run_named(job_env(settings, db, rt.cipher, now()), TICK)
        sender.wake()

    services.worker, services.sender, services.payments = worker, sender, payments
    services.scheduler = start_scheduler(tick)


def _wakeups(dsn: str, services: Services) -> Wakeups:
    wakeups = Wakeups(
        dsn,
        {"inbound": services.wake_worker, "payments": services.wake_payments},
    )
    wakeups.start()
    return wakeups


def main_pool_size(role: Role = ALL_IN_ONE) -> int:
    """A connection for every background task and the scheduled tick (each holds one at a time)
    and the requests it serves; the webhook has its own pool. A web-only process keeps the
    tick's connection for the jobs endpoint a cron calls."""
    tasks = sum(loop.concurrency for loop in BACKGROUND) if role.loops else 0
    requests = REQUEST_CONNECTIONS if role.http else PROBE_CONNECTIONS
    return tasks + TICK_CONNECTIONS + requests


def connections(role: Role) -> int:
    """Every connection a process of `role` may open to Postgres."""
    ingest = INGEST_POOL_SIZE if role.http else 0
    return main_pool_size(role) + ingest + (LISTEN_CONNECTIONS if role.listens else 0)


def _payments(
    rt: Runtime,
    db: Database,
    http_client: httpx.AsyncClient | None,
    *,
    on_replies: Callable[[], None],
    clock: Callable[[], datetime],
) -> PaymentsWorker:
    settings = rt.settings
    api = None
    if settings.payments_ready:
        keys = Keys(settings.razorpay_key_id, settings.razorpay_key_secret)
        api = RazorpayApi(keys, base=settings.razorpay_api_base, client=http_client)
    return PaymentsWorker(
        db,
        rt.cipher,
        api,
        default_phone_number_id=settings.whatsapp_phone_number_id,
        on_replies=on_replies,
        clock=clock,
        retry_base_seconds=settings.worker_retry_base_seconds,
        sweep_seconds=settings.sweep_interval_seconds,
        pro_templates=settings.pro_templates,
    )


def links(settings: Settings) -> Links:
    """The few settings handlers need, handed to every Context by the worker."""
    return Links(
        privacy_url=privacy_url(settings),
        bot_number=settings.whatsapp_public_number,
        invite_template=settings.invite_template_name,
        invite_template_lang=settings.invite_template_lang,
        payments=settings.payments_ready,
        calendar_url=calendar_links(settings),
    )


def calendar_links(settings: Settings) -> Callable[[int, int, int, bool], str] | None:
    """(member, child, link version, edit) -> the signed link to the child's month; None when
    no signing key is set (no web pages)."""
    if not settings.link_signing_keys:
        return None
    signer, base = LinkSigner(settings.link_signing_keys), public_base(settings)

    def url(user_id: int, child_id: int, version: int, edit: bool) -> str:
        claims = LinkClaims(user_id, child_id, version, "edit" if edit else "view")
        return f"{base}/c/{signer.sign(claims)}"

    return url


def _web_deps(rt: Runtime, clock: Callable[[], datetime] | None) -> WebDeps:
    settings, now = rt.settings, clock or (lambda: datetime.now(UTC))
    return WebDeps(
        signer=LinkSigner(settings.link_signing_keys),
        cookies=SessionCookie(settings.link_signing_keys, clock=lambda: now().timestamp()),
        cipher=rt.cipher,
        database=lambda: rt.running.db,
        clock=now,
        public_url=settings.public_base_url,
        links=links(settings),
    )


def _notices(
    rt: Runtime, db: Database, *, on_flushed: Callable[[], None], clock: Callable[[], datetime]
) -> NoticeFlusher:
    return NoticeFlusher(
        db,
        rt.cipher,
        default_phone_number_id=rt.settings.whatsapp_phone_number_id,
        batch_seconds=rt.settings.notice_batch_seconds,
        on_flushed=on_flushed,
        clock=clock,
        retry_base_seconds=rt.settings.worker_retry_base_seconds,
        sweep_seconds=rt.settings.sweep_interval_seconds,
    )


async def stop_services(rt: Runtime) -> None:
    """Every loop stops claiming at once and finishes what it holds within the deadline;
    claims whose work had not started go back to the queue; then the pools close."""
    services, rt.services = rt.services, None
    if services is None:
        return
    if services.wakeups is not None:
        await services.wakeups.stop()
    if services.scheduler is not None:
        services.scheduler.shutdown(wait=False)
    await asyncio.gather(*(service.stop() for service in services.background))
    for database in (services.ingest_db, services.db):
        if database is not None:
            await database.close()


def _transport(settings: Settings) -> Transport:
    if settings.console_replies:
        return ConsoleTransport()
    return GraphTransport(
        settings.whatsapp_api_base, settings.whatsapp_api_version, settings.whatsapp_token
    )


def public_base(settings: Settings) -> str:
    return settings.public_base_url or f"http://localhost:{settings.port}"


def privacy_url(settings: Settings) -> str:
    return f"{public_base(settings)}/privacy"
