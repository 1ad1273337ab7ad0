"""Compare the coder's answer for one gold item with its gold labels, per format.

The coder's answer is its most confident asserted event (:func:`top_event`); each scorer
adds that item's outcome to a :class:`Tally` under named tasks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from eventlens.coding.crosswalk import acled_for_event, sector_groups, to_cameo
from eventlens.evaluation.acled_actors import map_acled_actor, match_actors
from eventlens.evaluation.loaders import GoldItem
from eventlens.evaluation.metrics import Tally, exact_overlap, token_overlap
from eventlens.record import Actor, Event

PENTACLASS_NAMES = {
    0: "0 statement",
    1: "1 verbal coop",
    2: "2 material coop",
    3: "3 verbal conflict",
    4: "4 material conflict",
}
#: ACLED event types whose actor1 is always the crowd (protesters or rioters).
CROWD_EVENT_TYPES = ("Protests", "Riots")
#: A note that states its own date (so a right date is not just the publication date).
STATED_DATE = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b\d{1,2}/\d{1,2}\b"
)

Scorer = Callable[[GoldItem, Event | None, list[Event], Tally], None]


def top_event(events: Iterable[Event]) -> Event | None:
    """The most confident asserted event (the earliest among equals), or None."""
    best: Event | None = None
    for event in events:
        if event.modality == "asserted" and (best is None or event.confidence > best.confidence):
            best = event
    return best


def _acled_types(event: Event) -> tuple[str | None, str | None]:
    """The ACLED pair the coder published, read with the event's episode (coder._code_acled);
    the crosswalk of the event alone for a record that has none."""
    if event.acled_event_type:
        return event.acled_event_type, event.acled_sub_event_type
    return acled_for_event(event)


def score_acled(item: GoldItem, top: Event | None, events: list[Event], tally: Tally) -> None:
    """ACLED: event type, sub-event type (via the crosswalk), actor1, actor2, date."""
    gold = item.labels
    predicted_type, predicted_sub = _acled_types(top) if top else (None, None)
    tally.add_class("event_type", gold["event_type"], predicted_type)
    tally.add_class("sub_event_type", gold["sub_event_type"], predicted_sub)
    actor1, actor2 = _acled_sides(top, predicted_type)
    for task, role in (("actor1", actor1), ("actor2", actor2)):
        gold_actors = map_acled_actor(gold[task])
        if gold_actors:
            found = match_actors(role, gold_actors)
            tally.add_match(task, found.lenient)
            tally.add_match(f"{task}_strict", found.strict)
    if gold["time_precision"] == 1:
        right = top is not None and top.date.date == gold["event_date"]
        stated = bool(STATED_DATE.search(item.text))
        tally.add_match("date_exact", right)
        if stated:
            tally.add_match("date_exact_stated", right)
        if top is not None:  # the date resolver's own share: notes where an event was coded
            tally.add_match("date_exact_coded", right)
            if stated:
                tally.add_match("date_exact_stated_coded", right)


def _acled_sides(top: Event | None, acled_type: str | None) -> tuple[list[Actor], list[Actor]]:
    """ACLED's (actor1, actor2) of the top event. In a Protests or Riots event ACLED's actor1 is
    always the protesters or rioters: when police or soldiers act on them ("police fired tear
    gas at students"), actor1 is the recipient and actor2 the state forces."""
    if top is None:
        return [], []
    state_forces = sector_groups()["STATE_ARMED"]
    if (
        acled_type in CROWD_EVENT_TYPES
        and top.recipient
        and any(a.sector in state_forces for a in top.actor)
    ):
        return top.recipient, top.actor
    return top.actor, top.recipient


def score_cameo(item: GoldItem, top: Event | None, events: list[Event], tally: Tally) -> None:
    """CAMEO sentences: pentaclass (no event = 0) and token-overlap F1 of actor spans."""
    gold = item.labels
    if gold["pentaclass"] is not None:
        code = to_cameo(top.event_type, top.mode, top.rule) if top else None
        predicted = code.pentaclass if code else 0
        tally.add_class(
            "pentacode", PENTACLASS_NAMES[gold["pentaclass"]], PENTACLASS_NAMES[predicted]
        )
    actors = _texts(top.actor) if top else []
    recipients = _texts(top.recipient) if top else []
    if gold["reciprocal"] and not (gold["source"] or gold["target"]):
        roles = [("reciprocal", actors + recipients, gold["reciprocal"])]
    else:
        roles = [("source", actors, gold["source"]), ("target", recipients, gold["target"])]
    for role, predicted_spans, gold_spans in roles:
        counts = token_overlap(predicted_spans, gold_spans)
        tally.add_span(role, counts)
        tally.add_span("source_target", counts)
        tally.add_span("source_target_exact", exact_overlap(predicted_spans, gold_spans))


def score_plover(item: GoldItem, top: Event | None, events: list[Event], tally: Tally) -> None:
    """PLOVER gold standard: event type; source and target country + sector."""
    gold = item.labels
    tally.add_class("event_type", gold["event_type"], top.event_type if top else None)
    for task, role in (
        ("source", top.actor if top else []),
        ("target", top.recipient if top else []),
    ):
        if gold[task]:
            tally.add_match(task, _code_sector_match(role, gold[task]))
            tally.add_match(f"{task}_country", _code_sector_match(role, gold[task], sector=False))


def score_reviews(item: GoldItem, top: Event | None, events: list[Event], tally: Tally) -> None:
    """Reviews: a rejected event must not come back; otherwise type, mode, actors, date."""
    gold = item.labels
    if gold["verdict"] == "wrong":
        repeated = any(
            e.event_type == gold["event_type"] and e.modality == "asserted" for e in events
        )
        tally.add_match("rejected_not_repeated", not repeated)
        return
    tally.add_class("event_type", gold["event_type"], top.event_type if top else None)
    tally.add_class("mode", gold["mode"] or "-", (top.mode or "-") if top else None)
    for task, role in (
        ("actor", top.actor if top else []),
        ("recipient", top.recipient if top else []),
    ):
        if gold[task]:
            tally.add_match(task, _code_sector_match(role, gold[task]))
    if gold["date"]:
        tally.add_match("date_exact", top is not None and top.date.date == gold["date"])


def _texts(actors: list[Actor]) -> list[str]:
    return [a.text for a in actors]


#: Today's PLOVER codes of intergovernmental bodies; the older gold sets code them all "IGO".
INTERGOVERNMENTAL = frozenset({"IGO", "UNO", "EUR"})


def _code_sector_match(
    coded: list[Actor], gold: list[tuple[str | None, str | None]], sector: bool = True
) -> bool:
    """Does a coded actor have the code (country) and, where given, the sector of a gold one?"""
    for actor in coded:
        codes = {actor.code, actor.country} - {None}
        if codes & INTERGOVERNMENTAL:
            codes.add("IGO")
        for code, gold_sector in gold:
            code_ok = code is None or code in codes
            sector_ok = not sector or gold_sector is None or actor.sector == gold_sector
            if code_ok and sector_ok and (code or gold_sector):
                return True
    return False


SCORERS: dict[str, Scorer] = {
    "acled-csv": score_acled,
    "cameo-jsonl": score_cameo,
    "plover-gsr": score_plover,
    "reviews": score_reviews,
}
