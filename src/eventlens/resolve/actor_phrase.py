"""Read one actor phrase against the knowledge base, without looking at the rest of the text.

A :class:`Phrase` is the words of a noun phrase (from a spaCy span or a plain string) with
its head, proper nouns and possessive. :func:`read` finds the knowledge-base names in it
(longest alias first, ranked by the event date and the document's main country), the sector
word nearest its head, and any unknown proper name; :class:`Reading` says what it found.
Coreference (actors.py) builds on a Reading.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span, Token

from eventlens.coding.spelling import known_words, one_edit, stems
from eventlens.resolve.actor_kb import (
    Alias,
    Entry,
    Facts,
    KnowledgeBase,
    fold,
    singular_forms,
    words,
)

DEFINITE = frozenset({"the", "this", "that", "these", "those"})
PREPOSITIONS = frozenset(
    {
        *("to", "in", "from", "with", "for", "on", "at", "against", "near", "by", "into"),
        *("over", "under", "after", "before", "during", "between", "among", "toward"),
        *("towards", "across", "within", "without", "about", "through"),
    }
)
CALENDAR = frozenset(
    {
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december", "monday", "tuesday", "wednesday"),
        *("thursday", "friday", "saturday", "sunday"),
    }
)
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "into", "outside", "around"})
CONNECTORS = frozenset({"of", "de", "du", "des", "al", "el", "for", "the", "and", "la", "le"})
FOREIGN = frozenset({"foreign", "international", "western", "multinational", "european"})
OFFICES = frozenset({"GOV", "LEG"})  # sectors of an office one can leave
UNIFORMED = frozenset({"MIL", "COP"})
NONSTATE = frozenset({"REB", "UAF", "CRM"})
CIVIL_BODIES = frozenset({"PTY", "OPP", "LAB", "EDU"})
GENERIC_FORCE_SECTORS = frozenset({"MIL", "REB"})  # "forces", "troops", "fighters"
FORMER = frozenset({"former", "ex", "ex-"})
AGAINST_OR_FOR = frozenset({"anti", "pro"})  # "anti-Syria journalist": not Syrian
KIND_RANK = {"person": 0, "armed_group": 1, "force": 1, "company": 1, "agency": 1}
HOW_RANK = {"name": 0, "alias": 0, "possessive": 0, "capital": 1, "demonym": 2}
ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")
MODIFIER = frozenset({"amod", "compound", "nmod"})
MIN_TYPO_LENGTH = 5  # shorter words are too often one slip from some sector word


@dataclass
class Phrase:
    """The words of an actor phrase and what the parse says about them."""

    text: str
    start: int  # character offset of ``text`` in the document
    folded: list[str]
    raw: list[str]
    offsets: list[tuple[int, int]]  # of each word in ``text``
    head: int  # index of the head word
    proper: list[bool]
    before: str = ""  # folded word just before the phrase in its sentence
    after: str = ""
    plural: bool = False
    person_entity: bool = False  # the parser calls the phrase a PERSON
    predicate: list[str] = field(default_factory=list)  # what its clause does: "began a strike"
    agent: int | None = None  # offset of the subject of the verb the phrase is the object of
    modified: str = ""  # the noun a one-word phrase modifies: "French" of "French air strikes"
    conjoined: str = ""  # the noun a one-word phrase is coordinated with: "Nigerien and troops"

    @classmethod
    def from_span(cls, span: Span) -> Phrase:
        found = words(span.text)
        raw = [span.text[s:e] for _, s, e in found]
        starts = [t.idx - span.start_char for t in span]
        tokens = [span[max(0, bisect.bisect_right(starts, s) - 1)] for _, s, _ in found]
        doc, sent = span.doc, span.sent
        head = span.root
        return cls(
            text=span.text,
            start=span.start_char,
            folded=[w for w, _, _ in found],
            raw=raw,
            offsets=[(s, e) for _, s, e in found],
            head=next((i for i, t in enumerate(tokens) if t.i == head.i), len(found) - 1),
            proper=[
                t.pos_ == "PROPN" and w[:1].isupper() for t, w in zip(tokens, raw, strict=True)
            ],
            before=fold(doc[span.start - 1].text) if span.start > sent.start else "",
            after=fold(doc[span.end].text) if span.end < sent.end else "",
            plural=head.tag_ in ("NNS", "NNPS"),
            person_entity=head.ent_type_ == "PERSON",
            predicate=_predicate(span),
            agent=_agent(span),
            modified=_modified_noun(_first_conjunct(head)) if _cut_modifier(span) else "",
            conjoined=_conjoined_noun(head) if len(span) == 1 else "",
        )

    @classmethod
    def from_text(cls, text: str, start: int = 0) -> Phrase:
        """A phrase without a parse: the head is the last word before a preposition."""
        found = words(text)
        folded = [w for w, _, _ in found]
        cut = next(
            (i for i, w in enumerate(folded) if i and w in (*PREPOSITIONS, "of")), len(folded)
        )
        head = max(0, cut - 1)
        raw = [text[s:e] for _, s, e in found]
        return cls(
            text=text,
            start=start,
            folded=folded,
            raw=raw,
            offsets=[(s, e) for _, s, e in found],
            head=head,
            proper=[w[:1].isupper() and fold(w) not in DEFINITE for w in raw],
            plural=bool(raw) and raw[head].endswith("s") and not raw[head].endswith("ss"),
        )

    @property
    def definite(self) -> bool:
        return bool(self.folded) and self.folded[0] in DEFINITE

    def possessor_end(self) -> int | None:
        """Index of the first word after a possessive "'s" ("the country's president")."""
        for i in range(1, len(self.folded)):
            start = self.offsets[i][0]
            if self.folded[i] == "s" and self.text[start - 1 : start] in ("'", "’"):
                return i + 1
        return None

    def slice(self, start: int, end: int) -> str:
        return self.text[self.offsets[start][0] : self.offsets[end - 1][1]]


def _predicate(span: Span) -> list[str]:
    """Folded lemmas, in text order, of the verb whose subject ``span`` is (or the first
    member of its coordination) and of that verb's objects: "SYNATEL and SNEA *began a
    strike*", "the union *went on strike*"."""
    subject = span.root
    while subject.dep_ == "conj" and subject.head != subject:
        subject = subject.head
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return []
    verb = subject.head
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "xcomp", "npadvmod")]
    objects += [
        g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
    ]
    tokens = {verb, *objects}
    tokens.update(c for o in objects for c in o.children if c.dep_ in ("compound", "conj"))
    return [
        fold(t.lemma_)
        for t in sorted(tokens, key=lambda t: t.i)
        if not t.is_punct and t.pos_ != "PROPN" and t.ent_type_ not in ("DATE", "TIME")
    ]  # not "On *March* 4, two groups clashed"


def _agent(span: Span) -> int | None:
    """Where the subject of the verb whose direct object ``span`` is starts ("gunmen burned
    *their houses*" -> the gunmen)."""
    if span.root.dep_ != "dobj":
        return None
    verb = span.root.head
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # "gunmen stopped the bus and seized *their vehicle*"
    return next((c.idx for c in verb.children if c.dep_ == "nsubj"), None)


@dataclass
class Match:
    """A knowledge-base name found in a phrase, with the chosen candidate."""

    start: int
    end: int
    alias: Alias
    facts: Facts
    name: str

    @property
    def entry(self) -> Entry:
        return self.alias.entry

    def rank(self, head: int) -> tuple[int, int, int, int]:
        """The phrase's actor: the name at its head, else a person, a group or force, an
        organisation, a state's name, capital, demonym; then the nearest to the head."""
        at_head = 0 if self.start <= head < self.end else 1
        kind = KIND_RANK.get(self.entry.kind, 2 if self.entry.kind != "state" else 3)
        how = HOW_RANK[self.alias.how] if self.entry.kind == "state" else 0
        return at_head, kind, how, abs(head - self.start)


@dataclass
class Reading:
    """What a phrase says on its own: a named actor, a sector, an unknown proper name."""

    phrase: Phrase
    principal: Match | None = None
    matches: list[Match] = field(default_factory=list)
    sector: str | None = None
    sector_at_head: bool = False
    proper_name: str | None = None
    person_noun: bool = False
    thing: bool = False  # the head is a thing ("a UN vehicle"), not people
    role_noun: bool = False  # the head is a member or officer of a body ("leader")

    @property
    def foreign(self) -> bool:
        return any(w in FOREIGN for w in self.phrase.folded)


def read(phrase: Phrase, kb: KnowledgeBase, when: date | None, focus: str | None) -> Reading:
    """Names, sector and proper name of ``phrase`` (no coreference)."""
    reading = Reading(phrase, matches=_matches(phrase, kb, when, focus))
    covered = {i for m in reading.matches for i in range(m.start, m.end)}
    main = [m for m in reading.matches if not _subordinate(phrase, m.start)]
    if main or reading.matches:
        principal = min(main or reading.matches, key=lambda m: m.rank(phrase.head))
        reading.principal = _first_coordinated(phrase, reading.matches, principal)
    found = _sector_words(phrase, kb, covered) or _misspelt_head(phrase, kb, covered)
    reading.sector, reading.sector_at_head, head_key = _sector(phrase, kb, found)
    if reading.sector is None and phrase.modified:  # "French" cut from "French airstrikes"
        reading.sector = _noun_sector((*phrase.folded[-1:], *phrase.modified.split()), kb)
    demonym = reading.principal is not None and reading.principal.alias.how == "demonym"
    if reading.sector is None and demonym and phrase.conjoined:  # "Nigerien and Chadian troops"
        reading.sector = kb.sector_of(tuple(phrase.conjoined.split()))
    reading.person_noun = head_key in kb.person_nouns or phrase.person_entity
    reading.thing = head_key in kb.property_nouns
    reading.role_noun = head_key in kb.role_nouns
    reading.sector = _adjusted_sector(reading, kb, found, head_key)
    titles = {i for i, w in enumerate(phrase.folded) if kb.sector_of((w,))}
    dates = {i for i, w in enumerate(phrase.folded) if w in CALENDAR}  # "the August 2020 coup"
    reading.proper_name = _proper_name(phrase, covered | dates | _place_words(phrase), titles)
    return reading


def _place_words(phrase: Phrase) -> set[int]:
    """Words after a place preposition that follows the head: "a man *in Kabelawa*"."""
    words_ = phrase.folded
    cut = next(
        (i for i in range(phrase.head + 1, len(words_)) if words_[i] in PLACE_PREPOSITIONS),
        len(words_),
    )
    return set(range(cut, len(words_)))


def _first_coordinated(phrase: Phrase, matches: list[Match], chosen: Match) -> Match:
    """The first of coordinated demonyms: "Nigerien and Malian merchants" -> Niger."""
    if chosen.alias.how != "demonym":
        return chosen
    for match in reversed([m for m in matches if m.end <= chosen.start]):
        between = phrase.folded[match.end : chosen.start]
        if match.alias.how != "demonym" or not between or not set(between) <= {"and", "or"}:
            break
        chosen = match
    return chosen


def _adjusted_sector(
    reading: Reading, kb: KnowledgeBase, found: list, head_key: tuple
) -> str | None:
    """The sector once the words around the head are weighed: a member takes its body's
    sector ("leaders of the opposition"), former officers and office holders are out of
    their sector, "armed" civilians are an armed group."""
    phrase, sector = reading.phrase, reading.sector
    if reading.role_noun and (body := _body_sector(phrase, found)):
        return body
    former = bool(FORMER & set(phrase.folded[: phrase.head + 1]))
    if former and reading.person_noun and sector in OFFICES:
        return "ELI"  # "former Socialist prime minister X": out of office
    if former and sector in UNIFORMED:
        return "CVL"  # "former policemen" protesting are civilians
    if sector == "CVL" and reading.sector_at_head and "armed" in phrase.folded[: phrase.head]:
        return "UAF"  # "armed youths", "armed Tuareg"
    return sector


def _body_sector(phrase: Phrase, found: list[tuple[int, int, str]]) -> str | None:
    """The sector of the body in "<role> of <body>": the last sector word after the head's
    "of" and before any other preposition ("officers of the ministry of defence" -> GOV)."""
    words_ = phrase.folded
    after = phrase.head + 1
    if after >= len(words_) or words_[after] != "of":
        return None
    stop = next(
        (i for i in range(after + 1, len(words_)) if words_[i] in (*PREPOSITIONS, "of")),
        len(words_),
    )
    body = [f for f in found if after < f[0] and f[1] <= stop]
    return body[-1][2] if body else None


def _matches(phrase: Phrase, kb: KnowledgeBase, when: date | None, focus: str | None) -> list:
    found, i, n = [], 0, len(phrase.folded)
    while i < n:
        for length in range(min(kb.longest_from.get(phrase.folded[i], 1), n - i), 0, -1):
            if length > 1 and not kb.aliases.get(tuple(phrase.folded[i : i + length])):
                continue  # no name of these words (only one word can be an acronym plural)
            match = _match_at(phrase, kb, i, i + length, when, focus)
            if match:
                found.append(match)
                i += length
                break
        else:
            i += 1
    return found


def _match_at(
    phrase: Phrase, kb: KnowledgeBase, start: int, end: int, when: date | None, focus: str | None
) -> Match | None:
    candidates = kb.aliases.get(tuple(phrase.folded[start:end]))
    written = phrase.slice(start, end)
    if not candidates and end - start == 1 and ACRONYM_PLURAL.fullmatch(written):
        written = written[:-1]  # "VDPs", "IEDs": the plural of an acronym
        candidates = kb.aliases.get((phrase.folded[start][:-1],))
    if not candidates:
        return None
    before = phrase.folded[start - 1] if start else phrase.before
    after = phrase.folded[end] if end < len(phrase.folded) else phrase.after
    if before in AGAINST_OR_FOR:
        return None
    fitting = [
        a
        for a in candidates
        if a.case_fits(written)
        and before not in a.entry.not_before
        and after not in a.entry.not_after
        and not _other_person(phrase, kb, a, start, end)
        and (a.how != "possessive" or _possessed(phrase, end))
    ]
    if not fitting:
        return None
    best = min(enumerate(fitting), key=lambda pair: _candidate_rank(pair, when, focus))[1]
    facts, name = best.entry.facts(when), best.entry.name
    for focus_code, override, override_name in best.entry.when_focus:
        if focus_code == focus:
            facts, name = override, override_name
    return Match(start, end, best, facts, name)


def _possessed(phrase: Phrase, end: int) -> bool:
    """A bare-"s" possessive ("Malis government") names what follows: a common noun, not a
    surname ("Frances Okafor" is a person)."""
    return end < len(phrase.folded) and not phrase.proper[end]


def _other_person(phrase: Phrase, kb: KnowledgeBase, alias: Alias, start: int, end: int) -> bool:
    """A known person's surname after another given name ("Lieutenant Moussa Keita" is not
    President Keita): the word before is a proper noun, no title, not one of their names."""
    if alias.entry.kind != "person" or end - start != 1 or not start:
        return False
    previous = phrase.folded[start - 1]
    return (
        phrase.proper[start - 1]
        and previous not in kb.name_words.get(id(alias.entry), frozenset())
        and kb.sector_of((previous,)) is None
        and previous not in DEFINITE
    )


def _candidate_rank(pair: tuple[int, Alias], when: date | None, focus: str | None) -> tuple:
    """Same name, several actors: the document's country, then in office at the date,
    then nearest in time, then listed first."""
    order, alias = pair
    entry = alias.entry
    facts = entry.facts(when)
    return (
        0 if focus and focus in (facts.country, facts.code) else 1,
        0 if entry.role_at(when) or not entry.roles else 1,
        entry.distance(when),
        order,
    )


def _subordinate(phrase: Phrase, index: int) -> bool:
    """Inside a prepositional phrase other than "of" ("the envoy *to Mali*")."""
    return any(w in PREPOSITIONS for w in phrase.folded[1:index])


def _sector_words(phrase: Phrase, kb: KnowledgeBase, covered: set[int]) -> list:
    """(start, end, sector) of every sector word outside known names, longest first."""
    found: list[tuple[int, int, str]] = []
    i, n = 0, len(phrase.folded)
    while i < n:
        if i in covered or (i and phrase.folded[i - 1] in (*AGAINST_OR_FOR, "counter")):
            i += 1  # "anti-jihadist forces" are no jihadists
            continue
        for length in range(min(5, kb.sector_from.get(phrase.folded[i], 1), n - i), 0, -1):
            sector = kb.sector_of(tuple(phrase.folded[i : i + length]))
            if sector and not covered & set(range(i, i + length)):
                found.append((i, i + length, sector))
                i += length
                break
        else:
            i += 1
    return found


def _misspelt_head(phrase: Phrase, kb: KnowledgeBase, covered: set[int]) -> list:
    """Rule 51: a head word the language model does not know that is one typing slip from
    sector words of one sector ("soliders", "gendarms", "Poice", "banits") is read as one;
    [(start, end, sector)] as ``_sector_words`` gives, or []."""
    head = phrase.head
    word = phrase.folded[head] if phrase.folded else ""
    if head in covered or len(word) < MIN_TYPO_LENGTH or not word.isalpha():
        return []
    if head and phrase.proper[head]:
        return []  # "Moussa Mayer" is a name, not a mayor
    known = {word, *stems(word)} & known_words("en")
    if any(kb.sector_of((form,)) is None for form in known):
        return []  # "riders" is a known word's plural, not "raiders"; "gendarms" is mended
    sectors = {kb.sector_of((variant,)) for variant in one_edit(word)} - {None}
    return [(head, head + 1, sectors.pop())] if len(sectors) == 1 else []


def _sector(phrase: Phrase, kb: KnowledgeBase, found: list) -> tuple:
    """The sector word nearest the head: at the head, else before it, else after it. A
    modifier wins over a head that is a thing ("a military vehicle"), a member or officer
    ("union leaders") or a generic force noun ("rebel forces", "militia fighters").

    Returns (sector, whether it is the head's, the head's folded words key)."""
    head = phrase.head
    at_head = [f for f in found if f[0] <= head < f[1]]
    before = [f for f in found if f[1] <= head]
    after = [f for f in found if f[0] > head]
    chosen = (at_head or before[-1:] or after[:1] or [None])[0]
    key = _head_key(phrase, chosen if at_head else None, kb)
    if at_head and before and _modifier_wins(chosen[2], [f[2] for f in before], key, kb):
        chosen = before[-1]
    return (chosen[2] if chosen else None), bool(at_head), key


def _modifier_wins(head_sector: str, modifiers: list[str], key: tuple, kb: KnowledgeBase) -> bool:
    modifier = modifiers[-1]
    if key in kb.property_nouns or key in kb.role_nouns:
        return True  # "an army vehicle", "union leaders", "community leaders"
    if head_sector == "REB" and modifier in CIVIL_BODIES:
        return True  # "opposition militants", "student militants" are activists
    if head_sector == "MIL" and modifier == "COP" and "MIL" not in modifiers:
        return True  # "a gendarmerie patrol", "a police commander"; not "army and police units"
    return head_sector in GENERIC_FORCE_SECTORS and modifier in NONSTATE


def _head_key(phrase: Phrase, at_head: tuple[int, int, str] | None, kb: KnowledgeBase) -> tuple:
    """The head's words, singular, as in the noun lists ("defence minister", "building")."""
    if at_head:
        words_ = phrase.folded[at_head[0] : at_head[1]]
    elif phrase.folded:
        words_ = [phrase.folded[phrase.head]]
    else:
        return ()
    for last in singular_forms(words_[-1]):
        key = (*words_[:-1], last)
        if key in kb.person_nouns or key in kb.property_nouns or key in kb.role_nouns:
            return key
    return tuple(words_)


def _proper_name(phrase: Phrase, covered: set[int], titles: set[int]) -> str | None:
    """The longest run of proper nouns outside known names, without a leading title
    ("President Brice Fictus" -> "Brice Fictus"; "Sahel Renewal Front" keeps "Front")."""
    best: tuple[int, int] | None = None
    i, n = 0, len(phrase.folded)
    while i < n:
        if phrase.proper[i] and i not in covered and i not in titles:
            j = i + 1
            while (
                j < n
                and j not in covered
                and (
                    phrase.proper[j]
                    or (phrase.folded[j] in CONNECTORS and j + 1 < n and phrase.proper[j + 1])
                )
            ):
                j += 1
            if best is None or j - i > best[1] - best[0]:
                best = (i, j)
            i = j
        else:
            i += 1
    return phrase.slice(*best) if best else None


def _first_conjunct(token: Token) -> Token:
    """The first member of the coordination ``token`` belongs to ("Nigerien" of "Chadian
    and Nigerien troops" -> "Chadian"), else the token itself."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


def _noun_sector(noun: tuple[str, ...], kb: KnowledgeBase) -> str | None:
    """The sector of a noun with its compounds and the word cut from it: the longest tail
    first ("French *air strikes*", "*religious leaders*"), else any word of it ("a
    Mauritanian *army* raid", rule 43)."""
    keys = [noun[i:] for i in range(len(noun))] + [(word,) for word in noun]
    return next(filter(None, (kb.sector_of(key) for key in keys)), None)


def _cut_modifier(span: Span) -> bool:
    """One word, or a modifier split from its noun (rule 70: "the military" of "the military
    and civilian staff")."""
    root = span.root
    return len(span) == 1 or (root.dep_ in MODIFIER and root.head.i >= span.end)


def _conjoined_noun(token: Token) -> str:
    """The noun coordinated with a lone word that the parser took for the head ("Nigerien"
    of "Nigerien and Chadian troops": "troops"), folded; "" when there is none."""
    noun = next((c for c in token.children if c.dep_ == "conj" and c.pos_ == "NOUN"), None)
    return fold(noun.text) if noun is not None else ""


def _modified_noun(modifier: Token) -> str:
    """The noun a modifier belongs to, with that noun's compounds ("French" of "French *air
    strikes*"; through its first conjunct, "Nigerien" of "Chadian and Nigerien troops",
    rule 43), folded; "" when it is no modifier."""
    if modifier.dep_ not in MODIFIER:
        return ""
    noun = modifier.head
    compounds = [c for c in noun.lefts if c.dep_ == "compound" and c.i > modifier.i]
    return fold(" ".join(t.text for t in (*compounds, noun)))
