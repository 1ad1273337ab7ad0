"""The read endpoints of the JSON API, on a store of events built in conftest."""

from __future__ import annotations

import pytest

from eventlens.serve import data


def test_lists_every_event_one_page_at_a_time(reader):
    everything = reader.get("/api/events").json()
    assert everything["total"] == 8 and len(everything["items"]) == 8
    first = reader.get("/api/events", params={"limit": 3}).json()
    second = reader.get("/api/events", params={"limit": 3, "offset": 3}).json()
    assert first["total"] == 8 and len(first["items"]) == 3
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "sanction"}, ["SANCTION", "SANCTION"]),
        ({"mode": "firearms"}, ["ASSAULT"]),
        ({"actor": "JUNTA"}, ["CONSULT", "SANCTION"]),
        ({"q": "convoy"}, ["ASSAULT"]),
        ({"place": "ouaga"}, ["PROTEST"]),
        ({"modality": "negated"}, ["COERCE"]),
        ({"min_confidence": 0.8}, ["ASSAULT"]),
        ({"since": "2022-03-04", "until": "2022-03-05"}, ["AGREE", "COERCE", "PROTEST"]),
        ({"actor_id": "IGO-WAF"}, ["CONSULT", "SANCTION"]),
        ({"type": "PROTEST", "country": "ML"}, []),
    ],
)
def test_filters(reader, params, expected):
    items = reader.get("/api/events", params=params).json()["items"]
    assert sorted(e["event_type"] for e in items) == expected


@pytest.mark.parametrize("country", ["BF", "BFA", "Burkina Faso", "bfa"])
def test_country_by_code_or_name_matches_places_and_actors(reader, country):
    items = reader.get("/api/events", params={"country": country}).json()["items"]
    assert sorted(e["event_type"] for e in items) == ["AGREE", "COERCE", "PROTEST"]


def test_sorting(reader):
    by_confidence = reader.get("/api/events", params={"order": "-confidence"}).json()["items"]
    assert by_confidence[0]["event_type"] == "ASSAULT"
    by_date = [
        e["date"] for e in reader.get("/api/events", params={"order": "date"}).json()["items"]
    ]
    assert by_date == sorted(by_date)
    by_mentions = reader.get("/api/events", params={"order": "-mentions"}).json()["items"]
    assert by_mentions[0]["mentions"] == 2 and by_mentions[0]["event_type"] == "ASSAULT"


def test_user_text_is_bound_never_spliced_into_sql(reader):
    for hostile in ("x' OR 1=1 --", "'; DROP TABLE events; --", 'x") OR TRUE --'):
        response = reader.get("/api/events", params={"actor": hostile, "q": hostile})
        assert response.status_code == 200 and response.json()["total"] == 0
    assert reader.get("/api/events").json()["total"] == 8


def test_event_detail_has_every_source_sentence_and_document(reader, find_event):
    event = find_event(q="convoy")
    detail = reader.get(f"/api/events/{event['id']}").json()
    assert detail["event"] == event and event["mentions"] == 2
    sources = {s["document"]["title"]: s["sentence"] for s in detail["sources"]}
    assert sources == {
        "Sahel brief: the junta and its neighbours": "Soldiers attacked a convoy near Gao on 12 February.",
        "Convoy attacked near Gao": "Soldiers attacked a convoy near Gao on 12 February, a witness said by phone.",
    }
    assert detail["reviews"] == []


def test_timeline_by_quad_and_by_type(reader):
    quads = reader.get("/api/timeline", params={"interval": "month"}).json()
    assert sum(row["events"] for row in quads) == 8
    assert sum(row["mentions"] for row in quads) == 9
    march = {row["key"]: row["events"] for row in quads if row["period"] == "2022-03-01"}
    assert march == {"verbal cooperation": 2, "material conflict": 3}
    types = reader.get("/api/timeline", params={"by": "type", "modality": "asserted"}).json()
    assert {row["key"] for row in types} == {"SANCTION", "ASSAULT", "PROTEST", "AGREE", "COERCE"}


def test_dyads_pair_actors_with_recipients(reader):
    dyads = reader.get("/api/dyads").json()
    pairs = {(d["source"]["id"], d["target"]["id"]): d for d in dyads}
    assert ("MLI-MIL", "FRA-GOV") in pairs
    assert pairs[("MLI-MIL", "FRA-GOV")]["mean_intensity"] == -5.5
    assert pairs[("MLI-MIL", "IGO-WAF")]["source"]["label"] == "MLI MIL (junta)"
    assert all(d["events"] >= 1 and d["mentions"] >= d["events"] for d in dyads)


def test_places_sized_by_mentions(reader):
    places = reader.get("/api/places").json()
    mentions = {p["name"]: p["mentions"] for p in places}
    assert mentions == {"Bamako": 1, "Gao": 2, "Ouagadougou": 1, "Kidal": 1}
    assert reader.get("/api/places", params={"country": "BF"}).json()[0]["name"] == "Ouagadougou"


def test_actor_profile(reader):
    junta = reader.get("/api/actors/MLI-MIL").json()
    assert junta["as_actor"] == 3 and junta["as_recipient"] == 0
    assert junta["variants"] == [{"text": "junta", "count": 2}, {"text": "Soldiers", "count": 1}]
    partners = {p["id"] for p in junta["partners"]}
    assert partners == {"FRA-GOV", "IGO-WAF", "a convoy"}
    bloc = reader.get("/api/actors/IGO-WAF").json()
    assert bloc["as_actor"] == 1 and bloc["as_recipient"] == 1
    assert reader.get("/api/actors/nobody").status_code == 404


def test_document_with_its_events_in_text_order(reader):
    document = reader.get("/api/documents/sahel-brief").json()
    assert document["text"].startswith("The junta in Bamako")
    starts = [e["span"][0] for e in document["events"]]
    assert len(starts) == 4 and starts == sorted(starts)


def test_errors_are_json_without_stack_traces(reader, monkeypatch):
    missing = reader.get("/api/events/0000000000000000")
    assert missing.status_code == 404 and missing.json() == {"error": "no such event"}
    invalid = reader.get("/api/events", params={"limit": 0, "order": "sideways"})
    assert invalid.status_code == 422
    assert {tuple(d["loc"]) for d in invalid.json()["detail"]} == {
        ("query", "limit"),
        ("query", "order"),
    }

    def broken(con):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(data, "summary", broken)
    crash = reader.get("/api/summary")
    assert crash.status_code == 500 and crash.json() == {"error": "internal server error"}
    assert "secret" not in crash.text and "Traceback" not in crash.text


def test_security_headers_and_no_cors_by_default(reader):
    response = reader.get("/api/summary", headers={"Origin": "https://elsewhere.example"})
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "access-control-allow-origin" not in response.headers


def test_openapi_schema_lists_the_endpoints(reader):
    paths = reader.get("/openapi.json").json()["paths"]
    for path in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/events/{event_id}/review",
        "/api/timeline",
        "/api/dyads",
        "/api/places",
        "/api/actors/{actor_id}",
        "/api/documents",
        "/api/documents/{doc_id}",
    ):
        assert path in paths, path
