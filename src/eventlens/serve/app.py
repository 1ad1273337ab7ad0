"""The FastAPI application: JSON API, dashboard pages, bundled assets, JSON errors."""

from __future__ import annotations

import logging
import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from eventlens import __version__
from eventlens.record import Document, Event
from eventlens.serve import api, pages
from eventlens.serve.reviews import ensure_reviews_table
from eventlens.serve.security import DEFAULT_MAX_BODY, GuardMiddleware
from eventlens.store.db import EventStore

STATIC = Path(__file__).resolve().parent / "static"
log = logging.getLogger("eventlens.serve")


class LazyCoder:
    """The coding pipeline, loaded on first use and shared by all requests (one at a time)."""

    def __init__(self) -> None:
        self._pipeline: Any = None
        self._lock = threading.Lock()

    def code(self, document: Document) -> list[Event]:
        with self._lock:
            if self._pipeline is None:
                from eventlens.pipeline import Pipeline  # loads spaCy: only when first needed

                self._pipeline = Pipeline()
            [(_, events)] = list(self._pipeline.code([document]))
            return events


def create_app(
    db_path: str | Path,
    token: str,
    max_body: int = DEFAULT_MAX_BODY,
    cors_origins: list[str] | None = None,
) -> FastAPI:
    """The app serving the store at ``db_path``; ``token`` guards the write endpoints."""

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.store.close()

    app = FastAPI(
        title="eventlens",
        version=__version__,
        description="PLOVER-coded political events: query, code articles, review.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = EventStore(db_path)
    ensure_reviews_table(app.state.store.con)
    app.state.token = token
    app.state.coder = LazyCoder()
    app.state.write_lock = threading.Lock()
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")
    if cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=cors_origins, allow_methods=["*"])
    app.add_middleware(GuardMiddleware, max_body=max_body)
    add_error_handlers(app)
    return app


def add_error_handlers(app: FastAPI) -> None:
    """Errors as JSON under /api (HTML pages elsewhere), never with a stack trace."""

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return error_response(request, exc.status_code, str(exc.detail), headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        detail = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        return error_response(request, 422, "invalid request", detail=detail)

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        log.error("error on %s %s", request.method, request.url.path, exc_info=exc)
        return error_response(request, 500, "internal server error")


def error_response(
    request: Request,
    status: int,
    message: str,
    detail: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """A JSON problem for API clients, an error page for browsers."""
    if wants_json(request):
        body: dict[str, Any] = {"error": message}
        if detail is not None:
            body["detail"] = detail
        return JSONResponse(body, status_code=status, headers=headers)
    return pages.error_page(request, status, message, detail)


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith(("/api/", "/static/")) or path == "/openapi.json"
