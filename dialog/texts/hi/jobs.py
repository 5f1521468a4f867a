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
    "digest.pick_day": "📰 साप्ताहिक सार किस दिन आए? यह आपके समय के अनुसार 18:00 बजे से आएगा।",
    "digest.saved_on": "✅ साप्ताहिक सार हर {day} को {time} बजे से आएगा।",
    "digest.saved_off": "🔕 साप्ताहिक सार बंद है।",
}
