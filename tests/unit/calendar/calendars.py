"""The bundled calendar (src/exportctl/rules/calendar/, 2004-2026) and small builders for tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path

import exportctl
from exportctl.core.calendar import Holiday, WorkingCalendar, load_calendar

RULES = Path(exportctl.__file__).parent / "rules"
BUNDLED = RULES / "calendar"

# An administrator's file for a year the bundle lacks (made-up dates, not the real 2027 notice).
GOOD_2027 = """\
format: exportctl-calendar/1
year: 2027
source:
  authority_zh: "国务院办公厅关于2027年部分节假日安排的通知"
  authority_en: "State Council General Office: notice on the arrangement of certain holidays in 2027"
  extracted_from: "test fixture, not the real 2027 notice"
holidays:
  - {date: 2027-01-01, name_zh: "元旦", name_en: "New Year's Day"}
  - {date: 2027-02-08, name_zh: "春节", name_en: "Spring Festival"}
  - {date: 2027-02-09, name_zh: "春节", name_en: "Spring Festival"}
working_days:
  - {date: 2027-02-06, for_zh: "春节", for_en: "Spring Festival"}
"""


@cache
def bundled() -> WorkingCalendar:
    return load_calendar(BUNDLED)


def with_extra_holiday(calendar: WorkingCalendar, day: date) -> WorkingCalendar:
    """The same calendar with one more holiday on `day` (not already listed)."""
    year = (
        day.year + 1
        if day >= date(day.year, 12, 25) and day.year + 1 in calendar.years
        else day.year
    )
    arrangement = calendar.arrangement(year)
    extra = Holiday(day, "测试假日", "Test holiday")
    changed = replace(arrangement, holidays=(*arrangement.holidays, extra))
    return WorkingCalendar.from_years(
        [changed if y == year else calendar.arrangement(y) for y in calendar.years]
    )


def d(text: str) -> date:
    return date.fromisoformat(text)
