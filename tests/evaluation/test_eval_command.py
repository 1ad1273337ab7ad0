"""`eventlens eval` end to end on the tiny gold files (needs the spaCy model)."""

import json
import shutil
from pathlib import Path

import pytest

from eventlens.cli import main
from eventlens.evaluation import runner

DATA = Path(__file__).parent / "data"
pytestmark = pytest.mark.model


def test_eval_one_set_writes_a_json_report(tmp_path, capsys):
    out = tmp_path / "report.json"
    assert (
        main(["eval", "--format", "reviews", str(DATA / "tiny_reviews.jsonl"), "--json", str(out)])
        == 0
    )
    report = json.loads(out.read_text())
    assert report["format"] == "reviews" and report["n_items"] == 3
    assert report["matches"]["rejected_not_repeated"]["n"] == 1
    assert set(report["classification"]) == {"event_type", "mode"}
    assert "'verdict' must be one of" in report["problems"][0]
    assert "event_type: per class" in capsys.readouterr().out


def test_eval_all_runs_every_set_present(tmp_path, capsys):
    for name, target in [
        ("tiny_acled.csv", "acled_x.csv"),
        ("tiny_cameo.jsonl", "cameo_x.jsonl"),
        ("tiny_plover.json", "plover_x.json"),
    ]:
        shutil.copy(DATA / name, tmp_path / target)
    out = tmp_path / "all.json"
    assert main(["eval", "--all", str(tmp_path), "--limit", "2", "--json", str(out)]) == 0
    reports = json.loads(out.read_text())
    assert set(reports) == {"acled_x.csv", "cameo_x.jsonl", "plover_x.json"}
    assert reports["acled_x.csv"]["n_items"] == 2 and reports["acled_x.csv"]["n_available"] == 3
    assert {"event_type", "sub_event_type"} <= set(reports["acled_x.csv"]["classification"])
    assert "source_target" in reports["cameo_x.jsonl"]["spans"]
    assert "eventlens eval: summary" in capsys.readouterr().out


def test_format_is_required_with_a_path(capsys):
    assert main(["eval", str(DATA / "tiny_reviews.jsonl")]) == 2
    assert "--format is required" in capsys.readouterr().err


def test_missing_places_evaluator_is_skipped_with_a_message(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(runner, "PLACES_MODULE", "eventlens.evaluation.no_such_module")
    path = tmp_path / "event_location_x.jsonl"
    path.write_text('{"text": "x", "verb": [], "locations": []}\n')
    assert main(["eval", "--format", "event-location", str(path)]) == 1
    assert (
        "skipped (eventlens.evaluation.no_such_module.evaluate_event_locations is not available"
        in capsys.readouterr().err
    )
