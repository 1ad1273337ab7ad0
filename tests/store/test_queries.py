"""Queries: filters, timeline, dyads, actors, places — on a store and on Parquet files."""

from __future__ import annotations

from datetime import date

import pytest

from eventlens.store.db import EventStore
from eventlens.store.export import export
from eventlens.store.queries import (
    EventFilter,
    SourceError,
    connect,
    count_events,
    country_month,
    dyads,
    get_document,
    get_event,
    places,
    query_events,
    summary,
    timeline,
    top_actors,
)


@pytest.fixture
def con(store_path, make_event, make_document):
    with EventStore(store_path) as store:
        store.save_batch(
            [
                (
                    make_document("a"),
                    [
                        make_event("a"),
                        make_event(
                            "a",
                            event_type="PROTEST",
                            actor=("protesters",),
                            recipient=("mali-gov",),
                            place="bamako",
                            day=date(2021, 4, 2),
                            offset=100,
                            confidence=0.4,
                        ),
                    ],
                ),
                (make_document("b"), [make_event("b", actor=("militants",), day=date(2021, 3, 8))]),
                (
                    make_document("c"),
                    [
                        make_event(
                            "c", recipient=("niger-army",), place="niamey", day=date(2021, 3, 20)
                        ),
                        make_event(
                            "c",
                            event_type="SANCTION",
                            actor=("ecowas",),
                            recipient=("mali-gov",),
                            place=None,
                            day=date(2021, 5, 3),
                            modality="future",
                            offset=90,
                        ),
                    ],
                ),
            ]
        )
    connection = connect(store_path)
    yield connection
    connection.close()


def ids(records):
    return sorted(r["doc_id"] for r in records)


def test_default_lists_asserted_deduplicated_events(con):
    records = query_events(con)
    assert len(records) == 3
    assert [r["mentions"] for r in records] == [2, 1, 1]
    assert count_events(con, EventFilter(modality="all")) == 4


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (EventFilter(country="NE"), ["c"]),
        (EventFilter(country="Niger"), ["c"]),
        (EventFilter(country="MLI"), ["a", "a"]),
        (EventFilter(actor="jnim"), ["a", "c"]),
        (EventFilter(actor="NER"), ["c"]),
        (EventFilter(event_type="protest"), ["a"]),
        (EventFilter(since=date(2021, 3, 10), until=date(2021, 3, 31)), ["c"]),
        (EventFilter(place="bama"), ["a"]),
        (EventFilter(place="Mopti"), ["a"]),
        (EventFilter(modality="future"), ["c"]),
        (EventFilter(min_confidence=0.5), ["a", "c"]),
        (EventFilter(mode="arrest"), []),
        (EventFilter(doc_id="b"), ["a"]),
    ],
)
def test_filters(con, filters, expected):
    assert ids(query_events(con, filters)) == expected


def test_paging_and_order(con):
    newest = query_events(con, order="-date", limit=1)
    assert newest[0]["event_type"] == "PROTEST"
    assert query_events(con, order="-date", limit=1, offset=1)[0]["date"] == "2021-03-20"
    with pytest.raises(ValueError, match="unknown order"):
        query_events(con, order="date; DROP TABLE events")


def test_hostile_filter_values_are_parameters(con):
    assert query_events(con, EventFilter(actor="x' OR 1=1 --", place="%'")) == []


def test_event_with_sources_and_document(con):
    merged = query_events(con, EventFilter(actor="militants"))[0]
    event = get_event(con, merged["id"])
    assert [s["doc_id"] for s in event["sources"]] == ["a", "b"]
    assert get_event(con, "nope") is None
    document = get_document(con, "b")
    assert document["title"] == "Title b"
    assert document["events"][0]["event_id"] == merged["id"]


def test_timeline_by_type_quad_and_interval(con):
    rows = timeline(con, interval="month")
    assert rows == [
        {"period": "2021-03-01", "key": "ASSAULT", "events": 2, "mentions": 3},
        {"period": "2021-04-01", "key": "PROTEST", "events": 1, "mentions": 1},
    ]
    assert {r["key"] for r in timeline(con, by="quad")} == {"material conflict"}
    assert len(timeline(con, interval="day", by=None)) == 3
    with pytest.raises(ValueError):
        timeline(con, interval="fortnight")


def test_dyads_count_events_and_mean_intensity(con):
    rows = dyads(con)
    assert rows[0]["events"] == 1 and rows[0]["mean_intensity"] == -9.0
    pairs = {(r["actor"], r["recipient_code"]) for r in rows}
    assert pairs == {("JNIM", "MLI"), ("JNIM", "NER"), ("protesters", "MLI")}


def test_top_and_unresolved_actors(con):
    top = top_actors(con)
    assert (top[0]["name"], top[0]["events"]) == ("JNIM", 2)
    unresolved = top_actors(con, unresolved_only=True)
    assert [a["name"] for a in unresolved] == ["protesters"]
    assert all(a["as_actor"] == 0 for a in top_actors(con, role="recipient"))


def test_places_country_month_and_summary(con):
    assert {p["name"] for p in places(con)} == {"Boni", "Bamako", "Niamey"}
    months = {(r["country"], r["month"]): r["events"] for r in country_month(con)}
    assert months == {("MLI", "2021-03-01"): 1, ("MLI", "2021-04-01"): 1, ("NER", "2021-03-01"): 1}
    assert summary(con) == {
        "events": 3,
        "mentions": 4,
        "documents": 3,
        "first": "2021-03-07",
        "last": "2021-04-02",
    }


def test_parquet_directory_answers_the_same_queries(con, tmp_path):
    directory = tmp_path / "parquet"
    export(con, "parquet", directory, EventFilter(modality="all"))
    assert sorted(p.name for p in directory.iterdir()) == ["year=2021"]
    files = connect(parquet=directory)
    assert count_events(files, EventFilter(modality="all")) == 4
    assert ids(query_events(files, EventFilter(country="NE"))) == ["c"]
    assert timeline(files) == timeline(con)
    assert dyads(files) == dyads(con)
    assert get_event(files, query_events(files)[0]["id"])["sources"][0]["doc_id"] == "a"


def test_missing_sources_say_what_to_do(tmp_path):
    with pytest.raises(SourceError, match="no such store"):
        connect(tmp_path / "none.duckdb")
    (tmp_path / "empty").mkdir()
    with pytest.raises(SourceError, match="Parquet"):
        connect(parquet=tmp_path / "empty")
