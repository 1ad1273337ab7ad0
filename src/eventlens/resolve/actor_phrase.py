"""Read one actor phrase against the knowledge base, without looking at the rest of the text.

A :class:`Phrase` is the words of a noun phrase (from a spaCy span or a plain string) with
its head, proper nouns and possessive. :func:`read` finds the knowledge-base names in it
(longest alias first, ranked by the event date and the document's main country), the sector
word nearest its head, and any unknown proper name; :class:`Reading` says what it found.
Coreference (actors.py) builds on a Reading.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span

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
CONNECTORS = frozenset({"of", "de", "du", "des", "al", "el", "for", "the", "and", "la", "le"})
FOREIGN = frozenset({"foreign", "international", "western", "multinational", "european"})
OFFICES = frozenset({"GOV", "LEG"})  # sectors of an office one can leave
FORMER = frozenset({"former", "ex", "ex-"})
KIND_RANK = {"person": 0, "armed_group": 1, "force": 1, "company": 1, "agency": 1}
HOW_RANK = {"name": 0, "alias": 0, "capital": 1, "demonym": 2}


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

    @classmethod
    def from_span(cls, span: Span) -> Phrase:
        found = words(span.text)
        raw = [span.text[s:e] for _, s, e in found]
        starts = [t.idx - span.start_char for t in span]
        tokens = [span[max(0, bisect.bisect_right(starts, s) - 1)] for _, s, _ in found]
        doc = span.doc
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
            before=fold(doc[span.start - 1].text) if span.start > span.sent.start else "",
            after=fold(doc[span.end].text) if span.end < span.sent.end else "",
            plural=head.tag_ in ("NNS", "NNPS"),
            person_entity=head.ent_type_ == "PERSON",
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

    @property
    def foreign(self) -> bool:
        return any(w in FOREIGN for w in self.phrase.folded)


def read(phrase: Phrase, kb: KnowledgeBase, when: date | None, focus: str | None) -> Reading:
    """Names, sector and proper name of ``phrase`` (no coreference)."""
    reading = Reading(phrase, matches=_matches(phrase, kb, when, focus))
    covered = {i for m in reading.matches for i in range(m.start, m.end)}
    main = [m for m in reading.matches if not _subordinate(phrase, m.start)]
    if main or reading.matches:
        reading.principal = min(main or reading.matches, key=lambda m: m.rank(phrase.head))
    reading.sector, reading.sector_at_head, head_key = _sector(phrase, kb, covered)
    reading.person_noun = head_key in kb.person_nouns or phrase.person_entity
    if reading.person_noun and reading.sector in OFFICES and FORMER & set(phrase.folded):
        reading.sector = "ELI"  # "former Socialist prime minister X": out of office
    titles = {i for i, w in enumerate(phrase.folded) if kb.sector_of((w,))}
    reading.proper_name = _proper_name(phrase, covered, titles)
    return reading


def _matches(phrase: Phrase, kb: KnowledgeBase, when: date | None, focus: str | None) -> list:
    found, i, n = [], 0, len(phrase.folded)
    while i < n:
        for length in range(min(kb.longest, n - i), 0, -1):
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
    if not candidates:
        return None
    written = phrase.slice(start, end)
    before = phrase.folded[start - 1] if start else phrase.before
    after = phrase.folded[end] if end < len(phrase.folded) else phrase.after
    fitting = [
        a
        for a in candidates
        if a.case_fits(written)
        and before not in a.entry.not_before
        and after not in a.entry.not_after
    ]
    if not fitting:
        return None
    best = min(enumerate(fitting), key=lambda pair: _candidate_rank(pair, when, focus))[1]
    facts, name = best.entry.facts(when), best.entry.name
    for focus_code, override, override_name in best.entry.when_focus:
        if focus_code == focus:
            facts, name = override, override_name
    return Match(start, end, best, facts, name)


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


def _sector(phrase: Phrase, kb: KnowledgeBase, covered: set[int]) -> tuple:
    """The sector word nearest the head: at the head, else before it, else after it.

    Returns (sector, whether it is the head's, the head's folded words key)."""
    found: list[tuple[int, int, str]] = []
    i, n = 0, len(phrase.folded)
    while i < n:
        if i in covered:
            i += 1
            continue
        for length in range(min(5, n - i), 0, -1):
            sector = kb.sector_of(tuple(phrase.folded[i : i + length]))
            if sector and not covered & set(range(i, i + length)):
                found.append((i, i + length, sector))
                i += length
                break
        else:
            i += 1
    head = phrase.head
    at_head = [f for f in found if f[0] <= head < f[1]]
    before = [f for f in found if f[1] <= head]
    after = [f for f in found if f[0] > head]
    chosen = (at_head or before[-1:] or after[:1] or [None])[0]
    key = _head_key(phrase, chosen if at_head else None, kb)
    return (chosen[2] if chosen else None), bool(at_head), key


def _head_key(phrase: Phrase, at_head: tuple[int, int, str] | None, kb: KnowledgeBase) -> tuple:
    """The head's words, singular, as in the person-noun list ("defence minister")."""
    if at_head:
        words_ = phrase.folded[at_head[0] : at_head[1]]
    elif phrase.folded:
        words_ = [phrase.folded[phrase.head]]
    else:
        return ()
    for last in singular_forms(words_[-1]):
        key = (*words_[:-1], last)
        if key in kb.person_nouns:
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
