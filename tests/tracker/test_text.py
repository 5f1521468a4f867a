"""The one normaliser for names and free text, on fixed cases and on generated text."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.text import BIDI_CONTROLS, clean_free_text, clean_person_name

ANY_TEXT = st.text(st.characters(codec=None), max_size=80)


def test_free_text_loses_controls_but_keeps_lines_and_indic_joiners():
    typed = "Fever\x00 🤒\r\n\tगया\u200dथा\x1b[31m \u202eevil\ud800"
    assert clean_free_text(typed) == "Fever 🤒\n\tगया\u200dथा[31m \u202eevil\ufffd"


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("  As\x00ha  Rao ", "Asha Rao"),
        ("అన్వి", "అన్వి"),
        ("\u202eahsA", None),
        ("Asha\u2066", None),
        ("\u200b\u200b", None),
        ("\u200b \x00 \u2060", None),
        ("", None),
    ],
)
def test_names_refuse_direction_overrides_and_invisible_text(typed, name):
    assert clean_person_name(typed) == name


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_free_text_can_always_be_stored(typed):
    cleaned = clean_free_text(typed)
    cleaned.encode("utf-8")  # no lone surrogate left
    assert "\x00" not in cleaned
    assert all(unicodedata.category(ch) != "Cc" for ch in cleaned if ch not in "\n\t")


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_a_name_is_one_visible_line_or_refused(typed):
    name = clean_person_name(typed)
    if name is not None:
        assert name == name.strip() and "\n" not in name and "\t" not in name
        assert any(unicodedata.category(ch)[0] not in "CZ" for ch in name)
        assert not BIDI_CONTROLS & set(typed)
