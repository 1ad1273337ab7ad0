"""HTML to main text with trafilatura."""

from __future__ import annotations

import trafilatura


def html_to_text(html: str) -> tuple[str, dict[str, str | None]]:
    """Return the main text of an HTML page and its metadata (title, date)."""
    text = trafilatura.extract(html, include_comments=False, include_tables=False) or ""
    meta = trafilatura.extract_metadata(html)
    info: dict[str, str | None] = {"title": None, "date": None}
    if meta is not None:
        info["title"] = meta.title
        info["date"] = meta.date
    return text, info
