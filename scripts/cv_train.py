"""5-fold cross-validation of ``eventlens train`` on the PLOVER GSR (docs/accuracy.md).

Usage: ``.venv/bin/python scripts/cv_train.py [MIN_PROB]``. Fold files and models go to a
temporary folder only: no weights trained on CAMEO/PLOVER/ACLED data are kept or shipped.
Prints the classifier's own CV on the GSR types and on the CAMEO pentaclasses, and the GSR
type accuracy of the lexicon alone and of the lexicon plus a model trained on the other folds.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from eventlens.coding.learned import _stratified_folds, cross_validate
from eventlens.embeddings import sentence_encoder
from eventlens.evaluation.loaders import PLOVER_RENAMES

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
BIN = Path(sys.executable).parent
FOLDS = 5


def main(min_prob: str = "0.5") -> None:
    gsr = json.loads((DATA / "plover_gsr_cameo.json").read_text(encoding="utf-8"))
    gsr = [r for r in gsr if isinstance(r, dict) and r.get("event") != "DOCUMENT"]
    labels = [PLOVER_RENAMES.get(r["event"], r["event"]) for r in gsr]
    cameo = (DATA / "cameo_sentences_train.jsonl").read_text(encoding="utf-8").splitlines()
    cameo = [r for r in map(json.loads, filter(None, cameo)) if r.get("pentaclass") is not None]
    encode = sentence_encoder().encode
    print("GSR types, classifier alone:", cross_validate(encode([r["text"] for r in gsr]), labels))
    pentaclasses = [str(r["pentaclass"]) for r in cameo]
    scores = cross_validate(encode([r["text"] for r in cameo]), pentaclasses)
    print("CAMEO pentaclass, classifier alone:", scores)
    folds = _stratified_folds(labels, FOLDS, 0)
    with tempfile.TemporaryDirectory() as tmp:
        totals = {"lexicon": [0, 0], "lexicon+model": [0, 0]}
        for fold in range(FOLDS):
            hits = _fold(Path(tmp), fold, gsr, labels, folds, min_prob)
            for name, (right, n) in hits.items():
                totals[name][0] += right
                totals[name][1] += n
    for name, (right, n) in totals.items():
        print(f"GSR type accuracy, {name}: {right}/{n} = {right / n:.3f}")


def _fold(tmp: Path, fold: int, gsr: list, labels: list, folds: list, min_prob: str) -> dict:
    """Train on the other folds, evaluate on this one with and without the model."""
    train, test, model = tmp / f"train{fold}.jsonl", tmp / f"test{fold}.json", tmp / "m.npz"
    rows = zip(gsr, labels, folds, strict=True)
    examples = [{"text": r["text"], "event_type": x} for r, x, f in rows if f != fold]
    train.write_text("".join(json.dumps(x) + "\n" for x in examples))
    test.write_text(json.dumps([r for r, f in zip(gsr, folds, strict=True) if f == fold]))
    eventlens = str(BIN / "eventlens")
    train_cmd = [eventlens, "train", "--data", train, "--out", model, "--min-prob", min_prob]
    subprocess.run(train_cmd, check=True)
    hits = {}
    for name, extra in (("lexicon", []), ("lexicon+model", ["--model", str(model)])):
        report = tmp / "report.json"
        command = [eventlens, "eval", "--format", "plover-gsr", test, "--json", report, *extra]
        subprocess.run(command, check=True, capture_output=True)
        result = json.loads(report.read_text())["classification"]["event_type"]
        hits[name] = (round(result["accuracy"] * result["n"]), result["n"])
    return hits


if __name__ == "__main__":
    main(*sys.argv[1:2])
