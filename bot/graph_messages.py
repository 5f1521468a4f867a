"""Reply values → Graph API message JSON, refusing anything over Meta's limits before sending."""

from __future__ import annotations

from typing import Any

from dialog.replies import Document, Reply, Template

MAX_TEXT = 4096
MAX_INTERACTIVE_BODY = 1024
MAX_BUTTONS = 3
MAX_BUTTON_TITLE = 20
MAX_BUTTON_ID = 256
MAX_LIST_ROWS = 10
MAX_SECTIONS = 10
MAX_ROW_TITLE = 24
MAX_ROW_ID = 200
MAX_ROW_DESCRIPTION = 72
MAX_SECTION_TITLE = 24
MAX_HEADER_FOOTER = 60
MAX_CAPTION = 1024
MAX_URL = 2000
DOCUMENT_TYPES = frozenset({"application/pdf", "text/plain"})
MAX_DOCUMENT_BYTES = 100 * 1024 * 1024


class OutboundLimitError(ValueError):
    """A reply breaks one of Meta's message limits; it would be rejected, so it is not sent."""


def _check(condition: bool, problem: str) -> None:
    if not condition:
        raise OutboundLimitError(problem)


def to_graph(reply: Reply | Template | Document) -> dict[str, Any]:
    """The message part of a Graph /messages body (without `to`), validated."""
    if isinstance(reply, Template):
        return _template(reply)
    if isinstance(reply, Document):
        return _document(reply)
    if reply.link:
        return _link(reply)
    if reply.buttons:
        return _buttons(reply)
    if reply.sections:
        return _list(reply)
    _check(0 < len(reply.text) <= MAX_TEXT, f"text must be 1-{MAX_TEXT} characters")
    return {"type": "text", "text": {"body": reply.text, "preview_url": False}}


def _frame(reply: Reply) -> dict[str, Any]:
    _check(
        0 < len(reply.text) <= MAX_INTERACTIVE_BODY,
        f"interactive body must be 1-{MAX_INTERACTIVE_BODY} characters",
    )
    _check(len(reply.header) <= MAX_HEADER_FOOTER, "header too long")
    _check(len(reply.footer) <= MAX_HEADER_FOOTER, "footer too long")
    frame: dict[str, Any] = {"body": {"text": reply.text}}
    if reply.header:
        frame["header"] = {"type": "text", "text": reply.header}
    if reply.footer:
        frame["footer"] = {"text": reply.footer}
    return frame


def _buttons(reply: Reply) -> dict[str, Any]:
    _check(not reply.sections, "a message has either buttons or a list, not both")
    _check(len(reply.buttons) <= MAX_BUTTONS, f"at most {MAX_BUTTONS} buttons")
    titles = [b.title for b in reply.buttons]
    _check(len(set(titles)) == len(titles), "button titles must be unique")
    for button in reply.buttons:
        _check(0 < len(button.title) <= MAX_BUTTON_TITLE, f"button title {button.title!r} too long")
        _check(0 < len(button.id) <= MAX_BUTTON_ID, "button id too long")
    buttons = [{"type": "reply", "reply": {"id": b.id, "title": b.title}} for b in reply.buttons]
    return {
        "type": "interactive",
        "interactive": {"type": "button", **_frame(reply), "action": {"buttons": buttons}},
    }


def _link(reply: Reply) -> dict[str, Any]:
    """One button that opens `reply.link.url` (an https page), nothing else."""
    link = reply.link
    assert link is not None
    _check(not reply.buttons and not reply.sections, "a link button stands alone")
    _check(0 < len(link.title) <= MAX_BUTTON_TITLE, f"button title {link.title!r} too long")
    _check(link.url.startswith("https://") and len(link.url) <= MAX_URL, "link must be https")
    parameters = {"display_text": link.title, "url": link.url}
    return {
        "type": "interactive",
        "interactive": {
            "type": "cta_url",
            **_frame(reply),
            "action": {"name": "cta_url", "parameters": parameters},
        },
    }


def _list(reply: Reply) -> dict[str, Any]:
    rows = [row for section in reply.sections for row in section.rows]
    _check(0 < len(rows) <= MAX_LIST_ROWS, f"a list has 1-{MAX_LIST_ROWS} rows in total")
    _check(len(reply.sections) <= MAX_SECTIONS, "too many sections")
    _check(0 < len(reply.list_button) <= MAX_BUTTON_TITLE, "list button title must be 1-20 chars")
    _check(len({r.id for r in rows}) == len(rows), "list row ids must be unique")
    for row in rows:
        _check(0 < len(row.title) <= MAX_ROW_TITLE, f"row title {row.title!r} too long")
        _check(0 < len(row.id) <= MAX_ROW_ID, "row id too long")
        _check(len(row.description) <= MAX_ROW_DESCRIPTION, f"row description too long: {row.id}")
    sections = [_section(s, many=len(reply.sections) > 1) for s in reply.sections]
    return {
        "type": "interactive",
        "interactive": {
            "type": "list",
            **_frame(reply),
            "action": {"button": reply.list_button, "sections": sections},
        },
    }


def _section(section: Any, *, many: bool) -> dict[str, Any]:
    _check(
        not many or 0 < len(section.title) <= MAX_SECTION_TITLE,
        "every section needs a title of at most 24 characters when there are several",
    )
    rows = [
        {"id": r.id, "title": r.title, **({"description": r.description} if r.description else {})}
        for r in section.rows
    ]
    return {"title": section.title, "rows": rows} if section.title else {"rows": rows}


def _template(template: Template) -> dict[str, Any]:
    components = []
    if template.document:
        file = _document(template.document)["document"]
        file.pop("caption", None)  # a header document has none; the template's body says it
        header = {"type": "document", "document": file}
        components.append({"type": "header", "parameters": [header]})
    if template.parameters:
        components.append(
            {
                "type": "body",
                "parameters": [{"type": "text", "text": p} for p in template.parameters],
            }
        )
    return {
        "type": "template",
        "template": {
            "name": template.name,
            "language": {"code": template.language},
            "components": components,
        },
    }


def with_media_id(message: dict[str, Any], media_id: str | None) -> dict[str, Any]:
    """`message` naming the uploaded file: a document, or a template's document header."""
    if message["type"] == "document":
        return {**message, "document": {**message["document"], "id": media_id}}
    if message["type"] != "template":
        return message
    components = [
        {**c, "parameters": [_header_file(p, media_id) for p in c["parameters"]]}
        if c["type"] == "header"
        else c
        for c in message["template"]["components"]
    ]
    return {**message, "template": {**message["template"], "components": components}}


def _header_file(parameter: dict[str, Any], media_id: str | None) -> dict[str, Any]:
    if parameter["type"] != "document":
        return parameter
    return {**parameter, "document": {**parameter["document"], "id": media_id}}


def _document(document: Document) -> dict[str, Any]:
    """The media id is filled in by the sender once the upload succeeds."""
    _check(document.mime_type in DOCUMENT_TYPES, f"{document.mime_type} is not a document type")
    _check(0 < len(document.content) <= MAX_DOCUMENT_BYTES, "document is empty or too large")
    _check(len(document.caption) <= MAX_CAPTION, "caption too long")
    _check(0 < len(document.filename) <= 240, "file name missing or too long")
    body: dict[str, Any] = {"filename": document.filename}
    if document.caption:
        body["caption"] = document.caption
    return {"type": "document", "document": body}
