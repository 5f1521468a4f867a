"""The original's known bad rows (original-bot.md §16 and the flaws §1–§9 describe), each
kept by id so a test can find it in the report."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from tests.legacy.generated import Generated
from tests.legacy.legacy_rows import Legacy, phone

INVALID_PHONE = "12345"  # an invite's number "accepted as-is" (§16.8)


@dataclass
class Bad:
    ids: dict[str, list[int]] = field(default_factory=dict)
    ravi_child: int = 0
    isha_child: int = 0
    second_child: int = 0
    default_owner: str = ""
    merged_phone: str = ""
    importable_sessions: int = 0  # the bad family's rows that are still good to import

    def add(self, name: str, row_id: int) -> int:
        self.ids.setdefault(name, []).append(row_id)
        return row_id


async def add_bad_rows(legacy: Legacy, good: list[Generated]) -> Bad:
    bad = Bad()
    await _bad_family(legacy, bad)
    await _broken_families(legacy, bad)
    await _people(legacy, bad, good)
    return bad


async def _bad_family(legacy: Legacy, bad: Bad) -> None:
    """'ravi': a name no text spells with case, and most of what can go wrong in a month."""
    owner, coparent, helper = phone(901), phone(902), phone(903)
    bad.add("bad_timezone", await legacy.user(owner, timezone="mars/olympus"))
    await legacy.conn.execute("UPDATE users SET is_pro = true WHERE phone = $1", owner)  # no end
    await legacy.user(coparent)
    await legacy.user(helper)
    await legacy.user(phone(904))
    bad.add("invalid_phone", await legacy.user(INVALID_PHONE))
    child = bad.ravi_child = await legacy.child("ravi", owner)
    await legacy.member(child, owner, "owner", 0)
    await legacy.member(child, coparent, "parent", 1)
    bad.add("member_role", await legacy.member(child, helper, "member", 2))
    bad.add(
        "pending", await legacy.member(child, phone(904), "pending_therapist", 3, invited_by=owner)
    )
    await legacy.config(owner, "2026-01", 12, 800, 0)
    bad.add("conflict", await legacy.config(coparent, "2026-01", 10, 900, 0))
    await legacy.config(owner, "2025-12", 8, 800, 0)
    bad.add("same_plan", await legacy.config(coparent, "2025-12", 8, 800, 0))
    # total 4, carry 4: the original stored paid = max(0, total − carry) = 0
    bad.add("out_of_bounds", await legacy.config(owner, "2026-02", 0, 800, 4))
    bad.add("bad_month", await legacy.config(coparent, "2026-13", 8, 800, 0))
    for day in (date(2025, 12, 2), date(2026, 1, 5), date(2026, 1, 6)):
        await legacy.session(owner, day, "attended", child)
    await legacy.session(INVALID_PHONE, date(2026, 1, 7), "attended", child)
    bad.importable_sessions = 4
    bad.add(
        "future", await legacy.session(owner, date(2099, 1, 1), "attended", child, month="2026-02")
    )
    bad.add(
        "tag_differs",
        await legacy.session(coparent, date(2026, 1, 31), "attended", child, month="2026-02"),
    )
    bad.importable_sessions += 1
    for _ in range(7):  # a typed attended_count:7 (§16.18)
        row = await legacy.session(owner, date(2026, 2, 3), "attended", child)
    bad.importable_sessions += 5
    bad.add("over_limit", row)
    bad.add("no_child", await legacy.session(owner, date(2026, 2, 4), "attended", 99999))
    bad.add(
        "no_date",
        await legacy.conn.fetchval(
            "INSERT INTO sessions (user_phone, month, status, child_id) "
            "VALUES ($1, '2026-02', 'attended', $2) RETURNING id",
            owner,
            child,
        ),
    )
    bad.add("holiday_twice", await legacy.holiday(owner, date(2026, 1, 20)))
    bad.add("holiday_twice", await legacy.holiday(coparent, date(2026, 1, 20), child))
    bad.add(
        "voice_failed",
        await legacy.note(
            owner,
            "Voice note received (transcription pending) media_id=123",
            date(2026, 1, 8),
            source="voice",
            media_id="123",
            transcription_status="failed",
        ),
    )
    bad.add(
        "no_payment_id",
        await legacy.payment(owner, None, "parent_basic_199", 19900, date(2026, 1, 2)),
    )
    await legacy.payment(owner, "pay_RaviJan01", "parent_basic_199", 19900, date(2026, 1, 3))
    await legacy.conn.execute(
        "INSERT INTO subscription_payments (payment_id, event_key, user_phone, plan_code, "
        "plan_days, amount_paise) VALUES ('pay_RaviJan01', 'order.paid:x', $1, "
        "'parent_basic_199', 30, 19900)",
        owner,
    )
    bad.add(
        "payment_twice", await legacy.conn.fetchval("SELECT max(id) FROM subscription_payments")
    )


async def _broken_families(legacy: Legacy, bad: Bad) -> None:
    lonely, only_therapist, heir = phone(911), phone(912), phone(913)
    for number in (lonely, only_therapist, heir):
        await legacy.user(number)
    bad.add("no_members", await legacy.child("nobody", lonely))
    left_alone = bad.add("only_therapist", await legacy.child("tara", only_therapist))
    await legacy.member(left_alone, only_therapist, "therapist")
    # the owner erased their data; the original moved created_by to a parent (§12)
    mira = bad.add("mira", await legacy.child("mira", heir))
    bad.add("promoted", await legacy.member(mira, heir, "parent"))
    await legacy.note(heir, "Mira laughed at the bubbles", date(2026, 1, 4))
    await legacy.note(heir, "MIRA SAID BALL", date(2026, 1, 5))


async def _people(legacy: Legacy, bad: Bad, good: list[Generated]) -> None:
    # setup only: a plan and web-calendar rows, never a child (the original made 'Default'
    # on the first logging action, which the calendar never was)
    bad.default_owner = phone(950)
    await legacy.user(bad.default_owner)
    await legacy.config(bad.default_owner, "2026-01", 12, 800, 0)
    await legacy.session(bad.default_owner, date(2026, 1, 14), "attended", None)
    await legacy.session(bad.default_owner, date(2026, 1, 15), "cancelled", None, reason="rain")
    # one number under two spellings: WhatsApp's, and the ten digits an invite typed (§1.5)
    bad.merged_phone = phone(960)
    await legacy.user(bad.merged_phone)
    bad.add("merged_user", await legacy.user(bad.merged_phone[2:]))
    child = await legacy.child("neel", bad.merged_phone)
    await legacy.member(child, bad.merged_phone, "owner", 0)
    bad.add("same_number_twice", await legacy.member(child, bad.merged_phone[2:], "parent", 1))
    await _mid_month_setup(legacy, bad)
    await _second_child(legacy, bad, good[-1])
    first, second = good[0], good[1]
    bad.add("same_family", await legacy.referral(first.owner, first.coparent, date(2025, 12, 6)))
    bad.add("mutual", await legacy.referral(second.owner, first.owner, date(2025, 12, 7)))
    await legacy.event(first.owner, "invite_created", datetime(2025, 11, 2, tzinfo=UTC))


async def _mid_month_setup(legacy: Legacy, bad: Bad) -> None:
    """'16 800 0 4' typed on 10 January: the plan, and 4 attended rows dated the 1st to the
    4th written with it (§16.25); then one real session."""
    owner = phone(970)
    await legacy.user(owner)
    bad.isha_child = await legacy.child("isha", owner)
    await legacy.member(bad.isha_child, owner, "owner")
    typed = datetime(2026, 1, 10, 12, tzinfo=UTC)
    await legacy.config(owner, "2026-01", 16, 800, 0, created=typed)
    for day in range(1, 5):
        bad.add(
            "made_up",
            await legacy.session(owner, date(2026, 1, day), "attended", None, created=typed),
        )
    await legacy.session(owner, date(2026, 1, 12), "attended", bad.isha_child)


async def _second_child(legacy: Legacy, bad: Bad, family: Generated) -> None:
    """The last family's owner has a second child, added later (§8: the original had no way to
    choose a child, and plans and web-calendar rows named only the phone)."""
    bad.second_child = await legacy.child("anu", family.owner)
    await legacy.member(bad.second_child, family.owner, "owner", 30)
    await legacy.member(bad.second_child, family.therapist, "therapist", 31)
    for day in (5, 6):
        await legacy.session(family.therapist, date(2026, 1, day), "attended", bad.second_child)
    await legacy.session(
        family.owner, date(2026, 1, 7), "cancelled", bad.second_child, reason="school exam"
    )
    # a missed day from the web calendar (no child): it goes to the owner's oldest family
    bad.add(
        "web_row_of_several",
        await legacy.session(family.owner, date(2026, 1, 8), "cancelled", None, reason="travel"),
    )
    january = date(2026, 1, 1)
    paid, paid_paise, attended, used, missed, left = family.expected[january]
    family.expected[january] = (paid, paid_paise, attended, used, missed + 1, left)
