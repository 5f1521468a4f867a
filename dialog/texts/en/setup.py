"""English: family, children and the monthly plan."""

TEXTS = {
    "btn.setup": "Set up",
    "btn.setup_mid": "Mid-month",
    "btn.setup_same": "Same plan",
    "btn.setup_change": "Change plan",
    "btn.setup_fresh": "The 1st",
    "btn.setup_today": "Today",
    "btn.plan_change": "Change",
    "btn.plan_keep": "Keep",
    "child.added_current": "👶 {name} is added, and is now the child you are working on. To go "
    "back to {previous}, type *children*.",
    "setup.ask_start": "Setting up {month} for {name}. When did this month's package begin?\n"
    "• *The 1st*: on {first}.\n"
    "• *Today*: on {today}.\n"
    "• Or type the day, for example *{example}*: you can log sessions from that day on.\n"
    "• *Mid-month*: you only know how many sessions were used before tracking.",
    "setup.bad_start": "Please type a day from {first} to {today}, for example "
    "*{day_number}*, *{example}* or *{numeric}*, or tap one of the choices.",
    "setup.saved_start": "Package began {day}: type *backfill* to log the sessions since then.",
    "setup.kept": "The plan for {name} stays as it is.",
    "plan.view": "📋 {name}'s plan for {month}:",
    "plan.view_paid": {
        "one": "• Paid: {count} session at {cost} ({total})",
        "other": "• Paid: {count} sessions at {cost} each ({total})",
    },
    "plan.view_carried": "• Carried from last month: {carried}",
    "plan.view_start": "• Package began: {day}",
    "plan.view_used_before": "• Used before tracking: {used}",
    "plan.view_used": "• Used: {used} · Left: {left}",
    "role.owner": "owner",
    "role.parent": "parent",
    "role.therapist": "therapist",
    "family.no_child": "First, let us set up your child. Tap *Set up* or type *setup*.",
    "family.not_allowed": "Sorry, as a {role} you cannot do that for this child.",
    "child.ask_name": "What is your child's name?",
    "child.bad_name": "Please type the child's name (1 to 60 letters), for example: Asha",
    "child.added": "👶 {name} is added. You can add another child any time with *add child*.",
    "child.pick": "Which child are you working on now? (now: {name})",
    "child.pick_button": "Children",
    "child.add_row": "➕ Add a child",
    "child.switched": "Now working on {name}.",
    "child.unknown": "That child is not in your family. Type *children* to pick again.",
    "setup.rollover": {
        "one": "{month} for {name} has no plan yet. Last plan ({previous}): {paid} "
        "at {cost}. {count} paid session is left to carry forward.\nUse the same plan "
        "with {count} carried, or change it?",
        "other": "{month} for {name} has no plan yet. Last plan ({previous}): "
        "{paid} at {cost}. {count} paid sessions are left to carry forward.\nUse the "
        "same plan with {count} carried, or change it?",
    },
    "setup.ask_fresh": "Pick a package, or type *sessions cost carried*, for example "
    "*16 800 0* or *16 sessions at 800, 2 carried*.",
    "setup.ask_mid": "Type *sessions cost carried used*, for example *16 800 2 6* or "
    "*16 sessions at 800, 2 carried, 6 used* (used = sessions already done "
    "this month before tracking).",
    "setup.presets_button": "Packages",
    "setup.other_row": "Other amount",
    "setup.other_desc": "Type your own numbers",
    "setup.preset_desc": "{total} for the month",
    "setup.saved": {
        "one": "✅ Plan saved for {name}, {month}:\n{paid} paid + {carried} carried "
        "= {count} session at {cost}.",
        "other": "✅ Plan saved for {name}, {month}:\n{paid} paid + {carried} "
        "carried = {count} sessions at {cost} each.",
    },
    "setup.saved_used": "Already used before tracking: {used}.",
    "setup.saved_logged": "Already logged this month: {count}.",
    "setup.saved_left": "Left: {left}.",
    "setup.replaced": "(This replaces the earlier plan for {month}.)",
    "plan.error.unreadable": "I could not read that. Type sessions, cost and carried, "
    "for example: 16 800 0",
    "plan.error.sessions": "Sessions paid must be between 1 and 62. For example: 16 800 0",
    "plan.error.cost": "Cost per session must be between ₹0 and ₹1,00,000. For example: 16 800 0",
    "plan.error.carried": "Carried sessions must be between 0 and 62. For example: 16 800 2",
    "plan.error.used": "Used sessions cannot be more than sessions paid plus carried. "
    "For example: 16 800 2 6",
    "plan.error.sessions_missing": "Please give at least sessions and cost, for example: 16 800 0",
    "plan.error.cost_missing": "Please give at least sessions and cost, for example: 16 800 0",
    "plan.error.negative": "Numbers cannot be negative. For example: 16 800 0",
    "plan.error.not_whole": "Please use whole numbers, for example: 16 800 0",
    "plan.error.used_unexpected": (
        "A fresh start has no used sessions. For a mid-month start tap *Mid-month*."
    ),
    "plan.error.used_missing": "Mid-month needs the sessions already used too, for example: "
    "16 800 2 6",
}
