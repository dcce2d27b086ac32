"""Working-day counting on the bundled PRC calendar, checked by hand against the State Council notices.

Each expected date was counted by hand from the notice's arrangement (国务院办公厅关于YYYY年部分
节假日安排的通知): the event day is not counted, holidays are skipped, adjusted working
Saturdays and Sundays count.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from exportctl.core.calendar import Pause
from exportctl.core.errors import CalendarDataMissing, InvalidInput
from tests.unit.calendar.calendars import bundled, d


@pytest.mark.parametrize(
    ("start", "n", "due", "why"),
    [
        # National Day
        ("2025-09-30", 1, "2025-10-09", "2025: 10-01..10-08 off (National Day with Mid-Autumn)"),
        (
            "2025-09-26",
            5,
            "2025-10-10",
            "2025: 09-28 Sunday worked, then 09-29, 09-30, 10-09, 10-10",
        ),
        ("2024-09-30", 1, "2024-10-08", "2024: 10-01..10-07 off"),
        ("2024-09-27", 5, "2024-10-10", "2024: 09-29 Sunday worked"),
        ("2023-09-28", 1, "2023-10-07", "2023: 09-29..10-06 off, 10-07 Saturday worked"),
        ("2021-09-30", 1, "2021-10-08", "2021: 10-01..10-07 off"),
        ("2021-09-30", 2, "2021-10-09", "2021: 10-09 Saturday worked"),
        ("2026-09-30", 1, "2026-10-08", "2026: 10-01..10-07 off"),
        # Spring Festival
        ("2025-01-27", 1, "2025-02-05", "2025: 01-28..02-04 off"),
        ("2025-01-24", 3, "2025-02-05", "2025: 01-26 Sunday worked, 01-27, then 02-05"),
        ("2024-02-09", 1, "2024-02-18", "2024: 02-10..02-17 off, 02-18 Sunday worked"),
        ("2026-02-13", 1, "2026-02-14", "2026: 02-14 Saturday worked"),
        ("2026-02-13", 2, "2026-02-24", "2026: 02-15..02-23 off"),
        ("2022-01-28", 1, "2022-01-29", "2022: 01-29 Saturday worked"),
        ("2022-01-28", 3, "2022-02-07", "2022: 01-31..02-06 off"),
        ("2020-01-23", 1, "2020-02-03", "2020: 01-24..02-02 off with the extension"),
        # New Year's Day reaching back into December (2019 notice)
        ("2018-12-28", 1, "2018-12-29", "2018-12-29 Saturday worked under the 2019 notice"),
        ("2018-12-28", 2, "2019-01-02", "2018-12-30..2019-01-01 off"),
        # Statutory periods
        ("2025-09-15", 45, "2025-11-21", "REG Art. 17: 45 working days across National Day 2025"),
        (
            "2025-09-26",
            20,
            "2025-10-30",
            "REG Art. 18 ¶3: 20 working days across National Day 2025",
        ),
        ("2026-02-12", 5, "2026-02-26", "ALL Art. 32: 5 working days across Spring Festival 2026"),
    ],
)
def test_add_working_days_matches_the_notices(start: str, n: int, due: str, why: str) -> None:
    assert bundled().add_working_days(d(start), n) == d(due), why


def test_deadline_skips_national_day_holiday() -> None:
    # 2025 notice: 10-01 to 10-08 off (National Day and Mid-Autumn), 09-28 and 10-11 worked.
    cal = bundled()
    assert all(not cal.is_working_day(d(f"2025-10-0{i}")) for i in range(1, 9))
    assert cal.add_working_days(d("2025-09-30"), 1) == d("2025-10-09")


def test_spring_festival_2025_is_eight_days_off_with_two_weekend_days_worked() -> None:
    cal = bundled()
    off = [d("2025-01-28") + timedelta(days=i) for i in range(8)]
    assert [cal.is_working_day(day) for day in off] == [False] * 8
    assert cal.holiday(d("2025-01-29")).name_zh == "春节"  # type: ignore[union-attr]
    assert cal.is_working_day(d("2025-01-26")) and cal.is_working_day(d("2025-02-08"))
    assert cal.add_working_days(d("2025-01-27"), 1) == d("2025-02-05")


def test_adjusted_working_saturday_counts() -> None:
    cal = bundled()
    saturday = d("2025-10-11")
    assert saturday.weekday() == 5
    assert cal.is_working_day(saturday)
    assert cal.adjusted_working_day(saturday).for_zh == "国庆节"  # type: ignore[union-attr]
    assert cal.add_working_days(d("2025-10-10"), 1) == saturday


def test_ordinary_weekend_is_not_a_working_day() -> None:
    assert not bundled().is_working_day(d("2025-10-18"))
    assert bundled().add_working_days(d("2025-10-17"), 1) == d("2025-10-20")


def test_2020_spring_festival_extension_cancelled_the_working_saturday() -> None:
    # 国办发明电〔2020〕1号 extended the holiday to 02-02; 02-01 had been a working Saturday.
    holiday = bundled().holiday(d("2020-02-01"))
    assert holiday is not None and "2020" in (holiday.authority or "")
    assert not bundled().is_working_day(d("2020-02-01"))


def test_start_day_is_not_counted() -> None:
    # Even when the event day is a working day, the period starts the next day.
    assert bundled().add_working_days(d("2025-03-03"), 1) == d("2025-03-04")


def test_zero_working_days_is_the_start_if_working_else_the_next_working_day() -> None:
    cal = bundled()
    assert cal.add_working_days(d("2025-03-03"), 0) == d("2025-03-03")
    assert cal.add_working_days(d("2025-10-01"), 0) == d("2025-10-09")


def test_negative_working_days_are_refused() -> None:
    with pytest.raises(InvalidInput):
        bundled().add_working_days(d("2025-03-03"), -1)


def test_year_without_data_is_refused() -> None:
    cal = bundled()
    with pytest.raises(CalendarDataMissing) as exc:
        cal.is_working_day(d("2030-03-04"))  # a Monday, but nothing says it is not a holiday
    assert exc.value.code == "calendar_year_unknown"
    assert "2030" in exc.value.message and "2004-2026" in exc.value.message
    with pytest.raises(CalendarDataMissing):
        cal.add_working_days(d("2003-12-01"), 1)


def test_deadline_running_past_the_data_is_refused_not_guessed() -> None:
    with pytest.raises(CalendarDataMissing):
        bundled().add_working_days(d("2026-11-20"), 45)


def test_last_week_of_december_needs_the_next_years_notice() -> None:
    cal = bundled()
    assert cal.is_working_day(d("2026-12-24"))  # a Thursday the 2027 notice cannot touch
    with pytest.raises(CalendarDataMissing, match="2027"):
        cal.is_working_day(d("2026-12-28"))
    assert cal.is_working_day(d("2025-12-29"))  # settled: the 2026 notice is loaded


def test_paused_days_are_not_counted() -> None:
    # REG Art. 17 ¶3: expert consultation 2025-10-13..17 (5 working days) adds 5 working days.
    pause = Pause(d("2025-10-13"), d("2025-10-17"), "expert_consultation")
    assert bundled().add_working_days(d("2025-09-15"), 45, [pause]) == d("2025-11-28")


def test_pause_over_a_holiday_only_removes_its_working_days() -> None:
    # 09-29..10-12: 09-29, 09-30, 10-09, 10-10, 10-11 are the working days inside it.
    pause = Pause(d("2025-09-29"), d("2025-10-12"), "identification")
    cal = bundled()
    assert cal.working_days_between(d("2025-09-28"), d("2025-10-12")) == 5
    assert cal.add_working_days(d("2025-09-26"), 1, [pause]) == d("2025-09-28")
    assert cal.add_working_days(d("2025-09-26"), 2, [pause]) == d("2025-10-13")


def test_pause_must_not_end_before_it_starts() -> None:
    with pytest.raises(InvalidInput):
        Pause(d("2025-10-17"), d("2025-10-13"))


def test_working_days_between_counts_after_start_up_to_end() -> None:
    cal = bundled()
    assert cal.working_days_between(d("2025-09-30"), d("2025-10-11")) == 3
    assert cal.working_days_between(d("2025-10-11"), d("2025-09-30")) == -3
    assert cal.working_days_between(d("2025-10-01"), d("2025-10-01")) == 0


def test_remaining_working_days_is_zero_on_the_due_day_and_negative_when_late() -> None:
    cal = bundled()
    start = d("2025-09-15")
    assert cal.remaining_working_days(start, 45, d("2025-09-15")) == 45
    assert cal.remaining_working_days(start, 45, d("2025-10-10")) == 31
    assert cal.remaining_working_days(start, 45, d("2025-11-21")) == 0
    assert cal.remaining_working_days(start, 45, d("2025-11-24")) == -1
    pause = Pause(d("2025-10-13"), d("2025-10-17"), "expert_consultation")
    assert cal.remaining_working_days(start, 45, d("2025-11-21"), [pause]) == 5
