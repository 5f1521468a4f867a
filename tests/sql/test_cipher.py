"""Encryption at rest: values are written as Fernet's token text, and a value stored as the
token's bytes (a quarter smaller, for a later release to write) reads and rotates too."""

import base64

from cryptography.fernet import Fernet

from sql.cipher import Cipher

KEY, OLD_KEY = Cipher.new_key(), Cipher.new_key()


def as_bytes(token: bytes) -> bytes:
    return base64.urlsafe_b64decode(token)


def test_a_value_is_written_as_text_that_this_and_earlier_versions_read():
    stored = Cipher([KEY]).encrypt("Asha said “Mama”".encode())
    assert Fernet(KEY.encode()).decrypt(stored).decode() == "Asha said “Mama”"


def test_a_value_stored_as_the_tokens_bytes_reads():
    stored = as_bytes(Fernet(KEY.encode()).encrypt(b"x" * 600))
    # version, time and IV (25 bytes), 608 of padded ciphertext, the HMAC (32): 665 bytes,
    # where the token's text is 888 characters
    assert len(stored) == 665
    assert Cipher([KEY]).decrypt(stored) == b"x" * 600


def test_rotation_reads_either_form_and_writes_under_the_first_key():
    cipher = Cipher([KEY, OLD_KEY])
    old = Fernet(OLD_KEY.encode()).encrypt(b"note")
    for stored in (old, as_bytes(old)):
        assert not cipher.is_current(stored)
        fresh = cipher.rotate(stored)
        assert cipher.is_current(fresh)
        assert Fernet(KEY.encode()).decrypt(fresh) == b"note"
    assert cipher.is_current(as_bytes(Fernet(KEY.encode()).encrypt(b"note")))
