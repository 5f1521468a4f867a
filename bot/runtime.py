"""The running app's services, reachable from request handlers through `runtime()`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quart import current_app

if TYPE_CHECKING:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from bot.background import QueueDrainer
    from bot.config import Settings
    from bot.group_commit import GroupCommit
    from bot.payments_worker import PaymentsWorker
    from bot.sender import Sender
    from bot.wakeups import Wakeups
    from bot.worker import Worker
    from dialog.router import Router
    from sql.cipher import Cipher
    from sql.db import Database


NO_WEBHOOKS = "this process answers no webhooks"


@dataclass(frozen=True, slots=True)
class Role:
    """What one process does: answer HTTP (webhooks, pages, health, the jobs endpoint), run
    the queues' loops and the scheduled tick, or both."""

    command: str
    http: bool
    loops: bool

    @property
    def listens(self) -> bool:
        """Loops with no webhook beside them learn of new rows from the database."""
        return self.loops and not self.http


ALL_IN_ONE = Role("serve", http=True, loops=True)
WEB = Role("serve --no-workers", http=True, loops=False)
WORK = Role("work", http=False, loops=True)


@dataclass(slots=True)
class Services:
    """What starts when serving starts and stops when it stops; the loops only in a role
    that runs them, the webhook's pool only in one that answers HTTP."""

    db: Database
    ingest_db: Database | None = None  # the webhook's own pool: acks never queue behind loops
    ingest: GroupCommit | None = None  # stores concurrent webhooks together, over ingest_db
    worker: Worker | None = None
    sender: Sender | None = None
    background: list[QueueDrainer] = field(default_factory=list)
    scheduler: AsyncIOScheduler | None = None
    payments: PaymentsWorker | None = None
    wakeups: Wakeups | None = None

    @property
    def webhook_db(self) -> Database:
        if self.ingest_db is None:
            raise RuntimeError(NO_WEBHOOKS)
        return self.ingest_db

    @property
    def webhook_ingest(self) -> GroupCommit:
        if self.ingest is None:
            raise RuntimeError(NO_WEBHOOKS)
        return self.ingest

    def wake_worker(self) -> None:
        """In a web-only process nothing here drains the queue: the database's notification
        wakes a work process instead."""
        if self.worker is not None:
            self.worker.wake()

    def wake_sender(self) -> None:
        """Only this process's sender: replies queued by a web process (the jobs endpoint)
        wait for a work process's sweep."""
        if self.sender is not None:
            self.sender.wake()

    def wake_payments(self) -> None:
        if self.payments is not None:
            self.payments.wake()


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
