import json

import pytest

from bot.signature import is_valid, sign
from tests.support.shared import shared_fixtures

FIXTURES = shared_fixtures() / "whatsapp"


def test_valid_signature_over_raw_bytes():
    body = b'{"entry":[]}'
    assert is_valid(body, sign(body, "s3cret"), "s3cret")


def test_wrong_secret_or_tampered_body_is_refused():
    body = b'{"entry":[]}'
    assert not is_valid(body, sign(body, "other"), "s3cret")
    assert not is_valid(body + b" ", sign(body, "s3cret"), "s3cret")
    assert not is_valid(body, "sha256=wrong", "s3cret")


def test_non_ascii_body_signed_raw_is_valid():
    body = json.dumps({"text": "बुखार 🤒 mangé"}, ensure_ascii=False).encode()
    assert is_valid(body, sign(body, "s3cret"), "s3cret")


def test_non_ascii_body_signed_in_escaped_form_is_valid():
    raw = json.dumps({"text": "みどりいろ 🤒"}, ensure_ascii=False).encode()
    escaped = json.dumps({"text": "みどりいろ 🤒"}).encode()  # \uXXXX, lowercase hex
    assert is_valid(raw, sign(escaped, "s3cret"), "s3cret")


@pytest.mark.skipif(not FIXTURES.exists(), reason="shared fixtures not present")
def test_published_vectors():
    vectors = json.loads((FIXTURES / "signatures.json").read_text())["vectors"]
    for vector in vectors:
        header = vector["x_hub_signature_256"]
        if header is None:
            continue
        body = vector.get("body_utf8", vector["body_as_signed"]).encode()
        assert is_valid(body, header, vector["app_secret"]) is vector["expect_valid"]
