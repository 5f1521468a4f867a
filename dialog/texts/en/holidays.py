"""en: holidays."""

TEXTS = {
    "holiday.pick": "Which days are off (no therapy)?",
    "holiday.button": "Choose",
    "row.holiday.today": "Today",
    "row.holiday.next3": "Next 3 days",
    "row.holiday.next7": "Next 7 days",
    "row.holiday.range": "Pick dates",
    "holiday.ask_range": (
        "Type the first and last day off, for example *24/12 - 28/12* or "
        "*2026-12-24..2026-12-28* (one day is fine too)."
    ),
    "holiday.bad_range": (
        "I could not read those dates. Type like *24/12 - 28/12* (at most 62 days, first "
        "day before the last)."
    ),
    "holiday.before_start": "Tracking for this child starts on {day}; pick days from then on.",
    "holiday.conflict": (
        "Sessions are already logged on {days}. Replace them with holidays, or keep them "
        "and mark only the other days?"
    ),
    "holiday.conflict_all": "Already logged on {days}. Replace with a holiday, or cancel?",
    "holiday.confirm_replace_again": "Please tap *Replace* or *Cancel*.",
    "holiday.confirm_again": "Please tap *Replace* or *Keep sessions*.",
    "btn.holiday_replace": "Replace",
    "btn.holiday_skip": "Keep sessions",
    "btn.holiday_cancel": "Cancel",
    "holiday.expired": "That question has closed. Type *holiday* to start again.",
    "holiday.nothing": "No days were left to mark as holidays.",
    "holiday.span": "{first} to {last}",
    "holiday.marked": {
        "one": "🏖️ {count} day off marked for {name}: {span}. It counts as neither used nor missed.",
        "other": "🏖️ {count} days off marked for {name}: {span}. They count as "
        "neither used nor missed.",
    },
    "holiday.already": {
        "one": "({count} of them was already marked.)",
        "other": "({count} of them were already marked.)",
    },
}
