"""hi: what a member hears when a feature needs Pro (payments/features.py)."""

from dialog.texts.merge import Entry

TEXTS: dict[str, Entry] = {
    "pro.gate.refused": "🌟 {feature} के लिए *{plan}* चाहिए। सत्र दर्ज करना, स्थिति और सारांश "
    "मुफ़्त ही रहते हैं। प्लान देखने और लेने के लिए *go pro* लिखें।",
}
