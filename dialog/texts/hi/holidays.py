"""hi: holidays."""

TEXTS = {
    "holiday.pick": "किन दिनों छुट्टी है (थेरेपी नहीं)?",
    "holiday.button": "चुनें",
    "row.holiday.today": "आज",
    "row.holiday.next3": "अगले 3 दिन",
    "row.holiday.next7": "अगले 7 दिन",
    "row.holiday.range": "तारीखें चुनें",
    "holiday.ask_range": (
        "छुट्टी का पहला और आख़िरी दिन लिखें, जैसे *24/12 - 28/12* या "
        "*2026-12-24..2026-12-28* (एक दिन भी चलेगा)।"
    ),
    "holiday.bad_range": (
        "ये तारीखें समझ नहीं आईं। ऐसे लिखें: *24/12 - 28/12* (ज़्यादा से ज़्यादा 62 दिन, पहला दिन आख़िरी से पहले)।"
    ),
    "holiday.before_start": "इस बच्चे की ट्रैकिंग {day} से शुरू होती है; उसके बाद के दिन चुनें।",
    "holiday.conflict": (
        "{days} को सत्र पहले से दर्ज हैं। उन्हें छुट्टी से बदलें, या उन्हें रखकर बाकी दिनों को ही छुट्टी करें?"
    ),
    "holiday.conflict_all": "{days} को पहले से कुछ दर्ज है। छुट्टी से बदलें, या रद्द करें?",
    "holiday.confirm_replace_again": "कृपया *बदलें* या *रद्द करें* दबाएँ।",
    "holiday.confirm_again": "कृपया *बदलें* या *सत्र रखें* दबाएँ।",
    "btn.holiday_replace": "बदलें",
    "btn.holiday_skip": "सत्र रखें",
    "btn.holiday_cancel": "रद्द करें",
    "holiday.expired": "वह सवाल बंद हो चुका है। फिर से शुरू करने के लिए *holiday* लिखें।",
    "holiday.nothing": "छुट्टी के लिए कोई दिन नहीं बचा।",
    "holiday.span": "{first} से {last}",
    "holiday.marked": {
        "one": "🏖️ {name} के लिए {count} दिन की छुट्टी दर्ज: {span}। यह दिन न "
        "इस्तेमाल गिना जाता है, न छूटा।",
        "other": "🏖️ {name} के लिए {count} दिन की छुट्टी दर्ज: {span}। ये दिन न इस्तेमाल गिने जाते हैं, न छूटे।",
    },
    "holiday.already": {
        "one": "(इनमें से {count} दिन पहले से दर्ज था।)",
        "other": "(इनमें से {count} दिन पहले से दर्ज थे।)",
    },
}
