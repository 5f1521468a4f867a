"""en: small talk, guessed commands, and sentences about today's session."""

TEXTS = {
    "small_talk.thanks": "You're welcome! 😊",
    "small_talk.ok": "👍",
    "guess.ask": "Did you mean *{word}*?",
    "btn.guess_yes": "Yes",
    "btn.guess_no": "No",
    "guess.declined": "Okay. Type *help* to see the words I understand.",
    "said.attended": "Log {name}'s session on {day} as attended?",
    "said.missed": "Log {name}'s session on {day} as missed?",
    "said.missed_reason": "Log {name}'s session on {day} as missed?\nReason: {reason}",
    "btn.said_yes": "Yes, log it",
    "btn.said_no": "No",
    "said.declined": "Okay, nothing logged.",
    "said.again": "Shall I log it? Tap *Yes* or *No*.",
}
