"""Phone numbers as people type them → the digits WhatsApp and tt.users use (E.164, no '+')."""

from __future__ import annotations

import phonenumbers

DEFAULT_REGION = "IN"
MAX_TYPED = 32


def normalise_phone(text: str, region: str = DEFAULT_REGION) -> str | None:
    """The E.164 digits of a valid number, or None; letters are refused, not read as digits."""
    typed = text.strip()
    if not typed or len(typed) > MAX_TYPED or any(ch.isalpha() for ch in typed):
        return None
    try:
        number = phonenumbers.parse(typed, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)[1:]


def display_phone(digits: str | None) -> str:
    """A stored number the way people read it (+91 98765 43210); '?' when there is none."""
    if not digits:
        return "?"
    try:
        number = phonenumbers.parse(f"+{digits}")
    except phonenumbers.NumberParseException:
        return f"+{digits}"
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def mask_phone(phone: str | None) -> str:
    """Keep the country prefix and the last four digits: 91******3210."""
    digits = "".join(ch for ch in (phone or "") if ch.isdigit())
    if len(digits) < 8:
        return "*" * len(digits)
    return digits[:2] + "*" * (len(digits) - 6) + digits[-4:]
