"""en: members — the family, invites, role changes, co-member notices and the clinic view."""

TEXTS: dict[str, str | dict[str, str]] = {
    "btn.member_parent": "Parent",
    "btn.member_therapist": "Therapist",
    "btn.member_accept": "✅ Accept",
    "btn.member_reject": "Reject",
    "btn.member_invites": "Invites",
    "btn.member_pick": "Choose",
    "btn.member_agree": "✅ Agree",
    "btn.member_decline": "Decline",
    "btn.member_keep": "No, keep",
    "btn.member_leave": "Yes, leave",
    "btn.member_remove_yes": "Yes, remove",
    "btn.member_invite": "Invite",
    "btn.member_remove_member": "Remove",
    "btn.member_role": "Change role",
    "invite.pick_role": "Who would you like to invite to {name}'s family?",
    "invite.ask_phone": "Type the {role}'s WhatsApp number, for example 98765 43210 or "
    "+91 98765 43210.",
    "invite.bad_phone": "That does not look like a phone number. Type it in digits, for "
    "example 98765 43210 or +91 98765 43210.",
    "invite.self": "That is your own number. Type the number of the person you want to invite.",
    "invite.member": "{phone} is already in {name}'s family as {role}. To change their role, "
    "type *role*.",
    "invite.full": "{name}'s family already has 12 people. Remove someone with *remove member* "
    "before inviting more.",
    "invite.sent": "📨 Invite saved: {phone} can join {name}'s family as {role}. Ask them to "
    "send any message (like *hi*) to this WhatsApp number: I will show them the invite, with "
    "*Accept* and *Reject*.",
    "invite.sent_url": "📨 Invite saved: {phone} can join {name}'s family as {role}. Forward "
    "them this link: when they send the message it opens, they join.\n{link}",
    "invite.limited": "You have sent many invites today. Please try again tomorrow.",
    "invite.cancel_confirm": "Cancel the invite for {phone} ({role}) to {name}'s family?",
    "invite.cancelled": "Done. The invite for {phone} to {name}'s family is cancelled.",
    "btn.invite_cancel": "Cancel invite",
    "invite.received": "👋 {by} invited you to join {name}'s therapy tracker as {role}. You "
    "will see and log {name}'s sessions together with the family. Do you "
    "accept?",
    "invite.reminder": "You have an invite from {by} to join {name}'s family as {role}. Accept "
    "it to start, or reject it.",
    "invite.row_desc": "{role}, from {by}",
    "invite.pick_accept": {
        "one": "You have {count} invite. Tap it to accept:",
        "other": "You have {count} invites. Pick the one to accept:",
    },
    "invite.pick_reject": {
        "one": "You have {count} invite. Tap it to reject:",
        "other": "You have {count} invites. Pick the one to reject:",
    },
    "invite.none": "You have no pending invites.",
    "invite.gone": "That invite is no longer open. Ask the family to invite you again.",
    "invite.accepted": "🎉 Welcome! You joined {name}'s family as {role}.",
    "invite.rejected": "Okay, you rejected the invite to {name}'s family. Nothing is shared "
    "with you.",
    "member.list": "👨‍👩‍👧 {name}'s family:",
    "member.line": "• {phone}: {role}",
    "member.line_you": "• {phone}: {role} (you)",
    "member.line_pending": "• {phone}: {role}, invite pending ({how})",
    "member.line_asked": "(asked to become {role})",
    "member.how.message": "sent",
    "member.how.template": "sent as a template",
    "member.how.link": "link to forward",
    "member.how.none": "not sent",
    "member.list_hint": "Type *leave family* to leave. An owner hands over with *transfer "
    "ownership*.",
    "member.none_to_remove": "There is nobody in {name}'s family you can remove.",
    "member.pick_remove": "Whom should I remove from {name}'s family?",
    "member.desc_pending": "{role}, invite pending",
    "member.remove_confirm": "Remove {phone} ({role}) from {name}'s family? They will no "
    "longer see or log {name}'s sessions.",
    "member.removed": "Done. {phone} is no longer in {name}'s family.",
    "member.last_owner": "You are the last owner of {name}'s family, so you cannot leave yet. "
    "First make someone else the owner: type *transfer ownership*.",
    "member.not_member": "That person is no longer in {name}'s family.",
    "member.kept": "Okay, nothing was changed.",
    "member.unknown": "That person is not in this family any more. Type *members* to see who is.",
    "member.leave_confirm": "Leave {name}'s family? You will no longer see or log {name}'s "
    "sessions.",
    "member.left": "You left {name}'s family.",
    "member.no_role_candidates": "There is no parent or therapist in {name}'s family whose "
    "role you can change.",
    "member.role_row_desc": "{old} → {new}",
    "member.pick_role_change": "Whose role should change in {name}'s family? It changes only "
    "when they agree.",
    "member.no_owner_candidates": "There is nobody else in {name}'s family yet. Invite someone "
    "first with *invite*.",
    "member.pick_owner": "Who should become the owner of {name}'s family? They must agree; "
    "you then become a parent.",
    "member.asked_sent": "I asked {phone} to become {role} in {name}'s family. Their role "
    "changes only when they agree.",
    "member.asked_later": "I saved your request for {phone} to become {role} in {name}'s "
    "family, but I cannot message them right now. They will see it when "
    "they type *role*.",
    "member.request_role": "{by} asks to change your role in {name}'s family from {old} to "
    "{new}. Do you agree?",
    "member.request_owner": "{by} wants to hand {name}'s family over to you: you would become "
    "the owner (now: {old}) and they would become a parent. Do you "
    "agree?",
    "member.no_request": "There is no open role request for you there.",
    "member.last_owner_role": "You are the last owner of this family, so your role cannot "
    "change. Hand it over first with *transfer ownership*.",
    "member.role_now": "✅ Done: you are now {role} in {name}'s family.",
    "member.role_kept": "Okay, you stay {role} in {name}'s family.",
    "notify.joined": "🤝 {by} joined {name}'s family as {role}.",
    "notify.declined": "{by} declined the invite to join {name}'s family as {role}.",
    "notify.left": "👋 {by}, {role}, left {name}'s family.",
    "notify.removed": "{by} removed you from {name}'s family.",
    "notify.role_changed": "🔁 {by} is now {role} in {name}'s family.",
    "notify.role_declined": "{by} declined to become {role} in {name}'s family.",
    "notify.someone": "A family member",
    "notify.header": "📣 Family updates:",
    "notify.more": {
        "one": "…and {count} more update.",
        "other": "…and {count} more updates.",
    },
    "notify.attended": {
        "one": "✅ {by} logged {count} attended session for {name} on {day}.",
        "other": "✅ {by} logged {count} attended sessions for {name} on {day}.",
    },
    "notify.missed": {
        "one": "❌ {by} logged {count} missed session for {name} on {day}.",
        "other": "❌ {by} logged {count} missed sessions for {name} on {day}.",
    },
    "notify.note": "📝 {by} added a therapy note for {name}.",
    "admin.none": "You are not in any family yet, so there is nothing to show.",
    "admin.summary": "🏥 Your families, last 14 days:\n• Children: {children}\n• Active (a "
    "session logged): {active}\n• Pending invites: {pending}",
    "admin.risk_title": "⚠️ Children who may drop off:",
    "admin.no_risk": "✅ No child looks at risk of dropping off.",
    "admin.risk_high": "• {name}: high risk ({attended} attended, {missed} missed)",
    "admin.risk_medium": "• {name}: medium risk ({attended} attended, {missed} missed)",
    "admin.more": "…and {count} more.",
}
