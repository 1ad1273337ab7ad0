"""The shared event row: Python and SQL build the same row; Arrow schema fits it."""

from __future__ import annotations

import json
from datetime import date

import duckdb
import pyarrow as pa

from eventlens.store.schema import (
    COLUMN_NAMES,
    EVENT_COLUMNS,
    arrow_schema,
    columns_ddl,
    event_row,
    flatten_sql,
    record_row,
)

STABLE = [
    "id",
    "doc_id",
    "event_type",
    "mode",
    "quad_code",
    "intensity",
    "date",
    "modality",
    "confidence",
    "coder_version",
    "record",
]


def sample_events(make_event):
    return [
        make_event("a"),
        make_event("b", place=None, recipient=(), day=None),
        make_event(
            "c",
            actor=("ecowas", "france"),
            recipient=("mali-gov",),
            place="niamey",
            precision="month",
        ),
        make_event("d", actor=(), recipient=("police",), modality="future", mode="arrest"),
    ]


def test_stable_contract_columns_come_first():
    assert COLUMN_NAMES[: len(STABLE)] == STABLE
    assert len(set(COLUMN_NAMES)) == len(EVENT_COLUMNS)


def test_sql_flattening_matches_python_rows(make_event):
    events = sample_events(make_event)
    con = duckdb.connect()
    con.execute(f"CREATE TABLE events ({columns_ddl()})")
    con.execute("CREATE TABLE staged (record JSON, coder_version VARCHAR)")
    con.executemany(
        "INSERT INTO staged VALUES (?, 'x')", [[json.dumps(e.to_dict())] for e in events]
    )
    con.execute(f"INSERT INTO events {flatten_sql('staged')}")
    cursor = con.execute("SELECT * FROM events ORDER BY doc_id")
    names = [d[0] for d in cursor.description]
    for row, event in zip(cursor.fetchall(), events, strict=True):
        expected = event_row(event, coder_version="x")
        assert dict(zip(names, row, strict=True)) == expected


def test_row_flattens_countries_and_place(make_event):
    row = record_row(
        make_event(
            "c", actor=("ecowas", "france"), recipient=("mali-gov",), place="niamey"
        ).to_dict()
    )
    assert row["country"] == "NER"  # where it happened wins
    assert row["countries"] == ["FRA", "MLI", "NER"]
    assert row["year"] == 2021 and row["month"] == 3
    assert json.loads(row["record"])["doc_id"] == "c"


def test_event_without_place_takes_recipient_country(make_event):
    row = event_row(make_event("a", place=None, actor=("jnim",), recipient=("niger-army",)))
    assert row["country"] == "NER"
    assert row["location_name"] is None


def test_arrow_schema_holds_rows(make_event):
    rows = [event_row(e) for e in sample_events(make_event)]
    table = pa.Table.from_pylist(rows, schema=arrow_schema())
    assert table.column_names == COLUMN_NAMES
    assert table.num_rows == 4
    assert table.column("date").to_pylist()[0] == date(2021, 3, 7)
