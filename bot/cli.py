"""`python -m bot serve|work|migrate|chat|stats|jobs|payments|coupons|rekey|import-legacy`."""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import signal
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot import config_advice, logs, payments_cli, rekey
from bot.config import ConfigError, Settings, from_env
from bot.legacy_import import cli as legacy_cli
from bot.stats import as_lines, collect_stats

if TYPE_CHECKING:
    from quart import Quart

    from bot.runtime import Role

Command = Callable[[Settings, argparse.Namespace], int]
CHAT_LOG = "chat.log"
# Requests in flight may finish; the background loops then get STOP_DEADLINE_SECONDS, and both
# together stay under Render's maxShutdownDelaySeconds (render.yaml; a test keeps them in step).
GRACEFUL_TIMEOUT_SECONDS = 10
SERVERS = ("hypercorn", "uvicorn")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    for warning in config_advice.warnings(os.environ):
        print(f"config warning: {warning}", file=sys.stderr)
    try:
        settings = from_env()
    except ConfigError as e:
        for problem in e.problems:
            print(f"config error: {problem}", file=sys.stderr)
        return 2
    logs.configure(settings.log_level)
    run: Command = args.run
    return run(settings, args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Therapy Tracker bot")
    commands = parser.add_subparsers(required=True, metavar="command")
    serve = commands.add_parser("serve", help="run the web server, worker and sender")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, help="default: PORT")
    serve.add_argument(
        "--no-workers",
        action="store_true",
        help="answer webhooks, pages and health only; `work` processes drain the queues",
    )
    _server_option(serve)
    serve.set_defaults(run=run_serve)
    work = commands.add_parser("work", help="run the worker, sender and scheduled jobs only")
    work.add_argument("--host", default="127.0.0.1", help="where --metrics-port listens")
    work.add_argument(
        "--metrics-port", type=int, help="serve /metrics and /health here (default: no HTTP)"
    )
    _server_option(work)
    work.set_defaults(run=run_work)
    migrate = commands.add_parser("migrate", help="apply pending database migrations")
    migrate.set_defaults(run=run_migrate)
    chat = commands.add_parser("chat", help="talk to the bot from this terminal")
    chat.add_argument("--as", dest="phone", default="919000000001", help="your phone number")
    chat.add_argument("--name", default="", help="your WhatsApp name (default: one per number)")
    chat.add_argument("--url", default="", help="a running server, e.g. http://127.0.0.1:8000")
    chat.set_defaults(run=run_chat)
    stats = commands.add_parser("stats", help="queue counts for operators")
    stats.add_argument("--json", action="store_true", help="print machine-readable JSON")
    stats.set_defaults(run=run_stats)
    jobs = commands.add_parser("jobs", help="scheduled work, run by hand or from a cron")
    job_commands = jobs.add_subparsers(required=True, metavar="action")
    run = job_commands.add_parser("run", help="run one job now (tick: every job)")
    run.add_argument("name", help="reminders, package-low, retention, … or tick")
    run.add_argument("--now", type=_instant, help="act as of this ISO time (default: now)")
    run.add_argument("--dry-run", action="store_true", help="count what is due; send nothing")
    run.set_defaults(run=run_jobs)
    payments_cli.add_commands(commands)
    rekey.add_command(commands)
    legacy_cli.add_command(commands)
    return parser


def _server_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--server",
        choices=SERVERS,
        default="hypercorn",
        help="the HTTP server (default: hypercorn; uvicorn needs the `uvicorn` extra)",
    )


def _instant(text: str) -> datetime:
    """An ISO time; one without an offset is UTC."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def run_jobs(settings: Settings, args: argparse.Namespace) -> int:
    from bot.app import StartupError, prepare_database
    from bot.jobs.runner import NAMES, job_env, run_named
    from sql.db import Database

    if args.name not in NAMES:
        print(f"unknown job {args.name!r}; one of: {', '.join(NAMES)}", file=sys.stderr)
        return 2

    async def run() -> dict[str, dict[str, object]]:
        db = await Database.connect(await prepare_database(settings), max_size=2)
        try:
            now = args.now or datetime.now(UTC)
            env = job_env(settings, db, settings.cipher(), now, dry_run=args.dry_run)
            return await run_named(env, args.name)
        finally:
            await db.close()

    try:
        counts = asyncio.run(run())
    except StartupError as e:
        print(f"cannot run: {e}", file=sys.stderr)
        return 1
    print(json.dumps(counts, indent=2))
    return 1 if any("error" in c for c in counts.values()) else 0


def run_serve(settings: Settings, args: argparse.Namespace) -> int:
    from bot.runtime import ALL_IN_ONE, WEB

    role = WEB if args.no_workers else ALL_IN_ONE
    if args.port is not None:  # links in development name the port actually served
        settings = replace(settings, port=args.port)
    return _serve_http(settings, role, args.host, settings.port, args.server)


def run_work(settings: Settings, args: argparse.Namespace) -> int:
    from bot.runtime import WORK
    from bot.work import run_loops

    if (refused := _shared_database_problem(settings)) is not None:
        print(f"cannot start: {refused}", file=sys.stderr)
        return 1
    if args.metrics_port is not None:
        return _serve_http(settings, WORK, args.host, args.metrics_port, args.server)
    if not _database_prepared(settings):
        return 1
    print(f"Therapy Tracker working ({_describe(settings)})")
    asyncio.run(run_loops(settings))
    return 0


def _shared_database_problem(settings: Settings) -> str | None:
    """`work` beside `serve` needs one database both reach; the embedded one is joined under
    the same DATA_DIR, so only a missing folder is refused."""
    if settings.database_url or (settings.data_dir / "pg").is_dir():
        return None
    return (
        f"no embedded database under {settings.data_dir}/pg to join: start `python -m bot "
        "serve --no-workers` with the same DATA_DIR first, or set DATABASE_URL (needed when "
        "the processes run on different machines)"
    )


def _database_prepared(settings: Settings) -> bool:
    from bot.app import StartupError, prepare_database

    try:  # checked before serving, so a refusal is one line instead of a lifespan traceback
        asyncio.run(prepare_database(settings))
    except StartupError as e:
        print(f"cannot start: {e}", file=sys.stderr)
        return False
    return True


def _serve_http(
    settings: Settings, role: Role, host: str, port: int, server: str = "hypercorn"
) -> int:
    from bot.app import create_app

    if server == "uvicorn" and importlib.util.find_spec("uvicorn") is None:
        extra = "pip install -e '.[uvicorn]'"
        print(f"cannot start: --server uvicorn needs the uvicorn extra ({extra})", file=sys.stderr)
        return 1
    if not _database_prepared(settings):
        return 1
    app = create_app(settings, role=role)
    where = f"http://{host}:{port}"
    print(f"Therapy Tracker ({role.command}) listening on {where} ({_describe(settings)})")
    served = _on_uvicorn(app, host, port) if server == "uvicorn" else _on_hypercorn(app, host, port)
    return 0 if served else 1


def _on_hypercorn(app: Quart, host: str, port: int) -> bool:
    from hypercorn.asyncio import serve
    from hypercorn.config import Config

    config = Config()
    config.bind = [f"{host}:{port}"]
    config.accesslog = None
    config.graceful_timeout = GRACEFUL_TIMEOUT_SECONDS
    config.include_server_header = False  # names the software to anyone who asks
    stop = asyncio.Event()

    async def run() -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await serve(app, config, shutdown_trigger=stop.wait)

    asyncio.run(run())
    return True


def _on_uvicorn(app: Quart, host: str, port: int) -> bool:
    """uvicorn handles SIGINT and SIGTERM itself: it stops accepting, lets requests in flight
    finish (within the same graceful timeout), then runs the lifespan shutdown."""
    import uvicorn

    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        lifespan="on",
        access_log=False,
        server_header=False,  # names the software to anyone who asks
        proxy_headers=False,  # as Hypercorn: the peer is who connected, not what it claims
        timeout_graceful_shutdown=GRACEFUL_TIMEOUT_SECONDS,
        log_config=None,  # our JSON lines (bot/logs.py), not uvicorn's formatters
    )
    server = uvicorn.Server(config)
    # Once stopped, uvicorn raises the signal again under the handler it found: with the
    # defaults, SIGTERM would end the process with -15 and SIGINT with a KeyboardInterrupt.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: None)
    server.run()
    return server.started  # False: the lifespan startup failed, and uvicorn has said why


def _describe(settings: Settings) -> str:
    database = "embedded database" if settings.embedded_database else "DATABASE_URL"
    replies = "replies printed here" if settings.console_replies else "replies sent to WhatsApp"
    return f"{database}, {replies}"


def run_migrate(settings: Settings, args: argparse.Namespace) -> int:
    from bot.app import StartupError, migrate

    try:
        applied = asyncio.run(migrate(settings))
    except StartupError as e:
        print(f"cannot migrate: {e}", file=sys.stderr)
        return 1
    for migration in applied:
        print(f"applied {migration.version:04d}_{migration.name}")
    if not applied:
        print("database is up to date; nothing to apply")
    return 0


def run_stats(settings: Settings, args: argparse.Namespace) -> int:
    counts = payments_cli.as_system(settings, collect_stats)
    print(json.dumps(counts) if args.json else "\n".join(as_lines(counts)))
    return 0


def run_chat(settings: Settings, args: argparse.Namespace) -> int:
    from bot.chat import chat

    log_file = settings.data_dir / CHAT_LOG
    logs.configure(settings.log_level, path=log_file)  # JSON lines would bury the conversation
    print(f"(logs go to {log_file})")
    return asyncio.run(chat(settings, phone=args.phone, url=args.url, name=args.name))
