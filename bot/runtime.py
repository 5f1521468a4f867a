"""The running app's services, reachable from request handlers through `runtime()`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quart import current_app

if TYPE_CHECKING:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from bot.background import QueueDrainer
    from bot.config import Settings
    from bot.sender import Sender
    from bot.worker import Worker
    from dialog.router import Router
    from sql.cipher import Cipher
    from sql.db import Database


@dataclass(slots=True)
class Runtime:
    settings: Settings
    cipher: Cipher
    router: Router
    db: Database | None = None
    ingest_db: Database | None = None  # the webhook's own pool: acks never queue behind the loops
    worker: Worker | None = None
    sender: Sender | None = None
    background: list[QueueDrainer] = field(default_factory=list)
    scheduler: AsyncIOScheduler | None = None


def runtime() -> Runtime:
    return current_app.extensions["therapy_tracker"]
