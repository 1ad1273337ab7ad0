"""Actors end to end: articles the team wrote, coded by the whole pipeline."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.model

ARTICLE = (
    "Mali's transition has angered its neighbours. "
    "On Monday the junta arrested the prime minister in Bamako. "
    "ECOWAS imposed sanctions on Mali two days later. "
    "The junta signed an agreement with the Russian private military company Wagner. "
    "The European Union criticised the junta. "
    "Defence Minister Sadio Camara travelled to Moscow."
)


def actors_by_text(events) -> dict[str, tuple]:
    return {a.text: (a.code, a.sector, a.name) for e in events for a in (*e.actor, *e.recipient)}


def test_article_actors_resolve_to_country_and_sector(code):
    found = actors_by_text(code(ARTICLE, pub_date=date(2022, 1, 12)))
    assert found["the junta"][:2] == ("MLI", "MIL")
    assert found["ECOWAS"][:2] == ("IGO", None)
    # recipient spans keep a following place phrase, as CAMEO annotators mark targets
    assert found["the prime minister in Bamako"][:2] == ("MLI", "GOV")
    expected = {
        "The junta": ("MLI", "MIL"),
        "Mali": ("MLI", None),
        "the Russian private military company Wagner": ("RUS", "UAF"),
        "The European Union": ("EUR", None),
        "Defence Minister Sadio Camara": ("MLI", "GOV"),
    }
    for text, facts in expected.items():
        if text in found:
            assert found[text][:2] == facts, text


def test_militants_and_soldiers(code):
    events = code("Malian soldiers arrested two JNIM militants near Mopti on Monday.")
    [event] = [e for e in events if e.trigger == "arrested"]
    assert [(a.code, a.sector) for a in event.actor] == [("MLI", "MIL")]
    assert [(a.name, a.sector) for a in event.recipient] == [
        ("Jama'at Nusrat al-Islam wal-Muslimin", "REB")
    ]


def test_group_coreference_across_sentences(code):
    text = (
        "Gunmen from the Islamic State Sahel Province raided Tillaberi on Friday. "
        "On Saturday the group attacked an army post near Ouallam."
    )
    [event] = [e for e in code(text) if e.trigger == "attacked"]
    assert [(a.name, a.code) for a in event.actor] == [("Islamic State Sahel Province", "IMG")]
