"""Exports: each format against its column list; ACLED and GDELT values; streaming."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pyarrow.parquet as pq
import pytest

from eventlens.store import export as export_module
from eventlens.store.codebooks import ACLED_COLUMNS, GDELT_COLUMNS, acled_inter, disorder_type
from eventlens.store.db import EventStore
from eventlens.store.export import CSV_COLUMNS, export
from eventlens.store.queries import EventFilter, connect
from eventlens.store.schema import COLUMN_NAMES

ACLED_ISSUE_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]


@pytest.fixture
def con(store_path, make_event, make_document):
    with EventStore(store_path) as store:
        store.save_batch(
            [
                (
                    make_document("a", url="https://www.example-news.org/a"),
                    [
                        make_event(
                            "a",
                            actor=("mali-army",),
                            recipient=("civilians",),
                            acled=("Violence against civilians", "Attack"),
                        ),
                        make_event(
                            "a",
                            event_type="AGREE",
                            actor=("mali-gov",),
                            recipient=("russia",),
                            place=None,
                            acled=(None, None),
                            offset=100,
                            day=date(2021, 3, 9),
                        ),
                    ],
                ),
                (
                    make_document("b"),
                    [
                        make_event(
                            "b",
                            actor=("mali-army",),
                            recipient=("civilians",),
                            day=date(2021, 3, 8),
                            acled=("Violence against civilians", "Attack"),
                        ),
                        make_event(
                            "b",
                            event_type="PROTEST",
                            actor=("protesters",),
                            recipient=(),
                            place="bamako",
                            offset=200,
                            acled=("Protests", "Peaceful protest"),
                        ),
                    ],
                ),
            ]
        )
    connection = connect(store_path)
    yield connection
    connection.close()


def run_export(con, fmt, **options):
    out = io.StringIO()
    writer = {
        "jsonl": export_module.write_jsonl,
        "csv": export_module.write_csv,
        "acled-csv": export_module.write_acled,
    }.get(fmt)
    if writer:
        count = writer(con, out, EventFilter(), **options)
    else:
        count = export_module.write_gdelt(con, out, EventFilter(), **options)
    return count, out.getvalue()


def test_acled_columns_are_exactly_the_31_of_the_issue(con):
    assert ACLED_COLUMNS == ACLED_ISSUE_COLUMNS
    count, text = run_export(con, "acled-csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ACLED_ISSUE_COLUMNS
    assert count == len(rows) - 1 == 2  # the AGREE event has no ACLED type
    assert all(len(row) == 31 for row in rows)


def test_acled_values(con):
    _, text = run_export(con, "acled-csv")
    rows = {r["event_type"]: r for r in csv.DictReader(io.StringIO(text))}
    attack = rows["Violence against civilians"]
    assert attack["disorder_type"] == "Political violence"
    assert attack["actor1"] == "Military Forces of Mali"
    assert attack["actor2"] == "Civilians (Mali)"
    assert (attack["inter1"], attack["inter2"], attack["interaction"]) == ("1", "7", "17")
    assert attack["civilian_targeting"] == "Civilian targeting"
    assert (attack["iso"], attack["region"], attack["country"]) == ("466", "Western Africa", "Mali")
    assert (attack["location"], attack["admin1"], attack["geo_precision"]) == ("Boni", "Mopti", "1")
    assert attack["event_id_cnty"].startswith("MLI")
    assert attack["time_precision"] == "1" and attack["event_date"] in ("2021-03-07", "2021-03-08")
    assert sorted(attack["source"].split("; ")) == ["b", "example-news.org"]
    protest = rows["Protests"]
    assert (protest["disorder_type"], protest["actor1"], protest["inter1"]) == (
        "Demonstrations",
        "Protesters (Mali)",
        "6",
    )
    assert protest["interaction"] == "60"


def test_acled_codes():
    assert (
        disorder_type("Protests", "Excessive force against protesters")
        == "Political violence; Demonstrations"
    )
    assert disorder_type("Strategic developments", "Agreement") == "Strategic developments"
    row = {"event_type": "ASSAULT", "mode": None}
    assert acled_inter({"sector": "MIL", "country": "FRA"}, row, "MLI") == 8  # foreign forces
    assert acled_inter({"sector": "REB"}, row, "MLI") == 2
    assert acled_inter({"code": "IGO", "name": "ECOWAS"}, row, "MLI") == 8


def test_gdelt_has_61_columns(con):
    assert len(GDELT_COLUMNS) == 61 and len(set(GDELT_COLUMNS)) == 61
    count, text = run_export(con, "gdelt-csv")
    rows = list(csv.reader(io.StringIO(text), delimiter="\t"))
    assert rows[0] == GDELT_COLUMNS
    assert count == 3 and all(len(r) == 61 for r in rows)
    record = next(
        dict(zip(GDELT_COLUMNS, r, strict=True))
        for r in rows[1:]
        if r[GDELT_COLUMNS.index("Actor2Type1Code")] == "CVL"
    )
    assert record["Actor2Type1Code"] == "CVL"
    assert (record["SQLDATE"][:6], record["MonthYear"], record["Year"]) == (
        "202103",
        "202103",
        "2021",
    )
    assert (record["Actor1Code"], record["Actor1CountryCode"], record["Actor1Type1Code"]) == (
        "MLIMIL",
        "MLI",
        "MIL",
    )
    assert (record["QuadClass"], record["GoldsteinScale"]) == ("4", "-9.0")
    assert (record["NumMentions"], record["NumArticles"]) == ("2", "2")
    assert (record["ActionGeo_Type"], record["ActionGeo_CountryCode"], record["ActionGeo_Lat"]) == (
        "4",
        "ML",
        "15.03",
    )
    assert record["SOURCEURL"] == "https://www.example-news.org/a"
    _, headless = run_export(con, "gdelt-csv", header=False)
    assert headless.splitlines()[0].split("\t")[0] == rows[1][0]


def test_flat_csv_columns(con):
    count, text = run_export(con, "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert count == 3
    attack = next(r for r in rows if r["event_type"] == "ASSAULT")
    assert attack["actor"] == "Mali" and attack["recipient_sector"] == "CVL"
    assert attack["mentions"] == "2" and attack["countries"] == "MLI"


def test_jsonl_records_with_sources(con):
    count, text = run_export(con, "jsonl")
    records = [json.loads(line) for line in text.splitlines()]
    assert count == 3
    merged = next(r for r in records if r["mentions"] == 2)
    assert sorted(s["doc_id"] for s in merged["sources"]) == ["a", "b"]
    assert {"id", "event_type", "actor", "recipient", "modality", "sentence"} <= set(merged)


def test_parquet_file_has_event_columns(con, tmp_path):
    path = tmp_path / "events.parquet"
    assert export(con, "parquet", path) == 3
    table = pq.read_table(path)
    assert table.column_names == COLUMN_NAMES
    assert table.num_rows == 3


def test_exports_stream_in_chunks(con, monkeypatch):
    monkeypatch.setattr(export_module, "CHUNK_ROWS", 1)
    assert run_export(con, "gdelt-csv")[0] == 3
    assert run_export(con, "jsonl")[0] == 3


def test_export_to_file(con, tmp_path):
    path = tmp_path / "acled.csv"
    assert export(con, "acled-csv", path) == 2
    assert path.read_text(encoding="utf-8").splitlines()[0].split(",") == ACLED_COLUMNS
    with pytest.raises(ValueError, match="unknown export format"):
        export(con, "xml", path)
