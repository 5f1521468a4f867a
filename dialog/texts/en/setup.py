"""English: family, children and the monthly plan."""

TEXTS = {
    "btn.setup": "Set up",
    "btn.setup_fresh": "Start fresh",
    "btn.setup_mid": "Mid-month",
    "btn.setup_same": "Same plan",
    "btn.setup_change": "Change plan",
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
    "setup.mode": "Setting up {month} for {name}. How do you want to start?\n"
    "• *Start fresh*: the package starts now.\n"
    "• *Mid-month*: some sessions were already used before you started tracking.",
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
    "setup.preset_desc": {
        "one": "{count} session × {cost}",
        "other": "{count} sessions × {cost}",
    },
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
