"""te: what Pro gates (payments/features.py), the monthly PDF push and the Pro expiry nudges."""

from dialog.texts.merge import Entry

TEXTS: dict[str, Entry] = {
    "pro.gate.refused": "🌟 ఇది *{plan}*లో లభిస్తుంది: {feature}. సెషన్‌లు నమోదు చేయడం, "
    "స్థితి, సారాంశాలు ఉచితంగానే ఉంటాయి. ప్లాన్‌లు చూసి తీసుకోవడానికి *ప్రో* అని టైప్ "
    "చేయండి.",
    "monthly.sent": "📄 {month} పూర్తయింది, ఇదిగో ఆ నెల {name} నివేదిక. ప్రతి నెలా వచ్చే ఈ "
    "నివేదికలు ఆపాలంటే *సెట్టింగ్‌లు* తెరవండి.",
    "row.settings_monthly_on": "నెల PDF: ఆన్ చేయండి",
    "row.settings_monthly_on.desc": "ఇప్పుడు ఆఫ్; 1వ తేదీన గత నెల నివేదిక కోసం ట్యాప్ చేయండి",
    "row.settings_monthly_off": "నెల PDF: ఆఫ్ చేయండి",
    "row.settings_monthly_off.desc": "ఇప్పుడు ఆన్; ఆపడానికి ట్యాప్ చేయండి",
    "monthly.saved_on": "✅ ప్రతి నెలా 1వ తేదీన గత నెల PDF నివేదిక ఇక్కడికి వస్తుంది (ప్రోతో).",
    "monthly.saved_off": "🔕 నెలవారీ PDF నివేదిక ఆఫ్ అయింది. అయినా మీరు *నివేదిక* అని టైప్ చేయవచ్చు.",
    "pro.expiring": {
        "one": "🌟 {name} కుటుంబానికి {plan} {count} రోజులో, {date}న ముగుస్తుంది. మరిన్ని రోజులు "
        "జోడించడానికి *ప్రో* అని టైప్ చేయండి; అవి మిగిలిన రోజులకు కలుస్తాయి.",
        "other": "🌟 {name} కుటుంబానికి {plan} {count} రోజుల్లో, {date}న ముగుస్తుంది. మరిన్ని "
        "రోజులు జోడించడానికి *ప్రో* అని టైప్ చేయండి; అవి మిగిలిన రోజులకు కలుస్తాయి.",
    },
    "export.pro_never": "ప్రో: ఎప్పుడూ తీసుకోలేదు",
    "export.pro_until": "ప్రో: {plan}, {when} వరకు",
    "export.pro_ended": "ప్రో: {plan}, {when}న ముగిసింది",
    "export.h_payments": "చెల్లింపులు:",
    "export.payment": "• {when}: {amount}, {state} (Razorpay {payment_id})",
    "export.refunded": "{amount} తిరిగి ఇచ్చారు",
    "row.go_pro": "🌟 ప్రో తీసుకోండి",
    "row.go_pro.desc": "PDF నివేదికలు, ఎక్కువ మంది పిల్లలు; నమోదు ఉచితమే",
}
