"""hi: Pro plans and payments."""

from dialog.texts.merge import Entry

TEXTS: dict[str, Entry] = {
    "pro.plan.parent_basic_199": "पेरेंट बेसिक",
    "pro.plan.pro_plus_499": "प्रो प्लस",
    "pro.feature.pdf_report": "महीने की रिपोर्ट PDF में",
    "pro.feature.monthly_push": "महीना ख़त्म होने पर वह PDF आपको अपने-आप",
    "pro.feature.caregiver_edit_links": "केयरगिवर पेज पर बदलाव के लिंक",
    "pro.feature.extra_children": "एक से ज़्यादा बच्चे",
    "pro.title": "🌟 *{child} के परिवार के लिए प्रो*",
    "pro.state_free": "अभी: मुफ़्त प्लान। सत्र दर्ज करना, स्थिति और सारांश हमेशा मुफ़्त रहेंगे।",
    "pro.state_active": "अभी: *{plan}* {date} तक। परिवार के हर सदस्य को मिलता है।",
    "pro.plan_line": {
        "one": "*{plan}*: {count} दिन के लिए {amount}। इसमें: {features}।",
        "other": "*{plan}*: {count} दिनों के लिए {amount}। इसमें: {features}।",
    },
    "pro.pick": "भुगतान लिंक पाने के लिए प्लान चुनें। नए दिन बचे हुए दिनों में जुड़ जाते हैं।",
    "pro.not_set_up": "भुगतान अभी सेट नहीं हुआ है, इसलिए अभी प्रो नहीं ख़रीदा जा सकता।",
    "pro.therapist": "परिवार के लिए प्रो सिर्फ़ {child} के माता-पिता ख़रीद सकते हैं; "
    "थेरेपिस्ट के तौर पर आप जो इस्तेमाल करते हैं, वह मुफ़्त ही रहेगा।",
    "btn.pro_buy": "{plan} {amount}",
    "pro.link_coming": "⏳ आपका भुगतान लिंक बन रहा है। बस एक पल में आएगा।",
    "pro.link_ready": {
        "one": "💳 {child} के परिवार के लिए {plan}: {count} दिन के प्रो के लिए {amount}। "
        "भुगतान के लिए बटन दबाएँ। लिंक 24 घंटे तक चलेगा।",
        "other": "💳 {child} के परिवार के लिए {plan}: {count} दिनों के प्रो के लिए {amount}। "
        "भुगतान के लिए बटन दबाएँ। लिंक 24 घंटे तक चलेगा।",
    },
    "btn.pro_pay": "{amount} चुकाएँ",
    "pro.link_failed": "माफ़ कीजिए, अभी भुगतान लिंक नहीं बन पाया। थोड़ी देर बाद फिर से *प्रो* लिखें।",
    "pro.active_until": "🌟 {child} के परिवार के लिए {plan} {date} तक चालू है। धन्यवाद!",
    "pro.payment_failed": "आपका भुगतान पूरा नहीं हुआ। आप उसी लिंक से फिर कोशिश कर सकते हैं, या *प्रो* लिखें।",
    "pro.taken_back": {
        "one": "रिफ़ंड हुआ, इसलिए प्रो का {count} दिन वापस लिया गया। प्रो अब {date} तक है।",
        "other": "रिफ़ंड हुआ, इसलिए प्रो के {count} दिन वापस लिए गए। प्रो अब {date} तक है।",
    },
    "pay.status_title": "🧾 *{child} के परिवार के भुगतान*",
    "pay.none": "अभी तक कोई भुगतान नहीं।",
    "pay.line": "{date}: {amount}, {state}",
    "pay.state.granted": "प्रो जुड़ गया",
    "pay.state.paid": "मिल गया",
    "pay.state.failed": "पूरा नहीं हुआ",
    "pay.state.unmatched": "जाँच हो रही है",
    "pay.state.amount_mismatch": "जाँच हो रही है",
    "pay.reconcile_usage": "*भुगतान जाँचें* के बाद रसीद वाली पेमेंट आईडी लिखें, जैसे *भुगतान जाँचें pay_ABC123*।",
    "pay.reconcile_limited": "आपने पिछले एक घंटे में कई बार पूछा है। थोड़ी देर बाद फिर कोशिश करें।",
    "pay.reconcile_found": "यह भुगतान दर्ज है: {state}।",
    "pay.reconcile_checking": "{child} के परिवार के लिए यह भुगतान अभी नहीं मिला। मैं अभी "
    "Razorpay से आपके खुले भुगतान लिंक के बारे में पूछ रहा हूँ; अगर किसी का भुगतान हुआ है, तो "
    "कुछ मिनटों में आपको पता चल जाएगा।",
    "coupon.usage": "*कूपन* के बाद कोड लिखें, जैसे *कूपन DIWALI20*।",
    "coupon.invalid": "कूपन {code} इस्तेमाल नहीं हो सकता: शायद ग़लत लिखा है, उसकी तारीख़ निकल गई "
    "है या वह ख़त्म हो गया है।",
    "coupon.applied": "🎟️ कूपन {code}: अगले भुगतान लिंक पर {percent}% छूट। प्लान चुनें:",
    "coupon.gone": "माफ़ कीजिए, कूपन {code} अभी-अभी ख़त्म हो गया या उसकी तारीख़ निकल गई। "
    "ये रहे प्लान उनकी सामान्य क़ीमत पर:",
}
