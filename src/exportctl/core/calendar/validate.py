"""Consistency of one year's holiday arrangement, whichever way it was built.

Source: the shape of the State Council's yearly holiday notice (国务院办公厅关于YYYY年部分节假日
安排的通知): its days off fall in that year or, for New Year's Day, the last days of the
previous December; the days it makes working days are always a Saturday or Sunday (调休上班).
"""

from __future__ import annotations

from datetime import date
from typing import NoReturn

from exportctl.core.calendar.model import YearArrangement, next_notice_reach
from exportctl.core.errors import MalformedFile

ERROR_CODE = "invalid_calendar"
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def check_arrangement(arrangement: YearArrangement) -> None:
    """Raise MalformedFile naming the file and entry when the arrangement cannot be right."""
    source = arrangement.file or f"year {arrangement.year}"
    year = arrangement.year
    earliest, latest = next_notice_reach(year - 1), date(year, 12, 31)
    if not arrangement.holidays:
        _fail(source, "holidays", "a year's notice always gives holidays; none are listed")
    seen: dict[date, str] = {}
    for section, days in (
        ("holidays", [h.date for h in arrangement.holidays]),
        ("working_days", [w.date for w in arrangement.working_days]),
    ):
        for index, day in enumerate(days):
            where = f"{section}[{index}] ({day})"
            if not earliest <= day <= latest:
                _fail(
                    source,
                    where,
                    f"date is outside {year} (a {year} notice covers {earliest} to {latest}: "
                    "its year, and the last week of the year before for New Year's Day)",
                )
            if day in seen:
                what = (
                    "listed twice" if seen[day] == section else "both a holiday and a working day"
                )
                _fail(source, where, f"{day} is {what}")
            seen[day] = section
            if section == "working_days" and day.weekday() < 5:
                _fail(
                    source,
                    where,
                    f"{day} is a {_WEEKDAYS[day.weekday()]}: only a Saturday or Sunday can be an "
                    "adjusted working day (Monday-Friday already are working days)",
                )


def _fail(source: str, where: str, reason: str) -> NoReturn:
    raise MalformedFile(reason, location=f"{source}: {where}", code=ERROR_CODE)
