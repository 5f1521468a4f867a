"""Every word the bot reads has its place in each language, like the catalogs' texts."""

import pytest

from tracker.words import LANGUAGES, find_phrase, whole_phrase, words

ENGLISH = LANGUAGES["en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_concept_has_words_in_every_language(language):
    for kind, concepts in ENGLISH.items():
        theirs = LANGUAGES[language][kind]
        assert set(theirs) == set(concepts), f"{language} {kind} concepts differ from English"
        empty = sorted(concept for concept, said in theirs.items() if not said)
        assert not empty, f"{language} has no {kind} words for {empty}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_every_kind(language):
    assert set(LANGUAGES[language]) == set(ENGLISH)


# "done" may come before or after a count ("done 2", "2 done"): only there may a word repeat.
@pytest.mark.parametrize("kind", [kind for kind in ENGLISH if kind != "counts"])
def test_a_word_means_one_concept_within_a_kind(kind):
    seen: dict[str, str] = {}
    for concept, said in words(kind).items():
        for word in said:
            assert seen.setdefault(word.casefold(), concept) == concept, f"{kind}: {word!r}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thanks!", "thanks"),
        ("thank you 🙏", None),  # a phrase then a symbol is not the whole of one phrase
        ("👍", "ok"),
        ("👍🏽", "ok"),
        ("धन्यवाद", "thanks"),
        ("ठीक है", "ok"),
        ("ధన్యవాదాలు", "thanks"),
        ("సరే", "ok"),
        ("ok, see you", None),
    ],
)
def test_small_talk_is_the_whole_message(text, expected):
    assert whole_phrase("small_talk", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we went today", "attended"),
        ("Aarav had fever today so we didn't go", "missed"),
        ("we didn’t go today", "missed"),
        ("आज हम नहीं जा पाए, बुखार था", "missed"),
        ("आज सत्र हुआ", "attended"),
        ("ఈరోజు వెళ్ళలేదు, జ్వరం", "missed"),
        ("ఈరోజు క్లాస్ జరిగింది", "attended"),
        ("what is the weather", None),
    ],
)
def test_sentences_about_a_session(text, expected):
    assert find_phrase("sentences", text) == expected


# Parents type English commands in their own script as often as they type the native word.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("स्टेटस", "status"),
        ("हेल्प", "help"),
        ("స్టేటస్", "status"),
        ("హెల్ప్", "help"),
    ],
)
def test_english_commands_spelt_in_devanagari_or_telugu(text, expected):
    assert whole_phrase("commands", text) == expected
