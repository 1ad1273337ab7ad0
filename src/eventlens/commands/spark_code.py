"""``eventlens spark-code``: code a JSONL/Parquet archive on Spark into Parquet events."""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "spark-code",
        help="code an archive on Apache Spark (JSONL/Parquet in, Parquet events out)",
        description="Rows need id, text and date (ISO); events are written as Parquet "
        "partitioned by year/month. Bad rows are counted and skipped.",
    )
    parser.add_argument("--input", required=True, help="JSONL or Parquet file, folder or glob")
    parser.add_argument("--output", required=True, help="output folder (Parquet, year=/month=)")
    parser.add_argument("--master", default="local[2]", help="Spark master (default local[2])")
    parser.add_argument("--format", choices=("auto", "jsonl", "parquet"), default="auto")
    parser.add_argument(
        "--mode",
        choices=("errorifexists", "append", "overwrite"),
        default="errorifexists",
        help="when the output exists (overwrite replaces only the months written)",
    )
    parser.add_argument("--partitions", type=int, help="minimum input partitions (default: cores)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from eventlens.spark.job import run_job, start_spark

    spark = start_spark(args.master)
    try:
        summary = run_job(spark, args.input, args.output, args.format, args.mode, args.partitions)
    finally:
        spark.stop()
    print(
        f"eventlens spark-code: {summary.documents} documents coded; "
        f"{summary.events} events in {args.output}; {summary.skipped} rows skipped",
        file=sys.stderr,
    )
    for reason, count in sorted(summary.problems.items()):
        print(f"  skipped {count}: {reason}", file=sys.stderr)
    for example in summary.examples:
        print(f"  skipped row id={example['id']!r}: {example['problem']}", file=sys.stderr)
    return 1 if summary.skipped else 0
