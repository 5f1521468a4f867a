"""en: the caregiver web pages in chat: the calendar link, themes, reset month, revoke links."""

TEXTS: dict[str, str | dict[str, str]] = {
    "calendar.link": "📅 {name}'s month as a page for your phone's browser: every day, the "
    "numbers and a chart. The link is yours alone, so please do not forward it; send "
    "*calendar* any time for a fresh one.",
    "btn.calendar_open": "Open calendar",
    "calendar.off": "The calendar pages are not set up on this server yet. Type *summary* to "
    "see {name}'s month here in the chat.",
    "row.calendar": "Calendar",
    "row.calendar.desc": "The month on a web page, with a chart",
    "theme.pick": "🎨 Your calendar page uses the {theme} theme. Pick another:",
    "theme.sunrise": "Sunrise",
    "theme.ocean": "Ocean",
    "theme.forest": "Forest",
    "theme.saved": "✅ Theme set to {theme}. Your calendar page shows it the next time it opens.",
    "theme.unknown": "There are three themes: {themes}. Type *theme ocean*, for example.",
    "reset.ask": {
        "one": "⚠️ Reset {month} for {name}? Its {count} entry (logged sessions and days off) "
        "will be set aside, for every member; the package stays. *undo* within 24 hours brings "
        "it back.\nTo confirm, type the month's name: *{month_word}*. Type *cancel* to keep "
        "everything.",
        "other": "⚠️ Reset {month} for {name}? All {count} entries (logged sessions and days "
        "off) will be set aside, for every member; the package stays. *undo* within 24 hours "
        "brings them back.\nTo confirm, type the month's name: *{month_word}*. Type *cancel* to "
        "keep everything.",
    },
    "reset.ask_again": "To reset {month}, type *{month_word}*; type *cancel* to keep everything.",
    "reset.empty": "Nothing is logged for {name} in {month}, so there is nothing to reset.",
    "reset.done": {
        "one": "🧹 {month} is reset for {name}: {count} entry set aside. Type *undo* within 24 "
        "hours to bring it back.",
        "other": "🧹 {month} is reset for {name}: {count} entries set aside. Type *undo* within "
        "24 hours to bring them back.",
    },
    "reset.undone": {
        "one": "↩️ {month} is back for {name}: {count} entry restored.",
        "other": "↩️ {month} is back for {name}: {count} entries restored.",
    },
    "reset.undone_kept": {
        "one": "{count} entry stays aside: something new was logged on its day after the reset.",
        "other": "{count} entries stay aside: something new was logged on their days after the "
        "reset.",
    },
    "notify.month_reset": {
        "one": "🧹 {by} reset {month} for {name}: {count} entry set aside. They can bring it "
        "back with *undo* within 24 hours.",
        "other": "🧹 {by} reset {month} for {name}: {count} entries set aside. They can bring "
        "them back with *undo* within 24 hours.",
    },
    "notify.month_reset_undone": {
        "one": "↩️ {by} undid the reset of {month} for {name}: {count} entry is back.",
        "other": "↩️ {by} undid the reset of {month} for {name}: {count} entries are back.",
    },
    "revoke.done": "🔒 Done: every calendar link sent for {name} so far has stopped working, "
    "for every member. Send *calendar* for a new one.",
}
