from __future__ import annotations

from eventlens.ingest.boilerplate import clean_text

ARTICLE = """Regional leaders suspend ties with the junta

By Amina Traore

Regional leaders suspended all trade with the military government on Sunday after it postponed the elections.
Photo: Example Wire/Someone Else
Sign up for our weekly newsletter on West African politics.
Related: Five things to know about the transition
The decision was announced at a summit in the capital, and diplomats said it would take effect at once.
Amina Traore is a senior correspondent covering the Sahel for Example News.
This article may be republished under a Creative Commons licence.
"""


def test_clean_text_keeps_reporting_and_drops_furniture() -> None:
    cleaned = clean_text(ARTICLE)
    assert "suspended all trade" in cleaned
    assert "announced at a summit" in cleaned
    for furniture in (
        "By Amina",
        "Photo:",
        "newsletter",
        "Related:",
        "senior correspondent",
        "Creative Commons",
        "Regional leaders suspend ties",
    ):
        assert furniture not in cleaned
    assert "\n\n" in cleaned  # paragraphs stay apart
