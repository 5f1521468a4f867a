"""English."""

TEXTS = {
    "welcome": (
        "👋 Welcome to Therapy Tracker!\n"
        "I help your family keep your child's therapy month on track: log each session as "
        "attended or missed, see what is paid, used and left, and get gentle reminders.\n\n"
        "🔒 What I keep: your number, your language, and what you log here (sessions, "
        "reasons, notes). It is used only to run this tracker, encrypted where it is "
        "sensitive, never sold. Type *stop* to pause messages, *export* or *delete my data* "
        "any time. Details: {privacy_url}"
        "\n\nPick your language below 👇"
    ),
    "menu.body": "What would you like to do?",
    "menu.more_button": "More",
    "menu.more_body": "More options:",
    "menu.list_button": "Open",
    "btn.more": "More",
    "row.help": "Help",
    "row.help.desc": "What I can do and how to ask",
    "row.language": "Language",
    "row.language.desc": "English, हिंदी, తెలుగు",
    "row.consent": "Privacy & consent",
    "row.consent.desc": "What is kept and your choices",
    "cancelled": "Okay, cancelled. Nothing was changed.",
    "nothing_to_cancel": "There is nothing to cancel right now.",
    "language.prompt": "Choose your language:",
    "language.button": "Languages",
    "language.saved": "Done. I will talk to you in English.",
    "language.unknown": "I know English, Hindi and Telugu. Try: *lang:hi*",
    "consent.opted_out": (
        "You are opted out. I will not send you reminders, digests or updates. "
        "Reply *start* any time to turn them back on."
    ),
    "consent.opted_in": "Welcome back! Messages are on again.",
    "consent.already_in": "Messages are already on for you.",
    "consent.already_out": "You are already opted out. Reply *start* to turn messages on.",
    "consent.gate": (
        "You are opted out, so I am not tracking anything for you. "
        "Reply *start* to turn messages back on."
    ),
    "consent.status_in": "Consent: ON (since {since}). Reply *stop* to pause messages.",
    "consent.status_out": "Consent: OFF (since {since}). Reply *start* to turn messages on.",
    "consent.since_unknown": "you joined",
    "fallback": "Sorry, I did not understand that. Type *help* to see what I can do.",
    "hello": "Hello again! 👋",
    "media.image": "Thanks for the photo. I cannot read pictures yet; please type what you "
    "need, or type *help*.",
    "media.audio": "Thanks for the voice message. I cannot listen to audio yet; please type "
    "it instead.",
    "media.video": "Thanks for the video. I cannot watch videos; please type what you need.",
    "media.document": "Thanks for the file. I cannot open documents yet; please type what "
    "you need.",
    "media.sticker": "Nice sticker! 😊 Type *menu* to see what I can do.",
    "media.location": "Thanks for the location. I do not use locations; type *help* to see "
    "what I can do.",
    "media.contacts": "Thanks for the contact card. I do not read contact cards yet.",
    "media.reaction": "",
    "media.other": "I cannot handle that kind of message yet. Please type what you need, or "
    "type *help*.",
    "flow.didnt_get": "Sorry, I did not get that.",
    "flow.gave_up": "Let us leave that for now; nothing was saved. Type *help* to see what "
    "I can do.",
    "flow.expired": "Your earlier question timed out, so I set it aside.",
    "flow.command_or_answer": "*{word}* is also a command. Shall I run it, or is “{word}” "
    "your answer?",
    "btn.flow_run_command": "Run the command",
    "btn.flow_use_answer": "It is my answer",
    "error.apology": "Sorry, something went wrong on my side and I could not handle your "
    "last message. Please try again in a little while.",
    "btn.menu.attended": "✅ Attended",
    "btn.menu.missed": "❌ Missed",
    "btn.menu.setup": "Set up",
    "btn.menu.help": "Help",
    "menu.no_child": "Start by setting up your child and this month's package.",
    "menu.no_plan": "📅 {name}: no plan for this month yet. Type *setup* to add one.",
    "menu.snapshot": {
        "one": "📅 {name}: {count} of {total} sessions used, {left} left.",
        "other": "📅 {name}: {count} of {total} sessions used, {left} left.",
    },
    "menu.snapshot_beyond": {
        "one": "📅 {name}: {count} of {total} sessions used, {beyond} beyond the package.",
        "other": "📅 {name}: {count} of {total} sessions used, {beyond} beyond the package.",
    },
    "row.status": "Today's status",
    "row.status.desc": "Today and the month at a glance",
    "row.summary": "Month summary",
    "row.summary.desc": "Sessions and money this month",
    "row.weekly": "This week",
    "row.weekly.desc": "Last 7 days, consistency and a tip",
    "row.holiday": "Holiday",
    "row.holiday.desc": "Mark days off",
    "row.undo": "Undo last log",
    "row.undo.desc": "Remove the last entry you logged",
    "row.setup": "Monthly plan",
    "row.setup.desc": "Sessions paid, cost, carried",
    "date.day": "EEE d MMM",  # a CLDR date pattern (Babel), not a text
    "date.day_year": "EEE d MMM y",
    "date.day_month": "d MMM",
    "row.note": "Add a note",
    "row.note.desc": "A note, or *therapist note* for the four parts",
    "row.members": "Family & therapists",
    "row.members.desc": "Members, invites and roles",
    "row.settings": "Settings & privacy",
    "row.settings.desc": "Reminders, timezone, language, your data",
    "help": (
        "Here is what you can type:\n"
        "• *attended* / *missed* – log a session (with a day: *attended yesterday*, "
        "*missed monday*; with a count: *attended 2*)\n"
        "• *undo* – remove your last entry; *holiday* – mark days off\n"
        "• *status*, *summary*, *weekly*, *digest*, *missed report*, *streak* – reports\n"
        "• *report* – the month as a PDF (*report last month*, *report 2026-11*)\n"
        "• *calendar* – the month on a web page; *theme*, *reset month*, *revoke links*\n"
        "• *setup* – this month's plan; *children* / *add child*\n"
        "• *note*, *therapist note*, *notes* – notes (voice notes work too)\n"
        "• *members*, *invite*, *add parent 98xxxxxxxx*, *leave family* – the family\n"
        "• *bulk help* – many dates at once; *backfill* – older dates\n"
        "• *reminders*, *digest time*, *package alert 3* – when I message you\n"
        "• *settings*, *language*, *consent*, *export*, *delete my data*, *stop* / "
        "*start*, *cancel*, *menu*"
    ),
    "choice.invalid": (
        "That choice is not valid (it may be an old or mistyped button). Nothing was "
        "changed. Type *menu* to start again."
    ),
}
