"""The running app's services, reachable from request handlers through `runtime()`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from quart import current_app

if TYPE_CHECKING:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from bot.background import QueueDrainer
    from bot.config import Settings
    from bot.group_commit import GroupCommit
    from bot.payments_worker import PaymentsWorker
    from bot.sender import Sender
    from bot.worker import Worker
    from dialog.router import Router
    from sql.cipher import Cipher
    from sql.db import Database


@dataclass(slots=True)
class Services:
    """What starts when serving starts and stops when it stops."""

    db: Database
    ingest_db: Database  # the webhook's own pool: acks never queue behind the loops
    ingest: GroupCommit  # stores concurrent webhooks together, over ingest_db
    worker: Worker
    sender: Sender
    background: list[QueueDrainer]
    scheduler: AsyncIOScheduler
    payments: PaymentsWorker | None = None


@dataclass(slots=True)
class Runtime:
    settings: Settings
    cipher: Cipher
    router: Router
    services: Services | None = None

    @property
    def running(self) -> Services:
        if self.services is None:
            msg = "the app is not serving yet"
            raise RuntimeError(msg)
        return self.services


def runtime() -> Runtime:
    found: Runtime = current_app.extensions["therapy_tracker"]
    return found
