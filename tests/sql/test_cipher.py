"""Encryption at rest: values are stored as Fernet's bytes, not their base64 text (a quarter
smaller, on disk and in the log); values stored as text before still read and rotate."""

from cryptography.fernet import Fernet

from sql.cipher import Cipher

KEY, OLD_KEY = Cipher.new_key(), Cipher.new_key()


def test_a_value_is_stored_as_the_tokens_bytes():
    stored = Cipher([KEY]).encrypt(b"x" * 600)
    # version, time and IV (25 bytes), 608 of padded ciphertext, the HMAC (32): 665 bytes,
    # where the token's text is 888 characters
    assert len(stored) == 665
    assert Cipher([KEY]).decrypt(stored) == b"x" * 600


def test_a_value_stored_as_text_before_still_reads():
    text = Fernet(KEY.encode()).encrypt("Asha said “Mama”".encode())
    assert Cipher([KEY]).decrypt_text(text) == "Asha said “Mama”"


def test_rotation_reads_either_form_and_writes_bytes_under_the_first_key():
    old = Cipher([OLD_KEY])
    cipher = Cipher([KEY, OLD_KEY])
    for stored in (old.encrypt(b"note"), Fernet(OLD_KEY.encode()).encrypt(b"note")):
        assert not cipher.is_current(stored)
        fresh = cipher.rotate(stored)
        assert cipher.is_current(fresh)
        assert len(fresh) < len(Fernet(KEY.encode()).encrypt(b"note"))
        assert Cipher([KEY]).decrypt(fresh) == b"note"
    # text under the first key is rewritten too, as bytes
    assert not cipher.is_current(Fernet(KEY.encode()).encrypt(b"note"))
