"""te: Pro plans and payments."""

from dialog.texts.merge import Entry

TEXTS: dict[str, Entry] = {
    "pro.plan.parent_basic_199": "పేరెంట్ బేసిక్",
    "pro.plan.pro_plus_499": "ప్రో ప్లస్",
    "pro.feature.pdf_report": "నెల నివేదిక PDFగా",
    "pro.feature.monthly_push": "నెల ముగిసినప్పుడు ఆ PDF మీకు నేరుగా",
    "pro.feature.caregiver_edit_links": "కేర్‌గివర్ పేజీలో మార్పు లింకులు",
    "pro.feature.extra_children": "ఒకరి కంటే ఎక్కువ పిల్లలు",
    "pro.title": "🌟 *{child} కుటుంబానికి ప్రో*",
    "pro.state_free": "ఇప్పుడు: ఉచిత ప్లాన్. సెషన్లు నమోదు, స్థితి, సారాంశం ఎప్పుడూ ఉచితమే.",
    "pro.state_active": "ఇప్పుడు: *{plan}* {date} వరకు. కుటుంబంలో అందరికీ వర్తిస్తుంది.",
    "pro.plan_line": {
        "one": "*{plan}*: {count} రోజుకు {amount}. ఇందులో: {features}.",
        "other": "*{plan}*: {count} రోజులకు {amount}. ఇందులో: {features}.",
    },
    "pro.pick": "చెల్లింపు లింక్ కోసం ఒక ప్లాన్ ఎంచుకోండి. కొత్త రోజులు మిగిలిన రోజులకు కలుస్తాయి.",
    "pro.not_set_up": "చెల్లింపులు ఇంకా సెటప్ కాలేదు, కాబట్టి ఇప్పుడు ప్రో కొనలేరు.",
    "pro.therapist": "కుటుంబానికి ప్రోను {child} తల్లిదండ్రులు మాత్రమే కొనగలరు; థెరపిస్ట్‌గా మీరు వాడేవన్నీ ఉచితంగానే ఉంటాయి.",
    "btn.pro_buy": "{plan} {amount}",
    "pro.link_coming": "⏳ మీ చెల్లింపు లింక్ తయారవుతోంది. ఒక్క క్షణంలో వస్తుంది.",
    "pro.link_ready": {
        "one": "💳 {child} కుటుంబానికి {plan}: {count} రోజు ప్రోకు {amount}. "
        "చెల్లించడానికి బటన్ నొక్కండి. లింక్ 24 గంటలు పనిచేస్తుంది.",
        "other": "💳 {child} కుటుంబానికి {plan}: {count} రోజుల ప్రోకు {amount}. "
        "చెల్లించడానికి బటన్ నొక్కండి. లింక్ 24 గంటలు పనిచేస్తుంది.",
    },
    "btn.pro_pay": "{amount} చెల్లించండి",
    "pro.link_failed": "క్షమించండి, ఇప్పుడు చెల్లింపు లింక్ తయారు కాలేదు. కాసేపటి తర్వాత మళ్ళీ *ప్రో* అని టైప్ చేయండి.",
    "pro.active_until": "🌟 {child} కుటుంబానికి {plan} {date} వరకు అమలులో ఉంది. ధన్యవాదాలు!",
    "pro.payment_failed": "మీ చెల్లింపు పూర్తి కాలేదు. అదే లింక్‌తో మళ్ళీ ప్రయత్నించవచ్చు, లేదా *ప్రో* అని టైప్ చేయండి.",
    "pro.taken_back": {
        "one": "రీఫండ్ అయింది, కాబట్టి {count} రోజు ప్రో వెనక్కి తీసుకున్నాం. ప్రో ఇప్పుడు {date} వరకు.",
        "other": "రీఫండ్ అయింది, కాబట్టి {count} రోజుల ప్రో వెనక్కి తీసుకున్నాం. ప్రో ఇప్పుడు {date} వరకు.",
    },
    "pay.status_title": "🧾 *{child} కుటుంబం చెల్లింపులు*",
    "pay.none": "ఇంకా చెల్లింపులు లేవు.",
    "pay.line": "{date}: {amount}, {state}",
    "pay.state.granted": "ప్రో జోడించబడింది",
    "pay.state.paid": "అందింది",
    "pay.state.failed": "పూర్తి కాలేదు",
    "pay.state.unmatched": "పరిశీలనలో ఉంది",
    "pay.state.amount_mismatch": "పరిశీలనలో ఉంది",
}
