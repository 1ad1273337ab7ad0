"""Calendar arithmetic on date ranges: whole periods, shifts, parts, precision."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from eventlens.record import Precision

DAYS_PER_UNIT = {"minute": 0, "hour": 0, "day": 1, "week": 7, "weekend": 7}
MONTHS_PER_UNIT = {"month": 1, "quarter": 3, "year": 12, "decade": 120}

# Sub-ranges of a period named by a part word: days of a month, months of a year,
# years of a decade (offsets), days of a week (offsets from Monday).
PARTS: dict[str, dict[str, tuple[int, int]]] = {
    "month": {"early": (1, 10), "mid": (11, 20), "late": (21, 31), "first_half": (1, 15),
              "second_half": (16, 31)},
    "year": {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "first_half": (1, 6),
             "second_half": (7, 12)},
    "decade": {"early": (0, 3), "mid": (4, 6), "late": (7, 9), "first_half": (0, 4),
               "second_half": (5, 9)},
    "week": {"early": (0, 1), "mid": (2, 3), "late": (4, 6), "first_half": (0, 3),
             "second_half": (3, 6)},
}  # fmt: skip

SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}


@dataclass(frozen=True)
class Period:
    """An inclusive range of days; ``first`` is the best day of a range written as two ends
    ("5-7 March": 5 March), where the event began."""

    start: date
    end: date
    first: date | None = field(default=None, compare=False)

    @property
    def midpoint(self) -> date:
        return self.start + timedelta((self.end - self.start).days // 2)

    @property
    def best(self) -> date:
        """The best single day: the first end's for a two-ended range, else the middle."""
        return self.first or self.midpoint

    def shifted(self, days: int) -> Period:
        return Period(self.start + timedelta(days), self.end + timedelta(days))


def day(value: date) -> Period:
    return Period(value, value)


def month(year: int, number: int) -> Period:
    return Period(date(year, number, 1), date(year, number, last_day(year, number)))


def months(year: int, first: int, last: int) -> Period:
    """Months ``first``..``last`` of ``year``; a ``last`` before ``first`` ends the next year."""
    end_year = year if last >= first else year + 1
    return Period(date(year, first, 1), date(end_year, last, last_day(end_year, last)))


def year(number: int) -> Period:
    return Period(date(number, 1, 1), date(number, 12, 31))


def years(first: int, last: int) -> Period:
    return Period(date(first, 1, 1), date(last, 12, 31))


def season(name: str, number: int) -> Period:
    """A northern-hemisphere season; the winter of a year starts in its December."""
    first, last = SEASONS[name]
    return months(number, first, last)


def quarter(year_number: int, number: int) -> Period:
    return months(year_number, 3 * number - 2, 3 * number)


def last_day(year_number: int, month_number: int) -> int:
    return calendar.monthrange(year_number, month_number)[1]


def safe_date(year_number: int, month_number: int, day_number: int) -> date | None:
    """The date, or None when it does not exist (31 April, 29 February 2023)."""
    try:
        return date(year_number, month_number, day_number)
    except ValueError:
        return None


def enclosing(value: date, unit: str) -> Period:
    """The calendar period of ``unit`` that contains ``value`` (weeks start on Monday)."""
    if unit in ("week", "weekend"):
        monday = value - timedelta(value.weekday())
        first = monday + timedelta(5) if unit == "weekend" else monday
        return Period(first, monday + timedelta(6))
    if unit == "month":
        return month(value.year, value.month)
    if unit == "quarter":
        return quarter(value.year, (value.month - 1) // 3 + 1)
    if unit == "year":
        return year(value.year)
    if unit == "decade":
        return years(value.year - value.year % 10, value.year - value.year % 10 + 9)
    return day(value)


def add_months(value: date, count: int) -> date:
    """``value`` moved by whole months, the day clamped to the month's length."""
    index = value.year * 12 + value.month - 1 + count
    year_number, month_number = divmod(index, 12)
    month_number += 1
    return date(year_number, month_number, min(value.day, last_day(year_number, month_number)))


def shift(value: date, count: int, unit: str) -> date:
    """``value`` moved by ``count`` units (hours count in whole days, minutes not at all)."""
    if unit in MONTHS_PER_UNIT:
        return add_months(value, count * MONTHS_PER_UNIT[unit])
    if unit == "hour":
        return value + timedelta(count // 24)
    return value + timedelta(count * DAYS_PER_UNIT[unit])


def part(period: Period, unit: str, name: str) -> Period:
    """The sub-range ``name`` (early, mid, late, first_half, second_half) of a whole period."""
    first, last = PARTS[unit][name]
    start = period.start
    if unit == "month":
        end_day = min(last, last_day(start.year, start.month))
        return Period(start.replace(day=first), start.replace(day=end_day))
    if unit == "year":
        return months(start.year, first, last)
    if unit == "decade":
        return years(start.year + first, start.year + last)
    return Period(start + timedelta(first), start + timedelta(last))


def precision(period: Period) -> Precision:
    """The smallest unit whose length covers the range."""
    days = (period.end - period.start).days + 1
    if days <= 1:
        return "day"
    if days <= 10:
        return "week"
    if days <= 31:
        return "month"
    if days <= 366:
        return "year"
    return "decade"
