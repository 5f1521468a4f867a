"""hi: scheduled messages (reminders, package running low) and the digest's setting."""

TEXTS: dict[str, str | dict[str, str]] = {
    "reminder.nudge": "⏰ आज {name} के लिए अभी कुछ दर्ज नहीं हुआ है। एक टैप में दर्ज करें:",
    "btn.reminder_holiday": "🏖 छुट्टी",
    "package.low": {
        "one": "📦 {name}: इस महीने के पैकेज में अब बस {count} सेशन बचा है। "
        "क्लिनिक से पैकेज नया करवाने का समय आ गया है?",
        "other": "📦 {name}: इस महीने के पैकेज में अब बस {count} सेशन बचे हैं। "
        "क्लिनिक से पैकेज नया करवाने का समय आ गया है?",
    },
    "package.carry_offer": {
        "one": "📅 {name}: इस महीने का प्लान अभी नहीं बना है। पिछले महीने {count} सेशन "
        "बचा था; उसे आगे ले जाने के लिए *सेटअप* दबाएँ।",
        "other": "📅 {name}: इस महीने का प्लान अभी नहीं बना है। पिछले महीने {count} सेशन "
        "बचे थे; उन्हें आगे ले जाने के लिए *सेटअप* दबाएँ।",
    },
    "row.settings_digest_days": "साप्ताहिक सार चालू करें",
    "row.settings_digest_days.desc": "अभी बंद है; दिन चुनें",
    "row.settings_digest_off": "साप्ताहिक सार बंद करें",
    "row.settings_digest_off.desc": "अभी चालू है; रोकने के लिए दबाएँ",
    "digest.pick_day": "📰 साप्ताहिक सार किस दिन आए? यह आपके समय के अनुसार {time} बजे से आएगा।",
    "digest.card_on": "📰 साप्ताहिक सार हर {day} को {time} बजे से आता है।",
    "digest.card_off": "📰 साप्ताहिक सार बंद है। चालू होने पर यह हर {day} को {time} बजे से आएगा।",
    "digest.typed_hint": "आप यह भी लिख सकते हैं: *सार का समय 8pm*, *सार का समय रविवार* या "
    "*सार का समय off*।",
    "digest.not_understood": "सार की यह सेटिंग मुझे समझ नहीं आई।",
    "digest.pick_period": "📰 साप्ताहिक सार कब आए? दिन का हिस्सा चुनें:",
    "btn.digest_day": "दिन बदलें",
    "package_alert.summary": {
        "one": "📦 {name}: पैकेज नया करवाने की याद तब आएगी जब {count} सेशन बचा हो।",
        "other": "📦 {name}: पैकेज नया करवाने की याद तब आएगी जब {count} सेशन बचे हों।",
    },
    "package_alert.pick": "बचे सेशन की कोई और संख्या चुनें, या लिखें, जैसे *पैकेज अलर्ट 3*।",
    "package_alert.invalid": "बचे सेशन की संख्या 0 से {most} तक लिखें, जैसे *पैकेज अलर्ट 3*।",
    "digest.saved_on": "✅ साप्ताहिक सार हर {day} को {time} बजे से आएगा।",
    "digest.saved_off": "🔕 साप्ताहिक सार बंद है।",
}
