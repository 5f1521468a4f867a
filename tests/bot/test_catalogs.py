import pytest

from dialog.texts import CATALOGS, LANGUAGES

ENGLISH = CATALOGS["en"]

TITLE_LIMITS = {
    "btn.": 20,
    "row.": 24,
    "menu.more_button": 20,
    "menu.list_button": 20,
    "language.button": 20,
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_key_exists_in_every_language(language):
    missing = set(ENGLISH) - set(CATALOGS[language])
    extra = set(CATALOGS[language]) - set(ENGLISH)
    assert not missing, f"{language} lacks {sorted(missing)}"
    assert not extra, f"{language} has unknown keys {sorted(extra)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_titles_fit_whatsapp_limits(language):
    for key, text in CATALOGS[language].items():
        for prefix, limit in TITLE_LIMITS.items():
            if key.startswith(prefix) and not key.endswith(".desc"):
                assert len(text) <= limit, f"{language} {key} is {len(text)} chars"
            if key.endswith(".desc"):
                assert len(text) <= 72, f"{language} {key} description too long"


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_match_english(language):
    import string

    for key, text in CATALOGS[language].items():
        names = {n for _, n, _, _ in string.Formatter().parse(text) if n}
        english = {n for _, n, _, _ in string.Formatter().parse(ENGLISH[key]) if n}
        assert names == english, f"{language} {key} placeholders differ"
