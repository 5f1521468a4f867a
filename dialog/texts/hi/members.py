"""hi: members — परिवार, आमंत्रण, भूमिका बदलना, सदस्यों को सूचनाएँ और क्लिनिक का सार।"""

TEXTS: dict[str, str | dict[str, str]] = {
    "btn.member_parent": "अभिभावक",
    "btn.member_therapist": "थेरेपिस्ट",
    "btn.member_accept": "✅ स्वीकार करें",
    "btn.member_reject": "अस्वीकार करें",
    "btn.member_invites": "आमंत्रण",
    "btn.member_pick": "चुनें",
    "btn.member_agree": "✅ सहमत हूँ",
    "btn.member_decline": "मना करें",
    "btn.member_keep": "नहीं, रहने दें",
    "btn.member_leave": "हाँ, छोड़ें",
    "btn.member_remove_yes": "हाँ, हटाएँ",
    "btn.member_invite": "आमंत्रित करें",
    "btn.member_remove_member": "सदस्य हटाएँ",
    "btn.member_role": "भूमिका बदलें",
    "invite.pick_role": "{name} के परिवार में किसे आमंत्रित करना चाहते हैं?",
    "invite.ask_phone": "{role} का WhatsApp नंबर लिखें, जैसे 98765 43210 या +91 98765 43210।",
    "invite.bad_phone": "यह फ़ोन नंबर नहीं लगता। अंकों में लिखें, जैसे 98765 43210 या +91 98765 43210।",
    "invite.self": "यह तो आपका अपना नंबर है। जिसे आमंत्रित करना है, उसका नंबर लिखें।",
    "invite.member": "{phone} पहले से {name} के परिवार में {role} के रूप में हैं। भूमिका "
    "बदलने के लिए *role* लिखें।",
    "invite.full": "{name} के परिवार में पहले से 12 लोग हैं। और लोगों को बुलाने से पहले "
    "*remove member* लिखकर किसी को हटाएँ।",
    "invite.sent": "📨 आमंत्रण सहेज लिया: {phone} {name} के परिवार में {role} के रूप में जुड़ "
    "सकते हैं। उनसे कहें कि इस WhatsApp नंबर पर कोई भी संदेश (जैसे *नमस्ते*) "
    "भेजें: मैं उन्हें आमंत्रण दिखाऊँगा, *स्वीकार* या *अस्वीकार* के साथ।",
    "invite.sent_url": "📨 आमंत्रण सहेज लिया: {phone} {name} के परिवार में {role} के रूप में "
    "जुड़ सकते हैं। उन्हें यह लिंक भेजें: लिंक से खुला संदेश भेजते ही वे जुड़ जाएँगे।\n{link}",
    "invite.limited": "आज आपने बहुत सारे आमंत्रण भेजे हैं। कृपया कल फिर कोशिश करें।",
    "invite.cancel_confirm": "{name} के परिवार के लिए {phone} ({role}) का आमंत्रण रद्द करें?",
    "invite.cancelled": "हो गया। {name} के परिवार के लिए {phone} का आमंत्रण रद्द कर दिया गया।",
    "btn.invite_cancel": "आमंत्रण रद्द करें",
    "invite.received": "👋 {by} ने आपको {name} के थेरेपी ट्रैकर में {role} के रूप में जुड़ने "
    "का आमंत्रण भेजा है। आप परिवार के साथ {name} के सत्र देख और दर्ज कर "
    "सकेंगे। क्या आप स्वीकार करते हैं?",
    "invite.reminder": "{by} ने आपको {name} के परिवार में {role} के रूप में जुड़ने का "
    "आमंत्रण भेजा है। शुरू करने के लिए स्वीकार करें, या अस्वीकार करें।",
    "invite.row_desc": "{role}, {by} से",
    "invite.pick_accept": {
        "one": "आपके पास {count} आमंत्रण है। स्वीकार करने के लिए उसे चुनें:",
        "other": "आपके पास {count} आमंत्रण हैं। जिसे स्वीकार करना है, उसे चुनें:",
    },
    "invite.pick_reject": {
        "one": "आपके पास {count} आमंत्रण है। अस्वीकार करने के लिए उसे चुनें:",
        "other": "आपके पास {count} आमंत्रण हैं। जिसे अस्वीकार करना है, उसे चुनें:",
    },
    "invite.none": "आपका कोई आमंत्रण बाकी नहीं है।",
    "invite.gone": "यह आमंत्रण अब खुला नहीं है। परिवार से दोबारा आमंत्रित करने को कहें।",
    "invite.accepted": "🎉 स्वागत है! आप {name} के परिवार में {role} के रूप में जुड़ गए हैं।",
    "invite.rejected": "ठीक है, आपने {name} के परिवार का आमंत्रण अस्वीकार कर दिया। आपके साथ "
    "कुछ भी साझा नहीं होगा।",
    "member.list": "👨‍👩‍👧 {name} का परिवार:",
    "member.line": "• {phone}: {role}",
    "member.line_you": "• {phone}: {role} (आप)",
    "member.line_pending": "• {phone}: {role}, आमंत्रण बाकी ({how})",
    "member.line_asked": "({role} बनने का अनुरोध)",
    "member.how.message": "भेजा गया",
    "member.how.template": "टेम्पलेट से भेजा गया",
    "member.how.link": "लिंक भेजना है",
    "member.how.none": "नहीं भेजा गया",
    "member.list_hint": "परिवार छोड़ने के लिए *leave family* लिखें। मालिक *transfer ownership* "
    "लिखकर ज़िम्मेदारी सौंप सकते हैं।",
    "member.none_to_remove": "{name} के परिवार में ऐसा कोई नहीं है जिसे आप हटा सकें।",
    "member.pick_remove": "{name} के परिवार से किसे हटाना है?",
    "member.desc_pending": "{role}, आमंत्रण बाकी",
    "member.remove_confirm": "{phone} ({role}) को {name} के परिवार से हटाएँ? इसके बाद वे "
    "{name} के सत्र न देख पाएँगे, न दर्ज कर पाएँगे।",
    "member.removed": "हो गया। {phone} अब {name} के परिवार में नहीं हैं।",
    "member.last_owner": "आप {name} के परिवार के अकेले मालिक हैं, इसलिए अभी परिवार नहीं छोड़ "
    "सकते। पहले किसी और को मालिक बनाएँ: *transfer ownership* लिखें।",
    "member.not_member": "यह व्यक्ति अब {name} के परिवार में नहीं है।",
    "member.kept": "ठीक है, कुछ नहीं बदला।",
    "member.unknown": "यह व्यक्ति अब इस परिवार में नहीं है। कौन-कौन है, यह देखने के लिए *members* लिखें।",
    "member.leave_confirm": "{name} का परिवार छोड़ें? इसके बाद आप {name} के सत्र न देख "
    "पाएँगे, न दर्ज कर पाएँगे।",
    "member.left": "आपने {name} का परिवार छोड़ दिया है।",
    "member.no_role_candidates": "{name} के परिवार में ऐसा कोई अभिभावक या थेरेपिस्ट नहीं है "
    "जिसकी भूमिका आप बदल सकें।",
    "member.role_row_desc": "{old} → {new}",
    "member.pick_role_change": "{name} के परिवार में किसकी भूमिका बदलनी है? उनकी सहमति के बाद ही बदलेगी।",
    "member.no_owner_candidates": "{name} के परिवार में अभी और कोई नहीं है। पहले *invite* "
    "लिखकर किसी को आमंत्रित करें।",
    "member.pick_owner": "{name} के परिवार का मालिक किसे बनाना है? उनकी सहमति ज़रूरी है; फिर "
    "आप अभिभावक बन जाएँगे।",
    "member.asked_sent": "मैंने {phone} से पूछा है कि क्या वे {name} के परिवार में {role} "
    "बनेंगे। उनकी सहमति के बाद ही भूमिका बदलेगी।",
    "member.asked_later": "{phone} को {name} के परिवार में {role} बनाने का आपका अनुरोध सहेज "
    "लिया है, पर मैं अभी उन्हें संदेश नहीं भेज सकता। जब वे *role* "
    "लिखेंगे, उन्हें यह अनुरोध दिखेगा।",
    "member.request_role": "{by} चाहते हैं कि {name} के परिवार में आपकी भूमिका {old} से "
    "बदलकर {new} हो जाए। क्या आप सहमत हैं?",
    "member.request_owner": "{by} {name} का परिवार आपको सौंपना चाहते हैं: आप मालिक बनेंगे "
    "(अभी: {old}) और वे अभिभावक बन जाएँगे। क्या आप सहमत हैं?",
    "member.no_request": "वहाँ आपके लिए भूमिका बदलने का कोई अनुरोध बाकी नहीं है।",
    "member.last_owner_role": "आप इस परिवार के अकेले मालिक हैं, इसलिए आपकी भूमिका नहीं बदल "
    "सकती। पहले *transfer ownership* लिखकर ज़िम्मेदारी सौंपें।",
    "member.role_now": "✅ हो गया: अब आप {name} के परिवार में {role} हैं।",
    "member.role_kept": "ठीक है, आप {name} के परिवार में {role} ही रहेंगे।",
    "notify.joined": "🤝 {by} {name} के परिवार में {role} के रूप में जुड़ गए हैं।",
    "notify.declined": "{by} ने {name} के परिवार में {role} के रूप में जुड़ने का आमंत्रण अस्वीकार कर दिया।",
    "notify.left": "👋 {role} {by} ने {name} का परिवार छोड़ दिया।",
    "notify.removed": "{by} ने आपको {name} के परिवार से हटा दिया है।",
    "notify.role_changed": "🔁 {by} अब {name} के परिवार में {role} हैं।",
    "notify.role_declined": "{by} ने {name} के परिवार में {role} बनने से मना कर दिया।",
    "notify.someone": "परिवार के एक सदस्य",
    "notify.header": "📣 परिवार की ताज़ा ख़बरें:",
    "notify.more": {
        "one": "…और {count} अपडेट।",
        "other": "…और {count} अपडेट।",
    },
    "notify.attended": {
        "one": "✅ {by} ने {day} को {name} का {count} सत्र हुआ दर्ज किया।",
        "other": "✅ {by} ने {day} को {name} के {count} सत्र हुए दर्ज किए।",
    },
    "notify.missed": {
        "one": "❌ {by} ने {day} को {name} का {count} सत्र छूटा दर्ज किया।",
        "other": "❌ {by} ने {day} को {name} के {count} सत्र छूटे दर्ज किए।",
    },
    "notify.note": "📝 {by} ने {name} के लिए थेरेपी नोट जोड़ा।",
    "admin.none": "आप अभी किसी परिवार में नहीं हैं, इसलिए दिखाने को कुछ नहीं है।",
    "admin.summary": "🏥 आपके परिवार, पिछले 14 दिन:\n• बच्चे: {children}\n• सक्रिय (कोई सत्र "
    "दर्ज हुआ): {active}\n• बाकी आमंत्रण: {pending}",
    "admin.risk_title": "⚠️ इन बच्चों की थेरेपी छूटने का ख़तरा है:",
    "admin.no_risk": "✅ किसी बच्चे की थेरेपी छूटने का ख़तरा नहीं दिखता।",
    "admin.risk_high": "• {name}: ज़्यादा ख़तरा (हुए: {attended}, छूटे: {missed})",
    "admin.risk_medium": "• {name}: मध्यम ख़तरा (हुए: {attended}, छूटे: {missed})",
    "admin.more": "…और {count}।",
}
