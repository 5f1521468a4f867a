"""Typed words → commands, in every language we speak; a pure function with no I/O."""

from __future__ import annotations

from dataclasses import dataclass

# Each command's words: English, Hindi (Devanagari and Latin), Telugu (script and Latin).
ALIASES: dict[str, tuple[str, ...]] = {
    "help": ("help", "commands", "options", "?", "मदद", "सहायता", "madad", "సహాయం", "sahayam"),
    "menu": ("menu", "main menu", "home", "मेनू", "मेन्यू", "మెనూ", "మెను"),
    "more": ("more", "more options", "और", "और विकल्प", "మరిన్ని"),
    "cancel": ("cancel", "back", "exit", "quit", "रद्द", "रद्द करें", "वापस", "radd",
               "రద్దు", "వెనక్కి", "raddu"),
    "language": ("language", "lang", "languages", "भाषा", "bhasha", "భాష", "bhasha"),
    "opt_out": ("stop", "opt out", "opt_out", "optout", "unsubscribe", "pause", "बंद", "रोकें",
                "band", "ఆపు", "ఆపండి", "aapu"),
    "opt_in": ("start", "opt in", "opt_in", "optin", "subscribe", "resume", "शुरू", "shuru",
               "ప్రారంభించు", "మొదలు"),
    "consent": ("consent", "consent status", "consent_status", "privacy", "सहमति", "సమ్మతి"),
    "hello": ("hi", "hello", "hey", "hii", "namaste", "नमस्ते", "हाय", "నమస్తే", "హాయ్"),
}

LANGUAGE_WORDS = {
    "en": ("en", "english", "अंग्रेज़ी", "अंग्रेजी", "ఇంగ్లీష్"),
    "hi": ("hi", "hindi", "हिंदी", "हिन्दी", "హిందీ"),
    "te": ("te", "telugu", "तेलुगु", "తెలుగు"),
}



@dataclass(frozen=True, slots=True)
class Command:
    name: str
    args: str = ""


def normalize(text: str) -> str:
    return " ".join(text.casefold().replace("_", " ").split())


_BY_WORDS = {normalize(word): name for name, words in ALIASES.items() for word in words}


def parse_command(text: str) -> Command | None:
    """Match the whole message first, then its first word with the rest as arguments."""
    words = normalize(text)
    if not words:
        return None
    if words in _BY_WORDS:
        return Command(_BY_WORDS[words])
    if words.startswith(("lang:", "language:")):
        return Command("language", words.partition(":")[2].strip())
    head, _, rest = words.partition(" ")
    if head in _BY_WORDS:
        return Command(_BY_WORDS[head], rest)
    return None


def language_code(word: str) -> str | None:
    word = normalize(word)
    return next((code for code, words in LANGUAGE_WORDS.items() if word in words), None)
