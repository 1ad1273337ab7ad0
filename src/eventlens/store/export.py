"""Exports of stored events: PLOVER JSONL, flat CSV, Parquet, ACLED CSV, GDELT 2.0 table.

Every export streams: rows are fetched in chunks (Parquet is written by DuckDB itself), so a
store larger than memory exports. All take the same :class:`EventFilter` as the queries.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import duckdb

from eventlens.store.codebooks import ACLED_COLUMNS, GDELT_COLUMNS, acled_row, gdelt_row
from eventlens.store.queries import EventFilter, stream
from eventlens.store.schema import COLUMN_NAMES

FORMATS = ("jsonl", "csv", "parquet", "acled-csv", "gdelt-csv")
CHUNK_ROWS = 10_000

_LABELS = "array_to_string(list_transform({side}, lambda a: {expr}), '; ')"
_LABEL = "coalesce(a.name, a.text)"
#: Flat CSV: one column per scalar field; actor lists become "; "-separated labels and codes.
CSV_COLUMNS: dict[str, str] = {
    **{c: c for c in ("id", "doc_id", "date", "date_start", "date_end", "date_precision")},
    **{c: c for c in ("date_basis", "event_type", "mode", "quad_code", "intensity")},
    "context": "array_to_string(context, '; ')",
    "modality": "modality",
    "confidence": "confidence",
    **{
        f"{role}{suffix}": _LABELS.format(side=f"{role}s", expr=expr)
        for role in ("actor", "recipient")
        for suffix, expr in (
            ("", _LABEL),
            ("_code", "coalesce(a.code, a.country, '')"),
            ("_sector", "coalesce(a.sector, '')"),
        )
    },
    "country": "country",
    "countries": "array_to_string(countries, '; ')",
    **{c: c for c in ("location_name", "location_country", "admin1", "admin2", "lat", "lon")},
    **{c: c for c in ("geonameid", "geo_precision", "historical", "trigger", "rule")},
    **{c: c for c in ("sentence", "span_start", "span_end", "lang", "acled_event_type")},
    **{c: c for c in ("acled_sub_event_type", "fatalities", "mentions", "articles")},
    "coder_version": "coder_version",
}

_SOURCES = """LEFT JOIN (
    SELECT m.event_id, list(DISTINCT coalesce(
        nullif(regexp_extract(d.url, '://(?:www\\.)?([^/:]+)', 1), ''),
        nullif(regexp_extract(d.source, '[^/\\\\]+$'), ''), m.doc_id)) AS sources,
        min(d.url) AS any_url
    FROM mentions m LEFT JOIN documents d ON d.id = m.doc_id GROUP BY m.event_id
) s ON s.event_id = e.id"""


def export(
    con: duckdb.DuckDBPyConnection,
    fmt: str,
    out: str | Path,
    filters: EventFilter | None = None,
    header: bool = True,
) -> int:
    """Write the events matching ``filters`` to ``out`` ("-" = stdout); returns rows written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    filters = filters or EventFilter()
    if fmt == "parquet":
        return write_parquet(con, Path(out), filters)
    with _open(out) as handle:
        if fmt == "gdelt-csv":
            return write_gdelt(con, handle, filters, header=header)
        writer: Callable[..., int] = {
            "jsonl": write_jsonl,
            "csv": write_csv,
            "acled-csv": write_acled,
        }[fmt]
        return writer(con, handle, filters)


def write_jsonl(con: duckdb.DuckDBPyConnection, out: IO[str], filters: EventFilter) -> int:
    """PLOVER records, one per line, each with ``sources``: the merged mentions' documents."""
    where, params = filters.where()
    query = f"""SELECT e.record, m.sources FROM events e LEFT JOIN (
            SELECT event_id, list({{'mention_id': id, 'doc_id': doc_id, 'sentence': sentence,
                'span': [span_start, span_end], 'date': date::VARCHAR}}
                ORDER BY doc_id, span_start) AS sources
            FROM mentions GROUP BY event_id) m ON m.event_id = e.id
        WHERE {_prefixed(where)} ORDER BY e.date NULLS LAST, e.id"""
    count = 0
    for batch in stream(con, query, params, CHUNK_ROWS):
        for record, sources in zip(*(c.to_pylist() for c in batch.columns), strict=True):
            out.write(json.dumps({**json.loads(record), "sources": sources}, ensure_ascii=False))
            out.write("\n")
            count += 1
    return count


def write_csv(
    con: duckdb.DuckDBPyConnection,
    out: IO[str],
    filters: EventFilter,
    limit: int | None = None,
) -> int:
    """Flat CSV (:data:`CSV_COLUMNS`), one row per event."""
    where, params = filters.where()
    select = ", ".join(f'{expr} AS "{name}"' for name, expr in CSV_COLUMNS.items())
    query = f"SELECT {select} FROM events WHERE {where} ORDER BY date NULLS LAST, id"
    query += f" LIMIT {int(limit)}" if limit is not None else ""
    return _write_rows(out, list(CSV_COLUMNS), _tuples(con, query, params))


def write_parquet(con: duckdb.DuckDBPyConnection, out: Path, filters: EventFilter) -> int:
    """Parquet with the event row columns (``EVENT_COLUMNS``): a file if ``out`` ends in
    .parquet, else a directory partitioned by year and month (the Spark job's layout)."""
    where, params = filters.where()
    query = f"SELECT {', '.join(COLUMN_NAMES)} FROM events WHERE {where} ORDER BY date, id"
    count = con.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchall()[0][0]
    if out.suffix == ".parquet":
        options = "FORMAT parquet"
    else:
        options = "FORMAT parquet, PARTITION_BY (year, month), OVERWRITE_OR_IGNORE"
    con.execute(f"COPY ({query}) TO '{_quote(str(out))}' ({options})", params)
    return count


def write_acled(con: duckdb.DuckDBPyConnection, out: IO[str], filters: EventFilter) -> int:
    """ACLED's 31 export columns, for events with an ACLED event type."""
    where, params = filters.where()
    query = _codebook_query(f"{_prefixed(where)} AND e.acled_event_type IS NOT NULL")
    return _write_rows(out, ACLED_COLUMNS, map(acled_row, _dict_rows(con, query, params)))


def write_gdelt(
    con: duckdb.DuckDBPyConnection, out: IO[str], filters: EventFilter, header: bool = True
) -> int:
    """GDELT 2.0 event table (61 columns, tab-separated like GDELT's own files)."""
    where, params = filters.where()
    query = _codebook_query(_prefixed(where))
    rows = map(gdelt_row, _dict_rows(con, query, params))
    return _write_rows(out, GDELT_COLUMNS if header else None, rows, delimiter="\t")


def _codebook_query(where: str) -> str:
    return f"""SELECT e.*, coalesce(d.url, s.any_url) AS url, d.coded_at, s.sources FROM events e
        LEFT JOIN documents d ON d.id = e.doc_id {_SOURCES}
        WHERE {where} ORDER BY e.date NULLS LAST, e.id"""


def _prefixed(where: str) -> str:
    """The filter condition, evaluated on the events row ``e`` of a join."""
    return f"e.id IN (SELECT id FROM events WHERE {where})" if where != "TRUE" else "TRUE"


def _tuples(con: duckdb.DuckDBPyConnection, query: str, params: list[Any]) -> Iterator[tuple]:
    for batch in stream(con, query, params, CHUNK_ROWS):
        yield from zip(*(c.to_pylist() for c in batch.columns), strict=True)


def _dict_rows(
    con: duckdb.DuckDBPyConnection, query: str, params: list[Any]
) -> Iterator[dict[str, Any]]:
    for batch in stream(con, query, params, CHUNK_ROWS):
        yield from batch.to_pylist()


def _write_rows(
    out: IO[str], header: list[str] | None, rows: Iterator, delimiter: str = ","
) -> int:
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    if header:
        writer.writerow(header)
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


@contextmanager
def _open(out: str | Path) -> Iterator[IO[str]]:
    if str(out) == "-":
        yield sys.stdout
        return
    with Path(out).open("w", encoding="utf-8", newline="") as handle:
        yield handle


def _quote(text: str) -> str:
    return text.replace("'", "''")
