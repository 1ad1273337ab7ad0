"""Turn a found date expression into a date range.

Relative expressions count from the publication date; narrative ones ("a week later",
"the following month") from the date of the previous event in the document. A day or month
written without a year takes the year the narrative has reached ("In 2013 ... In February"),
when the text has stated one, and else the latest past occurrence before publication.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from eventlens.record import DateBasis, DateInfo
from eventlens.resolve import periods
from eventlens.resolve.periods import Period
from eventlens.resolve.timex import Expression

VAGUE = (2, 6)  # "days later", "a few weeks ago": between two and six units
WHOLE_MONTHS = {"month", "quarter", "year", "decade"}
FLASHBACK = timedelta(days=92)  # a year-less date ending this soon before the year anchor
DIRECTION_MODIFIERS = {"later": "following", "earlier": "previous"}  # "the day after"
Found = tuple[Period, DateBasis] | None


@dataclass(frozen=True)
class References:
    """What relative expressions count from."""

    pub: date | None
    anchor: Period | None = None  # date range of the previous event in the document
    month_first: bool = False  # 03/04/2022 is 4 March (US) rather than 3 April
    prefer_future: bool = False  # the verb is future: "on Tuesday" is the next Tuesday
    year_anchor: Period | None = None  # the latest date with a year stated before in the text


def normalize(expression: Expression, refs: References) -> DateInfo | None:
    """The date an expression stands for, or None when it cannot be placed."""
    found = HANDLERS[expression.kind](expression, refs)
    if found is None:
        return None
    period, basis = found
    best = period.best
    if expression.values.get("since") and refs.pub and period.start <= refs.pub:
        period = Period(period.start, refs.pub)
        best = refs.pub  # "has fought since 2015": going on at publication
    return DateInfo(
        date=best,
        start=period.start,
        end=period.end,
        precision=periods.precision(period),
        text=expression.text,
        basis=basis,
        future=refs.pub is not None and period.start > refs.pub,
    )


def _calendar(expression: Expression, refs: References) -> Found:
    """A day, month, season, quarter or year, or a range of them ("5-7 March 2022")."""
    v = expression.values
    if "year_modifier" in v:
        return _in_relative_year(v, refs)
    first = _calendar_one(v, refs)
    if first is None or not {"day2", "month2", "year2"} & set(v):
        return first
    period, basis = first
    ends = {key: v.get(f"{key}2", v.get(key)) for key in ("day", "month", "year")}
    ends = {key: value for key, value in ends.items() if value is not None}
    ends.setdefault("year", period.start.year)
    last = _calendar_one(ends, refs)
    if last is not None and last[0].end < period.start and "year" not in v:
        last = _calendar_one({**ends, "year": ends["year"] + 1}, refs)
    if last is None or last[0].end < period.start:
        return None
    return Period(period.start, last[0].end, first=period.midpoint), basis


def _in_relative_year(v: Mapping[str, Any], refs: References) -> Found:
    """ "in February last year", "late May this year", "on 3 March last year"."""
    if refs.pub is None:
        return None
    step = {"last": -1, "next": 1}.get(v["year_modifier"], 0)
    found = _calendar_one({**v, "year": refs.pub.year + step}, refs)
    return (found[0], "relative") if found else None


def _calendar_one(v: Mapping[str, Any], refs: References) -> Found:
    year, month, day = v.get("year"), v.get("month"), v.get("day")
    if month and day:
        if year:
            found = periods.safe_date(year, month, day)
            return (periods.day(found), "explicit") if found else None
        return _yearless(lambda y: _day(y, month, day), v, refs, "explicit")
    make, unit = _calendar_period(v)
    if make is None:
        return None
    found = (make(year), "explicit") if year else _yearless(make, v, refs, "relative")
    if found is None:
        return None
    period, basis = found
    if unit and "part" in v:
        period = periods.part(period, unit, v["part"])
    return period, basis


def _calendar_period(v: Mapping[str, Any]) -> tuple[Callable[[int], Period] | None, str | None]:
    """How to build the named period for a given year, and its unit for parts."""
    if "month" in v:
        return (lambda y: periods.month(y, v["month"])), "month"
    if "season" in v:
        return (lambda y: periods.season(v["season"], y)), None
    if "quarter" in v:
        return (lambda y: periods.quarter(y, v["quarter"])), None
    if "year" in v:
        return periods.year, "year"
    return None, None


def _day(year: int, month: int, day: int) -> Period | None:
    found = periods.safe_date(year, month, day)
    return periods.day(found) if found else None


def _yearless(
    make: Callable[[int], Period | None], v: Mapping[str, Any], refs: References, basis: DateBasis
) -> Found:
    """A day or period written without a year: in the narrative's year (``basis`` narrative
    where that changes it) when the text stated one, unless the verb is future or the period
    runs to publication ("since March"); else placed from publication."""
    modifier = v.get("modifier")
    inferred = _infer(make, modifier, refs)
    if refs.year_anchor and not (modifier or v.get("since") or refs.prefer_future):
        period = _in_narrative_year(make, refs.year_anchor)
        if period and period != inferred and (refs.pub is None or period.start <= refs.pub):
            return period, "narrative"
    return (inferred, basis) if inferred else None


def _in_narrative_year(make: Callable[[int], Period | None], anchor: Period) -> Period | None:
    """The occurrence inside the anchor ("In 2013 ... in February": February 2013), else the
    first ending at most FLASHBACK before it: after 15 March 2020, "on 2 March" is 2020-03-02,
    after 20 December 2019, "on 3 January" is 2020-01-03."""
    years = range(anchor.start.year - 1, anchor.end.year + 2)
    options = [p for y in years if (p := make(y)) is not None]
    inside = [p for p in options if anchor.start <= p.start and p.end <= anchor.end]
    later = [p for p in options if p.end >= anchor.start - FLASHBACK]
    return (inside or later or [None])[0]


def _infer(make: Callable[[int], Period | None], modifier: str | None, refs: References):
    """The occurrence of a yearly period (a month, "2 March") the text means."""
    pub = refs.pub
    if pub is None:
        return None
    options = [p for y in range(pub.year - 8, pub.year + 2) if (p := make(y)) is not None]
    if modifier == "last":
        chosen = [p for p in options if p.end < pub][-1:]
    elif modifier == "next":
        chosen = [p for p in options if p.start > pub][:1]
    elif modifier == "this":
        chosen = [p for p in options if p.start <= pub <= p.end or p.start.year == pub.year][:1]
    elif refs.prefer_future:
        chosen = [p for p in options if p.end >= pub][:1]
    else:
        chosen = [p for p in options if p.start <= pub][-1:]
    return chosen[0] if chosen else None


def _numeric(expression: Expression, refs: References) -> Found:
    v = expression.values
    year = v.get("year") or _century(v["yy"], refs.pub)
    day, month = (v["b"], v["a"]) if refs.month_first else (v["a"], v["b"])
    if month > 12:
        day, month = month, day
    found = periods.safe_date(year, month, day)
    return (periods.day(found), "explicit") if found else None


def _century(two_digits: int, pub: date | None) -> int:
    """20yy unless that is more than a year after publication, then 19yy."""
    latest = (pub or date.today()).year + 1
    return 2000 + two_digits if 2000 + two_digits <= latest else 1900 + two_digits


def _decade(expression: Expression, refs: References) -> Found:
    v = expression.values
    first = _full_decade(v["decade"], refs.pub, None)
    period = _decade_part(first, v.get("part"))
    if "decade2" in v:
        second = _full_decade(v["decade2"], refs.pub, first)
        period = Period(period.start, _decade_part(second, v.get("part2")).end)
    return period, "explicit"


def _decade_part(first_year: int, part: str | None) -> Period:
    period = periods.years(first_year, first_year + 9)
    return periods.part(period, "decade", part) if part else period


def _full_decade(value: int, pub: date | None, after: int | None) -> int:
    """1960 from "1960s"; from "70s" the 1970s (after the 1960s, or the latest before pub)."""
    if value >= 100:
        return value
    if after is not None:
        full = after - after % 100 + value
        return full if full > after else full + 100
    latest = (pub or date.today()).year
    full = latest - latest % 100 + value
    return full if full <= latest else full - 100


def _named(expression: Expression, refs: References) -> Found:
    if refs.pub is None:
        return None
    return periods.day(refs.pub + timedelta(expression.values["named_day"])), "relative"


def _weekday(expression: Expression, refs: References) -> Found:
    v, pub = expression.values, refs.pub
    if pub is None:
        return None
    wanted, today = v["weekday"], pub.weekday()
    if "week" in v:
        step = {"last": -1, "next": 1}.get(v["week"], 0)
        monday = periods.enclosing(pub + timedelta(7 * step), "week").start
        return periods.day(monday + timedelta(wanted)), "relative"
    modifier = v.get("modifier")
    if modifier == "last":
        offset = -((today - wanted) % 7 or 7)
    elif modifier == "next":
        offset = (wanted - today) % 7 or 7
    elif modifier == "this":
        offset = wanted - today
    elif modifier is None:
        offset = (wanted - today) % 7 if refs.prefer_future else -((today - wanted) % 7)
    else:
        return None
    first = pub + timedelta(offset)
    if "weekday2" in v:  # "Friday and Saturday", "the night between Monday and Tuesday"
        last = first + timedelta((v["weekday2"] - wanted) % 7)
        return periods.Period(first, last, first=first), "relative"
    return periods.day(first), "relative"


def _unit(expression: Expression, refs: References) -> Found:
    """ "last week", "this month", "earlier this year", "late last year", "over the weekend"."""
    v, pub = expression.values, refs.pub
    unit, modifier = v["unit"], v.get("modifier")
    if pub is None or unit not in ("weekend", *WHOLE_MONTHS, "week"):
        return None
    if unit == "weekend":
        return _weekend(pub, modifier), "relative"
    period = periods.enclosing(pub, unit)
    step = {"last": -1, "next": 1}.get(modifier, 0)
    if step:
        period = periods.enclosing(periods.shift(period.start, step, unit), unit)
    if "part" in v and unit != "quarter":
        return periods.part(period, unit, v["part"]), "relative"
    return _clip(period, modifier, refs), "relative"


def _clip(period: Period, modifier: str | None, refs: References) -> Period:
    """The part of the current period before ("earlier this") or after publication."""
    pub = refs.pub
    assert pub is not None
    before = Period(period.start, max(period.start, pub - timedelta(1)))
    after = Period(min(period.end, pub + timedelta(1)), period.end)
    if modifier == "earlier_this":
        return before
    if modifier == "later_this":
        return after
    if modifier == "this":
        return Period(pub, period.end) if refs.prefer_future else Period(period.start, pub)
    return period


def _weekend(pub: date, modifier: str | None) -> Period:
    """ "last weekend": the one before; "over the weekend": the latest, maybe still going on."""
    current = periods.enclosing(pub, "weekend")
    on_weekend = pub.weekday() >= 5
    if modifier is None and on_weekend:
        return Period(current.start, pub)
    if modifier in (None, "last"):
        return current.shifted(-7)
    return current.shifted(7) if modifier == "next" and on_weekend else current


def _ago(expression: Expression, refs: References) -> Found:
    v, pub = expression.values, refs.pub
    if pub is None:
        return None
    low, high = _count(v)
    unit = v["unit"]
    whole = unit if unit in ("week", *WHOLE_MONTHS) else "day"
    earliest = periods.enclosing(periods.shift(pub, -high, unit), whole)
    latest = periods.enclosing(periods.shift(pub, -low, unit), whole)
    return Period(earliest.start, latest.end), "relative"


def _shift(expression: Expression, refs: References) -> Found:
    """ "a week later", "two days after the attack", "three days after 5 March"."""
    v = expression.values
    anchor, basis = _anchor(expression, refs)
    if anchor is None:
        return None
    low, high = _count(v)
    unit = v["unit"]
    if v["direction"] == "earlier":
        low, high = -high, -low
    first, last = periods.shift(anchor.start, low, unit), periods.shift(anchor.end, high, unit)
    if unit in WHOLE_MONTHS:
        first, last = periods.enclosing(first, "month").start, periods.enclosing(last, "month").end
    return Period(first, last), basis


def _anchor(expression: Expression, refs: References) -> tuple[Period | None, DateBasis]:
    if expression.anchor is None:
        return refs.anchor, "narrative"
    found = normalize(expression.anchor, refs)
    if found is None or found.start is None or found.end is None:
        return None, "explicit"
    return Period(found.start, found.end), found.basis


def _narrative(expression: Expression, refs: References) -> Found:
    """ "the next day", "the following month", "that year", "the day before"."""
    v, anchor = expression.values, refs.anchor
    if anchor is None:
        return None
    modifier = v.get("narrative_modifier") or DIRECTION_MODIFIERS[v["direction"]]
    step = {"previous": -1, "following": 1}.get(modifier, 0)
    unit = v["unit"]
    if unit in ("minute", "hour", "day"):
        return anchor.shifted(step), "narrative"
    period = periods.enclosing(anchor.start, unit)
    return periods.enclosing(periods.shift(period.start, step, unit), unit), "narrative"


def _past_range(expression: Expression, refs: References) -> Found:
    """ "the past two weeks", "over the last decade", "in recent days"."""
    v, pub = expression.values, refs.pub
    if pub is None or (v["unit"] in ("minute", "hour", "day") and not _counted(v)):
        return None
    if v["unit"] == "weekend":
        return _weekend(pub, None), "relative"
    return Period(periods.shift(pub, -_count(v)[1], v["unit"]), pub), "relative"


def _future_range(expression: Expression, refs: References) -> Found:
    """ "in the coming months", "over the next two weeks", "the days ahead"."""
    v, pub = expression.values, refs.pub
    if pub is None:
        return None
    end = periods.shift(pub, _count(v)[1], v["unit"])
    return Period(pub + timedelta(1), max(end, pub + timedelta(1))), "relative"


def _counted(v: Mapping[str, Any]) -> bool:
    """Whether the unit has a count or is plural ("the past two days", "recent days")."""
    return "number" in v or bool(v.get("plural"))


def _count(v: Mapping[str, Any]) -> tuple[int, int]:
    """A count as a range: a number, one for a bare singular ("the past week"), or VAGUE
    for "a few", "several" and bare plurals ("days later")."""
    number = v.get("number")
    if isinstance(number, int):
        return number, number
    return VAGUE if number is not None or v.get("plural") else (1, 1)


HANDLERS: dict[str, Callable[[Expression, References], Found]] = {
    "calendar": _calendar,
    "numeric": _numeric,
    "decade": _decade,
    "named": _named,
    "weekday": _weekday,
    "unit": _unit,
    "ago": _ago,
    "shift": _shift,
    "narrative": _narrative,
    "past_range": _past_range,
    "future_range": _future_range,
}
