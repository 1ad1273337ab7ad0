"""Reviews: the write token, verdicts beside the machine's output, and the gold export."""

from __future__ import annotations

import json

import duckdb
import pytest
from fastapi.testclient import TestClient

from eventlens.cli import main
from eventlens.evaluation.loaders import GoldItem, load_reviews
from eventlens.serve.app import create_app
from eventlens.serve.reviews import add_review, ensure_reviews_table, export_reviews
from eventlens.store.db import EventStore


def event_id(client, **params) -> str:
    [item] = client.get("/api/events", params=params).json()["items"]
    return item["id"]


def review(client, auth, event: str, **body):
    return client.post(f"/api/events/{event}/review", json=body, headers=auth)


def exported(client, path) -> list[dict]:
    """The gold lines written from the app's store."""
    export_reviews(client.app.state.store.con, path)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize(
    "header", [None, "Bearer wrong-token", "Basic dGVzdA==", "test-token-1234"]
)
def test_writes_need_the_token(client, header):
    headers = {"Authorization": header} if header else {}
    target = event_id(client, q="convoy")
    response = client.post(
        f"/api/events/{target}/review", json={"verdict": "correct"}, headers=headers
    )
    assert response.status_code == 401 and response.json() == {"error": "missing or wrong token"}
    document = client.post("/api/documents", json={"text": "A text."}, headers=headers)
    assert document.status_code == 401


def test_review_is_stored_beside_the_unchanged_machine_record(client, auth):
    target = event_id(client, q="convoy")
    before = client.get(f"/api/events/{target}").json()["event"]
    response = review(client, auth, target, verdict="correct", reviewer="ana")
    assert response.status_code == 201
    assert response.json()["verdict"] == "correct" and response.json()["reviewer"] == "ana"
    detail = client.get(f"/api/events/{target}").json()
    assert detail["event"] == before
    assert [r["verdict"] for r in detail["reviews"]] == ["correct"]


def test_corrections_reach_the_gold_export_and_latest_verdict_wins(client, auth, tmp_path):
    expel = event_id(client, q="expelled")
    convoy = event_id(client, q="convoy")
    assert review(client, auth, expel, verdict="wrong").status_code == 201
    corrected = review(
        client,
        auth,
        expel,
        verdict="corrected",
        event_type="COERCE",
        mode="deport",
        recipient=[{"text": "French ambassador", "code": "FRA", "sector": "GOV"}],
        date="2022-01-30",
        location={"name": "Bamako", "country_code": "ML"},
        note="expulsion of a diplomat",
    )
    assert corrected.status_code == 201, corrected.text
    assert review(client, auth, convoy, verdict="wrong").status_code == 201
    gold = {line["event_id"]: line for line in exported(client, tmp_path / "gold.jsonl")}
    assert set(gold) == {expel, convoy}
    line = gold[expel]
    assert line["verdict"] == "corrected" and line["event_type"] == "COERCE"
    assert line["mode"] == "deport" and line["pub_date"] == "2022-02-18"
    assert line["text"] == "The junta in Bamako expelled the French ambassador on 31 January."
    assert [(a["text"], a["code"], a["sector"]) for a in line["actor"]] == [("junta", "MLI", "MIL")]
    assert line["recipient"] == [{"text": "French ambassador", "code": "FRA", "sector": "GOV"}]
    assert line["date"] == "2022-01-30" and line["location"]["name"] == "Bamako"
    assert line["machine"]["event_type"] == "SANCTION" and line["machine"]["date"] == "2022-01-31"
    rejected = gold[convoy]
    assert rejected["verdict"] == "wrong" and rejected["event_type"] == "ASSAULT"


def test_gold_export_is_what_eventlens_eval_reads(client, auth, tmp_path):
    review(client, auth, event_id(client, q="expelled"), verdict="corrected", event_type="COERCE")
    review(client, auth, event_id(client, q="convoy"), verdict="correct")
    review(client, auth, event_id(client, q="students"), verdict="wrong")
    exported(client, tmp_path / "reviews.jsonl")
    items = list(load_reviews(tmp_path / "reviews.jsonl"))
    assert all(isinstance(i, GoldItem) for i in items), items
    labels = sorted((i.labels["verdict"], i.labels["event_type"]) for i in items)
    assert labels == [("correct", "ASSAULT"), ("corrected", "COERCE"), ("wrong", "PROTEST")]


def test_export_command_writes_the_reviews(store_path, token, auth, tmp_path, capsys):
    with TestClient(create_app(store_path, token)) as client:
        review(client, auth, event_id(client, q="convoy"), verdict="correct")
    out = tmp_path / "gold.jsonl"
    assert main(["export", "--reviews", "--db", str(store_path), "--out", str(out)]) == 0
    assert "1 reviewed events" in capsys.readouterr().err
    assert json.loads(out.read_text(encoding="utf-8"))["verdict"] == "correct"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"verdict": "corrected"}, 422),
        ({"verdict": "correct", "event_type": "ASSAULT"}, 422),
        ({"verdict": "corrected", "event_type": "EXPLODE"}, 422),
        ({"verdict": "corrected", "mode": "withdraw"}, 422),
        ({"verdict": "corrected", "actor": [{"text": "x", "code": "mali"}]}, 422),
        ({"verdict": "maybe"}, 422),
        ({"verdict": "correct", "extra": 1}, 422),
        ({"verdict": "corrected", "mode": "aerial"}, 201),
    ],
)
def test_review_validation(client, auth, body, status):
    response = review(client, auth, event_id(client, q="convoy"), **body)
    assert response.status_code == status, response.text
    if status == 422:
        assert "error" in response.json()


def test_review_of_unknown_event_is_404(client, auth):
    assert review(client, auth, "0000000000000000", verdict="correct").status_code == 404


def test_reviews_survive_recoding_the_document(store_path, sample, tmp_path):
    document, events = sample["sahel-brief"]
    with EventStore(store_path) as store:
        ensure_reviews_table(store.con)
        add_review(store.con, events[2].to_dict(), "correct")
        store.save(document, events[:2])  # re-coded: the reviewed event is gone
        assert export_reviews(store.con, tmp_path / "gold.jsonl") == 1
    [line] = (tmp_path / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["event_type"] == events[2].event_type


def test_body_limit(client, auth):
    target = event_id(client, q="convoy")
    huge = {"verdict": "correct", "note": "x" * (3 * 1024 * 1024)}
    response = client.post(f"/api/events/{target}/review", json=huge, headers=auth)
    assert response.status_code == 413 and "error" in response.json()


def test_export_of_a_store_without_reviews_is_empty(tmp_path):
    con = duckdb.connect(str(tmp_path / "empty.duckdb"))
    try:
        assert export_reviews(con, tmp_path / "gold.jsonl") == 0
    finally:
        con.close()
    assert (tmp_path / "gold.jsonl").read_text() == ""
