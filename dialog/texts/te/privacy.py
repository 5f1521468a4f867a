"""te: privacy."""

TEXTS: dict[str, str] = {
    "export.preparing": "📦 మీ డేటా ఎక్స్‌పోర్ట్ సిద్ధమవుతోంది. ఫైల్ పంపగానే మీకు చెబుతాను.",
    "export.caption": "Therapy Tracker: మీ గురించి, మీ కుటుంబాల గురించి మేము ఉంచిన మొత్తం డేటా",
    "export.sent": "✅ మీ డేటా ఎక్స్‌పోర్ట్ పైన టెక్స్ట్ ఫైల్‌గా పంపబడింది. మీ గురించి, మీ "
    "కుటుంబాల గురించి మేము ఉంచే ప్రతి సమాచారం అందులో ఉంది.",
    "export.title": "THERAPY TRACKER – మీ డేటా",
    "export.made": "ఎక్స్‌పోర్ట్ చేసిన సమయం: {when} ({timezone})",
    "export.h_account": "మీరు",
    "export.phone": "ఫోన్: {phone}",
    "export.language": "భాష: {language_name}",
    "export.timezone": "టైమ్ జోన్: {timezone}",
    "export.consent_opted_in": "సందేశాలు: ఆన్ ({since} నుండి)",
    "export.consent_opted_out": "సందేశాలు: ఆఫ్ ({since} నుండి)",
    "export.reminders_on": "రిమైండర్లు: ఆన్, {time}కి, {days}",
    "export.reminders_off": "రిమైండర్లు: ఆఫ్ (సెట్ చేసిన సమయం {time}, {days})",
    "export.joined": "మొదటి సందేశం: {when}",
    "export.h_families": "మీ కుటుంబాలు",
    "export.h_child": "చిన్నారి: {name}",
    "export.child_info": "టైమ్ జోన్: {timezone}. {day} నుండి ట్రాక్ చేస్తున్నాం.",
    "export.h_members": "సభ్యులు:",
    "export.member": "• {role}: {who}",
    "export.h_plans": "నెలవారీ ప్లాన్లు:",
    "export.plan": "• {month}: {paid} సెషన్లకు చెల్లింపు, ఒక్కోదానికి {cost}, ముందు నెల నుండి "
    "{carried}, ట్రాకింగ్‌కు ముందు {used} వాడారు",
    "export.h_sessions": "సెషన్లు:",
    "export.session_attended": "• {day}: జరిగింది ×{count}",
    "export.session_missed": "• {day}: జరగలేదు ×{count}",
    "export.reason": "కారణం: {reason}",
    "export.mood": "మూడ్: {mood}",
    "export.by": "నమోదు చేసినవారు: {who}",
    "export.h_holidays": "సెలవులు:",
    "export.h_notes": "నోట్స్:",
    "export.note": "• {when}, {who}: {body}",
    "export.h_events": "మీ కార్యకలాపాల రికార్డు",
    "export.event": "• {when}: {what}",
    "export.none": "• ఏమీ లేవు",
    "export.you": "మీరు",
    "export.former_member": "ఒక మాజీ సభ్యులు",
    "export.footer": "మీ డేటాను తొలగించడానికి చాట్‌లో “నా డేటా తొలగించు” అని పంపండి.",
    "export.membership_active": "• {name} – మీ పాత్ర: {role}",
    "export.membership_pending": "• {name} – {role}గా ఆహ్వానం వచ్చింది, ఇంకా అంగీకరించలేదు",
    "export.note_voice": "• {when}, {who} (వాయిస్ నోట్): {body}",
    "export.note_structured": "• {when}, {who} – థెరపిస్ట్ నోట్:",
    "export.field_goal": "లక్ష్యం: {text}",
    "export.field_activity": "కార్యకలాపం: {text}",
    "export.field_response": "స్పందన: {text}",
    "export.field_homework": "ఇంటి సాధన: {text}",
    "export.family_of": "{name} కుటుంబం",
    "export.a_family": "ఒక కుటుంబం",
    "export.event.opt_out": "మీరు సందేశాలు ఆపారు.",
    "export.event.opt_in": "మీరు సందేశాలు మళ్ళీ ప్రారంభించారు.",
    "export.event.language_changed": "భాష {language_name}గా మార్చారు.",
    "export.event.timezone_changed": "టైమ్ జోన్ {timezone}గా మార్చారు.",
    "export.event.reminders_on": "రిమైండర్లు ఆన్ చేశారు.",
    "export.event.reminders_off": "రిమైండర్లు ఆఫ్ చేశారు.",
    "export.event.reminder_hour": "రిమైండర్ సమయం {time}గా మార్చారు.",
    "export.event.reminder_days": "రిమైండర్ రోజులు: {days}.",
    "export.event.invite_created": "మీరు ఒకరిని {family}లో {role}గా ఆహ్వానించారు.",
    "export.event.invite_accepted": "మీరు {family}లో {role}గా చేరారు.",
    "export.event.invite_rejected": "మీరు {family} ఆహ్వానాన్ని తిరస్కరించారు.",
    "export.event.member_left": "మీరు {family} నుండి వెళ్ళిపోయారు.",
    "export.event.member_removed": "మీరు {family} నుండి ఒక సభ్యులను ({role}) తీసేశారు.",
    "export.event.role_request_accepted": "{family}లో మీ పాత్ర {from_role} నుండి {to_role}గా మారింది.",
    "export.event.role_request_declined": "మీరు {family}లో {to_role}గా మారకుండా {from_role}గానే ఉన్నారు.",
    "delete.ask": "⚠️ మీ డేటాను తొలగించాలా?\nదీనితో మీ నంబర్, సెట్టింగ్‌లు, సందేశాలు, ప్రతి కుటుంబంలో మీ సభ్యత్వం తొలగిపోతాయి:",
    "delete.plan_delete": "• {name}: ఈ కుటుంబంలో వేరే తల్లిదండ్రులు ఎవరూ లేరు, కాబట్టి {name} "
    "ప్లాన్లు, సెషన్లు, సెలవులు, నోట్స్ కూడా తొలగిపోతాయి.",
    "delete.plan_keep": "• {name}: కుటుంబ రికార్డులు అలాగే ఉంటాయి; వాటిలో నుండి మీ పేరు తీసివేస్తాం.",
    "delete.plan_handover": "• {name}: కుటుంబ రికార్డులు అలాగే ఉంటాయి, మరో తల్లి/తండ్రి యజమాని అవుతారు.",
    "delete.ask_end": "ఇది వెనక్కి తీసుకోలేము. ముందుగా ఒక కాపీ కావాలా? *export* పంపండి.",
    "delete.ask_again": "దయచేసి ఒక బటన్ నొక్కండి: డేటా తొలగించాలా, ఉంచాలా?",
    "btn.privacy_delete_yes": "అవును, తొలగించు",
    "btn.privacy_delete_no": "వద్దు, ఉంచు",
    "delete.done": "🗑️ పూర్తయింది. మీ డేటా తొలగించబడింది.",
    "delete.done_deleted": "• {name}: అన్ని రికార్డులు తొలగించబడ్డాయి.",
    "delete.done_kept": "• {name}: రికార్డులు కుటుంబం దగ్గరే ఉంటాయి, మీ పేరు లేకుండా.",
    "delete.done_handover": "• {name}: రికార్డులు కుటుంబం దగ్గరే ఉంటాయి; ఇప్పుడు మరో తల్లి/తండ్రి యజమాని.",
    "delete.done_end": "ఇది నా చివరి సందేశం. మీరు మళ్ళీ రాస్తే కొత్తగా మొదలుపెడతాం. జాగ్రత్తగా ఉండండి!",
    "delete.kept": "సరే, ఏమీ తొలగించలేదు.",
    "delete.nothing_pending": "ఇప్పుడు నిర్ధారించడానికి ఏమీ లేదు. మీ డేటాను తొలగించడానికి *నా డేటా తొలగించు* అని పంపండి.",
    "privacy.page_title": "Therapy Tracker – గోప్యతా ప్రకటన",
    "privacy.updated": "చివరి మార్పు: {date}",
    "privacy.intro": "Therapy Tracker ఒక WhatsApp సహాయకం. పిల్లల థెరపీ సెషన్లు, వాటి ఖర్చు "
    "లెక్క ఉంచుకోవడంలో కుటుంబాలకు సహాయపడుతుంది. ఇది ఏమి ఉంచుతుంది, ఎందుకు, "
    "దీన్ని నడపడంలో ఎవరు సహాయపడతారు, డేటా ఎంతకాలం ఉంటుంది, మీ డేటాను మీరు "
    "ఎలా తీసుకోవచ్చు లేదా తొలగించవచ్చు అనేది ఈ పేజీ వివరిస్తుంది.",
    "privacy.h_stored": "మేము ఏమి ఉంచుతాము, ఎందుకు",
    "privacy.stored_account": "మీ WhatsApp నంబర్, దానికి WhatsApp ఇచ్చే ఖాతా ఐడీ, మీ "
    "ప్రొఫైల్ పేరు: ఎవరు రాశారో తెలుసుకోవడానికి, మీకు జవాబివ్వడానికి.",
    "privacy.stored_settings": "మీ భాష, టైమ్ జోన్, రిమైండర్ సమయం, రోజులు, మీరు సందేశాలు "
    "ఆపారా అనేది: మీరు ఎంచుకున్నట్టే మీతో మాట్లాడటానికి.",
    "privacy.stored_family": "మీ పిల్లల పేరు, టైమ్ జోన్, కుటుంబంలో ఎవరు ఏ పాత్రలో (యజమాని, "
    "తల్లిదండ్రులు, థెరపిస్ట్) ఉన్నారు: ప్రతి సభ్యుడు ఒకే నెలను "
    "చూడటానికి, ఇంకెవరూ చూడకుండా ఉండటానికి.",
    "privacy.stored_tracking": "నెలవారీ ప్లాన్లు (చెల్లించిన సెషన్లు, ఒక్కో సెషన్ ఖర్చు, ముందుకు "
    "వచ్చినవి), సెషన్లు (తేదీ, జరిగిందా లేదా, కారణం, మూడ్), సెలవులు, "
    "నోట్స్: వీటి లెక్క ఉంచడమే ఈ సేవ.",
    "privacy.stored_messages": "మీరు పంపే సందేశాలు, మేము ఇచ్చే జవాబులు: ఏ సందేశమూ పోకుండా, "
    "రెండుసార్లు ప్రాసెస్ కాకుండా ఉండటానికి.",
    "privacy.stored_audit": "గోప్యతకు సంబంధించిన పనుల చిన్న రికార్డు (సందేశాలు ఆపడం లేదా "
    "మొదలుపెట్టడం, ఆహ్వానాలు, పాత్రల మార్పులు): ఏమి జరిగిందో "
    "చూపించడానికి.",
    "privacy.stored_security": "కారణాలు, నోట్స్, సందేశాల విషయం, సంభాషణ స్థితి డేటాబేస్‌లో "
    "ఎన్‌క్రిప్ట్ చేసి ఉంచుతాము. డేటాను మేము ఎప్పుడూ అమ్మము, "
    "ప్రకటనలకు వాడము.",
    "privacy.stored_voice": "వాయిస్ సందేశాలు: టెక్స్ట్‌గా మార్చడానికి రికార్డింగ్ (ఎన్‌క్రిప్ట్ "
    "చేసి, గరిష్ఠంగా {days} రోజులు), ఆ టెక్స్ట్ ఒక నోట్‌గా.",
    "privacy.h_processors": "దీన్ని ఎవరు ప్రాసెస్ చేస్తారు",
    "privacy.proc_meta": "Meta Platforms (WhatsApp Business Cloud API): మీకూ మాకూ మధ్య ప్రతి "
    "సందేశాన్ని చేరవేస్తుంది, మీ ఎక్స్‌పోర్ట్ లాంటి ఫైళ్లను కూడా.",
    "privacy.proc_supabase": "Supabase: పైన చెప్పిన సమాచారం అంతా ఉంచే PostgreSQL డేటాబేస్‌ను నడుపుతుంది.",
    "privacy.proc_postgres": "ఈ సేవ నిర్వాహకులు నడిపే PostgreSQL డేటాబేస్ పైన చెప్పిన సమాచారం అంతా ఉంచుతుంది.",
    "privacy.proc_embedded": "బయటి డేటాబేస్ హోస్ట్ లేదు: పైన చెప్పిన సమాచారం అంతా ఇదే "
    "సర్వర్‌లో నడిచే PostgreSQL డేటాబేస్‌లో ఉంటుంది.",
    "privacy.proc_razorpay": "Razorpay: పెయిడ్ ప్లాన్ల చెల్లింపులు చూస్తుంది. దానికి మీ "
    "నంబర్, ప్లాన్, మొత్తం మాత్రమే వెళ్తాయి, మీ పిల్లల రికార్డులు "
    "ఎప్పుడూ వెళ్లవు.",
    "privacy.proc_groq": "Groq: వాయిస్ సందేశాలను టెక్స్ట్‌గా మారుస్తుంది. దానికి రికార్డింగ్ వెళ్తుంది.",
    "privacy.proc_sarvam": "Sarvam AI: వాయిస్ సందేశాలను టెక్స్ట్‌గా మారుస్తుంది. దానికి రికార్డింగ్ వెళ్తుంది.",
    "privacy.h_retention": "ఎంతకాలం ఉంచుతాము",
    "privacy.retention_active": "మీ ఖాతా, సెట్టింగ్‌లు, సందేశాల రికార్డు, కుటుంబ రికార్డులు: మీరు "
    "ట్రాకర్ వాడుతున్నంత కాలం, మీరు తొలగించే వరకు.",
    "privacy.retention_families": "మీరు మీ డేటాను తొలగిస్తే, ఇతరులతో పంచుకున్న కుటుంబ "
    "రికార్డులు మిగతా తల్లిదండ్రుల దగ్గర మీ పేరు లేకుండా ఉంటాయి. "
    "తల్లిదండ్రులు ఎవరూ మిగలని పిల్లల రికార్డులన్నీ "
    "తొలగించబడతాయి.",
    "privacy.retention_deleted": "తొలగింపు వెంటనే జరుగుతుంది. మా వీడ్కోలు సందేశం చేరే వరకు మీ "
    "నంబర్ మాత్రమే ఉంటుంది, తర్వాత అదీ పోతుంది. తొలగింపు జరిగిందని "
    "మాత్రమే నమోదు చేస్తాం, అందులో ఎలాంటి వ్యక్తిగత సమాచారం "
    "ఉండదు.",
    "privacy.retention_meta": "మేము పంపే ఫైళ్లు (మీ ఎక్స్‌పోర్ట్ లాంటివి) WhatsApp దగ్గర 30 "
    "రోజుల వరకు ఉంటాయి. డేటాబేస్ బ్యాకప్‌లు హోస్ట్ నియమాల ప్రకారం "
    "ముగుస్తాయి.",
    "privacy.retention_voice": "వాయిస్ రికార్డింగ్‌లు గరిష్ఠంగా {days} రోజుల్లో తొలగించబడతాయి; "
    "వాటి నుండి వచ్చిన టెక్స్ట్ నోట్‌గా ఉంటుంది.",
    "privacy.h_rights": "మీ ఎంపికలు",
    "privacy.rights_export": "మీ గురించి, మీ కుటుంబాల గురించి మా దగ్గర ఉన్నదంతా ఒక ఫైల్‌గా "
    "పొందడానికి చాట్‌లో “export” అని పంపండి.",
    "privacy.rights_delete": "మీ డేటాను తొలగించడానికి “నా డేటా తొలగించు” అని పంపండి. ముందు "
    "మిమ్మల్ని నిర్ధారించమని అడుగుతాం.",
    "privacy.rights_stop": "సందేశాలు ఆపడానికి “stop”, మళ్ళీ మొదలుపెట్టడానికి “start”, మీ "
    "ప్రస్తుత ఎంపిక చూడటానికి “consent” అని పంపండి.",
    "privacy.rights_settings": "టైమ్ జోన్, రిమైండర్లు మార్చడానికి “settings”, భాష మార్చడానికి “language” అని పంపండి.",
    "privacy.rights_roles": "ప్రతి ఒక్కరూ తమ డేటా కోసం ఇది చేయవచ్చు: యజమానులు, తల్లిదండ్రులు, "
    "థెరపిస్ట్‌లు, సందేశాలు ఆపినా కూడా.",
}
