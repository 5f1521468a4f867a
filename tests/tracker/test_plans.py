import pytest

from tracker.errors import InvalidPlan
from tracker.plans import PRESETS, PlanInput, parse_plan


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("16 800 0", PlanInput(16, 800, 0)),
        ("16 800", PlanInput(16, 800, 0)),
        ("16,800,0", PlanInput(16, 800, 0)),
        ("16, 800, 2", PlanInput(16, 800, 2)),
        ("  16   800   2  ", PlanInput(16, 800, 2)),
        ("16 ₹800 0", PlanInput(16, 800, 0)),
        ("16 rs 800", PlanInput(16, 800, 0)),
        ("16 Rs.800 2", PlanInput(16, 800, 2)),
        ("16 800rs 2", PlanInput(16, 800, 2)),
        ("16 INR 800", PlanInput(16, 800, 0)),
        ("16 800/- 2", PlanInput(16, 800, 2)),
        ("16 800.00 0", PlanInput(16, 800, 0)),
        ("16 1,000 2", PlanInput(16, 1000, 2)),
        ("16 x 800", PlanInput(16, 800, 0)),
        ("16×₹800", PlanInput(16, 800, 0)),
        ("16 sessions at 800", PlanInput(16, 800, 0)),
        ("16 sessions at 800, 2 carried", PlanInput(16, 800, 2)),
        ("16 sessions @ ₹800 carry 2", PlanInput(16, 800, 2)),
        ("16 Sessions @ Rs 800, carry forward 2", PlanInput(16, 800, 2)),
        ("16 sessions, 800 per session, 2 sessions carried forward", PlanInput(16, 800, 2)),
        ("12 sessions at ₹1,00,000", PlanInput(12, 100_000, 0)),
        ("at 800, 16 sessions", PlanInput(16, 800, 0)),
        ("16 800 carry 2", PlanInput(16, 800, 2)),
        ("16 sessions at 0", PlanInput(16, 0, 0)),
        ("62 100000 62", PlanInput(62, 100_000, 62)),
        ("16 800 2 0", PlanInput(16, 800, 2, 0)),
    ],
)
def test_fresh_plans(text: str, expected: PlanInput) -> None:
    assert parse_plan(text, mid_month=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("16 800 2 6", PlanInput(16, 800, 2, 6)),
        ("16,800,2,6", PlanInput(16, 800, 2, 6)),
        ("16 sessions at 800, 2 carried, 6 used", PlanInput(16, 800, 2, 6)),
        ("16 sessions at 800, carried 2, used 6", PlanInput(16, 800, 2, 6)),
        ("16 sessions at 800 2 carried 6 used", PlanInput(16, 800, 2, 6)),
        ("16 sessions at 800, 6 sessions done", PlanInput(16, 800, 0, 6)),
        ("16 sessions at 800, used 0", PlanInput(16, 800, 0, 0)),
        ("16 800 2 18", PlanInput(16, 800, 2, 18)),  # used up to paid + carried
    ],
)
def test_mid_month_plans(text: str, expected: PlanInput) -> None:
    assert parse_plan(text, mid_month=True) == expected


@pytest.mark.parametrize(
    ("text", "mid_month", "code"),
    [
        ("", False, "unreadable"),
        ("hello", False, "unreadable"),
        ("16 800 2 6 1", True, "unreadable"),
        ("16 sessions 12 sessions at 800", False, "unreadable"),
        ("16", False, "cost_missing"),
        ("at 800", False, "sessions_missing"),
        ("16 800 2", True, "used_missing"),
        ("16 800 2 6", False, "used_unexpected"),
        ("16 800 -2", False, "negative"),
        ("16 800.50", False, "not_whole"),
        ("0 800", False, "sessions"),
        ("63 800", False, "sessions"),
        ("16 100001", False, "cost"),
        ("16 sessions at ₹1,00,001", False, "cost"),
        ("16 800 63", False, "carried"),
        ("16 800 2 19", True, "used"),
    ],
)
def test_refused_plans_name_the_problem(text: str, mid_month: bool, code: str) -> None:
    with pytest.raises(InvalidPlan) as caught:
        parse_plan(text, mid_month=mid_month)
    assert caught.value.code == code


def test_out_of_range_fields_carry_their_bounds() -> None:
    with pytest.raises(InvalidPlan) as caught:
        parse_plan("16 800 2 19", mid_month=True)
    assert caught.value.details == {"low": 0, "high": 18, "value": 19}


def test_plan_money_is_in_paise() -> None:
    plan = PlanInput(16, 800, 2)
    assert plan.cost_paise == 80_000
    assert plan.total == 18


def test_presets_fit_whatsapp_rows() -> None:
    assert [preset.label for preset in PRESETS] == ["8 × ₹800", "12 × ₹1,000", "16 × ₹800"]
    assert all(len(preset.label) <= 24 for preset in PRESETS)
    assert len({preset.key for preset in PRESETS}) == len(PRESETS)
    assert PlanInput(16, 800) in [preset.plan for preset in PRESETS]


# Parents type their plan in their own words: numbers in any order, named by the word beside
# them (the English cases above read the same way).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 सेशन, 500 रुपये प्रति सेशन", PlanInput(12, 500, 0)),
        ("प्रति सत्र ₹800, 16 सत्र", PlanInput(16, 800, 0)),
        ("हर सेशन 800 रु., कुल 16 सेशन", PlanInput(16, 800, 0)),
        ("फ़ीस 800, 16 क्लास", PlanInput(16, 800, 0)),
        ("पिछले महीने के 2 सत्र, 16 सत्र 800 रुपये", PlanInput(16, 800, 2)),
        ("16 सेशन, 800 रुपए प्रति सेशन, 2 सेशन बचे हुए", PlanInput(16, 800, 2)),
        ("12 సెషన్లు, ఒక్కో సెషన్‌కు 500 రూపాయలు", PlanInput(12, 500, 0)),
        ("ఒక్కో సెషన్‌కు ₹800, 16 సెషన్లు", PlanInput(16, 800, 0)),
        ("ఒక్కో సెషన్కు 800 రూ, 16 సెషన్లు", PlanInput(16, 800, 0)),  # typed without ZWNJ
        ("ధర 800, 16 సెషన్లు", PlanInput(16, 800, 0)),
        ("గత నెల నుండి 2, 16 సెషన్లు ధర 800", PlanInput(16, 800, 2)),
        ("16 సెషన్లు, 800 రూపాయలు, 2 సెషన్లు మిగిలినవి", PlanInput(16, 800, 2)),
    ],
)
def test_fresh_plans_in_hindi_and_telugu(text: str, expected: PlanInput) -> None:
    assert parse_plan(text, mid_month=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("16 सत्र, 800 प्रति सत्र, पिछले महीने के 2, 6 इस्तेमाल हुए", PlanInput(16, 800, 2, 6)),
        ("इस्तेमाल हुए 6, 16 सेशन ₹800", PlanInput(16, 800, 0, 6)),
        ("16 सेशन 800 रुपये, 6 सेशन हो चुके", PlanInput(16, 800, 0, 6)),
        (
            "16 సెషన్లు, ఒక్కో సెషన్‌కు 800, గత నెల నుండి వచ్చినవి 2, 6 వాడినవి",
            PlanInput(16, 800, 2, 6),
        ),
        ("వాడినవి 6, 16 సెషన్లు ₹800", PlanInput(16, 800, 0, 6)),
        ("16 సెషన్లు 800 రూ, 6 సెషన్లు అయిపోయాయి", PlanInput(16, 800, 0, 6)),
    ],
)
def test_mid_month_plans_in_hindi_and_telugu(text: str, expected: PlanInput) -> None:
    assert parse_plan(text, mid_month=True) == expected
