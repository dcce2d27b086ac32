"""Working days on the PRC calendar: counting forward, between two dates, and what remains.

Sources: Dual-Use Regulations Art. 17 (45 working days, pauses not counted) and Art. 18 ¶3
(20 working days); Administrative Licensing Law Art. 82 (time limits in working days, no
statutory holidays). A working day is Monday to Friday unless the year's State Council notice
gives it as a holiday, or a Saturday or Sunday that the notice makes a working day (调休上班).
The event day is not counted: a period starts the next day. A date outside the loaded notices
raises CalendarDataMissing; it is never guessed from weekends alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from exportctl.core.calendar.model import (
    AdjustedWorkingDay,
    Holiday,
    Pause,
    YearArrangement,
    next_notice_reach,
)
from exportctl.core.calendar.validate import check_arrangement
from exportctl.core.errors import CalendarDataMissing, InvalidInput, MalformedFile
from exportctl.core.text import Text, gettext_noop

# The reasons a day cannot be counted, by what is loaded (one msgid each, so each is translated).
_NO_ARRANGEMENT = {
    "none": gettext_noop("no PRC holiday arrangement loaded for %(year)s; no years are loaded"),
    "span": gettext_noop(
        "no PRC holiday arrangement loaded for %(year)s; loaded: %(first)s-%(last)s"
    ),
    "gaps": gettext_noop(
        "no PRC holiday arrangement loaded for %(year)s; loaded: %(first)s-%(last)s "
        "except %(missing)s"
    ),
}
_NO_YEAR = {
    "none": gettext_noop(
        "%(day)s is in %(year)s, for which no PRC holiday arrangement (State Council notice) "
        "is loaded; no years are loaded"
    ),
    "span": gettext_noop(
        "%(day)s is in %(year)s, for which no PRC holiday arrangement (State Council notice) "
        "is loaded; loaded: %(first)s-%(last)s"
    ),
    "gaps": gettext_noop(
        "%(day)s is in %(year)s, for which no PRC holiday arrangement (State Council notice) "
        "is loaded; loaded: %(first)s-%(last)s except %(missing)s"
    ),
}
_LAST_WEEK = gettext_noop(
    "%(day)s is in the last week of %(year)s, which the State Council notice for %(next)s may "
    "change (New Year's Day arrangement); no %(next)s arrangement is loaded"
)

_DAY = timedelta(days=1)


class WorkingCalendar:
    """The PRC working-day calendar for the years whose holiday notices are loaded."""

    def __init__(self, arrangements: Iterable[YearArrangement]) -> None:
        by_year: dict[int, YearArrangement] = {}
        for arrangement in arrangements:
            by_year[arrangement.year] = arrangement  # a later one replaces an earlier one
        self._years = dict(sorted(by_year.items()))
        self._holidays: dict[date, Holiday] = {}
        self._working: dict[date, AdjustedWorkingDay] = {}
        listed_by: dict[date, str] = {}
        for arrangement in self._years.values():
            check_arrangement(arrangement)
            where = arrangement.file or f"year {arrangement.year}"
            entries: list[Holiday | AdjustedWorkingDay] = [
                *arrangement.holidays,
                *arrangement.working_days,
            ]
            for entry in entries:
                if entry.date in listed_by:
                    raise MalformedFile(
                        f"{entry.date} is also listed in {listed_by[entry.date]}",
                        location=where,
                        code="invalid_calendar",
                    )
                listed_by[entry.date] = where
                if isinstance(entry, Holiday):
                    self._holidays[entry.date] = entry
                else:
                    self._working[entry.date] = entry

    @classmethod
    def from_years(cls, years_data: Iterable[YearArrangement]) -> WorkingCalendar:
        """A calendar from year arrangements; for a repeated year the last one wins."""
        return cls(years_data)

    @property
    def years(self) -> tuple[int, ...]:
        """The notice years loaded, ascending."""
        return tuple(self._years)

    def arrangement(self, year: int) -> YearArrangement:
        """The loaded notice for `year`, or CalendarDataMissing."""
        if year not in self._years:
            kind, have = self._have()
            raise CalendarDataMissing.of(_NO_ARRANGEMENT[kind], year=year, **have)
        return self._years[year]

    def covers(self, day: date) -> bool:
        """True when the loaded notices settle whether `day` is a working day."""
        return self._gap(day) is None

    def holiday(self, day: date) -> Holiday | None:
        """The holiday on `day`, if any (CalendarDataMissing outside the data)."""
        self._require(day)
        return self._holidays.get(day)

    def adjusted_working_day(self, day: date) -> AdjustedWorkingDay | None:
        """The weekend working day on `day`, if any (CalendarDataMissing outside the data)."""
        self._require(day)
        return self._working.get(day)

    def is_working_day(self, day: date) -> bool:
        """Monday-Friday and not a holiday, or an adjusted working Saturday or Sunday."""
        self._require(day)
        if day in self._working:
            return True
        return day.weekday() < 5 and day not in self._holidays

    def add_working_days(self, start: date, n: int, paused: Iterable[Pause] = ()) -> date:
        """The n-th counted working day after `start` (start not counted; n=0: first on or after)."""
        if n < 0:
            raise InvalidInput(f"the number of working days must be 0 or more, not {n}")
        pauses = tuple(paused)
        day = start
        if n == 0:
            while not self._counts(day, pauses):
                day += _DAY
            return day
        left = n
        while left:
            day += _DAY
            if self._counts(day, pauses):
                left -= 1
        return day

    def working_days_between(self, start: date, end: date, paused: Iterable[Pause] = ()) -> int:
        """Counted working days after `start` up to and including `end` (negative if end < start)."""
        if end < start:
            return -self.working_days_between(end, start, paused)
        pauses = tuple(paused)
        count, day = 0, start
        while day < end:
            day += _DAY
            count += self._counts(day, pauses)
        return count

    def remaining_working_days(
        self, start: date, n: int, today: date, paused: Iterable[Pause] = ()
    ) -> int:
        """Working days left of an n-day period from `start` on `today`: 0 on the due day, < 0 late."""
        if n < 0:
            raise InvalidInput(f"the number of working days must be 0 or more, not {n}")
        if today <= start:
            return n
        return n - self.working_days_between(start, today, paused)

    def _counts(self, day: date, pauses: tuple[Pause, ...]) -> bool:
        return self.is_working_day(day) and not any(day in p for p in pauses)

    def _require(self, day: date) -> None:
        gap = self._gap(day)
        if gap is not None:
            raise CalendarDataMissing.of(gap.template, **gap.params)

    def _gap(self, day: date) -> Text | None:
        if day.year not in self._years:
            kind, have = self._have()
            return Text.of(_NO_YEAR[kind], day=str(day), year=day.year, **have)
        if day >= next_notice_reach(day.year) and day.year + 1 not in self._years:
            return Text.of(_LAST_WEEK, day=str(day), year=day.year, next=day.year + 1)
        return None

    def _have(self) -> tuple[str, dict[str, int | str]]:
        """Which years are loaded: "none", "span" (first-last) or "gaps" (with years missing)."""
        if not self._years:
            return "none", {}
        first, last = min(self._years), max(self._years)
        missing = sorted(set(range(first, last + 1)) - set(self._years))
        if missing:
            return "gaps", {"first": first, "last": last, "missing": str(missing)}
        return "span", {"first": first, "last": last}
