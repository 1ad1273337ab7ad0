"""Resolve the date of an event from its sentence, the document and the publication date.

The date expression attached to the trigger in the parse wins; else another date of the
sentence that is not another clause's; else, for a past-tense event, the date of the
previous dated event of the same paragraph, or the later date of the previous sentence's
main clause (``basis="narrative"``); else the publication date. A day or month written
without a year takes the year the paragraph has reached ("In 2013 ... In February").
docs/time.md lists the expressions understood and the conventions for ranges and nights.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Span, Token

from eventlens.record import DateInfo
from eventlens.resolve.context import DocumentContext, doc_text
from eventlens.resolve.normalize import References, normalize
from eventlens.resolve.periods import Period
from eventlens.resolve.timex import Expression, Grammar, expressions, grammar

VERBS = {"VERB", "AUX"}
NOUN_MODIFIERS = {"compound", "nmod", "amod", "nummod", "poss"}
NOUNS = {"NOUN", "PROPN"}
ADVERBIAL = {"prep", "advmod", "npadvmod", "appos"}  # "the killing earlier in the month"
DATE_ENTITIES = {"DATE", "TIME"}
NAME_PARTS = {"compound", "nmod", "nummod", "amod"}  # a date inside a name, not "on Saturday"
OTHER_NOUN = 3  # rank of a date that modifies another noun: used only for a recent day
RECENT = timedelta(days=365)
EARLIER_PHRASE = 6  # how many words before a date an earlier event's phrase may open
CALENDAR_KEYS = {"month", "day", "part", "season", "quarter", "modifier"}
DESCRIBING = {"relcl", "acl"}  # clauses on a noun: "traders whose shops were looted"
CLAUSE_OBJECTS = {"ccomp", "xcomp"}  # "said on Monday that ...", "claimed to have ..."
SUBORDINATE = {"advcl", "ccomp"}  # clauses under another verb
YEAR_KINDS = {"calendar", "numeric"}  # the expressions that can state a year

# the narrative's year anchor before each date expression of a sentence (by its start in the
# sentence), and after the sentence
YearAnchors = tuple[dict[int, Period | None], Period | None]


class TimeResolver:
    """Date an event from the parse of its sentence and the document's narrative."""

    def __init__(self, month_first: bool = False) -> None:
        self.month_first = month_first  # US sources: 03/04/2022 is 4 March
        # the last date given, where (sentence start) it was said and the trigger it dated
        self._said: tuple[DateInfo, int, Token] | None = None
        # the sentence being dated, the previous event's date when it began and the narrative
        # date before it: "a week later" counts from the event before the sentence, whichever
        # events of the sentence were dated first
        self._sentence: tuple[DocumentContext, int, DateInfo | None, DateInfo | None] | None = None
        # the document being read and the year anchors of its sentences, by their start
        self._years: tuple[DocumentContext, dict[int, YearAnchors]] | None = None

    def resolve(self, sentence: Span, trigger: Token, context: DocumentContext) -> DateInfo:
        """The event's date; ``basis`` says where it came from."""
        previous_event, before = self._anchor_before(sentence, context)
        # the narrative date: the one in force before this sentence, unless an event of this
        # sentence has just been dated outside a clause describing a participant
        anchor = context.last_date
        if anchor is previous_event or self._dated_a_participant(anchor, trigger):
            anchor = before
        tense = _tense(trigger, context.document.lang)
        refs = References(
            pub=context.document.pub_date,
            anchor=_period(before),
            month_first=self.month_first,
            prefer_future=tense == "future",
        )
        lang = context.document.lang
        years = self._year_anchors(sentence, context)[0]
        for rank, expression in self._ranked(sentence, trigger, lang):
            refs = replace(refs, year_anchor=years.get(expression.start))
            found = _overnight(normalize(expression, refs), expression, sentence, lang)
            if found is not None and (rank < OTHER_NOUN or _recent_day(found, refs.pub)):
                self._said = (found, sentence.start_char, trigger)
                return found
        if anchor is not None and tense in ("past", None) and self._near(anchor, sentence):
            narrative = DateInfo(anchor.date, anchor.start, anchor.end, anchor.precision,
                                 basis="narrative", future=anchor.future)  # fmt: skip
            said_at = self._said[1] if self._said and self._said[0] is anchor else None
            self._said = (narrative, sentence.start_char if said_at is None else said_at, trigger)
            return narrative
        return _publication(context)

    def _anchor_before(
        self, sentence: Span, context: DocumentContext
    ) -> tuple[DateInfo | None, DateInfo | None]:
        """The previous event's date when this sentence began, and the narrative date in force
        then: that one, or a later date of the previous sentence's main clause."""
        seen = self._sentence
        if seen is None or seen[0] is not context or seen[1] != sentence.start_char:
            anchor = context.last_date
            main = self._main_date_before(sentence, context)
            if _moves_on(main, anchor):
                anchor = main
            self._sentence = seen = (context, sentence.start_char, context.last_date, anchor)
        return seen[2], seen[3]

    def _main_date_before(self, sentence: Span, context: DocumentContext) -> DateInfo | None:
        """The date of the previous sentence's main clause, in the same paragraph ("the army
        launched operations from 18 to 23 June. The offensive left 15 dead": 18-23 June even
        when only "the attack on 17 June" was an event). Not a verb reporting another clause
        ("said on Monday that ..."): its date is the statement's."""
        previous = _previous_in_paragraph(sentence)
        if previous is None:
            return None
        root = previous.root
        if root.pos_ not in VERBS or any(c.dep_ in CLAUSE_OBJECTS for c in root.children):
            return None
        refs = References(pub=context.document.pub_date, month_first=self.month_first)
        lang = context.document.lang
        years = self._year_anchors(previous, context)[0]
        for rank, expression in self._ranked(previous, root, lang):
            refs = replace(refs, year_anchor=years.get(expression.start))
            found = normalize(expression, refs) if rank <= 1 else None
            if found is not None:
                return _overnight(found, expression, previous, lang)
        return None

    def _year_anchors(self, sentence: Span, context: DocumentContext) -> YearAnchors:
        """The year the paragraph has reached before each date expression of the sentence and
        after it: read once per sentence, from the paragraph's first sentence on."""
        if self._years is None or self._years[0] is not context:
            self._years = (context, {})
        read = self._years[1]
        unread: list[Span] = []
        current: Span | None = sentence
        while current is not None and current.start_char not in read:
            unread.append(current)
            current = _previous_in_paragraph(current)
        anchor = None if current is None else read[current.start_char][1]
        for item in reversed(unread):
            read[item.start_char] = self._read_years(item, anchor, context)
            anchor = read[item.start_char][1]
        return read[sentence.start_char]

    def _read_years(
        self, sentence: Span, anchor: Period | None, context: DocumentContext
    ) -> YearAnchors:
        """The year anchor before each date expression of a sentence, moved on by each date
        that states a year or took the narrative's."""
        refs = References(pub=context.document.pub_date, month_first=self.month_first)
        lang = context.document.lang
        before: dict[int, Period | None] = {}
        for expression in expressions(sentence.text, lang):
            before[expression.start] = anchor
            found = normalize(expression, replace(refs, year_anchor=anchor))
            if _sets_year(expression, found, anchor is not None, sentence, lang):
                anchor = _period(found)
        return before, anchor

    def _dated_a_participant(self, anchor: DateInfo | None, trigger: Token) -> bool:
        """Whether the anchor is the date of an event in a clause describing a participant of
        this trigger: in "traders whose shops were looted on 22 February protested", the
        looting's date is not the protest's."""
        said = self._said
        return said is not None and said[0] is anchor and _describes_a_participant(said[2], trigger)

    def _ranked(self, sentence: Span, trigger: Token, lang: str) -> list[tuple[int, Expression]]:
        """The sentence's date expressions that can date this trigger, best first, with rank."""
        ranked = []
        for expression in expressions(sentence.text, lang):
            span = sentence.doc.char_span(
                sentence.start_char + expression.start,
                sentence.start_char + expression.end,
                alignment_mode="expand",
            )
            if span is None or _is_count(expression, span):
                continue
            words = grammar(lang)
            if _follows_earlier_event(span, trigger, words.earlier_event_words):
                continue
            rank = _attachment(_date_head(span), trigger, words)
            if rank is not None:
                ranked.append((rank, abs(span.root.i - trigger.i), expression))
        ranked.sort(key=lambda item: item[:2])
        return [(rank, expression) for rank, _, expression in ranked]

    def _near(self, anchor: DateInfo, sentence: Span) -> bool:
        """Whether the previous event's date was said in this paragraph."""
        if self._said is None or self._said[0] is not anchor:
            return True
        between = doc_text(sentence.doc)[self._said[1] : sentence.start_char]
        return "\n" not in between


def _previous_in_paragraph(sentence: Span) -> Span | None:
    """The sentence before, when no line break separates them."""
    if sentence.start == 0:
        return None
    previous = sentence.doc[sentence.start - 1].sent
    if "\n" in doc_text(sentence.doc)[previous.start_char : sentence.start_char]:
        return None
    return previous


def _sets_year(
    expression: Expression, found: DateInfo | None, in_year: bool, sentence: Span, lang: str
) -> bool:
    """Whether a date sets the year of the narrative: one after a preposition that states a
    year ("on 15 January 2020", "in 2013", "by the end of 2021") or, ``in_year`` (a year was
    set), takes the narrative's ("on 28 January"); not a date naming a thing ("the August 2020
    coup", "the 2018 budget", "Resolution 1973"), a decade, a period "since" or one counted
    from publication ("last December", "in May last year")."""
    values = expression.values
    if found is None or found.start is None or found.precision == "decade":
        return False
    if expression.kind not in YEAR_KINDS or {"since", "modifier", "year_modifier"} & set(values):
        return False
    stated = in_year or "year" in values or expression.kind == "numeric"
    words = [*sentence.text[: expression.start].split()[-1:], *expression.text.split()[:1]]
    return stated and any(word.lower() in grammar(lang).prepositions for word in words)


def _attachment(root: Token, trigger: Token, words: Grammar) -> int | None:
    """How closely a date (its head token) belongs to the trigger.

    0: in the trigger's own phrase ("the August 2020 coup", "arrested on Monday");
    1: in the clause of the trigger or a clause governing it ("In 2022, X imposed sanctions");
    2: elsewhere in the sentence; OTHER_NOUN: modifying another noun ("abstained on the
    March 2 vote", "demanded justice for the 2014 uprising"), unless that noun is a time of
    day ("attacked in the night of 5 to 6 May");
    None: in a clause under the trigger's, in a marked clause elsewhere ("as they had done at
    the end of October") or on another noun (another event's date), naming a thing ("the
    March 22 Movement") or dating an earlier event ("after the killing of a chief earlier in
    the month").
    """
    path = list(root.ancestors)
    rank = _clause_rank(path, trigger, words.framing_conjunctions)
    noun = _modified_noun(root, trigger, words.times_of_day)
    if rank is None or noun is None:
        return rank
    if _names_a_thing(root, noun) or _earlier_event(noun, words.earlier_event_words):
        return None
    return OTHER_NOUN


def _clause_rank(path: list[Token], trigger: Token, framing: set[str]) -> int | None:
    """The rank of a date by the clauses between it (``path``: its ancestors) and the trigger:
    None for a clause on a noun off the trigger's path ("a man who was kidnapped last week was
    found dead")."""
    if trigger in path:
        verbs = [token for token in path[: path.index(trigger)] if token.pos_ in VERBS]
        if not verbs:
            return 0
        # "the sanctions imposed in January": a clause on a noun trigger describes it, but not
        # a clause under that clause ("a protest to delay the elections set for 11 May")
        describes = trigger.pos_ not in VERBS and len(verbs) == 1 and verbs[0].head == trigger
        return 1 if describes else None
    clause = _clause(trigger)
    if _on_another_noun(path, trigger):
        return None
    governor = next((token for token in path if token.pos_ in VERBS), None)
    if governor is None:
        return 2
    if governor == clause or governor in clause.ancestors or governor in trigger.ancestors:
        return 1
    if clause in governor.ancestors or _subordinate(governor, framing):
        return None  # under the trigger, or in a clause of its own elsewhere
    return 2


def _subordinate(verb: Token, framing: set[str]) -> bool:
    """A clause a conjunction introduces ("as they had done at the end of October"); not one
    framing the sentence ("if the drought persists in the coming months"), nor an unmarked one,
    which may be a parse of a comma splice ("On 5 May, gunmen attacked the camp, soldiers
    responded and killed two")."""
    marks = [child.lower_ for child in verb.children if child.dep_ == "mark"]
    return verb.dep_ in SUBORDINATE and bool(marks) and not framing & set(marks)


def _on_another_noun(path: list[Token], trigger: Token) -> bool:
    """Whether a date's path meets a clause describing a noun before it reaches the trigger's
    ancestors: such a clause dates what it describes."""
    governors = {trigger, *trigger.ancestors}
    for token in path:
        if token in governors:
            return False
        if token.dep_ in DESCRIBING:
            return True
    return False


def _describes_a_participant(token: Token, trigger: Token) -> bool:
    """Whether ``token`` lies in a clause on a noun ("whose shops were looted") below the
    trigger's clause."""
    governors = {trigger, *trigger.ancestors}
    for node in [token, *token.ancestors]:
        if node in governors:
            return False
        if node.dep_ in DESCRIBING:
            return True
    return False


def _moves_on(main: DateInfo | None, anchor: DateInfo | None) -> bool:
    """Whether a main clause's date moves the narrative on: a past date after the anchor's."""
    if main is None or main.start is None or main.future:
        return False
    return anchor is None or anchor.end is None or main.start > anchor.end


def _recent_day(found: DateInfo, pub: date | None) -> bool:
    """A day in the year before publication: "the March 2 resolution" may be when Mali
    abstained on it; "the 1998 murder", "September salaries" are not when people protested."""
    if found.precision != "day" or found.end is None:
        return False
    return pub is None or (not found.future and pub - found.end <= RECENT)


def _overnight(
    found: DateInfo | None, expression: Expression, sentence: Span, lang: str
) -> DateInfo | None:
    """A night spanning two days ("the night of 5 to 6 May") is dated to its second day."""
    if found is None or found.start is None or found.end != found.start + timedelta(1):
        return found
    before = sentence.text[: expression.start].split()
    words = {word.lower() for word in before[-3:]}
    return replace(found, date=found.end) if words & grammar(lang).overnight else found


def _modified_noun(root: Token, trigger: Token, times_of_day: set[str]) -> Token | None:
    """The noun other than the trigger that a date modifies ("justice for the 2014 uprising",
    "the death of a student in February", "the killing earlier in the month"): it dates that
    noun first. None when it modifies no noun, or a time of day ("the night of 5 to 6 May")."""
    head = root.head
    if root.dep_ == "pobj" and head.pos_ == "ADP":
        root, head = head, head.head
    if head.lower_ in times_of_day or head == trigger or head.pos_ not in NOUNS:
        return None
    return head if root.dep_ in NOUN_MODIFIERS | ADVERBIAL else None


def _names_a_thing(root: Token, noun: Token) -> bool:
    """A date inside a name (a phrase headed by a proper noun that is no date itself): "the
    March 22 Movement", "the 2018 Finance Act", "the Patriotic Front (2012-2015)"; not "the
    March 2 UN General Assembly resolution", nor "the MUJAO on Saturday captured the town"."""
    bracketed = root.i > 0 and root.doc[root.i - 1].text == "("
    if root.dep_ not in NAME_PARTS and not bracketed:
        return False
    while noun.dep_ == "compound" and noun.head != noun:
        noun = noun.head
    return noun.pos_ == "PROPN" and noun.ent_type_ not in DATE_ENTITIES


def _earlier_event(noun: Token, earlier_words: set[str]) -> bool:
    """Whether a noun names an event before another: "after the killing", "in response to the
    jailing" (a few steps up through prepositions)."""
    for token in [noun, *noun.ancestors][:4]:
        if token.lower_ in earlier_words:
            return True
        if token.pos_ in VERBS:
            return False
    return False


def _clause(token: Token) -> Token:
    """The verb heading the clause of a token (the token itself when it is a verb)."""
    if token.pos_ in VERBS:
        return token
    return next((head for head in token.ancestors if head.pos_ in VERBS), token)


def _date_head(span: Span) -> Token:
    """The head of a date expression without its leading determiner: in "at the 4th August
    stadium" "the" hangs on "stadium" like the date words, which modify that noun. A date right
    after a preposition but parsed as a modifier of the next noun stands for that preposition:
    "On 20 December 2019 jihadists attacked" (no comma) dates "attacked", not "jihadists"."""
    while len(span) > 1 and span[0].pos_ == "DET":
        span = span[1:]
    root = span.root
    before = span.doc[span.start - 1] if span.start else None
    if before is not None and before.pos_ == "ADP":
        # "on May 23, 2006 signed": the preposition's object heads the date, not "2006"
        root = next((t for t in span if t.head == before and t.dep_ == "pobj"), root)
    if before is not None and before.pos_ == "ADP" and root.dep_ in NOUN_MODIFIERS:
        noun = root.head
        if noun.dep_ == "pobj" and noun.head == before and noun.i >= span.end:
            return before
    return root


def _follows_earlier_event(span: Span, trigger: Token, earlier_words: set[str]) -> bool:
    """Whether the date comes right after a phrase naming an earlier event, without the
    trigger in it ("regained the town *following heavy fighting on Saturday*", "took the town
    *after the occupation earlier in the week*"): it dates that event, wherever the parser hung
    it. Not a time ("after midnight on Monday")."""
    doc, start = span.doc, span.start
    if start > span.sent.start and doc[start - 1].pos_ == "ADP":
        start -= 1  # "on Saturday"
    last = doc[start - 1] if start > span.sent.start else None
    if last is None or last.pos_ not in NOUNS or last.ent_type_ in DATE_ENTITIES:
        return False
    for token in reversed(doc[max(span.sent.start, last.i - EARLIER_PHRASE) : last.i + 1]):
        if token.i == trigger.i or token.is_punct or token.pos_ == "AUX":
            return False
        if token.lower_ in earlier_words:
            return True
    return False


def _is_count(expression: Expression, span: Span) -> bool:
    """A bare four-digit number counting a plural noun ("2000 troops") is not a year."""
    if expression.kind != "calendar" or CALENDAR_KEYS & set(expression.values):
        return False
    root = span.root
    return root.dep_ == "nummod" and "Plur" in root.head.morph.get("Number")


def _tense(trigger: Token, lang: str) -> str | None:
    """past, present or future for the finite verb governing the trigger, None if none."""
    future = grammar(lang).future_auxiliaries
    for token in [trigger, *trigger.ancestors][:6]:
        if token.pos_ not in VERBS:
            continue
        auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
        if any(c.lower_ in future for c in auxiliaries):
            return "future"
        finite = [c for c in auxiliaries if "Fin" in c.morph.get("VerbForm")]
        if not finite and "Fin" in token.morph.get("VerbForm"):
            finite = [token]
        if finite:
            return "past" if "Past" in finite[0].morph.get("Tense") else "present"
    return None


def _period(info: DateInfo | None) -> Period | None:
    if info is None or info.start is None or info.end is None:
        return None
    return Period(info.start, info.end)


def _publication(context: DocumentContext) -> DateInfo:
    pub = context.document.pub_date
    if pub is None:
        return DateInfo(precision="unknown", basis="publication")
    return DateInfo(date=pub, start=pub, end=pub, precision="day", basis="publication")
