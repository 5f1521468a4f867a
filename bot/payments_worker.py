"""The payments loop: applies stored Razorpay events, turns link requests into Razorpay
payment links sent to the member as a button, and rechecks links still open. All three
queues use the one claim helper."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta

import asyncpg

from bot.background import QueueDrainer, backoff
from bot.outbox import enqueue
from bot.payment_messages import link_failed, link_message, outcome_messages
from dialog.replies import Outgoing
from payments.apply import Outcome, apply_event
from payments.events import BadEvent, parse_body
from payments.links import LinkRequest, link_body, release_link_coupon
from payments.razorpay_api import BadRequest, RazorpayApi, RazorpayError, create_or_find_link
from payments.reconcile import RECHECK_AFTER, reconcile_link
from sql.cipher import Cipher
from sql.db import SYSTEM, Database
from sql.queue import Claim, Queue

log = logging.getLogger(__name__)

EVENTS = Queue(
    "tt.razorpay_events",
    waiting="status = 'pending'",
    lease=timedelta(seconds=30),
    returning="q.payload",
    given_up="status = 'dead', processed_at = now()",
    per_person=False,
    person=False,
)
LINK_REQUESTS = Queue(
    "tt.payment_links",
    waiting="status = 'requesting'",
    lease=timedelta(seconds=30),
    returning="q.user_id, q.child_id, q.plan_code, q.amount_paise, q.reference_id, q.expire_by, "
    "q.phone_number_id, u.language",
    given_up="status = 'failed', updated_at = now()",
)
RECONCILE = Queue(
    "tt.payment_links",
    waiting="status = 'created'",
    lease=timedelta(seconds=30),
    returning="q.plink_id",
    per_person=False,
)
EVENT_DONE = "status = 'done', processed_at = now(), last_error = NULL"
LINK_CREATED = (
    "plink_id = $3, short_url = $4, status = 'created', updated_at = now(), last_error = NULL, "
    "next_attempt_at = now() + $5::interval"
)
RECHECK_LATER = "next_attempt_at = now() + $3::interval, attempts = 0, last_error = NULL"
CALL_SECONDS = 20.0  # within the 30 s lease


class PaymentsWorker(QueueDrainer):
    concurrency = 2

    def __init__(
        self,
        db: Database,
        cipher: Cipher,
        api: RazorpayApi | None,
        *,
        default_phone_number_id: str,
        on_replies: Callable[[], None],
        clock: Callable[[], datetime],
        max_attempts: int = 8,
        retry_base_seconds: float = 2.0,
        sweep_seconds: float = 5.0,
        pro_templates: Mapping[str, str] | None = None,
    ) -> None:
        self._cipher, self._api = cipher, api
        self._pro_templates = pro_templates or {}  # language → approved "Pro is on" template
        self._number, self._on_replies, self._clock = default_phone_number_id, on_replies, clock
        self._max_attempts, self._retry_base = max_attempts, retry_base_seconds
        super().__init__(db, sweep_seconds=sweep_seconds)

    async def step(self) -> bool:
        return await self._next_event() or await self._next_link() or await self._next_recheck()

    async def stop(self, deadline: float = 15.0) -> None:
        await super().stop(deadline)
        if self._api is not None:
            await self._api.close()

    # events

    async def _next_event(self) -> bool:
        claim = await self.claim(EVENTS)
        if claim is None:
            return False
        async with self.holding(EVENTS, claim):
            try:
                await self._apply(claim)
            except BadEvent as e:
                await self._finish_failed(EVENTS, claim, str(e), final=True)
            except Exception as e:
                log.exception("razorpay event failed", extra={"event_row": claim.id})
                await self._finish_failed(EVENTS, claim, type(e).__name__, final=False)
        return True

    async def _apply(self, claim: Claim) -> None:
        async with self._db.transaction(SYSTEM) as conn:
            if not await EVENTS.holds(conn, claim):
                return
            event = parse_body(self._cipher.decrypt(claim.row["payload"]))
            outcomes = await apply_event(conn, event, self._clock())
            await self._tell(conn, outcomes)
            await EVENTS.finish(conn, claim, EVENT_DONE)
        if outcomes:
            self._on_replies()

    async def _tell(self, conn: asyncpg.Connection, outcomes: list[Outcome]) -> None:
        await self._send(conn, await outcome_messages(conn, outcomes, self._pro_templates))

    async def _send(self, conn: asyncpg.Connection, replies: list[Outgoing]) -> None:
        await enqueue(conn, self._cipher, replies, phone_number_id=self._number)

    # links

    async def _next_link(self) -> bool:
        claim = await self.claim(LINK_REQUESTS)
        if claim is None:
            return False
        async with self.holding(LINK_REQUESTS, claim) as hold:
            hold.started = True  # a create may reach Razorpay; its reference_id makes a retry safe
            await self._create(claim)
        return True

    async def _create(self, claim: Claim) -> None:
        row = claim.row
        if self._api is None:
            await self._finish_failed(LINK_REQUESTS, claim, "payments not configured", final=True)
            return
        request = LinkRequest(
            claim.id,
            row["user_id"],
            row["child_id"],
            row["plan_code"],
            row["amount_paise"],
            row["reference_id"],
            row["expire_by"],
        )
        description = f"Therapy Tracker Pro: {request.plan_code}"
        try:
            async with asyncio.timeout(CALL_SECONDS):
                entity = await create_or_find_link(self._api, link_body(request, description))
        except (RazorpayError, TimeoutError) as e:
            log.warning("payment link not created", extra={"link_row": claim.id, "error": str(e)})
            final = isinstance(e, BadRequest)
            await self._finish_failed(LINK_REQUESTS, claim, str(e)[:200], final=final)
            return
        async with self._db.transaction(SYSTEM) as conn:
            if not await LINK_REQUESTS.finish(
                conn,
                claim,
                LINK_CREATED,
                str(entity["id"])[:64],
                str(entity["short_url"])[:512],
                RECHECK_AFTER,
            ):
                return
            message = await link_message(conn, claim.row, entity["short_url"])
            number = claim.row["phone_number_id"] or self._number
            await enqueue(conn, self._cipher, [message], phone_number_id=number)
        self._on_replies()

    # reconciliation

    async def _next_recheck(self) -> bool:
        """Ask Razorpay about one link still open past its recheck time; apply what it says."""
        if self._api is None:
            return False
        claim = await self.claim(RECONCILE)
        if claim is None:
            return False
        async with self.holding(RECONCILE, claim):
            try:
                async with asyncio.timeout(CALL_SECONDS):
                    link = await self._api.fetch_link(claim.row["plink_id"])
            except (RazorpayError, TimeoutError) as e:
                log.warning("link not rechecked", extra={"link_row": claim.id, "error": str(e)})
                link = None
            async with self._db.transaction(SYSTEM) as conn:
                if not await RECONCILE.holds(conn, claim):
                    return True
                outcomes = await reconcile_link(conn, link, self._clock()) if link else []
                await self._tell(conn, outcomes)
                await RECONCILE.finish(conn, claim, RECHECK_LATER, RECHECK_AFTER)
        self._on_replies()
        return True

    # failures

    async def _finish_failed(self, queue: Queue, claim: Claim, error: str, *, final: bool) -> None:
        """Retry later with backoff, or give up (kept for an operator; a member whose link
        could not be made hears so)."""
        async with self._db.transaction(SYSTEM) as conn:
            if not final and claim.attempts < self._max_attempts:
                delay = backoff(self._retry_base, claim.attempts)
                await queue.retry_later(conn, claim, delay, error[:200])
                self.wake_later(delay)
                return
            if not await queue.give_up(conn, claim, error[:200]):
                return
            if queue is LINK_REQUESTS:
                await release_link_coupon(conn, claim.id)
                await self._send(conn, [link_failed(claim.row["user_id"], claim.row["language"])])
        log.error("payments row given up", extra={"table": queue.table, "reason": error[:200]})
        self._on_replies()
