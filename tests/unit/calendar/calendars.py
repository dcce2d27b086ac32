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


@cache
def bundled() -> WorkingCalendar:
    return load_calendar(BUNDLED)


def with_extra_holiday(calendar: WorkingCalendar, day: date) -> WorkingCalendar:
    """The same calendar with one more holiday on `day` (not already listed)."""
    year = day.year + 1 if day >= date(day.year, 12, 25) and day.year + 1 in calendar.years else day.year
    arrangement = calendar.arrangement(year)
    extra = Holiday(day, "测试假日", "Test holiday")
    changed = replace(arrangement, holidays=(*arrangement.holidays, extra))
    return WorkingCalendar.from_years(
        [changed if y == year else calendar.arrangement(y) for y in calendar.years]
    )


def d(text: str) -> date:
    return date.fromisoformat(text)
