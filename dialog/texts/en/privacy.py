"""en: privacy."""

TEXTS: dict[str, str | dict[str, str]] = {
    "export.preparing": "📦 Preparing your data export. I will confirm once the file is on its "
    "way to you.",
    "export.caption": "Therapy Tracker: everything we hold about you and your families",
    "export.sent": "✅ Your data export was sent above as a text file. It holds everything we "
    "keep about you and your families.",
    "export.title": "THERAPY TRACKER – YOUR DATA",
    "export.made": "Exported {when} ({timezone})",
    "export.h_account": "YOU",
    "export.phone": "Phone: {phone}",
    "export.language": "Language: {language_name}",
    "export.timezone": "Timezone: {timezone}",
    "export.consent_opted_in": "Messages: on (since {since})",
    "export.consent_opted_out": "Messages: off (since {since})",
    "export.reminders_on": "Reminders: on, at {time} on {days}",
    "export.reminders_off": "Reminders: off (set to {time} on {days})",
    "export.joined": "First message: {when}",
    "export.h_families": "YOUR FAMILIES",
    "export.h_child": "CHILD: {name}",
    "export.child_info": "Timezone: {timezone}. Tracked since {day}.",
    "export.h_members": "Members:",
    "export.member": "• {role}: {who}",
    "export.h_plans": "Monthly plans:",
    "export.plan": {
        "one": "• {month}: {count} session paid at {cost}, {carried} carried "
        "forward, {used} used before tracking",
        "other": "• {month}: {count} sessions paid at {cost} each, {carried} "
        "carried forward, {used} used before tracking",
    },
    "export.h_sessions": "Sessions:",
    "export.session_attended": "• {day}: attended ×{count}",
    "export.session_missed": "• {day}: missed ×{count}",
    "export.reason": "reason: {reason}",
    "export.mood": "mood: {mood}",
    "export.by": "logged by {who}",
    "export.h_holidays": "Holidays:",
    "export.h_notes": "Notes:",
    "export.note": "• {when}, {who}: {body}",
    "export.h_events": "YOUR ACTIVITY LOG",
    "export.event": "• {when}: {what}",
    "export.none": "• none",
    "export.you": "you",
    "export.former_member": "a former member",
    "export.footer": "To erase your data, send “delete my data” in the chat.",
    "export.membership_active": "• {name} – your role: {role}",
    "export.membership_pending": "• {name} – invited as {role}, not yet accepted",
    "export.note_voice": "• {when}, {who} (voice note): {body}",
    "export.note_structured": "• {when}, {who} – therapist note:",
    "export.field_goal": "Goal: {text}",
    "export.field_activity": "Activity: {text}",
    "export.field_response": "Response: {text}",
    "export.field_homework": "Homework: {text}",
    "export.family_of": "{name}'s family",
    "export.a_family": "a family",
    "export.event.opt_out": "You turned messages off.",
    "export.event.opt_in": "You turned messages on.",
    "export.event.language_changed": "Language set to {language_name}.",
    "export.event.timezone_changed": "Timezone set to {timezone}.",
    "export.event.reminders_on": "Reminders turned on.",
    "export.event.reminders_off": "Reminders turned off.",
    "export.event.reminder_hour": "Reminder time set to {time}.",
    "export.event.reminder_days": "Reminder days set to: {days}.",
    "export.event.invite_created": "You invited someone to {family} as {role}.",
    "export.event.invite_accepted": "You joined {family} as {role}.",
    "export.event.invite_cancelled": "You cancelled an invite ({role}) to {family}.",
    "export.event.invite_rejected": "You declined an invite to {family}.",
    "export.event.member_left": "You left {family}.",
    "export.event.member_removed": "You removed a member ({role}) from {family}.",
    "export.event.role_request_accepted": "Your role in {family} changed from {from_role} "
    "to {to_role}.",
    "export.event.role_request_declined": "You stayed {from_role} in {family} instead of "
    "becoming {to_role}.",
    "delete.ask": "⚠️ Delete your data?\nThis erases your number, settings, messages and your "
    "place in every family:",
    "delete.plan_delete": "• {name}: no other parent is in this family, so {name}'s plans, "
    "sessions, holidays and notes are deleted too.",
    "delete.plan_keep": "• {name}: the family keeps its records; your name is removed from them.",
    "delete.plan_handover": "• {name}: the family keeps its records and another parent "
    "becomes the owner.",
    "delete.ask_end": "This cannot be undone. Want a copy first? Send *export*.",
    "delete.ask_again": "Please tap a button: delete your data, or keep it?",
    "btn.privacy_delete_yes": "Yes, delete",
    "btn.privacy_delete_no": "No, keep it",
    "delete.done": "🗑️ Done. Your data is deleted.",
    "delete.done_deleted": "• {name}: all records deleted.",
    "delete.done_kept": "• {name}: the records stay with the family, without your name.",
    "delete.done_handover": "• {name}: the records stay with the family; another parent is "
    "now the owner.",
    "delete.done_end": "This is my last message. If you write again, we start fresh. Take care!",
    "delete.kept": "Okay, nothing was deleted.",
    "delete.nothing_pending": "There is nothing to confirm right now. To erase your data, send "
    "*delete my data*.",
    "privacy.page_title": "Therapy Tracker – Privacy notice",
    "privacy.updated": "Last updated: {date}",
    "privacy.intro": "Therapy Tracker is a WhatsApp assistant that helps families keep track "
    "of a child's therapy sessions and what they cost. This page explains what "
    "it keeps and why, who helps run it, how long data stays, and how you can "
    "take your data with you or delete it.",
    "privacy.h_stored": "What we keep, and why",
    "privacy.stored_account": "Your WhatsApp number, WhatsApp's account id for it and your "
    "profile name: to know who wrote and to answer you.",
    "privacy.stored_settings": "Your language, timezone, reminder time and days, and whether "
    "you turned messages off: to talk to you the way you chose.",
    "privacy.stored_family": "Your child's name and timezone, and who belongs to the family in "
    "which role (owner, parent, therapist): so every member sees the "
    "same month, and nobody else does.",
    "privacy.stored_tracking": "Monthly plans (sessions paid, cost per session, carried "
    "forward), sessions (date, attended or missed, reason, mood), "
    "holidays and notes: keeping track of these is the service.",
    "privacy.stored_messages": "The messages you send and the replies we send: so that none is "
    "lost or handled twice.",
    "privacy.stored_audit": "A short log of privacy-relevant actions (turning messages off or "
    "on, changes to your language, timezone and reminders, invitations, role changes): so we "
    "can show what happened; your export lists it.",
    "privacy.stored_security": "Reasons, notes, message contents and conversation state are "
    "encrypted in the database. We never sell data or use it for "
    "advertising.",
    "privacy.stored_voice": {
        "one": "Voice messages: the recording (encrypted, for at most {count} day) "
        "so it can be turned into text, and the text as a note.",
        "other": "Voice messages: the recording (encrypted, for at most {count} "
        "days) so it can be turned into text, and the text as a note.",
    },
    "privacy.h_processors": "Who processes it",
    "privacy.proc_meta": "Meta Platforms (WhatsApp Business Cloud API): carries every message "
    "between you and us, including files such as your export.",
    "privacy.proc_supabase": "Supabase: hosts the PostgreSQL database where everything above "
    "is stored.",
    "privacy.proc_postgres": "A PostgreSQL database run by the operator of this service stores "
    "everything above.",
    "privacy.proc_embedded": "No outside database host: everything above is stored in a "
    "PostgreSQL database embedded on this server.",
    "privacy.proc_razorpay": "Razorpay: handles payments for paid plans. It receives your "
    "number, the plan and the amount, never your child's records.",
    "privacy.proc_groq": "Groq: turns voice messages into text. It receives the recording.",
    "privacy.proc_sarvam": "Sarvam AI: turns voice messages into text. It receives the recording.",
    "privacy.h_retention": "How long we keep it",
    "privacy.retention_active": "Your account, settings, message log and family records: for "
    "as long as you use the tracker, until you delete them.",
    "privacy.retention_families": "If you delete your data, records of a family you share stay "
    "with its other parents, without your name. A child left "
    "without any parent is deleted with all of its records.",
    "privacy.retention_deleted": "Deleting happens at once. Only your number stays until our "
    "goodbye message is delivered, then it goes too. We keep a "
    "note that a deletion happened, with no personal data in it.",
    "privacy.retention_meta": "Files we send you (such as your export) stay with WhatsApp for "
    "up to 30 days. Database backups expire on the host's schedule.",
    "privacy.retention_voice": {
        "one": "Voice recordings are deleted after at most {count} day; the text "
        "made from them is kept as a note.",
        "other": "Voice recordings are deleted after at most {count} days; the text "
        "made from them is kept as a note.",
    },
    "privacy.h_rights": "Your choices",
    "privacy.rights_export": "Send “export” in the chat to get everything we hold about you "
    "and your families as a file.",
    "privacy.rights_delete": "Send “delete my data” to erase your data. You confirm first.",
    "privacy.rights_stop": "Send “stop” to pause messages, “start” to turn them back on, "
    "and “consent” to see your current choice.",
    "privacy.rights_settings": "Send “settings” to change your timezone and reminders, or "
    "“language” to change the language.",
    "privacy.rights_roles": "Everyone can do this for their own data: owners, parents and "
    "therapists, even with messages turned off.",
}
