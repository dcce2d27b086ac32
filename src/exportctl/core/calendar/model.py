"""The PRC holiday arrangement of one year, as the State Council publishes it, and pauses.

Source: the State Council General Office's yearly notice on holiday arrangements
(国务院办公厅关于YYYY年部分节假日安排的通知), made under the Measures on National Annual Festivals
and Memorial Days (全国年节及纪念日放假办法). Each notice lists the days off (放假) and the
weekend days worked in exchange (调休上班). A New Year's Day arrangement can reach back into the
last days of the previous December, so one notice's dates may fall in two calendar years.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from exportctl.core.errors import InvalidInput

# The earliest December day a following year's notice may touch. Every notice from 2004 to 2026
# that reached back into December did so on the 29th or later; the week is kept for margin.
NEXT_NOTICE_REACH = (12, 25)


def next_notice_reach(year: int) -> date:
    """First day of `year` that the notice for `year + 1` may change (New Year's arrangements)."""
    return date(year, *NEXT_NOTICE_REACH)


@dataclass(frozen=True)
class Holiday:
    """A day off under a notice (weekend days inside a holiday block are listed too)."""

    date: date
    name_zh: str  # the festival as the notice names it, e.g. 国庆节
    name_en: str
    authority: str | None = None  # only when not the year's notice (e.g. the 2020 extension)


@dataclass(frozen=True)
class AdjustedWorkingDay:
    """A Saturday or Sunday worked in exchange for a holiday (调休上班)."""

    date: date
    for_zh: str  # the festival it is exchanged for
    for_en: str
    authority: str | None = None


@dataclass(frozen=True)
class CalendarSource:
    """Where a year's arrangement comes from: the legal authority and the extraction."""

    authority_zh: str  # e.g. 国务院办公厅关于2025年部分节假日安排的通知
    authority_en: str
    extracted_from: str  # e.g. "chinese-calendar 1.11.0 (PyPI)", or who typed it in
    note: str | None = None


@dataclass(frozen=True)
class YearArrangement:
    """One notice's holidays and adjusted working days; `file` names where it was read."""

    year: int
    source: CalendarSource
    holidays: tuple[Holiday, ...]
    working_days: tuple[AdjustedWorkingDay, ...]
    file: str = ""


@dataclass(frozen=True)
class Pause:
    """Days not counted (REG Art. 17 ¶3): `first` to `last`, both inclusive."""

    first: date
    last: date
    reason: str = "pause"  # e.g. identification, expert_consultation, on_site_verification

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise InvalidInput(f"pause ends {self.last} before it starts {self.first}")

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last

    def days(self) -> tuple[date, ...]:
        """Every calendar day of the pause."""
        span = (self.last - self.first).days
        return tuple(self.first + timedelta(days=i) for i in range(span + 1))
