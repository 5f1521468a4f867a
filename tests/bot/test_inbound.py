"""The payload parser on its own: every entry, change, message and status; odd shapes skipped."""

import pytest

from bot.inbound import from_envelope, parse_payload, user_keys
from tests.support import payloads

PHONE, OTHER = "919800000011", "919800000012"


def test_every_entry_change_and_message_is_read():
    first = payloads.webhook([payloads.text(PHONE, "one"), payloads.text(OTHER, "two")])
    second = payloads.webhook([payloads.text(PHONE, "three")])
    first["entry"] += second["entry"]
    first["entry"][0]["changes"].append(second["entry"][0]["changes"][0])
    batch = parse_payload(first)
    texts = [from_envelope(e).text for e in batch.envelopes]
    assert texts == ["one", "two", "three", "three"]


def test_each_message_carries_its_own_senders_contact():
    batch = parse_payload(
        payloads.webhook(
            [payloads.text(PHONE, "hi"), payloads.text(OTHER, "hey")],
            contacts=[payloads.contact(OTHER, "Ravi"), payloads.contact(PHONE, "Asha")],
        )
    )
    assert [from_envelope(e).profile_name for e in batch.envelopes] == ["Asha", "Ravi"]


def test_taps_become_reply_ids_with_their_titles():
    batch = parse_payload(
        payloads.webhook(
            [
                payloads.button_reply(PHONE, "log:add", "Add"),
                payloads.list_reply(PHONE, "cmd:status", "Status"),
            ]
        )
    )
    parsed = [from_envelope(e) for e in batch.envelopes]
    assert [(m.kind, m.reply_id, m.text) for m in parsed] == [
        ("interactive", "log:add", "Add"),
        ("interactive", "cmd:status", "Status"),
    ]


def test_a_media_caption_is_not_read_as_text():
    image = payloads.message(PHONE, "image", {"id": "media-1", "caption": "status"})
    message = from_envelope(parse_payload(payloads.webhook([image])).envelopes[0])
    assert (message.kind, message.text, message.media_id) == ("image", "", "media-1")


def test_statuses_and_errors_are_collected_beside_messages():
    payload = payloads.webhook(
        [payloads.text(PHONE, "hi")],
        statuses=[
            payloads.status("wamid.A", "delivered"),
            payloads.status("wamid.B", "failed", error_code=131047),
        ],
        errors=[{"code": 131000, "title": "Something went wrong"}],
    )
    batch = parse_payload(payload)
    assert [(s.wamid, s.status, s.error_code) for s in batch.statuses] == [
        ("wamid.A", "delivered", None),
        ("wamid.B", "failed", "131047"),
    ]
    assert batch.errors == [{"code": 131000, "title": "Something went wrong"}]


@pytest.mark.parametrize(
    "payload",
    [None, [], "text", {"entry": "x"}, {"entry": [{"changes": [None, {"value": []}]}]}],
)
def test_malformed_bodies_yield_nothing_rather_than_fail(payload):
    batch = parse_payload(payload)
    assert (batch.envelopes, batch.statuses, batch.errors) == ([], [], [])


def test_messages_without_an_id_or_a_sender_are_skipped():
    no_id = payloads.text(PHONE, "a")
    del no_id["id"]
    no_sender = payloads.text("", "b")
    batch = parse_payload(payloads.webhook([no_id, no_sender], contacts=[]))
    assert batch.envelopes == []


def test_user_keys_read_phone_digits_and_the_business_scoped_id():
    message = payloads.message("+91 98000 00011", "text", {"body": "x"})
    message["from_user_id"] = "IN.123"
    assert user_keys({"message": message, "contact": {}}) == ("919800000011", "IN.123")


def test_what_cannot_be_stored_is_named_and_the_rest_kept():
    nul_id, nul_type, nul_from = (payloads.text(PHONE, "x") for _ in range(3))
    nul_id["id"] += "\x00"
    nul_type["type"] = "text\x00"
    nul_from["from"] = "9198\x0000000011"
    deep: list = []
    for _ in range(100):
        deep = [deep]
    nested = payloads.text(PHONE, "x")
    nested["context"] = deep
    good = payloads.text(OTHER, "fine")
    batch = parse_payload(payloads.webhook([nul_id, nul_type, good, nul_from, nested]))
    assert [from_envelope(e).text for e in batch.envelopes] == ["fine"]
    assert batch.rejected == ["bad_id", "bad_type", "bad_from", "too_deep"]
    bad_number = parse_payload(payloads.webhook([good], phone_number_id="1065\x00"))
    assert (bad_number.envelopes, bad_number.rejected) == ([], ["bad_phone_number_id"])


@pytest.mark.parametrize("stamp", [10**12, "²", "-5", "1e9", "9" * 5000, None, [1]])
def test_an_impossible_send_time_is_left_out_not_fatal(stamp):
    message = payloads.text(PHONE, "hi")
    message["timestamp"] = stamp
    assert from_envelope(parse_payload(payloads.webhook([message])).envelopes[0]).sent_at is None


def test_only_ascii_digits_make_a_phone_number():
    message = payloads.message("९१९८००००००११", "text", {"body": "x"})
    assert user_keys({"message": message, "contact": {}}) == ("", "")
