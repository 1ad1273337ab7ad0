"""Place an event: the place phrase of its trigger, else its sentence's, else the document's.

Per document, every place name is found once (named entities, plus proper-noun runs in a
locative slot such as "the village of Boni"), looked up in the gazetteer, and given a role from
the dependency parse: *locative* ("in/near/outside X", "the village of X", "X region"),
*object* ("captured Gao"), *nominal* ("in the Manbij campaign"), *reference* ("30 km north of
Djibo", taken last), or one that never places an event: *subject* ("Paris said"), *modifier*
("Mali troops", "Mali's army"), *origin* ("a driver from Abidjan"), *agent* ("by Moscow"),
*context* (the admin names in an "X (admin2, admin1)" note), *dateline* ("MEXICO CITY --": only
the fallback of sentences after the lead).

An event takes the linkable place nearest to its trigger in the parse, preferring those inside
the trigger's own clause; else the document's dominant place. Same-named places are told apart
by a level word ("Mopti region"), the "(admin2, admin1)" parenthesis, the document's country
focus (countries and large places named, actors' countries) and population. A village the
gazetteer lacks ("the village of X", "X (admin2, admin1)") keeps its name and takes the
position of its admin unit, its stand-in ("X (coded as Y)", "X (near Y)"), a nearby known
place, or the focus country, at admin2 precision or coarser; so does a known name whose
"(admin2, admin1)" puts it in other units than the gazetteer's entry (a namesake).
"""

from __future__ import annotations

import calendar
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

import pycountry
from spacy.tokens import Doc, Span, Token

from eventlens.data_files import load_yaml
from eventlens.record import Location
from eventlens.resolve.context import DocumentContext, doc_text
from eventlens.resolve.gazetteer import Gazetteer, Place, default_gazetteer, name_key

LINKABLE = ("locative", "object", "nominal", "reference")
UNKNOWN_LEVELS = frozenset({"place", "admin2"})  # "the village of X": a place, even if unknown
PLACE_LABELS = ("GPE", "LOC", "FAC")
CLAUSE_DEPS = ("ccomp", "advcl", "relcl", "parataxis", "csubj", "conj")
FOREIGN_CLAUSE_DEPS = ("relcl", "ccomp", "csubj")
CHAIN_DEPS = ("flat", "appos", "conj", "nmod", "nummod")
KIND_PRIOR = {"country": 2.5, "place": 0.0, "admin2": -0.5, "admin1": -1.0}
KIND_ORDER = {"place": 0, "admin2": 1, "admin1": 2, "country": 3}
PRIMARY_NAME_BONUS = 2.0
# In a document about some countries, a small place elsewhere is more likely a namesake of an
# unknown local village than the place meant ("the village of Lossa" in a Burkina report).
FOREIGN_MIN_POPULATION = 100_000
SEPARATORS = frozenset("(),;/")
DATELINE_MARKS = frozenset({"--", "-", "—", "–", "(", ":"})
_PARENTHESIS = re.compile(r"\s*\(([^()]{2,80})\)")
# Where a stand-in name ends: "coded as Y at geoprecision 2", "coded as Y 7km north".
_STAND_IN_END = re.compile(r"[,;]|\s(?:at|approximate|geo\w*)\b|\s\d")
_CALENDAR_WORDS = frozenset(
    w.lower()
    for w in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name, *calendar.day_abbr)
    if w
)
_NAME_START = re.compile(r"[A-Z]|[a-z]{1,3}-[A-Z]")  # "Gao", "al-Tijara"


@dataclass(frozen=True)
class Cues:
    """The word lists of ``data/places/cues.yaml``."""

    locative: frozenset[str]
    level_of: dict[str, frozenset[str]]
    of_heads: frozenset[str]
    reference_heads: frozenset[str]
    feature_words: frozenset[str]
    object_verbs: frozenset[str]
    named_of_heads: frozenset[str]
    skip_labels: frozenset[str]
    stand_in_phrases: tuple[str, ...]
    route_heads: frozenset[str]

    def levels(self, word: Token) -> frozenset[str]:
        """The gazetteer kinds a level word asks for ("region" -> admin1)."""
        return self.level_of.get(word.lower_, frozenset()) | self.level_of.get(
            word.lemma_.lower(), frozenset()
        )

    def is_place_noun(self, word: Token) -> bool:
        """A level word or another noun after which "of X" is a location."""
        return bool(self.levels(word)) or word.lower_ in self.of_heads | self.reference_heads


def _words(raw: dict, key: str) -> frozenset[str]:
    """A word list of cues.yaml; an unquoted ``on``/``off`` (read as a boolean) is an error."""
    words = raw.get(key)
    if not isinstance(words, list):
        raise ValueError(f"places/cues.yaml: {key!r} must be a list of words")
    for word in words:
        if not isinstance(word, str):
            raise ValueError(f"places/cues.yaml: {key}: {word!r} is not a word (quote it)")
    return frozenset(words)


@cache
def load_cues() -> Cues:
    raw = load_yaml("places", "cues.yaml")
    level_of: dict[str, set[str]] = {}
    for kind in raw["place_nouns"]:
        if kind not in KIND_PRIOR:
            raise ValueError(f"places/cues.yaml: place_nouns: unknown level {kind!r}")
        for word in _words(raw["place_nouns"], kind):
            level_of.setdefault(word.lower(), set()).add(kind)
    return Cues(
        locative=_words(raw, "locative_prepositions"),
        level_of={w: frozenset(k) for w, k in level_of.items()},
        of_heads=_words(raw, "of_heads"),
        reference_heads=_words(raw, "reference_heads"),
        feature_words=_words(raw, "feature_words"),
        object_verbs=_words(raw, "place_object_verbs"),
        named_of_heads=_words(raw, "named_of_heads"),
        skip_labels=_words(raw, "skip_labels"),
        route_heads=_words(raw, "route_heads"),
        # longest first: "coded at approximate location as" before "coded as"
        stand_in_phrases=tuple(sorted(_words(raw, "stand_in_phrases"), key=len, reverse=True)),
    )


@dataclass
class Mention:
    """One place name in the document, with its gazetteer candidates and its role."""

    span: Span
    places: tuple[Place, ...]  # empty: a village the gazetteer does not know
    role: str
    label: str
    anchor: int  # index of the token the phrase attaches through
    levels: frozenset[str] = frozenset()
    admin_keys: frozenset[str] = frozenset()
    admin_names: tuple[str, ...] = ()
    stand_in: bool = False  # "X (coded as Y)": admin_names holds Y, a place near X
    feature: bool = False  # "Hongze Lake": ranks after a settlement named with it

    def choose(self, focus: Counter[str]) -> Place | None:
        """The candidate that best fits the hints, the document focus and population."""
        total = sum(focus.values()) or 1
        places = [p for p in self.places if _plausible(p, focus)]
        return max(places, key=lambda p: self._score(p, focus, total), default=None)

    def _score(self, place: Place, focus: Counter[str], total: int) -> float:
        score = KIND_PRIOR[place.kind] + math.log10(place.population + 10) / 2
        if name_key(place.name) == name_key(self.span.text):
            score += PRIMARY_NAME_BONUS  # Bethlehem (PS) over Belém, alias "Bethlehem"
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

    def dominant(self, focus: Counter[str], outside: Span | None = None) -> Mention | None:
        """The place the document names most often as a locative or object, first on ties;
        with ``outside``, not counting the places of that sentence."""
        chosen = [
            (m, place)
            for m in self.mentions
            if m.role in LINKABLE
            and not (outside and outside.start <= m.span.start < outside.end)
            and (place := m.choose(focus))
        ]
        if not chosen:
            return None
        counts = Counter(_id(place) for _, place in chosen)
        return max(chosen, key=lambda pair: counts[_id(pair[1])])[0]

    def dateline(self, sentence: Span) -> Mention | None:
        """The place the story was filed from, for the events of sentences after its lead (the
        dateline's sentence, or the next one when the parser splits the dateline off)."""
        return next(
            (
                m
                for m in self.mentions
                if m.role == "dateline"
                and not m.span.sent.start <= sentence.start <= m.span.sent.end
            ),
            None,
        )


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
        in_sentence = places.in_sentence(sentence)
        candidates = [m for m in in_sentence if not _in_other_clause(trigger, m)]
        if candidates:
            mention = min(candidates, key=lambda m: _link_rank(trigger, m, focus))
        else:  # the sentence's places, if any, belong to other clauses: the nearest, else
            # the document's (then the sentence's own places do not count), else its dateline
            mention = _sentence_fallback(trigger, in_sentence, focus)
            mention = mention or places.dominant(focus, outside=sentence if in_sentence else None)
            mention = mention or places.dateline(sentence)
        if mention is None:
            return None
        place = mention.choose(focus)
        if place is not None and not self._elsewhere(mention, place):
            return _location(mention, place)
        return _location(mention, self._container(mention, candidates, places, focus), True)

    def _elsewhere(self, mention: Mention, place: Place) -> bool:
        """Whether the "(admin2, admin1)" note puts the name in other units than the chosen
        entry's: "Bamba (Kadiolo, Sikasso)" is not the gazetteer's Bamba of Gao region, and
        "Bonn (Tillabéri, Tillabéri)" not the German city, but namesakes it lacks, placed by
        their units."""
        if mention.stand_in or not mention.admin_names:
            return False
        units = [
            unit
            for name in mention.admin_names
            for unit in self.gazetteer.lookup(name)
            if unit.kind in ("admin1", "admin2")
        ]
        own = {name_key(u.name) for u in units if u.country_code == place.country_code}
        if units and not own:
            return True  # the units are another country's
        admins = {name_key(place.admin1 or ""), name_key(place.admin2 or "")}
        return bool(own) and place.admin1 is not None and not own & admins

    def _container(
        self, mention: Mention, sentence: list[Mention], places: DocumentPlaces, focus: Counter
    ) -> Place | None:
        """Where an unknown village lies: its "(admin2, admin1)", a known place of its
        sentence nearest in the parse, the document's dominant place, or its focus country."""
        for name in mention.admin_names:
            found = Mention(mention.span, tuple(self.gazetteer.lookup(name)), "context", "", 0)
            place = found.choose(focus)
            if place:
                return place
        doc = mention.span.doc
        known = [m for m in sentence if m.choose(focus)]
        if known:
            near = min(known, key=lambda m: _tree_distance(doc[mention.anchor], doc[m.anchor]))
            return near.choose(focus)
        dominant = places.dominant(focus)
        if dominant:
            return dominant.choose(focus)
        country = focus.most_common(1)[0][0] if focus else None
        return next((p for p in self.gazetteer.lookup_country(country)), None) if country else None

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
    _apply_parentheses(doc, found.mentions, cues)
    for mention in found.mentions:
        if mention.role == "origin":
            continue  # "gunmen who came from Niger" do not make a Burkina report about Niger
        countries = {p.country_code for p in mention.places}
        if len(countries) == 1 and None not in countries and all(map(_votes, mention.places)):
            kinds = {p.kind for p in mention.places}
            found.votes[countries.pop()] += 2 if "country" in kinds else 1
    return found


def _votes(place: Place) -> bool:
    """Whether naming this place tells what country a document is about: a country, an
    admin unit or a large city do; a small place may be the namesake of an unknown village."""
    return place.kind != "place" or place.population >= FOREIGN_MIN_POPULATION


def _sentence_mentions(sentence: Span, gazetteer: Gazetteer, cues: Cues) -> list[Mention]:
    mentions = []
    for span, label in _name_spans(sentence, cues, gazetteer):
        span, levels = _trim(span, cues)
        if span is None or not _NAME_START.match(span.text):
            continue
        feature = _is_feature(span, cues)
        if feature and not (label in ("LOC", "FAC") and _names_feature(span, cues)):
            continue  # "the Niger River" is not the state; "Hongze Lake" is a place itself
        role, anchor = _role(span, cues)
        dateline = _is_dateline(span)
        role = "dateline" if dateline else role
        levels |= _level_words_around(span, cues)
        if (
            not dateline
            and label not in PLACE_LABELS
            and (
                span.root.tag_ == "JJ"  # "Syrian cities", "the Iraqi city of": a people's adjective
                or not _takes_place(label, role, anchor, levels, cues, span)
            )
        ):
            continue
        known = [] if feature else gazetteer.lookup(span.text)
        places = _candidates(span, known, role, levels)
        unknown = not known and role in LINKABLE and not span.text.isupper()  # "MFO base"
        if places or (unknown and _names_unknown_place(span, label, levels, cues)):
            mentions.append(Mention(span, places, role, label, anchor.i, levels, feature=feature))
    return mentions


def _is_dateline(span: Span) -> bool:
    """'MEXICO CITY --', 'BAGHDAD (AP) -', 'BANTUL, Indonesia:': an all-caps place name
    (with its country) before a dash, bracket or colon says where the story was filed, not
    where its events happened."""
    doc = span.doc
    if not (span.text.isupper() and sum(c.isalpha() for c in span.text) >= 3):
        return False
    for token in doc[span.end : span.end + 4]:
        if token.text in DATELINE_MARKS:
            return True
        if token.text != "," and token.pos_ != "PROPN" and not token.is_upper:
            return False  # "MEXICO CITY --": CITY is not always tagged a name
    return False


def _names_unknown_place(span: Span, label: str, levels: frozenset[str], cues: Cues) -> bool:
    """Whether a name the gazetteer lacks still names a place: the tagger says so ("Bardo
    Museum", "Ain Issa"), a level or area word says so ("the village of X", "the X
    neighbourhood"), or an "X (admin2, admin1)" note follows."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if span.start > 0 and doc[span.start - 1].pos_ == "PROPN":
        return False  # a fragment of a longer name ("Faso" of "Burkina Faso")
    return bool(
        label in PLACE_LABELS
        or levels & UNKNOWN_LEVELS
        or (after is not None and after.lower_ in cues.of_heads)
        or _PARENTHESIS.match(doc_text(doc), span.end_char)
    )


def _candidates(
    span: Span, known: list[Place], role: str, levels: frozenset[str]
) -> tuple[Place, ...]:
    """Gazetteer entries a name may stand for in its slot."""
    places = [p for p in known if not p.needs_level or p.kind in levels]
    if role == "nominal" and any(p.kind == "country" for p in places):
        return ()  # "near a US convoy", "Iraq's oil terminal": not in the US, not a namesake
    if span.text.isupper() and len(span.text) <= 4:  # an acronym is no village ("UN", "IRA")
        places = [p for p in places if p.kind == "country"]
    return tuple(places)


def _name_spans(sentence: Span, cues: Cues, gazetteer: Gazetteer) -> list[tuple[Span, str]]:
    """Named entities (split at brackets and commas), then uncovered runs of proper nouns."""
    entities = [_with_name_prefix(e) for e in sentence.ents]
    spans = [
        (part, e.label_)
        for e in entities
        if e.label_ not in cues.skip_labels
        for part in _split_at_separators(e)
    ]
    covered = {t.i for e in entities if not _misread_name(e, cues) for t in e}
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
    return [_with_of_name(span, label, cues) for span, label in _mend_hyphens(spans, gazetteer)]


def _mend_hyphens(spans: list[tuple[Span, str]], gazetteer: Gazetteer) -> list[tuple[Span, str]]:
    """Names the tokenizer split at hyphens, joined again (once each)."""
    joined: dict[tuple[int, int], tuple[Span, str]] = {}
    for span, label in spans:
        whole = _with_hyphen_parts(span)
        if whole != span and _joins_places(whole, gazetteer):
            whole = span  # "the Boni-Hombori road": two places, not one
        joined.setdefault((whole.start, whole.end), (whole, label))
    return list(joined.values())


def _with_name_prefix(entity: Span) -> Span:
    """'Burkina' + entity 'Faso' -> 'Burkina Faso': proper nouns right before an entity that
    compound into it are part of its name."""
    doc, start = entity.doc, entity.start
    while (
        start > entity.sent.start
        and doc[start - 1].pos_ == "PROPN"
        and doc[start - 1].dep_ == "compound"
        and entity.start <= doc[start - 1].head.i < entity.end
        and not doc[start - 1].ent_type_
    ):
        start -= 1
    return entity if start == entity.start else Span(doc, start, entity.end, entity.label_)


def _misread_name(entity: Span, cues: Cues) -> bool:
    """A skipped label on proper nouns that are no calendar words: a village the tagger took
    for a date or number ("in Sollé" as DATE) is read as a run of proper nouns."""
    return entity.label_ in cues.skip_labels and all(
        t.pos_ == "PROPN" and t.lower_ not in _CALENDAR_WORDS for t in entity
    )


def _joins_places(span: Span, gazetteer: Gazetteer) -> bool:
    """Whether a hyphenated name the gazetteer lacks joins names of places ("Dori-Djibo")
    rather than being one name ("Tin-Hama", whose "Hama" is a namesake in Syria)."""
    if gazetteer.lookup(span.text):
        return False
    parts = [t.text for t in span if t.text != "-" and len(t.text) > 2]
    return all(
        any(name_key(p.name) == name_key(part) for p in gazetteer.lookup(part)) for part in parts
    )


def _with_hyphen_parts(span: Span) -> Span:
    """'Tin' + '-' + 'Hama' -> 'Tin-Hama': a name the tokenizer split at its hyphens is
    looked up whole, not as a fragment that may be a namesake elsewhere."""
    doc, start, end = span.doc, span.start, span.end
    sentence = span.sent
    while start - 2 >= sentence.start and _glued_hyphen(doc[start - 2], doc[start - 1]):
        start -= 2
    while end + 1 < sentence.end and _glued_hyphen(doc[end - 1], doc[end]):
        end += 2
    return doc[start:end]


def _glued_hyphen(before: Token, hyphen: Token) -> bool:
    """A hyphen written between two words without spaces ("Gorom-Gorom", "Ti-n-Essako")."""
    following = hyphen.nbor(1) if hyphen.i + 1 < len(hyphen.doc) else None
    return (
        hyphen.text == "-"
        and not before.whitespace_
        and not hyphen.whitespace_
        and before.text.isalpha()
        and following is not None
        and following.text.isalpha()
    )


def _with_of_name(span: Span, label: str, cues: Cues) -> tuple[Span, str]:
    """'Gulf' + 'of Aden' -> 'Gulf of Aden', a place (LOC) named as a whole."""
    doc, end = span.doc, span.end
    if span[-1].lower_ not in cues.named_of_heads or end + 1 >= len(doc):
        return span, label
    if doc[end].lower_ != "of" or doc[end + 1].pos_ != "PROPN":
        return span, label
    end += 1
    while end < len(doc) and doc[end].pos_ == "PROPN":
        end += 1
    return doc[span.start : end], "LOC"


def _split_at_separators(span: Span) -> list[Span]:
    """'Boni (Douentza, Mopti' -> Boni, Douentza, Mopti: the tagger runs names together."""
    parts, start = [], span.start
    for token in span:
        if token.text in SEPARATORS:
            parts.append(span.doc[start : token.i])
            start = token.i + 1
    parts.append(span.doc[start : span.end])
    return [part for part in parts if len(part)]


def _trim(span: Span, cues: Cues) -> tuple[Span | None, frozenset[str]]:
    """Drop a leading determiner and trailing place nouns ("the Mopti region")."""
    doc, start, end = span.doc, span.start, span.end
    levels: frozenset[str] = frozenset()
    while start < end and doc[start].pos_ == "DET":
        start += 1
    while end > start and (cues.is_place_noun(doc[end - 1]) or doc[end - 1].tag_ == "POS"):
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


def _names_feature(span: Span, cues: Cues) -> bool:
    """Whether the name includes its feature word ("Baliem Valley"), so names the feature."""
    return any(token.lower_ in cues.feature_words for token in span)


def _is_feature(span: Span, cues: Cues) -> bool:
    """'the Niger River', 'the river Niger': a natural feature, not the state."""
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    inside = any(token.lower_ in cues.feature_words for token in span)
    return inside or before in cues.feature_words or after in cues.feature_words


def _role(span: Span, cues: Cues) -> tuple[str, Token]:
    """How a place name attaches to the sentence, and the word it attaches through.

    The phrase is climbed through its own words, compounds, appositions, conjuncts and
    "<place noun> of X" ("the village of Boni", "Iraq's city of Mosul") to the word that
    links it to the clause; that word's slot decides the role.
    """
    token, modifier, of_place, reference, part_of = span.root, False, False, False, False
    for _ in range(12):
        dep, head = token.dep_, token.head
        inside = head.i in range(span.start, span.end)
        if (inside or dep in CHAIN_DEPS) and head.i != token.i:
            token = head
        elif dep in ("compound", "poss", "amod"):
            # "Mopti region", "Grozny's streets" are places; "Mali troops", "Mali's army" only
            # name where something is when the noun they modify is a location.
            modifier = modifier or not cues.is_place_noun(head)
            modifier = modifier or (dep == "poss" and _names_own_place(head))
            token = head
        elif dep == "pobj" and _names_part_or_distance(head, cues):
            token, of_place = head.head, True
            reference = reference or token.lower_ in cues.reference_heads
        elif dep == "pobj" and head.lower_ in ("of", "to") and head.head.pos_ == "NOUN":
            if part_of:
                break  # "the anniversary of the seizure of X" is not in X
            token, part_of = head.head, True  # "the terminals of X airport", "the shelling of X"
            # "on the road to X", "the axis from X to Y": somewhere on the way, not at X
            reference = reference or (head.lower_ == "to" and token.lower_ in cues.route_heads)
        else:
            break
    role = _slot_role(token, span, cues)
    if of_place and role not in LINKABLE:
        role = "locative"  # "the outskirts of Gao" in any slot
    if reference:
        role = "reference"
    if modifier:
        role = "nominal" if role == "locative" else "modifier"
    return role, token


def _names_part_or_distance(prep: Token, cues: Cues) -> bool:
    """Whether "of"/"from" puts a phrase at or near X: "the outskirts of X", "the village of
    X", "30 km from X"; but "crossed the border from X" comes from X."""
    if prep.lower_ == "of":
        return cues.is_place_noun(prep.head)
    return prep.lower_ == "from" and prep.head.lower_ in cues.reference_heads


def _names_own_place(noun: Token) -> bool:
    """Whether a place noun names its own place with "of X": in "Baghdad's district of X" the
    district is X, and Baghdad only the wider area; not in "Y's area of X district", where X
    is the wider unit."""
    return any(
        child.lower_ == "of"
        and any(grand.dep_ == "pobj" and grand.pos_ == "PROPN" for grand in child.children)
        for child in noun.children
    )


def _slot_role(token: Token, span: Span, cues: Cues) -> str:
    """The role given by the slot of the word a place phrase ends in."""
    dep, head = token.dep_, token.head
    if dep == "pobj":
        return _prepositional_role(head, cues)
    if dep in ("dobj", "obj", "nsubjpass", "attr", "oprd"):
        return "object" if _place_object(token, cues) else "recipient"
    if token.i != span.root.i and cues.is_place_noun(token):
        return "locative"  # "Boni village was attacked", "the Gao region is..."
    if dep in ("nsubj", "csubj"):
        return "subject"
    return "other"


def _place_object(token: Token, cues: Cues) -> bool:
    """Whether the object of a verb is where its event happened: a place noun ("patrolled the
    streets of X") or the object of a place verb ("captured Knin", "Gao was attacked"); the
    object of another verb is a participant ("asked France to...", "met Mali")."""
    return cues.is_place_noun(token) or token.head.lemma_.lower() in cues.object_verbs


def _takes_place(
    label: str, role: str, anchor: Token, levels: frozenset[str], cues: Cues, span: Span
) -> bool:
    """Whether a name the tagger did not call a place sits where a place goes."""
    if label == "NORP" and not levels and not _locative_object(role, anchor, span):
        return False  # "Malian", "French": a people, unless "Soum province" or "in X"
    if role in ("locative", "reference", "nominal"):
        return True
    if role != "object":
        return False
    if cues.is_place_noun(anchor):
        return True  # "Grozny's streets were patrolled"
    return anchor.dep_ == "dobj" and anchor.head.lemma_.lower() in cues.object_verbs


def _locative_object(role: str, anchor: Token, span: Span) -> bool:
    """Whether the name itself is the object of a locative preposition ("in Bobo-Dioulasso",
    which the tagger may call a people): a people's name modifies a noun ("in Malian
    territory") rather than standing alone there."""
    return role == "locative" and anchor.dep_ == "pobj" and span.start <= anchor.i < span.end


def _prepositional_role(prep: Token, cues: Cues) -> str:
    word = prep.lower_
    if word in cues.locative:
        return "locative"
    if word == "to" and prep.head.lower_ in ("close", "next", "near"):
        return "locative"
    if word == "by":
        return "agent"
    if word == "from" and prep.i > 0 and prep.nbor(-1).lower_ in cues.reference_heads:
        return "reference"  # "30 km from Djibo", the distance parsed as the verb's modifier
    if word == "from":
        return "origin"
    return "other"


def _apply_parentheses(doc: Doc, mentions: list[Mention], cues: Cues) -> None:
    """'Boni (Douentza, Mopti)': the parenthesis names the admin units of the place before it;
    'X (coded as Y at geoprecision 2)', 'X (near Y)': a known place standing in for X."""
    for mention in mentions:
        match = _PARENTHESIS.match(doc_text(doc), mention.span.end_char)
        if not match:
            continue
        mention.admin_names, mention.stand_in = _parenthesis_names(match.group(1), cues)
        mention.admin_keys = frozenset(name_key(part) for part in mention.admin_names)
        for other in mentions:
            if match.start(1) <= other.span.start_char < match.end(1):
                other.role = "context"
    _share_stand_ins(mentions)


def _share_stand_ins(mentions: list[Mention]) -> None:
    """'between A and B (coded as Y)': the stand-in after the last conjunct is the spot of
    the whole pair, so an A the gazetteer lacks is placed at Y too."""
    by_root = {m.span.root.i: m for m in mentions}
    for mention in mentions:
        head = by_root.get(mention.span.root.head.i)
        if mention.stand_in and mention.span.root.dep_ == "conj" and head and not head.admin_names:
            head.admin_names, head.stand_in = mention.admin_names, True


def _parenthesis_names(inside: str, cues: Cues) -> tuple[tuple[str, ...], bool]:
    """The names in a note's parenthesis and whether they name a stand-in: "Douentza, Mopti"
    and "Douentza cercle, Mopti region" -> (Douentza, Mopti); "coded as Y at geoprecision 2",
    "near Y" -> (Y,), a stand-in."""
    lowered = inside.lower()
    for phrase in cues.stand_in_phrases:
        if lowered.startswith(phrase + " "):
            rest = inside[len(phrase) + 1 :]
            return (_STAND_IN_END.split(rest, maxsplit=1)[0].strip(),), True
    return tuple(_without_level_words(part, cues) for part in inside.split(",")), False


def _without_level_words(name: str, cues: Cues) -> str:
    """'Mopti region' -> 'Mopti', 'the cercle of Douentza' -> 'Douentza'."""
    words = name.split()
    while words and (words[0].lower() in cues.level_of or words[0].lower() in ("the", "of")):
        words.pop(0)
    while words and words[-1].lower() in cues.level_of:
        words.pop()
    return " ".join(words) or name.strip()


def _link_rank(
    trigger: Token, mention: Mention, focus: Counter[str]
) -> tuple[int, int, int, int, int]:
    """Same clause as the trigger first, reference points last; then a place phrase before a
    place that only modifies a noun ("Mecca's Al-Nur hospital"), nearest in the parse, finest,
    nearest in the text. Fineness is that of the place the name stands for: in "Bamako, Mali's
    capital" Mali is the country, coarser than Bamako."""
    anchor = trigger.doc[mention.anchor]
    tier = 0 if _in_clause_of(trigger, anchor) else 1
    tier += 2 if mention.role == "reference" else 0
    modifier = int(mention.role == "nominal" or mention.feature)
    chosen = mention.choose(focus)
    finest = KIND_ORDER[chosen.kind] if chosen else 0
    distance = _tree_distance(trigger, anchor)
    return tier, modifier, distance, finest, abs(mention.span.start - trigger.i)


def _sentence_fallback(
    trigger: Token, in_sentence: list[Mention], focus: Counter[str]
) -> Mention | None:
    """The sentence's place nearest the trigger when the trigger governs none: in "residents
    said gunmen attacked the convoy, and two soldiers died in X" the attack is at X. Never a
    place of a relative or reported clause under the trigger (a participant's place), nor of
    an adverbial clause ("troops stormed the camp while rebels fought in X")."""
    usable = [
        m
        for m in in_sentence
        if not _in_foreign_clause(trigger, m) and not _in_adverbial_clause(trigger, m)
    ]
    return min(usable, key=lambda m: _link_rank(trigger, m, focus), default=None)


def _in_adverbial_clause(trigger: Token, mention: Mention) -> bool:
    """Whether a place hangs in an adverbial clause below the nearest verb that governs both
    it and the trigger."""
    token = trigger.doc[mention.anchor]
    governors = {trigger.i, *(t.i for t in trigger.ancestors)}
    while token.i not in governors and token.head.i != token.i:
        if token.dep_ == "advcl" and token.pos_ in ("VERB", "AUX"):
            return True
        token = token.head
    return False


def _in_clause_of(trigger: Token, token: Token) -> bool:
    """Whether ``token`` hangs under ``trigger`` without crossing into another clause."""
    return _clause_crossed(trigger, token) == ""


def _in_foreign_clause(trigger: Token, mention: Mention) -> bool:
    """Whether a place hangs under the trigger only through a relative or reported clause
    ("shot by gunmen who had trained in X", "said that X was calm"): it describes a noun or
    another event, not where the trigger's event happened."""
    return _clause_crossed(trigger, trigger.doc[mention.anchor]) in FOREIGN_CLAUSE_DEPS


def _in_other_clause(trigger: Token, mention: Mention) -> bool:
    """Whether a place belongs to another event: it hangs on a verb that does not govern the
    trigger ("was captured and X was killed in Y", "police patrolled as rebels fought in Y"),
    or under the trigger only through a relative or reported clause."""
    token = trigger.doc[mention.anchor]
    if trigger in token.ancestors:
        return _in_foreign_clause(trigger, mention)
    governors = {trigger.i, *(t.i for t in trigger.ancestors)}
    while token.i not in governors:
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return True
        token = token.head
    return False


def _clause_crossed(trigger: Token, token: Token) -> str | None:
    """The dependency of the first clause crossed from ``token`` up to ``trigger``: "" when
    none is, None when ``token`` does not hang under ``trigger``."""
    crossed = ""
    while token.i != trigger.i:
        if not crossed and token.dep_ in CLAUSE_DEPS and token.pos_ in ("VERB", "AUX"):
            crossed = token.dep_
        if token.head.i == token.i:
            return None
        token = token.head
    return crossed


def _tree_distance(a: Token, b: Token) -> int:
    up_a = {t.i: n for n, t in enumerate([a, *a.ancestors])}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in up_a:
            return n + up_a[t.i]
    return len(up_a) + n + 1


def _plausible(place: Place, focus: Counter[str]) -> bool:
    """A place in a focus country, a country, or a large place; anything without a focus."""
    return (
        not focus
        or place.country_code in focus
        or place.kind == "country"
        or place.population >= FOREIGN_MIN_POPULATION
    )


def _id(place: Place | None) -> int:
    return place.id if place else -1


def _location(mention: Mention, place: Place | None, unknown: bool = False) -> Location:
    """The record of a place; an unknown village gets its container's position and a
    precision no finer than admin2."""
    span = mention.span
    if place is None:
        return Location(text=span.text, name=span.text, start=span.start_char, end=span.end_char)
    precision = place.kind
    if unknown:
        precision = max(place.kind, "admin2", key=KIND_ORDER.__getitem__)
    return Location(
        text=span.text,
        name=span.text if unknown else place.name,
        country_code=place.country_code,
        lat=place.lat,
        lon=place.lon,
        admin1=place.admin1,
        admin2=place.admin2 if not unknown or precision == "admin2" else None,
        geonameid=None if unknown else place.geonameid,
        precision=precision,  # type: ignore[arg-type]
        start=span.start_char,
        end=span.end_char,
    )
