"""Signed bodies that cannot be stored as sent: the good messages beside them are stored,
the rest is quarantined (encrypted, once, with the reason), Meta gets its 200."""

import json
import logging

import pytest

from tests.conftest import APP_SECRET
from tests.support import payloads

GOOD = ["919000000001", "919000000002", "919000000003"]


def poisoned(field: str) -> dict:
    message = payloads.text("919000000009", "poison")
    if field == "phone_number_id":
        return message
    message[field] = (message[field] or "") + "\x00"
    return message


async def post_raw(bot, body: bytes):
    return await bot.client.post(
        "/webhooks/whatsapp", data=body, headers=payloads.signed_headers(body, APP_SECRET)
    )


async def stored_senders(bot) -> list[str]:
    rows = await bot.db.fetch(
        "SELECT u.phone FROM tt.inbound_messages i JOIN tt.users u ON u.id = i.user_id "
        "ORDER BY u.phone"
    )
    return [r["phone"] for r in rows]


@pytest.mark.parametrize("field", ["id", "from", "type"])
async def test_a_nul_in_an_id_quarantines_that_message_only(bot, field):
    messages = [payloads.text(p, "help") for p in GOOD]
    messages.insert(1, poisoned(field))
    payload = payloads.webhook(messages)
    for _ in range(2):  # Meta's redelivery is acknowledged and kept once
        assert (await bot.post(payload)).status_code == 200
    await bot.settle()
    assert await stored_senders(bot) == GOOD
    for phone in GOOD:
        assert bot.graph.to(phone), "every good message is answered"
    row = await bot.db.fetchrow("SELECT reasons, body FROM tt.quarantine")
    assert row["reasons"] == f"bad_{field}"
    assert b"poison" not in row["body"]  # encrypted at rest
    cipher = bot.app.extensions["therapy_tracker"].cipher
    assert json.loads(cipher.decrypt(row["body"])) == payload
    assert await bot.db.fetchval("SELECT count(*) FROM tt.quarantine") == 1


async def test_a_nul_in_the_business_number_id_quarantines_the_body(bot):
    payload = payloads.webhook([payloads.text(GOOD[0], "help")], phone_number_id="1065\x00")
    assert (await bot.post(payload)).status_code == 200
    assert await bot.db.fetchval("SELECT reasons FROM tt.quarantine") == "bad_phone_number_id"
    assert await stored_senders(bot) == []


@pytest.mark.parametrize("stamp", [10**12, "²"])
async def test_an_impossible_timestamp_is_stored_and_answered(bot, stamp):
    message = payloads.text(GOOD[0], "help")
    message["timestamp"] = stamp
    assert (await bot.post(payloads.webhook([message]))).status_code == 200
    await bot.settle()
    assert await bot.db.fetchval("SELECT sent_at FROM tt.inbound_messages") is None
    assert bot.graph.to(GOOD[0])


@pytest.mark.parametrize("surrogate", [b"\\ud800", b"\xed\xa0\x80"])
async def test_a_lone_surrogate_is_stored_as_a_replacement_character(bot, surrogate):
    body = payloads.encode(payloads.webhook([payloads.text(GOOD[0], "PLACEHOLDER")]))
    body = body.replace(b"PLACEHOLDER", b"hi " + surrogate + b" there")
    assert (await post_raw(bot, body)).status_code == 200
    await bot.settle()
    stored = await bot.db.fetchval("SELECT payload FROM tt.inbound_messages")
    cipher = bot.app.extensions["therapy_tracker"].cipher
    assert cipher.decrypt_json(stored)["message"]["text"]["body"] == "hi \ufffd there"
    assert bot.graph.to(GOOD[0])
    assert await bot.db.fetchval("SELECT count(*) FROM tt.quarantine") == 0


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b'{"entry": ' + b"[" * 1000 + b"]" * 1000 + b"}", "json_too_deep"),
        (b"{not json", "not_json"),
        (b'{"entry": "\xff"}', "not_utf8"),
    ],
)
async def test_an_unreadable_body_is_quarantined_whole(bot, body, reason):
    response = await post_raw(bot, body)
    assert response.status_code == 200
    assert await bot.db.fetchval("SELECT reasons FROM tt.quarantine") == reason


async def test_quarantined_bodies_are_counted_in_stats(bot):
    await post_raw(bot, b"{not json")
    from bot.stats import STATS_SQL

    assert (await bot.db.fetchrow(STATS_SQL))["inbound_quarantined"] == 1


@pytest.mark.parametrize("header", ["sha256=é" + "0" * 63, "sha256=" + "ü" * 64, "md5=x", " "])
async def test_a_malformed_signature_header_is_refused_without_an_error(bot, caplog, header):
    body = payloads.encode(payloads.webhook([payloads.text(GOOD[0], "hi")]))
    with caplog.at_level(logging.INFO):
        response = await bot.client.post(
            "/webhooks/whatsapp",
            data=body,
            headers={"Content-Type": "application/json", "X-Hub-Signature-256": header},
        )
    assert response.status_code in (401, 403)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert await bot.db.fetchval("SELECT count(*) FROM tt.users") == 0
