"""Read documents from files, directories and stdin.

Each input yields :class:`Document` records or :class:`InputProblem` records; a bad
file or line never stops the batch, it becomes one problem naming the file (and line).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventlens.ingest.boilerplate import clean_text
from eventlens.ingest.html import html_to_text
from eventlens.ingest.language import detect_language
from eventlens.nlp import MODELS
from eventlens.record import Document

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


@dataclass
class InputProblem:
    """Something that could not be read; ``str()`` is the one-line message."""

    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"eventlens: skipped {where}: {self.message}"


def read_inputs(
    paths: Iterable[str], pub_date: date | None = None
) -> Iterator[Document | InputProblem]:
    """Yield documents (or problems) from each path: a file, a directory or ``-``."""
    for raw in paths:
        if raw == "-":
            yield from _read_stream(sys.stdin.buffer.read(), "<stdin>", pub_date)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUPPORTED:
                    yield from read_file(child, pub_date)
        elif path.is_file():
            yield from read_file(path, pub_date)
        else:
            yield InputProblem(raw, "no such file or directory")


def read_file(path: Path, pub_date: date | None = None) -> Iterator[Document | InputProblem]:
    """Yield the documents of one file, by its suffix."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputProblem(str(path), f"cannot read: {exc.strerror}")
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(data, str(path))
    elif suffix in HTML_SUFFIXES:
        yield from _one(_decode(data, str(path)), str(path), pub_date, html=True)
    else:
        yield from _one(_decode(data, str(path)), str(path), pub_date, html=False)


def _read_stream(
    data: bytes, source: str, pub_date: date | None
) -> Iterator[Document | InputProblem]:
    head = data.lstrip()[:1]
    if head == b"{":
        yield from read_jsonl(data, source)
    else:
        is_html = head == b"<"
        yield from _one(_decode(data, source), source, pub_date, html=is_html)


def _decode(data: bytes, source: str) -> str | InputProblem:
    if b"\x00" in data[:8192]:
        return InputProblem(source, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return InputProblem(source, f"not valid UTF-8 (byte {exc.start})")


def _one(
    text: str | InputProblem, source: str, pub_date: date | None, html: bool
) -> Iterator[Document | InputProblem]:
    if isinstance(text, InputProblem):
        yield text
        return
    title = None
    if html:
        text, meta = html_to_text(text)
        title = meta.get("title")
        pub_date = pub_date or _parse_date(meta.get("date"))
    doc_id = Path(source).stem if source != "<stdin>" else "stdin"
    yield from _document(doc_id, text, pub_date, title=title, source=source)


def read_jsonl(data: bytes, source: str) -> Iterator[Document | InputProblem]:
    """Yield one document per JSONL line: {id, text|html, date, title?, url?, lang?}."""
    text = _decode(data, source)
    if isinstance(text, InputProblem):
        yield text
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputProblem(source, f"malformed JSON ({exc.msg})", number)
            continue
        yield from _jsonl_document(item, source, number)


def _jsonl_document(item: object, source: str, number: int) -> Iterator[Document | InputProblem]:
    if not isinstance(item, dict):
        yield InputProblem(source, "line is not a JSON object", number)
        return
    body, title = item.get("text"), item.get("title")
    if body is None and isinstance(item.get("html"), str):
        body, meta = html_to_text(item["html"])
        title = title or meta.get("title")
    if not isinstance(body, str):
        yield InputProblem(source, 'field "text" (or "html") missing or not a string', number)
        return
    raw_date = item.get("date")
    pub_date = _parse_date(raw_date)
    if raw_date and pub_date is None:
        yield InputProblem(source, f'field "date" is not an ISO date: {raw_date!r}', number)
        return
    doc_id = str(item.get("id") or f"{Path(source).stem}-{number}")
    yield from _document(
        doc_id,
        body,
        pub_date,
        title=title,
        url=item.get("url"),
        lang=item.get("lang"),
        source=f"{source}:{number}",
    )


def _document(
    doc_id: str,
    text: str,
    pub_date: date | None,
    *,
    title: str | None = None,
    url: str | None = None,
    lang: str | None = None,
    source: str,
) -> Iterator[Document | InputProblem]:
    cleaned = clean_text(text)
    if not cleaned.strip():
        yield InputProblem(source, "empty document (no text after cleaning)")
        return
    lang = lang or detect_language(cleaned)
    if lang not in MODELS:
        supported = ", ".join(sorted(MODELS))
        yield InputProblem(source, f"language {lang!r} is not supported yet ({supported})")
        return
    yield Document(
        id=doc_id,
        text=cleaned,
        pub_date=pub_date,
        title=title,
        url=url,
        lang=lang,
        source=source,
    )


def _parse_date(value: object) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
