"""Writing the plan: people first, then each family under its own savepoint (one that fails
is rolled back and reported, the rest go on), then referrals; every row checked against the
ledger first, and each family's numbers compared after it is written."""

from __future__ import annotations

from datetime import date, datetime
from typing import TypeVar

import asyncpg

from bot.legacy_import import writes
from bot.legacy_import.figures import original_numbers, our_numbers
from bot.legacy_import.ledger import Key, load_ledger, record
from bot.legacy_import.plan import Family, FamilyKey, ImportPlan, LegacyMonth, Person, Referral
from bot.legacy_import.report import Report, masked
from sql.cipher import Cipher

T = TypeVar("T")


class NoOwner(Exception):
    """A family left without an owner or parent here (its owner erased their data)."""


class Applier:
    def __init__(
        self, conn: asyncpg.Connection, cipher: Cipher, report: Report, now: datetime
    ) -> None:
        self.conn, self.cipher, self.report, self.now = conn, cipher, report, now
        self.ledger: dict[Key, str] = {}
        self.recorded: list[Key] = []  # ledger keys added by the family being written
        self.users: dict[str, int] = {}  # phone → our user, for people imported or found
        self.children: dict[FamilyKey, int] = {}

    async def apply(self, plan: ImportPlan) -> None:
        self.ledger = await load_ledger(self.conn)
        for person in plan.people.values():
            await self._person(person)
        for family in plan.families.values():
            await self._family_guarded(family)
        for referral in plan.referrals:
            await self._referral(referral)

    async def _referral(self, referral: Referral) -> None:
        referee = self.children.get(referral.referee)
        referrer = self.children.get(referral.referrer)
        if referee is None or referrer is None:
            self.report.skip("referral", referral.legacy_id, "family_not_imported")
            return
        redeemed_by = self.users.get(referral.redeemed_by)
        written = await writes.insert_referral(
            self.conn, referee, referrer, redeemed_by, referral.created_at
        )
        self._count("referral", written)

    async def _record(self, kind: str, legacy_ids: list[int], target: str) -> None:
        await record(self.conn, self.ledger, kind, legacy_ids, target)
        self.recorded += [(kind, legacy_id) for legacy_id in legacy_ids]

    def _count(self, kind: str, written: bool) -> None:
        (self.report.written if written else self.report.already)[kind] += 1

    async def _alive(self, table: str, target: str) -> bool:
        """Whether the row the ledger names is still ours (not erased since)."""
        if table == "users":
            query = "SELECT deleted_at IS NULL FROM tt.users WHERE id = $1"
        else:
            query = "SELECT true FROM tt.children WHERE id = $1"
        return bool(await self.conn.fetchval(query, int(target)))

    async def _person(self, person: Person) -> None:
        known = next(
            (self.ledger[k] for k in (("user", i) for i in person.legacy_ids) if k in self.ledger),
            None,
        )
        if known is None:
            user_id = await self._user_for(person)
        else:
            self._count("user", False)
            user_id = int(known) if await self._alive("users", known) else None
        if user_id is None:
            self.report.skip("user", person.legacy_ids[0], "erased_here", masked(person.phone))
            return
        self.users[person.phone] = user_id
        await self._consent_events(person)

    async def _user_for(self, person: Person) -> int | None:
        """A new user, or the one this number already has here (None: erased here)."""
        user_id = await writes.insert_user(self.conn, person)
        erased = False
        if user_id is not None:
            self._count("user", True)
        else:
            row = await self.conn.fetchrow(
                "SELECT id, deleted_at FROM tt.users WHERE phone = $1", person.phone
            )
            assert row is not None  # the insert found it
            user_id, erased = row["id"], row["deleted_at"] is not None
            self._count("user", False)
            if not erased:
                self.report.note(
                    "user", person.legacy_ids[0], "joined_existing_user", masked(person.phone)
                )
                if person.consent == "opted_out":
                    await writes.opt_out_if_newer(self.conn, user_id, person)
        await self._record("user", person.legacy_ids, str(user_id))
        return None if erased else user_id

    async def _consent_events(self, person: Person) -> None:
        user_id = self.users[person.phone]
        for event in person.consent_events:
            if ("consent", event.legacy_id) in self.ledger:
                self._count("consent", False)
                continue
            target = await writes.insert_event(self.conn, user_id, event.kind, event.at)
            await self._record("consent", [event.legacy_id], str(target))
            self._count("consent", True)

    async def _family_guarded(self, family: Family) -> None:
        """The family under a savepoint; when it fails, its counts and ledger keys go too."""
        written, already = self.report.written.copy(), self.report.already.copy()
        self.recorded = []
        try:
            async with self.conn.transaction():
                await self._family(family)
        except (NoOwner, asyncpg.PostgresError) as e:
            self.report.written, self.report.already = written, already
            for key in self.recorded:
                self.ledger.pop(key, None)
            self.children.pop(family.key, None)
            kind, legacy_id = family.key
            if isinstance(e, NoOwner):
                self.report.skip(kind, legacy_id, "no_owner_or_parent", "its owner was erased here")
            else:
                detail = f"{type(e).__name__}: {str(e)[:120]}"
                self.report.skip(kind, legacy_id, "write_failed", detail)

    async def _family(self, family: Family) -> None:
        child_id = await self._child(family)
        if child_id is None:
            return
        self.children[family.key] = child_id
        for member in family.members:
            user_id = self.users.get(member.phone)
            if user_id is None:
                self.report.skip(
                    "member", member.legacy_id, "user_not_imported", masked(member.phone)
                )
                continue
            inviter = self.users.get(member.invited_by or "")
            self._count(
                "member", await writes.insert_member(self.conn, child_id, user_id, member, inviter)
            )
        if not await writes.ensure_owner(self.conn, child_id):
            raise NoOwner
        for invite in family.invites:
            inviter = self.users.get(invite.invited_by or "")
            self._count(
                "invite",
                await writes.insert_invite(
                    self.conn, child_id, invite.phone, invite.role, inviter, invite.created_at
                ),
            )
        for plan in family.plans:
            set_by = self.users.get(plan.set_by)
            self._count("plan", await writes.insert_plan(self.conn, child_id, plan, set_by))
        await self._rows(family, child_id)
        await self._check(family, child_id)

    async def _child(self, family: Family) -> int | None:
        kind, legacy_id = family.key
        known = self.ledger.get(family.key)
        if known is not None:
            self._count(kind, False)
            if await self._alive("children", known):
                return int(known)
            self.report.skip(kind, legacy_id, "erased_here", "the family was deleted here")
            return None
        creator = self.users.get(family.created_by or "")
        owner = next(m.phone for m in family.members if m.role == "owner")
        since = family.tracking_since(self.now.date())
        child_id = await writes.insert_child(
            self.conn, family, creator or self.users.get(owner), since
        )
        await self._record(kind, [legacy_id], str(child_id))
        self._count(kind, True)
        return child_id

    async def _rows(self, family: Family, child_id: int) -> None:
        conn, cipher, users = self.conn, self.cipher, self.users
        sessions = self._new(
            "session", [s.legacy_id for s in family.sessions], family.sessions, "session"
        )
        if sessions:
            loggers = [users.get(s.logged_by or "") for s in sessions]
            await writes.insert_sessions(conn, cipher, child_id, sessions, loggers)
            await self._done("session", [s.legacy_id for s in sessions], child_id, "session")
        for holiday in family.holidays:
            set_by = users.get(holiday.set_by or "")
            self._count("holiday", await writes.insert_holiday(conn, child_id, holiday, set_by))
        for shown, voice in (("note", False), ("voice_note", True)):
            picked = [n for n in family.notes if n.from_voice == voice]
            notes = self._new("note", [n.legacy_id for n in picked], picked, shown)
            if notes:
                authors = [users.get(n.author or "") for n in notes]
                await writes.insert_notes(conn, cipher, child_id, notes, authors)
                await self._done("note", [n.legacy_id for n in notes], child_id, shown)
        for payment in family.payments:
            payer = users.get(payment.payer)
            self._count("payment", await writes.insert_payment(conn, child_id, payment, payer))
        if family.pro is not None:
            self._count("pro", await writes.carry_pro(conn, child_id, family.pro, self.now))

    def _new(self, kind: str, legacy_ids: list[int], rows: list[T], shown: str) -> list[T]:
        """The rows the ledger does not know yet; the others are counted (as `shown`) as
        already here."""
        fresh = [
            row
            for legacy_id, row in zip(legacy_ids, rows, strict=True)
            if (kind, legacy_id) not in self.ledger
        ]
        self.report.already[shown] += len(rows) - len(fresh)
        return fresh

    async def _done(self, kind: str, legacy_ids: list[int], child_id: int, shown: str) -> None:
        """Rows written in bulk: the ledger names the family they went into."""
        await self._record(kind, legacy_ids, str(child_id))
        self.report.written[shown] += len(legacy_ids)

    async def _check(self, family: Family, child_id: int) -> None:
        """Every month the family has in either bot: the original's numbers against ours."""
        months: set[date] = set(family.before)
        months |= {p.month for p in family.plans}
        months |= {s.day.replace(day=1) for s in family.sessions}
        self.report.families_checked += 1
        for month in sorted(months):
            before = original_numbers(family.before.get(month, LegacyMonth()))
            after = await our_numbers(self.conn, self.cipher, child_id, month)
            differences = before.differences(after)
            if differences:
                kind, legacy_id = family.key
                self.report.mismatches.append(
                    f"{kind} #{legacy_id} {month:%Y-%m}: {', '.join(differences)}"
                )
