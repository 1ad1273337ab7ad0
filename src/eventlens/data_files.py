"""Access to the package's data files (lexicons, actor lists, crosswalks, places)."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

DATA_ROOT = Path(str(resources.files("eventlens") / "data"))


def data_path(*parts: str) -> Path:
    """Path of a file under the package's data folder."""
    return DATA_ROOT.joinpath(*parts)


@cache
def load_yaml(*parts: str) -> Any:
    """Parsed YAML data file (cached: data files are read once per process)."""
    with data_path(*parts).open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=yaml.CSafeLoader)


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated file with a header line; lines starting with # are comments."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        return list(csv.DictReader(lines, delimiter="\t"))
