"""An act that answers or ends an earlier act of its episode (a defence that repels an attack,
a blow struck back, a release of captives), or that is told in the past perfect after the
news, ranks below the act it answers; sentences written by the team."""

from __future__ import annotations

import pytest

from eventlens.coding.ranking import _responds, _response_word, _spliced, rank_below_answered
from eventlens.evaluation.scoring import top_event
from eventlens.nlp import load_model
from eventlens.record import Event

ANSWERED = [
    # a response (repel, repulse, fight off, counter-attack) and the kills made in it
    (
        "On March 3, suspected rebels attacked a police post near the border town, the "
        "officers repelled the attack and killed four rebels.",
        "attacked",
        "suspected rebels",
    ),
    (
        "On March 3, gunmen reportedly attacked an army base in the north, the troops "
        "repulsed the assault and killed three gunmen.",
        "attacked",
        "gunmen",
    ),
    (
        "On March 3, gunmen stormed a gendarmerie post in the district. The gendarmes fought "
        "off the assailants and killed two of them.",
        "stormed",
        "gunmen",
    ),
    (
        "On March 3, militants attacked the army camp and killed four soldiers, the army said "
        "in a statement that it killed thirty militants in a counter-attack.",
        "attacked",
        "militants",
    ),
    # a blow struck back by the target of the attack at its author
    (
        "On March 3, insurgents attacked the gendarmerie in the town, nine insurgents were "
        "killed in the attack by the gendarmes.",
        "attacked",
        "insurgents",
    ),
    # a withdrawal from nowhere named ends the attack
    (
        "On June 3, militants attacked the army post in the town with rockets, the attackers "
        "withdrew after an exchange of fire.",
        "attacked",
        "militants",
    ),
    # the past perfect tells the background of the news reported before it
    (
        "Army officials say they have killed 40 insurgents near the lake. The insurgents had "
        "attacked a military outpost in the area.",
        "killed",
        "Army officials",
    ),
    # a clause spliced before another is an act of its own, ranked by its gravity
    (
        "On May 2, gunmen attacked the village of Koro, the attackers burned ten houses.",
        "attacked",
        "gunmen",
    ),
]

KEPT = [
    # nothing answered before: the response is the news
    ("Soldiers repelled an attack on their base near the border on Sunday.", "repelled"),
    # the abduction only describes the freed workers
    ("Five aid workers who were kidnapped in May have been freed.", "freed"),
    # a crowd that fights back after it is dispersed: the clash is the news
    (
        "Police dispersed the students with tear gas. The students then clashed with the police.",
        "clashed",
    ),
    # a past perfect with no news before it
    (
        "The insurgents had attacked a military outpost before dawn, and soldiers killed ten "
        "of them in the afternoon.",
        "attacked",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "actor"), ANSWERED)
def test_answered_act_leads(code, text: str, trigger: str, actor: str) -> None:
    top = top_event(code(text))
    assert top is not None
    assert top.trigger == trigger
    assert actor in [a.text for a in top.actor]


@pytest.mark.parametrize(("text", "trigger"), KEPT)
def test_unanswered_act_keeps_its_rank(code, text: str, trigger: str) -> None:
    top = top_event(code(text))
    assert top is not None and top.trigger == trigger


@pytest.fixture(scope="module")
def nlp():
    return load_model("en")


def _token(nlp, text: str, word: str):
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The villagers fought off the raiders.", "fought", True),
        ("Government forces pushed back an advance by the rebels.", "pushed", True),
        ("The troops launched a counter-attack at dawn.", "attack", True),
        ("The troops launched an attack at dawn.", "attack", False),
        ("The rebels fought the army for two days.", "fought", False),
    ],
)
def test_response_words(nlp, text: str, word: str, expected: bool) -> None:
    assert _response_word(_token(nlp, text, word)) is expected


def test_acts_done_in_a_response_respond(nlp) -> None:
    doc = nlp("The soldiers repulsed the assault and killed two militants.")
    assert _responds(next(t for t in doc if t.text == "killed"))
    doc = nlp("The army killed twelve gunmen in a counter-attack.")
    assert _responds(next(t for t in doc if t.text == "killed"))
    doc = nlp("The army killed twelve gunmen in an ambush.")
    assert not _responds(next(t for t in doc if t.text == "killed"))


def test_spliced_clause_needs_no_subordinator(nlp) -> None:
    doc = nlp("Gunmen attacked the village, the attackers burned ten houses.")
    attacked = next(t for t in doc if t.text == "attacked")
    assert attacked.head.text == "burned" and _spliced(attacked)
    doc = nlp("When gunmen attacked the village, the attackers burned ten houses.")
    assert not _spliced(next(t for t in doc if t.text == "attacked"))


def _placed(doc, acts: list[tuple[str, str, str, float]]):
    """(sentence number, event, trigger) of hand-made events on the triggers named."""
    sentences = list(doc.sents)
    placed = []
    for word, event_type, mode, confidence in acts:
        token = next(t for t in doc if t.text == word)
        event = Event(
            doc_id="t",
            event_type=event_type,
            mode=mode,
            sentence=token.sent.text,
            span=(0, 0),
            trigger=word,
            rule="test",
            quad_code=4 if event_type in ("ASSAULT", "COERCE") else 2,
            confidence=confidence,
        )
        placed.append((sentences.index(token.sent), event, token))
    return placed


@pytest.mark.parametrize(
    ("text", "capture"),
    [
        ("Bandits abducted a teacher near the school. He was released two days later.", "ASSAULT"),
        ("Soldiers detained six herders near the well, two were freed the next day.", "COERCE"),
    ],
)
def test_release_ranks_below_the_capture_it_ends(nlp, text: str, capture: str) -> None:
    word = "abducted" if capture == "ASSAULT" else "detained"
    mode = "abduct" if capture == "ASSAULT" else "arrest"
    release = "released" if "released" in text else "freed"
    placed = _placed(nlp(text), [(word, capture, mode, 0.6), (release, "RETREAT", "release", 0.9)])
    rank_below_answered(placed)
    assert placed[1][1].confidence < placed[0][1].confidence


def test_release_of_captives_described_by_a_clause_keeps_its_rank(nlp) -> None:
    doc = nlp("Aid workers who were kidnapped in May have been freed.")
    placed = _placed(
        doc, [("kidnapped", "ASSAULT", "abduct", 0.6), ("freed", "RETREAT", "release", 0.9)]
    )
    rank_below_answered(placed)
    assert placed[1][1].confidence == 0.9
