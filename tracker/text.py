"""Text people send, made safe to keep and to show to others: the one normaliser for names
and free text (notes, reasons, answers)."""

from __future__ import annotations

import unicodedata

# Embeddings, overrides and isolates (and the marks): they can make a name read backwards to
# the rest of the family. Zero-width joiners are not among them: Indic spelling needs them.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
KEPT_CONTROLS = frozenset("\n\t")
_SURROGATES = {c: 0xFFFD for c in range(0xD800, 0xE000)}
_FREE_TEXT = {
    c: None for c in (*range(0x20), *range(0x7F, 0xA0)) if chr(c) not in KEPT_CONTROLS
} | _SURROGATES


def without_lone_surrogates(text: str) -> str:
    """Each lone surrogate (which UTF-8 cannot hold, so nothing can store) as U+FFFD."""
    return text.translate(_SURROGATES)


def clean_free_text(text: str) -> str:
    """NUL and other control characters (but newline and tab) removed; a lone surrogate
    becomes U+FFFD. Formatting characters stay: only a name must not carry overrides."""
    return text.translate(_FREE_TEXT)


def clean_person_name(text: str) -> str | None:
    """A name on one line, spaces collapsed; None when it carries direction overrides or
    nothing visible (only spaces or zero-width characters)."""
    if any(ch in BIDI_CONTROLS for ch in text):
        return None
    name = " ".join(clean_free_text(text).split())
    if not any(unicodedata.category(ch)[0] not in "CZ" for ch in name):
        return None
    return name


# Devanagari and Telugu digits, one for one, so positions in the text stay where they were.
_DIGITS = {
    ord(ch): str(value)
    for start in (0x0966, 0x0C66)
    for value, ch in enumerate(map(chr, range(start, start + 10)))
}


def ascii_digits(text: str) -> str:
    """ "२ सत्र" → "2 सत्र", "౧౨" → "12": the digits of our scripts as 0-9."""
    return text.translate(_DIGITS)
