"""Coding throughput benchmark (`make bench`): eventlens end to end vs a plain spaCy parse.

Builds a corpus from the team's articles (examples/ and tests/data/bench/), scaled up
with variations (names swapped, paragraphs shuffled) to about ``--words`` words, then
measures, each in a fresh process so that peak memory is its own:

- start-up: import, model and data load, coding one short document;
- reference: ``nlp.pipe`` over the same texts with the same model (every sentence parsed);
- eventlens: reading the JSONL, ``Pipeline().code`` end to end (optionally storing).

``--accuracy PATH...`` instead compares the events coded with and without the trigger
pre-filter (``--acled N`` adds N notes of ../shared/data/acled_sahel_dev.csv).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SOURCES = [REPO / "examples", REPO / "tests" / "data" / "bench"]
GENERAL = REPO / "tests" / "data" / "bench_general"  # non-political news, for --mix
ACLED = REPO.parent / "shared" / "data" / "acled_sahel_dev.csv"
BASE_DATE = date(2023, 1, 2)
# Name sets rotated between copies so that copies are not identical texts.
ROTATIONS = [
    ["Mali", "Niger", "Chad", "Guinea", "Benin", "Ghana", "Senegal", "Togo", "Sudan", "Kenya"],
    ["Bamako", "Niamey", "Abuja", "Accra", "Dakar", "Conakry", "Lome", "Algiers", "Khartoum"],
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
]
TARGETS = {"ratio": 1.0, "rss_mb": 1536, "startup_s": 5.0}


@dataclass
class Measure:
    """One timed run: what it processed, how long it took, how much memory it used."""

    name: str
    seconds: float
    cpu_s: float  # CPU time of this process and its workers: robust on a shared machine
    words: int
    documents: int
    rss_mb: float
    worker_rss_mb: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def words_per_cpu_s(self) -> float:
        return self.words / self.cpu_s if self.cpu_s else 0.0

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


def read_articles(folders: list[Path]) -> list[tuple[str, str]]:
    """(name, text) of each article under the folders."""
    from eventlens.ingest.readers import read_inputs
    from eventlens.record import Document

    articles = []
    for folder in folders:
        if folder.is_dir():
            items = read_inputs([str(folder)])
            articles += [(d.id, d.text) for d in items if isinstance(d, Document)]
    return articles


def vary(text: str, copy: int) -> str:
    """A variant of an article: rotated names, body paragraphs shuffled (title, lede kept)."""
    for names in ROTATIONS:
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b")
        text = pattern.sub(lambda m, n=names: n[(n.index(m.group(1)) + copy) % len(n)], text)
    paragraphs = text.split("\n\n")
    head, body = paragraphs[:2], paragraphs[2:]
    random.Random(copy).shuffle(body)
    return "\n\n".join(head + body)


def build_corpus(words: int, path: Path, mix: bool = False) -> tuple[int, int]:
    """Write a JSONL corpus (id, text, date) of about ``words`` words; return (docs, words).

    ``mix``: as many words of general news (sport, business, farming) as of the team's
    political articles, as in a news stream; else the team's articles only.
    """
    team = read_articles(SOURCES)
    if not team:
        raise SystemExit("bench: no articles under examples/ or tests/data/bench/")
    general = read_articles([GENERAL]) if mix else []
    team_words = sum(len(text.split()) for _, text in team)
    general_words = sum(len(text.split()) for _, text in general) or 1
    rounds = max(1, round(team_words / general_words)) if general else 0
    count = total = copy = 0
    with path.open("w", encoding="utf-8") as out:
        while total < words:
            articles = team + [(f"{n}-{r}", t) for r in range(rounds) for n, t in general]
            for index, (name, text) in enumerate(articles):
                varied = vary(text, copy + index)
                day = BASE_DATE + timedelta(days=copy % 365)
                record = {"id": f"{name}-{copy}", "text": varied, "date": day.isoformat()}
                out.write(json.dumps(record) + "\n")
                count, total = count + 1, total + len(varied.split())
            copy += 1
    return count, total


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest child, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


class Clock:
    """Wall and CPU seconds (this process and its finished children) of a block."""

    def __enter__(self) -> Clock:
        self.wall, self.cpu = time.perf_counter(), cpu_seconds()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, cpu_seconds() - self.cpu


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_startup() -> dict[str, Any]:
    """Child: import, load model and data, code one short document."""
    started = time.perf_counter()
    from eventlens.pipeline import Pipeline
    from eventlens.record import Document

    pipeline = Pipeline()
    loaded = time.perf_counter()
    document = Document(id="s", text="Police arrested two men in Bamako on Monday.")
    list(pipeline.code([document]))
    done = time.perf_counter()
    return {"load_s": loaded - started, "first_doc_s": done - loaded, "cpu_s": cpu_seconds()}


def run_reference(corpus: Path, batch_size: int, n_process: int) -> Measure:
    """Child: plain spaCy parse of every text, full pipeline, same model."""
    from eventlens.nlp import load_model

    nlp = load_model("en")
    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
    with Clock() as clock:
        for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
            pass
    own, workers = peak_rss_mb()
    words = sum(len(t.split()) for t in texts)
    name = f"spaCy nlp.pipe, full parse (n_process={n_process})"
    return Measure(name, clock.wall, clock.cpu, words, len(texts), own, workers)


def run_eventlens(
    corpus: Path,
    batch_size: int,
    n_process: int,
    prefilter: bool,
    store: bool,
    context: tuple[int, int],
) -> Measure:
    """Child: ``eventlens code`` end to end (read, clean, code, optionally store)."""
    from eventlens.commands.code import code_paths
    from eventlens.ingest.readers import InputProblem, read_inputs
    from eventlens.pipeline import Pipeline

    pipeline = Pipeline(
        batch_size=batch_size, prefilter=prefilter, context=context, n_process=n_process
    )
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.duckdb") if store else None
        with Clock() as clock:
            _, records = code_paths([str(corpus)], None, db, lambda: pipeline)
    own, workers = peak_rss_mb()
    documents = [d for d in read_inputs([str(corpus)]) if not isinstance(d, InputProblem)]
    words = sum(len(d.text.split()) for d in documents)
    extra = {"events": len(records), "parsed_token_share": parsed_share(pipeline, documents)}
    kind = f"pre-filter, context {context[0]},{context[1]}" if prefilter else "full parse"
    name = f"eventlens code, {kind}{', store' if store else ''} (n_process={n_process})"
    return Measure(name, clock.wall, clock.cpu, words, len(documents), own, workers, extra)


def parsed_share(pipeline: Any, documents: list) -> float:
    """Share of the corpus tokens that the pre-filter sends to the parser."""
    from eventlens.prefilter import select_windows

    if pipeline.forms is None:
        return 1.0
    parsed = total = 0
    for document in documents:
        doc = pipeline.nlp.make_doc(document.text)
        _, windows = select_windows(doc, pipeline.forms, pipeline.context)
        parsed += sum(end - start for start, end in windows)
        total += len(doc)
    return parsed / total if total else 0.0


def child(args: argparse.Namespace) -> None:
    """Run one measurement in this (fresh) process and print it as JSON."""
    if args.child == "startup":
        print(json.dumps(run_startup()))
        return
    corpus = Path(args.corpus)
    if args.child == "reference":
        measure = run_reference(corpus, args.batch_size, args.n_process)
    else:
        prefilter = args.child == "eventlens"
        measure = run_eventlens(
            corpus, args.batch_size, args.n_process, prefilter, args.store, args.context
        )
    print(json.dumps({**measure.__dict__}))


def spawn(*argv: str) -> dict[str, Any]:
    """Run this script as a child measurement and return its JSON result."""
    command = [sys.executable, __file__, *argv]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"bench: {' '.join(argv[:2])} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench(args: argparse.Namespace) -> int:
    """Build the corpus, run every measurement, print the table, write the JSON."""
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    corpus = out.parent / "bench-corpus.jsonl"
    docs, words = build_corpus(args.words, corpus, args.mix)
    print(f"corpus: {docs} documents, {words} words ({corpus})", file=sys.stderr)
    common = ["--corpus", str(corpus), "--batch-size", str(args.batch_size)]
    common += ["--n-process", str(args.n_process), "--context", ",".join(map(str, args.context))]
    load_before = os.getloadavg()
    startup = measure_startup(args.startups)
    runs = ["reference", "eventlens"] + (["eventlens-full"] if args.full else [])
    measures = {}
    for run in runs:
        print(f"running {run} ...", file=sys.stderr)
        measures[run] = Measure(**spawn("--child", run, *common, *(["--store"] * args.store)))
    result = summarise(startup, measures, docs, words, args.mix)
    result["machine"]["load_average"] = {"before": load_before, "after": os.getloadavg()}
    print_table(result)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}", file=sys.stderr)
    return 0


def measure_startup(times: int) -> dict[str, Any]:
    """Start-up of fresh processes (process start to first document coded), ``times`` runs."""
    runs = []
    for _ in range(times):
        started = time.perf_counter()
        child = spawn("--child", "startup")
        runs.append({**child, "process_s": time.perf_counter() - started})
    runs.sort(key=lambda r: r["process_s"])
    return {"best": runs[0], "median": runs[len(runs) // 2], "runs": len(runs)}


def summarise(
    startup: dict[str, Any],
    measures: dict[str, Measure],
    docs: int,
    words: int,
    mix: bool,
) -> dict[str, Any]:
    """The JSON result: machine, corpus, start-up, each run and the targets."""
    reference, ours = measures["reference"], measures["eventlens"]
    rss = max(ours.rss_mb, ours.worker_rss_mb)
    return {
        "machine": machine(),
        "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]),
        "corpus": {"documents": docs, "words": words, "general_news_mix": mix},
        "startup": startup,
        "runs": [
            {
                **m.__dict__,
                "words_per_s": m.words_per_s,
                "words_per_cpu_s": m.words_per_cpu_s,
                "docs_per_s": m.docs_per_s,
            }
            for m in measures.values()
        ],
        "targets": {
            "throughput_ratio": {
                "value": ours.words_per_s / reference.words_per_s,
                "cpu_value": ours.words_per_cpu_s / reference.words_per_cpu_s,
                "target": TARGETS["ratio"],
            },
            "peak_rss_mb": {"value": rss, "target": TARGETS["rss_mb"]},
            "startup_s": {"value": startup["best"]["process_s"], "target": TARGETS["startup_s"]},
        },
    }


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    import spacy

    cpuinfo = Path("/proc/cpuinfo")
    lines = cpuinfo.read_text().splitlines() if cpuinfo.exists() else []
    models = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
    return {
        "cpu": models[0] if models else platform.processor(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "platform": platform.platform(),
    }


def print_table(result: dict[str, Any]) -> None:
    """The runs, start-up and targets, as a plain-text table."""
    header = f"{'run':<52} {'words/s':>8} {'words/CPU-s':>11} {'docs/s':>7} {'seconds':>8}"
    print(f"\n{header} {'peak RSS MB':>12}")
    for run in result["runs"]:
        rss = f"{run['rss_mb']:.0f}" + (
            f" +{run['worker_rss_mb']:.0f}/worker" if run["worker_rss_mb"] > 1 else ""
        )
        print(
            f"{run['name']:<52} {run['words_per_s']:>8.0f} {run['words_per_cpu_s']:>11.0f}"
            f" {run['docs_per_s']:>7.2f} {run['seconds']:>8.1f} {rss:>12}"
        )
        if "parsed_token_share" in run["extra"]:
            print(
                f"{'':<4}events {run['extra']['events']}, tokens parsed "
                f"{run['extra']['parsed_token_share']:.0%}"
            )
    best, median = result["startup"]["best"], result["startup"]["median"]
    print(
        f"\nstart-up (process start to first document coded): best {best['process_s']:.2f} s,"
        f" median {median['process_s']:.2f} s; imports + model + data {best['load_s']:.2f} s;"
        f" CPU {best['cpu_s']:.2f} s"
    )
    load = result["machine"]["load_average"]
    print(f"load average before {load['before'][0]:.1f}, after {load['after'][0]:.1f}")
    for name, target in result["targets"].items():
        value, goal = target["value"], target["target"]
        at_least = name == "throughput_ratio"
        met = value >= goal if at_least else value <= goal
        cpu = f" (CPU time: {target['cpu_value']:.2f})" if "cpu_value" in target else ""
        print(
            f"target {name:<17} {value:>8.2f}{cpu}  target {'>=' if at_least else '<='} {goal}:"
            f" {'met' if met else 'NOT met'}"
        )


def accuracy(args: argparse.Namespace) -> int:
    """Compare events coded with and without the pre-filter, per document."""
    from eventlens.ingest.readers import InputProblem, read_inputs
    from eventlens.pipeline import Pipeline

    documents = [d for d in read_inputs(args.accuracy) if not isinstance(d, InputProblem)]
    documents += acled_notes(args.acled)
    full = Pipeline(prefilter=False, n_process=1)
    fast = Pipeline(coder=full.coder, context=args.context, n_process=1)
    same = differ = events_full = events_fast = 0
    for (document, a), (_, b) in zip(full.code(documents), fast.code(documents), strict=True):
        left, right = [e.to_dict() for e in a], [e.to_dict() for e in b]
        events_full, events_fast = events_full + len(left), events_fast + len(right)
        if left == right:
            same += 1
        else:
            differ += 1
            print(f"differs: {document.id}", file=sys.stderr)
    print(
        f"{len(documents)} documents: {same} identical, {differ} different;"
        f" events {events_full} without pre-filter, {events_fast} with"
    )
    return 0 if differ == 0 else 1


def acled_notes(count: int) -> list:
    """The first ``count`` ACLED notes as documents (dated by their event date)."""
    from eventlens.record import Document

    if not count:
        return []
    if not ACLED.exists():
        raise SystemExit(f"bench: {ACLED} is not present")
    with ACLED.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    sample = random.Random(0).sample(rows, min(count, len(rows)))
    return [
        Document(
            id=r["event_id_cnty"], text=r["notes"], pub_date=date.fromisoformat(r["event_date"])
        )
        for r in sample
        if r["notes"].strip()
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000, help="corpus size (words)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--n-process", type=int, default=1, help="processes for both runs")
    parser.add_argument("--store", action="store_true", help="also write events to DuckDB")
    parser.add_argument("--full", action="store_true", help="also code without the pre-filter")
    parser.add_argument("--mix", action="store_true", help="half the words from general news")
    parser.add_argument(
        "--context",
        type=lambda v: tuple(int(n) for n in v.split(",")),
        default=(1, 1),
        help="pre-filter context sentences BEFORE,AFTER (default 1,1)",
    )
    parser.add_argument("--startups", type=int, default=3, help="start-up runs (best is kept)")
    parser.add_argument("--json", default=str(REPO / "build" / "bench.json"))
    parser.add_argument("--accuracy", nargs="*", metavar="PATH", help="compare pre-filter on/off")
    parser.add_argument("--acled", type=int, default=0, help="with --accuracy: N ACLED notes")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return 0
    if args.accuracy is not None:
        return accuracy(args)
    return bench(args)


if __name__ == "__main__":
    sys.exit(main())
