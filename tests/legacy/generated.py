"""Generated families in the original's tables: an owner, a co-parent and a therapist per
child, three months with carry-forward, sessions logged by each (some from the web calendar,
without a child), days off, notes, a payment and a referral; and what each month's numbers
are by the original's formulas (original-bot.md §7)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from tests.legacy.legacy_rows import Legacy, phone

NOW = datetime(2026, 2, 20, 6, 30, tzinfo=UTC)  # noon in Kolkata
MONTHS = (date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1))
MONTH_ENDS = {date(2025, 12, 1): 31, date(2026, 1, 1): 31, date(2026, 2, 1): 19}
NAMES = ("asha", "kiran", "meera", "arjun", "diya", "rohan")
TEMPLATE_NOTE = (
    "Therapist structured note\nGoal: say five words\nActivity: picture cards\n"
    "Response: tried hard\nHomework: practise daily"
)
# paid, paid ₹ (paise), attended, used ₹ (paise), missed, left
Expected = tuple[int, int, int, int, int, int]


@dataclass
class Generated:
    legacy_child: int
    name: str
    owner: str
    coparent: str
    therapist: str
    expected: dict[date, Expected] = field(default_factory=dict)
    restored: str | None = None


async def generate(legacy: Legacy, count: int = len(NAMES), seed: int = 14) -> list[Generated]:
    rng = random.Random(seed)
    families = [await _family(legacy, rng, index) for index in range(count)]
    await _money_and_consent(legacy, families)
    return families


async def _family(legacy: Legacy, rng: random.Random, index: int) -> Generated:
    owner, coparent, therapist = (phone(100 * index + n) for n in (1, 2, 3))
    await legacy.user(owner, locale=("en", "hi", "te")[index % 3], timezone="asia/kolkata")
    await legacy.user(coparent)
    await legacy.user(therapist)
    name = NAMES[index % len(NAMES)]
    child = await legacy.child(name, owner)
    for order, (number, role) in enumerate(
        ((owner, "owner"), (coparent, "parent"), (therapist, "therapist"))
    ):
        await legacy.member(child, number, role, order, invited_by=None if order == 0 else owner)
    family = Generated(child, name, owner, coparent, therapist)
    carry = 0
    for month in MONTHS:
        carry = await _month(legacy, rng, family, month, carry)
    await legacy.holiday(owner, date(2026, 1, 26))
    await legacy.holiday(coparent, date(2026, 1, 27), child)
    await legacy.note(therapist, TEMPLATE_NOTE, date(2026, 1, 9), source="template")
    if index % 2 == 0:
        family.restored = name.capitalize()
        await legacy.note(
            owner,
            f"{family.restored} said three new words today",
            date(2026, 1, 12),
            source="voice",
            summary=f"{family.restored} is speaking more.",
        )
    return family


async def _month(
    legacy: Legacy, rng: random.Random, family: Generated, month: date, carry: int
) -> int:
    paid, cost = rng.choice((8, 12, 16)), rng.choice((500, 800, 1000))
    await legacy.config(family.owner, f"{month:%Y-%m}", paid, cost, carry)
    attended = missed = 0
    for day_number in sorted(rng.sample(range(1, MONTH_ENDS[month] + 1), rng.randint(6, 12))):
        day = month.replace(day=day_number)
        logger = rng.choice((family.owner, family.coparent, family.therapist))
        if rng.random() < 0.75:
            rows = rng.choice((1, 1, 1, 2))
            for _ in range(rows):
                # the web calendar wrote the owner's rows without a child
                child = (
                    None if logger == family.owner and rng.random() < 0.4 else family.legacy_child
                )
                mood = rng.choice((None, "excellent", "good", "okay", "tough"))
                await legacy.session(logger, day, "attended", child, mood=mood)
            attended += rows
        else:
            reason = rng.choice(("fever", "out of station", "therapist not available"))
            await legacy.session(logger, day, "cancelled", family.legacy_child, reason=reason)
            missed += 1
    left = max(0, paid + carry - attended)
    family.expected[month] = (
        paid,
        paid * cost * 100,
        attended,
        min(attended, paid) * cost * 100,
        missed,
        left,
    )
    return min(left, 62)


async def _money_and_consent(legacy: Legacy, families: list[Generated]) -> None:
    first, second, third, fourth = families[:4]
    await legacy.conn.execute(
        "UPDATE users SET is_pro = true, pro_expires_at = $2 WHERE phone = $1",
        first.owner,
        datetime(2026, 3, 12, tzinfo=UTC),
    )
    await legacy.payment(first.owner, "pay_FirstFamily01", "pro_plus_499", 49900, date(2026, 2, 10))
    await legacy.conn.execute(
        "UPDATE users SET is_pro = true, pro_expires_at = $2 WHERE phone = $1",
        second.coparent,
        datetime(2026, 1, 5, tzinfo=UTC),  # ended before the import
    )
    await legacy.referral(first.owner, second.owner, date(2025, 12, 5))
    # opted out, then a link was opened: the original read that as opted in again (§16.22)
    await legacy.event(third.owner, "opt_out", datetime(2026, 1, 10, tzinfo=UTC))
    await legacy.event(third.owner, "share_link_opened", datetime(2026, 1, 11, tzinfo=UTC))
    await legacy.conn.execute(
        "UPDATE users SET reminders_enabled = false WHERE phone = $1", third.owner
    )
    await legacy.event(fourth.owner, "opt_out", datetime(2026, 1, 10, tzinfo=UTC))
    await legacy.event(fourth.owner, "opt_in", datetime(2026, 1, 15, tzinfo=UTC))
    await legacy.event(fourth.coparent, "opt_out", datetime(2026, 2, 1, tzinfo=UTC))
