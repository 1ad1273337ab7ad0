"""Ranking passes: the act a sentence or an episode reports outranks what it only mentions.

A demoted event keeps at most a share of the confidence of the event it ranks below, so that
the published top event of a document is the act news and ACLED report it by.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventlens.coding.triggers import TriggerMatch
from eventlens.record import Actor, DateInfo, Event

if TYPE_CHECKING:
    from eventlens.coding.coder import Coded

EVENT_NOUN_POS = ("NOUN", "PROPN")
MATERIAL_CONFLICT = 4  # PLOVER quad codes
MATERIAL_COOPERATION = 2
NOUN_CLAUSES = ("relcl", "acl")  # clauses that describe a noun
EPISODE_SENTENCES = 2  # how far apart two acts of one episode may be reported
OWN_DATE_BASES = ("explicit", "relative")  # an event dated by words of its own (DateInfo.basis)
# Clauses that state the purpose or a circumstance of the event governing them.
SUBORDINATE_CLAUSES = ("advcl", "xcomp", "acl")
SUBORDINATE_FACTOR = 0.95  # a subordinate event's confidence at most this share of the main one
# Gravity tiers of material-conflict acts (type -> mode or "*" -> tier); see rank_by_gravity.
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
    "COERCE": {"*": 2, "restrict": 1},  # "police prevented the marchers from ...": no lead
    "PROTEST": {"*": 1, "riot": 2},
    "MOBILIZE": {"*": 1},
    "SANCTION": {"*": 1},
}
# What protesters say ranks below their protest: "marched to the prefecture and demanded ...".
PROTEST_CONTENT = ("REQUEST", "ACCUSE", "REJECT", "SUPPORT", "CONSULT")
# Acts the ACLED crosswalk already reads as side acts of their episode's violence (a release,
# a withdrawal): they keep their confidence.
SIDE_ACT_TYPES = ("RETREAT",)
SPEECH_ACT_CONTENT = {"VERB": ("dobj", "prep", "ccomp"), "NOUN": ("acl", "ccomp")}
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


def split_clauses(matches: list[TriggerMatch]) -> list[TriggerMatch]:
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


def rank_below_governors(pairs: list[tuple[Coded, Event]]) -> None:
    """The main event of a sentence outranks the purpose and participle clauses it governs:
    "residents *demonstrated* to demand roads", "traders *staged a sit-in*, denouncing taxes",
    "gunmen *attacked* the post to seize weapons". Violence does not rank below the movement
    that governs it: "troops entered the village, *killing* three"."""
    anchors = {i: event for coded, event in pairs for i in event_anchors(coded.match.token)}
    for coded, event in pairs:
        governor = _governing_event(coded.match.token, anchors)
        if governor is None or governor is event:
            continue
        if not (material_conflict(event) and governor.event_type == "MOBILIZE"):
            _rank_below(event, governor)


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


def rank_below_speech_acts(pairs: list[tuple[Coded, Event]], types: list[str]) -> None:
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


def rank_below_protests(pairs: list[tuple[Coded, Event]]) -> None:
    """An asserted protest outranks what is said or held in the same sentence: the demands,
    denunciations and support it voices, the meeting it is ("staged a protest meeting,
    demanding ...", "marched and called for ...")."""
    protests = [e for _, e in pairs if e.event_type == "PROTEST" and e.modality == "asserted"]
    for _, event in pairs:
        if protests and event.event_type in PROTEST_CONTENT:
            _rank_below(event, max(protests, key=lambda e: e.confidence))


def rank_below_results(pairs: list[tuple[Coded, Event]]) -> None:
    """An asserted material-conflict act outranks, in its sentence, a cooperative act reported
    by what it led to ("a joint *operation* led to the arrest of 20 suspects", "joint
    *operations* resulting in the death of ..."). (A statement about one of the act's
    participants ranks below it by :func:`rank_below_main_clause`.)"""
    conflict = [(c.match.token, e) for c, e in pairs if material_conflict(e)]
    for coded, event in pairs:
        if event.quad_code != MATERIAL_COOPERATION or event.event_type in SIDE_ACT_TYPES:
            continue
        for act_trigger, act in conflict:
            if _reported_by_result(coded.match.token, act_trigger):
                _rank_below(event, act)


def _reported_by_result(token: Token, trigger: Token) -> bool:
    """Whether the trigger lies in the phrase of the event noun, or of the verb the noun is
    the subject of ("the operation *led* to arrests", "operations *resulting* in deaths"); not
    a verb's purpose ("provided rifles *to fight* the rebels")."""
    if token.pos_ not in EVENT_NOUN_POS:
        return False
    heads = [token, token.head] if token.dep_ in ("nsubj", "nsubjpass") else [token]
    return any(head == trigger or head.is_ancestor(trigger) for head in heads)


def rank_below_main_clause(pairs: list[tuple[Coded, Event]]) -> None:
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
    return head.i in event_anchors(trigger)


def _describes_participant(token: Token, trigger: Token) -> bool:
    """Whether the token lies in a clause modifying a noun of the trigger's phrase ("a man
    *accused* of theft was beaten": "accused" modifies the subject of "beaten")."""
    anchors = set(event_anchors(trigger))
    in_modifier = False
    while token.head.i != token.i and token.i not in anchors:
        in_modifier = in_modifier or (
            token.dep_ in NOUN_CLAUSES
            and token.head.pos_ in (*EVENT_NOUN_POS, "PRON")
            and token.head.i != trigger.i  # a clause on the event noun tells the event itself
        )
        token = token.head
    return in_modifier and token.i in anchors


def rank_by_gravity(placed: list[tuple[int, Event, Token]]) -> None:
    """ACLED and news alike report an episode by its gravest act: "killed two and abducted a
    third", "attacked the post and seized weapons". Among asserted material-conflict events
    within a few sentences, a milder one (:data:`GRAVITY`) ranks below a graver one, unless
    the graver one is only part of the milder one's phrase ("protested against rangers
    seizing a truck") or a prepositional phrase ("arrested suspects *in the attack*"). A
    graver act reported without its author ("three civilians were killed") takes the author
    of the act reported before it."""
    conflict = [(n, e, t) for n, e, t in placed if material_conflict(e)]
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


def _gravity(event: Event) -> int:
    """How grave the act is: lethal violence, harm to persons, damage and coercion, dissent."""
    by_mode = GRAVITY.get(event.event_type, {})
    return by_mode.get(event.mode or "", by_mode.get("*", 0))


def _inside(token: Token, trigger: Token) -> bool:
    """Whether the token lies in the phrase of the trigger (or of the verb carrying it): in
    an argument or a clause under it; not merely coordinated with it ("abducted and
    executed"), nor in a clause spliced before it (:func:`_spliced`)."""
    while token.dep_ == "conj":
        token = token.head
    anchors = event_anchors(trigger)
    while token.head.i != token.i and token.head.i not in anchors:
        token = token.head
    return token.head.i in anchors and token.i not in anchors and not _spliced(token)


def rank_below_episode_conflict(placed: list[tuple[int, Event, Token]]) -> None:
    """ "Gunfire rocked the capital overnight. ... The minister called for calm.": what is
    said, agreed or given about an episode (a call, an accusation, a meeting, a joint
    operation) ranks below an asserted material-conflict act or protest that another
    sentence of the episode reports: news and ACLED alike report an episode by its act.
    Acts of one sentence keep their own ranking (a sentence is ranked by its clauses)."""
    conflict = [(n, e) for n, e, _ in placed if material_conflict(e)]
    for number, event, _ in placed:
        if event.quad_code == MATERIAL_CONFLICT or event.event_type in SIDE_ACT_TYPES:
            continue
        others = [e for n, e in conflict if n != number and abs(n - number) <= EPISODE_SENTENCES]
        if others:
            _rank_below(event, max(others, key=lambda e: e.confidence))


def rank_below_answered(placed: list[tuple[int, Event, Token]]) -> None:
    """An act that answers or ends an act reported before it in its episode (:func:`_answers`)
    ranks below it: news and ACLED alike report the episode by the act that started it. A
    response in the fight ("the soldiers *repelled* the attack and *killed* four", "killed
    ten in a *counter-attack*") or a blow struck back ranks below the attack; a release
    ("four were later *released*") below the abduction or arrest it ends, a withdrawal ("the
    attackers *withdrew*") below the attack, unless that is only part of its phrase ("aid
    workers *kidnapped* in May have been freed", "withdrew after clashes")."""
    conflict = [(n, e, t) for n, e, t in placed if material_conflict(e)]
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
    if not material_conflict(event) or other.event_type != "ASSAULT":
        return False
    struck_back = (
        other.mode != "crowd-control"  # a crowd that fights back after it is dispersed riots
        and _one_party(event.actor, other.recipient)
        and _one_party(event.recipient, other.actor)
    )
    return not _responds(other_trigger) and (_responds(trigger) or struck_back)


def _one_party(actors: list[Actor], others: list[Actor]) -> bool:
    """Whether an actor of one list is the party of one of the other: of one sector, and the
    same named actor or of no two countries (stricter than :func:`lending._alike`, where two groups
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


def rank_below_narrative(placed: list[tuple[int, Event, Token]]) -> None:
    """ "Troops say they killed 40 insurgents. The insurgents *had attacked* an outpost": an
    event told in the past perfect after the sentences that report the news is their
    background; it ranks below the most confident asserted event of the sentences before it
    (one not in the past perfect itself)."""
    told = [(n, e) for n, e, t in placed if e.modality == "asserted" and not _past_perfect(t)]
    for number, event, trigger in placed:
        before = [e for n, e in told if n < number]
        if before and _past_perfect(trigger):
            _rank_below(event, max(before, key=lambda e: e.confidence))


def rank_below_lead(placed: list[tuple[int, Event, Token]]) -> None:
    """News leads with its act (the most confident asserted, dated event of the first sentence
    that has one); a later sentence that tells an act of another day tells its background or
    its sequel, which ranks below the lead (:func:`_background_or_sequel`). Within a sentence,
    an act told after another but dated before it is a flashback ("on 8 May, gunmen looted
    a shop; its owner was abducted in April"): it ranks below the act before it."""
    dated = [(n, e, t) for n, e, t in placed if e.modality == "asserted" and e.date.date]
    if not dated:
        return
    first = dated[0][0]
    lead = max((e for n, e, _ in dated if n == first), key=lambda e: e.confidence)
    for number, event, trigger in dated:
        if number > first and _background_or_sequel(event.date, lead.date):
            _rank_below(event, lead)
        told_before = [e for n, e, t in dated if n == number and t.i < trigger.i]
        if told_before and _flashback(event.date, told_before[0].date):
            _rank_below(event, told_before[0])


def _flashback(when: DateInfo, told_before: DateInfo) -> bool:
    """Whether an act dated ``when`` by its own words goes back before an act told before it
    in its sentence and dated by its own words too (not one that shares a date given once:
    "abducted and killed two herders on Sunday")."""
    own = {when.basis, told_before.basis} <= set(OWN_DATE_BASES)
    return own and _before(when, told_before)


def _before(when: DateInfo, other: DateInfo) -> bool:
    """Whether both are dated and ``when`` falls on an earlier day."""
    return when.date is not None and other.date is not None and when.date < other.date


def _background_or_sequel(when: DateInfo, lead: DateInfo) -> bool:
    """Whether an act dated ``when`` is the background of an act dated ``lead`` ("residents
    marched on Friday. The mayor was arrested last month") or its sequel: told relative to
    it ("they killed him two days later") or after a lead whose day the text gives ("on 3
    May, gunmen abducted ... They came back on 6 May"); not a later act whose day the text
    gives after a lead it does not ("mutinied overnight ... on 9 May, they looted ...")."""
    if when.date is None or lead.date is None or when.date == lead.date:
        return False
    return _before(when, lead) or when.basis == "narrative" or lead.basis == "explicit"


def _past_perfect(token: Token) -> bool:
    """Whether the trigger, or the verb carrying it, is in the past perfect ("had attacked",
    "had been attacked", "had carried out an attack")."""
    verbs = (token.doc[i] for i in event_anchors(token))
    return any(c.dep_ == "aux" and c.lower_ == "had" for verb in verbs for c in verb.children)


def rank_below_current(events: list[Event]) -> None:
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


def event_anchors(token: Token) -> list[int]:
    """Tokens that stand for a trigger's event: the trigger, and the verb that carries an
    event noun ("*staged* a sit-in", "*took* to the streets")."""
    anchors = [token.i]
    if token.pos_ in EVENT_NOUN_POS and token.dep_ in ("dobj", "nsubjpass"):
        anchors.append(token.head.i)
    elif token.dep_ == "pobj" and token.head.dep_ == "prep":
        anchors.append(token.head.head.i)
    return anchors


def material_conflict(event: Event) -> bool:
    return event.quad_code == MATERIAL_CONFLICT and event.modality == "asserted"


def _rank_below(event: Event, main: Event) -> None:
    event.confidence = round(min(event.confidence, main.confidence * SUBORDINATE_FACTOR), 3)
