"""Typed words → commands, in every language we speak; a pure function with no I/O."""

from __future__ import annotations

from dataclasses import dataclass

# Each command's words: English, Hindi (Devanagari and Latin), Telugu (script and Latin).
ALIASES: dict[str, tuple[str, ...]] = {
    "help": ("help", "commands", "options", "?", "मदद", "सहायता", "madad", "సహాయం", "sahayam"),
    "menu": ("menu", "main menu", "home", "मेनू", "मेन्यू", "మెనూ", "మెను"),
    "more": ("more", "more options", "और", "और विकल्प", "మరిన్ని"),
    "cancel": (
        "cancel",
        "back",
        "exit",
        "quit",
        "रद्द",
        "रद्द करें",
        "वापस",
        "radd",
        "రద్దు",
        "వెనక్కి",
        "raddu",
    ),
    "language": ("language", "lang", "languages", "भाषा", "bhasha", "భాష", "bhasha"),
    "opt_out": (
        "stop",
        "opt out",
        "opt_out",
        "optout",
        "unsubscribe",
        "pause",
        "बंद",
        "रोकें",
        "band",
        "ఆపు",
        "ఆపండి",
        "aapu",
    ),
    "opt_in": (
        "start",
        "opt in",
        "opt_in",
        "optin",
        "subscribe",
        "resume",
        "शुरू",
        "shuru",
        "ప్రారంభించు",
        "మొదలు",
    ),
    "consent": ("consent", "consent status", "consent_status", "privacy", "सहमति", "సమ్మతి"),
    "hello": ("hi", "hello", "hey", "hii", "namaste", "नमस्ते", "हाय", "నమస్తే", "హాయ్"),
    "setup": ("setup", "set up", "plan", "new plan", "new month", "सेटअप", "प्लान", "సెటప్", "ప్లాన్"),
    "add_child": (
        "add child",
        "new child",
        "add kid",
        "बच्चा जोड़ें",
        "नया बच्चा",
        "పిల్లను జోడించు",
        "కొత్త పిల్ల",
    ),
    "children": (
        "children",
        "child",
        "kids",
        "switch child",
        "change child",
        "बच्चे",
        "बच्चा बदलें",
        "పిల్లలు",
        "పిల్లను మార్చు",
    ),
    "attended": (
        "attended",
        "attend",
        "done",
        "✅",
        "completed",
        "present",
        "went",
        "हुआ",
        "हो गया",
        "हाज़िर",
        "गए",
        "జరిగింది",
        "అయింది",
        "వెళ్ళాం",
        "హాజరు",
    ),
    "missed": (
        "missed",
        "miss",
        "cancelled",
        "canceled",
        "no show",
        "noshow",
        "not attended",
        "absent",
        "❌",
        "छूटा",
        "छूट गया",
        "नहीं गए",
        "नहीं हुआ",
        "मिस",
        "జరగలేదు",
        "మిస్",
        "వెళ్ళలేదు",
        "గైర్హాజరు",
    ),
    "undo": ("undo", "undo last", "oops", "पूर्ववत", "गलती", "తప్పు", "వెనక్కి తీసుకో"),
    "holiday": ("holiday", "holidays", "leave", "day off", "off", "छुट्टी", "సెలవు"),
    "status": ("status", "today status", "स्थिति", "आज की स्थिति", "స్థితి", "ఈరోజు స్థితి"),
    "summary": ("summary", "report", "month", "सारांश", "रिपोर्ट", "సారాంశం", "నివేదిక"),
    "weekly": (
        "weekly",
        "week",
        "this week",
        "weekly insights",
        "साप्ताहिक",
        "यह हफ़्ता",
        "ఈ వారం",
        "వారం",
    ),
    "digest": ("digest", "weekly digest", "parent digest", "हफ़्ते का सार", "వారపు సారాంశం"),
    "missed_analytics": (
        "missed analytics",
        "missed report",
        "miss report",
        "misses",
        "छूटे सत्र",
        "తప్పిన సెషన్లు",
    ),
    "streak": ("streak", "journey", "लगातार", "सिलसिला", "వరుస"),
    "bulk_help": ("bulk", "bulk help", "bulk log help"),
    "bulk_attended": ("attended dates", "attended range"),
    "bulk_missed": ("missed dates", "missed range"),
    "backfill": ("backfill", "older dates", "past dates", "पुरानी तारीखें", "పాత తేదీలు"),
    "invite": ("invite", "invite member", "add member", "आमंत्रित", "न्योता", "ఆహ్వానించు"),
    "add_parent": ("add parent", "invite parent", "अभिभावक जोड़ें", "తల్లిదండ్రిని జోడించు"),
    "add_therapist": ("add therapist", "invite therapist", "थेरेपिस्ट जोड़ें", "థెరపిస్ట్‌ను జోడించు"),
    "accept": ("accept", "accept invite", "join", "स्वीकार", "स्वीकार करें", "అంగీకరించు"),
    "reject": ("reject", "reject invite", "decline", "अस्वीकार", "మనసు లేదు", "తిరస్కరించు"),
    "members": ("members", "team", "family", "सदस्य", "परिवार", "సభ్యులు", "కుటుంబం"),
    "remove_member": ("remove member", "remove", "सदस्य हटाएँ", "సభ్యుడిని తీసేయి"),
    "leave": ("leave family", "leave child", "परिवार छोड़ें", "కుటుంబం వదిలేయి"),
    "transfer": ("transfer ownership", "make owner", "मालिक बनाएँ", "యజమానిగా చేయి"),
    "role": ("change role", "role", "भूमिका", "పాత్ర"),
    "admin": ("admin", "clinic admin", "admin dashboard", "एडमिन", "అడ్మిన్"),
    "note": ("note", "add note", "feedback", "नोट", "నోట్"),
    "therapist_note": (
        "therapist note",
        "structured note",
        "note template",
        "session note",
        "थेरेपिस्ट नोट",
        "థెరపిస్ట్ నోట్",
    ),
    "notes": ("notes", "show notes", "नोट्स", "నోట్స్"),
    "export": ("export", "export data", "export my data", "my data", "डेटा निर्यात", "మా డేటా"),
    "delete_data": (
        "delete my data",
        "delete data",
        "erase my data",
        "erase data",
        "मेरा डेटा मिटाएँ",
        "నా డేటా తొలగించు",
    ),
    "settings": ("settings", "सेटिंग्स", "సెట్టింగ్‌లు"),
    "timezone": ("timezone", "time zone", "tz", "समय क्षेत्र", "టైమ్ జోన్"),
    "reminders": ("reminders", "reminder", "reminder time", "रिमाइंडर", "రిమైండర్"),
    "go_pro": (
        "go pro",
        "gopro",
        "upgrade",
        "pro",
        "buy pro",
        "प्रो",
        "अपग्रेड",
        "प्रो लें",
        "ప్రో",
        "అప్‌గ్రేడ్",
        "ప్రో కొను",
    ),
    "reconcile_payment": (
        "reconcile payment",
        "reconcile",
        "check payment",
        "भुगतान जाँचें",
        "చెల్లింపు తనిఖీ",
    ),
    "apply_coupon": ("apply coupon", "coupon", "कूपन", "कूपन लगाएँ", "కూపన్", "కూపన్ వాడు"),
    "my_referral": (
        "my referral",
        "referral",
        "refer",
        "invite code",
        "मेरा रेफ़रल",
        "रेफ़रल",
        "రెఫరల్",
        "నా రెఫరల్",
    ),
    "redeem": ("redeem", "रिडीम", "కోడ్ వాడు", "రిడీమ్"),
    "payment_status": (
        "payment status",
        "payments",
        "भुगतान",
        "भुगतान स्थिति",
        "చెల్లింపులు",
        "చెల్లింపు స్థితి",
    ),
}

LANGUAGE_WORDS = {
    "en": ("en", "english", "अंग्रेज़ी", "अंग्रेजी", "ఇంగ్లీష్"),
    "hi": ("hi", "hindi", "हिंदी", "हिन्दी", "హిందీ"),
    "te": ("te", "telugu", "तेलुगु", "తెలుగు"),
}


@dataclass(frozen=True, slots=True)
class Command:
    """`args` is the casefolded rest of the message; `args_first` when it came before the verb."""

    name: str
    args: str = ""
    args_first: bool = False


def normalize(text: str) -> str:
    return " ".join(text.casefold().replace("_", " ").split())


VERB_LAST = frozenset({"attended", "missed", "holiday"})
MAX_LEADING_WORDS = 2
_BY_WORDS = {normalize(word): name for name, words in ALIASES.items() for word in words}


def parse_command(text: str) -> Command | None:
    """Match the whole message first, then its first word with the rest as arguments."""
    words = normalize(text)
    if not words:
        return None
    if words in _BY_WORDS:
        return Command(_BY_WORDS[words])
    if words.startswith(("lang:", "language:")):
        return Command("language", words.partition(":")[2].strip())
    parts = words.split(" ")
    for size in (3, 2, 1):
        head, tail = " ".join(parts[:size]), " ".join(parts[-size:])
        if head in _BY_WORDS and head != words:
            return Command(_BY_WORDS[head], words[len(head) :].strip())
        # Hindi and Telugu put the verb last: "कल हुआ", "నిన్న జరిగింది" (a day, not a sentence)
        if (
            tail in _BY_WORDS
            and tail != words
            and _BY_WORDS[tail] in VERB_LAST
            and len(parts) - size <= MAX_LEADING_WORDS
        ):
            return Command(_BY_WORDS[tail], words[: -len(tail)].strip(), args_first=True)
    return None


def language_code(word: str) -> str | None:
    word = normalize(word)
    return next((code for code, words in LANGUAGE_WORDS.items() if word in words), None)
