"""Encryption at rest for payloads and free text: several Fernet keys, the first encrypts."""

from __future__ import annotations

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

    def decrypt(self, token: bytes) -> bytes:
        return _with_some_key(self._fernet.decrypt, token)

    def encrypt_text(self, text: str) -> bytes:
        return self.encrypt(text.encode())

    def decrypt_text(self, token: bytes) -> str:
        return self.decrypt(token).decode()

    def encrypt_json(self, value: Any) -> bytes:
        return self.encrypt(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())

    def decrypt_json(self, token: bytes) -> Any:
        return json.loads(self.decrypt(token))

    def rotate(self, token: bytes) -> bytes:
        """Re-encrypt an old token under the first (current) key."""
        return _with_some_key(self._fernet.rotate, token)

    def is_current(self, token: bytes) -> bool:
        """Encrypted under the first key, so a rotation can leave it as it is."""
        try:
            self._current.decrypt(bytes(token))
        except InvalidToken:
            return False
        return True


def _with_some_key(work: Callable[[bytes], bytes], token: bytes) -> bytes:
    try:
        return work(bytes(token))
    except InvalidToken as e:
        msg = "stored data does not decrypt with any configured key"
        raise CipherError(msg) from e
