"""en: sessions."""

TEXTS: dict[str, str | dict[str, str]] = {
    "log.today_desc": "Today",
    "log.yesterday_desc": "Yesterday",
    "log.count": {"one": "{count} session", "other": "{count} sessions"},
    "log.status.attended": "Attended",
    "log.status.missed": "Missed",
    "log.entry": "{status} ({sessions})",
    "log.category.health": "health",
    "log.category.travel": "travel",
    "log.category.therapist": "therapist unavailable",
    "log.category.school": "school",
    "log.category.family": "family",
    "log.category.transport": "transport or weather",
    "log.category.other": "other",
    "log.category.unspecified": "not given",
    "log.pick_attended": "Which day did {name} attend? Pick a day, or type one "
    "(e.g. *yesterday*, *monday*, *{example}*).",
    "log.pick_missed": "Which day was {name}'s session missed? Pick a day, or type one "
    "(e.g. *yesterday*, *monday*, *{example}*).",
    "btn.log_pick_day": "Pick a day",
    "row.log_newer": "⏩ Newer dates",
    "row.log_older": "⏪ Older dates",
    "log.newer_desc": "Later days, up to {day}",
    "log.older_desc": "{day} and before",
    "log.ask_count": "How many sessions did {name} have on {day}? Pick one, or type a number "
    "from 1 to 5.",
    "btn.log_count": "Sessions",
    "log.bad_count": "Please type how many sessions, a number from 1 to 5.",
    "log.ask_reason": "Why was {name}'s session on {day} missed? Type the reason in your own "
    "words (e.g. *fever*, *travelling*, *therapist on leave*).",
    "log.which_status": "What happened on {day} for {name}?",
    "btn.log_attended": "✅ Attended",
    "btn.log_missed": "❌ Missed",
    "log.ask_same": "{name} already has {existing} logged on {day}. Add another entry, or "
    "replace what is there?",
    "log.ask_other": "{name} is already marked {existing} on {day}. Replace it with {new}?",
    "btn.log_add": "Add another",
    "btn.log_replace": "Replace",
    "btn.log_keep": "Keep as is",
    "log.kept": "Okay, {day} stays as it was. Nothing changed.",
    "log.stale": "That question has closed. Type *attended* or *missed* to log again.",
    "log.replaced": "🔁 Replaced what was logged on {day} (type *undo* to bring it back).",
    "log.attended_saved": "✅ Attended logged for {name}: {day}, {sessions}",
    "log.missed_saved": "❌ Missed logged for {name}: {day}, {sessions}\n"
    "Reason: {reason} ({category})",
    "log.milestone": {
        "one": "🎉 {count} week in a row with therapy for {name}! Keep it up.",
        "other": "🎉 {count} weeks in a row with therapy for {name}! Keep it up.",
    },
    "log.error.tomorrow": "Tomorrow has not come yet, so I cannot log it for {name}. Log it "
    "tomorrow after the session, or type *attended today* for today.",
    "log.error.future": "{day} has not come yet for {name} (today is {today}), so I cannot log it.",
    "log.error.before_start": "{day} is before {name}'s tracking started ({earliest}), so I "
    "cannot log it.",
    "log.error.impossible": "That date does not exist (29 Feb comes only in leap years). "
    "Please check it.",
    "log.error.unreadable": "I could not read that date. Type e.g. *yesterday*, *monday*, "
    "*{example}* or *{numeric}*, or pick one from the list.",
    "log.error.too_few": "The number of sessions must be at least {low}. Type a "
    "number from {low} to {high}.",
    "log.error.too_many": "The number of sessions can be at most {high} for one "
    "day. Type a number from {low} to {high}.",
    "mood.ask": "How did {name}'s session go? (optional)",
    "btn.log_mood": "Choose mood",
    "row.log_mood_great": "🤩 Great",
    "row.log_mood_good": "🙂 Good",
    "row.log_mood_okay": "😐 Okay",
    "row.log_mood_tough": "😣 Tough",
    "mood.saved": "Mood saved for {name}'s session on {day}: {mood}",
    "mood.gone": "I could not find that session any more; it may have been undone.",
    "undo.done": "↩️ Removed for {name}: {status}, {day}, {sessions}.",
    "undo.nothing": "There is nothing you logged for {name} to undo.",
    "undo.days_off": {
        "one": "↩️ {count} day off removed for {name}: {days}.",
        "other": "↩️ {count} days off removed for {name}: {days}.",
    },
    "undo.restored": "🔁 Back as it was on {day}: {existing}.",
    "notify.what_missed": "Missed ({reason})",
    "notify.what_holiday": "a holiday",
    "notify.replaced_yours": {
        "one": "🔁 {by} replaced your {count} session on {day} for {name} with {what}.",
        "other": "🔁 {by} replaced your {count} sessions on {day} for {name} with {what}.",
    },
    "notify.restored_yours": {
        "one": "↩️ {by} undid their change on {day} for {name}: your {count} session is back.",
        "other": "↩️ {by} undid their change on {day} for {name}: your {count} sessions are back.",
    },
    "notify.undone_replace": "↩️ {by} undid their change on {day} for {name}: what was logged "
    "before is back.",
    "notify.undone_attended": {
        "one": "↩️ {by} removed the {count} attended session they logged on {day} for {name}.",
        "other": "↩️ {by} removed the {count} attended sessions they logged on {day} for {name}.",
    },
    "notify.undone_missed": {
        "one": "↩️ {by} removed the {count} missed session they logged on {day} for {name}.",
        "other": "↩️ {by} removed the {count} missed sessions they logged on {day} for {name}.",
    },
    "backfill.ask": "Fill in older days for {name}: were they attended or missed?",
    "bulk.help": (
        "📋 Log many days at once:\n"
        "• *attended dates {first}, {second}*\n"
        "• *attended range {first} - {last}*\n"
        "• *missed dates {first}, {second} fever*\n"
        "• *missed range {first} - {last} travelling*\n"
        "Type days as you like (*{first}*, *{example}*); a range covers at most 62 days. "
        "Each day counts as 1 session, and days already logged are skipped."
    ),
    "bulk.done_attended": "✅ Attended days logged for {name}:",
    "bulk.done_missed": "❌ Missed days logged for {name}:",
    "bulk.insert": "• Logged: {n}",
    "bulk.duplicate": "• Already logged the same way (skipped): {n}",
    "bulk.conflict": "• Already logged the other way (skipped): {n}",
    "bulk.future": "• In the future (skipped): {n}",
    "bulk.before_start": "• Before tracking started on {day} (skipped): {n}",
    "bulk.error.unknown_command": "⚠️ I could not read that bulk command.",
    "bulk.error.trailing_text": '⚠️ Attended days take no reason, but I found "{text}" '
    "after the dates.",
    "bulk.error.missing_dates": "⚠️ Please list the dates after the command.",
    "bulk.error.bad_range": "⚠️ Write a range as two days with *-* or *to* between them.",
    "bulk.error.range_reversed": "⚠️ The range starts ({start}) after it ends ({end}).",
    "bulk.error.range_too_long": "⚠️ That range covers {days} days; the most is {limit}.",
    "bulk.error.bad_date": '⚠️ I could not read "{item}" as a day.',
    "bulk.error.impossible_date": "⚠️ {item} does not exist in the calendar.",
}
