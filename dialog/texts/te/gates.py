"""te: what a member hears when a feature needs Pro (payments/features.py)."""

from dialog.texts.merge import Entry

TEXTS: dict[str, Entry] = {
    "pro.gate.refused": "🌟 {feature} కోసం *{plan}* కావాలి. సెషన్‌లు నమోదు చేయడం, స్థితి, "
    "సారాంశాలు ఉచితంగానే ఉంటాయి. ప్లాన్‌లు చూసి తీసుకోవడానికి *go pro* అని టైప్ చేయండి.",
}
