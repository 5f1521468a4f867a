import pytest

from tracker.reasons import CATEGORIES, categorize


@pytest.mark.parametrize(
    ("reason", "category"),
    [
        ("fever", "health"),
        ("Child has FEVER", "health"),
        ("🤒 fever!!", "health"),
        ("🤒", "health"),
        ("kid was ill", "health"),
        ("not well today", "health"),
        ("bukhar", "health"),
        ("बच्चे को बुखार है", "health"),
        ("तबीयत ठीक नहीं", "health"),
        ("मेरा बेटा बीमार है।", "health"),
        ("పాపకు జ్వరం", "health"),
        ("అనారోగ్యం", "health"),
        ("out of station", "travel"),
        ("We are OUT OF STATION this week", "travel"),
        ("family trip ✈️", "family"),  # the earliest phrase decides
        ("सफ़र में थे", "travel"),
        ("यात्रा", "travel"),
        ("ప్రయాణం", "travel"),
        ("therapist unavailable", "therapist"),
        ("Therapist was ill", "therapist"),
        ("doctor on leave", "therapist"),
        ("doctor visit", "health"),
        ("school exam", "school"),
        ("exams", "school"),
        ("स्कूल", "school"),
        ("परीक्षा थी", "school"),
        ("స్కూల్", "school"),
        ("పరీక్ష", "school"),
        ("cousin's wedding", "family"),
        ("शादी में गए थे", "family"),
        ("పెళ్లి", "family"),
        ("heavy rain", "transport"),
        ("train was late", "transport"),
        ("stuck in traffic 🚗", "transport"),
        ("बारिश", "transport"),
        ("ट्रैफिक जाम", "transport"),
        ("వర్షం", "transport"),
        ("ట్రాఫిక్", "transport"),
        ("🌧️", "transport"),
    ],
)
def test_categorize(reason: str, category: str) -> None:
    assert categorize(reason) == category


@pytest.mark.parametrize(
    "reason",
    [
        "I will come tomorrow",  # "will" is not "ill"
        "brain gym class",  # "brain" is not "rain"
        "strained muscle? no, skipped",
        "well, we forgot",
        "👍",
        "kuch kaam tha",
    ],
)
def test_substrings_do_not_match(reason: str) -> None:
    assert categorize(reason) == "other"


@pytest.mark.parametrize("reason", ["", "   ", "...", "!!"])
def test_empty_reasons_are_unspecified(reason: str) -> None:
    assert categorize(reason) == "unspecified"


@pytest.mark.parametrize("spelling", ["स\u095eर", "सफ\u093cर"])
def test_devanagari_nukta_precomposed_or_not(spelling: str) -> None:
    assert categorize(f"{spelling} में थे") == "travel"


def test_joiners_inside_words_do_not_split_them() -> None:
    assert categorize("పెళ్\u200cలి") == "family"


def test_every_category_is_reachable() -> None:
    samples = ("fever", "trip", "therapist", "school", "wedding", "traffic", "cricket")
    assert tuple(categorize(sample) for sample in samples) == CATEGORIES
