"""en: scheduled messages (reminders, package running low) and the digest's setting."""

TEXTS: dict[str, str | dict[str, str]] = {
    "reminder.nudge": "⏰ Nothing is logged for {name} today yet. Tap to log it:",
    "btn.reminder_holiday": "🏖 Day off",
    "package.low": {
        "one": "📦 {name}: only {count} session is left in this month's package. "
        "Time to renew with the clinic?",
        "other": "📦 {name}: only {count} sessions are left in this month's package. "
        "Time to renew with the clinic?",
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
    "digest.pick_day": "📰 Which day should the weekly digest come? It arrives from 18:00 "
    "your time.",
    "digest.saved_on": "✅ The weekly digest will come every {day} from {time}.",
    "digest.saved_off": "🔕 The weekly digest is off.",
}
