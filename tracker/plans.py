"""A month's therapy package as typed by a parent: sessions paid, cost each, carried, used."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from tracker.errors import InvalidPlan
from tracker.money import format_inr
from tracker.words import words

MAX_SESSIONS = 62  # two a day for a whole month
MAX_COST_RUPEES = 100_000
FIELDS = ("sessions_paid", "cost_rupees", "carried", "used_before")


@dataclass(frozen=True, slots=True)
class PlanInput:
    sessions_paid: int
    cost_rupees: int
    carried: int = 0
    used_before: int = 0

    @property
    def cost_paise(self) -> int:
        """The cost of one session in paise, the unit every other module counts money in."""
        return self.cost_rupees * 100

    @property
    def total(self) -> int:
        """Sessions available this month: paid now plus carried from last month."""
        return self.sessions_paid + self.carried


@dataclass(frozen=True, slots=True)
class Preset:
    key: str
    plan: PlanInput

    @property
    def label(self) -> str:
        """A language-free list-row title such as "16 × ₹800" (WhatsApp allows 24 chars)."""
        return f"{self.plan.sessions_paid} × {format_inr(self.plan.cost_paise)}"


PRESETS = (
    Preset("8x800", PlanInput(8, 800)),
    Preset("12x1000", PlanInput(12, 1000)),
    Preset("16x800", PlanInput(16, 800)),
)

# What a plan word (tracker/words, kind "plan") names: after a number, the number before it
# ("16 sessions", "2 carried"); with no number before it, the number after it ("carried 2").
_SUFFIXES = {
    "sessions": "sessions_paid",
    "each": "cost_rupees",
    "carried": "carried",
    "used": "used_before",
}
# ...and words naming only the number after them ("at 800", "carry 2").
_PREFIXES = {**_SUFFIXES, "at": "cost_rupees", "carry": "carried"}
_DROPPED = "currency"
# A letter, or a Devanagari or Telugu sign inside a word (which is not \w): a plan word is
# read only where none stands right before or after it, so "rs" is not read inside "hrs".
_LETTER = r"(?:[^\W\d_]|[\u0900-\u0963\u0c00-\u0c63])"
_JOINERS = dict.fromkeys(map(ord, "\u200c\u200d"))  # typed or not inside Telugu words
_NEGATIVE = re.compile(r"(?<![\w-])-\s*\d")
_PHRASES = (
    (re.compile(r"(\d+)\s*[x×*]\s*(\d+)"), r"\1 sessions at \2"),
    # "6 sessions used": the field is named by the word after "sessions".
    (re.compile(r"(\d+)\s*sessions\s+(?=(?:carried|used)\b(?!\s*\d))"), r"\1 "),
    (re.compile(r"(\d)\.0+(?!\d)"), r"\1"),
)
# Between digits, a comma followed by 2 or 3 digits groups thousands (1,000) or lakhs (1,00,000).
_GROUPING_COMMA = re.compile(r"(?<=\d),(?=\d{2,3}(?!\d))")
_TOKEN = re.compile(r"\d+|[a-z]+|[,;]")


def parse_plan(text: str, *, mid_month: bool) -> PlanInput:
    """Read `16 800 2 6`, `16,800,0` or `16 sessions at ₹800, 2 carried, 6 used`, then bound it."""
    values = _assign(_tokens(text))
    _require(values, mid_month=mid_month)
    plan = PlanInput(**values)
    _check_bounds(plan)
    return plan


def _tokens(text: str) -> list[str]:
    text = _named_by_concept(_normal(text))
    if _NEGATIVE.search(text):
        raise InvalidPlan("negative")
    for pattern, replacement in _PHRASES:
        text = pattern.sub(replacement, text)
    if re.search(r"\d\.\d", text):
        raise InvalidPlan("not_whole")
    # "16,800,0" has no spaces, so its commas can only separate fields.
    if re.search(r"\s", text.strip()):
        text = _GROUPING_COMMA.sub("", text)
    return _TOKEN.findall(text)


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().translate(_JOINERS)


def _named_by_concept(text: str) -> str:
    """Every plan word in any language as its concept ("16 सत्र" → "16 sessions")."""
    pattern, concepts = _plan_words()
    return pattern.sub(lambda word: f" {concepts[_squeezed(word.group())]} ", text)


@cache
def _plan_words() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for the plan words of every language, longest first, and each one's
    concept (a dropped word's is a space); spaces inside a word may be left out."""
    said = {_normal(word): concept for concept, ws in words("plan").items() for word in ws}
    alternatives = (r"\s*".join(map(re.escape, w.split())) for w in sorted(said, key=len)[::-1])
    pattern = re.compile(rf"(?<!{_LETTER})(?:{'|'.join(alternatives)})(?!{_LETTER})")
    concepts = {_squeezed(w): "" if c == _DROPPED else c for w, c in said.items()}
    return pattern, concepts


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _assign(tokens: list[str]) -> dict[str, int]:
    """Bind numbers to the word naming them, then fill the rest in the compact order."""
    values: dict[str, int] = {}
    loose: list[int] = []
    index = 0
    while index < len(tokens):
        field, number, index = _pair_at(tokens, index)
        if number is None:
            continue
        if field is None:
            loose.append(number)
        elif field in values:
            raise InvalidPlan("unreadable")
        else:
            values[field] = number
    free = [field for field in FIELDS if field not in values]
    if len(loose) > len(free):
        raise InvalidPlan("unreadable")
    values.update(zip(free, loose, strict=False))
    return values


def _pair_at(tokens: list[str], index: int) -> tuple[str | None, int | None, int]:
    """The field and number starting at `index`, and where reading carries on."""
    token = tokens[index]
    after = tokens[index + 1] if index + 1 < len(tokens) else ""
    if token.isdigit():
        field = _SUFFIXES.get(after)
        return field, int(token), index + (2 if field else 1)
    if token in _PREFIXES and after.isdigit():
        return _PREFIXES[token], int(after), index + 2
    return None, None, index + 1


def _require(values: dict[str, int], *, mid_month: bool) -> None:
    if not values:
        raise InvalidPlan("unreadable")
    for field, code in (("sessions_paid", "sessions_missing"), ("cost_rupees", "cost_missing")):
        if field not in values:
            raise InvalidPlan(code)
    if mid_month and "used_before" not in values:
        raise InvalidPlan("used_missing")
    if not mid_month and values.get("used_before"):
        raise InvalidPlan("used_unexpected")


def _check_bounds(plan: PlanInput) -> None:
    bounds = (
        ("sessions", plan.sessions_paid, 1, MAX_SESSIONS),
        ("cost", plan.cost_rupees, 0, MAX_COST_RUPEES),
        ("carried", plan.carried, 0, MAX_SESSIONS),
        ("used", plan.used_before, 0, plan.total),
    )
    for code, value, low, high in bounds:
        if not low <= value <= high:
            raise InvalidPlan(code, low=low, high=high, value=value)
