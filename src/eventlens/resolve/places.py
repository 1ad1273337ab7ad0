"""Place an event: the place phrase attached to its trigger, else its sentence's, else the document's.

Per document, every place name is found once (named entities, plus proper-noun runs in a
locative slot such as "the village of Boni"), looked up in the gazetteer, and given a role from
the dependency parse: *locative* ("in/near/outside X", "the village of X", "X region"),
*object* ("captured Gao"), or one that never places an event: *subject* ("Paris said"),
*modifier* ("Mali troops", "Mali's army"), *origin* ("a driver from Abidjan"), *agent*
("by Moscow"), *context* (the admin names in an "X (admin2, admin1)" note).

An event takes the locative/object place nearest to its trigger in the parse, preferring those
inside the trigger's own clause; else the document's dominant place. Same-named places are told
apart by a level word ("Mopti region"), the "(admin2, admin1)" parenthesis, the document's
country focus (countries named, places found, actors' countries) and population.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

import pycountry
from spacy.tokens import Doc, Span, Token

from eventlens.data_files import load_yaml
from eventlens.record import Location
from eventlens.resolve.context import DocumentContext
from eventlens.resolve.gazetteer import Gazetteer, Place, default_gazetteer, name_key

LINKABLE = ("locative", "object")
PLACE_LABELS = ("GPE", "LOC", "FAC")
CLAUSE_DEPS = ("ccomp", "advcl", "relcl", "parataxis", "csubj", "conj")
CHAIN_DEPS = ("compound", "flat", "appos", "conj", "nmod", "nummod")
KIND_PRIOR = {"country": 2.5, "place": 0.0, "admin2": -0.5, "admin1": -1.0}
_PARENTHESIS = re.compile(r"\s*\(([^()]{2,80})\)")


@dataclass(frozen=True)
class Cues:
    """The word lists of ``data/places/cues.yaml``."""

    locative: frozenset[str]
    level_of: dict[str, frozenset[str]]
    feature_words: frozenset[str]
    skip_labels: frozenset[str]

    def levels(self, word: Token) -> frozenset[str]:
        return self.level_of.get(word.lower_, frozenset()) | self.level_of.get(
            word.lemma_.lower(), frozenset()
        )


@cache
def load_cues() -> Cues:
    raw = load_yaml("places", "cues.yaml")
    level_of: dict[str, set[str]] = {}
    for kind, words in raw["place_nouns"].items():
        if kind not in KIND_PRIOR:
            raise ValueError(f"places/cues.yaml: place_nouns: unknown level {kind!r}")
        for word in words:
            level_of.setdefault(str(word).lower(), set()).add(kind)
    return Cues(
        locative=frozenset(raw["locative_prepositions"]),
        level_of={w: frozenset(k) for w, k in level_of.items()},
        feature_words=frozenset(raw["feature_words"]),
        skip_labels=frozenset(raw["skip_labels"]),
    )


@dataclass
class Mention:
    """One place name in the document, with its gazetteer candidates and its role."""

    span: Span
    places: tuple[Place, ...]
    role: str
    label: str
    levels: frozenset[str] = frozenset()
    admin_keys: frozenset[str] = frozenset()

    def choose(self, focus: Counter[str]) -> Place:
        """The candidate that best fits the hints, the document focus and population."""
        total = sum(focus.values()) or 1
        return max(self.places, key=lambda p: self._score(p, focus, total))

    def _score(self, place: Place, focus: Counter[str], total: int) -> float:
        score = KIND_PRIOR[place.kind] + math.log10(place.population + 10) / 2
        score += 3.0 * focus.get(place.country_code or "", 0) / total
        if place.kind in self.levels:
            score += 4.0
        admins = {name_key(place.admin1 or ""), name_key(place.admin2 or "")}
        if self.admin_keys & admins:
            score += 4.0
        return score


@dataclass
class DocumentPlaces:
    """The place mentions of one parsed document, found once."""

    doc: Doc
    mentions: list[Mention] = field(default_factory=list)
    votes: Counter[str] = field(default_factory=Counter)

    def in_sentence(self, sentence: Span) -> list[Mention]:
        return [
            m
            for m in self.mentions
            if sentence.start <= m.span.start < sentence.end and m.role in LINKABLE
        ]

    def focus(self, context: DocumentContext) -> Counter[str]:
        """Country votes of the document's places plus its actors' countries."""
        focus = Counter(self.votes)
        for alpha3, count in context.countries.items():
            country = pycountry.countries.get(alpha_3=alpha3)
            if country:
                focus[country.alpha_2] += count
        return focus

    def dominant(self, focus: Counter[str]) -> Mention | None:
        """The place the document names most often as a locative or object, first on ties."""
        linkable = [m for m in self.mentions if m.role in LINKABLE]
        if not linkable:
            return None
        counts = Counter(m.choose(focus).id for m in linkable)
        return max(linkable, key=lambda m: counts[m.choose(focus).id])


class PlaceResolver:
    """Link an event to where it happened."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer
        self._current: DocumentPlaces | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def resolve(self, sentence: Span, trigger: Token, context: DocumentContext) -> Location | None:
        places = self.document_places(context.doc)
        focus = places.focus(context)
        candidates = places.in_sentence(sentence)
        if candidates:
            mention = min(candidates, key=lambda m: _link_rank(trigger, m))
        else:
            mention = places.dominant(focus)
        return _location(mention, mention.choose(focus)) if mention else None

    def document_places(self, doc: Doc) -> DocumentPlaces:
        """The mentions of ``doc`` (computed once per document)."""
        if self._current is None or self._current.doc is not doc:
            self._current = find_mentions(doc, self.gazetteer)
        return self._current


def find_mentions(doc: Doc, gazetteer: Gazetteer) -> DocumentPlaces:
    """All place mentions of a document, their roles and the country votes they cast."""
    cues = load_cues()
    found = DocumentPlaces(doc=doc)
    if not doc.has_annotation("DEP"):
        return found
    for sentence in doc.sents:
        if not sentence.root.dep_:
            continue  # a sentence the pre-filter only tokenized
        found.mentions.extend(_sentence_mentions(sentence, gazetteer, cues))
    _apply_parentheses(doc, found.mentions)
    for mention in found.mentions:
        best = mention.choose(Counter())
        if best.country_code:
            found.votes[best.country_code] += 2 if best.kind == "country" else 1
    return found


def _sentence_mentions(sentence: Span, gazetteer: Gazetteer, cues: Cues) -> list[Mention]:
    mentions = []
    for span, label in _name_spans(sentence, cues):
        span, levels = _trim(span, cues)
        if span is None or _is_feature(span, cues):
            continue
        role = _role(span, cues)
        if label not in PLACE_LABELS and role != "locative":
            continue
        levels |= _level_words_around(span, cues)
        places = tuple(p for p in gazetteer.lookup(span.text) if not p.needs_level)
        places += tuple(
            p for p in gazetteer.lookup(span.text) if p.needs_level and p.kind in levels
        )
        if places:
            mentions.append(Mention(span, places, role, label, levels))
    return mentions


def _name_spans(sentence: Span, cues: Cues) -> list[tuple[Span, str]]:
    """Named entities, then runs of proper nouns that no entity covers."""
    spans = [(e, e.label_) for e in sentence.ents if e.label_ not in cues.skip_labels]
    covered = {t.i for e, _ in spans for t in e}
    covered |= {t.i for e in sentence.ents for t in e}
    start = None
    for token in sentence:
        inside = token.pos_ == "PROPN" and token.i not in covered
        if inside and start is None:
            start = token.i
        if not inside and start is not None:
            spans.append((sentence.doc[start : token.i], "PROPN"))
            start = None
    if start is not None:
        spans.append((sentence.doc[start : sentence.end], "PROPN"))
    return spans


def _trim(span: Span, cues: Cues) -> tuple[Span | None, frozenset[str]]:
    """Drop a leading determiner and trailing level words ("the Mopti region")."""
    doc, start, end = span.doc, span.start, span.end
    levels: frozenset[str] = frozenset()
    while start < end and doc[start].pos_ == "DET":
        start += 1
    while end > start and (cues.levels(doc[end - 1]) or doc[end - 1].tag_ == "POS"):
        levels |= cues.levels(doc[end - 1])
        end -= 1
    return (doc[start:end] if end > start else None), levels


def _level_words_around(span: Span, cues: Cues) -> frozenset[str]:
    """Level of a word right after ("Soum province") or governing ("region of Mopti")."""
    doc = span.doc
    levels: frozenset[str] = frozenset()
    if span.end < len(doc):
        levels |= cues.levels(doc[span.end])
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        levels |= cues.levels(root.head.head)
    return levels


def _is_feature(span: Span, cues: Cues) -> bool:
    """'the Niger River', 'the river Niger': a natural feature, not the state."""
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    return before in cues.feature_words or after in cues.feature_words


def _role(span: Span, cues: Cues) -> str:
    """How a place name attaches to the sentence (see the module docstring)."""
    token = span.root
    for _ in range(12):
        dep, head = token.dep_, token.head
        if head.i in range(span.start, span.end) and head is not token:
            token = head
            continue
        if dep == "compound" and cues.levels(head):
            token = head
            continue
        if dep in ("compound", "poss", "amod"):
            return "modifier"
        if dep in CHAIN_DEPS and head is not token:
            token = head
            continue
        if dep == "pobj":
            return _prepositional_role(head, cues)
        if dep in ("dobj", "obj", "nsubjpass", "attr", "oprd"):
            return "object"
        if dep in ("nsubj", "csubj"):
            return "locative" if cues.levels(token) and token is not span.root else "subject"
        if cues.levels(token) and token is not span.root:
            return "locative"  # the place noun itself sits elsewhere ("Boni village was...")
        return "other"
    return "other"


def _prepositional_role(prep: Token, cues: Cues) -> str:
    word = prep.lower_
    if word in cues.locative:
        return "locative"
    if word in ("of", "from", "to") and cues.levels(prep.head):
        return "locative"
    if word == "to" and prep.head.lower_ in ("close", "next", "near"):
        return "locative"
    if word == "by":
        return "agent"
    if word == "from":
        return "origin"
    return "other"


def _apply_parentheses(doc: Doc, mentions: list[Mention]) -> None:
    """'Boni (Douentza, Mopti)': the parenthesis names the admin units of the place before it."""
    for mention in mentions:
        match = _PARENTHESIS.match(doc.text, mention.span.end_char)
        if not match:
            continue
        mention.admin_keys = frozenset(name_key(part) for part in match.group(1).split(","))
        for other in mentions:
            if match.start(1) <= other.span.start_char < match.end(1):
                other.role = "context"


def _link_rank(trigger: Token, mention: Mention) -> tuple[int, int, int]:
    """Same clause as the trigger first, then nearest in the parse, then in the text."""
    root = mention.span.root
    tier = 0 if _in_clause_of(trigger, root) else 1
    return tier, _tree_distance(trigger, root), abs(root.i - trigger.i)


def _in_clause_of(trigger: Token, token: Token) -> bool:
    """Whether ``token`` hangs under ``trigger`` without crossing into another clause."""
    while token is not trigger:
        if token.dep_ in CLAUSE_DEPS and token.pos_ in ("VERB", "AUX"):
            return False
        if token.head is token:
            return False
        token = token.head
    return True


def _tree_distance(a: Token, b: Token) -> int:
    up_a = {t.i: n for n, t in enumerate([a, *a.ancestors])}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in up_a:
            return n + up_a[t.i]
    return len(up_a) + n + 1


def _location(mention: Mention, place: Place) -> Location:
    span = mention.span
    return Location(
        text=span.text,
        name=place.name,
        country_code=place.country_code,
        lat=place.lat,
        lon=place.lon,
        admin1=place.admin1,
        admin2=place.admin2,
        geonameid=place.geonameid,
        precision=place.kind,  # type: ignore[arg-type]
        start=span.start_char,
        end=span.end_char,
    )
