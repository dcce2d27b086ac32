"""PRC working days and statutory deadlines; the holiday calendar is data passed in.

Sources: Dual-Use Regulations Arts. 17-18 (45 and 20 working days; pauses not counted);
Administrative Licensing Law Arts. 32 and 82 (completeness check, working days); the State
Council General Office's yearly holiday notices (rules/calendar/*.yaml). Pure: no clock, no
network; the loader reads the files it is given and nothing else.
"""

from exportctl.core.calendar.deadline import (
    Acceptance,
    Deadline,
    compute_deadline,
    deadline_for_rule,
    deemed_acceptance,
)
from exportctl.core.calendar.loader import FORMAT, import_year, load_calendar, parse_year
from exportctl.core.calendar.model import (
    AdjustedWorkingDay,
    CalendarSource,
    Holiday,
    Pause,
    YearArrangement,
)
from exportctl.core.calendar.working import WorkingCalendar

__all__ = [
    "FORMAT",
    "Acceptance",
    "AdjustedWorkingDay",
    "CalendarSource",
    "Deadline",
    "Holiday",
    "Pause",
    "WorkingCalendar",
    "YearArrangement",
    "compute_deadline",
    "deadline_for_rule",
    "deemed_acceptance",
    "import_year",
    "load_calendar",
    "parse_year",
]
