"""en: Pro plans and payments."""

from dialog.texts.merge import Entry

TEXTS: dict[str, Entry] = {
    "pro.plan.parent_basic_199": "Parent Basic",
    "pro.plan.pro_plus_499": "Pro Plus",
    "pro.feature.pdf_report": "the monthly report as a PDF",
    "pro.feature.monthly_push": "that PDF sent to you when a month ends",
    "pro.feature.caregiver_edit_links": "edit links on the caregiver page",
    "pro.feature.extra_children": "more than one child",
    "pro.title": "🌟 *Pro for {child}'s family*",
    "pro.state_free": "Now: the free plan. Logging, status and summaries stay free always.",
    "pro.state_active": "Now: *{plan}* until {date}. Every member of the family has it.",
    "pro.plan_line": {
        "one": "*{plan}*: {amount} for {count} day. Gives {features}.",
        "other": "*{plan}*: {amount} for {count} days. Gives {features}.",
    },
    "pro.pick": "Pick a plan to get a payment link. Days add on to any you still have.",
    "pro.not_set_up": "Payments are not set up yet, so Pro cannot be bought right now.",
    "pro.therapist": "Only a parent of {child} can buy Pro for the family; "
    "everything you use as a therapist stays free.",
    "btn.pro_buy": "{plan} {amount}",
    "pro.link_coming": "⏳ Making your payment link. It comes in a moment.",
    "pro.link_ready": {
        "one": "💳 {plan} for {child}'s family: {amount} for {count} day of Pro. "
        "Tap the button to pay. The link works for 24 hours.",
        "other": "💳 {plan} for {child}'s family: {amount} for {count} days of Pro. "
        "Tap the button to pay. The link works for 24 hours.",
    },
    "btn.pro_pay": "Pay {amount}",
    "pro.link_failed": "Sorry, I could not make a payment link just now. "
    "Please type *go pro* again in a little while.",
    "pro.active_until": "🌟 {plan} is on for {child}'s family until {date}. Thank you!",
    "pro.payment_failed": "Your payment did not go through. You can try again with the same "
    "link, or type *go pro*.",
    "pro.taken_back": {
        "one": "A refund was made, so {count} day of Pro was taken back. "
        "Pro now runs until {date}.",
        "other": "A refund was made, so {count} days of Pro were taken back. "
        "Pro now runs until {date}.",
    },
    "pay.status_title": "🧾 *Payments for {child}'s family*",
    "pay.none": "No payments yet.",
    "pay.line": "{date}: {amount}, {state}",
    "pay.state.granted": "Pro added",
    "pay.state.paid": "received",
    "pay.state.failed": "did not go through",
    "pay.state.unmatched": "being checked",
    "pay.state.amount_mismatch": "being checked",
    "pay.reconcile_usage": "Type *reconcile payment* and the payment id from your receipt, "
    "for example *reconcile payment pay_ABC123*.",
    "pay.reconcile_limited": "You have asked several times in the last hour. "
    "Please try again a little later.",
    "pay.reconcile_found": "This payment is on record: {state}.",
    "pay.reconcile_checking": "I could not find that payment for {child}'s family yet. I am "
    "asking Razorpay about your open payment links now; if one was paid, you will hear within "
    "a few minutes.",
    "coupon.usage": "Type *apply coupon* and the code, for example *apply coupon DIWALI20*.",
    "code.limited": "You have tried several codes that did not work. Please try again in an hour.",
    "coupon.invalid": "The coupon {code} cannot be used: it may be mistyped, expired or used up.",
    "coupon.applied": "🎟️ Coupon {code}: {percent}% off your next payment link. Pick a plan:",
    "coupon.gone": "Sorry, the coupon {code} has just run out or expired. "
    "Here are the plans at their usual price:",
    "ref.code": {
        "one": "🎁 Your family's invite code is *{code}*. Share it with another family: when "
        "they type *redeem {code}* they get {count} day of Pro at once, and your family gets "
        "{count} day when they first pay.",
        "other": "🎁 Your family's invite code is *{code}*. Share it with another family: when "
        "they type *redeem {code}* they get {count} days of Pro at once, and your family gets "
        "{count} days when they first pay.",
    },
    "ref.usage": "Type *redeem* and the code another family gave you, for example "
    "*redeem ABCD2345EF*.",
    "ref.redeemed": {
        "one": "🎉 Code accepted: {child}'s family has {count} day of Pro, until {date}.",
        "other": "🎉 Code accepted: {child}'s family has {count} days of Pro, until {date}.",
    },
    "ref.not_found": "I do not know that code. Please check it and try again.",
    "ref.self": "That is your own family's code; share it with another family instead.",
    "ref.already": "Your family has already used an invite code.",
    "ref.not_new": "Invite codes are for families who are new here and have not had Pro yet.",
    "ref.mutual": "That family joined with your code, so they cannot invite you back.",
    "ref.cap": "That code has been used as often as it can be.",
    "ref.rewarded": {
        "one": "🎁 A family you invited has joined Pro, so you get {count} more day. "
        "Pro now runs until {date}.",
        "other": "🎁 A family you invited has joined Pro, so you get {count} more days. "
        "Pro now runs until {date}.",
    },
}
