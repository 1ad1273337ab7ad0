"""Actor and recipient spans of a trigger, read from the dependency parse.

Verbal triggers: the subject (inherited through coordination, control, purpose and
participle clauses; a relative pronoun stands for its noun; "it" in reported speech for the
speaker) is the actor, the object or a prepositional phrase the recipient; passives swap them.
Nominal triggers: possessive, "by" phrase, demonym modifiers or the subject of a light verb
("launched an attack") give the actor; "of", "against", "on" phrases the recipient.
Coordinated phrases give several entities, appositions one. A weapon used ("detonated *an
IED* against X") is the instrument, its target the recipient; coordinated sides of a mutual
verb ("X and Y clashed") act on each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from eventlens.coding.crosswalk import HEADING
from eventlens.coding.lexicon import Lexicon, TriggerEntry
from eventlens.coding.modality import cues
from eventlens.coding.triggers import carrier, complements, governing_verb, word_forms
from eventlens.resolve.actor_kb import fold, load_kb, singular_forms
from eventlens.resolve.context import doc_text

SUBJECT_LABELS = ("nsubj", "nsubjpass", "csubj")
RELATIVIZERS = ("who", "that", "which", "whom")
NOT_ENTITIES = ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL")
ENTITY_TYPES = ("NORP", "GPE", "ORG", "PERSON")
ARGUMENT_POS = ("NOUN", "PROPN", "PRON")
SPEAKER_PRONOUNS = ("it", "they")
MAX_HOPS = 5
HEADING_TOKENS = 16  # a "Label:" heading is at most five words: its colon is this close
LINE_LOOKBACK = 200  # characters read back to tell a paragraph start
DASHES = ("-", "–", "—", "--")
RECIPROCAL_VERBS = ("clash", "fight", "battle", "skirmish")  # "X and Y clashed": each other
EXCHANGE_VERBS = ("exchange", "trade")  # "X and Y *exchanged* fire": each on the other
RIVAL_WORDS = ("rival", "opposing", "two", "both", "competing", "neighbouring", "neighboring")
RECIPROCAL_PREPS = ("between", "among", "amongst")  # "clashes between X and Y"
# "clashed *with each other*", "fought *among themselves*": the actors are also the recipients.
RECIPROCAL_PRONOUNS = ("other", "another", "themselves")
# Rule 71: "a bomber *blew himself up*": the bomb's carrier, not its target.
REFLEXIVES = ("himself", "herself", "itself", "themselves")
# Participles spaCy misreads as the main verb: "*suspected* JNIM militants attacked ...".
HEDGE_VERBS = ("suspect", "presume", "allege", "believe")
# Words that count the casualties of a reduced passive: "*one* killed, *several others* wounded".
COUNT_WORDS = ("one", "other", "another", "none", "some", "several", "many", "dozen", "dozens")
# Harm verbs that always take the harmed as object: "Health worker *assassinated* overnight"
# (no object, no auxiliary) reports what was done to the subject.
OBJECT_HARM_VERBS = ("assassinate", "abduct", "kidnap", "execute", "behead", "murder", "lynch")
SHARED_OBJECT_TYPES = ("ASSAULT", "COERCE")  # "abducted and detained X": X suffered both
ATTRIBUTION_VERBS = ("plant", "lay", "claim", "carry", "perpetrate")  # "planted by X"
UNDERGOING_VERBS = ("come", "be", "remain", "fall")  # "came *under* attack from X"
ATTACKER_PREPS = ("from", "by")
# Types whose content clause names the recipient: "demanded that *the junta* release ...".
ADDRESSED_TYPES = ("REQUEST", "ACCUSE", "REJECT", "THREATEN")
THREAT_PREPS = ("against", "on", "upon", "at")
PLACE_PREPS = ("in", "near")  # "a military base *in Borno state*": where the target is
LOCATIVE_PREPS = ("in", "near", "at", "on", "along")  # "clashed *at the market*": a place
PLACE_TYPES = ("GPE", "LOC", "FAC")
ORIGIN_PREPS = ("from", "by")  # "a request *from the Times*": whose the target is
# Documents that speak for whoever issued them: "X issued a *statement* urging Y".
DOCUMENT_NOUNS = (
    "statement",
    "report",
    "letter",
    "communique",
    "communiqué",
    "declaration",
    "message",
    "note",
    "appeal",
    "video",
    "tweet",
)
OBJECT_PRONOUNS = ("him", "her", "them")
# Bare nouns of prepositional idioms, never a recipient: "eased sanctions in *return*".
IDIOM_NOUNS = (
    "return",
    "response",
    "addition",
    "part",
    "turn",
    "order",
    "case",
    "alert",
    "effect",
    "fact",
    "contrast",
    "exchange",
    "retaliation",
    "advance",
    "accordance",
    "principle",
    "practice",
    "total",
    "person",
    "protest",
    "solidarity",
    "power",
)
# Weapons a verb's object may name ("detonated *an IED* against X"): the lexicon's ASSAULT mode
# cues of these modes; the target is then a prepositional phrase or a targeting clause.
INSTRUMENT_MODES = ("explosives", "heavy-weapons", "firearms", "crowd-control")
PERSON_WEAPON_WORDS = ("gunman", "gunmen", "sniper", "riot police")
# Verbs whose object may be the weapon used ("*fired* rockets at X"), not whom it hit.
INSTRUMENT_VERBS = (
    "detonate",
    "explode",
    "fire",
    "launch",
    "throw",
    "hurl",
    "lob",
    "shoot",
    "plant",
    "lay",
    "use",
    "drop",
    "trigger",
    "place",
)
TARGET_PREPS = ("against", "at", "on", "upon", "into", "toward", "towards")
AIMED_PREPS = ("against", "at", "into", "toward", "towards")  # "a bomb *against* a patrol"
TARGETING_VERBS = ("target", "aim", "hit", "strike")  # "a bomb *targeting* a patrol"
# Types whose theme passes to the recipient: "sent *aid* to X" (X, not the aid, is the recipient).
TRANSFER_TYPES = ("AID", "COOPERATE", "SUPPORT", "AGREE", "RETREAT", "CONCEDE", "MOBILIZE")


@dataclass
class Frame:
    """Who did it (actor) and to whom (recipient), as noun-phrase spans."""

    actors: list[Span] = field(default_factory=list)
    recipients: list[Span] = field(default_factory=list)
    reciprocal: bool = False  # "clashes between X and Y": the two sides of one fight


def frame_for(trigger: Token, entry: TriggerEntry, lexicon: Lexicon) -> Frame:
    """Actor and recipient spans for a trigger matched by ``entry``."""
    if entry.pos == "noun":
        actors, recipients = _nominal_roles(trigger, entry, lexicon)
    else:
        actors, recipients = _verbal_roles(trigger, entry, lexicon)
    if entry.inverse:
        actors, recipients = recipients, actors
    actors, recipients = _outside_heading(actors), _outside_heading(recipients)
    actor_spans = [_with_origin(s) for s in _expand_all(actors) if s.root.i != trigger.i]
    nominal = entry.pos == "noun" or trigger.tag_ == "VBG"  # "*fighting* between X and Y"
    sides = _reciprocal_sides(trigger) if nominal else []
    if len(sides) > 1 and not actor_spans:  # "clashes between soldiers and jihadists"
        return Frame(sides[:1], sides[1:], reciprocal=True)  # one side acts on the other
    if len(sides) == 1 and not actor_spans and _one_plural_side(sides[0]):
        return Frame(sides, list(sides), reciprocal=True)  # "fighting between armed groups"
    taken = {trigger.i, *(t.i for span in actor_spans for t in span)}
    recipient_spans = [s for s in _expand_all(recipients, placed=True) if s.root.i not in taken]
    if actor_spans and not recipient_spans:  # "X hosted talks between A and B": A and B
        recipient_spans = [s for s in sides if s.root.i not in taken]
    several = len(actor_spans) > 1 and _mutual(trigger, entry)
    split = _sides(actor_spans, recipient_spans) if several else 0
    if split:  # "X and Y clashed": X on Y
        return Frame(actor_spans[:split], actor_spans[split:], reciprocal=True)
    rivals = len(actor_spans) == 1 and _rivals(actor_spans[0]) and _mutual(trigger, entry)
    if actor_spans and not recipient_spans and (rivals or _among_themselves(trigger)):
        return Frame(actor_spans, list(actor_spans), reciprocal=True)
    return Frame(actor_spans, recipient_spans)


def _among_themselves(trigger: Token) -> bool:
    """ "ISGS fighters clashed *with each other*", "fought *among themselves*"."""
    objects = (o for p in trigger.children if p.dep_ == "prep" for o in p.children)
    return any(o.dep_ == "pobj" and o.lower_ in RECIPROCAL_PRONOUNS for o in objects)


def _sides(actors: list[Span], recipients: list[Span]) -> int:
    """Where coordinated actors divide into two sides (0: they do not): at the last "and"
    ("X or Y militants *and* soldiers clashed"; "or" joins alternatives of one side), when
    no other recipient than a place is named ("clashed *at the market*")."""
    if not all(s.root.dep_ == "pobj" and s.root.head.lower_ in LOCATIVE_PREPS for s in recipients):
        return 0
    joined = [k for k in range(1, len(actors)) if _joined_by_and(actors[k])]
    if joined:
        return joined[-1]
    return 0 if any(_joined_by_or(a) for a in actors[1:]) else 1


def _joined_by_and(span: Span) -> bool:
    """ "X *and* Y": the span follows an "and" (not "or", nor "and/or")."""
    return _conjunction_before(span) in ("and", "&")


def _joined_by_or(span: Span) -> bool:
    """ "X *or* Y", "X *and/or* Y": alternatives of one side."""
    return _conjunction_before(span) in ("or", "nor", "and/or")


def _conjunction_before(span: Span) -> str:
    """The coordinating word just before the span ("" if none); "and/or" as one word."""
    before = [t for t in span.doc[max(0, span.start - 3) : span.start] if t.text != ","]
    words = [t.lower_ for t in before]
    if words[-3:] == ["and", "/", "or"] or (words and words[-1] == "and/or"):
        return "and/or"
    return words[-1] if before and before[-1].dep_ == "cc" else ""


def _rivals(span: Span) -> bool:
    """ "*rival* youths", "*two* villages": one plural phrase naming both sides of a clash."""
    words = [t.lower_ for t in span.root.lefts]
    return _plural(span.root) and any(w in RIVAL_WORDS for w in words)


def _mutual(trigger: Token, entry: TriggerEntry) -> bool:
    """A verb whose coordinated subjects act on each other ("X and Y *clashed*", "X and Y
    *exchanged* prisoners"), or an event noun such a verb carries ("exchanged *fire*")."""
    if entry.pos == "verb":
        return trigger.lemma_.lower() in (*RECIPROCAL_VERBS, *EXCHANGE_VERBS)
    noun = carrier(trigger)
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in EXCHANGE_VERBS


def heading_end(sentence: Span) -> int:
    """Index of the first token after a leading "Label:" heading of the sentence, or its start.

    A heading opens a text or paragraph, matches crosswalk's ``HEADING`` and is no clause of
    its own ("The minister said: ..." is speech, not a label)."""
    text, start = doc_text(sentence.doc), sentence.start_char
    before = text[max(0, start - LINE_LOOKBACK) : start].rstrip(" \t")
    if before and not before.endswith("\n"):
        return sentence.start
    found = HEADING.match(text, start)
    if not found:
        return sentence.start
    label = [t for t in sentence if t.idx < found.end(1)]
    if any(t.dep_ in SUBJECT_LABELS and t.head in label for t in label):
        return sentence.start
    return sentence.start + len(label)


def in_heading(token: Token) -> bool:
    """Whether the token lies in the leading "Label:" heading of its sentence. Only a token
    with a colon a few tokens after it can be (finding its sentence is costly)."""
    ahead = token.doc[token.i : token.i + HEADING_TOKENS]
    if not any(t.text == ":" for t in ahead):
        return False
    return token.i < heading_end(token.sent)


def _outside_heading(tokens: list[Token]) -> list[Token]:
    """The tokens not in a heading; a heading word stands down for its apposition
    ("Agreement: *X, Y and Z* agreed ...")."""
    kept = []
    for token in tokens:
        if not in_heading(token):
            kept.append(token)
        else:
            kept += [c for c in token.rights if c.dep_ == "appos" and not in_heading(c)]
    return kept


def _reciprocal_sides(noun: Token) -> list[Span]:
    """The sides of "clashes *between X and Y*" (also "fighting broke out between X and Y")."""
    holders = [noun, noun.head] if noun.dep_ in ("nsubj", "nsubjpass") else [noun]
    holders += [c for h in holders for c in h.rights if c.dep_ == "npadvmod"]  # misattached
    for holder in holders:
        for prep in holder.rights:
            if prep.dep_ == "prep" and prep.lower_ in RECIPROCAL_PREPS:
                sides = [p for p in prep.children if p.dep_ == "pobj"] or _clause_objects(prep)
                expanded = _expand_all(sides[:1])
                return expanded if len(expanded) != 1 else _split_shared_head(sides[0]) or expanded
    return []


def _one_plural_side(side: Span) -> bool:
    """ "clashes between *armed groups*": a plural naming both sides, with no coordination
    buried in its phrase (where the parser lost the second side)."""
    return _plural(side.root) and not any(t.dep_ == "cc" for t in side.root.subtree)


def _clause_objects(prep: Token) -> list[Token]:
    """ "between *protesting* students and police": the parser read the participle modifying
    the first side as the head of the phrase, and the sides as its object."""
    return [o for c in prep.children if c.dep_ == "pcomp" for o in _objects(c)][:1]


def _split_shared_head(noun: Token) -> list[Span]:
    """ "between *the Chadian army and rebel forces*": the parser made one phrase of two sides
    (a noun modifier coordinated inside the phrase); split it at the conjunction."""
    for modifier in noun.lefts:
        cc = next((c for c in modifier.children if c.dep_ == "cc"), None)
        conj = next((c for c in modifier.children if c.dep_ == "conj"), None)
        if modifier.pos_ in ("NOUN", "PROPN") and cc is not None and conj is not None:
            doc = noun.doc
            return [doc[noun.left_edge.i : cc.i], doc[conj.left_edge.i : noun.i + 1]]
    return []


def _verbal_roles(verb: Token, entry: TriggerEntry, lexicon: Lexicon) -> tuple[list, list]:
    subjects, passive = subjects_of(verb, lexicon.reporting_verbs)
    passive = passive and not _stranding_prepositional(verb, entry)
    objects = [_antecedent(o) for o in _harmed_objects(verb, entry)] or _hedged_objects(verb)
    objects = objects or _counted_complement(verb)  # "abducted *between 5 and 9* people"
    if not objects and entry.type in SHARED_OBJECT_TYPES:
        objects = _raised_objects(verb)  # "abducted and detained *a school director*"
    preps = entry.recipients or lexicon.recipient_preps
    if entry.type == "ASSAULT" and entry.object_is_recipient and not objects:
        # "one killed, several others wounded": the victims, not the killers
        passive = passive or _reduced_passive(verb, subjects)
    by_agent = bool(_agents(verb)) and not _noun_agent(verb)
    passive = passive or (by_agent and not objects)  # "abducted and executed by X"
    if passive:
        actors = _agents(verb) or _coordinated_agents(verb) or _by_phrase(verb)
        recipients = subjects if entry.object_is_recipient else []
        themes = subjects
    else:
        actors = subjects
        recipients = objects if entry.object_is_recipient else []
        themes = objects
    if recipients and entry.type in TRANSFER_TYPES and entry.mode != "release":
        recipients = _goal(verb, recipients) or recipients
    if _uses_instruments(verb, entry, themes, lexicon):
        recipients = _instrument_targets(verb, themes)  # "fired rockets *at the base*"
    if entry.type == "MOBILIZE" and not any(_names(r, ENTITY_TYPES) for r in recipients):
        recipients = []  # "mobilized *troops* for an assault against X": the troops move
    # "called for sanctions *against X*": the recipient may hang on a prepositional theme, or
    # on its participle ("lifted sanctions *imposed on X*"); the theme's own phrase comes first
    oblique = [o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    holders = [*themes, *_participles(themes), verb, *oblique]
    recipients = recipients or _datives(verb) or _prep_objects(holders, preps)
    recipients = recipients or _theme_owner(themes)
    if entry.type == "THREATEN":
        recipients = recipients or _clause_target(verb)
    if entry.type in ADDRESSED_TYPES:
        recipients = recipients or _addressee(verb, themes)
    threat = entry.type == "THREATEN"
    recipients = recipients or _complement_recipients(verb, lexicon.recipient_preps, threat)
    return actors, [_object_antecedent(verb, r) for r in recipients]


def _instrument_words(lexicon: Lexicon) -> set[str]:
    """The weapon words of the lexicon's ASSAULT mode cues ("ied", "rocket", "car bomb")."""
    cues_ = lexicon.mode_cues.get("ASSAULT", ())
    words = {w for cue in cues_ if cue.value in INSTRUMENT_MODES for w in cue.words}
    return words - set(PERSON_WEAPON_WORDS)


def _uses_instruments(verb: Token, entry: TriggerEntry, themes: list, lexicon: Lexicon) -> bool:
    """ "*detonated an IED*", "*fired rockets*": a verb of using a weapon whose themes are all
    weapons (not "*hit* a mine", where the subject suffers)."""
    if entry.inverse or verb.lemma_.lower() not in INSTRUMENT_VERBS or not themes:
        return False
    return all(_is_instrument(t, lexicon) for t in themes)


def _is_instrument(noun: Token, lexicon: Lexicon) -> bool:
    """ "an IED", "RPG rockets", "an explosive device": a weapon, not who it was used on; a
    noun naming what it belongs to is not one ("the *gold* mine", "the *Essakane* mine")."""
    words = _instrument_words(lexicon)
    lemma = noun.lemma_.lower()
    modifiers = [m for m in noun.lefts if m.dep_ in ("amod", "compound", "nmod")]
    if any(f"{m.lower_} {lemma}" in words for m in modifiers):
        return True  # "explosive device", "car bomb"
    if lemma not in words and noun.lower_ not in words:
        return False
    compounds = [m for m in modifiers if m.dep_ != "amod"]
    return all(m.lower_ in words or m.lemma_.lower() in words for m in compounds)


def _instrument_targets(verb: Token, instruments: list[Token]) -> list[Token]:
    """What a weapon was used against: "detonated an IED *against a convoy*", "fired rockets
    *at the base*", "a bomb *targeting a patrol*", "an IED *that hit a truck*"; nothing
    else (the weapon is no recipient)."""
    found = _prep_objects([verb], TARGET_PREPS) or _prep_objects(instruments, AIMED_PREPS)
    if found:
        return found
    clauses = [c for c in verb.children if c.dep_ in ("advcl", "xcomp", "conj")]
    clauses = [c for c in clauses if c.lemma_.lower() in TARGETING_VERBS]
    clauses += [c for i in instruments for c in i.children if c.dep_ in ("acl", "relcl")]
    for clause in clauses:
        objects = [o for o in _objects(clause) if _is_argument(o)]
        if objects:
            return objects[:1]
    return []


def _noun_agent(verb: Token) -> bool:
    """ "residents protested against pollution *by a firm*": a "by" phrase the parser hung on
    an active verb with a subject of its own, after a prepositional phrase whose noun it
    belongs to (the firm pollutes; it does not protest)."""
    if verb.tag_ != "VBD" or not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    agent = next(c for c in verb.children if c.dep_ == "agent")
    return any(c.dep_ == "prep" and verb.i < c.i < agent.i for c in verb.children)


def _stranding_prepositional(verb: Token, entry: TriggerEntry) -> bool:
    """ "a newspaper *called* Thursday *on* Arabs to unite": a verb that takes no object has no
    passive that keeps its preposition's complement, so the parser's reduced relative (an
    ``acl`` participle) is the main clause and its noun the subject."""
    marked = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if marked or "dobj" not in entry.forbids:
        return False
    return any(c.dep_ == "prep" and any(c.children) for c in verb.children)


def _reduced_passive(verb: Token, subjects: list[Token]) -> bool:
    """ "one killed", "AQIM chief reportedly killed", "several homes burned", "two others
    abducted": a harm verb with no object nor auxiliary reports what was done to its subject
    (any casualty verb; another one when it counts its subject: a participle, or a bare
    count)."""
    own = [c for c in verb.children if c.dep_ in SUBJECT_LABELS]
    bound = ("aux", "auxpass", "dobj", "obj")  # "have killed", "killed *at least one*"
    if not own or not subjects or any(c.dep_ in bound for c in verb.children):
        return False
    if _agents(verb) or _coordinated_agents(verb) or _by_phrase(verb):
        return True  # "village chief abducted and executed *by X*", "office attacked by X"
    casualty = cues()["casualty_verbs"]
    if any(_shares_subject(c) and c.lemma_.lower() not in casualty for c in verb.children):
        return False  # "gunmen killed and looted": an active subject shared with another act
    if verb.lemma_.lower() in (*casualty, *OBJECT_HARM_VERBS):
        return verb.tag_ in ("VBN", "VBD")
    if verb.tag_ == "VBN":
        return all(_counted(s) for s in own)
    return verb.tag_ == "VBD" and all(_bare_count(s) for s in own)


def _by_phrase(verb: Token) -> list[Token]:
    """The people of a "by" phrase the parser did not mark as the agent ("attacked by X")."""
    found = _prep_objects([verb], ("by",))
    return [g for g in found if g.pos_ in ("NOUN", "PROPN", "PRON") and not g.like_num]


def _bare_count(noun: Token) -> bool:
    """ "*one*", "two *others*", "*several*": a count standing for the people counted."""
    return noun.like_num or noun.lemma_.lower() in COUNT_WORDS


def _shares_subject(conjunct: Token) -> bool:
    """A coordinated verb without a subject of its own."""
    own = any(c.dep_ in SUBJECT_LABELS for c in conjunct.children)
    return conjunct.dep_ == "conj" and conjunct.pos_ == "VERB" and not own


def _counted(noun: Token) -> bool:
    """ "*3* soldiers", "*one*", "several *others*": a number of people, as casualties are."""
    if _bare_count(noun) or noun.ent_type_ == "CARDINAL":
        return True
    return any(c.dep_ == "nummod" or c.lower_ in COUNT_WORDS for c in noun.lefts)


def _coordinated_agents(verb: Token) -> list[Token]:
    """ "was attacked and then arrested *by X*", "were ambushed by X and killed": a passive
    verb without its own agent shares that of a passive verb coordinated with it."""
    partners = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if verb.dep_ == "conj":
        partners.append(verb.head)
    for partner in partners:
        own_subject = any(c.dep_ in SUBJECT_LABELS for c in partner.children)
        if partner.tag_ == "VBN" and (partner.i == verb.head.i or not own_subject):
            agents = _agents(partner)
            if agents:
                return agents
    return []


def claimed_authors(sentence: Span) -> list[Span]:
    """ "the device was likely *planted by X*", "X *claimed* responsibility", "the attack was
    *carried out by X*": who a sentence says was behind an act it does not itself report."""
    for verb in sentence:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in ATTRIBUTION_VERBS:
            continue
        subjects, passive = subjects_of(verb)
        authors = _agents(verb) or ([] if passive or not _objects(verb) else subjects)
        named = [a for a in authors if a.pos_ != "PRON"]
        if named:
            return _expand_all(named)
    return []


def used_by(weapon: Token) -> list[Token]:
    """ "a missile *fired by the army*", "mines *planted by X*", "*a helicopter* fired missiles
    that killed ...": who used the weapon."""
    participles = (c for c in weapon.children if c.dep_ == "acl" and c.tag_ == "VBN")
    agents = next((agents for p in participles if (agents := _agents(p))), [])
    verb = weapon.head
    if agents or weapon.dep_ != "dobj" or verb.lemma_.lower() not in INSTRUMENT_VERBS:
        return agents
    subjects, passive = subjects_of(verb)
    return [] if passive else [s for s in subjects if s.pos_ != "PRON"]


def _object_antecedent(verb: Token, pronoun: Token) -> Token:
    """ "called *Macron* to congratulate him", "met *Macron* and urged him": an object pronoun
    stands for the named object of the verb its clause depends on, when they agree in number."""
    if pronoun.lower_ not in OBJECT_PRONOUNS:
        return pronoun
    current = verb
    while current.dep_ in ("xcomp", "advcl", "conj") and current.head.i != current.i:
        current = current.head
        named = [c for c in current.children if c.dep_ == "oprd" and c.pos_ == "PROPN"]
        for candidate in [*_objects(current), *named]:  # "called *Erdogan*": parsed as oprd
            agrees = _plural(candidate) == (pronoun.lower_ == "them")
            if agrees and candidate.ent_type_ in ENTITY_TYPES:
                return candidate
    return pronoun


def _goal(verb: Token, objects: list[Token]) -> list[Token]:
    """ "gave *weapons* to the army", "returned the statues to Peru": when a transfer verb has
    a dative or a "to" phrase, that goal is the recipient and an object naming no one the
    thing transferred."""
    if any(_names(o, ENTITY_TYPES) for o in objects):
        return []
    return _datives(verb) or _prep_objects([verb], ("to",))


def _participles(nouns: list[Token]) -> list[Token]:
    """Participles modifying the nouns: "sanctions *imposed* on X"."""
    return [c for n in nouns for c in n.children if c.dep_ == "acl" and c.tag_ == "VBN"]


def _theme_owner(themes: list[Token]) -> list[Token]:
    """ "lifted its blockade *of Qatar*": a named "of" complement of an event theme."""
    for theme in themes:
        for owner in complements(theme):
            if owner.ent_type_ in ("GPE", "NORP", "ORG") and owner.pos_ == "PROPN":
                return [owner]
    return []


def _complement_recipients(verb: Token, preps: tuple[str, ...], threat: bool) -> list[Token]:
    """ "refused to lift sanctions *on Iran*", "threatened to shell *the town*": the recipient
    of a to-infinitive complement, when the trigger has none of its own: a prepositional
    recipient, else the object of a threatened action or a named object ("agreed to open
    *its borders*" names a theme)."""
    for complement in (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
        objects = [_antecedent(o) for o in _objects(complement) if _is_argument(o)]
        named = [o for o in objects if threat or _names(o, ENTITY_TYPES)]
        found = _prep_objects([complement, *objects], preps) or named
        if found:
            return found
    return []


def _clause_target(verb: Token) -> list[Token]:
    """ "warned that troops will strike *the rebels*": who the threatened action is aimed at,
    a prepositional recipient or a named object of the content clause."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.pos_ == "VERB"):
        named = [o for o in _objects(clause) if o.ent_type_ in ENTITY_TYPES]
        found = _prep_objects([clause, *_objects(clause)], THREAT_PREPS) or named
        if found:
            return found
    return []


def _addressee(verb: Token, themes: list[Token]) -> list[Token]:
    """ "demanded that *the junta* release ...": the subject of a content clause, when the
    verb has no object of its own."""
    if themes:
        return []
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and _has_mark(c)]
    return [s for c in clauses for s in c.children if s.dep_ == "nsubj" and s.pos_ != "PRON"]


def _nominal_roles(noun: Token, entry: TriggerEntry, lexicon: Lexicon) -> tuple[list, list]:
    undergoer = undergoing_verb(noun)
    if undergoer is not None:  # "the convoy came under fire from X": X acts on the convoy
        attackers = _prep_objects([noun, undergoer], ATTACKER_PREPS)
        return attackers, subjects_of(undergoer, lexicon.reporting_verbs)[0]
    roles: dict[str, list[Token]] = {"actor": [], "recipient": []}
    of = [] if entry.objects else complements(noun)
    roles[entry.of].extend(of)
    roles["actor" if of else entry.poss].extend(c for c in noun.children if c.dep_ == "poss")
    roles["actor"].extend(_prep_objects([noun], ("by",)))
    preps = tuple(p for p in entry.recipients or lexicon.recipient_preps if p != "of")
    # "suspension of aid *to Pakistan*": the recipient may hang on the noun's theme
    roles["recipient"].extend(_prep_objects([noun, *complements(noun)], preps))
    if not roles["actor"]:
        roles["actor"] = [c for c in noun.children if _names_an_entity(c)][:1]
    roles["actor"] = roles["actor"] or _modifying_verb_subjects(noun)
    _roles_from_light_verb(noun, entry, lexicon, roles, preps)
    return roles["actor"], roles["recipient"]


def _modifying_verb_subjects(noun: Token) -> list[Token]:
    """ "Israel Friday *reimposed* blockades": the parser hung the verb on its object as a
    modifier; the verb's own subject acts."""
    verbs = [c for c in noun.lefts if c.dep_ == "amod" and c.pos_ == "VERB"]
    return [s for v in verbs for s in v.children if s.dep_ == "nsubj"]


def undergoing_verb(noun: Token) -> Token | None:
    """The verb of "came *under* attack", "was under fire": its subject undergoes the event."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "under" or prep.dep_ != "prep":
        return None
    verb = prep.head
    return verb if verb.lemma_.lower() in UNDERGOING_VERBS else None


def _roles_from_light_verb(
    noun: Token,
    entry: TriggerEntry,
    lexicon: Lexicon,
    roles: dict[str, list[Token]],
    preps: tuple[str, ...],
) -> None:
    """Fill missing roles from a light verb governing the noun ("launched an attack on")."""
    first = carrier(_first_conjunct(noun))
    verb = governing_verb(noun, entry.verbs) if entry.verbs else None
    role: str | None = "actor"
    if verb is None and first.dep_ in ("dobj", "nsubjpass"):
        verb = first.head
        role = next((r for w in _light_forms(verb) if (r := lexicon.light_verbs.get(w))), None)
    if verb is None or role is None:
        return
    subjects, passive = subjects_of(verb, lexicon.reporting_verbs)
    doer = _agents(verb) if passive else subjects
    named = [d for d in doer if d.i != first.i]
    weak = all(t.pos_ == "PRON" or _modifies(t, noun) for t in roles[role])
    if not roles[role] or (named and weak):
        roles[role] = named  # "the army continued *its* attacks": the army, not "its"
    if not roles["recipient"]:  # "gave *Moscow* a deadline", "sent a warning *to Moscow*"
        roles["recipient"] = _datives(verb) or _prep_objects([verb], preps)
    if not roles["recipient"]:  # "took *three traders* hostage": the verb's other object
        roles["recipient"] = [o for o in _objects(verb) if o.i != first.i][:1]


def _modifies(token: Token, noun: Token) -> bool:
    """ "took a *Frenchman* hostage": a modifier of the event noun, which a light verb's own
    subject outranks as its actor."""
    return token.head.i == noun.i and token.dep_ in ("amod", "compound", "nmod")


def _light_forms(verb: Token) -> list[str]:
    """The verb's forms, and those without a repeating prefix ("*re*imposed", "re-launched")."""
    forms = word_forms(verb)
    return forms + [f.removeprefix("re").lstrip("-") for f in forms if f.startswith("re")]


def subjects_of(verb: Token, reporting_verbs: tuple[str, ...] = ()) -> tuple[list[Token], bool]:
    """The verb's subjects (inherited when it has none) and whether it is passive."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    current = verb
    for _ in range(MAX_HOPS):
        own = [t for c in current.children if c.dep_ in SUBJECT_LABELS for t in _past_dateline(c)]
        own = _outside_heading(own)
        if own:
            own = _hedged_coordinate(current, own) + own
            return [_antecedent(s, reporting_verbs) for s in own], passive
        head, dep = current.head, current.dep_
        if head.i == current.i:
            break
        hedged = _hedged_subjects(current, head) or _hedged_participle_subjects(current, head)
        if hedged:
            return hedged, passive
        if _misread_main_verb(current):  # "militants *on motorbikes* abducted X"
            return [_phrase_owner(head)], passive
        if dep == "acl" and _verbless_main_clause(current):
            root = current.sent.root  # "On May 3, *soldiers* arrested ...": no noun root
            return [root if root.pos_ in ARGUMENT_POS else head], passive
        if dep in ("oprd", "acl") and current.tag_ == "VBN" and _counted(head):
            return [head], True  # "five were killed and *ten wounded*"
        if dep == "acl" and _is_issued_document(head):
            current = head.head  # "X issued a statement *calling on* Y": X calls on Y
            continue
        if dep in ("acl", "relcl") and head.pos_ in ARGUMENT_POS and not in_heading(head):
            return [head], passive or (dep == "acl" and current.tag_ == "VBN")
        if dep in ("xcomp", "oprd"):
            passive = passive or _inherits_passive(current, head)  # "was found *executed*"
            controllers = [c for c in head.children if c.dep_ == "dobj" and _is_argument(c)]
            if controllers:
                return controllers, passive
        elif dep == "acomp":  # "X is *ready* to send troops", "X is *opposed* to ...": X acts
            passive = passive or _agents(current) != []
        elif dep == "conj":
            passive = passive or _inherits_passive(current, head)
            head = _verbal_ancestor(head)  # "rejected X as illegal and accused Y": misattached
        elif dep == "advcl" and not _has_mark(current):  # "were held, *beaten* and ..."
            passive = passive or _inherits_passive(current, head)
        elif dep == "pcomp":
            accused = _of_clause_owner(head)
            if accused is not None:
                return [accused], passive
            head = head.head
        elif dep not in ("advcl",) and not (dep == "ccomp" and not _has_mark(current)):
            break
        current = head
    return [], passive


def _misread_main_verb(verb: Token) -> bool:
    """ "gunmen on motorbikes *abducted* a trader", "a group aboard motorbikes *attacked* and
    looted ...": spaCy hung the verb on the object of a preposition as a participle; a past
    tense form, a participle with an object, or one coordinated with a later verb (its "and"
    hung on the subject) is the verb of the noun the preposition modifies."""
    if verb.dep_ != "acl" or verb.head.dep_ != "pobj" or verb.pos_ != "VERB":
        return False
    if _agents(verb) or verb.tag_ not in ("VBD", "VBN"):
        return False
    if verb.tag_ == "VBD" or _objects(verb):
        return True
    after = verb.doc[verb.right_edge.i + 1] if verb.right_edge.i + 1 < len(verb.doc) else None
    owner = _phrase_owner(verb.head)
    return after is not None and after.dep_ == "cc" and after.head.i == owner.i


def _phrase_owner(noun: Token) -> Token:
    """The noun a chain of prepositional phrases modifies: "*a group* of gunmen aboard
    motorbikes" for "motorbikes"."""
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ARGUMENT_POS:
        noun = noun.head.head
    return noun


def _verbless_main_clause(participle: Token) -> bool:
    """ "Doctors from two charities *donated* and delivered goods to ...": in a sentence the
    parser left without a main verb (a noun root, or "On May 3" as root), a participle that
    takes an object is the main verb, and the root noun (else the participle's noun) its
    subject (a headline's "five killed" takes none). So is one after a hedged noun taking a
    count ("presumed militants *killed at least nine* herders")."""
    root = participle.sent.root
    if root.pos_ in ("VERB", "AUX") or root.i > participle.i:
        return False
    verbs = [participle, *(c for c in participle.children if c.dep_ == "conj")]
    if any(c.dep_ == "dobj" for v in verbs for c in v.children):
        return True
    noun = participle.head
    hedged = _hedged_noun(noun) and not _counted(noun)
    return hedged and not _agents(participle) and bool(_counted_complement(participle))


def _hedged_noun(noun: Token) -> bool:
    """ "*presumed* militants", "*suspected* bandits": a noun modified by a hedge."""
    return any(c.dep_ == "amod" and c.lemma_.lower() in HEDGE_VERBS for c in noun.lefts)


def _counted_complement(verb: Token) -> list[Token]:
    """ "killed *at least nine* herders", "abducted *between 5 and 13* people": the counted
    people the parser hung on a preposition of the verb."""
    found = _prep_objects([verb], ("at", "between"))
    return [o for o in found if _counted(o)]


def _has_subject(verb: Token) -> bool:
    """Whether the verb has a subject ("*that* presumed militants attacked": a complementizer
    the parser read as the hedge's subject is none)."""
    complementizer = verb.dep_ != "relcl"
    return any(
        c.dep_ in SUBJECT_LABELS and not (complementizer and c.lower_ == "that")
        for c in verb.children
    )


def _hedged_subjects(clause: Token, hedge: Token) -> list[Token]:
    """ "*presumed* ISGS militants attacked ...": spaCy reads the hedging participle as the
    verb, its noun as the object and the event as a clause; that noun is the subject."""
    if hedge.lemma_.lower() not in HEDGE_VERBS or clause.dep_ not in ("advcl", "conj", "ccomp"):
        return []
    if _has_subject(hedge) or hedge.tag_ not in ("VBN", "VBD"):
        return []
    return [o for o in _objects(hedge) if o.i < clause.i][:1]


def _hedged_coordinate(clause: Token, subjects: list[Token]) -> list[Token]:
    """ "presumed *militants* and soldiers clashed": spaCy read the hedge as the verb, the first
    side as its object and the second as the clause's subject; the first is a subject too."""
    hedge = clause.head
    if clause.dep_ not in ("ccomp", "advcl", "conj") or hedge.lemma_.lower() not in HEDGE_VERBS:
        return []
    if _has_subject(hedge):
        return []
    first = min(s.left_edge.i for s in subjects)
    objects = [o for o in _objects(hedge) if o.i < first]
    joined = [o for o in objects if any(c.dep_ == "cc" and c.i > o.i for c in o.children)]
    return [m for o in joined[:1] for m in (o, *o.conjuncts)]


def _hedged_participle_subjects(participle: Token, noun: Token) -> list[Token]:
    """ "*presumed* ISWAP militants abducted 15 girls": spaCy reads the hedge as the verb, its
    noun as the object and the event as a participle on that noun; a participle with an
    object of its own, or coordinated with a verb that has one ("abducted and executed *the
    imam*"), or a count ("abducted *between 4 and 8* people"), is active, and the hedged noun
    (with its conjuncts) its subject."""
    partners = [c for c in participle.children if _shares_subject(c)]
    active = any(_objects(v) for v in (participle, *partners)) or _counted_complement(participle)
    if participle.dep_ != "acl" or not active:
        return []
    first = noun
    while first.dep_ == "conj":
        first = first.head  # "presumed Boko Haram or JNIM *militants* abducted ..."
    hedge = first.head
    if first.dep_ != "dobj" or hedge.lemma_.lower() not in HEDGE_VERBS:
        return []
    if _has_subject(hedge):
        return []
    members = [first]
    for member in members:
        members += [c for c in member.children if c.dep_ == "conj" and c.pos_ in ARGUMENT_POS]
    return members


def _raised_objects(verb: Token) -> list[Token]:
    """ "abducted and detained *a teacher*": a verb followed directly by a coordinated verb
    (without a subject of its own) shares that verb's object."""
    between = [t for t in verb.rights if t.dep_ not in ("cc", "conj", "punct", "advmod")]
    if between:
        return []
    for conj in verb.children:
        own_subject = any(c.dep_ in SUBJECT_LABELS for c in conj.children)
        if conj.dep_ == "conj" and conj.pos_ == "VERB" and not own_subject:
            return [_antecedent(o) for o in _objects(conj)]
    return []


def _hedged_objects(verb: Token) -> list[Token]:
    """ "killed 26 *presumed* ISGS militants": the object spaCy hung on a hedging participle
    it read as a clause of the verb."""
    for clause in verb.rights:
        hedge = clause.lemma_.lower() in HEDGE_VERBS and clause.dep_ in ("advcl", "xcomp", "ccomp")
        if hedge and not any(c.dep_ in SUBJECT_LABELS for c in clause.children):
            return _objects(clause)[:1]
    return []


def _is_issued_document(noun: Token) -> bool:
    """ "issued *a statement*", "put out *a report*": a document its issuer speaks through."""
    return noun.lemma_.lower() in DOCUMENT_NOUNS and noun.dep_ == "dobj"


def _of_clause_owner(prep: Token) -> Token | None:
    """ "accused *the army* of executing ...": who the "of" clause is about."""
    if prep.lower_ != "of":
        return None
    owner = prep.head
    if owner.pos_ in ARGUMENT_POS:
        return owner
    return next((c for c in owner.children if c.dep_ == "dobj"), None)


def _verbal_ancestor(token: Token) -> Token:
    """The token if it is a verb, else its nearest verbal ancestor (else itself)."""
    return next((t for t in (token, *token.ancestors) if t.pos_ in ("VERB", "AUX")), token)


def _past_dateline(subject: Token) -> list[Token]:
    """ "BISSAU, 14 March 2024 - Soldiers ...": the place of a dateline is not the subject;
    what follows the dash is, when the parser hung it on the place as an apposition (an
    acronym heading a list is no dateline: "FLN, UDP and X suspended ...")."""
    following = subject.nbor(1) if subject.i + 1 < len(subject.doc) else None
    dateline = (
        subject.i - subject.sent.start < 2
        and subject.is_upper
        and len(subject) > 2
        and following is not None
        and following.is_punct
        and not any(c.dep_ == "conj" for c in subject.children)
    )
    if not dateline:
        return [subject]
    dashes = [t.i for t in subject.sent if _is_dash(t)]
    if not dashes:
        return []
    appositions = [subject]
    for token in appositions:
        appositions.extend(c for c in token.children if c.dep_ == "appos")
    return [t for t in appositions if t.i > dashes[0]][:1]


def _is_dash(token: Token) -> bool:
    """A dash between words ("Bissau - Soldiers"), not a hyphen ("Secretary-General")."""
    spaced = bool(token.whitespace_) and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
    return token.text in DASHES and spaced


def _inherits_passive(verb: Token, head: Token) -> bool:
    """ "were ambushed and killed": a bare participle coordinated with a passive verb."""
    own_aux = any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    head_passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children)
    return head_passive and verb.tag_ == "VBN" and not own_aux


def _has_mark(verb: Token) -> bool:
    return any(c.dep_ == "mark" for c in verb.children)


def _antecedent(token: Token, reporting_verbs: tuple[str, ...] = ()) -> Token:
    """The noun a relative pronoun stands for; the speaker for "it"/"they" in reported speech
    when the speaker agrees ("the army said it", "residents said they"; not "he": the actor
    resolver follows persons through the text)."""
    lower = token.lower_
    if lower in RELATIVIZERS and token.tag_ in ("WDT", "WP", "IN"):
        clause = token.head
        if clause.dep_ == "relcl":
            return clause.head
    if lower in SPEAKER_PRONOUNS and reporting_verbs:
        speaker = _speaker(token.head, reporting_verbs)
        if speaker is not None and _plural(speaker) == (lower == "they"):
            return speaker
    return token


def _plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in token.children)


def _speaker(clause: Token, reporting_verbs: tuple[str, ...]) -> Token | None:
    """The non-pronoun subject of the reporting verb that ``clause`` is the content of."""
    while clause.dep_ == "conj":
        clause = clause.head
    verb = clause.head
    if clause.dep_ != "ccomp" or verb.lemma_.lower() not in reporting_verbs:
        return None
    speakers = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    if not speakers and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":  # "a group ... announced"
        speakers = [verb.head]
    return speakers[0] if speakers and speakers[0].ent_type_ != "PERSON" else None


def _objects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("dobj", "obj") and c.pos_ in ARGUMENT_POS]


def _harmed_objects(verb: Token, entry: TriggerEntry) -> list[Token]:
    """The objects of a verbal trigger; rule 71: an explosion's reflexive object is its
    carrier, not a target: its conjuncts ("blew *himself* up and two soldiers") or the
    objects of a following participle ("..., *killing* four soldiers") take its place."""
    objects = _objects(verb)
    if entry.mode != "explosives" or not any(o.lower_ in REFLEXIVES for o in objects):
        return objects
    kept = [m for o in objects for m in (o, *o.conjuncts) if m.lower_ not in REFLEXIVES]
    return kept[:1] or _participle_objects(verb) or objects


def _participle_objects(verb: Token) -> list[Token]:
    """ "..., *killing* four soldiers": the objects of a participle clause of ``verb``."""
    clauses = [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG"]
    return [o for clause in clauses for o in _objects(clause)][:1]


def _datives(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "dative" and c.pos_ in ARGUMENT_POS]


def _agents(verb: Token) -> list[Token]:
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _prep_objects(tokens: list[Token], preps: tuple[str, ...]) -> list[Token]:
    """The first object of one of ``preps`` following and attached to any of ``tokens``."""
    for token in tokens:
        for prep in token.rights:
            if prep.dep_ not in ("prep", "dative", "agent") or prep.lower_ not in preps:
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in ARGUMENT_POS and _is_argument(pobj):
                    return [pobj]
    return []


def _is_argument(token: Token) -> bool:
    """Not a date or quantity ("millions *of workers*" is: what it counts), nor the bare noun
    of an idiom ("in *return*", "on *alert*")."""
    if token.tag_ == "NN" and token.lemma_.lower() in IDIOM_NOUNS and token.n_lefts == 0:
        return False
    return token.ent_type_ not in NOT_ENTITIES or bool(complements(token))


def _names_an_entity(token: Token) -> bool:
    """A modifier naming who acted: "*Russian* invasion", "*ECOWAS* sanctions", "*ATNMC*
    clashes with ..." (an acronym the tagger left untyped)."""
    if token.dep_ not in ("amod", "compound", "nmod"):
        return False
    acronym = token.is_upper and token.is_alpha and len(token) > 1
    return token.ent_type_ in ENTITY_TYPES or (acronym and not token.ent_type_)


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj":
        token = token.head
    return token


def _expand_all(heads: list[Token], placed: bool = False) -> list[Span]:
    """Each head and its coordinated members as noun-phrase spans (an apposition stays in;
    with ``placed``, a following "in/near <place>" too)."""
    spans = [_with_apposition(member) for head in heads for member in _members(head)]
    spans = [kind for span in spans for kind in _split_kinds(span)]
    spans = [_with_place(span) for span in spans] if placed else spans
    return _join_split_appositions(_unique(spans))


def _split_kinds(span: Span) -> list[Span]:
    """Rule 70: "military and civilian personnel" names two kinds, military personnel and
    civilian personnel: coordinated modifiers of one head noun that read as different sectors
    (each with the noun, else alone) give one span each, the last keeping the noun (a leading
    article or count is dropped). Not demonyms or names ("Malian and French troops"), not
    with a modifier that only repeats the noun's sector ("the military and *armed* bandits"
    may be two sides, left to the resolver), nor after another modifier ("French military
    and civilian staff" would lose its country)."""
    noun = span.root
    first = next((t for t in noun.lefts if t.dep_ in ("amod", "compound")), None)
    if first is None or first.i < span.start or not _only_determiners(span, first):
        return [span]
    kinds = [first, *(c for c in first.conjuncts if c.i < noun.i)]
    if len(kinds) < 2 or any(t.ent_type_ or t.pos_ not in ("ADJ", "NOUN") for t in kinds):
        return [span]
    if not _distinct_kinds(kinds, noun):
        return [span]
    doc = span.doc
    return [*(doc[t.i : t.i + 1] for t in kinds[:-1]), doc[kinds[-1].i : span.end]]


def _only_determiners(span: Span, first: Token) -> bool:
    return all(t.dep_ in ("det", "predet", "nummod") for t in span.doc[span.start : first.i])


def _distinct_kinds(kinds: list[Token], noun: Token) -> bool:
    """A noun of people whose modifiers each name a kind of their own, not all one (rule
    70); "civilian and military *targets*" are things."""
    if not _people_noun(fold(noun.text)):
        return False
    sectors = [_kind_sector(t, noun) for t in kinds]
    return None not in sectors and len(set(sectors)) > 1


def _people_noun(word: str) -> bool:
    """A sector word, or a noun of persons or members ("leaders", "personnel")."""
    kb = load_kb()
    nouns = kb.person_nouns | kb.role_nouns
    return kb.sector_of((word,)) is not None or any((f,) in nouns for f in singular_forms(word))


def _kind_sector(modifier: Token, noun: Token) -> str | None:
    """The sector of "<modifier> <noun>", else of the modifier alone; None for a modifier
    that is no sector word and only repeats the noun's ("*armed* bandits")."""
    kb = load_kb()
    word, head = fold(modifier.text), fold(noun.text)
    alone, together = kb.sector_of((word,)), kb.sector_of((word, head))
    if alone is None and together == kb.sector_of((head,)):
        return None
    return together or alone


def _members(head: Token) -> list[Token]:
    """The head, its conjuncts, and list items spaCy parsed as appositions."""
    members = []
    conjuncts = (c for c in head.conjuncts if _nominal(c) and _is_argument(c))
    conjuncts = (c for c in conjuncts if c.lower_ not in REFLEXIVES)  # rule 71
    for member in (head, *conjuncts):
        members.append(member)
        for item in member.children:
            if item.dep_ == "appos" and _is_list_item(member, item):
                members.extend((item, *item.conjuncts))
    return members


def _nominal(conjunct: Token) -> bool:
    """A conjunct naming someone: a noun, or a hedge heading its noun ("forces and *suspected*
    X militants"); not a verb ("militants seized ..., another *wounded*")."""
    return conjunct.pos_ in ARGUMENT_POS or conjunct.lemma_.lower() in HEDGE_VERBS


def _is_list_item(head: Token, appos: Token) -> bool:
    """ "the president, the prime minister and ...": an apposition that is really a list."""
    coordinated = any(c.dep_ in ("cc", "conj") for c in appos.children)
    return coordinated or (head.pos_ == "NOUN" and appos.pos_ == "NOUN")


def _with_apposition(head: Token) -> Span:
    """The head's noun phrase, extended over a naming apposition ("the group Wagner")."""
    span = noun_phrase(head)
    for appos in head.children:
        if appos.dep_ == "appos" and appos.i > head.i and not _is_list_item(head, appos):
            if _is_date(appos) or (head.pos_ == "PROPN" and _indefinite(appos)):
                continue  # "Odin Sanchez, *a former congressman*": a description, not a name
            if any(c.dep_ in ("acl", "relcl") and head.i < c.i < appos.i for c in head.children):
                continue  # "militants *abducted X in Y*, Z Region": past a clause, no name
            span = _trim(head.doc[span.start : appos.right_edge.i + 1])
    return span


def _with_place(span: Span) -> Span:
    """ "a military base *in Borno state*", "a request *from the Times*": a target extended
    over a following preposition that names where it is or whose it is (never after a
    person's name, nor after "with X": "talks with X in Algiers" is where the talks were)."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is None or after.head.i != span.root.i or span.root.ent_type_ == "PERSON":
        return span
    if _first_conjunct(span.root).head.lower_ == "with":
        return span
    if after.dep_ == "acl" and after.tag_ == "VBN":  # "a resolution *proposed by Russia*"
        agents = [a for a in after.children if a.dep_ == "agent" and _names(a, ENTITY_TYPES)]
        return span.doc[span.start : agents[0].right_edge.i + 1] if agents else span
    types = PLACE_TYPES if after.lower_ in PLACE_PREPS else ENTITY_TYPES
    if after.lower_ not in (*PLACE_PREPS, *ORIGIN_PREPS):
        return span
    named = [o for o in after.children if o.dep_ == "pobj" and _names(o, types)]
    return span.doc[span.start : named[0].right_edge.i + 1] if named else span


def _with_origin(span: Span) -> Span:
    """ "doctors *from two American charities*", "delegates *from the EU*": an actor named by
    a common noun, extended over a following "from" phrase naming a body or people (not a
    place: "withdrawal of forces *from Panama*" is where they leave)."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if span.root.pos_ != "NOUN" or after is None or after.head.i != span.root.i:
        return span
    objects = [o for o in after.children if o.dep_ == "pobj"]
    if after.lower_ != "from" or not any(_names(o, ("NORP", "ORG")) for o in objects):
        return span
    return span.doc[span.start : max(noun_phrase(o).end for o in objects)]


def _names(noun: Token, types: tuple[str, ...]) -> bool:
    """ "Kabul", "*Syria's* Hama province": a noun phrase naming an entity of ``types``."""
    return any(t.ent_type_ in types for t in noun.subtree)


def _indefinite(noun: Token) -> bool:
    """ "*a* former congressman": a noun with an indefinite article describes, not names."""
    return noun.pos_ == "NOUN" and any(c.lower_ in ("a", "an") for c in noun.children)


def _join_split_appositions(spans: list[Span]) -> list[Span]:
    """Join "the chief of staff", "colonel X" when spaCy split an apposition into two subjects,
    and "X or *Y militants*" when it split a name from the noun it modifies."""
    joined: list[Span] = []
    for span in spans:
        previous = joined[-1] if joined else None
        if previous is not None and (
            _split_apposition(previous, span) or _split_name(previous, span)
        ):
            joined[-1] = previous.doc[previous.start : span.end]
        else:
            joined.append(span)
    return joined


def _split_apposition(previous: Span, span: Span) -> bool:
    """ "the chief of staff, colonel X": a common noun, a comma, then a name."""
    comma = previous.end + 1 == span.start and previous.doc[previous.end].text == ","
    return comma and previous.root.pos_ == "NOUN" and span.root.pos_ == "PROPN"


def _split_name(previous: Span, span: Span) -> bool:
    """ "ISWAP", "militants" side by side: a name right before a bare common noun."""
    bare = len(span) == 1 and span.root.pos_ == "NOUN"
    return previous.end == span.start and previous.root.pos_ == "PROPN" and bare


def noun_phrase(head: Token) -> Span:
    """The noun phrase around ``head``, without its conjuncts, appositions and clauses."""
    stop = {"conj", "cc", "appos", "relcl", "acl", "punct", "prep", "advcl", "preconj"}
    left = [t for t in head.lefts if t.dep_ not in stop and not _coordinator(t)]
    left = [t for t in left if not _resultative(t)]
    start = min([head.i, *(_left_start(t) for t in left)])
    dashes = [t.i for t in head.doc[start : head.i] if _is_dash(t) and _ends_dateline(t)]
    start = dashes[-1] + 1 if dashes else start  # "14 March 2024 - Soldiers": a dateline
    end = head.i
    for child in head.rights:
        dated = _is_date(child)
        if (child.dep_ in stop and not _of_noun(child)) or dated:
            break  # "the ambassador *Monday*": a date is not part of the phrase
        end = child.right_edge.i
    misread = [t.i for t in head.doc[head.i + 1 : end + 1] if _misread_main_verb(t)]
    end = misread[0] - 1 if misread else end  # "gunmen on motorbikes *abducted* ..."
    return _trim(head.doc[start : end + 1])


def _resultative(modifier: Token) -> bool:
    """ "shot *dead* two men": the verb's result, read as a modifier of its object."""
    noun = modifier.head
    verb_next = noun.dep_ == "dobj" and modifier.i == noun.head.i + 1
    return modifier.lower_ == "dead" and modifier.dep_ == "amod" and verb_next


def _left_start(modifier: Token) -> int:
    """Where a left modifier begins, without a phrase hung on it ("*On 4 May*, presumed
    militants": spaCy may attach the sentence's opening phrase to the modifier)."""
    opening = [c for c in modifier.lefts if c.dep_ == "prep"]
    if not opening:
        return modifier.left_edge.i
    return min(t.i for t in modifier.subtree if t.i > opening[-1].right_edge.i)


def _coordinator(determiner: Token) -> bool:
    """ "*both* Mali and Guinea": the first half of a coordination, not of the first name."""
    coordinated = any(c.dep_ == "conj" for c in determiner.head.children)
    return determiner.lower_ in ("both", "either", "neither") and coordinated


def _is_date(modifier: Token) -> bool:
    """ "the ambassador *Monday*": a date hung on a noun phrase is no part of it."""
    return modifier.dep_ in ("npadvmod", "appos") and modifier.ent_type_ in ("DATE", "TIME")


def _ends_dateline(dash: Token) -> bool:
    """ "BAMAKO, 14 March - ...": a dash after no lower-case word of its sentence ends a
    dateline; "an immigrant - friendly state" is a spaced hyphen."""
    before = dash.doc[dash.sent.start : dash.i]
    return not any(t.is_alpha and t.is_lower for t in before)


def _close_bracket(span: Span) -> Span:
    """ "the Central African Republic (CAR*)*": keep the bracket that closes the phrase."""
    after = span.end
    unclosed = sum(1 for t in span if t.text == "(") > sum(1 for t in span if t.text == ")")
    if unclosed and after < len(span.doc) and span.doc[after].text == ")":
        return span.doc[span.start : after + 1]
    return span


def _of_noun(prep: Token) -> bool:
    """ "minister *of defence*" belongs to the phrase; "accused X *of attacking*" does not."""
    return (
        prep.dep_ == "prep" and prep.lower_ == "of" and any(c.dep_ == "pobj" for c in prep.children)
    )


def _trim(span: Span) -> Span:
    """The span without punctuation at its edges, but with the bracket closing one it opens."""
    start, end = span.start, span.end
    while end - start > 1 and span.doc[end - 1].is_punct and span.doc[end - 1].text != ")":
        end -= 1
    while end - start > 1 and span.doc[start].is_punct:
        start += 1
    return _close_bracket(span.doc[start:end])


def _unique(spans: list[Span]) -> list[Span]:
    seen: set[tuple[int, int]] = set()
    result = []
    for span in spans:
        if (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            result.append(span)
    return result
