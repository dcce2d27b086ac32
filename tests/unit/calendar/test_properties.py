"""Invariants of working-day counting on the bundled calendar (Hypothesis).

Starts run to 2026-09-30 so that 45 working days stay inside the bundled data (2004-2026).
No Hypothesis deadline: the counts are fast, but a shared CI machine's timings are not.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from exportctl.core.calendar import Pause
from tests.unit.calendar.calendars import bundled, with_extra_holiday

starts = st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 9, 30))
periods = st.integers(min_value=0, max_value=45)
bundled()  # load the 23 files once, before any example is timed


@settings(deadline=None)
@given(starts, periods)
def test_due_date_is_a_working_day_never_before_its_start(start: date, n: int) -> None:
    due = bundled().add_working_days(start, n)
    assert bundled().is_working_day(due)
    assert due >= start
    if n > 0:
        assert due > start  # the event day is never counted


@settings(deadline=None)
@given(starts, st.integers(min_value=1, max_value=45))
def test_counting_back_gives_the_period(start: date, n: int) -> None:
    cal = bundled()
    due = cal.add_working_days(start, n)
    assert cal.working_days_between(start, due) == n
    assert cal.remaining_working_days(start, n, due) == 0
    assert cal.add_working_days(start, n + 1) > due


@settings(deadline=None)
@given(starts, periods, st.integers(min_value=0, max_value=90))
def test_adding_a_holiday_never_makes_a_deadline_earlier(start: date, n: int, offset: int) -> None:
    cal = bundled()
    day = start + timedelta(days=offset)
    assume(cal.covers(day))
    assume(cal.holiday(day) is None and cal.adjusted_working_day(day) is None)
    before = cal.add_working_days(start, n)
    after = with_extra_holiday(cal, day).add_working_days(start, n)
    assert after >= before
    if day.weekday() < 5 and (start < day <= before or (n == 0 and day == before)):
        assert after > before  # a counted working day was taken away


@settings(deadline=None)
@given(starts, st.integers(min_value=1, max_value=45), st.data())
def test_pausing_k_working_days_pushes_the_due_date_by_exactly_k(
    start: date, n: int, data: st.DataObject
) -> None:
    cal = bundled()
    due = cal.add_working_days(start, n)
    first = data.draw(st.dates(min_value=start + timedelta(days=1), max_value=due))
    last = data.draw(st.dates(min_value=first, max_value=due))
    pause = Pause(first, last, "identification")
    k = sum(cal.is_working_day(day) for day in pause.days())
    assert cal.add_working_days(start, n, [pause]) == cal.add_working_days(due, k)


early_starts = st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 6, 30))


@settings(deadline=None)
@given(early_starts, periods, st.integers(min_value=-30, max_value=90), st.integers(0, 30))
def test_paused_days_are_never_counted(start: date, n: int, offset: int, length: int) -> None:
    cal = bundled()
    pause = Pause(start + timedelta(days=offset), start + timedelta(days=offset + length))
    due = cal.add_working_days(start, n, [pause])
    assert due not in pause
    assert due >= cal.add_working_days(start, n)
    if n > 0:
        assert cal.working_days_between(start, due, [pause]) == n
