"""What the import did and could not do: counts per kind, each row it left out or changed
and why (phone numbers masked), names it restored, and families whose numbers differ."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from tracker.phones import mask_phone


@dataclass(frozen=True, slots=True)
class Problem:
    kind: str  # the legacy row's kind: user, child, member, plan, session, …
    legacy_id: int | None
    reason: str  # a short code, the same for every row left out for that reason
    detail: str = ""


@dataclass(slots=True)
class Report:
    dry_run: bool = False
    problems: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)  # imported, but changed on the way
    names: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)
    own_views: list[str] = field(default_factory=list)
    written: Counter[str] = field(default_factory=Counter)
    already: Counter[str] = field(default_factory=Counter)
    families_checked: int = 0

    def skip(self, kind: str, legacy_id: int | None, reason: str, detail: str = "") -> None:
        """A legacy row that was not imported."""
        self.problems.append(Problem(kind, legacy_id, reason, detail))

    def note(self, kind: str, legacy_id: int | None, reason: str, detail: str = "") -> None:
        """A legacy row imported with a change the operator should know about."""
        self.notices.append(Problem(kind, legacy_id, reason, detail))

    def reasons(self) -> Counter[tuple[str, str]]:
        return Counter((p.kind, p.reason) for p in self.problems)

    def skipped(self, kind: str, reason: str) -> list[Problem]:
        return [p for p in self.problems if p.kind == kind and p.reason == reason]

    def noted(self, kind: str, reason: str) -> list[Problem]:
        return [p for p in self.notices if p.kind == kind and p.reason == reason]

    def lines(self, limit: int | None = None) -> list[str]:
        """The report; at most `limit` rows shown per reason (None: all)."""
        verb = "would write" if self.dry_run else "written"
        out = [
            f"Import from the original bot{' (dry run: nothing written)' if self.dry_run else ''}"
        ]
        out.append("")
        out.append(f"{'kind':14} {verb:>12} {'already here':>13}")
        for kind in sorted(set(self.written) | set(self.already)):
            out.append(f"{kind:14} {self.written[kind]:>12} {self.already[kind]:>13}")
        out += _section("Not imported", self.problems, limit)
        out += _section("Imported with a change", self.notices, limit)
        if self.names:
            out += ["", "Names:", *(f"  {line}" for line in self.names)]
        if self.own_views:
            out += ["", "Seen differently in the original (each member saw only their own logs):"]
            out += [f"  {line}" for line in self.own_views[:limit]]
            if limit is not None and len(self.own_views) > limit:
                out.append(f"  … and {len(self.own_views) - limit} more (see --report FILE)")
        out.append("")
        out.append(
            f"Numbers checked for {self.families_checked} families: "
            f"{len(self.mismatches)} month(s) differ"
        )
        out += [f"  {line}" for line in self.mismatches]
        return out

    def text(self) -> str:
        return "\n".join(self.lines()) + "\n"


def _section(title: str, problems: list[Problem], limit: int | None) -> list[str]:
    if not problems:
        return ["", f"{title}: none"]
    out = ["", f"{title}:"]
    counts = Counter((p.kind, p.reason) for p in problems)
    for (kind, reason), n in sorted(counts.items()):
        out.append(f"  {kind} {reason}: {n}")
        rows = [p for p in problems if (p.kind, p.reason) == (kind, reason)]
        for p in rows[:limit]:
            where = f"#{p.legacy_id}" if p.legacy_id is not None else "-"
            out.append(f"    {where} {p.detail}".rstrip())
        if limit is not None and len(rows) > limit:
            out.append(f"    … and {len(rows) - limit} more (see --report FILE)")
    return out


def masked(phone: str | None) -> str:
    """A legacy phone as the report shows it: country prefix and last four digits."""
    return mask_phone(phone) if phone else "(none)"
