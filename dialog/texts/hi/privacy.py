"""hi: privacy."""

TEXTS: dict[str, str | dict[str, str]] = {
    "export.preparing": "📦 आपका डेटा एक्सपोर्ट तैयार हो रहा है। फ़ाइल भेजते ही मैं बता दूँगा।",
    "export.caption": "Therapy Tracker: आपके और आपके परिवारों के बारे में रखा गया पूरा डेटा",
    "export.sent": "✅ आपका डेटा एक्सपोर्ट ऊपर टेक्स्ट फ़ाइल के रूप में भेज दिया गया है। इसमें "
    "आपके और आपके परिवारों के बारे में हमारे पास रखी हर जानकारी है।",
    "export.title": "THERAPY TRACKER – आपका डेटा",
    "export.made": "एक्सपोर्ट का समय: {when} ({timezone})",
    "export.h_account": "आप",
    "export.phone": "फ़ोन: {phone}",
    "export.language": "भाषा: {language_name}",
    "export.timezone": "समय क्षेत्र: {timezone}",
    "export.consent_opted_in": "संदेश: चालू ({since} से)",
    "export.consent_opted_out": "संदेश: बंद ({since} से)",
    "export.reminders_on": "रिमाइंडर: चालू, {time} बजे, {days}",
    "export.reminders_off": "रिमाइंडर: बंद (तय समय {time}, {days})",
    "export.joined": "पहला संदेश: {when}",
    "export.h_families": "आपके परिवार",
    "export.h_child": "बच्चा: {name}",
    "export.child_info": "समय क्षेत्र: {timezone}। {day} से ट्रैक हो रहा है।",
    "export.h_members": "सदस्य:",
    "export.member": "• {role}: {who}",
    "export.h_plans": "मासिक प्लान:",
    "export.plan": {
        "one": "• {month}: {count} सत्र का भुगतान, {cost} प्रति सत्र, {carried} आगे "
        "से जुड़े, ट्रैकिंग से पहले {used} इस्तेमाल",
        "other": "• {month}: {count} सत्रों का भुगतान, {cost} प्रति सत्र, {carried} "
        "आगे से जुड़े, ट्रैकिंग से पहले {used} इस्तेमाल",
    },
    "export.h_sessions": "सत्र:",
    "export.session_attended": "• {day}: हुआ ×{count}",
    "export.session_missed": "• {day}: छूटा ×{count}",
    "export.reason": "कारण: {reason}",
    "export.mood": "मूड: {mood}",
    "export.by": "दर्ज किया: {who}",
    "export.h_holidays": "छुट्टियाँ:",
    "export.h_notes": "नोट्स:",
    "export.note": "• {when}, {who}: {body}",
    "export.h_events": "आपकी गतिविधि का रिकॉर्ड",
    "export.event": "• {when}: {what}",
    "export.none": "• कुछ नहीं",
    "export.you": "आप",
    "export.former_member": "एक पूर्व सदस्य",
    "export.footer": "अपना डेटा मिटाने के लिए चैट में “मेरा डेटा मिटाएँ” भेजें।",
    "export.membership_active": "• {name} – आपकी भूमिका: {role}",
    "export.membership_pending": "• {name} – {role} के रूप में आमंत्रित, अभी स्वीकार नहीं किया",
    "export.note_voice": "• {when}, {who} (वॉइस नोट): {body}",
    "export.note_structured": "• {when}, {who} – थेरेपिस्ट नोट:",
    "export.field_goal": "लक्ष्य: {text}",
    "export.field_activity": "गतिविधि: {text}",
    "export.field_response": "प्रतिक्रिया: {text}",
    "export.field_homework": "घर का अभ्यास: {text}",
    "export.family_of": "{name} का परिवार",
    "export.a_family": "एक परिवार",
    "export.event.opt_out": "आपने संदेश बंद किए।",
    "export.event.opt_in": "आपने संदेश चालू किए।",
    "export.event.language_changed": "भाषा {language_name} चुनी गई।",
    "export.event.timezone_changed": "समय क्षेत्र {timezone} किया गया।",
    "export.event.reminders_on": "रिमाइंडर चालू किए गए।",
    "export.event.reminders_off": "रिमाइंडर बंद किए गए।",
    "export.event.reminder_hour": "रिमाइंडर का समय {time} किया गया।",
    "export.event.reminder_days": "रिमाइंडर के दिन: {days}।",
    "export.event.invite_created": "आपने किसी को {family} में {role} के रूप में आमंत्रित किया।",
    "export.event.invite_accepted": "आप {family} में {role} के रूप में जुड़े।",
    "export.event.invite_cancelled": "आपने {family} का एक आमंत्रण ({role}) रद्द किया।",
    "export.event.invite_rejected": "आपने {family} का आमंत्रण अस्वीकार किया।",
    "export.event.member_left": "आपने {family} छोड़ा।",
    "export.event.member_removed": "आपने {family} से एक सदस्य ({role}) को हटाया।",
    "export.event.role_request_accepted": "{family} में आपकी भूमिका {from_role} से {to_role} हुई।",
    "export.event.role_request_declined": "आप {family} में {to_role} बनने के बजाय {from_role} ही रहे।",
    "delete.ask": "⚠️ अपना डेटा मिटाना है?\nइससे आपका नंबर, सेटिंग्स, संदेश और हर परिवार में "
    "आपकी सदस्यता मिट जाएगी:",
    "delete.plan_delete": "• {name}: इस परिवार में कोई और अभिभावक नहीं है, इसलिए {name} के "
    "प्लान, सत्र, छुट्टियाँ और नोट्स भी मिट जाएँगे।",
    "delete.plan_keep": "• {name}: परिवार का रिकॉर्ड बना रहेगा; उसमें से आपका नाम हटा दिया जाएगा।",
    "delete.plan_handover": "• {name}: परिवार का रिकॉर्ड बना रहेगा और कोई दूसरा अभिभावक "
    "मालिक बन जाएगा।",
    "delete.ask_end": "यह वापस नहीं हो सकता। पहले एक कॉपी चाहिए? *डेटा निर्यात* भेजें।",
    "delete.ask_again": "कृपया एक बटन दबाएँ: डेटा मिटाएँ या रखें?",
    "btn.privacy_delete_yes": "हाँ, मिटाएँ",
    "btn.privacy_delete_no": "नहीं, रखें",
    "delete.done": "🗑️ हो गया। आपका डेटा मिटा दिया गया है।",
    "delete.done_deleted": "• {name}: सारे रिकॉर्ड मिटा दिए गए।",
    "delete.done_kept": "• {name}: रिकॉर्ड परिवार के पास रहेंगे, आपके नाम के बिना।",
    "delete.done_handover": "• {name}: रिकॉर्ड परिवार के पास रहेंगे; अब कोई दूसरा अभिभावक मालिक है।",
    "delete.done_end": "यह मेरा आख़िरी संदेश है। आप फिर से लिखेंगे तो नई शुरुआत होगी। अपना ध्यान रखें!",
    "delete.kept": "ठीक है, कुछ भी नहीं मिटाया गया।",
    "delete.nothing_pending": "अभी पुष्टि करने के लिए कुछ नहीं है। अपना डेटा मिटाने के लिए "
    "*मेरा डेटा मिटाएँ* भेजें।",
    "privacy.page_title": "Therapy Tracker – गोपनीयता सूचना",
    "privacy.updated": "पिछला बदलाव: {date}",
    "privacy.intro": "Therapy Tracker एक WhatsApp सहायक है जो परिवारों को बच्चे के थेरेपी सत्रों "
    "और उनके खर्च का हिसाब रखने में मदद करता है। यह पेज बताता है कि यह क्या "
    "रखता है और क्यों, इसे चलाने में कौन मदद करता है, डेटा कितने समय तक रहता "
    "है, और आप अपना डेटा कैसे ले सकते हैं या मिटा सकते हैं।",
    "privacy.h_stored": "हम क्या रखते हैं, और क्यों",
    "privacy.stored_account": "आपका WhatsApp नंबर, उसके लिए WhatsApp की खाता आईडी और आपका "
    "प्रोफ़ाइल नाम: यह जानने के लिए कि किसने लिखा, और आपको जवाब देने "
    "के लिए।",
    "privacy.stored_settings": "आपकी भाषा, समय क्षेत्र, रिमाइंडर का समय और दिन, और क्या आपने "
    "संदेश बंद किए हैं: ताकि हम आपकी चुनी हुई तरह से बात करें।",
    "privacy.stored_family": "आपके बच्चे का नाम और समय क्षेत्र, और परिवार में कौन किस भूमिका "
    "(मालिक, अभिभावक, थेरेपिस्ट) में है: ताकि हर सदस्य एक ही महीना "
    "देखे, और कोई और न देखे।",
    "privacy.stored_tracking": "मासिक प्लान (भुगतान किए सत्र, प्रति सत्र खर्च, आगे जुड़े सत्र), "
    "सत्र (तारीख, हुआ या छूटा, कारण, मूड), छुट्टियाँ और नोट्स: इन्हीं "
    "का हिसाब रखना यह सेवा है।",
    "privacy.stored_messages": "आपके भेजे संदेश और हमारे जवाब: ताकि कोई संदेश खोए नहीं और दो "
    "बार न संभाला जाए।",
    "privacy.stored_audit": "गोपनीयता से जुड़े कामों का छोटा रिकॉर्ड (संदेश बंद या चालू करना, "
    "भाषा, समय क्षेत्र और रिमाइंडर बदलना, आमंत्रण, भूमिका बदलना): ताकि हम बता सकें कि क्या "
    "हुआ; आपके एक्सपोर्ट में यह पूरा रिकॉर्ड होता है।",
    "privacy.stored_security": "कारण, नोट्स, संदेशों की सामग्री और बातचीत की स्थिति डेटाबेस "
    "में एन्क्रिप्ट करके रखी जाती है। हम डेटा कभी नहीं बेचते और न "
    "ही विज्ञापन के लिए इस्तेमाल करते हैं।",
    "privacy.stored_voice": {
        "one": "वॉइस संदेश: रिकॉर्डिंग (एन्क्रिप्ट करके, ज़्यादा से ज़्यादा {count} "
        "दिन) ताकि उसे टेक्स्ट में बदला जा सके, और वह टेक्स्ट एक नोट के रूप में।",
        "other": "वॉइस संदेश: रिकॉर्डिंग (एन्क्रिप्ट करके, ज़्यादा से ज़्यादा "
        "{count} दिन) ताकि उसे टेक्स्ट में बदला जा सके, और वह टेक्स्ट एक नोट के रूप "
        "में।",
    },
    "privacy.h_processors": "इसे कौन प्रोसेस करता है",
    "privacy.proc_meta": "Meta Platforms (WhatsApp Business Cloud API): आपके और हमारे बीच हर "
    "संदेश पहुँचाता है, आपके एक्सपोर्ट जैसी फ़ाइलें भी।",
    "privacy.proc_supabase": "Supabase: वह PostgreSQL डेटाबेस चलाता है जिसमें ऊपर लिखी सारी "
    "जानकारी रखी जाती है।",
    "privacy.proc_postgres": "इस सेवा के संचालक का चलाया PostgreSQL डेटाबेस ऊपर लिखी सारी "
    "जानकारी रखता है।",
    "privacy.proc_embedded": "कोई बाहरी डेटाबेस होस्ट नहीं: ऊपर लिखी सारी जानकारी इसी सर्वर पर "
    "चलने वाले PostgreSQL डेटाबेस में रखी जाती है।",
    "privacy.proc_razorpay": "Razorpay: पेड प्लान का भुगतान संभालता है। उसे आपका नंबर, प्लान और "
    "रकम मिलती है, आपके बच्चे का रिकॉर्ड कभी नहीं।",
    "privacy.proc_groq": "Groq: वॉइस संदेशों को टेक्स्ट में बदलता है। उसे रिकॉर्डिंग मिलती है।",
    "privacy.proc_sarvam": "Sarvam AI: वॉइस संदेशों को टेक्स्ट में बदलता है। उसे रिकॉर्डिंग मिलती है।",
    "privacy.h_retention": "हम इसे कितने समय तक रखते हैं",
    "privacy.retention_active": "आपका खाता, सेटिंग्स, संदेशों का रिकॉर्ड और परिवार के रिकॉर्ड: "
    "जब तक आप ट्रैकर इस्तेमाल करते हैं, या जब तक आप इन्हें मिटा "
    "नहीं देते।",
    "privacy.retention_families": "अगर आप अपना डेटा मिटाते हैं, तो जिस परिवार में और लोग हैं "
    "उसके रिकॉर्ड बाकी अभिभावकों के पास रहते हैं, आपके नाम के "
    "बिना। जिस बच्चे का कोई अभिभावक नहीं बचता, उसके सारे रिकॉर्ड "
    "मिटा दिए जाते हैं।",
    "privacy.retention_deleted": "डेटा तुरंत मिटता है। सिर्फ़ आपका नंबर तब तक रहता है जब तक "
    "हमारा विदाई संदेश पहुँच न जाए, फिर वह भी हट जाता है। हम बस "
    "इतना दर्ज रखते हैं कि डेटा मिटाया गया, बिना किसी निजी "
    "जानकारी के।",
    "privacy.retention_meta": "हमारी भेजी फ़ाइलें (जैसे आपका एक्सपोर्ट) WhatsApp के पास 30 दिन "
    "तक रहती हैं। डेटाबेस के बैकअप होस्ट के अपने समय पर ख़त्म होते "
    "हैं।",
    "privacy.retention_voice": {
        "one": "वॉइस रिकॉर्डिंग ज़्यादा से ज़्यादा {count} दिन में मिटा दी जाती है; "
        "उससे बना टेक्स्ट नोट के रूप में रहता है।",
        "other": "वॉइस रिकॉर्डिंग ज़्यादा से ज़्यादा {count} दिन में मिटा दी जाती "
        "है; उससे बना टेक्स्ट नोट के रूप में रहता है।",
    },
    "privacy.h_rights": "आपके विकल्प",
    "privacy.rights_export": "चैट में “डेटा निर्यात” भेजें, आपके और आपके परिवारों के बारे में हमारे "
    "पास रखी हर जानकारी एक फ़ाइल में मिल जाएगी।",
    "privacy.rights_delete": "अपना डेटा मिटाने के लिए “मेरा डेटा मिटाएँ” भेजें। पहले आपसे पुष्टि पूछी जाएगी।",
    "privacy.rights_stop": "संदेश रोकने के लिए “stop”, फिर से चालू करने के लिए “start”, और "
    "अपना मौजूदा विकल्प देखने के लिए “consent” भेजें।",
    "privacy.rights_settings": "समय क्षेत्र और रिमाइंडर बदलने के लिए “settings”, और भाषा "
    "बदलने के लिए “language” भेजें।",
    "privacy.rights_roles": "हर कोई अपने डेटा के लिए यह कर सकता है: मालिक, अभिभावक और "
    "थेरेपिस्ट, संदेश बंद होने पर भी।",
}
