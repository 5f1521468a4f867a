import asyncio
import json
import time

import pytest

from tests.conftest import APP_SECRET, VERIFY_TOKEN
from tests.support import payloads
from tests.support.shared import shared_fixtures

FIXTURES = shared_fixtures() / "whatsapp"
MESSAGE_FIXTURES = sorted(
    p.name
    for p in FIXTURES.glob("*.json")
    if p.name not in {"signatures.json", "api_error_objects.json"}
)

ODD_SHAPES = {
    "contact_without_profile": lambda p: payloads.webhook(
        [payloads.text(p, "hi")], contacts=[payloads.contact(p, with_profile=False)]
    ),
    "interactive_without_object": lambda p: payloads.webhook([payloads.message(p, "interactive")]),
    "unknown_type": lambda p: payloads.webhook(
        [payloads.message(p, "poll_creation", {"question": "?"})]
    ),
    "no_contacts": lambda p: payloads.webhook([payloads.text(p, "hi")], contacts=[]),
    "system_change": lambda p: payloads.webhook(
        [
            payloads.message(
                p,
                "system",
                {"body": "changed", "type": "user_changed_number", "wa_id": "919000000099"},
            )
        ],
        contacts=[],
    ),
    "reaction_removed": lambda p: payloads.webhook(
        [payloads.message(p, "reaction", {"message_id": "wamid.x"})]
    ),
    "garbage_entries": lambda p: {
        "object": "whatsapp_business_account",
        "entry": [None, {"changes": "nope"}, {"changes": [{"value": {"messages": [1, None]}}]}],
    },
}


async def test_handshake_echoes_challenge(bot):
    query = {
        "hub.mode": "subscribe",
        "hub.verify_token": VERIFY_TOKEN,
        "hub.challenge": "1158201444",
    }
    response = await bot.client.get("/webhooks/whatsapp", query_string=query)
    assert response.status_code == 200
    assert await response.get_data(as_text=True) == "1158201444"
    assert response.content_type.startswith("text/plain")


@pytest.mark.parametrize(
    "query",
    [
        {"hub.mode": "subscribe", "hub.verify_token": "wrong", "hub.challenge": "1"},
        {"hub.mode": "unsubscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1"},
        {"hub.challenge": "1"},
    ],
)
async def test_handshake_refused(bot, query):
    response = await bot.client.get("/webhooks/whatsapp", query_string=query)
    assert response.status_code == 403


async def test_missing_signature_is_401_and_stores_nothing(bot):
    body = payloads.encode(payloads.webhook([payloads.text("919000000001", "hi")]))
    response = await bot.client.post(
        "/webhooks/whatsapp", data=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 401
    assert await bot.db.fetchval("SELECT count(*) FROM tt.inbound_messages") == 0


async def test_wrong_signature_is_403_and_stores_nothing(bot):
    response = await bot.post(
        payloads.webhook([payloads.text("919000000001", "hi")]), secret="not-the-secret"
    )
    assert response.status_code == 403
    assert await bot.db.fetchval("SELECT count(*) FROM tt.users") == 0


async def test_non_ascii_body_is_accepted_and_kept_exactly(bot):
    text = "आज बुखार था 🤒 — Ünïcode"
    response = await bot.post(payloads.webhook([payloads.text("919000000001", text)]))
    assert response.status_code == 200
    await bot.settle()
    cipher = bot.app.extensions["therapy_tracker"].cipher
    stored = await bot.db.fetchval("SELECT payload FROM tt.inbound_messages")
    assert cipher.decrypt_json(stored)["message"]["text"]["body"] == text
    assert text.encode() not in stored  # encrypted at rest


async def test_oversized_body_is_refused(make_bot):
    bot = await make_bot(max_body_bytes=1024)
    payload = payloads.webhook([payloads.text("919000000001", "x" * 4000)])
    response = await bot.post(payload)
    assert response.status_code == 413
    assert await bot.db.fetchval("SELECT count(*) FROM tt.inbound_messages") == 0


async def raw_post(bot, events, headers):
    """POST straight through the app's ASGI callable, as a server would call it: `events`
    are what the server hands over as the body arrives."""
    sent, pending = [], list(events)

    async def receive():
        return pending.pop(0) if pending else {"type": "http.disconnect"}

    async def send(event):
        sent.append(event)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/webhooks/whatsapp",
        "raw_path": b"/webhooks/whatsapp",
        "query_string": b"",
        "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
        "extensions": {},
    }
    await bot.app(scope, receive, send)
    return sent


async def test_oversized_chunked_body_is_refused_without_a_length(make_bot):
    bot = await make_bot(max_body_bytes=1024)
    body = payloads.encode(payloads.webhook([payloads.text("919000000001", "x" * 4000)]))
    chunks = [body[i : i + 500] for i in range(0, len(body), 500)]
    events = [{"type": "http.request", "body": c, "more_body": True} for c in chunks]
    sent = await raw_post(bot, events, payloads.signed_headers(body, APP_SECRET))
    assert sent[0]["status"] == 413
    assert await bot.db.fetchval("SELECT count(*) FROM tt.inbound_messages") == 0


async def test_a_sender_gone_mid_body_gets_no_answer_and_stores_nothing(bot):
    body = payloads.encode(payloads.webhook([payloads.text("919000000001", "hi")]))
    half = {"type": "http.request", "body": body[:40], "more_body": True}
    sent = await raw_post(bot, [half], payloads.signed_headers(body, APP_SECRET))
    assert sent == []
    assert await bot.db.fetchval("SELECT count(*) FROM tt.inbound_messages") == 0


async def test_the_ack_carries_the_request_id_and_security_headers(bot):
    body = payloads.encode(payloads.webhook([payloads.text("919000000001", "hi")]))
    headers = payloads.signed_headers(body, APP_SECRET) | {"X-Request-Id": "meta42"}
    response = await bot.client.post("/webhooks/whatsapp", data=body, headers=headers)
    assert response.status_code == 200
    assert response.headers["X-Request-Id"] == "meta42"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Security-Policy"].startswith("default-src 'none'")


async def test_a_locked_table_gets_a_503_within_seconds(bot):
    """A statement the database cancels at the webhook's timeout is a database that cannot
    take the body now: Meta gets a 503 (and retries), not a 500."""
    async with bot.db.transaction():
        await bot.db.execute("LOCK TABLE tt.inbound_messages IN ACCESS EXCLUSIVE MODE")
        asked = time.monotonic()
        response = await asyncio.wait_for(
            bot.post(payloads.webhook([payloads.text("919000000001", "hi")])), 8
        )
        assert response.status_code == 503
        assert time.monotonic() - asked < 8
    assert (
        await bot.post(payloads.webhook([payloads.text("919000000001", "hi")]))
    ).status_code == 200


@pytest.mark.skipif(not FIXTURES.exists(), reason="shared fixtures not present")
@pytest.mark.parametrize("name", MESSAGE_FIXTURES)
async def test_every_published_payload_is_acknowledged(bot, name):
    payload = json.loads((FIXTURES / name).read_text())
    response = await bot.post(payload)
    assert response.status_code == 200
    await bot.settle()
    dead = await bot.db.fetchval("SELECT count(*) FROM tt.inbound_messages WHERE status <> 'done'")
    assert dead == 0


async def test_batch_from_several_users_is_all_stored_and_answered(bot):
    messages = [payloads.text(f"91900000000{i}", "help") for i in range(1, 4)]
    messages.append(payloads.text("919000000001", "menu"))
    assert (await bot.post(payloads.webhook(messages))).status_code == 200
    await bot.settle()
    assert await bot.db.fetchval("SELECT count(*) FROM tt.inbound_messages") == 4
    assert await bot.db.fetchval("SELECT count(*) FROM tt.users") == 3
    for i in range(1, 4):
        assert bot.graph.to(f"91900000000{i}"), "every sender gets an answer"


async def test_replies_leave_from_the_number_the_message_was_sent_to(bot):
    payload = payloads.webhook([payloads.text("919000000001", "hi")], phone_number_id="555000")
    await bot.post(payload)
    await bot.settle()
    assert bot.graph.paths and all(path == "/v25.0/555000/messages" for path in bot.graph.paths)


async def test_user_known_only_by_business_scoped_id(bot):
    message = payloads.text("", "hi")
    contact = {"profile": {"name": "Asha"}, "wa_id": "", "user_id": "IN.bsuid.123"}
    response = await bot.post(payloads.webhook([message], contacts=[contact]))
    assert response.status_code == 200
    await bot.settle()
    user = await bot.db.fetchrow("SELECT phone, bsuid FROM tt.users")
    assert (user["phone"], user["bsuid"]) == (None, "IN.bsuid.123")
    assert [body["to"] for body in bot.graph.sent] == ["IN.bsuid.123", "IN.bsuid.123"]


@pytest.mark.parametrize("shape", sorted(ODD_SHAPES))
async def test_odd_shapes_never_5xx(bot, shape):
    phone = "919000000002"
    payload = _odd_payload(shape, phone)
    response = await bot.post(payload)
    assert response.status_code == 200
    await bot.settle()
    assert (
        await bot.db.fetchval("SELECT count(*) FROM tt.inbound_messages WHERE status <> 'done'")
        == 0
    )


def _odd_payload(shape: str, phone: str) -> dict:
    return ODD_SHAPES[shape](phone)
