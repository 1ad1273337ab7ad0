"""POST /api/documents codes an article with the real pipeline and stores it."""

from __future__ import annotations

import pytest

ARTICLE = (
    "Police arrested forty protesters in Dakar on 3 May 2023. "
    "The president of Senegal met the foreign minister of Gambia in Banjul on 5 May 2023."
)


@pytest.mark.model
def test_posted_article_is_coded_stored_and_idempotent(client, auth, pipeline):
    body = {
        "text": ARTICLE,
        "date": "2023-05-06",
        "title": "Dakar <i>wire</i>",
        "url": "https://example.org/d",
    }
    first = client.post("/api/documents", json=body, headers=auth)
    assert first.status_code == 201, first.text
    coded = first.json()
    doc_id = coded["document"]["id"]
    assert doc_id.startswith("api-") and coded["document"]["pub_date"] == "2023-05-06"
    assert coded["events"], "the coder found no event in two plain event sentences"
    stored = client.get(f"/api/documents/{doc_id}").json()
    assert stored["title"] == "Dakar <i>wire</i>" and stored["text"] == ARTICLE
    assert sorted(e["id"] for e in stored["events"]) == sorted(e["id"] for e in coded["events"])
    again = client.post("/api/documents", json=body, headers=auth).json()
    assert again["document"]["id"] == doc_id
    assert client.get("/api/events", params={"q": "Dakar"}).json()["total"] == sum(
        "Dakar" in e["sentence"] for e in coded["events"]
    )
    page = client.get(f"/documents/{doc_id}").text
    assert "Dakar &lt;i&gt;wire&lt;/i&gt;" in page and "<i>wire</i>" not in page


@pytest.mark.model
def test_posted_html_is_cleaned_before_coding(client, auth, pipeline):
    html = (
        "<html><head><title>Banjul talks</title><script>alert(1)</script></head><body>"
        f"<article><p>{ARTICLE}</p></article></body></html>"
    )
    response = client.post("/api/documents", json={"html": html, "id": "banjul-1"}, headers=auth)
    assert response.status_code == 201, response.text
    stored = client.get("/api/documents/banjul-1").json()
    assert "alert" not in stored["text"] and "<" not in stored["text"]
    assert "Senegal" in stored["text"]


@pytest.mark.parametrize(
    "body",
    [{}, {"text": "a", "html": "<p>a</p>"}, {"text": "a", "id": "../../etc"}, {"text": "   "}],
)
def test_bad_articles_are_rejected(client, auth, body):
    response = client.post("/api/documents", json=body, headers=auth)
    assert response.status_code == 422 and "error" in response.json()
