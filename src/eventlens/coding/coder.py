"""The event coder: parsed document in, PLOVER event records out.

It codes each sentence's triggers into events, then runs the ranking passes (ranking.py) and
the lending passes (lending.py) over the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from functools import cache

from spacy.tokens import Doc, Span, Token

from eventlens.coding.crosswalk import acled_for_event
from eventlens.coding.frames import Frame, frame_for, in_heading, noun_phrase, used_by
from eventlens.coding.learned import LearnedTyper
from eventlens.coding.lending import (
    cause_linked,
    clause_linked,
    lend_captors,
    lend_claimed_authors,
    lend_episode_actors,
    lend_episode_recipients,
    lend_heading_actors,
    lend_holders,
    lend_scene_actors,
    lend_told_authors,
)
from eventlens.coding.lexicon import Cue, Lexicon, TriggerEntry, load_lexicon
from eventlens.coding.modality import (
    Reading,
    cues,
    past_tense,
    read_attempt,
    read_modality,
)
from eventlens.coding.ranking import (
    EPISODE_SENTENCES,
    rank_below_answered,
    rank_below_current,
    rank_below_episode_conflict,
    rank_below_governors,
    rank_below_lead,
    rank_below_main_clause,
    rank_below_narrative,
    rank_below_protests,
    rank_below_results,
    rank_below_speech_acts,
    rank_by_gravity,
    split_clauses,
)
from eventlens.coding.reference import reports_event
from eventlens.coding.triggers import TriggerMatch, find_triggers
from eventlens.data_files import load_yaml
from eventlens.record import Actor, DateInfo, Document, Event, Modality
from eventlens.resolve.actors import ActorResolver
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
INSTRUMENT_MODES = ("explosives", "heavy-weapons", "firearms")
NAMING_ENTITIES = ("NORP", "GPE", "ORG", "PERSON")
WEAPON_MODES = (*INSTRUMENT_MODES, "aerial", "drone", "suicide-attack")
PERSON_WEAPON_WORDS = frozenset({"gunman", "gunmen", "sniper"})
VAGUE_ACTORS = ("you", "we", "it", "they", "one", "someone", "everyone", "this", "that")


@dataclass
class Coded:
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
            matches = split_clauses(find_triggers(sentence, self.lexicon))
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
            rank_below_governors(pairs)
            rank_below_speech_acts(pairs, self.statements["mentioning_types"])
            rank_below_protests(pairs)
            rank_below_results(pairs)
            rank_below_main_clause(pairs)
            placed.extend((number, event, item.match.token) for item, event in pairs)
        rank_by_gravity(placed)
        rank_below_episode_conflict(placed)
        rank_below_answered(placed)
        rank_below_narrative(placed)
        rank_below_current([event for _, event, _ in placed])
        rank_below_lead(placed)
        lend_claimed_authors(placed, sentences, context, self.actors)
        lend_episode_actors(placed)
        lend_heading_actors(placed)
        lend_scene_actors(placed, sentences, context, self.actors, self.instruments)
        lend_captors(placed)
        lend_told_authors(placed)
        lend_holders(placed, context, self.actors)
        _code_acled(placed, sentences)
        lend_episode_recipients(placed)
        for _, event, _ in placed:  # "protests were held": the protesters (actors.py rule 26)
            self.actors.imply(event, context)
        self.actors.face_crowds([event for _, event, _ in placed], context)
        return [event for _, event, _ in placed]

    def _code_match(self, match: TriggerMatch, triggers: set[int]) -> Coded:
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
        coded = Coded(match, frame, reading, entry.type, mode, _unique(contexts), entry.rule)
        self._recast_intention(coded, triggers)
        self._recast_refusal(coded, triggers)
        return coded

    def _lend_from_causes(self, pairs: list[tuple[Coded, Event]]) -> None:
        """ "seven soldiers were killed *when militants attacked* the base", "were killed and 30
        wounded when ...", "killed in *an attack by X*", "killed when their truck *hit a mine*":
        an assault without author or weapon takes those of the assault in its adverbial clause
        or phrase, or of one coordinated with it. A cause the parse hides (:func:`cause_linked`)
        lends only its author: the assault keeps its confidence, below the act that caused it."""
        for coded, event in pairs:
            if event.event_type != "ASSAULT":
                continue
            trigger = coded.match.token
            assaults = [
                (o.match.token, cause) for o, cause in pairs if cause.event_type == "ASSAULT"
            ]
            causes = [cause for token, cause in assaults if clause_linked(token, trigger)]
            hidden = [
                cause
                for token, cause in assaults
                if cause_linked(token, trigger) and not clause_linked(token, trigger)
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

    def _reports_event(self, coded: Coded) -> bool:
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

    def _recast_intention(self, coded: Coded, triggers: set[int]) -> None:
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

    def _recast_refusal(self, coded: Coded, triggers: set[int]) -> None:
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

    def _event(self, coded: Coded, sentence: Span, context: DocumentContext) -> Event:
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


def _dated_modality(modality: Modality, when: DateInfo, coded: Coded) -> Modality:
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


def _has_condition(verb: Token, marks: set[str]) -> bool:
    """Whether the verb has an adverbial clause opened by one of these marks ("unless")."""
    clauses = (c for c in verb.children if c.dep_ == "advcl")
    return any(m.dep_ == "mark" and m.lower_ in marks for c in clauses for m in c.children)


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


def _share_recipients(coded: list[Coded]) -> None:
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


def confidence(coded: Coded, event: Event, reporting_verbs: tuple[str, ...] = ()) -> float:
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
