"""hi: small talk, guessed commands, and sentences about today's session."""

TEXTS = {
    "small_talk.thanks": "आपका स्वागत है! 😊",
    "small_talk.ok": "👍",
    "guess.ask": "क्या आपका मतलब *{word}* था?",
    "btn.guess_yes": "हाँ",
    "btn.guess_no": "नहीं",
    "guess.declined": "ठीक है। मैं कौन-से शब्द समझता हूँ, यह देखने के लिए *मदद* लिखें।",
    "said.attended": "{day} को {name} का सत्र हुआ, यह दर्ज करूँ?",
    "said.missed": "{day} को {name} का सत्र छूटा, यह दर्ज करूँ?",
    "said.missed_reason": "{day} को {name} का सत्र छूटा, यह दर्ज करूँ?\nवजह: {reason}",
    "btn.said_yes": "हाँ, दर्ज करें",
    "btn.said_no": "नहीं",
    "said.declined": "ठीक है, कुछ दर्ज नहीं किया।",
    "said.again": "दर्ज करूँ? *हाँ* या *नहीं* चुनें।",
}
