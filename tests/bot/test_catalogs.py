import re
import string
from collections.abc import Mapping
from datetime import date

import pytest

from dialog.commands import ALIASES, parse_command
from dialog.texts import CATALOGS, LANGUAGES, plural_categories, plural_category, t
from dialog.texts.dates import day_label

ENGLISH = CATALOGS["en"]

TITLE_LIMITS = {
    "btn.": 20,
    "row.": 24,
    "menu.more_button": 20,
    "menu.list_button": 20,
    "language.button": 20,
}
# Counts a plural entry is rendered with: CLDR's boundaries for our languages and a few beyond.
COUNTS = (0, 1, 2, 3, 5, 11, 21, 100, 101)
SCRIPTS = {"hi": re.compile(r"[\u0900-\u097f]"), "te": re.compile(r"[\u0c00-\u0c7f]")}


def texts(entry):
    """Every text of a catalog entry: itself, or each of its plural forms."""
    return list(entry.values()) if isinstance(entry, Mapping) else [entry]


def names(text):
    return {n for _, n, _, _ in string.Formatter().parse(text) if n}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_key_exists_in_every_language(language):
    missing = set(ENGLISH) - set(CATALOGS[language])
    extra = set(CATALOGS[language]) - set(ENGLISH)
    assert not missing, f"{language} lacks {sorted(missing)}"
    assert not extra, f"{language} has unknown keys {sorted(extra)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_titles_fit_whatsapp_limits(language):
    for key, entry in CATALOGS[language].items():
        for text in texts(entry):
            for prefix, limit in TITLE_LIMITS.items():
                if key.startswith(prefix) and not key.endswith(".desc"):
                    assert len(text) <= limit, f"{language} {key} is {len(text)} chars"
            if key.endswith(".desc"):
                assert len(text) <= 72, f"{language} {key} description too long"


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_match_english(language):
    for key, entry in CATALOGS[language].items():
        english = set().union(*(names(text) for text in texts(ENGLISH[key])))
        for text in texts(entry):
            assert names(text) == english, f"{language} {key} placeholders differ"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_key_with_plural_forms_has_them_in_every_language(language):
    for key, entry in CATALOGS[language].items():
        plural = isinstance(ENGLISH[key], Mapping)
        assert isinstance(entry, Mapping) == plural, f"{language} {key}: plural in one only"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_plural_entry_has_exactly_the_forms_its_language_needs(language):
    needed = plural_categories(language)
    for key, entry in CATALOGS[language].items():
        if isinstance(entry, Mapping):
            assert set(entry) == needed, f"{language} {key} has {sorted(entry)}, not {needed}"
            for form, text in entry.items():
                # the count is always written out: Hindi's "one" is also used for 0
                assert "count" in names(text), f"{language} {key} {form} does not show the count"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_plural_entry_renders_for_every_count(language):
    for key, entry in CATALOGS[language].items():
        if isinstance(entry, Mapping):
            values = {name: "x" for name in names(entry["other"])}
            for count in COUNTS:
                rendered = t(language, key, **{**values, "count": count})
                assert rendered == entry[plural_category(language, count)].format(
                    **{**values, "count": count}
                )


def test_cldr_rules_choose_the_forms():
    assert [plural_category("en", n) for n in (0, 1, 2)] == ["other", "one", "other"]
    assert [plural_category("hi", n) for n in (0, 1, 2)] == ["one", "one", "other"]
    assert [plural_category("te", n) for n in (0, 1, 2)] == ["other", "one", "other"]


def test_a_plural_entry_without_a_count_is_a_mistake_in_the_code():
    with pytest.raises(TypeError, match=r"holiday\.already"):
        t("en", "holiday.already")


@pytest.mark.parametrize(
    ("language", "count", "text"),
    [
        ("en", 1, "You have 1 invite. Tap it to accept:"),
        ("en", 2, "You have 2 invites. Pick the one to accept:"),
        ("hi", 1, "आपके पास 1 आमंत्रण है। स्वीकार करने के लिए उसे चुनें:"),
        ("hi", 3, "आपके पास 3 आमंत्रण हैं। जिसे स्वीकार करना है, उसे चुनें:"),
        ("te", 1, "మీకు 1 ఆహ్వానం ఉంది. అంగీకరించడానికి దాన్ని ఎంచుకోండి:"),
        ("te", 2, "మీకు 2 ఆహ్వానాలు ఉన్నాయి. అంగీకరించాల్సినదాన్ని ఎంచుకోండి:"),
    ],
)
def test_one_invite_is_singular(language, count, text):
    assert t(language, "invite.pick_accept", count=count) == text


def test_one_session_reads_singular_in_every_language():
    snapshot = {"name": "Asha", "total": 14, "left": 13}
    assert t("te", "menu.snapshot", count=1, **snapshot) == "📅 Asha: 14లో 1 సెషన్ అయింది, మిగిలినవి 13."
    assert t("hi", "status.today_attended", count=1) == "आज: ✅ 1 सत्र हुआ"
    assert t("hi", "status.today_attended", count=3) == "आज: ✅ 3 सत्र हुए"
    assert t("te", "streak.next", weeks=4, count=1) == "🎯 తదుపరి మైలురాయి: 4 వారాలు (ఇంకా 1 వారం)"
    assert t("en", "log.count", count=1) == "1 session"


def test_going_past_the_package_and_what_carries_agree_with_their_count():
    beyond = {"name": "Asha", "total": 1, "beyond": 1}
    assert t("hi", "menu.snapshot_beyond", count=1, **beyond) == (
        "📅 Asha: 1 में से 1 सत्र हो चुका, 1 पैकेज से ज़्यादा।"
    )
    assert t("te", "menu.snapshot_beyond", count=2, **beyond) == (
        "📅 Asha: 1లో 2 సెషన్లు అయ్యాయి, ప్యాకేజీ దాటినవి 1."
    )
    assert t("hi", "summary.carry", count=1).endswith("अगले महीने जाएगा: 1")
    assert t("hi", "summary.carry", count=2).endswith("अगले महीने जाएँगे: 2")
    assert t("te", "summary.carry", count=1).endswith("వచ్చే నెలకు వెళ్తుంది: 1")
    assert t("te", "summary.carry", count=3).endswith("వచ్చే నెలకు వెళ్తాయి: 3")


def test_hindi_says_this_day_for_a_single_holiday():
    values = {"name": "Asha", "span": "x"}
    assert "यह दिन" in t("hi", "holiday.marked", count=1, **values)
    assert "ये दिन" in t("hi", "holiday.marked", count=2, **values)


# A number right before a counted noun ("{count} sessions", "{n} more updates").
COUNTED = re.compile(
    r"\{\w+\} (?:[a-z]+ )?(?:sessions|days|weeks|invites|updates|notes|characters)\b"
)
# Numbers that are never 1: a range longer than the 62-day limit, the note length limit.
ALWAYS_MANY = {"bulk.error.range_too_long", "note.too_long"}


def test_every_counted_noun_has_plural_forms():
    for key, entry in ENGLISH.items():
        counted = any(COUNTED.search(text) for text in texts(entry))
        if counted and key not in ALWAYS_MANY:
            assert isinstance(entry, Mapping), f"{key} counts a noun but has no plural forms"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_text_hedges_a_plural_with_brackets(language):
    for key, entry in CATALOGS[language].items():
        for text in texts(entry):
            assert not re.search(r"\((s|es|లు|ों|ें)\)", text), f"{language} {key}: {text}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_day_patterns_format_through_babel(language):
    assert day_label(language, date(2026, 12, 1))
    assert "2026" in day_label(language, date(2026, 12, 1), with_year=True)


def test_telugu_case_endings_follow_the_days_number():
    # "{day}న" must read "డిసెంబర్ 1న", never a suffix glued to the month ("డిసెంబర్న")
    assert day_label("te", date(2026, 12, 1)) == "మంగళ డిసెంబర్ 1"
    assert day_label("te", date(2025, 12, 1), with_year=True) == "సోమ డిసెం 1, 2025"
    for key, entry in CATALOGS["te"].items():
        for text in texts(entry):
            assert "} న " not in text, f"te {key}: న stands apart from its day"


def help_items(language):
    return re.findall(r"\*([^*]+)\*", t(language, "help"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_word_the_help_lists_is_understood(language):
    for item in help_items(language):
        assert parse_command(item) is not None, f"{language} help lists {item!r}"


@pytest.mark.parametrize("language", ["hi", "te"])
def test_help_lists_the_native_word_wherever_there_is_one(language):
    script = SCRIPTS[language]
    listed: dict[str, list[str]] = {}
    for item in help_items(language):
        command = parse_command(item)
        assert command is not None
        listed.setdefault(command.name, []).append(item)
    for name, items in listed.items():
        if any(script.search(word) for word in ALIASES[name]):
            assert any(script.search(item) for item in items), f"{language} help: {items}"
