"""en: scheduled messages (reminders, package running low) and the digest's setting."""

TEXTS: dict[str, str | dict[str, str]] = {
    "reminder.nudge": "⏰ Nothing is logged for {name} today yet. Tap to log it:",
    "btn.reminder_holiday": "🏖 Day off",
    "package.low": {
        "one": "📦 {name}: only {count} session is left in this month's package. "
        "Time to renew with the clinic? (Type *package alert* to change when this comes.)",
        "other": "📦 {name}: only {count} sessions are left in this month's package. "
        "Time to renew with the clinic? (Type *package alert* to change when this comes.)",
    },
    "package.carry_offer": {
        "one": "📅 {name}: this month has no plan yet. {count} session was left last month; "
        "tap *Set up* to carry it forward.",
        "other": "📅 {name}: this month has no plan yet. {count} sessions were left last "
        "month; tap *Set up* to carry them forward.",
    },
    "row.settings_digest_days": "Weekly digest: on",
    "row.settings_digest_days.desc": "Off now; choose the day it comes",
    "row.settings_digest_off": "Weekly digest: off",
    "row.settings_digest_off.desc": "On now; tap to stop it",
    "digest.pick_day": "📰 Which day should the weekly digest come? It arrives from {time} "
    "your time.",
    "digest.card_on": "📰 The weekly digest comes every {day} from {time}.",
    "digest.card_off": "📰 The weekly digest is off. When on, it comes every {day} from {time}.",
    "digest.typed_hint": "You can also type *digest time 8pm*, *digest time sunday* or "
    "*digest time off*.",
    "digest.not_understood": "I did not understand that digest setting.",
    "digest.pick_period": "📰 When should the weekly digest come? Pick a part of the day:",
    "btn.digest_day": "Change day",
    "package_alert.summary": {
        "one": "📦 {name}: the reminder to renew the package comes when {count} session is left.",
        "other": "📦 {name}: the reminder to renew the package comes when {count} sessions are "
        "left.",
    },
    "package_alert.pick": "Pick another number of sessions left, or type one, e.g. "
    "*package alert 3*.",
    "package_alert.invalid": "Type a number of sessions left from 0 to {most}, e.g. "
    "*package alert 3*.",
    "digest.saved_on": "✅ The weekly digest will come every {day} from {time}. Type "
    "*digest time* to change the hour.",
    "digest.saved_off": "🔕 The weekly digest is off.",
}
