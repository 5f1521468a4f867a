"""te: scheduled messages (reminders, package running low) and the digest's setting."""

TEXTS: dict[str, str | dict[str, str]] = {
    "reminder.nudge": "⏰ ఈరోజు {name} కోసం ఇంకా ఏమీ నమోదు కాలేదు. ఒక్క ట్యాప్‌తో నమోదు చేయండి:",
    "btn.reminder_holiday": "🏖 సెలవు",
    "package.low": {
        "one": "📦 {name}: ఈ నెల ప్యాకేజీలో ఇంకా {count} సెషన్ మాత్రమే మిగిలి ఉంది. "
        "క్లినిక్‌లో ప్యాకేజీని పునరుద్ధరించే సమయం వచ్చిందా?",
        "other": "📦 {name}: ఈ నెల ప్యాకేజీలో ఇంకా {count} సెషన్లు మాత్రమే మిగిలి ఉన్నాయి. "
        "క్లినిక్‌లో ప్యాకేజీని పునరుద్ధరించే సమయం వచ్చిందా?",
    },
    "package.carry_offer": {
        "one": "📅 {name}: ఈ నెలకు ఇంకా ప్లాన్ లేదు. గత నెల {count} సెషన్ మిగిలింది; "
        "దాన్ని ముందుకు తీసుకెళ్లడానికి *సెటప్* నొక్కండి.",
        "other": "📅 {name}: ఈ నెలకు ఇంకా ప్లాన్ లేదు. గత నెల {count} సెషన్లు మిగిలాయి; "
        "వాటిని ముందుకు తీసుకెళ్లడానికి *సెటప్* నొక్కండి.",
    },
    "row.settings_digest_days": "వారపు సారాంశం ఆన్",
    "row.settings_digest_days.desc": "ఇప్పుడు ఆఫ్; అది వచ్చే రోజు ఎంచుకోండి",
    "row.settings_digest_off": "వారపు సారాంశం ఆఫ్",
    "row.settings_digest_off.desc": "ఇప్పుడు ఆన్; ఆపడానికి నొక్కండి",
    "digest.pick_day": "📰 వారపు సారాంశం ఏ రోజు రావాలి? మీ సమయం ప్రకారం 18:00 నుండి వస్తుంది.",
    "digest.saved_on": "✅ వారపు సారాంశం ప్రతి {day} {time} నుండి వస్తుంది.",
    "digest.saved_off": "🔕 వారపు సారాంశం ఆఫ్‌లో ఉంది.",
}
