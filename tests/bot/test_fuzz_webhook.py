"""Signed webhook bodies generated to break the parser, the store and the worker: every one is
acknowledged below 500, nothing is logged as an error, and nothing is left stuck."""

import json
import logging

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import APP_SECRET, wait_until
from tests.support import payloads

ANY_CHAR = st.characters(codec=None, exclude_categories=())  # surrogates and NUL included
ODD_TEXT = st.one_of(
    st.text(ANY_CHAR, max_size=12),
    st.sampled_from(["\x00", "\ud800", "²", "10" * 8, "९१९८७६५४३२१०", "", " ", "cmd:menu"]),
    st.sampled_from(["invite:accept:1", "log:missed:2026-02-30", "lang:hi", "x" * 600]),
)
SCALAR = st.one_of(
    ODD_TEXT,
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
)
VALUE = st.recursive(
    SCALAR,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ODD_TEXT, inner, max_size=3),
    max_leaves=6,
)
MESSAGE_FIELDS = ["id", "from", "type", "timestamp", "text", "interactive", "button", "audio",
                  "image", "context", "from_user_id"]  # fmt: skip
CONTACT_FIELDS = ["wa_id", "user_id", "profile"]
STATUS_FIELDS = ["id", "status", "errors", "recipient_id", "timestamp"]


@st.composite
def nested(draw):
    """A list nested deep enough to trouble a recursive parser or encoder."""
    value: list = []
    for _ in range(draw(st.integers(20, 1200))):
        value = [value]
    return value


@st.composite
def webhook_body(draw):
    # a new sender each time: one person's replies are paced (Meta's pair rate)
    number = f"91{draw(st.integers(6_000_000_000, 9_999_999_999))}"
    phone = draw(st.sampled_from([number, f"+{number}", f"+{number[:2]} {number[2:]}"]))
    messages = [payloads.text(phone, draw(ODD_TEXT)) for _ in range(draw(st.integers(0, 3)))]
    contact = payloads.contact(phone)
    contact.update(draw(st.dictionaries(st.sampled_from(CONTACT_FIELDS), VALUE, max_size=2)))
    status = payloads.status(payloads.new_wamid(), draw(st.sampled_from(["sent", "read", "x"])))
    status.update(draw(st.dictionaries(st.sampled_from(STATUS_FIELDS), VALUE, max_size=2)))
    payload = payloads.webhook(
        messages,
        contacts=[contact],
        statuses=draw(st.sampled_from([[], [status]])),
        errors=draw(st.lists(st.dictionaries(ODD_TEXT, VALUE, max_size=2), max_size=1)),
        phone_number_id=draw(st.one_of(st.just(payloads.BUSINESS_NUMBER_ID), ODD_TEXT)),
    )
    for message in messages:  # the payload holds these very dicts
        message.update(draw(st.dictionaries(st.sampled_from(MESSAGE_FIELDS), VALUE, max_size=3)))
        if draw(st.integers(0, 9)) == 0:
            message["context"] = draw(nested())
    body = json.dumps(payload, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
    cut = draw(st.one_of(st.none(), st.integers(0, len(body))))
    return body if cut is None else body[:cut]


async def handled(bot) -> bool:
    """Every stored message handled (replies may still wait for one person's pacing)."""
    return not await bot.db.fetchval(
        "SELECT count(*) FROM tt.inbound_messages WHERE status = 'pending'"
    )


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=webhook_body())
async def test_no_signed_body_makes_a_5xx_an_error_or_a_stuck_message(bot, caplog, body):
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        response = await bot.client.post(
            "/webhooks/whatsapp", data=body, headers=payloads.signed_headers(body, APP_SECRET)
        )
        assert response.status_code == 200
        await wait_until(lambda: handled(bot))
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [(r.name, r.getMessage()) for r in errors]
    dead = await bot.db.fetchval("SELECT count(*) FROM tt.inbound_messages WHERE status = 'dead'")
    assert dead == 0
