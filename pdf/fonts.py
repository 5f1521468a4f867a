"""The Noto fonts the PDF draws with, one per script, and the check that shaping works.

Hindi and Telugu are correct only when HarfBuzz shapes them (conjuncts, reordered matras);
reportlab does that only for Paragraphs whose style asks for it, and only with uharfbuzz."""

from __future__ import annotations

from functools import cache

import fontpkg
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

LATIN, DEVANAGARI, TELUGU = "NotoSans", "NotoSansDevanagari", "NotoSansTelugu"
FAMILIES = {LATIN: "Noto Sans", DEVANAGARI: "Noto Sans Devanagari", TELUGU: "Noto Sans Telugu"}
# The font a language's text is set in; text in another script switches font run by run.
BY_LANGUAGE = {"en": LATIN, "hi": DEVANAGARI, "te": TELUGU}
SCRIPT_RANGES = ((0x0900, 0x097F, DEVANAGARI), (0x0C00, 0x0C7F, TELUGU))
# Marks and joiners belong to whatever script surrounds them.
JOINERS = frozenset({"\u200c", "\u200d"})


@cache
def register_fonts() -> tuple[str, ...]:
    """Register the three fonts with reportlab once per process; returns their names."""
    for name, family in FAMILIES.items():
        pdfmetrics.registerFont(TTFont(name, fontpkg.path(family)))
    return tuple(FAMILIES)


def font(name: str) -> TTFont:
    register_fonts()
    found: TTFont = pdfmetrics.getFont(name)
    return found


def covers(name: str, text: str) -> bool:
    """Whether the font has a glyph for every character of `text` (no tofu boxes)."""
    mapped = font(name).face.charToGlyph
    return all(ord(char) in mapped for char in text)


def script_font(char: str, default: str) -> str:
    """The font for one character: its script's, or the paragraph's own for shared ones."""
    code = ord(char)
    return next((name for low, high, name in SCRIPT_RANGES if low <= code <= high), default)


def shaping_problem() -> str | None:
    """One line saying why Indic text would be drawn wrong, or None when shaping works."""
    try:
        register_fonts()
    except (OSError, ValueError) as error:
        return f"PDF fonts could not be loaded ({error}); install the fontpkg-noto-sans* packages"
    if not all(font(name).shapable for name in (DEVANAGARI, TELUGU)):
        return "PDF reports need HarfBuzz shaping: install reportlab[shaping] (uharfbuzz)"
    return None
