"""Two web processes (`serve --no-workers`) and two work processes (`work`) on one database:
2,000 signed webhooks from 200 people, one web and one work process killed with SIGKILL
mid-run, and still every message answered exactly once, in each person's order, at Meta's
edge (the Graph stub) and in the outbox."""

import asyncio
import contextlib
import itertools
import signal

import httpx

from tests.conftest import APP_SECRET, TEST_KEY, VERIFY_TOKEN, wait_until
from tests.support import faults, payloads
from tests.support.disclosure import revealed
from tests.support.graph_stub import HANG, free_port, serve

PEOPLE = [f"9190000{n:05d}" for n in range(200)]
MESSAGES_EACH = 10
POSTS_AT_ONCE = 32
# a killed work process holds its replies this long (its messages 15 s), then the other
# takes them; one call to Meta is cut off at two thirds of it
SEND_LEASE = 6
FINISH_SECONDS = 120  # a budget for a loaded machine, not a speed target

ANSWERS_SQL = """
SELECT u.phone, i.wamid AS asked, o.wamid AS answer, o.status
FROM tt.outbox o JOIN tt.inbound_messages i ON i.id = o.inbound_id
JOIN tt.users u ON u.id = o.user_id
"""
RECORDED_SQL = "SELECT count(*) FROM tt.outbox WHERE wamid IS NOT NULL"
UNFINISHED_SQL = """
SELECT (SELECT count(*) FROM tt.inbound_messages WHERE status <> 'done') +
       (SELECT count(*) FROM tt.outbox WHERE status <> 'sent')
"""


def asked(phone: str, k: int) -> str:
    return f"wamid.SCALE.{phone}.{k:02d}"


class Meta:
    """Delivers each person's messages one after another, as WhatsApp does, many people at
    once; a delivery that fails (a web process died under it) is retried on another."""

    def __init__(self, urls: list[str]) -> None:
        self.urls = urls
        self.acknowledged = 0
        self._turn = itertools.count()
        self._slots = asyncio.Semaphore(POSTS_AT_ONCE)

    async def deliver_all(self) -> None:
        async with httpx.AsyncClient(timeout=10) as client:
            await asyncio.gather(*(self._person(client, phone) for phone in PEOPLE))

    async def _person(self, client: httpx.AsyncClient, phone: str) -> None:
        for k in range(MESSAGES_EACH):
            body = payloads.encode(
                payloads.webhook([payloads.text(phone, "help", wamid=asked(phone, k))])
            )
            async with self._slots:
                await self._until_taken(client, body)
            self.acknowledged += 1

    async def _until_taken(self, client: httpx.AsyncClient, body: bytes) -> None:
        headers = payloads.signed_headers(body, APP_SECRET)
        while True:
            url = self.urls[next(self._turn) % len(self.urls)]
            with contextlib.suppress(httpx.TransportError):
                response = await client.post(
                    f"{url}/webhooks/whatsapp", content=body, headers=headers
                )
                if response.status_code == 200:
                    return
            await asyncio.sleep(0.1)


async def welcome_everyone(db) -> None:
    """People who talked to the bot before: each "help" gets exactly one reply."""
    await db.execute(
        "INSERT INTO tt.users (phone, welcomed_at, last_inbound_at) "
        "SELECT unnest($1::text[]), now(), now()",
        PEOPLE,
    )


async def test_two_web_and_two_work_processes_answer_each_message_once_in_order(
    db, database_url, graph, tmp_path
):
    await welcome_everyone(db)
    ports = [free_port(), free_port()]
    processes = []
    async with serve(graph) as graph_url:
        env = faults.server_env(database_url, graph_url, SEND_LEASE_SECONDS=str(SEND_LEASE))
        try:
            for n, port in enumerate(ports):
                log = tmp_path / f"web{n}.log"
                processes.append(await faults.start_server(port, env, log, "--no-workers"))
            for n in range(2):
                processes.append(await faults.start_work(env, tmp_path / f"work{n}.log", db))
            web, _, work, _ = processes
            await ready_reveals_nothing(f"http://127.0.0.1:{ports[1]}", database_url)
            meta = Meta([f"http://127.0.0.1:{port}" for port in ports])
            delivering = asyncio.create_task(meta.deliver_all())

            async def a_third_delivered():
                return meta.acknowledged >= len(PEOPLE) * MESSAGES_EACH // 3

            await wait_until(a_third_delivered, timeout=FINISH_SECONDS)
            meta.urls.remove(f"http://127.0.0.1:{ports[0]}")  # its deliveries in flight fail
            web.send_signal(signal.SIGKILL)
            await kill_while_meta_hangs(work, graph, db)
            await delivering
            await wait_until(everything_answered(db), timeout=FINISH_SECONDS)
            await asyncio.sleep(0.5)  # a late duplicate would show by now
            await assert_each_answered_once_in_order(db, graph)
            for survivor in processes[1::2]:
                survivor.send_signal(signal.SIGTERM)
                assert await asyncio.wait_for(survivor.wait(), 30) == 0
        finally:
            for process in processes:
                if process.returncode is None:
                    process.kill()
                    await process.wait()


async def ready_reveals_nothing(url: str, database_url: str) -> None:
    """A real web process answers readiness with its status and the headers we mean only."""
    async with httpx.AsyncClient() as client:
        response = await client.get(f"{url}/health/ready")
    assert response.json() == {"status": "ok"}
    secrets = [APP_SECRET, VERIFY_TOKEN, TEST_KEY, "test-token"]
    assert revealed(response.headers, response.content, database_url, secrets) == []


async def kill_while_meta_hangs(work, graph, db) -> None:
    """SIGKILL a work process while Meta answers nothing: every reply Meta accepted has been
    recorded, so none is sent twice (a reply accepted in the instant before a crash may go
    twice: docs/architecture.md, "A reply may go twice")."""

    async def replies_flowing():
        return len(graph.sent) >= 100

    await wait_until(replies_flowing, timeout=FINISH_SECONDS)
    graph.script = [HANG] * 100_000

    async def accepted_all_recorded():
        return graph.hanging > 0 and await db.fetchval(RECORDED_SQL) == len(graph.sent)

    await wait_until(accepted_all_recorded, timeout=30)
    work.send_signal(signal.SIGKILL)
    await asyncio.wait_for(work.wait(), 10)
    graph.script.clear()


def everything_answered(db):
    async def check():
        inbound = await db.fetchval("SELECT count(*) FROM tt.inbound_messages")
        return inbound == len(PEOPLE) * MESSAGES_EACH and not await db.fetchval(UNFINISHED_SQL)

    return check


async def assert_each_answered_once_in_order(db, graph) -> None:
    answers: dict[str, list[tuple[int, str]]] = {phone: [] for phone in PEOPLE}
    for row in await db.fetch(ANSWERS_SQL):
        assert row["status"] == "sent", row
        answers[row["phone"]].append((int(row["answer"].removeprefix("wamid.OUT")), row["asked"]))
    for phone in PEOPLE:
        texts = graph.texts_to(phone)
        assert len(texts) == MESSAGES_EACH, (phone, len(texts))
        assert all(text.startswith(faults.HELP) for text in texts)
        in_meta_order = [question for _, question in sorted(answers[phone])]
        assert in_meta_order == [asked(phone, k) for k in range(MESSAGES_EACH)], phone
    assert await db.fetchval("SELECT count(*) FROM tt.outbox") == len(PEOPLE) * MESSAGES_EACH
