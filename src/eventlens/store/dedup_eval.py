"""Merge precision and recall of deduplication on labelled article pairs.

A pairs file (YAML list) holds ``{id, label: same|different, event_type, a: {date, text},
b: {date, text}}``. Both articles of a pair are coded with the full pipeline and their
mentions clustered exactly as the store does. A pair is *merged* when one cluster holds
mentions of ``event_type`` from both articles. Precision = merged ``same`` pairs / merged
pairs; recall = merged ``same`` pairs / ``same`` pairs. Pairs where the coder found no
``event_type`` event in one article are counted (``not_coded``): they cannot merge.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from eventlens.record import Document
from eventlens.store.dedup import DedupConfig, cluster, mention_from_record

THRESHOLDS = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)


def load_pairs(path: Path) -> list[dict[str, Any]]:
    """The pairs of a YAML file; a malformed pair raises ValueError naming it."""
    pairs = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    for index, pair in enumerate(pairs):
        missing = {"id", "label", "event_type", "a", "b"} - set(pair or {})
        if missing or pair["label"] not in ("same", "different"):
            raise ValueError(
                f"{path}: pair {index + 1}: needs id, label same|different, "
                f"event_type, a, b (missing {sorted(missing)})"
            )
    return pairs


def evaluate(path: Path, config: DedupConfig) -> dict[str, Any]:
    """Code every pair, then score merges at the configured threshold and a sweep of others."""
    from eventlens.pipeline import Pipeline

    pairs = load_pairs(path)
    documents = [
        Document(id=f"{pair['id']}/{side}", text=pair[side]["text"], pub_date=_day(pair[side]))
        for pair in pairs
        for side in ("a", "b")
    ]
    records: dict[str, list[dict[str, Any]]] = {}
    for document, events in Pipeline().code(documents):
        records[document.id] = [e.to_dict() for e in events]
    report = score_pairs(pairs, records, config)
    report["sweep"] = [
        {
            k: v
            for k, v in score_pairs(pairs, records, replace(config, threshold=t)).items()
            if k != "pairs"
        }
        for t in THRESHOLDS
    ]
    return report


def score_pairs(
    pairs: list[dict[str, Any]], records: dict[str, list[dict[str, Any]]], config: DedupConfig
) -> dict[str, Any]:
    """Confusion counts, precision, recall and per-pair outcomes for coded pairs."""
    outcomes = []
    for pair in pairs:
        sides = [
            [r for r in records[f"{pair['id']}/{s}"] if r["event_type"] == pair["event_type"]]
            for s in ("a", "b")
        ]
        merged = bool(all(sides)) and _merged(sides, config)
        outcomes.append(
            {"id": pair["id"], "label": pair["label"], "coded": all(sides), "merged": merged}
        )
    tp = sum(o["merged"] and o["label"] == "same" for o in outcomes)
    fp = sum(o["merged"] and o["label"] == "different" for o in outcomes)
    fn = sum(not o["merged"] and o["label"] == "same" for o in outcomes)
    tn = sum(not o["merged"] and o["label"] == "different" for o in outcomes)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    coded_same = [o for o in outcomes if o["label"] == "same" and o["coded"]]
    return {
        "threshold": config.threshold,
        "pairs": outcomes,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "not_coded": sum(not o["coded"] for o in outcomes),
        "recall_when_coded": round(sum(o["merged"] for o in coded_same) / len(coded_same), 3)
        if coded_same
        else None,
    }


def format_report(report: dict[str, Any]) -> str:
    """A short text report: the figures, the sweep and the pairs that went wrong."""
    lines = [
        f"threshold {report['threshold']}: precision {report['precision']}, recall "
        f"{report['recall']}, F1 {report['f1']} (tp {report['tp']}, fp {report['fp']}, "
        f"fn {report['fn']}, tn {report['tn']}); {report['not_coded']} pairs where the coder "
        f"missed the event in one article; recall when coded {report['recall_when_coded']}",
        "threshold  precision  recall  f1",
    ]
    lines += [
        f"{s['threshold']:>9}  {s['precision']:>9}  {s['recall']:>6}  {s['f1']}"
        for s in report["sweep"]
    ]
    wrong = [o for o in report["pairs"] if o["merged"] != (o["label"] == "same")]
    lines += [
        f"  {o['id']}: {o['label']}, {'merged' if o['merged'] else 'not merged'}"
        + ("" if o["coded"] else " (event not coded in both)")
        for o in wrong
    ]
    return "\n".join(lines)


def _merged(sides: list[list[dict[str, Any]]], config: DedupConfig) -> bool:
    mentions = [mention_from_record(r, config) for side in sides for r in side]
    return any(len({m.doc_id for m in group}) == 2 for group in cluster(mentions, config))


def _day(side: dict[str, Any]) -> date | None:
    value = side.get("date")
    return date.fromisoformat(value) if isinstance(value, str) else value
