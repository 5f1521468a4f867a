"""English: the reports parents read in chat."""

TEXTS: dict[str, str | dict[str, str]] = {
    "report.no_plan": "There is no plan for {name} for {month} yet, so I cannot count the "
    "month. Type *setup* to add it; I can bring last month's plan forward "
    "with the sessions you did not use.",
    "report.reason_count": "{reason} ({count})",
    "status.body": "📊 *{name}* · {date}\n"
    "{today}\n\n"
    "*{month}*\n"
    "✅ Attended: {attended} of {total}\n"
    "❌ Missed: {missed}\n"
    "⏳ Left: {remaining}\n"
    "💰 Cost per session: {cost}",
    "status.today_attended": {
        "one": "Today: ✅ attended ({count} session)",
        "other": "Today: ✅ attended ({count} sessions)",
    },
    "status.today_missed": {
        "one": "Today: ❌ missed ({count} session)",
        "other": "Today: ❌ missed ({count} sessions)",
    },
    "status.today_holiday": "Today: 🏖 day off",
    "status.today_nothing": "Today: nothing logged yet. Type *attended* or *missed*.",
    "summary.title": "📊 *{name}* · summary for {month}",
    "summary.paid": "💳 Paid: {paid} × {cost} = {money}",
    "summary.carried": "↪️ Carried from last month: {count} (total {total})",
    "summary.attended": "✅ Attended: {count} ({money} used)",
    "summary.used_before": "    including {count} before tracking started",
    "summary.missed": "❌ Missed: {count} (not counted as used)",
    "summary.holidays": "🏖 Days off: {count} (not counted)",
    "summary.remaining": "⏳ Left: {count}",
    "summary.carry": {
        "one": "➡️ Carries into next month if not used: {count}",
        "other": "➡️ Carries into next month if not used: {count}",
    },
    "report.beyond": "⚠️ Beyond the package: {count} (may cost {money} more)",
    "summary.reasons": "Top miss reasons: {reasons}",
    "summary.no_misses": "No missed sessions this month 🎉",
    "summary.risk": "Risk of dropping off (last 14 days): {risk}",
    "weekly.title": "📅 *{name}* · the last 7 days ({range})",
    "weekly.day": "{day}  {mark}",
    "weekly.legend": "✅ attended · ❌ missed · 🏖 day off · ▫️ nothing logged",
    "weekly.counts": "Sessions attended: {attended} · missed: {missed}",
    "weekly.consistency": "Consistency: {percent}%",
    "weekly.consistency_none": "Consistency: nothing logged yet",
    "weekly.top_reason": "Top miss reason: {reason}",
    "weekly.tip": "💡 {tip}",
    "digest.title": "📰 *Weekly digest for {name}* · {range}",
    "digest.counts": "✅ Attended: {attended}\n❌ Missed: {missed}",
    "digest.adherence": "📈 Adherence: {percent}%",
    "digest.adherence_none": "📈 Adherence: nothing logged this week",
    "digest.mood": "🙂 Mood after sessions: {mood}",
    "digest.no_mood": "🙂 Mood after sessions: not recorded",
    "digest.reasons": "Main miss reasons: {reasons}",
    "digest.no_reasons": "No missed sessions this week 🎉",
    "digest.notes": "📝 Therapist notes this week: {count}",
    "digest.homework": "📚 Homework: {homework}",
    "digest.tip": "👉 Next step: {tip}",
    "analytics.title": "📉 *Missed sessions* · {name} · {month}",
    "analytics.total": "Missed this month: {count}",
    "analytics.reason": "• {reason}: {count} ({percent}%)",
    "analytics.weekday": "📅 Most misses fall on {weekday}.",
    "analytics.tip": "💡 Keep a backup slot for {weekday} with the therapist, so a missed "
    "session can be made up the same week.",
    "analytics.none": "🎉 No missed sessions for {name} in {month}. Keep it up!",
    "streak.title": "🔥 *{name}'s therapy streak*",
    "streak.weeks": "Weeks in a row with a session: {count}",
    "streak.best": "Best week streak: {count}",
    "streak.run": "Sessions in a row without a miss: {count}",
    "streak.next": {
        "one": "🎯 Next milestone: {weeks} weeks ({count} week to go)",
        "other": "🎯 Next milestone: {weeks} weeks ({count} weeks to go)",
    },
    "streak.start": "Log an attended session this week to start a streak.",
    "streak.keep_going": "One session a week keeps the streak alive.",
    "streak.all_done": "🏆 Every milestone reached. Wonderful consistency!",
    "tip.homework": "Follow this week's homework: {homework}",
    "tip.lock_slot": "Several sessions were missed. Fix one regular time slot with the "
    "therapist and keep a backup slot.",
    "tip.prebook": "More sessions were missed than attended. Keep reminders on and book "
    "next week's sessions in advance.",
    "tip.ask_note": "Ask the therapist for a short note after a session (goal, activity, "
    "homework), so you can practise at home.",
    "tip.plan_around": "The main reason for misses: {reason}. Plan around it, for example "
    "with a backup slot.",
    "tip.keep_going": "Good consistency. Keep the same routine going! 🌟",
    "category.health": "Health",
    "category.travel": "Travel",
    "category.therapist": "Therapist unavailable",
    "category.school": "School or exams",
    "category.family": "Family events",
    "category.transport": "Transport or weather",
    "category.other": "Other reasons",
    "category.unspecified": "No reason given",
    "mood.name.great": "Great 😄",
    "mood.name.good": "Good 🙂",
    "mood.name.okay": "Okay 😐",
    "mood.name.tough": "Tough 😟",
    "risk.high": "High 🔴",
    "risk.medium": "Medium 🟡",
    "risk.low": "Low 🟢",
}
