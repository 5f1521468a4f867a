"""What the import will write: people, and families with everything that belongs to them,
each row still carrying the legacy id that the ledger (tt.legacy_imports) records."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from tracker.kinds import Status

# A family is a legacy child, or the child the original would have made for a user who had
# data but never got one ('Default', made on the first logging or notes action).
CHILD = "child"
DEFAULT_CHILD = "default_child"
FamilyKey = tuple[str, int]
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)  # sorts rows the original kept without a time first


@dataclass(slots=True)
class Person:
    legacy_ids: list[int]  # several when the original kept one number under two spellings
    phone: str  # E.164 digits, as tt.users keeps them
    timezone: str
    language: str
    reminders_enabled: bool
    reminder_hour: int
    consent: str  # opted_in | opted_out
    consent_at: datetime | None
    created_at: datetime | None
    consent_events: list[ConsentEvent] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ConsentEvent:
    legacy_id: int
    kind: str  # opt_in | opt_out
    at: datetime | None


@dataclass(frozen=True, slots=True)
class Member:
    legacy_id: int | None  # None for the owner of a child the import makes ('Default')
    phone: str
    role: str  # owner | parent | therapist
    invited_by: str | None
    created_at: datetime | None


@dataclass(frozen=True, slots=True)
class Invite:
    legacy_id: int
    phone: str
    role: str  # parent | therapist
    invited_by: str | None
    created_at: datetime | None


@dataclass(frozen=True, slots=True)
class MonthPlan:
    legacy_id: int
    month: date
    sessions_paid: int
    cost_paise: int
    carried: int
    set_by: str
    used_before: int = 0  # the mid-month setup's "used", which the original wrote as rows

    @property
    def total(self) -> int:
        return self.sessions_paid + self.carried


@dataclass(frozen=True, slots=True)
class Session:
    legacy_id: int
    day: date
    status: Status
    reason: str
    mood: str | None
    logged_by: str | None
    created_at: datetime | None


@dataclass(frozen=True, slots=True)
class Holiday:
    legacy_id: int
    day: date
    set_by: str | None
    created_at: datetime | None


@dataclass(frozen=True, slots=True)
class Note:
    legacy_id: int
    kind: str  # free | structured
    text: str
    fields: dict[str, str] | None
    author: str | None
    created_at: datetime | None
    from_voice: bool


@dataclass(frozen=True, slots=True)
class Payment:
    legacy_id: int
    payment_id: str
    plan_code: str | None
    amount_paise: int
    currency: str
    days: int
    payer: str
    paid_at: datetime | None


@dataclass(frozen=True, slots=True)
class Pro:
    plan_code: str
    expires_at: datetime


@dataclass(slots=True)
class LegacyMonth:
    """A month as the original's own formulas saw the family (original-bot.md §7): the
    chosen plan's values and the session rows tagged with the month."""

    paid: int = 0
    carried: int = 0
    cost_paise: int = 0
    attended: int = 0  # rows, each one session
    cancelled: int = 0
    set_by: str | None = None  # whose plan it was: the original showed it to them alone
    own: Counter[tuple[str | None, str]] = field(default_factory=Counter)  # (logger, status)


@dataclass(slots=True)
class Family:
    key: FamilyKey
    name: str
    created_by: str | None
    created_at: datetime | None
    timezone: str
    members: list[Member] = field(default_factory=list)
    invites: list[Invite] = field(default_factory=list)
    plans: list[MonthPlan] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    # rows the original's mid-month setup made up (dated the 1st, 2nd, …), by month
    made_up: dict[date, list[Session]] = field(default_factory=dict)
    holidays: list[Holiday] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    payments: list[Payment] = field(default_factory=list)
    pro: Pro | None = None
    before: dict[date, LegacyMonth] = field(default_factory=dict)

    def seen(self, month: date) -> LegacyMonth:
        """The original's view of `month`, started empty."""
        return self.before.setdefault(month, LegacyMonth())

    def tracking_since(self, fallback: date) -> date:
        """The first day anything was known about the family: plans, sessions, or its start."""
        days = [p.month for p in self.plans] + [s.day for s in self.sessions]
        if self.created_at:
            days.append(self.created_at.date())
        return min(days, default=fallback)


@dataclass(frozen=True, slots=True)
class Referral:
    legacy_id: int
    referee: FamilyKey
    referrer: FamilyKey
    redeemed_by: str
    created_at: datetime | None


@dataclass(slots=True)
class ImportPlan:
    people: dict[str, Person]  # by phone
    families: dict[FamilyKey, Family]
    referrals: list[Referral] = field(default_factory=list)
