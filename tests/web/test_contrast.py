"""Every theme, light and dark, meets WCAG AA (4.5:1) for each text colour on its background,
computed from the values in web/styles/calendar.css."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CSS = (Path(__file__).parents[2] / "web" / "styles" / "calendar.css").read_text()
THEMES = ("sunrise", "ocean", "forest")
PAIRS = [
    ("fg", "bg"),
    ("fg", "card"),
    ("muted", "bg"),
    ("muted", "card"),
    ("accent", "bg"),
    ("accent", "card"),
    ("on-accent", "accent"),
    ("on-danger", "danger"),
    ("attended-fg", "attended-bg"),
    ("missed-fg", "missed-bg"),
    ("holiday-fg", "holiday-bg"),
    ("empty-fg", "empty-bg"),
]
AA = 4.5


def variables(block: str) -> dict[str, str]:
    return dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6})", block))


def theme_blocks(css: str, theme: str) -> list[dict[str, str]]:
    """The theme's variables in the light block and in the dark (prefers-color-scheme) one."""
    pattern = re.compile(r'html\[data-theme="' + theme + r'"\]\s*\{([^}]*)\}')
    return [variables(block) for block in pattern.findall(css)]


def luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_is_computed_as_wcag_defines_it():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("theme", THEMES)
def test_every_theme_meets_aa_in_light_and_dark(theme):
    blocks = theme_blocks(CSS, theme)
    assert len(blocks) == 2  # light, then dark
    for mode, colours in zip(("light", "dark"), blocks, strict=True):
        for text, background in PAIRS:
            ratio = contrast(colours[text], colours[background])
            assert ratio >= AA, f"{theme} {mode}: {text} on {background} is {ratio:.2f}"


def test_dark_variants_follow_the_phone_setting():
    dark = CSS[CSS.index("@media (prefers-color-scheme: dark)") :]
    assert all(f'html[data-theme="{theme}"]' in dark for theme in THEMES)
