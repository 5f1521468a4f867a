"""en: what a member hears when a feature needs Pro (payments/features.py)."""

from dialog.texts.merge import Entry

TEXTS: dict[str, Entry] = {
    "pro.gate.refused": "🌟 {feature} comes with *{plan}*. Logging, status and summaries stay "
    "free. Type *go pro* to see the plans and get it.",
}
