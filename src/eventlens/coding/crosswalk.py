"""Crosswalks from PLOVER type and mode to other codebooks (ACLED), kept as data files."""

from __future__ import annotations

from functools import cache

from eventlens.data_files import data_path, read_tsv


@cache
def _acled_rows() -> tuple[dict[str, str], ...]:
    return tuple(read_tsv(data_path("crosswalks", "plover_acled.tsv")))


def to_acled(event_type: str, mode: str | None) -> tuple[str | None, str | None]:
    """ACLED (event_type, sub_event_type) for a PLOVER type and mode, or (None, None)."""
    for row in _acled_rows():
        if row["plover_type"] == event_type and row["plover_mode"] in ("*", mode or ""):
            return row["acled_event_type"] or None, row["acled_sub_event_type"] or None
    return None, None
