"""Encryption at rest for payloads and free text: several Fernet keys, the first encrypts.

Values are written as the Fernet token's base64 text. Reading also takes the token's bytes, a
quarter smaller on disk and in the write-ahead log: a later release may write those only once
no running instance, and none a rollback could return to, reads text alone (this one reads
both)."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet


class CipherError(Exception):
    """Stored data could not be decrypted with any configured key."""


class Cipher:
    """Encrypts with the first key and decrypts with any, so keys can rotate."""

    def __init__(self, keys: list[str]) -> None:
        if not keys:
            msg = "at least one encryption key is required"
            raise ValueError(msg)
        fernets = [Fernet(key.encode()) for key in keys]
        self._current = fernets[0]
        self._fernet = MultiFernet(fernets)

    @staticmethod
    def new_key() -> str:
        return Fernet.generate_key().decode()

    def encrypt(self, plain: bytes) -> bytes:
        return self._fernet.encrypt(plain)

    def decrypt(self, stored: bytes) -> bytes:
        return _with_some_key(self._fernet.decrypt, stored)

    def encrypt_text(self, text: str) -> bytes:
        return self.encrypt(text.encode())

    def decrypt_text(self, token: bytes) -> str:
        return self.decrypt(token).decode()

    def encrypt_json(self, value: Any) -> bytes:
        return self.encrypt(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())

    def decrypt_json(self, token: bytes) -> Any:
        return json.loads(self.decrypt(token))

    def rotate(self, stored: bytes) -> bytes:
        """Re-encrypt an old value under the first (current) key."""
        return _with_some_key(self._fernet.rotate, stored)

    def is_current(self, stored: bytes) -> bool:
        """Encrypted under the first key, so a rekey can leave it as it is."""
        try:
            self._current.decrypt(_token(stored))
        except InvalidToken:
            return False
        return True


# A token's first byte is its version, 0x80; as text it begins "gAAAAA".
_VERSION = 0x80


def _token(stored: bytes) -> bytes:
    """The token Fernet reads, from either stored form."""
    stored = bytes(stored)
    return base64.urlsafe_b64encode(stored) if stored[:1] == bytes([_VERSION]) else stored


def _with_some_key(work: Callable[[bytes], bytes], stored: bytes) -> bytes:
    try:
        return work(_token(stored))
    except InvalidToken as e:
        msg = "stored data does not decrypt with any configured key"
        raise CipherError(msg) from e
