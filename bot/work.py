"""`python -m bot work`: the queues' loops and the scheduled tick, with no web server (unless
asked for one that serves only health and metrics); stops like `serve` on SIGTERM."""

from __future__ import annotations

import asyncio
import signal

from bot.app import start_services, stop_services
from bot.config import Settings
from bot.runtime import WORK, Runtime
from handlers import build_router


async def run_loops(settings: Settings) -> None:
    """Run until SIGTERM or SIGINT, then stop claiming and finish or give back what is held."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    rt = Runtime(settings=settings, cipher=settings.cipher(), router=build_router())
    await start_services(rt, WORK)
    try:
        await stop.wait()
    finally:
        await stop_services(rt)
