"""Choosing an event's date from the parse, on sentences the team wrote (direct resolver calls)."""

from __future__ import annotations

from datetime import date

import pytest

from eventlens.nlp import load_model
from eventlens.record import DateInfo, Document
from eventlens.resolve.context import DocumentContext
from eventlens.resolve.time import TimeResolver

pytestmark = pytest.mark.model

PUB = date(2022, 3, 24)  # a Thursday


@pytest.fixture(scope="module")
def dates():
    """Date the given trigger words of a text in order, updating the narrative as the coder does."""
    nlp = load_model("en")

    def _dates(
        text: str, triggers: str, pub: date | None = PUB, resolver: TimeResolver | None = None
    ) -> dict[str, DateInfo]:
        doc = nlp(text)
        context = DocumentContext(document=Document(id="t", text=text, pub_date=pub), doc=doc)
        resolver = resolver or TimeResolver()
        wanted, found = set(triggers.split()), {}
        for sentence in doc.sents:
            for token in sentence:
                if token.text in wanted:
                    found[token.text] = info = resolver.resolve(sentence, token, context)
                    if info.basis != "publication":
                        context.last_date = info
        assert set(found) == wanted
        return found

    return _dates


def _range(info: DateInfo) -> tuple[str, str, str]:
    assert info.start and info.end
    return info.start.isoformat(), info.end.isoformat(), info.precision


def test_dates_attached_to_triggers_and_narrative(dates) -> None:
    found = dates(
        "The crisis began with the August 2020 coup. Gunmen attacked a base in Gao on 2 March. "
        "It was later reported that, a week later, the minister travelled to Moscow.",
        "coup attacked travelled",
    )
    assert _range(found["coup"]) == ("2020-08-01", "2020-08-31", "month")
    assert _range(found["attacked"]) == ("2022-03-02", "2022-03-02", "day")
    assert _range(found["travelled"]) == ("2022-03-09", "2022-03-09", "day")
    assert found["travelled"].basis == "narrative"
    assert found["travelled"].text == "a week later"


def test_events_of_one_sentence_share_its_narrative_anchor(dates) -> None:
    found = dates(
        "Rebels seized the town on 2 March. "
        "A week later, the minister travelled to Moscow to discuss arms sales.",
        "seized travelled discuss",
    )
    assert found["travelled"].start == found["discuss"].start == date(2022, 3, 9)


def test_own_date_wins_over_another_date_in_the_sentence(dates) -> None:
    found = dates(
        "Police arrested two men on Friday who had attacked a checkpoint on 5 March.",
        "arrested attacked",
    )
    assert found["arrested"].start == date(2022, 3, 18)
    assert found["attacked"].start == date(2022, 3, 5)


def test_date_of_a_subordinate_clause_is_not_the_main_event_date(dates) -> None:
    found = dates("Police arrested two men who had attacked a checkpoint on 5 March.", "arrested")
    assert found["arrested"].basis == "publication"


def test_date_of_the_noun_phrase_of_the_trigger(dates) -> None:
    found = dates("Mali abstained on the March 2 resolution on Ukraine.", "abstained")
    assert _range(found["abstained"]) == ("2022-03-02", "2022-03-02", "day")


def test_fronted_date_covers_coordinated_events(dates) -> None:
    found = dates(
        "In January 2022, ECOWAS imposed sanctions and closed its borders.", "imposed closed"
    )
    assert _range(found["closed"]) == ("2022-01-01", "2022-01-31", "month")


def test_undated_past_event_takes_the_narrative_date(dates) -> None:
    found = dates(
        "Rebels attacked Kidal on Tuesday. They killed three soldiers.", "attacked killed"
    )
    assert found["killed"].start == date(2022, 3, 22)
    assert found["killed"].basis == "narrative"
    assert found["killed"].text is None


def test_present_perfect_event_takes_the_publication_date(dates) -> None:
    found = dates(
        "Rebels attacked Kidal on Tuesday. The government has condemned the attack.",
        "attacked condemned",
    )
    assert found["condemned"].basis == "publication"


def test_narrative_date_does_not_cross_paragraphs(dates) -> None:
    found = dates(
        "Rebels attacked Kidal on Tuesday.\n\nThe government condemned the violence.",
        "attacked condemned",
    )
    assert found["condemned"].basis == "publication"


def test_future_verb_takes_the_coming_weekday(dates) -> None:
    found = dates("The ministers will meet in Bamako on Tuesday.", "meet")
    assert found["meet"].start == date(2022, 3, 29)
    assert found["meet"].future


def test_coming_months_are_future(dates) -> None:
    found = dates("The junta could hold elections in the coming months.", "hold")
    assert found["hold"].future
    assert found["hold"].text == "in the coming months"


def test_count_of_a_plural_noun_is_not_a_year(dates) -> None:
    assert dates("France sent 2000 troops to Mali.", "sent")["sent"].basis == "publication"
    found = dates("France sent 2000 troops to Mali in 2013.", "sent")
    assert _range(found["sent"]) == ("2013-01-01", "2013-12-31", "year")


def test_durations_are_not_dates(dates) -> None:
    found = dates("The junta declared a four-year transition and ruled for two weeks.", "declared")
    assert found["declared"].basis == "publication"
    assert found["declared"].text is None


def test_month_first_option_for_us_sources(dates) -> None:
    text = "Troops entered Gao on 03/04/2022."
    assert dates(text, "entered")["entered"].start == date(2022, 4, 3)
    us = dates(text, "entered", resolver=TimeResolver(month_first=True))
    assert us["entered"].start == date(2022, 3, 4)


def test_without_publication_date(dates) -> None:
    text = "Rebels attacked Kidal yesterday. Troops entered Gao on 2 March 2022."
    found = dates(text, "attacked entered", pub=None)
    assert found["attacked"].precision == "unknown"
    assert found["attacked"].date is None
    assert found["entered"].start == date(2022, 3, 2)


def test_date_of_another_noun_yields_to_the_verb_date(dates) -> None:
    found = dates(
        "Thousands demonstrated on Saturday to demand justice for the victims of the 2014 uprising.",
        "demand",
    )
    assert found["demand"].start == date(2022, 3, 19)


def test_old_date_of_another_noun_is_not_the_event_date(dates) -> None:
    found = dates("Protesters demonstrated over the 1998 murder of a journalist.", "demonstrated")
    assert found["demonstrated"].basis == "publication"


def test_clause_on_a_noun_trigger_describes_it(dates) -> None:
    found = dates("ECOWAS lifted the sanctions imposed in January.", "lifted sanctions")
    assert _range(found["sanctions"]) == ("2022-01-01", "2022-01-31", "month")
    assert found["lifted"].basis == "publication"


def test_month_of_another_noun_is_not_the_event_date(dates) -> None:
    found = dates("Teachers held a sit-in to demand their September salaries.", "demand")
    assert found["demand"].basis == "publication"
    found = dates("Students protested over the death of a classmate in February.", "protested")
    assert found["protested"].basis == "publication"


def test_date_of_a_time_of_day_dates_the_event(dates) -> None:
    found = dates("Gunmen raided a police post in the night of 8 to 9 March.", "raided")
    assert (found["raided"].start, found["raided"].end) == (date(2022, 3, 8), date(2022, 3, 9))
    assert found["raided"].date == date(2022, 3, 9)  # a night is dated to its second day


def test_two_days_without_a_night_are_dated_to_the_first(dates) -> None:
    found = dates("Farmers blocked the road on Monday and Tuesday.", "blocked")
    assert found["blocked"].date == date(2022, 3, 21)


def test_main_clause_date_of_the_previous_sentence_moves_the_narrative(dates) -> None:
    found = dates(
        "After the ambush on 3 March, the army launched an operation from 5 to 9 March. "
        "Soldiers arrested twelve men.",
        "ambush arrested",
    )
    assert found["ambush"].date == date(2022, 3, 3)
    assert found["arrested"].basis == "narrative"
    assert _range(found["arrested"]) == ("2022-03-05", "2022-03-09", "week")
    assert found["arrested"].date == date(2022, 3, 5)


def test_narrative_expression_counts_from_an_uncoded_main_clause(dates) -> None:
    found = dates(
        "On 2 March, gunmen seized food aid from a truck. "
        "The driver was abducted but released the following day.",
        "abducted released",
    )
    assert found["abducted"].date == date(2022, 3, 2)
    assert found["released"].date == date(2022, 3, 3)


def test_date_of_a_reporting_verb_does_not_move_the_narrative(dates) -> None:
    found = dates(
        "Gunmen attacked a village on Sunday. Police said on Tuesday that the gunmen fled. "
        "They burned the market.",
        "attacked burned",
    )
    assert found["burned"].date == date(2022, 3, 20)


def test_earlier_main_clause_date_does_not_move_the_narrative_back(dates) -> None:
    found = dates(
        "Gunmen attacked a village on 10 March. In 2019, the village had received aid. "
        "They burned the market.",
        "attacked burned",
    )
    assert found["burned"].date == date(2022, 3, 10)


def test_clause_under_the_clause_of_a_noun_trigger_does_not_date_it(dates) -> None:
    found = dates(
        "Opposition parties staged a protest to postpone the polls set for 11 March.", "protest"
    )
    assert found["protest"].basis == "publication"
    found = dates("Unions called a strike to oppose the reform adopted on 11 March.", "strike")
    assert found["strike"].basis == "publication"


def test_date_naming_another_noun_with_its_determiner(dates) -> None:
    found = dates(
        "On 20 March, youths broke windows and tried to assault officials during a rally at "
        "the 4th August stadium.",
        "assault",
    )
    assert found["assault"].date == date(2022, 3, 20)


def test_future_main_clause_date_does_not_move_the_narrative(dates) -> None:
    found = dates(
        "Gunmen attacked a village on 10 March. The council will meet on 2 May 2022. "
        "They burned the market.",
        "attacked burned",
    )
    assert found["burned"].date == date(2022, 3, 10)


def test_event_in_a_clause_on_a_participant_does_not_date_the_main_event(dates) -> None:
    found = dates(
        "Traders whose shops were looted on 22 February protested in the capital.",
        "looted protested",
    )
    assert found["looted"].date == date(2022, 2, 22)
    assert found["protested"].basis == "publication"


def test_night_of_the_previous_main_clause_dates_the_narrative(dates) -> None:
    found = dates(
        "Troops fought militants overnight (Mar.5-6). Two soldiers were killed.", "killed"
    )
    assert found["killed"].date == date(2022, 3, 6)
    assert (found["killed"].start, found["killed"].end) == (date(2022, 3, 5), date(2022, 3, 6))


def test_fronted_date_without_comma_dates_the_verb(dates) -> None:
    found = dates("On 20 December 2019 jihadists attacked a base in Inates.", "attacked")
    assert _range(found["attacked"]) == ("2019-12-20", "2019-12-20", "day")
    found = dates("Voters protested against the 2018 budget in Niamey.", "protested")
    assert found["protested"].basis == "publication"


# text, trigger, expected start, end, basis: a date without a year takes the year the
# paragraph has reached (publication Thursday 24 March 2022; basis narrative where that is not
# the publication's reading)
NARRATIVE_YEAR = [
    ("On 15 January 2020 the army retook the town. On 28 January, rebels attacked it again.",
     "attacked", "2020-01-28", "2020-01-28", "narrative"),
    ("In 2013 France launched an operation in Mali. In February, troops reached Kidal.",
     "reached", "2013-02-01", "2013-02-28", "narrative"),
    ("On 20 December 2019 jihadists attacked a base. On 3 January, they ambushed a convoy.",
     "ambushed", "2020-01-03", "2020-01-03", "narrative"),
    ("On 5 January 2020 the hostages were freed. Gunmen had seized them on 28 December.",
     "seized", "2019-12-28", "2019-12-28", "narrative"),
    ("Rebels seized Kidal on 30 December 2019 and lost it on 4 January.",
     "lost", "2020-01-04", "2020-01-04", "narrative"),
    ("By the end of 2021 the junta had hired mercenaries. In January, ECOWAS imposed sanctions.",
     "imposed", "2022-01-01", "2022-01-31", "relative"),
    ("In January 2022 ECOWAS imposed sanctions. In late February, France announced its exit.",
     "announced", "2022-02-21", "2022-02-28", "relative"),
    ("In mid-2016 the rebels signed a truce. They broke it in the autumn and attacked Gao on "
     "12 November.", "attacked", "2016-11-12", "2016-11-12", "narrative"),
    ("On 2/2/2020 soldiers arrested a mayor. Protesters marched on 9 February.",
     "marched", "2020-02-09", "2020-02-09", "narrative"),
    # the year of a date is the narrative's, then that date's: 3 January 2020, then 2020 on
    ("On 20 December 2019 jihadists attacked a base. On 3 January they ambushed a convoy. "
     "On 1 March they kidnapped a mayor.", "kidnapped", "2020-03-01", "2020-03-01", "narrative"),
    ("On 1 August 2019 rebels took Gao. On 3 January they lost it. On 5 March they retook it. "
     "On 20 October they signed a truce.", "signed", "2020-10-20", "2020-10-20", "narrative"),
    # counted from publication: no year stated before, or relative to now
    ("Troops reached Kidal in February.", "reached", "2022-02-01", "2022-02-28", "relative"),
    ("In 2013 France launched an operation in Mali. On Tuesday, gunmen attacked Gao.",
     "attacked", "2022-03-22", "2022-03-22", "relative"),
    ("In 2013 France launched an operation in Mali. Last December, gunmen attacked Gao.",
     "attacked", "2021-12-01", "2021-12-31", "relative"),
    ("In 2013 France launched an operation in Mali. Yesterday, gunmen attacked Gao.",
     "attacked", "2022-03-23", "2022-03-23", "relative"),
    ("In 2013 France launched an operation in Mali. Gunmen attacked Gao in May last year.",
     "attacked", "2021-05-01", "2021-05-31", "relative"),
    # a later paragraph starts afresh
    ("In 2013 France launched an operation in Mali.\n\nIn February, troops reached Kidal.",
     "reached", "2022-02-01", "2022-02-28", "relative"),
    # what states no narrative year: a year naming a thing, a decade, a period since a year
    ("Unions protested against the 2018 budget. In February, they blocked the roads.",
     "blocked", "2022-02-01", "2022-02-28", "relative"),
    ("Coups have shaken Mali since the 1960s. In January, officers arrested the minister.",
     "arrested", "2022-01-01", "2022-01-31", "relative"),
    ("Fighting has raged since 2015. In January, officers arrested the minister.",
     "arrested", "2022-01-01", "2022-01-31", "relative"),
    # the narrative's year would put it after publication: the latest past one instead
    ("On 20 December 2021 jihadists attacked a base. On 2 April, they ambushed a convoy.",
     "ambushed", "2021-04-02", "2021-04-02", "explicit"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "trigger", "start", "end", "basis"), NARRATIVE_YEAR)
def test_year_of_a_date_without_one(dates, text, trigger, start, end, basis) -> None:
    info = dates(text, trigger)[trigger]
    assert (info.start, info.end) == (date.fromisoformat(start), date.fromisoformat(end))
    assert info.basis == basis
    assert not info.future


def test_future_verb_keeps_the_coming_date_after_a_stated_year(dates) -> None:
    found = dates("In 2013 France launched an operation. Ministers will meet on 30 March.", "meet")
    assert found["meet"].start == date(2022, 3, 30)
    assert found["meet"].future


def test_narrative_year_without_publication_date(dates) -> None:
    found = dates(
        "On 15 January 2020 the army retook the town. On 28 January, rebels attacked it.",
        "attacked",
        pub=None,
    )
    assert found["attacked"].start == date(2020, 1, 28)


# Which date of a sentence is the event's own: (text, trigger, expected start; None: no date of
# the sentence, so the publication date). Publication date Thursday 24 March 2022.
ATTACHMENT = [
    # a statement's day is the best bound of what it reports, when the sentence has no other
    (
        "Soldiers raided a camp near Gao, a military spokesman said on Monday.",
        "raided",
        "2022-03-21",
    ),
    ("The army said it killed 20 militants on Saturday.", "killed", "2022-03-19"),
    ("On 5 March, the army claimed to have killed twelve fighters.", "killed", "2022-03-05"),
    # a clause describing another participant dates that participant's event
    ("A farmer who had been abducted on 2 March was found beheaded near Mopti.", "beheaded", None),
    # a clause a conjunction introduces elsewhere in the sentence dates its own event; an
    # unmarked one (often a comma splice) shares the fronted date
    (
        "They wanted to march against the new tax, as they had done at the end of February, but "
        "the police dispersed the crowd.",
        "dispersed",
        None,
    ),
    (
        "On 5 March, the unit was subjected to gunfire near the village, the soldiers responded "
        "and killed two assailants.",
        "killed",
        "2022-03-05",
    ),
    # ... and so does a condition framing the sentence
    (
        "But if the drought persists in the coming months – and every sign suggests that it "
        "will – farmers might want to sell their herds, leave their villages or move south.",
        "leave",
        "2022-03-25",
    ),
    # a noun after "after", "following", "in response to" is an earlier event
    (
        "Police detained six suspects after the murder of a teacher earlier this month.",
        "detained",
        None,
    ),
    (
        "In response to the arrest of two activists on 10 March, thousands marched in Niamey.",
        "marched",
        None,
    ),
    ("Thousands protested after the death of a student in custody on 12 March.", "protested", None),
    (
        "Troops withdrew from the base after the attack on 12 March, the ministry announced.",
        "withdrew",
        None,
    ),
    ("Troops regained the town following the ambush of 12 March.", "regained", None),
    ("The army retook the town on 14 March after an attack on 12 March.", "retook", "2022-03-14"),
    # a date inside a name names a thing
    ("Members of the March 22 Movement marched in Bamako.", "marched", None),
    ("Traders rallied against the 2021 Finance Act in Niamey.", "rallied", None),
    ("Fighters of the Patriotic Front (2012-2015) attacked a convoy.", "attacked", None),
    # ... not a date before the verb, a resolution's day or a weekday with its date in brackets
    ("On Saturday the MUJAO seized the small town of Hombori.", "seized", "2022-03-19"),
    (
        "Niger voted for the 12 March African Union Peace Council resolution on Sudan.",
        "voted",
        "2022-03-12",
    ),
    ("Police dispersed protesters on Friday (18 March) in Bamako.", "dispersed", "2022-03-18"),
    # the preposition's object heads a date the parser split ("on 3 March 2022 signed")
    (
        "A militia that raided villages on 3 March 2022 signed a truce with the army.",
        "signed",
        None,
    ),
    (
        "A militia that raided villages on 3 March 2022 signed a truce with the army.",
        "raided",
        "2022-03-03",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "start"), ATTACHMENT)
def test_date_belongs_to_the_event(dates, text, trigger, start) -> None:
    found = dates(text, trigger)[trigger]
    if start is None:
        assert found.basis == "publication"
    else:
        assert found.start == date.fromisoformat(start)
        assert found.basis != "publication"
