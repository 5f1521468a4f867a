import json
import logging

from bot.logs import JsonFormatter, mask_text
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
