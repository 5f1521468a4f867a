"""What handlers return: plain values that only `bot/graph_messages.py` turns into Graph JSON."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Button:
    id: str
    title: str


@dataclass(frozen=True, slots=True)
class Row:
    id: str
    title: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True)
class LinkButton:
    """A button that opens a web page (WhatsApp's call-to-action URL button)."""

    title: str
    url: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Reply:
    """A text, a text with up to 3 buttons, with a list behind one button, or with one
    button that opens a web page (`link`)."""

    text: str
    buttons: tuple[Button, ...] = ()
    sections: tuple[Section, ...] = ()
    list_button: str = ""
    link: LinkButton | None = None
    header: str = ""
    footer: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """A file sent as a WhatsApp document: uploaded by the sender, then sent by its media id."""

    filename: str
    mime_type: str
    content: bytes
    caption: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Template:
    """An approved template, the only thing Meta accepts outside the 24-hour window; one
    approved with a document header carries the file (`document`)."""

    name: str
    language: str
    parameters: tuple[str, ...] = ()
    document: Document | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Outgoing:
    """One message for one user, with an optional template to use if the window has closed.
    A message that names other members says whom (`about`) and may carry the same message
    without their names (`anonymous`); erasing one of them sends that instead, or nothing."""

    user_id: int
    reply: Reply | Template | Document
    fallback: Template | None = None
    then: Reply | None = None  # queued only after Meta accepted `reply`
    about: tuple[int, ...] = ()
    anonymous: Reply | None = None
