"""A batch killed with SIGKILL leaves the store consistent; rerunning completes it."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import duckdb

CHILD = Path(__file__).parent / "data" / "ingest_child.py"
N_DOCS = 45


def check_consistency(path: Path) -> tuple[int, int, int]:
    """Assert the store's invariants; return (documents, mentions, events)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        query = lambda sql: con.execute(sql).fetchall()[0][0]  # noqa: E731
        assert (
            query("SELECT count(*) FROM mentions WHERE doc_id NOT IN (SELECT id FROM documents)")
            == 0
        )
        assert query("SELECT count(*) FROM mentions WHERE event_id IS NULL") == 0
        assert (
            query("SELECT count(*) FROM mentions WHERE event_id NOT IN (SELECT id FROM events)")
            == 0
        )
        assert (
            query(
                """SELECT count(*) FROM events e WHERE e.mentions <>
            (SELECT count(*) FROM mentions m WHERE m.event_id = e.id)"""
            )
            == 0
        )
        assert (
            query(
                """SELECT count(*) FROM documents d WHERE d.n_events <>
            (SELECT count(*) FROM mentions m WHERE m.doc_id = d.id)"""
            )
            == 0
        )
        assert query("SELECT count(*) - count(DISTINCT id) FROM mentions") == 0
        return tuple(
            query(f"SELECT count(*) FROM {t}") for t in ("documents", "mentions", "events")
        )
    finally:
        con.close()


def resume(path: Path) -> str:
    """Run the child ingest to completion on ``path``; return its stdout."""
    done = subprocess.run(
        [sys.executable, str(CHILD), str(path), "resume", str(N_DOCS)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return done.stdout


def test_killed_batch_leaves_store_consistent_and_resumes(tmp_path: Path):
    path = tmp_path / "killed.duckdb"
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(path), "pause", str(N_DOCS)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "MID-BATCH"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    documents, mentions, _ = check_consistency(path)
    assert (documents, mentions) == (20, 40)  # two committed batches, nothing of the third

    resumed = resume(path)
    assert resumed.split() == ["CODED", str(N_DOCS - 20)]
    documents, mentions, events = check_consistency(path)
    assert (documents, mentions) == (N_DOCS, 2 * N_DOCS)
    assert events < mentions  # same-day reports merged across documents

    again = resume(path)
    assert again.split() == ["CODED", "0"]
    assert check_consistency(path) == (documents, mentions, events)
