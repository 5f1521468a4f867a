"""en: notes, the therapist note and voice notes."""

TEXTS: dict[str, str] = {
    "btn.note_add": "📝 Add a note",
    "btn.note_another": "📝 Another note",
    "btn.note_list": "📒 See notes",
    "btn.note_therapist": "🧑‍⚕️ Therapist note",
    "note.ask": "📝 Type your note for {name}. I will keep it exactly as you write it.\n"
    "(Type *cancel* to stop.)",
    "note.saved": "✅ Note saved for {name}.",
    "note.too_long": "That is too long for one note ({length} characters; the limit is "
    "{limit}). Nothing is saved yet: please send it again, shorter, or type *cancel*.",
    "note.child_gone": "You can no longer add notes for that child, so nothing was saved.",
    "note.ask_goal": "🧑‍⚕️ Therapist note for {name} (1/4)\nWhat was today's *goal*?\n"
    "(Type *cancel* to stop; nothing is saved until the last step.)",
    "note.ask_activity": "(2/4) What *activity* did you do?",
    "note.ask_response": "(3/4) How did the child *respond*?",
    "note.ask_homework": "(4/4) What *homework* should the family practise at home?",
    "note.structured_saved": "✅ Therapist note saved for {name}:\n"
    "🎯 Goal: {goal}\n🧩 Activity: {activity}\n"
    "💬 Response: {response}\n🏠 Homework: {homework}",
    "note.list": "📒 Recent notes for {name}:\n{lines}",
    "note.list_empty": "There are no notes for {name} yet. Type *note* to add one.",
    "note.line_free": "• {day}: {text}",
    "note.line_voice": "• {day} 🎤: {text}",
    "note.line_structured": "• {day} 🧑‍⚕️ Goal: {goal} · Homework: {homework}",
    "note.voice_waiting": "🎤 Voice notes not written down yet: {count}.",
    "voice.received": "🎤 Got your voice note. One moment while I write it down…",
    "voice.saved_note": "📝 I wrote down your voice note and saved it for {name}:\n“{text}”",
    "voice.failed": "😕 I could not turn your voice note into text. I kept the recording and "
    "will try again later.",
    "voice.no_service": "🎤 I kept your voice note, but I cannot turn voice into text yet.",
    "voice.unavailable": "😕 I could not download your voice note from WhatsApp.",
    "voice.type_answer": "Please type your answer instead.",
    "voice.type_note": "Please type it instead: *note* followed by your words.",
}
