"""``eventlens train`` and ``eventlens code --model``."""

import json
from pathlib import Path

import pytest

from eventlens.cli import main
from eventlens.coding.learned import EMBEDDING_MODEL, TypeModel

LABELLED = Path(__file__).resolve().parent / "data" / "learned" / "labelled.jsonl"


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("model") / "relief.npz"
    assert main(["train", "--data", str(LABELLED), "--out", str(out), "--min-prob", "0.4"]) == 0
    return out


def test_train_reports_held_out_figures_and_saves_metadata(trained, capsys):
    model = TypeModel.load(trained)
    assert model.meta["training_size"] == 40
    assert model.meta["embedding_model"] == EMBEDDING_MODEL
    assert model.meta["min_prob"] == 0.4
    assert model.meta["label_counts"] == {"AID": 10, "ASSAULT": 10, "NONE": 10, "PROTEST": 10}
    assert model.meta["cross_validation"]["accuracy"] >= 0.7


def test_bad_lines_are_reported_and_skipped(tmp_path, capsys):
    lines = LABELLED.read_text(encoding="utf-8").splitlines()[::4]  # all four labels
    bad = [
        "{not json",
        json.dumps({"text": "Troops left the town.", "event_type": "WITHDRAW"}),
        json.dumps({"event_type": "AID"}),
        json.dumps({"text": "A review.", "event_type": "AID", "verdict": "maybe"}),
    ]
    data = tmp_path / "labels.jsonl"
    data.write_text("\n".join([*lines, *bad]) + "\n", encoding="utf-8")
    assert main(["train", "--data", str(data), "--out", str(tmp_path / "m.npz")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 4
    assert err[0].startswith(f"{data}:11: bad JSON")
    assert err[1] == f"{data}:12: 'event_type' 'WITHDRAW' is not a PLOVER type or NONE; skipped"
    assert err[2] == f"{data}:13: no 'text'; skipped"
    assert "'verdict' must be one of" in err[3]
    assert TypeModel.load(tmp_path / "m.npz").meta["training_size"] == 10


def test_review_gold_set_is_accepted(tmp_path, capsys):
    rows = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()]
    reviews = [
        {**row, "id": str(i), "verdict": "corrected" if i % 2 else "correct", "actor": None}
        for i, row in enumerate(rows)
        if row["event_type"] != "NONE"
    ]
    reviews.append(
        {"text": "Soldiers fired on a wedding.", "event_type": "AID", "verdict": "wrong"}
    )
    data = tmp_path / "reviews.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in reviews), encoding="utf-8")
    assert main(["train", "--data", str(data), "--out", str(tmp_path / "r.npz")]) == 0
    meta = TypeModel.load(tmp_path / "r.npz").meta
    assert meta["training_size"] == 30  # the review marked wrong is no example


def test_code_with_model_types_what_the_lexicon_misses(trained, tmp_path, monkeypatch):
    shown: list[dict] = []
    monkeypatch.setattr("eventlens.commands.code.write_jsonl", shown.extend)
    article = tmp_path / "relief.txt"
    article.write_text("Volunteers ferried blankets and medicine to the displaced families.\n")
    args = ["code", "--no-db", "--format", "jsonl", str(article)]
    assert main(args) == 0
    assert shown == []  # the lexicon alone finds nothing
    assert main([*args, "--model", str(trained)]) == 0
    [record] = shown
    assert record["rule"] == "model:relief"
    assert record["event_type"] == "AID"
    assert record["trigger"] == "ferried"


def test_code_refuses_an_unusable_model(tmp_path, capsys):
    junk = tmp_path / "junk.npz"
    junk.write_bytes(b"junk")
    article = tmp_path / "a.txt"
    article.write_text("Rebels ambushed a patrol.\n")
    assert main(["code", "--no-db", "--model", str(junk), str(article)]) == 2
    assert "junk.npz: not an eventlens model" in capsys.readouterr().err
