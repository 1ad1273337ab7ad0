"""The dashboard's pages: they render, escape every article text, and mark up events."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from eventlens.serve.app import create_app
from eventlens.serve.highlight import Mark, segments, sentence_segments
from eventlens.serve.security import load_or_create_token, token_path

RAW_HOSTILE = ("<script>alert('pwned')</script>", "<img src=x onerror=alert(1)>", "<b>seize</b>")


def pages(reader) -> list[str]:
    hostile = reader.get("/api/events", params={"q": "Kidal"}).json()["items"][0]["id"]
    return [
        "/",
        "/events",
        "/events?q=Rebels",
        f"/events/{hostile}",
        "/documents/hostile",
        "/actors/rebels <img src=x onerror=alert(1)>",
        "/docs",
    ]


def test_every_page_renders_and_escapes_article_text(reader):
    for path in pages(reader):
        response = reader.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")
        for raw in RAW_HOSTILE:
            assert raw not in response.text, (path, raw)
        assert 'href="javascript:' not in response.text


def test_hostile_document_shows_its_markup_as_text(reader):
    page = reader.get("/documents/hostile").text
    assert (
        "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; Rebels &lt;b&gt;seize&lt;/b&gt;"
        in page
    )
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "javascript:alert" not in page  # the document's URL is not a web link: not shown


def test_event_page_marks_trigger_actor_recipient_place_and_date(reader, find_event):
    event = find_event(q="convoy")
    page = reader.get(f"/events/{event['id']}").text
    sentence = re.search(
        r'<blockquote class="sentence marked" id="sentence">(.*?)</blockquote>', page
    )
    marks = re.findall(r'<mark class="m m-(\w+)"[^>]*>(?:<a [^>]*>)?([^<]+)', sentence.group(1))
    marked = dict(marks)
    assert marked == {
        "trigger": "attacked",
        "actor": "Soldiers",
        "recipient": "a convoy",
        "place": "Gao",
        "date": "12 February",
    }
    assert "test:assault:attacked" in page and "modality-asserted" in page
    assert 'data-verdict="corrected"' in page


def test_document_page_marks_every_event(reader):
    page = reader.get("/documents/sahel-brief").text
    triggers = re.findall(r'<mark class="m m-trigger" data-event="(\w+)">', page)
    assert len(triggers) == 4


def test_event_table_filters_sorts_and_pages(reader):
    page = reader.get("/events", params={"type": "SANCTION", "mode": "", "limit": 1}).text
    assert page.count('class="event-row"') == 1
    assert "<b>2</b> events" in page
    assert 'rel="next" href="/events?type=SANCTION&amp;limit=1&amp;offset=1"' in page


def test_bad_filter_is_an_error_page(reader):
    response = reader.get("/events", params={"since": "yesterday"})
    assert response.status_code == 422 and "invalid filter" in response.text
    assert reader.get("/events/nope").status_code == 404


def test_overlapping_marks_keep_the_higher_priority_one():
    text = "Rebels seized Kidal."
    marks = [Mark(0, 13, "actor"), Mark(7, 13, "trigger", "e1"), Mark(14, 19, "place")]
    cut = [(s.text, s.label) for s in segments(text, marks)]
    assert cut == [
        ("Rebels ", None),
        ("seized", "trigger"),
        (" ", None),
        ("Kidal", "place"),
        (".", None),
    ]


def test_sentence_marks_fall_back_to_searching_place_and_date_text():
    record = {
        "id": "e",
        "span": [100, 131],
        "sentence": "Troops left Gao on 3 May 2021.",
        "trigger_span": [107, 111],
        "actor": [{"text": "Troops", "start": 100, "end": 106}],
        "recipient": [],
        "location": {"text": "Gao", "name": "Gao", "start": None},
        "date_text": "3 May 2021",
    }
    labels = {s.label: s.text for s in sentence_segments(record) if s.label}
    assert labels == {"actor": "Troops", "trigger": "left", "place": "Gao", "date": "3 May 2021"}


def test_token_is_created_once_beside_the_store(tmp_path, monkeypatch):
    monkeypatch.delenv("EVENTLENS_TOKEN", raising=False)
    db = tmp_path / "x.duckdb"
    token, origin = load_or_create_token(db)
    assert len(token) >= 32 and origin.startswith("new")
    assert token_path(db).stat().st_mode & 0o077 == 0
    assert load_or_create_token(db) == (token, str(token_path(db)))
    monkeypatch.setenv("EVENTLENS_TOKEN", "from-env")
    assert load_or_create_token(db)[0] == "from-env"


@pytest.mark.parametrize(
    ("origins", "allowed"), [([], None), (["http://lab.local"], "http://lab.local")]
)
def test_cors_only_when_configured(store_path, origins, allowed):
    with TestClient(create_app(store_path, "t", cors_origins=origins)) as client:
        response = client.get("/api/summary", headers={"Origin": "http://lab.local"})
    assert response.headers.get("access-control-allow-origin") == allowed
