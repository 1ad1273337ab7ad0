"""Event dates end to end, through the pipeline, on short articles the team wrote."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.model

ARTICLE = (
    "The crisis began with the August 2020 military coup. "
    "In January 2022, the regional bloc imposed sanctions on the junta. "
    "Gunmen attacked a police station in Gao on 2 March. "
    "A week later, soldiers arrested three suspects in Bamako."
)


@pytest.fixture(scope="module")
def records(code) -> dict[str, dict]:
    return {event.trigger: event.to_dict() for event in code(ARTICLE, pub_date=date(2022, 3, 24))}


def _window(record: dict) -> tuple[str, str, str, str]:
    return record["date_start"], record["date_end"], record["date_precision"], record["date_basis"]


def test_explicit_dates_with_their_precision(records) -> None:
    assert _window(records["coup"]) == ("2020-08-01", "2020-08-31", "month", "explicit")
    assert records["coup"]["date_text"] == "August 2020"
    assert records["coup"]["historical"] is True
    [sanctions] = [r for r in records.values() if r["event_type"] == "SANCTION"]
    assert _window(sanctions) == ("2022-01-01", "2022-01-31", "month", "explicit")
    assert sanctions["historical"] is False


def test_year_inferred_and_narrative_date(records) -> None:
    assert _window(records["attacked"]) == ("2022-03-02", "2022-03-02", "day", "explicit")
    assert records["attacked"]["date_text"] == "2 March"
    assert _window(records["arrested"]) == ("2022-03-09", "2022-03-09", "day", "narrative")
    assert records["arrested"]["date_text"] == "A week later"
    assert records["arrested"]["date"] == "2022-03-09"


def test_future_event(code) -> None:
    events = code("The government will hold talks with the rebels next week.")
    [when] = [e.date for e in events if e.date.text == "next week"]
    assert (when.start, when.end, when.precision) == (date(2022, 3, 28), date(2022, 4, 3), "week")
    assert when.future


def test_undated_event_falls_back_to_publication(code) -> None:
    [event] = [e for e in code("Protesters have marched in Niamey.") if e.trigger == "marched"]
    assert (event.date.date, event.date.basis, event.date.text) == (
        date(2022, 3, 24),
        "publication",
        None,
    )
