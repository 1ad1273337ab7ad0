"""The event coder: parsed document in, PLOVER event records out."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import timedelta
from functools import cache

from spacy.tokens import Doc, Span, Token

from eventlens.coding.crosswalk import acled_for_event
from eventlens.coding.frames import (
    Frame,
    claimed_authors,
    frame_for,
    in_heading,
    noun_phrase,
    used_by,
)
from eventlens.coding.learned import LearnedTyper
from eventlens.coding.lexicon import Cue, Lexicon, TriggerEntry, load_lexicon
from eventlens.coding.modality import (
    Reading,
    cues,
    past_tense,
    read_attempt,
    read_modality,
)
from eventlens.coding.reference import reports_event
from eventlens.coding.triggers import TriggerMatch, find_triggers
from eventlens.data_files import load_yaml
from eventlens.record import Actor, DateInfo, Document, Event, Modality
from eventlens.resolve.actors import CROWD_EVENTS, NONSTATE, ActorResolver
from eventlens.resolve.context import DocumentContext
from eventlens.resolve.places import PlaceResolver
from eventlens.resolve.time import TimeResolver

CONDITION_MARKERS = frozenset({"if", "unless", "whether"})
HISTORICAL_AFTER = timedelta(days=365)
RECAST_MARK = ">"  # in a rule name: "verb:meet>AGREE", an intention recast
# PLOVER manual: these types require a recipient.
REQUIRES_RECIPIENT = ("COOPERATE", "AID", "SANCTION")
# Dependents that are separate clauses: their words say nothing about this trigger's mode.
# (A complement clause is part of the trigger's phrase: "asked France *to revise* the accord".)
CLAUSE_LABELS = ("advcl", "relcl", "conj", "parataxis", "csubj", "acl")
# Dependency links that embed a trigger below the main event of its sentence.
EMBEDDING_LABELS = (
    "advcl",
    "relcl",
    "acl",
    "xcomp",
    "ccomp",
    "csubj",
    "pcomp",
    "pobj",
    "parataxis",
)
# Clauses that state the purpose or a circumstance of the event governing them.
SUBORDINATE_CLAUSES = ("advcl", "xcomp", "acl")
EVENT_NOUN_POS = ("NOUN", "PROPN")
MATERIAL_CONFLICT = 4  # PLOVER quad codes
MATERIAL_COOPERATION = 2
NOUN_CLAUSES = ("relcl", "acl")  # clauses that describe a noun
EPISODE_SENTENCES = 2  # how far apart two acts of one episode may be reported
CLAIM_SENTENCES = 3  # how many sentences after an act its claim or author may be reported
# "The gunmen were *identified as* X", "The group was *confirmed to be* X"
IDENTITY_VERBS = ("identify", "confirm", "learn", "reveal", "turn", "prove")  # not "believed"
NAMING_VERBS = ("call", "name")  # "a group *calling itself* X"
ARMED_SECTORS = ("REB", "UAF", "CRM", "MIL", "COP")
DENIALS = ("no", "none", "nobody")  # "*no* group claimed responsibility"
SCENE_TYPES = ("ASSAULT", "COERCE")  # acts that take their author from the scene
CAPTURE_MODES = ("abduct", "arrest")  # whose authors hold the captives a release frees
# "a hostage *taken by* X": participles whose agent holds the captives
HOLDING_VERBS = ("take", "hold", "kidnap", "abduct", "arrest", "detain", "capture", "seize")
SUBORDINATE_FACTOR = 0.95
# Gravity tiers of material-conflict acts (type -> mode or "*" -> tier); see _rank_by_gravity.
GRAVITY = {
    "ASSAULT": {
        "*": 4,
        "abduct": 3,
        "torture": 3,
        "sexual": 3,
        "beat": 3,
        "destroy": 2,
        "crowd-control": 2,
    },
    "COERCE": {"*": 2},
    "PROTEST": {"*": 1, "riot": 2},
    "MOBILIZE": {"*": 1},
    "SANCTION": {"*": 1},
}  # a subordinate event's confidence at most this share of the main one
# What protesters say ranks below their protest: "marched to the prefecture and demanded ...".
PROTEST_CONTENT = ("REQUEST", "ACCUSE", "REJECT", "SUPPORT", "CONSULT")
# Acts the ACLED crosswalk already reads as side acts of their episode's violence (a release,
# a withdrawal): they keep their confidence.
SIDE_ACT_TYPES = ("RETREAT",)
SPEECH_ACT_CONTENT = {"VERB": ("dobj", "prep", "ccomp"), "NOUN": ("acl", "ccomp")}
CAUSE_LINKS = ("conj", "advcl", "oprd", "acl", "prep", "pobj")
# What sets an event noun as the background of the clause's act: "*after* the attack",
# "*in response to* the attack" (the preposition, or the noun the "in" phrase heads).
BACKGROUND_PREPS = ("after", "following", "since")
BACKGROUND_NOUNS = ("response", "retaliation", "reprisal", "revenge", "reaction")
# Words of the defence that answers an attack in its fight (see _responds): "*repelled* the
# attack", "*fought off* the assailants", "*pushed back* the advance", "in a *counter-attack*".
RESPONSE_WORDS = frozenset(
    {
        "repel",
        "repulse",
        "rout",
        "counterattack",
        "counter-attack",
        "counteroffensive",
        "counter-offensive",
    }
)
RESPONSE_PHRASES = frozenset(
    {
        ("fight", "off"),
        ("fend", "off"),
        ("hold", "off"),
        ("fight", "back"),
        ("push", "back"),
        ("beat", "back"),
        ("drive", "back"),
    }
)
# The acts a RETREAT ends, by its mode: (PLOVER type, mode or None for any mode).
ENDED_ACTS = {
    "release": (("ASSAULT", "abduct"), ("COERCE", "arrest")),  # "four were later released"
    "withdraw": (("ASSAULT", None),),  # "the attackers withdrew" (from nowhere named)
}
INSTRUMENT_MODES = ("explosives", "heavy-weapons", "firearms")
NAMING_ENTITIES = ("NORP", "GPE", "ORG", "PERSON")
WEAPON_MODES = (*INSTRUMENT_MODES, "aerial", "drone", "suicide-attack")
PERSON_WEAPON_WORDS = frozenset({"gunman", "gunmen", "sniper"})
VAGUE_ACTORS = ("you", "we", "it", "they", "one", "someone", "everyone", "this", "that")


@dataclass
class _Coded:
    """A trigger with its merged frame and modality, before resolution."""

    match: TriggerMatch
    frame: Frame
    reading: Reading
    event_type: str
    mode: str | None
    context: list[str]
    rule: str


class EventCoder:
    """Codes the events of one parsed document with the lexicon and the resolvers."""

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        actors: ActorResolver | None = None,
        times: TimeResolver | None = None,
        places: PlaceResolver | None = None,
        lang: str = "en",
        typer: LearnedTyper | None = None,
    ) -> None:
        self.lang = lang
        self.typer = typer  # types sentences without lexicon events (coding/learned.py)
        self.lexicon = lexicon or load_lexicon(lang)
        self.actors = actors or ActorResolver()
        self.times = times or TimeResolver()
        self.places = places or PlaceResolver()
        self.ontology = load_yaml("plover.yaml")
        modality_table = load_yaml("lexicons", lang, "modality.yaml")
        self.intent_types = modality_table.get("intent_types", {})
        self.decisions = modality_table.get("decisions", {"governors": [], "types": {}})
        self.ultimatum_marks = set(modality_table.get("ultimatum_marks", []))
        self.refusal = modality_table.get("refusal", {"governors": [], "types": {}})
        self.statements = modality_table.get("statements", {"mentioning_types": [], "neutral": {}})
        assault_cues = self.lexicon.mode_cues.get("ASSAULT", ())
        self.weapon_words = {word for cue in assault_cues for word in cue.words}
        # "a roadside bomb exploded", "killed by stray bullets": the weapon is no actor
        self.instruments = {
            w for cue in assault_cues if cue.value in INSTRUMENT_MODES for w in cue.words
        } - PERSON_WEAPON_WORDS

    def code(self, document: Document, doc: Doc) -> list[Event]:
        """All event mentions of a document, in text order."""
        context = DocumentContext(document=document, doc=doc)
        placed: list[tuple[int, Event, Token]] = []  # (sentence number, event, trigger)
        sentences = list(doc.sents)
        for number, sentence in enumerate(sentences):
            matches = _split_clauses(find_triggers(sentence, self.lexicon))
            triggers = {t.i for m in matches for t in (m.token, *(a.token for a in m.absorbed))}
            coded = [self._code_match(m, triggers) for m in matches]
            mentioned = self._neutral_mentions(sentence)
            coded = [c for c in coded if self._reports_event(c)]
            coded = [c for c in coded if c.match.token.i not in mentioned]
            _share_recipients(coded)
            pairs = [(item, self._event(item, sentence, context)) for item in coded]
            if not pairs and self.typer is not None:
                pairs = self.typer.code(sentence, context, self)
            self._lend_from_causes(pairs)
            _rank_below_governors(pairs)
            _rank_below_speech_acts(pairs, self.statements["mentioning_types"])
            _rank_below_protests(pairs)
            _rank_below_results(pairs)
            _rank_below_main_clause(pairs)
            placed.extend((number, event, item.match.token) for item, event in pairs)
        _rank_by_gravity(placed)
        _rank_below_episode_conflict(placed)
        _rank_below_answered(placed)
        _rank_below_narrative(placed)
        _rank_below_current([event for _, event, _ in placed])
        self._lend_claimed_authors(placed, sentences, context)
        _lend_episode_actors(placed)
        _lend_heading_actors(placed)
        self._lend_scene_actors(placed, sentences, context)
        _lend_captors(placed)
        self._lend_holders(placed, context)
        _code_acled(placed, sentences)
        _lend_episode_recipients(placed)
        for _, event, _ in placed:  # "protests were held": the protesters (actors.py rule 26)
            self.actors.imply(event, context)
        self.actors.face_crowds([event for _, event, _ in placed], context)
        return [event for _, event, _ in placed]

    def _code_match(self, match: TriggerMatch, triggers: set[int]) -> _Coded:
        """Frame, modality, type, mode and context of one trigger (with what it absorbed)."""
        entry = match.entry
        frame = _merged_frame(match, self.lexicon)
        frame.actors = [a for s in frame.actors for a in self._wielders(s)]
        if not frame.actors:  # "the military coup", "the military coup ousted ..."
            nouns = (m for m in (match, *match.absorbed) if m.entry.pos == "noun")
            found = (self._modifier_actors(m.token, m.entry) for m in nouns)
            frame.actors = next((actors for actors in found if actors), [])
        reading = read_attempt(
            read_modality(match.token, self.lang), match.token, entry.type, self.lang
        )
        scope = _scope_text(match)
        mode = entry.mode or next((m.entry.mode for m in match.absorbed if m.entry.mode), None)
        mode = mode or _first_cue(self.lexicon.mode_cues.get(entry.type, ()), scope)
        contexts = [*entry.context, *(c for m in match.absorbed for c in m.entry.context)]
        contexts += [cue.value for cue in self.lexicon.context_cues if _mentions(scope, cue)]
        coded = _Coded(match, frame, reading, entry.type, mode, _unique(contexts), entry.rule)
        self._recast_intention(coded, triggers)
        self._recast_refusal(coded, triggers)
        return coded

    def _lend_from_causes(self, pairs: list[tuple[_Coded, Event]]) -> None:
        """ "seven soldiers were killed *when militants attacked* the base", "were killed and 30
        wounded when ...", "killed in *an attack by X*", "killed when their truck *hit a mine*":
        an assault without author or weapon takes those of the assault in its adverbial clause
        or phrase, or of one coordinated with it. A cause the parse hides (:func:`_cause_linked`)
        lends only its author: the assault keeps its confidence, below the act that caused it."""
        for coded, event in pairs:
            if event.event_type != "ASSAULT":
                continue
            trigger = coded.match.token
            assaults = [
                (o.match.token, cause) for o, cause in pairs if cause.event_type == "ASSAULT"
            ]
            causes = [cause for token, cause in assaults if _clause_linked(token, trigger)]
            hidden = [
                cause
                for token, cause in assaults
                if _cause_linked(token, trigger) and not _clause_linked(token, trigger)
            ]
            authored = [cause for cause in (*causes, *hidden) if cause.actor]
            if not event.actor and authored:
                event.actor = list(authored[0].actor)
                if not any(authored[0] is cause for cause in hidden):
                    event.confidence = confidence(coded, event, self.lexicon.reporting_verbs)
            armed = [cause for cause in causes if cause.mode in WEAPON_MODES]
            if not event.mode and armed:
                event.mode = armed[0].mode
                event.intensity = self.ontology["types"]["ASSAULT"]["modes"].get(
                    event.mode, event.intensity
                )

    def _lend_claimed_authors(
        self,
        placed: list[tuple[int, Event, Token]],
        sentences: list[Span],
        context: DocumentContext,
    ) -> None:
        """ "An IED struck a truck. The device was likely planted by X.", "Gunmen abducted a
        nurse. X later claimed responsibility.", "The gunmen were later identified as X": an
        act of conflict with no author, or only unnamed armed ones, takes the author the
        nearest sentence of its episode names as behind it (its own, later ones, then earlier
        ones); an unnamed author gives way only to a named one."""
        found: dict[int, list[Actor]] = {}
        for number, event, _ in placed:
            unnamed = all(self._unnamed(actor) for actor in event.actor)
            if event.quad_code != MATERIAL_CONFLICT or not unnamed:
                continue
            after = range(number, min(number + CLAIM_SENTENCES + 1, len(sentences)))
            before = range(number - 1, max(number - EPISODE_SENTENCES, 0) - 1, -1)
            for other in (*after, *before):
                if other not in found:
                    found[other] = self._named_authors(sentences[other], context)
                authors = found[other]
                if authors and all(self._may_author(a, bool(event.actor)) for a in authors):
                    event.actor = [replace(actor) for actor in authors]
                    break

    def _lend_scene_actors(
        self,
        placed: list[tuple[int, Event, Token]],
        sentences: list[Span],
        context: DocumentContext,
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
            if not _material_conflict(event):
                continue
            subjects = [
                subject
                for subject, verb in _scene_subjects(sentences, number, trigger)
                if verb.i not in reported and subject.lemma_.lower() not in self.instruments
            ]
            found = (self.actors.resolve(noun_phrase(s), context) for s in subjects)
            armed = next((actor for actor in found if _armed_author(actor, event)), None)
            if armed is not None:
                event.actor = [armed]

    def _lend_holders(
        self, placed: list[tuple[int, Event, Token]], context: DocumentContext
    ) -> None:
        """ "A hostage *taken by X* was released", "soldiers *held by* the rebels were freed": a
        release that names no one releasing takes who held the captives."""
        for _, event, trigger in placed:
            if event.actor or event.event_type != "RETREAT" or event.mode != "release":
                continue
            captives = [c for c in trigger.children if c.dep_ in ("nsubjpass", "dobj")]
            holders = [h for c in captives for h in used_by(c) if _held_by(h)]
            if holders:
                event.actor = [self.actors.resolve(noun_phrase(h), context) for h in holders[:1]]

    def _may_author(self, actor: Actor, replacing: bool) -> bool:
        """Whether a claimed or identified author may stand as an act's author: an armed one
        (not "a bus carrying passengers"), or one of no known sector; only a named armed one
        replaces an unnamed author ("gunmen")."""
        if replacing:
            return not self._unnamed(actor) and actor.sector in ARMED_SECTORS
        return actor.sector in (None, *ARMED_SECTORS)

    def _unnamed(self, actor: Actor) -> bool:
        """An actor the text names no one for ("gunmen", "the attackers"), though the
        resolver may have given it the name of its country."""
        state = self.actors.states.get(actor.country or "")
        named = actor.name is not None and actor.name != (state.name if state else None)
        return not named and actor.sector in (None, "UAF")

    def _named_authors(self, sentence: Span, context: DocumentContext) -> list[Actor]:
        """Who the sentence says was behind an act: the claimed authors (not "*no group*
        claimed ..."), else the armed group it identifies an actor as."""
        claimed = [span for span in claimed_authors(sentence) if not _denied(span)]
        authors = [self.actors.resolve(_self_named(span), context) for span in claimed]
        if authors:
            return authors
        spans = [*_identities(sentence), *self._said_to_be(sentence, context)]
        found = (self.actors.resolve(span, context) for span in spans)
        return [actor for actor in found if self._may_author(actor, True)]

    def _said_to_be(self, sentence: Span, context: DocumentContext) -> list[Span]:
        """ "The attackers *were members of* X", "the gunmen are suspected members of X": what
        a sentence says an unnamed armed actor is (not "the victims were members of X")."""
        found = []
        for subject, predicate in _predications(sentence):
            actor = self.actors.resolve(noun_phrase(subject), context)
            if actor.sector == "UAF" and self._unnamed(actor):
                found.append(noun_phrase(predicate))
        return found

    def _wielders(self, actor: Span) -> list[Span]:
        """The actor itself, or for a weapon who used it ("a missile *fired by the army*");
        a weapon with no one named is no actor."""
        if actor.root.lemma_.lower() not in self.instruments:
            return [actor]
        users = [noun_phrase(agent) for agent in used_by(actor.root)]
        named = any(t.ent_type_ in NAMING_ENTITIES for t in actor)  # "*Syrian* missiles"
        return users or ([actor] if named else [])

    def _modifier_actors(self, noun: Token, entry: TriggerEntry) -> list[Span]:
        """ "military coup", "jihadist attack": a modifier naming an actor (not a weapon, nor
        the modifier the entry asks for: "*general* strike", "*military* exercises")."""
        skip = self.weapon_words | set(entry.modifiers)
        compounds = [c for c in noun.lefts if c.dep_ == "compound"]  # "military coup d'état"
        modifiers = [
            child
            for child in [*noun.lefts, *(t for c in compounds for t in c.lefts)]
            if child.dep_ in ("amod", "compound", "nmod")
            and child.lower_ not in skip
            and not in_heading(child)  # "*Property* destruction: ..." is a label
            and f"{child.lower_} {noun.lower_}" not in self.weapon_words  # "a *car* bomb"
        ]
        words = [noun.doc[m.i : m.i + 1] for m in modifiers]
        phrases = [noun.doc[m.left_edge.i : m.i + 1] for m in modifiers]
        phrases = [p for p in phrases if all(t.pos_ == "PROPN" for t in p)]  # "*Boko Haram*"
        for span in (*words, *phrases):
            actor = self.actors.resolve_text(span.text)
            if actor.sector or actor.code:
                return [span]
        return []

    def _neutral_mentions(self, sentence: Span) -> set[int]:
        """A neutral statement's verb and the tokens it only mentions: its object noun's phrase
        and the verb's later prepositional phrases ("expressed condolences *over the attack*")."""
        neutral = self.statements["neutral"]
        mentioned: set[int] = set()
        for noun in sentence:
            verbs = neutral.get(noun.lemma_.lower()) or neutral.get(noun.lower_)
            verb = noun.head
            if not verbs or noun.dep_ != "dobj" or verb.lemma_.lower() not in verbs:
                continue
            phrases = [noun, *(c for c in verb.rights if c.dep_ == "prep" and c.i > noun.i)]
            mentioned.update(t.i for phrase in phrases for t in phrase.subtree)
            mentioned.add(verb.i)  # "offered condolences" is no offer
        return mentioned

    def _reports_event(self, coded: _Coded) -> bool:
        """Verbs always do; an event noun only when it is more than a back-reference."""
        match = coded.match
        if match.entry.pos != "noun":
            return True
        table = cues(self.lang)
        occurrence, casualty = table["occurrence_verbs"], table.get("casualty_verbs", set())
        frame = coded.frame
        return reports_event(
            match.token, match.entry, frame.actors, self.lexicon, occurrence, casualty
        )

    def _recast_intention(self, coded: _Coded, triggers: set[int]) -> None:
        """PLOVER: a promised cooperative act or retreat is AGREE, asserted; a decided retreat
        is the CONCEDE itself. Not when the intention is itself a coded event ("agreed to
        withdraw" is one AGREE event; the withdrawal stays a future RETREAT)."""
        reading = coded.reading
        decided = reading.cue in self.decisions["governors"]
        targets = self.decisions["types"] if decided else {}
        target = targets.get(coded.event_type) or self.intent_types.get(coded.event_type)
        if target is None or reading.modality != "future" or not reading.intent:
            return
        if reading.cue_index in triggers:
            return
        if _has_condition(coded.match.token, self.ultimatum_marks):
            target = "THREATEN"  # "will withdraw unless ...": an ultimatum
        coded.rule = f"{coded.rule}{RECAST_MARK}{target}"
        coded.event_type, coded.mode = target, None
        coded.reading = Reading("asserted", reading.cue, inherited=reading.inherited)

    def _recast_refusal(self, coded: _Coded, triggers: set[int]) -> None:
        """PLOVER: a refused or negated cooperative act is an asserted REJECT of it ("will not
        release the hostages": REJECT yield). Not when the refusal is itself a coded event
        ("refused to lift the ban" is one REJECT event, from "refused")."""
        reading = coded.reading
        types = self.refusal["types"]
        if reading.modality != "negated" or coded.event_type not in types:
            return
        if reading.cue not in self.refusal["governors"] or reading.cue_index in triggers:
            return
        if reading.cue_index is None and _past_clause(coded.match.token):
            return  # "had not withdrawn", "did not meet": a fact, not a refusal
        if _in_condition(coded.match.token):
            return  # "if the leaders are not freed": a supposition, not a refusal
        coded.rule = f"{coded.rule}{RECAST_MARK}REJECT"
        coded.event_type, coded.mode = "REJECT", types[coded.event_type]
        coded.reading = Reading("asserted", reading.cue, inherited=reading.inherited)

    def _event(self, coded: _Coded, sentence: Span, context: DocumentContext) -> Event:
        token = coded.match.token
        spec = self.ontology["types"][coded.event_type]
        when = self.times.resolve(sentence, token, context)
        modality = _dated_modality(coded.reading.modality, when, coded)
        if when.basis != "publication" and modality == "asserted":
            context.last_date = when  # only facts anchor "a week later" in what follows
        event = Event(
            doc_id=context.document.id,
            event_type=coded.event_type,
            mode=coded.mode,
            context=coded.context,
            quad_code=spec["quad"],
            intensity=spec["modes"].get(coded.mode, spec["intensity"]),
            sentence=sentence.text,
            span=(sentence.start_char, sentence.end_char),
            trigger=token.text,
            trigger_span=(token.idx, token.idx + len(token.text)),
            rule=coded.rule,
            actor=[self.actors.resolve(s, context) for s in coded.frame.actors],
            recipient=[self.actors.resolve(s, context) for s in coded.frame.recipients],
            date=when,
            location=self.places.resolve(sentence, token, context),
            modality=modality,
            lang=self.lang,
        )
        event.historical = _is_historical(when, context)
        event.confidence = confidence(coded, event, self.lexicon.reporting_verbs)
        return event


def _dated_modality(modality: Modality, when: DateInfo, coded: _Coded) -> Modality:
    """An asserted event dated after publication is future; not an intention recast as
    AGREE/CONCEDE, which is stated now ("will meet next week": an AGREE today), nor an event
    the text puts in the past ("imposed sanctions a week later")."""
    token = coded.match.token
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    settled = RECAST_MARK in coded.rule or past_tense(verb)
    return "future" if modality == "asserted" and when.future and not settled else modality


def _past_clause(token: Token) -> bool:
    """ "did not meet", "had not withdrawn": the trigger's clause is in the past."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    auxiliaries = (c for c in verb.children if c.dep_ in ("aux", "auxpass"))
    return past_tense(verb) or any(c.tag_ == "VBD" for c in auxiliaries)


def _merged_frame(match: TriggerMatch, lexicon: Lexicon) -> Frame:
    """The trigger's frame, completed by the frames of the same-type triggers it absorbed."""
    frame = frame_for(match.token, match.entry, lexicon)
    own = {match.token.i, *(m.token.i for m in match.absorbed)}
    frame.actors = [s for s in frame.actors if s.root.i not in own]
    for part in match.absorbed:
        extra = frame_for(part.token, part.entry, lexicon)
        if extra.reciprocal and not frame.actors:  # "killed in clashes between X and Y"
            return extra
        if not frame.actors:
            frame.actors = [s for s in extra.actors if s.root.i not in own]
        if not frame.recipients:
            frame.recipients = [s for s in extra.recipients if s.root.i not in own]
    return frame


def _rank_below_governors(pairs: list[tuple[_Coded, Event]]) -> None:
    """The main event of a sentence outranks the purpose and participle clauses it governs:
    "residents *demonstrated* to demand roads", "traders *staged a sit-in*, denouncing taxes",
    "gunmen *attacked* the post to seize weapons". Violence does not rank below the movement
    that governs it: "troops entered the village, *killing* three"."""
    anchors = {i: event for coded, event in pairs for i in _anchors(coded.match.token)}
    for coded, event in pairs:
        governor = _governing_event(coded.match.token, anchors)
        if governor is None or governor is event:
            continue
        if not (_material_conflict(event) and governor.event_type == "MOBILIZE"):
            _rank_below(event, governor)


def _clause_linked(token: Token, trigger: Token) -> bool:
    """Whether the token hangs below the trigger through coordination, adverbial or
    predicative clauses and prepositions only ("killed and ten *wounded* when X *attacked*")."""
    while token.dep_ in CAUSE_LINKS and token.head.i != token.i:
        token = token.head
        if token.i == trigger.i:
            return True
    return False


def _cause_linked(token: Token, trigger: Token) -> bool:
    """A clause linked to the trigger (:func:`_clause_linked`), or one the parse hides: a
    prepositional clause ("wounded *after being shot* by X"), a "when" clause spaCy hung on a
    noun of the trigger's phrase ("25 killed, including 10 tourists, *when* X attacked"), or
    the verb that carries an event noun ("killed when X *launched an attack*")."""
    anchors = (token.doc[i] for i in _anchors(token))
    return any(_linked_clause(anchor, trigger) for anchor in anchors)


def _linked_clause(token: Token, trigger: Token) -> bool:
    """:func:`_cause_linked` for one token standing for the cause."""
    when = any(c.dep_ == "advmod" and c.lower_ == "when" for c in token.children)
    if (token.dep_ == "relcl" and when) or token.dep_ == "pcomp":
        token = token.head
        return token.i == trigger.i or _clause_linked(token, trigger)
    return _clause_linked(token, trigger)


def _rank_below_speech_acts(pairs: list[tuple[_Coded, Event]], types: list[str]) -> None:
    """ "condemned the killing of ...", "welcomed the release of ...", "demanded that the
    junta free ...", "its demand that Israel ease ...": the speech act outranks the events its
    object, clausal complement (or a later prepositional phrase) mentions."""
    for coded, act in pairs:
        trigger = coded.match.token
        if act.event_type not in types:
            continue
        labels = SPEECH_ACT_CONTENT.get(trigger.pos_, ())
        phrases = [c for c in trigger.rights if c.dep_ in labels]
        mentioned = {t.i for phrase in phrases for t in phrase.subtree}
        for other, event in pairs:
            if event is not act and other.match.token.i in mentioned:
                _rank_below(event, act)


def _rank_below_protests(pairs: list[tuple[_Coded, Event]]) -> None:
    """An asserted protest outranks what is said or held in the same sentence: the demands,
    denunciations and support it voices, the meeting it is ("staged a protest meeting,
    demanding ...", "marched and called for ...")."""
    protests = [e for _, e in pairs if e.event_type == "PROTEST" and e.modality == "asserted"]
    for _, event in pairs:
        if protests and event.event_type in PROTEST_CONTENT:
            _rank_below(event, max(protests, key=lambda e: e.confidence))


def _rank_below_results(pairs: list[tuple[_Coded, Event]]) -> None:
    """An asserted material-conflict act outranks, in its sentence, a cooperative act reported
    by what it led to ("a joint *operation* led to the arrest of 20 suspects", "joint
    *operations* resulting in the death of ..."). (A statement about one of the act's
    participants ranks below it by :func:`_rank_below_main_clause`.)"""
    conflict = [(c.match.token, e) for c, e in pairs if _material_conflict(e)]
    for coded, event in pairs:
        if event.quad_code != MATERIAL_COOPERATION or event.event_type in SIDE_ACT_TYPES:
            continue
        for act_trigger, act in conflict:
            if _reported_by_result(coded.match.token, act_trigger):
                _rank_below(event, act)


def _rank_below_main_clause(pairs: list[tuple[_Coded, Event]]) -> None:
    """An asserted act outranks, in its sentence, an event told only to say who one of its
    participants is ("a rebel group *that attacked* army camps in May signed an accord", "a
    colonel who had disappeared since the coup was arrested") or what it answered ("*in
    response to* the attack on 17 June, the army launched operations"): the news is the act."""
    acts = [(c.match.token, e) for c, e in pairs if e.modality == "asserted"]
    for coded, event in pairs:
        trigger = coded.match.token
        for act_trigger, act in acts:
            if act is not event and (
                _describes_participant(trigger, act_trigger) or _background_of(trigger, act_trigger)
            ):
                _rank_below(event, act)


def _background_of(token: Token, trigger: Token) -> bool:
    """Whether the event noun is the background of the trigger's clause: the object of "after",
    "following", "since" or of "in response to" on the trigger (or the verb carrying it)."""
    if token.dep_ != "pobj":
        return False
    prep = token.head
    head = prep.head
    if prep.lower_ not in BACKGROUND_PREPS:
        if head.lemma_.lower() not in BACKGROUND_NOUNS or head.dep_ != "pobj":
            return False
        head = head.head.head  # "in response to X": the verb the "in" phrase hangs on
    return head.i in _anchors(trigger)


def _describes_participant(token: Token, trigger: Token) -> bool:
    """Whether the token lies in a clause modifying a noun of the trigger's phrase ("a man
    *accused* of theft was beaten": "accused" modifies the subject of "beaten")."""
    anchors = set(_anchors(trigger))
    in_modifier = False
    while token.head.i != token.i and token.i not in anchors:
        in_modifier = in_modifier or (
            token.dep_ in NOUN_CLAUSES
            and token.head.pos_ in (*EVENT_NOUN_POS, "PRON")
            and token.head.i != trigger.i  # a clause on the event noun tells the event itself
        )
        token = token.head
    return in_modifier and token.i in anchors


def _reported_by_result(token: Token, trigger: Token) -> bool:
    """Whether the trigger lies in the phrase of the event noun, or of the verb the noun is
    the subject of ("the operation *led* to arrests", "operations *resulting* in deaths"); not
    a verb's purpose ("provided rifles *to fight* the rebels")."""
    if token.pos_ not in EVENT_NOUN_POS:
        return False
    heads = [token, token.head] if token.dep_ in ("nsubj", "nsubjpass") else [token]
    return any(head == trigger or head.is_ancestor(trigger) for head in heads)


def _has_condition(verb: Token, marks: set[str]) -> bool:
    """Whether the verb has an adverbial clause opened by one of these marks ("unless")."""
    clauses = (c for c in verb.children if c.dep_ == "advcl")
    return any(m.dep_ == "mark" and m.lower_ in marks for c in clauses for m in c.children)


def _anchors(token: Token) -> list[int]:
    """Tokens that stand for a trigger's event: the trigger, and the verb that carries an
    event noun ("*staged* a sit-in", "*took* to the streets")."""
    anchors = [token.i]
    if token.pos_ in EVENT_NOUN_POS and token.dep_ in ("dobj", "nsubjpass"):
        anchors.append(token.head.i)
    elif token.dep_ == "pobj" and token.head.dep_ == "prep":
        anchors.append(token.head.head.i)
    return anchors


def _governing_event(token: Token, anchors: dict[int, Event]) -> Event | None:
    """The event whose trigger governs this verb through purpose, participle or infinitive
    clauses ("marched *to demand*", "a march organised by X *to demand*", "rioted *by
    attacking*"), or None."""
    if token.pos_ not in ("VERB", "AUX"):
        return None
    subordinate = False  # a coordinated event ("marched and demanded") is not governed
    while token.dep_ in (*SUBORDINATE_CLAUSES, "conj", "pcomp") and token.head.i != token.i:
        head = token.head
        if token.dep_ == "pcomp" and head.dep_ == "prep":
            head = head.head
        subordinate = subordinate or token.dep_ != "conj"
        if subordinate and head.i in anchors:  # "blocked roads and occupied ..., demanding"
            return anchors[head.i]
        token = head
    return None


def _rank_by_gravity(placed: list[tuple[int, Event, Token]]) -> None:
    """ACLED and news alike report an episode by its gravest act: "killed two and abducted a
    third", "attacked the post and seized weapons". Among asserted material-conflict events
    within a few sentences, a milder one (:data:`GRAVITY`) ranks below a graver one, unless
    the graver one is only part of the milder one's phrase ("protested against rangers
    seizing a truck") or a prepositional phrase ("arrested suspects *in the attack*"). A
    graver act reported without its author ("three civilians were killed") takes the author
    of the act reported before it."""
    conflict = [(n, e, t) for n, e, t in placed if _material_conflict(e)]
    for number, event, trigger in conflict:
        for other_number, other, other_trigger in conflict:
            if (
                abs(number - other_number) <= EPISODE_SENTENCES
                and _gravity(other) > _gravity(event)
                and other_trigger.dep_ != "pobj"
                and not _inside(other_trigger, trigger)
            ):
                _rank_below(event, other)
                if not other.actor and (number, trigger.i) < (other_number, other_trigger.i):
                    other.actor = list(event.actor)


def _rank_below_episode_conflict(placed: list[tuple[int, Event, Token]]) -> None:
    """ "Gunfire rocked the capital overnight. ... The minister called for calm.": what is
    said, agreed or given about an episode (a call, an accusation, a meeting, a joint
    operation) ranks below an asserted material-conflict act or protest that another
    sentence of the episode reports: news and ACLED alike report an episode by its act.
    Acts of one sentence keep their own ranking (a sentence is ranked by its clauses)."""
    conflict = [(n, e) for n, e, _ in placed if _material_conflict(e)]
    for number, event, _ in placed:
        if event.quad_code == MATERIAL_CONFLICT or event.event_type in SIDE_ACT_TYPES:
            continue
        others = [e for n, e in conflict if n != number and abs(n - number) <= EPISODE_SENTENCES]
        if others:
            _rank_below(event, max(others, key=lambda e: e.confidence))


def _rank_below_current(events: list[Event]) -> None:
    """News leads with what just happened: an asserted event that ended over a year before
    publication ("protested on the anniversary of the 1987 assassination") ranks below the
    document's most confident current one."""
    current = [e for e in events if e.modality == "asserted" and not e.historical]
    if not current:
        return
    lead = max(current, key=lambda e: e.confidence)
    for event in events:
        if event.historical:
            _rank_below(event, lead)


def _rank_below_answered(placed: list[tuple[int, Event, Token]]) -> None:
    """An act that answers or ends an act reported before it in its episode (:func:`_answers`)
    ranks below it: news and ACLED alike report the episode by the act that started it. A
    response in the fight ("the soldiers *repelled* the attack and *killed* four", "killed
    ten in a *counter-attack*") or a blow struck back ranks below the attack; a release
    ("four were later *released*") below the abduction or arrest it ends, a withdrawal ("the
    attackers *withdrew*") below the attack, unless that is only part of its phrase ("aid
    workers *kidnapped* in May have been freed", "withdrew after clashes")."""
    conflict = [(n, e, t) for n, e, t in placed if _material_conflict(e)]
    for number, event, trigger in placed:
        answered = [
            other
            for other_number, other, other_trigger in conflict
            if 0 <= number - other_number <= EPISODE_SENTENCES
            and (other_number, other_trigger.i) < (number, trigger.i)
            and _answers(event, trigger, other, other_trigger)
        ]
        if answered:
            _rank_below(event, max(answered, key=lambda e: e.confidence))


def _answers(event: Event, trigger: Token, other: Event, other_trigger: Token) -> bool:
    """Whether the event ends the other (:data:`ENDED_ACTS`: a release of its captives, a
    withdrawal after its attack) or answers its attack: a response (:func:`_responds`) or a
    blow struck back, by its target at its author ("militants attacked an army camp ... the
    soldiers killed seven militants"), unless the attack was crowd control."""
    if event.event_type == "RETREAT":
        if event.mode == "withdraw" and event.recipient:  # from a town, an accord: news
            return False
        ended = ENDED_ACTS.get(event.mode or "", ())
        ends = any(other.event_type == t and mode in (None, other.mode) for t, mode in ended)
        return ends and not _inside(other_trigger, trigger)
    if not _material_conflict(event) or other.event_type != "ASSAULT":
        return False
    struck_back = (
        other.mode != "crowd-control"  # a crowd that fights back after it is dispersed riots
        and _one_party(event.actor, other.recipient)
        and _one_party(event.recipient, other.actor)
    )
    return not _responds(other_trigger) and (_responds(trigger) or struck_back)


def _one_party(actors: list[Actor], others: list[Actor]) -> bool:
    """Whether an actor of one list is the party of one of the other: of one sector, and the
    same named actor or of no two countries (stricter than :func:`_alike`, where two groups
    of one country are alike)."""
    return any(
        a.sector is not None
        and a.sector == b.sector
        and (a.name == b.name if a.name and b.name else len({a.country, b.country} - {None}) < 2)
        for a in actors
        for b in others
    )


def _responds(token: Token) -> bool:
    """Whether the trigger answers an attack in its fight: a response word, an act
    coordinated after one with its subject ("repelled the attack and *killed* four"), or an
    act done in one ("*killed* ten in a counter-attack")."""
    if _response_word(token):
        return True
    head = token
    while head.dep_ == "conj" and not _has_subject(head):
        head = head.head
        if _response_word(head):
            return True
    phrases = (c for c in token.children if c.dep_ == "prep")
    return any(_response_word(t) for prep in phrases for t in prep.children if t.dep_ == "pobj")


def _response_word(token: Token) -> bool:
    """ "repelled", "fought off", "pushed back", "counterattack", "counter-attack" (which
    the tokenizer splits)."""
    lemma = token.lemma_.lower()
    if lemma in RESPONSE_WORDS:
        return True
    particles = (c.lower_ for c in token.children if c.dep_ in ("prt", "advmod", "prep"))
    if any((lemma, particle) in RESPONSE_PHRASES for particle in particles):
        return True
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "counter"


def _split_clauses(matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """ "Gunmen attacked the post, the troops repelled the attack", "gunmen attacked the
    village, the attackers burned houses": the parser hangs the first clause on the second as
    an adverbial clause, and the trigger finder folds it into the second as one event. Such a
    clause with its own subject is an act of its own (:func:`_separate_act`): it is coded
    apart, with what it folded in, and ranked with the others."""
    split = []
    for match in matches:
        split.append(match)
        for clause in [m for m in match.absorbed if _separate_act(m.token, match.token)]:
            inner = [m for m in match.absorbed if clause.token.is_ancestor(m.token)]
            moved = {id(m) for m in (clause, *inner)}
            match.absorbed = [m for m in match.absorbed if id(m) not in moved]
            split.append(replace(clause, absorbed=inner))
    return sorted(split, key=lambda m: m.token.i)


def _separate_act(token: Token, governor: Token) -> bool:
    """Whether the trigger heads an adverbial clause with a subject of its own that the
    governing trigger answers (a response) or that is spliced before it (:func:`_spliced`)."""
    if token.dep_ != "advcl" or not _has_subject(token):
        return False
    return _response_word(governor) or _spliced(token)


def _spliced(token: Token) -> bool:
    """Whether the token heads a clause with its own subject put before the clause it hangs
    on with no subordinating word: two main clauses that the parser joined ("X attacked the
    post, the attackers seized ...", not "*when* X attacked", "*after* X attacked")."""
    return (
        token.dep_ in ("advcl", "ccomp")
        and token.i < token.head.i
        and _has_subject(token)
        and not any(c.dep_ == "mark" or c.tag_ == "WRB" for c in token.children)
    )


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _rank_below_narrative(placed: list[tuple[int, Event, Token]]) -> None:
    """ "Troops say they killed 40 insurgents. The insurgents *had attacked* an outpost": an
    event told in the past perfect after the sentences that report the news is their
    background; it ranks below the most confident asserted event of the sentences before it
    (one not in the past perfect itself)."""
    told = [(n, e) for n, e, t in placed if e.modality == "asserted" and not _past_perfect(t)]
    for number, event, trigger in placed:
        before = [e for n, e in told if n < number]
        if before and _past_perfect(trigger):
            _rank_below(event, max(before, key=lambda e: e.confidence))


def _past_perfect(token: Token) -> bool:
    """Whether the trigger, or the verb carrying it, is in the past perfect ("had attacked",
    "had been attacked", "had carried out an attack")."""
    verbs = (token.doc[i] for i in _anchors(token))
    return any(c.dep_ == "aux" and c.lower_ == "had" for verb in verbs for c in verb.children)


def _lend_episode_actors(placed: list[tuple[int, Event, Token]]) -> None:
    """ "MNJ rebels ambushed soldiers, 17 soldiers killed": an asserted assault reported
    without its author (or with only words that name no one: "six", "the projectile", see
    :func:`_authored`) takes the author of the nearest assault reported before it in its
    episode."""
    assaults = [
        (n, e, t) for n, e, t in placed if e.event_type == "ASSAULT" and _material_conflict(e)
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


def _lend_episode_recipients(placed: list[tuple[int, Event, Token]]) -> None:
    """ "Gunmen attacked the village. Three residents were killed.", "opened fire and seized
    a motorbike": an asserted assault that names no recipient takes the victims of the
    nearest material-conflict act of its episode by the same author (or none), preferring one
    reported after it; not in a protest or riot, whose sides rule 30 of actors.py pairs."""
    acts = [(n, e, t) for n, e, t in placed if _material_conflict(e)]
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


def _armed_author(actor: Actor, event: Event) -> bool:
    """A non-state armed actor that is not one of the event's victims."""
    victim = any(_alike(actor, other) for other in event.recipient)
    return actor.sector in NONSTATE and not actor.implied and not victim


def _lend_captors(placed: list[tuple[int, Event, Token]]) -> None:
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


def _held_by(agent: Token) -> bool:
    """Whether the agent's participle says it held captives ("taken by", "held by")."""
    return agent.head.head.lemma_.lower() in HOLDING_VERBS


def _lend_heading_actors(placed: list[tuple[int, Event, Token]]) -> None:
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


def _code_acled(placed: list[tuple[int, Event, Token]], sentences: list[Span]) -> None:
    """ACLED types of each event, read with its episode as ACLED reads a note: the sentences
    around it and the events they report ("militants attacked the village; volunteers
    repelled the assault" is a clash)."""
    for number, event, _ in placed:
        start, end = max(0, number - EPISODE_SENTENCES), number + EPISODE_SENTENCES + 1
        episode = " ".join(s.text for s in sentences[start:end])
        neighbours = [e for n, e, _ in placed if e is not event and start <= n < end]
        acled = acled_for_event(event, episode, neighbours)
        event.acled_event_type, event.acled_sub_event_type = acled


def _inside(token: Token, trigger: Token) -> bool:
    """Whether the token lies in the phrase of the trigger (or of the verb carrying it): in
    an argument or a clause under it; not merely coordinated with it ("abducted and
    executed"), nor in a clause spliced before it (:func:`_spliced`)."""
    while token.dep_ == "conj":
        token = token.head
    anchors = _anchors(trigger)
    while token.head.i != token.i and token.head.i not in anchors:
        token = token.head
    return token.head.i in anchors and token.i not in anchors and not _spliced(token)


def _material_conflict(event: Event) -> bool:
    return event.quad_code == MATERIAL_CONFLICT and event.modality == "asserted"


def _gravity(event: Event) -> int:
    """How grave the act is: lethal violence, harm to persons, damage and coercion, dissent."""
    by_mode = GRAVITY.get(event.event_type, {})
    return by_mode.get(event.mode or "", by_mode.get("*", 0))


def _rank_below(event: Event, main: Event) -> None:
    event.confidence = round(min(event.confidence, main.confidence * SUBORDINATE_FACTOR), 3)


def _share_recipients(coded: list[_Coded]) -> None:
    """ "imposed sanctions and closed its borders with Mali": coordinated verbs of one type
    and one subject share a recipient that only one of them states."""
    for item in coded:
        if item.frame.recipients:
            continue
        for other in coded:
            linked = _coordinated(item.match.token, other.match.token)
            if linked and other.frame.recipients and other.event_type == item.event_type:
                item.frame.recipients = list(other.frame.recipients)
                break


def _coordinated(a: Token, b: Token) -> bool:
    """Verbs coordinated without a subject of their own ("imposed ... and closed")."""
    first, second = (a, b) if a.i < b.i else (b, a)
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in second.children)
    return second.dep_ == "conj" and second.head.i == first.i and not own_subject


def _scope_text(match: TriggerMatch) -> str:
    """Lemmas and words of the trigger's own phrase and arguments, for mode/context cues."""
    tokens: list[Token] = []
    for part in (match, *match.absorbed):
        tokens.extend(_local_tokens(part.token))
    if match.token.pos_ in ("NOUN", "PROPN") and match.token.dep_ == "dobj":
        tokens.extend(_local_tokens(match.token.head))
    words = sorted(set(tokens), key=lambda t: t.i)
    lemmas = " ".join(t.lemma_.lower() for t in words)
    lowers = " ".join(t.lower_ for t in words)
    return f" {lemmas} | {lowers} "


def _local_tokens(token: Token) -> list[Token]:
    """The token's subtree without the subtrees of its clausal dependents."""
    tokens = [token]
    for child in token.children:
        if child.dep_ in CLAUSE_LABELS and child.pos_ in ("VERB", "AUX"):
            continue
        tokens.extend(child.subtree)
    return tokens


def _mentions(scope: str, cue: Cue) -> bool:
    """Whether one of the cue's words stands as a whole word in the scope."""
    return _cue_pattern(cue.words).search(scope) is not None


@cache
def _cue_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One regex per cue (compiled once): any of its words, not inside a longer word."""
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")


def _first_cue(cues: tuple[Cue, ...], scope: str) -> str | None:
    return next((cue.value for cue in cues if _mentions(scope, cue)), None)


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _in_condition(token: Token) -> bool:
    """Whether the token's clause, or one above it, is a condition ("if ...", "unless ...")."""
    current = token
    for _ in range(len(token.sent)):
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKERS for c in current.children):
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def _is_historical(when: DateInfo, context: DocumentContext) -> bool:
    pub = context.document.pub_date
    end = when.end or when.date
    return bool(pub and end and pub - end > HISTORICAL_AFTER)


def confidence(coded: _Coded, event: Event, reporting_verbs: tuple[str, ...] = ()) -> float:
    """How likely the record is right as coded, and how central it is to its sentence (0-1).

    The lexicon entry's prior, scaled by the frame (a specific, resolved actor; a recipient
    where the type needs one), by how deeply the trigger is embedded (the main event of a
    sentence outranks one in a subordinate clause or a prepositional phrase), by agreeing
    triggers folded into it, by a part of speech that disagrees with the entry, by a
    modality that is only inherited, and by an explicit date.
    """
    match, token = coded.match, coded.match.token
    score = match.entry.confidence
    if not event.actor:
        score *= 0.75
    elif not _specific(event.actor):
        score *= 0.85
    elif any(a.code or a.sector for a in event.actor):
        score *= 1.05
    if event.recipient:
        score *= 1.05
    elif event.event_type in REQUIRES_RECIPIENT:
        score *= 0.85
    score *= max(0.7, 0.93 ** _embedding(token, reporting_verbs))
    if match.absorbed:
        score *= 1.05
    if _pos_disagrees(token, match.entry.pos):
        score *= 0.85
    if coded.reading.inherited:
        score *= 0.95
    if event.date.basis in ("explicit", "relative"):
        score *= 1.02
    return round(max(0.05, min(0.99, score)), 3)


def _embedding(token: Token, reporting_verbs: tuple[str, ...]) -> int:
    """Clauses and prepositional phrases between the trigger and its sentence's root; the
    content of a reporting verb ("officials said ...") counts as a main clause."""
    depth = 0
    while token.head.i != token.i:
        dep, head = token.dep_, token.head
        reported = dep == "ccomp" and head.lemma_.lower() in reporting_verbs
        if dep in EMBEDDING_LABELS and not reported:
            depth += 1
        token = head
    return depth


def _specific(actors: list[Actor]) -> bool:
    return any(a.text.lower() not in VAGUE_ACTORS for a in actors)


def _pos_disagrees(token: Token, pos: str) -> bool:
    tag = token.tag_
    return not tag.startswith("VB") if pos == "verb" else not tag.startswith("NN")
