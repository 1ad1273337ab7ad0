"""End to end in headless Chromium: `eventlens serve` on a test store, driven by playwright-core.

Needs node, the front-end build (`make frontend`) and /usr/bin/chromium (`make chromium`);
skipped, saying which is missing, otherwise. Screenshots go to screenshots/ (git-ignored).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from eventlens.serve.reviews import export_reviews
from eventlens.store.db import EventStore

REPO = Path(__file__).resolve().parents[2]
FRONTEND = REPO / "frontend"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
TOKEN = "e2e-token-5678"


def missing() -> str | None:
    """Why the browser test cannot run here, or None."""
    if shutil.which("node") is None:
        return "node is not installed"
    if not (FRONTEND / "node_modules" / "playwright-core").is_dir():
        return "frontend/node_modules is missing: run `make frontend`"
    if not (REPO / "src" / "eventlens" / "serve" / "static" / "dist" / "app.js").is_file():
        return "the dashboard bundle is not built: run `make frontend`"
    if not CHROMIUM.is_file():
        return f"{CHROMIUM} is missing: run `make chromium` (apt-get install chromium)"
    return None


pytestmark = [pytest.mark.slow, pytest.mark.skipif(missing() is not None, reason=str(missing()))]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"server exited: {server.stderr.read()}")
        try:
            if httpx.get(f"{url}/api/summary", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.3)
    raise TimeoutError(f"server at {url} did not answer in {seconds} s")


@pytest.fixture
def server(store_path: Path):
    """`eventlens serve` on the test store, in a subprocess on a free loopback port."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "eventlens.cli",
            "serve",
            "--db",
            str(store_path),
            "--port",
            str(port),
        ],
        env={**os.environ, "EVENTLENS_TOKEN": TOKEN},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_until_up(f"http://127.0.0.1:{port}", process)
        yield port, process
    finally:
        process.terminate()
        process.wait(timeout=20)


def walk(url: str) -> dict:
    """Run frontend/e2e/dashboard.mjs against ``url``; its JSON summary."""
    run = subprocess.run(
        ["node", "e2e/dashboard.mjs"],
        cwd=FRONTEND,
        env={
            **os.environ,
            "BASE_URL": url,
            "TOKEN": TOKEN,
            "OUT_DIR": str(REPO / "screenshots"),
            "HOSTILE_DOC": "hostile",
            "CHROMIUM": str(CHROMIUM),
        },
        capture_output=True,
        text=True,
        timeout=240,
    )
    lines = run.stdout.strip().splitlines()
    assert lines, run.stderr
    return json.loads(lines[-1])


def test_filter_open_review_in_chromium_then_export(server, store_path, tmp_path):
    port, process = server
    url = f"http://127.0.0.1:{port}"
    result = walk(url)
    assert result["ok"], result.get("failure")
    assert result["external"] == [] and result["dialogs"] == [] and result["errors"] == []
    detail = httpx.get(f"{url}/api/events/{result['eventId']}").json()
    assert detail["reviews"][0]["correction"] == {"event_type": result["corrected"]}
    for name in ("overview", "events", "event", "event-reviewed", "document", "actor"):
        assert (REPO / "screenshots" / f"{name}.png").stat().st_size > 10_000
    process.terminate()
    process.wait(timeout=20)
    with EventStore(store_path) as store:
        assert export_reviews(store.con, tmp_path / "gold.jsonl") == 1
    gold = json.loads((tmp_path / "gold.jsonl").read_text(encoding="utf-8"))
    assert gold["event_id"] == result["eventId"] and gold["event_type"] == result["corrected"]
