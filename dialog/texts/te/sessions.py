"""te: sessions."""

TEXTS: dict[str, str | dict[str, str]] = {
    "log.today_desc": "ఈరోజు",
    "log.yesterday_desc": "నిన్న",
    "log.count": {"one": "{count} సెషన్", "other": "{count} సెషన్లు"},
    "log.status.attended": "జరిగింది",
    "log.status.missed": "మిస్ అయింది",
    "log.entry": "{status} ({sessions})",
    "log.category.health": "ఆరోగ్యం",
    "log.category.travel": "ప్రయాణం",
    "log.category.therapist": "థెరపిస్ట్ అందుబాటులో లేరు",
    "log.category.school": "స్కూల్",
    "log.category.family": "కుటుంబం",
    "log.category.transport": "రవాణా లేదా వాతావరణం",
    "log.category.other": "ఇతరం",
    "log.category.unspecified": "చెప్పలేదు",
    "log.pick_attended": "{name} ఏ రోజు సెషన్‌కు వెళ్ళారు? రోజు ఎంచుకోండి, లేదా టైప్ చేయండి "
    "(ఉదా *నిన్న*, *సోమవారం*, *{example}*).",
    "log.pick_missed": "{name} సెషన్ ఏ రోజు మిస్ అయింది? రోజు ఎంచుకోండి, లేదా టైప్ చేయండి "
    "(ఉదా *నిన్న*, *సోమవారం*, *{example}*).",
    "btn.log_pick_day": "రోజు ఎంచుకోండి",
    "row.log_newer": "⏩ కొత్త తేదీలు",
    "row.log_older": "⏪ పాత తేదీలు",
    "log.newer_desc": "తర్వాతి రోజులు, {day} వరకు",
    "log.older_desc": "{day}, అంతకు ముందు",
    "log.ask_count": "{day}న {name}కి ఎన్ని సెషన్లు జరిగాయి? ఎంచుకోండి, లేదా 1 నుండి 5 లోపు సంఖ్య టైప్ చేయండి.",
    "btn.log_count": "సెషన్లు",
    "log.bad_count": "దయచేసి ఎన్ని సెషన్లో టైప్ చేయండి, 1 నుండి 5 లోపు సంఖ్య.",
    "log.ask_reason": "{day}న {name} సెషన్ ఎందుకు మిస్ అయింది? కారణం మీ మాటల్లో టైప్ చేయండి "
    "(ఉదా *జ్వరం*, *ప్రయాణం*, *థెరపిస్ట్ సెలవు*).",
    "log.which_status": "{day}న {name} సెషన్ జరిగిందా, మిస్ అయిందా?",
    "btn.log_attended": "✅ జరిగింది",
    "btn.log_missed": "❌ మిస్ అయింది",
    "log.ask_same": "{day}న {name}కి ఇప్పటికే {existing} నమోదై ఉంది. ఇంకొకటి జోడించాలా, లేక ఉన్నదాన్ని మార్చాలా?",
    "log.ask_other": "{day}న {name}కి ఇప్పటికే {existing} అని నమోదై ఉంది. దాన్ని {new}గా మార్చాలా?",
    "btn.log_add": "ఇంకొకటి జోడించు",
    "btn.log_replace": "మార్చు",
    "btn.log_keep": "అలాగే ఉంచు",
    "log.kept": "సరే, {day} ఉన్నట్టే ఉంది. ఏమీ మారలేదు.",
    "log.stale": "ఆ ప్రశ్న ముగిసింది. మళ్ళీ నమోదు చేయడానికి *జరిగింది* లేదా *మిస్* అని టైప్ చేయండి.",
    "log.replaced": "🔁 {day} నాటి నమోదును మార్చాం (మళ్ళీ తీసుకురావడానికి *వెనక్కి తీసుకో* అని టైప్ చేయండి).",
    "log.attended_saved": "✅ {name} హాజరు నమోదైంది: {day}, {sessions}",
    "log.missed_saved": "❌ {name} మిస్ అయిన సెషన్ నమోదైంది: {day}, {sessions}\n"
    "కారణం: {reason} ({category})",
    "log.milestone": {
        "one": "🎉 {name} వరుసగా {count} వారంగా థెరపీకి వెళ్తున్నారు! ఇలాగే కొనసాగించండి.",
        "other": "🎉 {name} వరుసగా {count} వారాలుగా థెరపీకి వెళ్తున్నారు! ఇలాగే కొనసాగించండి.",
    },
    "log.error.tomorrow": "రేపు ఇంకా రాలేదు, కాబట్టి {name}కి నమోదు చేయలేను. రేపు సెషన్ తర్వాత "
    "నమోదు చేయండి, లేదా ఈరోజుకి *ఈరోజు జరిగింది* అని టైప్ చేయండి.",
    "log.error.future": "{name}కి {day} ఇంకా రాలేదు (ఈరోజు {today}), కాబట్టి నమోదు చేయలేను.",
    "log.error.before_start": "{day} {name} ట్రాకింగ్ మొదలైన రోజు ({earliest}) కంటే ముందుది, "
    "కాబట్టి నమోదు చేయలేను.",
    "log.error.impossible": "ఆ తేదీ క్యాలెండర్‌లో లేదు (ఫిబ్రవరి 29 లీప్ సంవత్సరంలోనే వస్తుంది). దయచేసి సరిచూడండి.",
    "log.error.unreadable": "ఆ తేదీ నాకు అర్థం కాలేదు. *నిన్న*, *సోమవారం*, *{example}* లేదా "
    "*{numeric}* లాగా టైప్ చేయండి, లేదా జాబితా నుండి ఎంచుకోండి.",
    "log.error.too_few": "సెషన్ల సంఖ్య కనీసం {low} ఉండాలి. {low} నుండి {high} లోపు సంఖ్య టైప్ చేయండి.",
    "log.error.too_many": "ఒక రోజుకు సెషన్ల సంఖ్య గరిష్ఠంగా {high} ఉండవచ్చు. {low} "
    "నుండి {high} లోపు సంఖ్య టైప్ చేయండి.",
    "mood.ask": "{name} సెషన్ ఎలా జరిగింది? (ఇష్టమైతే చెప్పండి)",
    "btn.log_mood": "మూడ్ ఎంచుకోండి",
    "row.log_mood_great": "🤩 అద్భుతం",
    "row.log_mood_good": "🙂 బాగుంది",
    "row.log_mood_okay": "😐 పర్వాలేదు",
    "row.log_mood_tough": "😣 కష్టంగా",
    "mood.saved": "{day}న {name} సెషన్ మూడ్ సేవ్ అయింది: {mood}",
    "mood.gone": "ఆ సెషన్ ఇప్పుడు కనిపించడం లేదు; బహుశా తీసేసి ఉంటారు.",
    "undo.done": "↩️ {name} కోసం నమోదు తీసేశాం: {status}, {day}, {sessions}.",
    "undo.nothing": "{name} కోసం మీరు నమోదు చేసినవేవీ తీసేయడానికి లేవు.",
    "undo.days_off": {
        "one": "↩️ {name} కోసం {count} సెలవు రోజును తీసేశాం: {days}.",
        "other": "↩️ {name} కోసం {count} సెలవు రోజులను తీసేశాం: {days}.",
    },
    "undo.restored": "🔁 {day} నాటి పాత నమోదు మళ్ళీ వచ్చింది: {existing}.",
    "notify.what_missed": "మిస్ అయింది ({reason})",
    "notify.what_holiday": "సెలవు",
    "notify.replaced_yours": {
        "one": "🔁 {by} {day} నాడు {name} కోసం మీరు నమోదు చేసిన {count} సెషన్‌ను మార్చారు; "
        "ఇప్పుడు నమోదు: {what}.",
        "other": "🔁 {by} {day} నాడు {name} కోసం మీరు నమోదు చేసిన {count} సెషన్లను "
        "మార్చారు; ఇప్పుడు నమోదు: {what}.",
    },
    "notify.restored_yours": {
        "one": "↩️ {by} {day} నాడు {name} కోసం చేసిన మార్పును వెనక్కి తీసుకున్నారు: మీ "
        "{count} సెషన్ మళ్ళీ నమోదులో ఉంది.",
        "other": "↩️ {by} {day} నాడు {name} కోసం చేసిన మార్పును వెనక్కి తీసుకున్నారు: మీ "
        "{count} సెషన్లు మళ్ళీ నమోదులో ఉన్నాయి.",
    },
    "notify.undone_replace": "↩️ {by} {day} నాడు {name} కోసం చేసిన మార్పును వెనక్కి "
    "తీసుకున్నారు: ముందు ఉన్న నమోదు మళ్ళీ వచ్చింది.",
    "notify.undone_attended": {
        "one": "↩️ {by} {day} నాడు {name} కోసం తాము నమోదు చేసిన {count} జరిగిన సెషన్‌ను తీసేశారు.",
        "other": "↩️ {by} {day} నాడు {name} కోసం తాము నమోదు చేసిన {count} జరిగిన సెషన్లను తీసేశారు.",
    },
    "notify.undone_missed": {
        "one": "↩️ {by} {day} నాడు {name} కోసం తాము నమోదు చేసిన {count} మిస్ అయిన సెషన్‌ను తీసేశారు.",
        "other": "↩️ {by} {day} నాడు {name} కోసం తాము నమోదు చేసిన {count} మిస్ అయిన సెషన్లను తీసేశారు.",
    },
    "backfill.ask": "{name} పాత రోజులు నింపుదాం: అవి జరిగిన సెషన్లా, మిస్ అయినవా?",
    "bulk.help": (
        "📋 ఒకేసారి చాలా రోజులు నమోదు చేయండి:\n"
        "• *చాలా రోజులు జరిగింది {first}, {second}*\n"
        "• *చాలా రోజులు జరిగింది {first} నుండి {last}*\n"
        "• *చాలా రోజులు మిస్ {first}, {second} జ్వరం*\n"
        "• *చాలా రోజులు మిస్ {first} నుండి {last} ప్రయాణం*\n"
        "రోజులు ఎలాగైనా రాయండి (*{first}*, *{example}*); ఒక రేంజ్‌లో గరిష్ఠంగా 62 రోజులు. ప్రతి రోజు 1 "
        "సెషన్‌గా లెక్కిస్తాం, ఇప్పటికే నమోదైన రోజులను వదిలేస్తాం."
    ),
    "bulk.done_attended": "✅ {name} హాజరైన రోజులు నమోదయ్యాయి:",
    "bulk.done_missed": "❌ {name} మిస్ అయిన రోజులు నమోదయ్యాయి:",
    "bulk.insert": "• నమోదైనవి: {n}",
    "bulk.duplicate": "• ఇప్పటికే అలాగే నమోదైనవి (వదిలేశాం): {n}",
    "bulk.conflict": "• ఇప్పటికే వేరేలా నమోదైనవి (వదిలేశాం): {n}",
    "bulk.future": "• ఇంకా రాని తేదీలు (వదిలేశాం): {n}",
    "bulk.before_start": "• {day}న ట్రాకింగ్ మొదలవక ముందువి (వదిలేశాం): {n}",
    "bulk.error.unknown_command": "⚠️ ఆ బల్క్ కమాండ్ నాకు అర్థం కాలేదు.",
    "bulk.error.trailing_text": '⚠️ హాజరైన రోజులకు కారణం అవసరం లేదు, కానీ తేదీల తర్వాత "{text}" ఉంది.',
    "bulk.error.missing_dates": "⚠️ దయచేసి కమాండ్ తర్వాత తేదీలు రాయండి.",
    "bulk.error.bad_range": "⚠️ రేంజ్‌లో రెండు రోజుల మధ్య *-* లేదా *నుండి* రాయండి.",
    "bulk.error.range_reversed": "⚠️ రేంజ్ మొదలు ({start}) దాని ముగింపు ({end}) కంటే తర్వాత ఉంది.",
    "bulk.error.range_too_long": "⚠️ ఈ రేంజ్‌లో {days} రోజులు ఉన్నాయి; గరిష్ఠం {limit}.",
    "bulk.error.bad_date": '⚠️ "{item}" ను తేదీగా అర్థం చేసుకోలేకపోయాను.',
    "bulk.error.impossible_date": "⚠️ {item} అనే తేదీ క్యాలెండర్‌లో లేదు.",
}
