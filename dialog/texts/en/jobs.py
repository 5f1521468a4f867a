"""en: scheduled messages (reminders, package running low)."""

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
}
