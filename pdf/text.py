"""Paragraph markup for any text: escaped, each script in a font that has its glyphs."""

from __future__ import annotations

import unicodedata
from functools import cache
from xml.sax.saxutils import escape

from pdf.fonts import DEVANAGARI, LATIN, SCRIPT_RANGES, TELUGU, covers

FALLBACKS = (LATIN, DEVANAGARI, TELUGU)


@cache
def font_for(char: str, default: str) -> str | None:
    """The font to draw one character with: its script's, the paragraph's, or any that has it;
    None when no font has it (an emoji), so it is left out rather than drawn as a box."""
    code = ord(char)
    script = [name for low, high, name in SCRIPT_RANGES if low <= code <= high]
    return next((name for name in (*script, default, *FALLBACKS) if covers(name, char)), None)


def _joins(char: str) -> bool:
    # Marks, joiners and variation selectors belong to the character before them.
    return unicodedata.category(char) in {"Mn", "Mc", "Me", "Cf"}


def runs(text: str, default: str) -> list[tuple[str, str]]:
    """`text` cut into (font, text) runs; characters no font has are dropped."""
    found: list[tuple[str, str]] = []
    for char in text:
        if _joins(char):
            name = found[-1][0] if found and covers(found[-1][0], char) else None
        else:
            name = font_for(char, default)
        if name is None:
            continue
        if found and found[-1][0] == name:
            found[-1] = (name, found[-1][1] + char)
        else:
            found.append((name, char))
    return found


def markup(text: str, default: str) -> str:
    """Paragraph markup drawing `text` in `default`, switching font only where needed."""
    return "".join(
        escape(part) if name == default else f'<font name="{name}">{escape(part)}</font>'
        for name, part in runs(text, default)
    )


def dropped(text: str, default: str) -> str:
    """The characters of `text` that no font can draw."""
    kept = "".join(part for _, part in runs(text, default))
    return "".join(char for char in text if char not in kept)
