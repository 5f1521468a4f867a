"""Why a session was missed, sorted into a few categories by whole words in any of our languages."""

from __future__ import annotations

import unicodedata

CATEGORIES = ("health", "travel", "therapist", "school", "family", "transport", "other")
UNSPECIFIED = "unspecified"

_KEYWORDS: dict[str, tuple[str, ...]] = {
    "health": (
        "sick",
        "ill",
        "illness",
        "unwell",
        "not well",
        "not feeling well",
        "fever",
        "cold",
        "stomach",
        "stomach ache",
        "loose motion",
        "cough",
        "flu",
        "health",
        "hospital",
        "doctor",
        "vomiting",
        "loose motions",
        "diarrhea",
        "diarrhoea",
        "infection",
        "injury",
        "hurt",
        "pain",
        "teething",
        "vaccine",
        "vaccination",
        "covid",
        "🤒",
        "🤧",
        "🤢",
        "🤮",
        "🏥",
        "बुखार",
        "बीमार",
        "बीमारी",
        "तबीयत",
        "तबियत",
        "सर्दी",
        "खांसी",
        "जुकाम",
        "अस्पताल",
        "bukhar",
        "bimar",
        "beemar",
        "tabiyat",
        "జ్వరం",
        "అనారోగ్యం",
        "దగ్గు",
        "జలుబు",
        "ఆసుపత్రి",
        "jwaram",
        "jvaram",
    ),
    "travel": (
        "travel",
        "travelling",
        "traveling",
        "trip",
        "vacation",
        "holiday",
        "out of station",
        "out of town",
        "outstation",
        "hometown",
        "native place",
        "village",
        "✈",
        "सफ़र",
        "सफर",
        "यात्रा",
        "गांव",
        "गाँव",
        "safar",
        "yatra",
        "ప్రయాణం",
        "ఊరు",
        "prayanam",
    ),
    "therapist": (
        "therapist",
        "therapist unavailable",
        "therapist on leave",
        "doctor unavailable",
        "doctor on leave",
        "doctor not available",
        "provider unavailable",
        "centre closed",
        "center closed",
        "clinic closed",
        "थेरेपिस्ट",
        "थेरपिस्ट",
        "థెరపిస్ట్",
    ),
    "school": (
        "school",
        "exam",
        "exams",
        "tuition",
        "annual day",
        "sports day",
        "ptm",
        "स्कूल",
        "परीक्षा",
        "इम्तिहान",
        "pariksha",
        "స్కూల్",
        "పరీక్ష",
        "పరీక్షలు",
        "బడి",
    ),
    "family": (
        "family",
        "function",
        "guest",
        "guests",
        "relatives",
        "wedding",
        "marriage",
        "funeral",
        "festival",
        "puja",
        "pooja",
        "birthday",
        "ceremony",
        "शादी",
        "परिवार",
        "मेहमान",
        "त्योहार",
        "पूजा",
        "shaadi",
        "shadi",
        "పెళ్లి",
        "పెళ్ళి",
        "కుటుంబం",
        "పండుగ",
        "pelli",
        "panduga",
    ),
    "transport": (
        "rain",
        "raining",
        "rains",
        "flood",
        "traffic",
        "transport",
        "vehicle",
        "bus",
        "auto",
        "cab",
        "taxi",
        "train",
        "breakdown",
        "puncture",
        "strike",
        "bandh",
        "🌧",
        "☔",
        "बारिश",
        "ट्रैफिक",
        "ट्रैफ़िक",
        "जाम",
        "barish",
        "baarish",
        "వర్షం",
        "వాన",
        "ట్రాఫిక్",
        "varsham",
    ),
}

# Joiners and emoji presentation selectors sit inside words and emoji without changing them.
_INVISIBLE = dict.fromkeys(map(ord, "\u200c\u200d\ufe0e\ufe0f"))


def _tokens(text: str) -> tuple[str, ...]:
    """Words (letters with their combining marks, digits) and single symbols such as emoji."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_INVISIBLE)
    found: list[str] = []
    word = ""
    for char in text:
        category = unicodedata.category(char)
        if category[0] in "LMN":
            word += char
            continue
        if word:
            found.append(word)
            word = ""
        if category == "So":
            found.append(char)
    return (*found, word) if word else tuple(found)


_PHRASES = sorted(
    ((_tokens(phrase), category) for category, words in _KEYWORDS.items() for phrase in words),
    key=lambda entry: -len(entry[0]),
)


def categorize(reason: str) -> str:
    """The category of a missed-session reason; the earliest matching phrase in it decides."""
    words = _tokens(reason)
    if not words:
        return UNSPECIFIED
    for start in range(len(words)):
        for phrase, category in _PHRASES:
            if words[start : start + len(phrase)] == phrase:
                return category
    return "other"
