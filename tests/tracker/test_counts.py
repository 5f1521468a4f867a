import pytest

from tracker.counts import check_count, parse_count
from tracker.errors import InvalidCount


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("attended 2", 2),
        ("Attended  3", 3),
        ("2 sessions today", 2),
        ("1 session", 1),
        ("2 done", 2),
        ("done 2", 2),
        ("2x sessions", 2),
        ("two sessions", 2),
        ("3", 3),
        ("completed 4 sessions", 4),
        ("attended 2 sessions on 12/02", 2),
        ("२ sessions", 2),  # Devanagari digit
        ("2 सत्र", 2),
        ("२ सत्र", 2),
        ("कल 3 सत्र हुए", 3),
        ("दो सत्र", 2),
        ("कुल 2", 2),
        ("2 సెషన్లు", 2),
        ("౨ సెషన్లు", 2),
        ("రెండు సెషన్లు", 2),
        ("మొత్తం 3", 3),
        ("౩", 3),
        ("एकदम", None),
        ("attended 0", 0),
        ("6 sessions", 6),
        ("attended", None),
        ("done", None),
        ("attended 12/02", None),  # a date, not a count
        ("attended onesie", None),
        ("", None),
    ],
)
def test_parse_count(text: str, expected: int | None) -> None:
    assert parse_count(text) == expected


@pytest.mark.parametrize("count", [1, 2, 5])
def test_check_count_accepts_one_to_five(count: int) -> None:
    check_count(count)


@pytest.mark.parametrize(
    ("count", "code"), [(0, "too_few"), (-1, "too_few"), (6, "too_many"), (500, "too_many")]
)
def test_check_count_refuses_outside_one_to_five(count: int, code: str) -> None:
    with pytest.raises(InvalidCount) as caught:
        check_count(count)
    assert caught.value.code == code
    assert caught.value.details == {"low": 1, "high": 5}
