"""Table-driven tests of the time grammar: expression, publication date -> range, precision.

Publication date P = Thursday 24 March 2022 unless a row says otherwise. Narrative rows
count from the previous event's date A (2 March 2022 unless the row gives another).
"""

from __future__ import annotations

from datetime import date

import pytest

from eventlens.resolve import periods
from eventlens.resolve.normalize import References, normalize
from eventlens.resolve.periods import Period
from eventlens.resolve.timex import expressions

P = "2022-03-24"
A = ("2022-03-02", "2022-03-02")

# text, publication date, expected start, expected end, precision
ABSOLUTE = [
    ("2 March 2022", P, "2022-03-02", "2022-03-02", "day"),
    ("March 2, 2022", P, "2022-03-02", "2022-03-02", "day"),
    ("2022-03-02", P, "2022-03-02", "2022-03-02", "day"),
    ("2022/03/02", P, "2022-03-02", "2022-03-02", "day"),
    ("02/03/2022", P, "2022-03-02", "2022-03-02", "day"),
    ("2.3.2022", P, "2022-03-02", "2022-03-02", "day"),
    ("02-03-2022", P, "2022-03-02", "2022-03-02", "day"),
    ("13/03/2022", P, "2022-03-13", "2022-03-13", "day"),
    ("03/13/2022", P, "2022-03-13", "2022-03-13", "day"),
    ("1/2/22", P, "2022-02-01", "2022-02-01", "day"),
    ("31/12/99", P, "1999-12-31", "1999-12-31", "day"),
    ("2nd March 2022", P, "2022-03-02", "2022-03-02", "day"),
    ("the 2nd of March, 2022", P, "2022-03-02", "2022-03-02", "day"),
    ("March 2nd 2022", P, "2022-03-02", "2022-03-02", "day"),
    ("Wednesday, 2 March 2022", P, "2022-03-02", "2022-03-02", "day"),
    ("Wed. 2 March 2022", P, "2022-03-02", "2022-03-02", "day"),
    ("2 Mar. 2022", P, "2022-03-02", "2022-03-02", "day"),
    ("Sept. 11, 2001", P, "2001-09-11", "2001-09-11", "day"),
    ("11 September 2001", P, "2001-09-11", "2001-09-11", "day"),
    ("On November 17 2019, militants", P, "2019-11-17", "2019-11-17", "day"),
    ("29 February 2024", "2024-06-01", "2024-02-29", "2024-02-29", "day"),
    ("29 February 2020", P, "2020-02-29", "2020-02-29", "day"),
    ("in January 2022", P, "2022-01-01", "2022-01-31", "month"),
    ("January of 2022", P, "2022-01-01", "2022-01-31", "month"),
    ("Jan. 2022", P, "2022-01-01", "2022-01-31", "month"),
    ("December, 2021", P, "2021-12-01", "2021-12-31", "month"),
    ("February 2024", "2024-06-01", "2024-02-01", "2024-02-29", "month"),
    ("the August 2020 military coup", P, "2020-08-01", "2020-08-31", "month"),
    ("a second coup in May 2021", P, "2021-05-01", "2021-05-31", "month"),
    ("in 2013", P, "2013-01-01", "2013-12-31", "year"),
    ("the 2015 elections", P, "2015-01-01", "2015-12-31", "year"),
    ("in the year 2000", P, "2000-01-01", "2000-12-31", "year"),
    ("mid-2021", P, "2021-05-01", "2021-08-31", "year"),
    ("early 2021", P, "2021-01-01", "2021-04-30", "year"),
    ("late 2021", P, "2021-09-01", "2021-12-31", "year"),
    ("By the end of 2021, the junta", P, "2021-09-01", "2021-12-31", "year"),
    ("the beginning of 2020", P, "2020-01-01", "2020-04-30", "year"),
    ("the first half of 2019", P, "2019-01-01", "2019-06-30", "year"),
    ("the second half of 2019", P, "2019-07-01", "2019-12-31", "year"),
    ("early March 2022", P, "2022-03-01", "2022-03-10", "week"),
    ("mid-March 2021", P, "2021-03-11", "2021-03-20", "week"),
    ("the end of February 2024", "2024-06-01", "2024-02-21", "2024-02-29", "week"),
    ("late February 2023", "2023-06-01", "2023-02-21", "2023-02-28", "week"),
    ("the first half of March 2022", P, "2022-03-01", "2022-03-15", "month"),
    ("the first quarter of 2021", P, "2021-01-01", "2021-03-31", "year"),
    ("Q4 2020", P, "2020-10-01", "2020-12-31", "year"),
    ("the summer of 2020", P, "2020-06-01", "2020-08-31", "year"),
    ("spring 2019", P, "2019-03-01", "2019-05-31", "year"),
    ("the winter of 2021", P, "2021-12-01", "2022-02-28", "year"),
    ("the 1990s", P, "1990-01-01", "1999-12-31", "decade"),
    ("In the 1960s and 70s, Mali", P, "1960-01-01", "1979-12-31", "decade"),
    ("the early 1990s", P, "1990-01-01", "1993-12-31", "decade"),
    ("the late 1980s", P, "1987-01-01", "1989-12-31", "decade"),
    ("the mid-2000s", P, "2004-01-01", "2006-12-31", "decade"),
    ("the '70s", P, "1970-01-01", "1979-12-31", "decade"),
    ("the 2010s", P, "2010-01-01", "2019-12-31", "decade"),
    ("between 2013 and 2015", P, "2013-01-01", "2015-12-31", "decade"),
    ("2013-2015", P, "2013-01-01", "2015-12-31", "decade"),
    ("from 2 to 5 March 2022", P, "2022-03-02", "2022-03-05", "week"),
    ("5-7 March 2022", P, "2022-03-05", "2022-03-07", "week"),
    ("March 5 and 7, 2022", P, "2022-03-05", "2022-03-07", "week"),
    ("March and April 2021", P, "2021-03-01", "2021-04-30", "year"),
    ("June 8 and June 9, 2021", P, "2021-06-08", "2021-06-09", "week"),
    ("on 21, 23 and 27 February 2020", P, "2020-02-21", "2020-02-27", "week"),
    ("on 4, 6, and 11 May 2019", P, "2019-05-04", "2019-05-11", "week"),
    ("on October 3, 5 and 8, 2018", P, "2018-10-03", "2018-10-08", "week"),
    ("a chief killed on 13-December-1998", P, "1998-12-13", "1998-12-13", "day"),
    ("on 7-Jan-2015", P, "2015-01-07", "2015-01-07", "day"),
    ("On Sept.30, 2016, the minister", P, "2016-09-30", "2016-09-30", "day"),
    ("since 2015", P, "2015-01-01", "2022-03-24", "decade"),
    ("since March 2020", P, "2020-03-01", "2022-03-24", "decade"),
]

INFERRED_YEAR = [
    ("the March 2 resolution", P, "2022-03-02", "2022-03-02", "day"),
    ("on 2 March", P, "2022-03-02", "2022-03-02", "day"),
    ("on March 30", P, "2021-03-30", "2021-03-30", "day"),
    ("on 24 March", P, "2022-03-24", "2022-03-24", "day"),
    ("on 29 February", P, "2020-02-29", "2020-02-29", "day"),
    ("on 29 February", "2024-03-10", "2024-02-29", "2024-02-29", "day"),
    ("on 31 December", "2022-01-05", "2021-12-31", "2021-12-31", "day"),
    ("28 December - 3 January", P, "2021-12-28", "2022-01-03", "week"),
    ("a sit-in on May 19 and May 20", "2014-05-19", "2014-05-19", "2014-05-20", "week"),
    ("from January 30 to February 2", "2022-02-01", "2022-01-30", "2022-02-02", "week"),
    ("during demonstrations on Feb.22-23", P, "2022-02-22", "2022-02-23", "week"),
    ("between Mar.28 and Apr.7", "2014-04-10", "2014-03-28", "2014-04-07", "month"),
    ("a sit-in on Jan.27 and Jan.28", "2014-02-02", "2014-01-27", "2014-01-28", "week"),
    ("in January", P, "2022-01-01", "2022-01-31", "month"),
    ("in December", "2022-01-10", "2021-12-01", "2021-12-31", "month"),
    ("in March", P, "2022-03-01", "2022-03-31", "month"),
    ("in April", P, "2021-04-01", "2021-04-30", "month"),
    ("As a January Globe and Mail story put it", P, "2022-01-01", "2022-01-31", "month"),
    ("last December", "2022-01-10", "2021-12-01", "2021-12-31", "month"),
    ("last December", "2022-12-20", "2021-12-01", "2021-12-31", "month"),
    ("last March", P, "2021-03-01", "2021-03-31", "month"),
    ("last February", P, "2022-02-01", "2022-02-28", "month"),
    ("this December", P, "2022-12-01", "2022-12-31", "month"),
    ("next January", P, "2023-01-01", "2023-01-31", "month"),
    ("in late February", P, "2022-02-21", "2022-02-28", "week"),
    ("in early February", P, "2022-02-01", "2022-02-10", "week"),
    ("mid-February", P, "2022-02-11", "2022-02-20", "week"),
    ("in late February", "2024-03-05", "2024-02-21", "2024-02-29", "week"),
    ("in late February", "2022-02-25", "2022-02-21", "2022-02-28", "week"),
    ("late December", "2022-01-04", "2021-12-21", "2021-12-31", "month"),
    ("the end of January", P, "2022-01-21", "2022-01-31", "month"),
    ("last summer", P, "2021-06-01", "2021-08-31", "year"),
    ("in the summer", "2022-07-15", "2022-06-01", "2022-08-31", "year"),
    ("the first quarter", P, "2022-01-01", "2022-03-31", "year"),
]

# The best single day (``date``): the middle of a period, the first end's best day for a
# range written as two ends (the event began then), the second day of a night.
BEST_DAY = [
    ("in January 2022", P, "2022-01-16"),
    ("last week", P, "2022-03-17"),
    ("5-7 March 2022", P, "2022-03-05"),
    ("from 4 to 12 December 2014", P, "2014-12-04"),
    ("between 13 and 16 September 2019", P, "2019-09-13"),
    ("on 21, 23 and 27 February 2020", P, "2020-02-21"),
    ("28 December - 3 January", P, "2021-12-28"),
    ("from Friday to Monday", P, "2022-03-18"),
    ("on Monday, Tuesday and Wednesday", P, "2022-03-21"),
    ("March and April 2021", P, "2021-03-16"),
    ("between 2013 and 2015", P, "2013-07-02"),
]

RELATIVE = [
    ("yesterday", P, "2022-03-23", "2022-03-23", "day"),
    ("today", P, "2022-03-24", "2022-03-24", "day"),
    ("tonight", P, "2022-03-24", "2022-03-24", "day"),
    ("last night", P, "2022-03-23", "2022-03-23", "day"),
    ("this morning", P, "2022-03-24", "2022-03-24", "day"),
    ("the day before yesterday", P, "2022-03-22", "2022-03-22", "day"),
    ("yesterday", "2022-01-01", "2021-12-31", "2021-12-31", "day"),
    ("on Tuesday", P, "2022-03-22", "2022-03-22", "day"),
    ("on Thursday", P, "2022-03-24", "2022-03-24", "day"),
    ("on Friday", P, "2022-03-18", "2022-03-18", "day"),
    ("last Tuesday", P, "2022-03-22", "2022-03-22", "day"),
    ("last Thursday", P, "2022-03-17", "2022-03-17", "day"),
    ("this Monday", P, "2022-03-21", "2022-03-21", "day"),
    ("on Sunday", "2022-01-03", "2022-01-02", "2022-01-02", "day"),
    ("on Friday", "2022-01-03", "2021-12-31", "2021-12-31", "day"),
    ("Tuesday night", P, "2022-03-22", "2022-03-22", "day"),
    ("on Saturday and Sunday", P, "2022-03-19", "2022-03-20", "week"),
    ("the night between Sunday and Monday", P, "2022-03-20", "2022-03-21", "week"),
    ("from Friday to Monday", P, "2022-03-18", "2022-03-21", "week"),
    ("on Monday, Tuesday and Wednesday", P, "2022-03-21", "2022-03-23", "week"),
    ("on Friday, Saturday, and Sunday", P, "2022-03-18", "2022-03-20", "week"),
    ("Tuesday last week", P, "2022-03-15", "2022-03-15", "day"),
    ("on Sat.", P, "2022-03-19", "2022-03-19", "day"),
    ("this week", P, "2022-03-21", "2022-03-24", "week"),
    ("earlier this week", P, "2022-03-21", "2022-03-23", "week"),
    ("last week", P, "2022-03-14", "2022-03-20", "week"),
    ("last week", "2022-01-05", "2021-12-27", "2022-01-02", "week"),
    ("this month", P, "2022-03-01", "2022-03-24", "month"),
    ("earlier this month", P, "2022-03-01", "2022-03-23", "month"),
    ("last month", P, "2022-02-01", "2022-02-28", "month"),
    ("last month", "2022-01-10", "2021-12-01", "2021-12-31", "month"),
    ("last month", "2024-03-10", "2024-02-01", "2024-02-29", "month"),
    ("this year", P, "2022-01-01", "2022-03-24", "year"),
    ("earlier this year", P, "2022-01-01", "2022-03-23", "year"),
    ("earlier in the year", P, "2022-01-01", "2022-03-23", "year"),
    ("last year", P, "2021-01-01", "2021-12-31", "year"),
    ("last year", "2022-01-02", "2021-01-01", "2021-12-31", "year"),
    ("late last year", P, "2021-09-01", "2021-12-31", "year"),
    ("early this month", P, "2022-03-01", "2022-03-10", "week"),
    ("the end of last month", P, "2022-02-21", "2022-02-28", "week"),
    ("last decade", P, "2010-01-01", "2019-12-31", "decade"),
    ("over the weekend", P, "2022-03-19", "2022-03-20", "week"),
    ("over the weekend", "2022-03-21", "2022-03-19", "2022-03-20", "week"),
    ("over the weekend", "2022-03-20", "2022-03-19", "2022-03-20", "week"),
    ("last weekend", "2022-03-26", "2022-03-19", "2022-03-20", "week"),
    ("this past weekend", "2022-03-21", "2022-03-19", "2022-03-20", "week"),
    ("two days ago", P, "2022-03-22", "2022-03-22", "day"),
    ("48 hours ago", P, "2022-03-22", "2022-03-22", "day"),
    ("two days ago", "2022-01-01", "2021-12-30", "2021-12-30", "day"),
    ("a week ago", P, "2022-03-14", "2022-03-20", "week"),
    ("three weeks ago", P, "2022-02-28", "2022-03-06", "week"),
    ("a month ago", P, "2022-02-01", "2022-02-28", "month"),
    ("two years ago", P, "2020-01-01", "2020-12-31", "year"),
    ("a few days ago", P, "2022-03-18", "2022-03-22", "week"),
    ("years ago", P, "2016-01-01", "2020-12-31", "decade"),
    ("the past week", P, "2022-03-17", "2022-03-24", "week"),
    ("the past two weeks", P, "2022-03-10", "2022-03-24", "month"),
    ("over the last three months", P, "2021-12-24", "2022-03-24", "year"),
    ("in recent days", P, "2022-03-18", "2022-03-24", "week"),
    ("over the past decade", P, "2012-03-24", "2022-03-24", "decade"),
    ("in February last year", P, "2021-02-01", "2021-02-28", "month"),
    ("in January of last year", "2022-01-10", "2021-01-01", "2021-01-31", "month"),
    ("early February this year", P, "2022-02-01", "2022-02-10", "week"),
    ("on 3 March last year", P, "2021-03-03", "2021-03-03", "day"),
    ("on March 30 last year", P, "2021-03-30", "2021-03-30", "day"),
    ("in December last year", "2022-01-04", "2021-12-01", "2021-12-31", "month"),
]

FUTURE = [
    ("in June next year", P, "2023-06-01", "2023-06-30", "month"),
    ("late May this year", P, "2022-05-21", "2022-05-31", "month"),
    ("tomorrow", P, "2022-03-25", "2022-03-25", "day"),
    ("the day after tomorrow", P, "2022-03-26", "2022-03-26", "day"),
    ("next Tuesday", P, "2022-03-29", "2022-03-29", "day"),
    ("next week", P, "2022-03-28", "2022-04-03", "week"),
    ("next week", "2022-12-28", "2023-01-02", "2023-01-08", "week"),
    ("later this month", P, "2022-03-25", "2022-03-31", "week"),
    ("next month", P, "2022-04-01", "2022-04-30", "month"),
    ("next month", "2022-12-05", "2023-01-01", "2023-01-31", "month"),
    ("later this year", P, "2022-03-25", "2022-12-31", "year"),
    ("next year", P, "2023-01-01", "2023-12-31", "year"),
    ("this weekend", P, "2022-03-26", "2022-03-27", "week"),
    ("in the coming days", P, "2022-03-25", "2022-03-30", "week"),
    ("in the coming months", P, "2022-03-25", "2022-09-24", "year"),
    ("over the next two weeks", P, "2022-03-25", "2022-04-07", "month"),
    ("in the weeks ahead", P, "2022-03-25", "2022-05-05", "year"),
    ("by the end of the year", P, "2022-09-01", "2022-12-31", "year"),
    ("in 2025", P, "2025-01-01", "2025-12-31", "year"),
]

# text, anchor (previous event's start, end), expected start, end, precision
NARRATIVE = [
    ("a week later", A, "2022-03-09", "2022-03-09", "day"),
    ("two days after the attack", A, "2022-03-04", "2022-03-04", "day"),
    ("the next day", A, "2022-03-03", "2022-03-03", "day"),
    ("the following day", A, "2022-03-03", "2022-03-03", "day"),
    ("the day after", A, "2022-03-03", "2022-03-03", "day"),
    ("the day before", A, "2022-03-01", "2022-03-01", "day"),
    ("the previous day", A, "2022-03-01", "2022-03-01", "day"),
    ("the next morning", A, "2022-03-03", "2022-03-03", "day"),
    ("the same day", A, "2022-03-02", "2022-03-02", "day"),
    ("that day", A, "2022-03-02", "2022-03-02", "day"),
    ("later that day", A, "2022-03-02", "2022-03-02", "day"),
    ("hours later", A, "2022-03-02", "2022-03-02", "day"),
    ("two weeks later", A, "2022-03-16", "2022-03-16", "day"),
    ("three days earlier", A, "2022-02-27", "2022-02-27", "day"),
    ("days later", A, "2022-03-04", "2022-03-08", "week"),
    ("a few days later", A, "2022-03-04", "2022-03-08", "week"),
    ("the following week", A, "2022-03-07", "2022-03-13", "week"),
    ("the previous week", A, "2022-02-21", "2022-02-27", "week"),
    ("the following month", A, "2022-04-01", "2022-04-30", "month"),
    ("the previous month", A, "2022-02-01", "2022-02-28", "month"),
    ("that year", A, "2022-01-01", "2022-12-31", "year"),
    ("a month later", A, "2022-04-01", "2022-04-30", "month"),
    ("a week later", ("2022-01-01", "2022-01-31"), "2022-01-08", "2022-02-07", "month"),
    ("the following month", ("2022-01-01", "2022-01-31"), "2022-02-01", "2022-02-28", "month"),
    ("two days later", ("2021-12-30", "2021-12-30"), "2022-01-01", "2022-01-01", "day"),
    ("the following year", ("2021-12-30", "2021-12-30"), "2022-01-01", "2022-12-31", "year"),
    ("the next day", ("2024-02-28", "2024-02-28"), "2024-02-29", "2024-02-29", "day"),
    ("the next day", ("2023-02-28", "2023-02-28"), "2023-03-01", "2023-03-01", "day"),
    ("a year later", ("2020-02-29", "2020-02-29"), "2021-02-01", "2021-02-28", "month"),
    ("three days after 5 March 2022", None, "2022-03-08", "2022-03-08", "day"),
]

# Durations, ages, counts and common words: no date at all.
NOT_DATES = [
    "a four-year transition government",
    "they fought for two weeks",
    "a 25-year-old man",
    "a man aged 30",
    "500 troops",
    "a decade-long deteriorating situation",
    "a three-month state of emergency",
    "a woman in her 30s",
    "two decades of war",
    "for years",
    "10 days of fighting",
    "a two-day summit",
    "a 24-hour strike",
    "a 12-month ban",
    "within hours",
    "they may march on the capital",
    "Theresa May said",
    "The Sun reported",
    "the soldiers sat down",
    "1,500 soldiers",
    "a $2000 fine",
    "the fall of the regime",
]


def _check(text: str, refs: References, start: str, end: str, precision: str):
    found = expressions(text)
    assert found, f"no date expression found in {text!r}"
    info = normalize(found[0], refs)
    assert info is not None, f"{found[0].text!r} could not be placed"
    assert (info.start, info.end, info.precision) == (
        date.fromisoformat(start),
        date.fromisoformat(end),
        precision,
    ), text
    assert info.start <= info.date <= info.end
    return info


@pytest.mark.parametrize(("text", "pub", "start", "end", "precision"), ABSOLUTE)
def test_absolute(text: str, pub: str, start: str, end: str, precision: str) -> None:
    info = _check(text, References(date.fromisoformat(pub)), start, end, precision)
    assert info.basis == "explicit"
    assert not info.future


@pytest.mark.parametrize(("text", "pub", "start", "end", "precision"), INFERRED_YEAR)
def test_year_inferred_from_publication(text, pub, start, end, precision) -> None:
    info = _check(text, References(date.fromisoformat(pub)), start, end, precision)
    assert info.basis in ("explicit", "relative")


@pytest.mark.parametrize(("text", "pub", "best"), BEST_DAY)
def test_best_day(text: str, pub: str, best: str) -> None:
    [found] = expressions(text)
    info = normalize(found, References(date.fromisoformat(pub)))
    assert info is not None and info.date == date.fromisoformat(best)


@pytest.mark.parametrize(("text", "pub", "start", "end", "precision"), RELATIVE)
def test_relative_to_publication(text, pub, start, end, precision) -> None:
    info = _check(text, References(date.fromisoformat(pub)), start, end, precision)
    assert info.basis == "relative"
    assert not info.future


@pytest.mark.parametrize(("text", "pub", "start", "end", "precision"), FUTURE)
def test_future(text, pub, start, end, precision) -> None:
    info = _check(text, References(date.fromisoformat(pub)), start, end, precision)
    assert info.future


@pytest.mark.parametrize(("text", "anchor", "start", "end", "precision"), NARRATIVE)
def test_narrative(text, anchor, start, end, precision) -> None:
    previous = Period(*map(date.fromisoformat, anchor)) if anchor else None
    info = _check(text, References(date.fromisoformat(P), previous), start, end, precision)
    assert info.basis == ("narrative" if anchor else "explicit")


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text: str) -> None:
    assert expressions(text) == ()


def test_narrative_needs_a_previous_event() -> None:
    [found] = expressions("a week later")
    assert normalize(found, References(date(2022, 3, 24))) is None


def test_relative_needs_a_publication_date() -> None:
    for text in ("yesterday", "last week", "in late February", "two days ago"):
        [found] = expressions(text)
        assert normalize(found, References(None)) is None, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Tuesday", "2022-03-29"),
        ("on Thursday", "2022-03-24"),
        ("on 30 March", "2022-03-30"),
        ("on March 2", "2023-03-02"),
    ],
)
def test_future_verb_takes_the_next_occurrence(text: str, expected: str) -> None:
    [found] = expressions(text)
    info = normalize(found, References(date(2022, 3, 24), prefer_future=True))
    assert info is not None and info.start == date.fromisoformat(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("02/03/2022", "2022-02-03"), ("13/03/2022", "2022-03-13"), ("03/13/2022", "2022-03-13")],
)
def test_month_first_locale(text: str, expected: str) -> None:
    [found] = expressions(text)
    info = normalize(found, References(date(2022, 3, 24), month_first=True))
    assert info is not None and info.start == date.fromisoformat(expected)


def test_impossible_dates_are_not_dates() -> None:
    for text in ("31 April 2022", "29 February 2023", "30/02/2022"):
        [found] = expressions(text)
        assert normalize(found, References(date(2022, 3, 24))) is None, text


def test_expression_text_and_offsets() -> None:
    text = "And in late February, the French pulled out."
    [found] = expressions(text)
    assert found.text == "late February"
    assert text[found.start : found.end] == "late February"


def test_several_expressions_in_text_order() -> None:
    found = expressions("Talks held on 2 March 2022 resumed a week later and again yesterday.")
    assert [e.text for e in found] == ["2 March 2022", "a week later", "yesterday"]


def test_since_is_going_on_at_publication() -> None:
    [found] = expressions("fighting has continued since 2015")
    info = normalize(found, References(date(2022, 3, 24)))
    assert info is not None and info.date == date(2022, 3, 24)
    assert (info.start, info.end) == (date(2015, 1, 1), date(2022, 3, 24))


# text, year anchor Y (the latest date with a year stated before), publication date, expected
# start, end, precision: a date without a year takes the narrative's year (basis narrative
# where that is not the publication's reading)
NARRATIVE_YEAR = [
    ("on 28 January", ("2020-01-15", "2020-01-15"), P, "2020-01-28", "2020-01-28", "day"),
    ("the March 2 resolution", ("2019-01-01", "2019-12-31"), P, "2019-03-02", "2019-03-02", "day"),
    ("in February", ("2013-01-01", "2013-12-31"), P, "2013-02-01", "2013-02-28", "month"),
    ("in December", ("2013-01-01", "2013-12-31"), P, "2013-12-01", "2013-12-31", "month"),
    ("in late February", ("2013-01-01", "2013-12-31"), P, "2013-02-21", "2013-02-28", "week"),
    ("mid-February", ("2022-01-01", "2022-01-31"), P, "2022-02-11", "2022-02-20", "week"),
    ("in October", ("2021-09-01", "2021-12-31"), P, "2021-10-01", "2021-10-31", "month"),
    ("in the summer", ("2015-01-01", "2015-12-31"), P, "2015-06-01", "2015-08-31", "year"),
    # year boundaries: forward past New Year, back a few weeks at most
    ("on 3 January", ("2019-12-20", "2019-12-20"), P, "2020-01-03", "2020-01-03", "day"),
    ("in January", ("2019-12-20", "2019-12-20"), P, "2020-01-01", "2020-01-31", "month"),
    ("in January", ("2021-09-01", "2021-12-31"), P, "2022-01-01", "2022-01-31", "month"),
    ("on 28 December", ("2020-01-05", "2020-01-05"), P, "2019-12-28", "2019-12-28", "day"),
    ("in December", ("2013-01-01", "2013-01-31"), P, "2012-12-01", "2012-12-31", "month"),
    ("in early February", ("2020-03-15", "2020-03-15"), P, "2020-02-01", "2020-02-10", "week"),
    ("on 2 March", ("2020-03-15", "2020-03-15"), P, "2020-03-02", "2020-03-02", "day"),
    ("in December", ("2020-04-10", "2020-04-10"), P, "2020-12-01", "2020-12-31", "month"),
    ("28 December - 3 January", ("2019-12-01", "2019-12-31"), P, "2019-12-28", "2020-01-03", "week"),
    # a leap day in the narrative's leap year
    ("on 29 February", ("2016-01-01", "2016-01-31"), P, "2016-02-29", "2016-02-29", "day"),
]  # fmt: skip

# the same, placed from publication whatever the narrative's year
PUBLICATION_YEAR_KEPT = [
    # no leap day near the narrative's year, or it would be after publication: the latest past
    ("on 29 February", ("2018-05-01", "2018-05-01"), P, "2020-02-29", "2020-02-29", "day"),
    ("on 2 March", ("2021-12-20", "2021-12-20"), "2022-01-10", "2021-03-02", "2021-03-02", "day"),
    # relative to publication
    ("last December", ("2013-01-01", "2013-12-31"), P, "2021-12-01", "2021-12-31", "month"),
    ("in May last year", ("2013-01-01", "2013-12-31"), P, "2021-05-01", "2021-05-31", "month"),
    ("this December", ("2013-01-01", "2013-12-31"), P, "2022-12-01", "2022-12-31", "month"),
    ("on Tuesday", ("2013-01-01", "2013-12-31"), P, "2022-03-22", "2022-03-22", "day"),
    ("yesterday", ("2013-01-01", "2013-12-31"), P, "2022-03-23", "2022-03-23", "day"),
    ("this month", ("2013-01-01", "2013-12-31"), P, "2022-03-01", "2022-03-24", "month"),
    ("since March", ("2013-01-01", "2013-12-31"), P, "2022-03-01", "2022-03-24", "month"),
    ("on 5 March 2015", ("2013-01-01", "2013-12-31"), P, "2015-03-05", "2015-03-05", "day"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "anchor", "pub", "start", "end", "precision"), NARRATIVE_YEAR)
def test_year_from_the_narrative(text, anchor, pub, start, end, precision) -> None:
    year_anchor = Period(*map(date.fromisoformat, anchor))
    refs = References(date.fromisoformat(pub), year_anchor=year_anchor)
    info = _check(text, refs, start, end, precision)
    plain = normalize(expressions(text)[0], References(refs.pub))
    changed = plain is None or (plain.start, plain.end) != (info.start, info.end)
    assert (info.basis == "narrative") == changed


@pytest.mark.parametrize(
    ("text", "anchor", "pub", "start", "end", "precision"), PUBLICATION_YEAR_KEPT
)
def test_year_not_from_the_narrative(text, anchor, pub, start, end, precision) -> None:
    year_anchor = Period(*map(date.fromisoformat, anchor))
    refs = References(date.fromisoformat(pub), year_anchor=year_anchor)
    assert _check(text, refs, start, end, precision).basis != "narrative"


def test_future_verb_is_not_in_the_narrative_year() -> None:
    [found] = expressions("on 30 March")
    year_anchor = periods.year(2013)
    refs = References(date(2022, 3, 24), prefer_future=True, year_anchor=year_anchor)
    info = normalize(found, refs)
    assert info is not None and info.start == date(2022, 3, 30) and info.future


def test_narrative_year_without_publication_date() -> None:
    [found] = expressions("in late February")
    info = normalize(found, References(None, year_anchor=periods.year(2013)))
    assert info is not None and (info.start, info.end) == (date(2013, 2, 21), date(2013, 2, 28))
