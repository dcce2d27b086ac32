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
from exportctl.core.text import Param, Phrase, english, gettext_noop

ERROR_CODE = "invalid_calendar"
_WEEKDAYS = tuple(
    Phrase(d)
    for d in (
        gettext_noop("Monday"),
        gettext_noop("Tuesday"),
        gettext_noop("Wednesday"),
        gettext_noop("Thursday"),
        gettext_noop("Friday"),
        gettext_noop("Saturday"),
        gettext_noop("Sunday"),
    )
)


def check_arrangement(arrangement: YearArrangement) -> None:
    """Raise MalformedFile naming the file and entry when the arrangement cannot be right."""
    source = arrangement.file or f"year {arrangement.year}"
    year = arrangement.year
    earliest, latest = next_notice_reach(year - 1), date(year, 12, 31)
    if not arrangement.holidays:
        refuse(
            source,
            "holidays",
            gettext_noop("a year's notice always gives holidays; none are listed"),
        )
    seen: dict[date, str] = {}
    for section, days in (
        ("holidays", [h.date for h in arrangement.holidays]),
        ("working_days", [w.date for w in arrangement.working_days]),
    ):
        for index, day in enumerate(days):
            where = f"{section}[{index}] ({day})"
            if not earliest <= day <= latest:
                refuse(
                    source,
                    where,
                    gettext_noop(
                        "date is outside %(year)s (a %(year)s notice covers %(earliest)s to "
                        "%(latest)s: its year, and the last week of the year before for New "
                        "Year's Day)"
                    ),
                    year=year,
                    earliest=str(earliest),
                    latest=str(latest),
                )
            if day in seen:
                twice = seen[day] == section
                refuse(
                    source,
                    where,
                    gettext_noop("%(day)s is listed twice")
                    if twice
                    else gettext_noop("%(day)s is both a holiday and a working day"),
                    day=str(day),
                )
            seen[day] = section
            if section == "working_days" and day.weekday() < 5:
                refuse(
                    source,
                    where,
                    gettext_noop(
                        "%(day)s is a %(weekday)s: only a Saturday or Sunday can be an adjusted "
                        "working day (Monday-Friday already are working days)"
                    ),
                    day=str(day),
                    weekday=_WEEKDAYS[day.weekday()],
                )


def refuse(source: str, where: str, reason: str, /, **params: Param) -> NoReturn:
    """Refuse the entry: `reason` is a msgid, said in English here and translated on pages."""
    raise MalformedFile(
        english(reason, params),
        location=f"{source}: {where}",
        code=ERROR_CODE,
        template=reason,
        params=params,
    )
