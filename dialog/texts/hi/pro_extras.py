"""hi: what Pro gates (payments/features.py), the monthly PDF push and the Pro expiry nudges."""

from dialog.texts.merge import Entry

TEXTS: dict[str, Entry] = {
    "pro.gate.refused": "🌟 यह *{plan}* में मिलता है: {feature}। सत्र दर्ज करना, स्थिति और "
    "सारांश मुफ़्त ही रहते हैं। प्लान देखने और लेने के लिए *प्रो* लिखें।",
    "monthly.sent": "📄 {month} पूरा हुआ, यह रही {name} की उस महीने की रिपोर्ट। हर महीने की "
    "रिपोर्ट बंद करनी हो तो *सेटिंग्स* खोलें।",
    "row.settings_monthly_on": "महीने की PDF: चालू करें",
    "row.settings_monthly_on.desc": "अभी बंद; 1 तारीख़ को पिछले महीने की रिपोर्ट पाने को टैप करें",
    "row.settings_monthly_off": "महीने की PDF: बंद करें",
    "row.settings_monthly_off.desc": "अभी चालू; रोकने के लिए टैप करें",
    "monthly.saved_on": "✅ हर महीने की 1 तारीख़ को पिछले महीने की PDF रिपोर्ट यहाँ आएगी (प्रो के साथ)।",
    "monthly.saved_off": "🔕 महीने की PDF रिपोर्ट बंद है। आप फिर भी *रिपोर्ट* लिख सकते हैं।",
    "pro.expiring": {
        "one": "🌟 {name} के परिवार का {plan} {count} दिन में, {date} को ख़त्म होगा। और दिन "
        "जोड़ने के लिए *प्रो* लिखें; वे बचे हुए दिनों में जुड़ जाएँगे।",
        "other": "🌟 {name} के परिवार का {plan} {count} दिनों में, {date} को ख़त्म होगा। और दिन "
        "जोड़ने के लिए *प्रो* लिखें; वे बचे हुए दिनों में जुड़ जाएँगे।",
    },
    "export.pro_never": "प्रो: कभी नहीं लिया",
    "export.pro_until": "प्रो: {plan}, {when} तक",
    "export.pro_ended": "प्रो: {plan}, {when} को ख़त्म हुआ",
    "export.h_payments": "भुगतान:",
    "export.payment": "• {when}: {amount}, {state} (Razorpay {payment_id})",
    "export.refunded": "{amount} वापस किए गए",
    "row.go_pro": "🌟 प्रो लें",
    "row.go_pro.desc": "PDF रिपोर्ट, ज़्यादा बच्चे; सत्र दर्ज करना मुफ़्त ही रहेगा",
}
