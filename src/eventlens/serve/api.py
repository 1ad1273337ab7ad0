"""The JSON API: read the store, code new articles, record analysts' reviews."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Annotated, Any, Literal

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from eventlens.ingest.readers import InputProblem, read_jsonl
from eventlens.record import Document
from eventlens.serve import data, models, reviews
from eventlens.serve.security import token_matches

bearer = HTTPBearer(auto_error=False, description="the write token printed by `eventlens serve`")


def connection(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor on the store for one request (cursors may be used from any thread)."""
    cursor = request.app.state.store.con.cursor()
    try:
        yield cursor
    finally:
        cursor.close()


def require_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """Write endpoints: the request must carry ``Authorization: Bearer <token>``."""
    given = credentials.credentials if credentials else None
    if not token_matches(given, request.app.state.token):
        raise HTTPException(401, "missing or wrong token", headers={"WWW-Authenticate": "Bearer"})


Con = Annotated[duckdb.DuckDBPyConnection, Depends(connection)]
Filters = Annotated[data.EventFilters, Query()]
ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": models.Problem, "description": "invalid request"},
}
NOT_FOUND = {404: {"model": models.Problem, "description": "not found"}, **ERRORS}
WRITE = {
    401: {"model": models.Problem, "description": "missing or wrong token"},
    413: {"model": models.Problem, "description": "request body too large"},
    **NOT_FOUND,
}

router = APIRouter(prefix="/api", tags=["events"], responses=ERRORS)


@router.get("/summary", response_model=models.Summary)
def summary(con: Con) -> dict[str, Any]:
    """Headline figures: events, documents, date range."""
    return data.summary(con)


@router.get("/events", response_model=models.EventPage)
def events(
    con: Con,
    filters: Filters,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    order: data.Order = "-date",
) -> dict[str, Any]:
    """Events matching the filters, one page at a time."""
    total, items = data.list_events(con, filters, limit, offset, order)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/events/{event_id}", response_model=models.EventDetail, responses=NOT_FOUND)
def event(con: Con, event_id: str) -> dict[str, Any]:
    """One event with its source sentences, their documents, and its reviews."""
    record = found(data.get_event(con, event_id), "event")
    sources = record.pop("sources")
    return {"event": record, "sources": sources, "reviews": reviews.event_reviews(con, event_id)}


@router.get("/timeline", response_model=list[models.TimelineBucket])
def timeline(
    con: Con,
    filters: Filters,
    interval: data.Interval = "month",
    by: Literal["quad", "type"] = "quad",
) -> list[dict[str, Any]]:
    """Event counts per day, week, month or year, by quad class or event type."""
    return data.timeline(con, filters, interval, by)


@router.get("/dyads", response_model=list[models.Dyad])
def dyads(
    con: Con, filters: Filters, limit: Annotated[int, Query(ge=1, le=500)] = 50
) -> list[dict[str, Any]]:
    """The commonest actor → recipient pairs."""
    return data.dyads(con, filters, limit)


@router.get("/places", response_model=list[models.Place])
def places(
    con: Con, filters: Filters, limit: Annotated[int, Query(ge=1, le=10_000)] = 2000
) -> list[dict[str, Any]]:
    """Geocoded places with event and mention counts, for the map."""
    return data.places(con, filters, limit)


@router.get("/actors/{actor_id:path}", response_model=models.ActorProfile, responses=NOT_FOUND)
def actor(con: Con, actor_id: str) -> dict[str, Any]:
    """An actor (key: Wikidata id, CODE-SECTOR or lower-cased name) and its partners."""
    return found(data.actor_profile(con, actor_id), "actor")


@router.get("/documents/{doc_id:path}", response_model=models.DocumentOut, responses=NOT_FOUND)
def document(con: Con, doc_id: str) -> dict[str, Any]:
    """A stored article with all its events."""
    return found(data.get_document(con, doc_id), "document")


@router.post(
    "/documents",
    status_code=201,
    response_model=models.CodedDocument,
    responses=WRITE,
    dependencies=[Depends(require_token)],
)
def code_document(request: Request, body: models.DocumentIn) -> dict[str, Any]:
    """Code an article (text or HTML) and store it with its events."""
    document = to_document(body)
    events = request.app.state.coder.code(document)
    with request.app.state.write_lock:
        request.app.state.store.save(document, events)
    meta = {k: getattr(document, k) for k in ("id", "title", "url", "source", "pub_date", "lang")}
    return {"document": meta, "events": [e.to_dict() for e in events]}


def to_document(body: models.DocumentIn) -> Document:
    """The article as a Document, read by the same code as a JSONL input line."""
    item = body.model_dump(mode="json", exclude_none=True)
    content = (body.text if body.text is not None else body.html) or ""
    item.setdefault("id", "api-" + hashlib.sha256(content.encode("utf-8")).hexdigest()[:16])
    [result] = read_jsonl(json.dumps(item).encode("utf-8"), "api")
    if isinstance(result, InputProblem):
        raise HTTPException(422, result.message)
    return replace(result, source=body.url or "api")


@router.post(
    "/events/{event_id}/review",
    status_code=201,
    response_model=models.Review,
    responses=WRITE,
    dependencies=[Depends(require_token)],
)
def review(request: Request, con: Con, event_id: str, body: models.ReviewIn) -> dict[str, Any]:
    """Record an analyst's verdict on an event; the machine's record stays as it was."""
    record = found(data.get_event(con, event_id), "event")
    record.pop("sources")
    event_type = body.event_type or record["event_type"]
    if body.mode and body.mode not in models.plover_types().get(event_type, []):
        raise HTTPException(422, f"mode {body.mode!r} is not a mode of {event_type}")
    with request.app.state.write_lock:
        return reviews.add_review(
            con, record, body.verdict, body.correction(), body.note, body.reviewer
        )


def found(value: dict[str, Any] | None, what: str) -> dict[str, Any]:
    """The value, or a 404 naming what was not found."""
    if value is None:
        raise HTTPException(404, f"no such {what}")
    return value
