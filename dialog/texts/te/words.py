"""te: small talk, guessed commands, and sentences about today's session."""

TEXTS = {
    "small_talk.thanks": "సంతోషం! 😊",
    "small_talk.ok": "👍",
    "guess.ask": "మీరు *{word}* అనాలనుకున్నారా?",
    "btn.guess_yes": "అవును",
    "btn.guess_no": "కాదు",
    "guess.declined": "సరే. నాకు అర్థమయ్యే పదాలు చూడటానికి *సహాయం* అని టైప్ చేయండి.",
    "said.attended": "{day} నాడు {name} సెషన్ జరిగినట్లు నమోదు చేయనా?",
    "said.missed": "{day} నాడు {name} సెషన్ జరగలేదని నమోదు చేయనా?",
    "said.missed_reason": "{day} నాడు {name} సెషన్ జరగలేదని నమోదు చేయనా?\nకారణం: {reason}",
    "btn.said_yes": "అవును, నమోదు చేయి",
    "btn.said_no": "వద్దు",
    "said.declined": "సరే, ఏమీ నమోదు చేయలేదు.",
    "said.again": "నమోదు చేయనా? *అవును* లేదా *కాదు* ఎంచుకోండి.",
}
