"""Children's names the original lowercased (it lowercased every typed message), given their
case back only where a text that kept case spells the same letters: a voice-note transcript
or summary of the family, or a member's WhatsApp profile name. Otherwise left as they are."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.legacy_import.plan import Family
from bot.legacy_import.report import Report


def lost_case(name: str) -> bool:
    """A name with letters that have case, all of them lower: what the original made of it."""
    return name == name.lower() and name != name.upper()


def spellings_in(name: str, texts: Iterable[str]) -> set[str]:
    """The ways the texts write `name` as a whole phrase, other than all lowercase."""
    phrase = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
    return {m.group(0) for text in texts for m in phrase.finditer(text)} - {name}


def restore_name(family: Family, texts: list[str], report: Report) -> None:
    if not lost_case(family.name):
        return
    legacy_id = family.key[1]
    found = spellings_in(family.name, texts)
    if len(found) == 1:
        restored = found.pop()
        report.names.append(f"child #{legacy_id}: {family.name!r} → {restored!r}")
        family.name = restored
    elif found:
        report.note(
            "child",
            legacy_id,
            "name_case_ambiguous",
            f"{family.name!r}: {', '.join(sorted(map(repr, found)))}; left as it is",
        )
    else:
        report.note(
            "child",
            legacy_id,
            "name_case_unknown",
            f"{family.name!r}: no text that kept case names it; left as it is",
        )
