"""Lending passes: an act reported without its author, recipient or captors takes them from
the clauses, sentences and acts of its episode."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from eventlens.coding.frames import claimed_authors, in_heading, noun_phrase, used_by
from eventlens.coding.ranking import (
    EPISODE_SENTENCES,
    MATERIAL_CONFLICT,
    event_anchors,
    material_conflict,
)
from eventlens.record import Actor, Event
from eventlens.resolve.actors import CROWD_EVENTS, NONSTATE, STATE_FORCES, ActorResolver
from eventlens.resolve.context import DocumentContext

CAUSE_LINKS = ("conj", "advcl", "oprd", "acl", "prep", "pobj")
CLAIM_SENTENCES = 3  # how many sentences after an act its claim or author may be reported
# "The gunmen were *identified as* X", "The group was *confirmed to be* X"
IDENTITY_VERBS = ("identify", "confirm", "learn", "reveal", "turn", "prove")  # not "believed"
NAMING_VERBS = ("call", "name")  # "a group *calling itself* X"
ARMED_SECTORS = ("REB", "UAF", "CRM", "MIL", "COP")
DENIALS = ("no", "none", "nobody")  # "*no* group claimed responsibility"
SCENE_TYPES = ("ASSAULT", "COERCE")  # acts that take their author from the scene
CAPTURE_MODES = ("abduct", "arrest")  # whose authors hold the captives a release frees
# acts by devices, whose authors are seldom the forces at the scene
DEVICE_MODES = ("explosives", "aerial", "drone", "heavy", "suicide")
# "a hostage *taken by* X": participles whose agent holds the captives
HOLDING_VERBS = ("take", "hold", "kidnap", "abduct", "arrest", "detain", "capture", "seize")
# acts whose recipients are their casualties, not a target that others may have defended
CASUALTY_ACTS = ("kill", "wound", "injure", "hurt", "die", "murder", "execute", "killing", "death")


def clause_linked(token: Token, trigger: Token) -> bool:
    """Whether the token hangs below the trigger through coordination, adverbial or
    predicative clauses and prepositions only ("killed and ten *wounded* when X *attacked*")."""
    while token.dep_ in CAUSE_LINKS and token.head.i != token.i:
        token = token.head
        if token.i == trigger.i:
            return True
    return False


def cause_linked(token: Token, trigger: Token) -> bool:
    """A clause linked to the trigger (:func:`clause_linked`), or one the parse hides: a
    prepositional clause ("wounded *after being shot* by X"), a "when" clause spaCy hung on a
    noun of the trigger's phrase ("25 killed, including 10 tourists, *when* X attacked"), or
    the verb that carries an event noun ("killed when X *launched an attack*")."""
    anchors = (token.doc[i] for i in event_anchors(token))
    return any(_linked_clause(anchor, trigger) for anchor in anchors)


def _linked_clause(token: Token, trigger: Token) -> bool:
    """:func:`cause_linked` for one token standing for the cause."""
    when = any(c.dep_ == "advmod" and c.lower_ == "when" for c in token.children)
    if (token.dep_ == "relcl" and when) or token.dep_ == "pcomp":
        token = token.head
        return token.i == trigger.i or clause_linked(token, trigger)
    return clause_linked(token, trigger)


def lend_claimed_authors(
    placed: list[tuple[int, Event, Token]],
    sentences: list[Span],
    context: DocumentContext,
    resolver: ActorResolver,
) -> None:
    """ "An IED struck a truck. The device was likely planted by X.", "Gunmen abducted a
    nurse. X later claimed responsibility.", "The gunmen were later identified as X": an
    act of conflict with no author, or only unnamed armed ones, takes the author the
    nearest sentence of its episode names as behind it (its own, later ones, then earlier
    ones); an unnamed author gives way only to a named one."""
    found: dict[int, list[Actor]] = {}
    for number, event, _ in placed:
        unnamed = all(_unnamed(actor, resolver) for actor in event.actor)
        if event.quad_code != MATERIAL_CONFLICT or not unnamed:
            continue
        after = range(number, min(number + CLAIM_SENTENCES + 1, len(sentences)))
        before = range(number - 1, max(number - EPISODE_SENTENCES, 0) - 1, -1)
        for other in (*after, *before):
            if other not in found:
                found[other] = _named_authors(sentences[other], context, resolver)
            authors = found[other]
            if authors and all(_may_author(a, bool(event.actor), resolver) for a in authors):
                event.actor = [replace(actor) for actor in authors]
                break


def _may_author(actor: Actor, replacing: bool, resolver: ActorResolver) -> bool:
    """Whether a claimed or identified author may stand as an act's author: an armed one
    (not "a bus carrying passengers"), or one of no known sector; only a named armed one
    replaces an unnamed author ("gunmen")."""
    if replacing:
        return not _unnamed(actor, resolver) and actor.sector in ARMED_SECTORS
    return actor.sector in (None, *ARMED_SECTORS)


def _unnamed(actor: Actor, resolver: ActorResolver) -> bool:
    """An actor the text names no one for ("gunmen", "the attackers"), though the
    resolver may have given it the name of its country."""
    state = resolver.states.get(actor.country or "")
    named = actor.name is not None and actor.name != (state.name if state else None)
    return not named and actor.sector in (None, "UAF")


def _named_authors(
    sentence: Span, context: DocumentContext, resolver: ActorResolver
) -> list[Actor]:
    """Who the sentence says was behind an act: the claimed authors (not "*no group*
    claimed ..."), else the armed group it identifies an actor as."""
    claimed = [span for span in claimed_authors(sentence) if not _denied(span)]
    authors = [resolver.resolve(_self_named(span), context) for span in claimed]
    if authors:
        return authors
    spans = [*_identities(sentence), *_said_to_be(sentence, context, resolver)]
    found = (resolver.resolve(span, context) for span in spans)
    return [actor for actor in found if _may_author(actor, True, resolver)]


def _said_to_be(sentence: Span, context: DocumentContext, resolver: ActorResolver) -> list[Span]:
    """ "The attackers *were members of* X", "the gunmen are suspected members of X": what
    a sentence says an unnamed armed actor is (not "the victims were members of X")."""
    found = []
    for subject, predicate in _predications(sentence):
        actor = resolver.resolve(noun_phrase(subject), context)
        if actor.sector == "UAF" and _unnamed(actor, resolver):
            found.append(noun_phrase(predicate))
    return found


def _denied(span: Span) -> bool:
    """ "*No* group claimed responsibility": the sentence names no author."""
    return any(token.lower_ in DENIALS for token in span.root.subtree if token.i <= span.root.i)


def _self_named(span: Span) -> Span:
    """ "a group *calling itself X*", "a group *called X*": the name it goes by."""
    for clause in span.root.children:
        if clause.dep_ == "acl" and clause.lemma_.lower() in NAMING_VERBS:
            names = [c for c in clause.children if c.dep_ in ("oprd", "attr")]
            if names:
                return noun_phrase(names[0])
    return span


def _identities(sentence: Span) -> list[Span]:
    """ "The gunmen were later *identified as X*", "armed men, later *identified as X*", "the
    group was *confirmed to be X*", "the kidnappers *turned out to be X*": who someone is
    said to be."""
    found = []
    for verb in sentence:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in IDENTITY_VERBS:
            continue
        for link in verb.children:
            if link.dep_ == "prep" and link.lower_ == "as":
                found += [c for c in link.children if c.dep_ == "pobj"]
            elif link.dep_ == "xcomp" and link.lemma_ == "be":
                found += [c for c in link.children if c.dep_ == "attr"]
    return [noun_phrase(head) for head in found]


def _predications(sentence: Span) -> list[tuple[Token, Token]]:
    """(subject, predicate noun) of the copular clauses of a sentence ("the attackers *were*
    members of X"), and of "are suspected members of X", which spaCy reads as an object."""
    pairs = []
    for verb in sentence:
        identity = verb.lemma_.lower() in IDENTITY_VERBS or verb.lemma_ == "suspect"
        if not (verb.lemma_ == "be" or identity):
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        labels = ("attr",) if verb.lemma_ == "be" else ("dobj",)
        predicates = [c for c in verb.children if c.dep_ in labels]
        pairs += [(s, p) for s in subjects[:1] for p in predicates[:1]]
    return pairs


def lend_episode_actors(placed: list[tuple[int, Event, Token]]) -> None:
    """ "MNJ rebels ambushed soldiers, 17 soldiers killed": an asserted assault reported
    without its author (or with only words that name no one: "six", "the projectile", see
    :func:`_authored`) takes the author of the nearest assault reported before it in its
    episode."""
    assaults = [
        (n, e, t) for n, e, t in placed if e.event_type == "ASSAULT" and material_conflict(e)
    ]
    for number, event, trigger in assaults:
        if _authored(event):
            continue
        before = [
            other
            for other_number, other, other_trigger in assaults
            if _authored(other)
            and 0 <= number - other_number <= EPISODE_SENTENCES
            and (other_number, other_trigger.i) < (number, trigger.i)
        ]
        if before:
            event.actor = list(before[-1].actor)


def _authored(event: Event) -> bool:
    """Whether an actor of the event names someone: a word the resolver gives no sector,
    country nor name ("six", "the projectile", "arms") is what the parser took for a subject
    in a list of results ("one killed, six abducted"), not an author."""
    return any(a.sector or a.country or a.name or a.implied for a in event.actor)


def lend_heading_actors(placed: list[tuple[int, Event, Token]]) -> None:
    """ "Looting: gunmen attacked a shop", "Agreement: the rebels signed a deal ...": an act
    that a leading "Label:" heading names without actor takes the actors (and, lacking
    recipients, the recipients) of the first act with an author its text then reports."""
    for number, event, trigger in placed:
        if event.actor or not in_heading(trigger):
            continue
        body = [
            other
            for other_number, other, other_trigger in placed
            if other_number in (number, number + 1)  # spaCy may end a sentence at the colon
            and other.actor
            and not in_heading(other_trigger)
        ]
        if body:
            event.actor = [replace(actor) for actor in body[0].actor]
            event.recipient = event.recipient or [replace(actor) for actor in body[0].recipient]


def lend_scene_actors(
    placed: list[tuple[int, Event, Token]],
    sentences: list[Span],
    context: DocumentContext,
    resolver: ActorResolver,
    instruments: set[str],
) -> None:
    """ "Presumed X militants entered the market. Several women were wounded.": an
    asserted assault or coercion still without author takes the non-state armed actor (no
    weapon, nor one of its victims) that is the subject of the nearest clause before it in
    its episode (:func:`_scene_subjects`) that reports no event (an event's frame has
    chosen its actors: "a bomb *exploded*", "members *surrendered* as shelling resumed";
    rules of the episode lend those)."""
    reported = {trigger.i for _, _, trigger in placed}
    for number, event, trigger in placed:
        if _authored(event) or event.event_type not in SCENE_TYPES:
            continue
        if not material_conflict(event):
            continue
        subjects = [
            subject
            for subject, verb in _scene_subjects(sentences, number, trigger)
            if verb.i not in reported and subject.lemma_.lower() not in instruments
        ]
        found = (
            (resolver.resolve(noun_phrase(s), context), s.sent == trigger.sent) for s in subjects
        )
        armed = next((actor for actor, near in found if _armed_author(actor, event, near)), None)
        if armed is not None:
            event.actor = [armed]


def _scene_subjects(
    sentences: list[Span], number: int, trigger: Token
) -> list[tuple[Token, Token]]:
    """(subject, verb) of the clauses that may tell who did the act at ``trigger``, nearest
    first: before it in its sentence, then in the sentences before it in its episode; for an
    act a heading names ("Looting: militants stripped ..."), in the text after the heading."""
    if in_heading(trigger):
        after = (pair for s in sentences[number : number + 2] for pair in _acting_subjects(s))
        return [pair for pair in after if pair[0].i > trigger.i]
    pairs = []
    for other in range(number, max(number - EPISODE_SENTENCES, 0) - 1, -1):
        found = _acting_subjects(sentences[other])
        pairs += reversed([p for p in found if other < number or p[0].i < trigger.i])
    return pairs


def _acting_subjects(sentence: Span) -> list[tuple[Token, Token]]:
    """(subject, verb) of the affirmative active clauses of a sentence, in text order, with
    a noun spaCy reads as followed by a finite past clause: "presumed militants *removed*
    fuel" (parsed as "presumed [militants removed fuel]")."""
    pairs = [(t, t.head) for t in sentence if t.dep_ == "nsubj" and t.head.pos_ == "VERB"]
    pairs += [(t.head, t) for t in sentence if t.dep_ == "acl" and t.tag_ == "VBD"]
    affirmative = [(s, v) for s, v in pairs if not any(c.dep_ == "neg" for c in v.children)]
    return sorted(affirmative, key=lambda pair: pair[0].i)


def _armed_author(actor: Actor, event: Event, same_sentence: bool) -> bool:
    """A non-state armed actor that is not one of the event's victims; or state forces in
    the event's own sentence when its victims are all unarmed and no device struck them
    ("soldiers surrounded the house, the residents were beaten"; not "soldiers died when
    their truck hit a mine")."""
    victim = any(_alike(actor, other) for other in event.recipient)
    if actor.implied or victim:
        return False
    forces = actor.sector in STATE_FORCES and same_sentence
    return actor.sector in NONSTATE or (forces and _unarmed_victims(event))


def _unarmed_victims(event: Event) -> bool:
    """Whether the event has victims, none armed, and struck them by hand or gun."""
    armed = any(r.sector in ARMED_SECTORS for r in event.recipient)
    return bool(event.recipient) and not armed and event.mode not in DEVICE_MODES


def lend_told_authors(placed: list[tuple[int, Event, Token]]) -> None:
    """ "followed by a second *coup* in May, *when* the junta *arrested* the president": an
    act named by a noun with no author takes the author of the act of its type that a "when"
    clause of the noun's verb tells."""
    for _, event, trigger in placed:
        if event.actor or trigger.pos_ != "NOUN":
            continue
        told = [
            other
            for _, other, token in placed
            if other.event_type == event.event_type and other.actor and _tells(token, trigger)
        ]
        if told:
            event.actor = list(told[0].actor)


def _tells(token: Token, noun: Token) -> bool:
    """Whether the token heads a "when" clause of the noun, of the verb the noun is an
    argument of (directly or through its preposition), or of a time phrase of either ("a
    coup *in 2012, when* soldiers detained the president")."""
    if token.dep_ not in ("relcl", "advcl"):
        return False
    if not any(c.dep_ == "advmod" and c.lower_ == "when" for c in token.children):
        return False
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    told = token.head
    if told.dep_ == "pobj" and told.head.dep_ == "prep":  # "in 2012, when ..."
        told = told.head.head
    return told.i in (noun.i, verb.i)


def lend_captors(placed: list[tuple[int, Event, Token]]) -> None:
    """ "X abducted two nurses, who were released three days later": a release that names
    no one releasing takes the captors of the nearest abduction or arrest reported before it
    in its episode."""
    captures = [(n, e, t) for n, e, t in placed if e.mode in CAPTURE_MODES and e.actor]
    for number, event, trigger in placed:
        if event.actor or event.event_type != "RETREAT" or event.mode != "release":
            continue
        before = [
            capture
            for other_number, capture, other_trigger in captures
            if 0 <= number - other_number <= EPISODE_SENTENCES
            and (other_number, other_trigger.i) < (number, trigger.i)
        ]
        if before:
            event.actor = [replace(actor) for actor in before[-1].actor]


def lend_holders(
    placed: list[tuple[int, Event, Token]], context: DocumentContext, resolver: ActorResolver
) -> None:
    """ "A hostage *taken by X* was released", "soldiers *held by* the rebels were freed": a
    release that names no one releasing takes who held the captives."""
    for _, event, trigger in placed:
        if event.actor or event.event_type != "RETREAT" or event.mode != "release":
            continue
        captives = [c for c in trigger.children if c.dep_ in ("nsubjpass", "dobj")]
        holders = [h for c in captives for h in used_by(c) if _held_by(h)]
        if holders:
            event.actor = [resolver.resolve(noun_phrase(h), context) for h in holders[:1]]


def _held_by(agent: Token) -> bool:
    """Whether the agent's participle says it held captives ("taken by", "held by")."""
    return agent.head.head.lemma_.lower() in HOLDING_VERBS


def lend_episode_recipients(placed: list[tuple[int, Event, Token]]) -> None:
    """ "Gunmen attacked the village. Three residents were killed.", "opened fire and seized
    a motorbike": an asserted assault that names no recipient takes the victims of the
    nearest material-conflict act of its episode by the same author (or none), preferring one
    reported after it; not in a protest or riot, whose sides rule 30 of actors.py pairs."""
    acts = [(n, e, t) for n, e, t in placed if material_conflict(e)]
    for number, event, trigger in acts:
        lacking = event.event_type == "ASSAULT" and not event.recipient
        if not lacking or event.acled_event_type in CROWD_EVENTS:
            continue
        victims = [
            (
                other_number < number or (other_number == number and other_trigger.i < trigger.i),
                abs(other_number - number),
                other,
            )
            for other_number, other, other_trigger in acts
            if other is not event
            and other.recipient
            and abs(other_number - number) <= EPISODE_SENTENCES
            and _same_author(other, event)
        ]
        if victims:
            nearest = min(victims, key=lambda item: item[:2])[2]
            event.recipient = [replace(actor) for actor in nearest.recipient]
    _lend_defenders(acts)


def _lend_defenders(acts: list[tuple[int, Event, Token]]) -> None:
    """ "Gunmen attacked a fuel depot; a soldier guarding it was wounded", "Militants raided a
    school. Troops intervened and routed the assailants": an asserted assault on a target
    (not one that names its casualties: "killed", "wounded") whose recipients are only
    civilians or things also takes the first armed side that an act reported after it in its
    episode shows defending it (:func:`_defenders`)."""
    for number, event, trigger in acts:
        if event.event_type != "ASSAULT" or event.acled_event_type in CROWD_EVENTS:
            continue
        if trigger.lemma_.lower() in CASUALTY_ACTS or not event.actor:
            continue
        if not event.recipient or any(a.sector in ARMED_SECTORS for a in event.recipient):
            continue
        later = [
            (other, other_number == number)
            for other_number, other, other_trigger in acts  # in text order
            if other is not event
            and other_number - number <= EPISODE_SENTENCES
            and (other_number, other_trigger.i) > (number, trigger.i)
        ]
        found = [side for other, near in later for side in _defenders(other, event, near)]
        event.recipient += [replace(side) for side in found[:1]]


def _defenders(other: Event, event: Event, same_sentence: bool) -> list[Actor]:
    """The armed sides (not ``event``'s authors) that ``other`` shows defending ``event``'s
    target: its armed victims when ``other`` is by the same author (or none) and in the same
    sentence ("attacked a bus, a policeman escorting it was wounded"); its authors when it
    strikes back at ``event``'s authors (or at no one named)."""
    if _same_author(other, event):
        sides = other.recipient if same_sentence else []
    elif not other.recipient or any(_struck(r, event) for r in other.recipient):
        sides = other.actor
    else:
        return []
    return [
        side
        for side in sides
        if side.sector in ARMED_SECTORS and not any(_alike(side, a) for a in event.actor)
    ]


def _struck(recipient: Actor, event: Event) -> bool:
    """Whether the recipient may be ``event``'s authors: one of them, or unnamed non-state
    armed men ("the assailants") where they are non-state."""
    if any(_alike(recipient, author) for author in event.actor):
        return True
    nonstate = any(author.sector in NONSTATE for author in event.actor)
    return nonstate and recipient.sector in NONSTATE and recipient.name is None


def _same_author(other: Event, event: Event) -> bool:
    """Whether ``other`` names no author or one of ``event``'s: the same actor, or one of the
    same sector and country ("French forces conducted an airstrike *that killed* ...")."""
    return not other.actor or any(_alike(a, b) for a in other.actor for b in event.actor)


def _alike(actor: Actor, other: Actor) -> bool:
    """The same named actor, or of the same sector and of no other country (two named
    groups of no country are not alike: "JNIM" and "ISGS" militants)."""
    if actor.name and actor.name == other.name:
        return True
    countries = {actor.country, other.country} - {None}
    if actor.sector is None or (actor.name and other.name and not countries):
        return actor.text == other.text
    return actor.sector == other.sector and len(countries) < 2
