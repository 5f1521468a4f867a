"""hi: sessions."""

TEXTS: dict[str, str | dict[str, str]] = {
    "log.today_desc": "आज",
    "log.yesterday_desc": "कल",
    "log.count": {"one": "{count} सत्र", "other": "{count} सत्र"},
    "log.status.attended": "हुआ",
    "log.status.missed": "छूटा",
    "log.entry": "{status} ({sessions})",
    "log.category.health": "सेहत",
    "log.category.travel": "यात्रा",
    "log.category.therapist": "थेरेपिस्ट उपलब्ध नहीं",
    "log.category.school": "स्कूल",
    "log.category.family": "परिवार",
    "log.category.transport": "आने-जाने या मौसम की दिक़्क़त",
    "log.category.other": "अन्य",
    "log.category.unspecified": "नहीं बताया",
    "log.pick_attended": "{name} किस दिन सत्र में गए? दिन चुनें, या लिखें "
    "(जैसे *कल*, *सोमवार*, *{example}*)।",
    "log.pick_missed": "{name} का सत्र किस दिन छूटा? दिन चुनें, या लिखें "
    "(जैसे *कल*, *सोमवार*, *{example}*)।",
    "btn.log_pick_day": "दिन चुनें",
    "row.log_newer": "⏩ नई तारीखें",
    "row.log_older": "⏪ पुरानी तारीखें",
    "log.newer_desc": "बाद के दिन, {day} तक",
    "log.older_desc": "{day} और उससे पहले",
    "log.ask_count": "{day} को {name} के कितने सत्र हुए? चुनें, या 1 से 5 तक कोई संख्या लिखें।",
    "btn.log_count": "सत्र",
    "log.bad_count": "कृपया सत्रों की संख्या लिखें, 1 से 5 तक।",
    "log.ask_reason": "{day} को {name} का सत्र क्यों छूटा? वजह अपने शब्दों में लिखें "
    "(जैसे *बुखार*, *सफ़र*, *थेरेपिस्ट छुट्टी पर*)।",
    "log.which_status": "{day} को {name} का सत्र हुआ या छूटा?",
    "btn.log_attended": "✅ हुआ",
    "btn.log_missed": "❌ छूटा",
    "log.ask_same": "{day} को {name} के लिए पहले से {existing} दर्ज है। एक और जोड़ें, या पुराना बदल दें?",
    "log.ask_other": "{day} को {name} के लिए पहले से {existing} दर्ज है। इसे {new} से बदल दें?",
    "btn.log_add": "एक और जोड़ें",
    "btn.log_replace": "बदल दें",
    "btn.log_keep": "जैसा है रहने दें",
    "log.kept": "ठीक है, {day} जैसा था वैसा ही है। कुछ नहीं बदला।",
    "log.stale": "वह सवाल अब बंद हो चुका है। फिर से दर्ज करने के लिए *हुआ* या *छूटा* लिखें।",
    "log.replaced": "🔁 {day} की पुरानी एंट्री बदल दी गई (वापस लाने के लिए *पूर्ववत* लिखें)।",
    "log.attended_saved": "✅ {name} की हाज़िरी दर्ज: {day}, {sessions}",
    "log.missed_saved": "❌ {name} का छूटा सत्र दर्ज: {day}, {sessions}\nवजह: {reason} ({category})",
    "log.milestone": {
        "one": "🎉 {name} लगातार {count} हफ़्ते से थेरेपी में जा रहे हैं! ऐसे ही जारी रखें।",
        "other": "🎉 {name} लगातार {count} हफ़्तों से थेरेपी में जा रहे हैं! ऐसे ही जारी रखें।",
    },
    "log.error.tomorrow": "आने वाला कल अभी आया नहीं है, इसलिए {name} के लिए इसे दर्ज नहीं कर सकते। सत्र के "
    "बाद कल दर्ज करें, या आज के लिए *आज हुआ* लिखें।",
    "log.error.future": "{name} के लिए {day} अभी आया नहीं है (आज {today} है), इसलिए इसे दर्ज नहीं कर सकते।",
    "log.error.before_start": "{day} {name} की ट्रैकिंग शुरू होने ({earliest}) से पहले का दिन "
    "है, इसलिए इसे दर्ज नहीं कर सकते।",
    "log.error.impossible": "यह तारीख़ कैलेंडर में है ही नहीं (29 फ़रवरी सिर्फ़ लीप वर्ष में आती है)। कृपया जाँच लें।",
    "log.error.unreadable": "मैं यह तारीख़ नहीं समझ पाया। *कल*, *सोमवार*, *{example}* या "
    "*{numeric}* जैसा लिखें, या सूची से चुनें।",
    "log.error.too_few": "सत्रों की संख्या कम से कम {low} होनी चाहिए। {low} से {high} तक कोई संख्या लिखें।",
    "log.error.too_many": "एक दिन के सत्रों की संख्या ज़्यादा से ज़्यादा {high} हो "
    "सकती है। {low} से {high} तक कोई संख्या लिखें।",
    "mood.ask": "{name} का सत्र कैसा रहा? (चाहें तो बताएँ)",
    "btn.log_mood": "मूड चुनें",
    "row.log_mood_great": "🤩 बहुत बढ़िया",
    "row.log_mood_good": "🙂 अच्छा",
    "row.log_mood_okay": "😐 ठीक-ठाक",
    "row.log_mood_tough": "😣 मुश्किल",
    "mood.saved": "{day} के {name} के सत्र का मूड सहेजा गया: {mood}",
    "mood.gone": "वह सत्र अब नहीं मिला; शायद उसे हटा दिया गया है।",
    "undo.done": "↩️ {name} के लिए हटाया गया: {status}, {day}, {sessions}।",
    "undo.nothing": "{name} के लिए आपकी दर्ज की हुई कोई एंट्री हटाने को नहीं है।",
    "undo.days_off": {
        "one": "↩️ {name} की {count} दिन की छुट्टी हटा दी गई: {days}।",
        "other": "↩️ {name} की {count} दिन की छुट्टी हटा दी गई: {days}।",
    },
    "undo.restored": "🔁 {day} की पहले की एंट्री फिर से दर्ज है: {existing}।",
    "notify.what_missed": "छूटा ({reason})",
    "notify.what_holiday": "छुट्टी",
    "notify.replaced_yours": {
        "one": "🔁 {by} ने {day} को {name} के लिए आपका दर्ज किया {count} सत्र बदल दिया; अब "
        "दर्ज है: {what}।",
        "other": "🔁 {by} ने {day} को {name} के लिए आपके दर्ज किए {count} सत्र बदल दिए; अब "
        "दर्ज है: {what}।",
    },
    "notify.restored_yours": {
        "one": "↩️ {by} ने {day} को {name} के लिए अपना बदलाव वापस लिया: आपका {count} सत्र फिर से दर्ज है।",
        "other": "↩️ {by} ने {day} को {name} के लिए अपना बदलाव वापस लिया: आपके {count} सत्र "
        "फिर से दर्ज हैं।",
    },
    "notify.undone_replace": "↩️ {by} ने {day} को {name} के लिए अपना बदलाव वापस लिया: पहले "
    "जो दर्ज था, वह फिर से दर्ज है।",
    "notify.undone_attended": {
        "one": "↩️ {by} ने {day} को {name} का अपना दर्ज किया {count} हुआ सत्र हटा दिया।",
        "other": "↩️ {by} ने {day} को {name} के अपने दर्ज किए {count} हुए सत्र हटा दिए।",
    },
    "notify.undone_missed": {
        "one": "↩️ {by} ने {day} को {name} का अपना दर्ज किया {count} छूटा सत्र हटा दिया।",
        "other": "↩️ {by} ने {day} को {name} के अपने दर्ज किए {count} छूटे सत्र हटा दिए।",
    },
    "backfill.ask": "{name} के पुराने दिन भरें: वे सत्र हुए थे या छूटे थे?",
    "bulk.help": (
        "📋 एक साथ कई दिन दर्ज करें:\n"
        "• *कई दिन हुआ {first}, {second}*\n"
        "• *कई दिन हुआ {first} से {last}*\n"
        "• *कई दिन छूटा {first}, {second} बुखार*\n"
        "• *कई दिन छूटा {first} से {last} सफ़र*\n"
        "दिन किसी भी तरह लिखें (*{first}*, *{example}*); एक रेंज में ज़्यादा से ज़्यादा 62 दिन। हर दिन 1 सत्र "
        "गिना जाता है, और पहले से दर्ज दिन छोड़ दिए जाते हैं।"
    ),
    "bulk.done_attended": "✅ {name} के हाज़िरी वाले दिन दर्ज:",
    "bulk.done_missed": "❌ {name} के छूटे दिन दर्ज:",
    "bulk.insert": "• दर्ज हुए: {n}",
    "bulk.duplicate": "• पहले से ऐसे ही दर्ज (छोड़े): {n}",
    "bulk.conflict": "• पहले से उल्टा दर्ज (छोड़े): {n}",
    "bulk.future": "• आगे की तारीख़ (छोड़े): {n}",
    "bulk.before_start": "• {day} को ट्रैकिंग शुरू होने से पहले (छोड़े): {n}",
    "bulk.error.unknown_command": "⚠️ मैं यह बल्क कमांड नहीं समझ पाया।",
    "bulk.error.trailing_text": "⚠️ हाज़िरी वाले दिनों के साथ वजह नहीं लिखी जाती, पर तारीख़ों "
    'के बाद "{text}" मिला।',
    "bulk.error.missing_dates": "⚠️ कृपया कमांड के बाद तारीख़ें लिखें।",
    "bulk.error.bad_range": "⚠️ रेंज के दो दिनों के बीच *-* या *से* लिखें।",
    "bulk.error.range_reversed": "⚠️ रेंज की शुरुआत ({start}) उसके अंत ({end}) के बाद है।",
    "bulk.error.range_too_long": "⚠️ इस रेंज में {days} दिन हैं; ज़्यादा से ज़्यादा {limit} हो सकते हैं।",
    "bulk.error.bad_date": '⚠️ "{item}" मुझे तारीख़ के रूप में समझ नहीं आया।',
    "bulk.error.impossible_date": "⚠️ {item} कैलेंडर में है ही नहीं।",
}
