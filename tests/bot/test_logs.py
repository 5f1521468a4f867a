import io
import json
import logging
import re
import sys

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from bot.logs import ContextFilter, JsonFormatter, mask_text
from tests.conftest import APP_SECRET
from tests.support import payloads
from tracker.phones import mask_phone


def test_phone_masking_keeps_prefix_and_last_four():
    assert mask_phone("919876543210") == "91******3210"
    assert mask_phone("+14155550123") == "14*****0123"
    assert mask_phone("") == ""


def test_masking_inside_free_text_leaves_other_numbers_alone():
    assert mask_text("to 919876543210 at 2026-02-12, 800 rupees") == (
        "to 91******3210 at 2026-02-12, 800 rupees"
    )


def test_json_line_masks_message_and_extra_fields():
    record = logging.LogRecord(
        "bot", logging.INFO, __file__, 1, "sent to %s", ("919876543210",), None
    )
    record.to = "919876543210"
    line = JsonFormatter().format(record)
    event = json.loads(line)
    assert "\n" not in line
    assert event["event"] == "sent to 91******3210"
    assert event["to"] == "91******3210"
    assert "9876543210" not in line


def test_the_servers_copies_of_a_line_are_not_fields():
    """uvicorn adds the line again with terminal colours; Hypercorn's own handler leaves the
    time it formatted on the record."""
    record = logging.LogRecord("uvicorn.error", logging.INFO, __file__, 1, "Started", (), None)
    record.color_message = "\x1b[36mStarted\x1b[0m"
    record.asctime = "[2026-12-01 19:35:07 +0000]"
    event = json.loads(JsonFormatter().format(record))
    assert event["event"] == "Started"
    assert "color_message" not in event and "asctime" not in event


DIGITS = st.sampled_from(["0123456789", "०१२३४५६७८९"])
SEPARATORS = st.text(st.sampled_from(" -./()"), max_size=2)
GLUE = st.text(st.sampled_from("abcXYZ_.:+ ()tel"), max_size=6)


REAL_DATE = re.compile(r"(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])", re.ASCII)


@st.composite
def written_phone(draw):
    """A 7 to 15 digit number as people write it: separators anywhere, glued to text."""
    digits = draw(DIGITS)
    number = "".join(draw(st.lists(st.sampled_from(digits), min_size=7, max_size=15)))
    cuts = sorted(draw(st.sets(st.integers(1, len(number) - 1), max_size=4)))
    groups = [number[a:b] for a, b in zip([0, *cuts], [*cuts, len(number)], strict=True)]
    written = groups[0] + "".join(draw(SEPARATORS) + g for g in groups[1:])
    plus = draw(st.sampled_from(["", "+", "(", "+("]))
    return number, draw(GLUE) + plus + written + draw(GLUE)


@settings(max_examples=400, deadline=None)
@given(written_phone())
@example(("00000000", "0000-00-00"))  # date-shaped, but no date: a number to mask
def test_no_phone_number_survives_the_masker_however_it_is_written(case):
    number, text = case
    assume(not REAL_DATE.search(text))  # a real date is kept on purpose
    masked = mask_text(text)
    shown = [ch for ch in masked if ch.isdigit()]
    assert len(shown) <= 6, (text, masked)
    assert number not in "".join(shown)


def test_a_date_shaped_number_that_is_no_date_is_masked():
    assert "0000-00" not in mask_text("0000-00-00")
    assert "9876-54" not in mask_text("9876-54-32")


def test_separated_and_glued_numbers_are_masked():
    for text in ("tel:+91-98765-43210", "id_919876543210", "x.98765.43210", "(987) 654-3210"):
        assert "765" not in mask_text(text), text
    assert mask_text("on 2026-02-12 10:00:00+00:00") == "on 2026-02-12 10:00:00+00:00"


def test_an_exception_is_logged_as_types_and_frames_never_its_message():
    try:
        try:
            raise ValueError("diagnosis:autism_level2 me@example.com")
        except ValueError as inner:
            raise RuntimeError("token=SECRET123 tel:+91-98765-43210") from inner
    except RuntimeError:
        record = logging.LogRecord(
            "bot", logging.ERROR, __file__, 1, "handler failed", (), sys.exc_info()
        )
    line = JsonFormatter().format(record)
    for secret in ("autism", "example.com", "SECRET123", "98765", "43210"):
        assert secret not in line
    error = json.loads(line)["error"]
    assert error.startswith("RuntimeError at bot/test_logs.py:")
    assert "; while handling ValueError at " in error


def test_fields_of_any_type_are_masked():
    record = logging.LogRecord("bot", logging.INFO, __file__, 1, "x", (), None)
    record.details = {"to": "919876543210"}
    record.count = 3
    record.phone_as_int = 919876543210
    event = json.loads(JsonFormatter().format(record))
    assert event["details"] == "{'to': '91******3210'}"
    assert (event["count"], event["phone_as_int"]) == (3, "91******3210")


TYPED = [
    "diagnosis:autism_level2",
    "reset:https://example.test/reset?token=SECRETTOKEN123",
    "mail asha.parent@example.com",
    "PIN 482913",
    "call tel:+91-98765-43210",
]


async def test_what_people_type_never_reaches_the_logs(bot, caplog):
    """Every record of a conversation, at every level, as the JSON formatter writes it."""
    with caplog.at_level(logging.DEBUG):
        for typed in TYPED:
            await bot.say("919000000001", typed)
            await bot.tap("919000000001", typed)
    lines = "\n".join(JsonFormatter().format(r) for r in caplog.records)
    assert "choice id refused" in lines
    for secret in ("autism", "SECRETTOKEN", "example.com", "482913", "98765"):
        assert secret not in lines


@pytest.fixture(name="json_lines")
def _json_lines():
    """Every record as `logs.configure` writes it (the filter adds what a line is about)."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(ContextFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    level = root.level
    root.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)
    root.setLevel(level)


async def test_every_line_names_its_request_and_its_message(bot, json_lines):
    phone = "919000000512"
    await bot.say(phone, "help")
    body = b"not json"
    headers = payloads.signed_headers(body, APP_SECRET) | {"X-Request-Id": "req42"}
    assert (await bot.client.post("/webhooks/whatsapp", data=body, headers=headers)).status_code
    lines = json_lines()
    assert all("request_id" in line and "message_id" in line for line in lines)
    inbound_id = await bot.db.fetchval("SELECT id FROM tt.inbound_messages")
    sends = [line for line in lines if line["event"] == "outbox send"]
    assert sends and all(line["message_id"] == inbound_id for line in sends)
    [quarantined] = [line for line in lines if line["event"] == "webhook body quarantined"]
    assert quarantined["request_id"] == "req42"
    assert phone not in json.dumps(lines)


async def test_the_work_loops_name_the_request_that_brought_the_message(bot, json_lines):
    """The worker and sender run apart from the request (in a work process, or in tasks of
    their own here): the request id reaches their lines through the stored message."""
    body = payloads.encode(payloads.webhook([payloads.text("919000000513", "help")]))
    headers = payloads.signed_headers(body, APP_SECRET) | {"X-Request-Id": "req77"}
    assert (
        await bot.client.post("/webhooks/whatsapp", data=body, headers=headers)
    ).status_code == 200
    await bot.settle()
    sends = [line for line in json_lines() if line["event"] == "outbox send"]
    assert sends and all(line["request_id"] == "req77" for line in sends)
