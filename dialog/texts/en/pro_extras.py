"""en: what Pro gates (payments/features.py), the monthly PDF push and the Pro expiry nudges."""

from dialog.texts.merge import Entry

TEXTS: dict[str, Entry] = {
    "pro.gate.refused": "🌟 {feature} comes with *{plan}*. Logging, status and summaries stay "
    "free. Type *go pro* to see the plans and get it.",
    "monthly.sent": "📄 {month} is over, so here is {name}'s report for it. To stop these "
    "monthly reports, open *settings*.",
    "row.settings_monthly_on": "Monthly PDF: on",
    "row.settings_monthly_on.desc": "Off now; tap to get last month's report on the 1st",
    "row.settings_monthly_off": "Monthly PDF: off",
    "row.settings_monthly_off.desc": "On now; tap to stop it",
    "monthly.saved_on": "✅ On the 1st of each month, last month's PDF report will come here "
    "(with Pro).",
    "monthly.saved_off": "🔕 The monthly PDF report is off. You can still type *report*.",
    "pro.expiring": {
        "one": "🌟 {plan} for {name}'s family ends in {count} day, on {date}. Type *go pro* "
        "to add more days; they add on to the days left.",
        "other": "🌟 {plan} for {name}'s family ends in {count} days, on {date}. Type *go pro* "
        "to add more days; they add on to the days left.",
    },
    "export.pro_never": "Pro: never bought",
    "export.pro_until": "Pro: {plan} until {when}",
    "export.pro_ended": "Pro: {plan}, ended {when}",
    "export.h_payments": "Payments:",
    "export.payment": "• {when}: {amount}, {state} (Razorpay {payment_id})",
    "export.refunded": "refunded {amount}",
    "row.go_pro": "🌟 Go Pro",
    "row.go_pro.desc": "PDF reports, more children; logging stays free",
}
