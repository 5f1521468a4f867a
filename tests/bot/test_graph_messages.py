import pytest

from bot.graph_messages import OutboundLimitError, to_graph
from dialog.replies import Button, Reply, Row, Section, Template


def test_text_reply():
    assert to_graph(Reply(text="hi")) == {
        "type": "text",
        "text": {"body": "hi", "preview_url": False},
    }


def test_buttons_reply_shape():
    body = to_graph(Reply(text="Pick", buttons=(Button("a:b", "One"), Button("a:c", "Two"))))
    assert body["interactive"]["action"]["buttons"][1] == {
        "type": "reply",
        "reply": {"id": "a:c", "title": "Two"},
    }


@pytest.mark.parametrize(
    "reply",
    [
        Reply(text="x", buttons=tuple(Button(f"a:{i}", f"B{i}") for i in range(4))),
        Reply(text="x", buttons=(Button("a:1", "x" * 21),)),
        Reply(text="x", buttons=(Button("a:1", "Same"), Button("a:2", "Same"))),
        Reply(text="x" * 1025, buttons=(Button("a:1", "Ok"),)),
        Reply(
            text="x",
            list_button="Open",
            sections=(Section("", tuple(Row(f"r:{i}", f"Row {i}") for i in range(11))),),
        ),
        Reply(text="x", list_button="Open", sections=(Section("", (Row("r:1", "y" * 25),)),)),
        Reply(text="x", list_button="Open", sections=(Section("", (Row("r:1", "y", "d" * 73),)),)),
        Reply(
            text="x",
            list_button="Open",
            sections=(Section("One", (Row("r:1", "a"),)), Section("", (Row("r:2", "b"),))),
        ),
        Reply(text=""),
        Reply(text="x" * 4097),
    ],
)
def test_limits_are_refused_before_sending(reply):
    with pytest.raises(OutboundLimitError):
        to_graph(reply)


def test_list_across_sections_counts_rows_in_total():
    rows = tuple(Row(f"r:{i}", f"Row {i}") for i in range(5))
    ok = Reply(
        text="x",
        list_button="Open",
        sections=(
            Section("A", rows),
            Section("B", tuple(Row(f"s:{i}", f"Row {i}") for i in range(5))),
        ),
    )
    assert len(to_graph(ok)["interactive"]["action"]["sections"]) == 2
    with pytest.raises(OutboundLimitError):
        to_graph(
            Reply(
                text="x",
                list_button="Open",
                sections=(
                    ok.sections[0],
                    Section("B", tuple(Row(f"s:{i}", f"Row {i}") for i in range(6))),
                ),
            )
        )


def test_template_shape():
    body = to_graph(Template(name="invite", language="en", parameters=("Asha",)))
    assert body["template"]["components"][0]["parameters"] == [{"type": "text", "text": "Asha"}]
