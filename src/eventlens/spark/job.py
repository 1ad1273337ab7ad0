"""Code an archive of articles on Apache Spark: JSONL/Parquet in, Parquet events out.

Rows (``id``, ``text``, ``date``) are checked with Spark SQL first; bad rows (no id, no
text, a date that is not ISO, a malformed JSON line) are counted by reason and skipped.
Good rows go through :func:`code_batches` with ``mapInPandas``: each Python worker
loads the pipeline once and codes Arrow batches of documents. Events are written as
Parquet partitioned by ``year``/``month`` with the columns of
:data:`eventlens.store.schema.EVENT_COLUMNS`, so DuckDB reads them
(``read_parquet('DIR/**/*.parquet', hive_partitioning = true)``).
"""

from __future__ import annotations

import json
import os
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from eventlens.store.schema import ACTOR_FIELDS, ACTOR_TYPE, COLUMN_NAMES, EVENT_COLUMNS

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

    from eventlens.pipeline import Pipeline

PARTITIONS = ["year", "month"]
SUBMITTED = "PYSPARK_GATEWAY_PORT"  # set when spark-submit started the JVM before Python
SPARK_CONF = {
    "spark.sql.sources.partitionOverwriteMode": "dynamic",  # overwrite only months written
    "spark.sql.execution.arrow.maxRecordsPerBatch": "64",  # documents per Arrow batch
    "spark.ui.showConsoleProgress": "false",
}
INPUT_SCHEMA = "id STRING, text STRING, date STRING, _corrupt STRING"
SPARK_TYPES = {
    "VARCHAR": "STRING",
    "JSON": "STRING",
    "INTEGER": "INT",
    "BIGINT": "BIGINT",
    "DOUBLE": "DOUBLE",
    "DATE": "DATE",
    "BOOLEAN": "BOOLEAN",
    "VARCHAR[]": "ARRAY<STRING>",
    ACTOR_TYPE: "ARRAY<STRUCT<" + ", ".join(f"{f}: STRING" for f in ACTOR_FIELDS) + ">>",
}
# Why a row is skipped: Spark SQL conditions, checked in this order.
PROBLEMS = {
    "malformed JSON line": "_corrupt IS NOT NULL",
    "missing id": "id IS NULL OR trim(id) = ''",
    "missing text": "text IS NULL OR trim(text) = ''",
    "date is not an ISO date": (
        "date IS NOT NULL AND trim(date) != '' "
        "AND try_to_date(substr(trim(date), 1, 10), 'yyyy-MM-dd') IS NULL"
    ),
}
EXAMPLES = 20  # problem rows listed (by id) in the summary


@dataclass
class Summary:
    """What a run did: documents coded, events now in the output, skipped rows by reason."""

    documents: int = 0
    events: int = 0
    problems: dict[str, int] = field(default_factory=dict)
    examples: list[dict[str, str | None]] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return sum(self.problems.values())


def event_schema() -> str:
    """Spark DDL of an event row, from the store's column list."""
    unknown = [kind for _, kind in EVENT_COLUMNS if kind not in SPARK_TYPES]
    if unknown:
        raise ValueError(f"no Spark type for event column type(s) {unknown}")
    return ", ".join(f"`{name}` {SPARK_TYPES[kind]}" for name, kind in EVENT_COLUMNS)


@contextmanager
def spark_session(master: str) -> Iterator[SparkSession]:
    """The active Spark session, else a new one on ``master``, stopped on exit."""
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    spark = active or start_spark(master)
    try:
        yield spark
    finally:
        if active is None:
            spark.stop()


def start_spark(master: str, app: str = "eventlens spark-code") -> SparkSession:
    """A Spark session whose Python workers run this interpreter (and its virtualenv).

    Under ``spark-submit`` (which starts the JVM first) its ``--master`` and ``--conf``
    win: ``master`` is used only when this process starts Spark itself.
    """
    from pyspark.sql import SparkSession

    warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas", FutureWarning)
    builder = SparkSession.builder.appName(app)
    if SUBMITTED not in os.environ:
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = builder.master(master)
    for key, value in SPARK_CONF.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def read_articles(spark: SparkSession, pattern: str, fmt: str = "auto") -> DataFrame:
    """Articles (id, text, date as strings, _corrupt) from JSONL or Parquet files."""
    from pyspark.sql import functions as F

    if fmt == "auto":
        fmt = "parquet" if _looks_like_parquet(pattern) else "jsonl"
    if fmt == "parquet":
        frame = spark.read.parquet(pattern)
        return frame.select(
            *(F.col(c).cast("string").alias(c) for c in ("id", "text", "date")),
            F.lit(None).cast("string").alias("_corrupt"),
        )
    return (
        spark.read.schema(INPUT_SCHEMA)
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", "_corrupt")
        .json(pattern)
    )


def _looks_like_parquet(pattern: str) -> bool:
    path = Path(pattern)
    if path.is_dir():
        return any(path.rglob("*.parquet"))
    return pattern.endswith(".parquet")


def with_problems(articles: DataFrame) -> DataFrame:
    """The articles with a ``problem`` column: why the row is skipped, or null."""
    from pyspark.sql import functions as F

    problem = F.lit(None).cast("string")
    for reason, condition in reversed(PROBLEMS.items()):
        problem = F.when(F.expr(condition), F.lit(reason)).otherwise(problem)
    return articles.withColumn("problem", problem)


def code_batches(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """``mapInPandas`` function: article batches in, event-row batches out."""
    from eventlens.ingest.boilerplate import clean_text
    from eventlens.record import Document
    from eventlens.store.schema import event_row

    pipeline = worker_pipeline()
    for batch in batches:
        documents = [
            Document(id=str(row.id), text=clean_text(row.text), pub_date=_iso_date(row.date))
            for row in batch.itertuples(index=False)
        ]
        rows = [event_row(e) for _, events in pipeline.code(documents) for e in events]
        yield pd.DataFrame(rows, columns=COLUMN_NAMES)


@cache
def worker_pipeline() -> Pipeline:
    """The pipeline of this Python worker: loaded once, reused for every batch and task.

    One process: Spark runs one Python worker per core already.
    """
    from eventlens.pipeline import Pipeline

    return Pipeline(n_process=1)


def _iso_date(value: Any) -> date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return date.fromisoformat(value.strip()[:10])


def run_job(
    spark: SparkSession,
    pattern: str,
    output: str,
    fmt: str = "auto",
    mode: str = "errorifexists",
    partitions: int | None = None,
) -> Summary:
    """Code the articles matching ``pattern`` and write their events under ``output``."""
    checked = with_problems(read_articles(spark, pattern, fmt))
    summary = Summary()
    for row in checked.groupBy("problem").count().collect():
        if row["problem"] is None:
            summary.documents = row["count"]
        else:
            summary.problems[row["problem"]] = row["count"]
    bad = checked.filter("problem IS NOT NULL").select("id", "problem").limit(EXAMPLES)
    summary.examples = [row.asDict() for row in bad.collect()]
    good = checked.filter("problem IS NULL").select("id", "text", "date")
    wanted = partitions or spark.sparkContext.defaultParallelism
    if good.rdd.getNumPartitions() < wanted:
        good = good.repartition(wanted)
    events = good.mapInPandas(code_batches, schema=event_schema())
    events.write.mode(mode).partitionBy(*PARTITIONS).parquet(output)
    summary.events = spark.read.parquet(output).count()
    write_summary(summary, Path(output))
    return summary


def write_summary(summary: Summary, output: Path) -> None:
    """``_summary.json`` in the output folder (ignored by Parquet readers: leading _)."""
    if output.is_dir():
        data = {**summary.__dict__, "skipped": summary.skipped}
        (output / "_summary.json").write_text(json.dumps(data, indent=2) + "\n", "utf-8")
