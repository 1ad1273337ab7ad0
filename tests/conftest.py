"""Shared fixtures: one pipeline (one model load) for the whole test session."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventlens.pipeline import Pipeline
from eventlens.record import Document, Event

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEFAULT_PUB_DATE = date(2022, 3, 24)


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def code(pipeline: Pipeline):
    """Code a text written by the team; returns its events."""

    def _code(
        text: str, pub_date: date | None = DEFAULT_PUB_DATE, doc_id: str = "t"
    ) -> list[Event]:
        document = Document(id=doc_id, text=text, pub_date=pub_date)
        [(_, events)] = list(pipeline.code([document]))
        return events

    return _code


@pytest.fixture
def shared_data() -> Path:
    """The ../shared/data folder, or skip when it is absent (CI must pass without it)."""
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip("../shared/data is not present")
    return path
