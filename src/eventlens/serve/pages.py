"""The dashboard's HTML pages, rendered on the server (Jinja2 escapes every value)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

import duckdb
from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import Field, ValidationError

from eventlens.render import actor_label
from eventlens.serve import data, highlight, reviews
from eventlens.serve.api import connection
from eventlens.serve.models import plover_types
from eventlens.store.queries import QUAD_NAMES

HERE = Path(__file__).resolve().parent
BUNDLE = HERE / "static" / "dist" / "app.js"
templates = Jinja2Templates(directory=HERE / "templates")
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
Con = Annotated[duckdb.DuckDBPyConnection, Depends(connection)]


def safe_url(url: str | None) -> str | None:
    """The URL if it is a web link (http or https), else None: no javascript: links."""
    return url if url and urlsplit(url).scheme in ("http", "https") else None


templates.env.filters["safe_url"] = safe_url
templates.env.filters["actors"] = actor_label
templates.env.globals["quad_names"] = QUAD_NAMES
templates.env.globals["actor_key"] = data.actor_key


class TableQuery(data.EventFilters):
    """The event table's query string: the filters, one page, one order."""

    limit: int = Field(50, ge=1, le=500)
    offset: int = Field(0, ge=0)
    order: data.Order = "-date"


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> Response:
    """A page; the base template warns when the front-end bundle has not been built."""
    context.setdefault("assets_built", BUNDLE.is_file())
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def error_page(
    request: Request, status: int, message: str, detail: list[dict[str, Any]] | None = None
) -> Response:
    return render(request, "error.html", status, status=status, message=message, detail=detail)


@router.get("/")
def overview(request: Request, con: Con) -> Response:
    return render(request, "overview.html", summary=data.summary(con))


@router.get("/events")
def event_table(request: Request, con: Con) -> Response:
    given = {k: v.strip() for k, v in request.query_params.items() if v.strip()}
    try:
        query = TableQuery.model_validate(given)
    except ValidationError as exc:
        detail = [{"loc": list(e["loc"]), "msg": e["msg"]} for e in exc.errors()]
        return error_page(request, 422, "invalid filter", detail)
    total, items = data.list_events(con, query, query.limit, query.offset, query.order)

    def link(**changes: Any) -> str:
        return "/events?" + urlencode({**given, **{k: str(v) for k, v in changes.items()}})

    return render(
        request,
        "events.html",
        query=query,
        total=total,
        items=items,
        types=sorted(set(plover_types()) | set(data.event_types(con))),
        link=link,
    )


@router.get("/events/{event_id}")
def event_page(request: Request, con: Con, event_id: str) -> Response:
    record = data.get_event(con, event_id)
    if record is None:
        return error_page(request, 404, "no such event")
    return render(
        request,
        "event.html",
        event=record,
        marked=highlight.sentence_segments(record),
        sources=record.pop("sources"),
        reviews=reviews.event_reviews(con, event_id),
        plover=plover_types(),
    )


@router.get("/documents/{doc_id:path}")
def document_page(request: Request, con: Con, doc_id: str) -> Response:
    document = data.get_document(con, doc_id)
    if document is None:
        return error_page(request, 404, "no such document")
    records = document.pop("events")
    return render(
        request,
        "document.html",
        document=document,
        events=records,
        marked=highlight.document_segments(document["text"] or "", records),
    )


@router.get("/actors/{actor_id:path}")
def actor_page(request: Request, con: Con, actor_id: str) -> Response:
    profile = data.actor_profile(con, actor_id)
    if profile is None:
        return error_page(request, 404, "no such actor")
    _, recent = data.list_events(con, data.EventFilters(actor_id=actor_id), limit=50)
    return render(request, "actor.html", actor=profile, events=recent)


@router.get("/docs")
def api_docs(request: Request) -> Response:
    """Swagger UI from the bundled swagger-ui-dist (no CDN)."""
    return render(request, "docs.html")
