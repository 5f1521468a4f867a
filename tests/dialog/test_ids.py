"""Button and list ids: what is built is what is accepted, and a bad id never echoes text."""

from datetime import date

import pytest

from dialog import ids
from dialog.ids import InvalidId

NS = "test_ids"
ids.register(NS, "plain")
ids.register(NS, "day", date.fromisoformat)


def test_built_ids_decode_to_their_typed_value():
    raw = ids.encode(NS, "day", date(2026, 12, 3))
    assert raw == f"{NS}:day:2026-12-03"
    assert ids.decode(raw).value == date(2026, 12, 3)


def test_an_id_nobody_registered_cannot_be_built():
    with pytest.raises(InvalidId):
        ids.encode(NS, "nobody")


def test_a_bad_argument_cannot_be_built_either():
    with pytest.raises(InvalidId):
        ids.encode(NS, "day", "soon")


def test_typed_ids_are_matched_without_case():
    assert ids.decode(f"{NS.upper()}:PLAIN").action == "plain"


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("x" * 201, "too_long"),
        ("diagnosis:autism_level2", "unknown"),
        (f"{NS}:plain:extra", "unexpected_argument"),
        (f"{NS}:day:2099-13-45", "bad_argument"),
    ],
)
def test_refusals_name_the_problem_and_never_the_text(raw, kind):
    with pytest.raises(InvalidId) as refused:
        ids.decode(raw)
    assert refused.value.kind == kind
    assert str(refused.value) == kind


def test_ids_of_the_old_bot_keep_their_meaning():
    assert ids.decode("attended_date:2026-12-01") == ids.decode("log:attended:2026-12-01")


def test_command_ids_name_the_command():
    assert ids.command("status") == f"{ids.COMMAND_PREFIX}status"
