"""Drop page furniture (bylines, promotions, credits, licence footers, bios) from text."""

from __future__ import annotations

import re
from functools import cache

from eventlens.data_files import load_yaml

TERMINAL = (".", "!", "?", "\u201d", '"', ":", ";")


@cache
def _patterns(lang: str = "en") -> tuple[re.Pattern[str], ...]:
    spec = load_yaml("lexicons", lang, "boilerplate.yaml")
    return tuple(re.compile(p, re.IGNORECASE) for p in spec["line_patterns"])


def is_boilerplate(line: str, lang: str = "en") -> bool:
    """True when a whole line is page furniture rather than reporting."""
    stripped = line.strip()
    return bool(stripped) and any(p.fullmatch(stripped) for p in _patterns(lang))


def is_heading(line: str) -> bool:
    """A short line without final punctuation: a heading or label, not a sentence."""
    stripped = line.strip()
    max_words = load_yaml("lexicons", "en", "boilerplate.yaml")["heading_max_words"]
    return bool(stripped) and len(stripped.split()) <= max_words and not stripped.endswith(TERMINAL)


def clean_text(text: str, lang: str = "en") -> str:
    """The text with boilerplate and heading lines removed and whitespace normalised.

    Paragraphs stay separated by a blank line so sentences never run across them.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    kept = [
        re.sub(r"[ \t]+", " ", line).strip()
        for line in text.split("\n")
        if line.strip() and not is_boilerplate(line, lang) and not is_heading(line)
    ]
    return "\n\n".join(kept)
