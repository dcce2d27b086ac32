"""Calendar files: a good year parses; a bad one is refused naming the file, the entry and why."""

from __future__ import annotations

from pathlib import Path

import pytest

from exportctl.core.calendar import import_year, load_calendar, parse_year
from exportctl.core.errors import MalformedFile
from tests.unit.calendar.calendars import BUNDLED, GOOD_2027, d


def test_a_good_year_parses() -> None:
    year = parse_year(GOOD_2027, "2027.yaml")
    assert year.year == 2027
    assert [h.date for h in year.holidays] == [d("2027-01-01"), d("2027-02-08"), d("2027-02-09")]
    assert year.working_days[0].for_en == "Spring Festival"
    assert year.source.authority_zh.startswith("国务院办公厅")


@pytest.mark.parametrize(
    ("old", "new", "where", "why"),
    [
        ("year: 2027", "year: 2028", "holidays[0] (2027-01-01)", "outside 2028"),
        (
            "date: 2027-02-06",
            "date: 2027-02-08",
            "working_days[0] (2027-02-08)",
            "both a holiday and a working day",
        ),
        ("date: 2027-02-06", "date: 2027-02-10", "working_days[0] (2027-02-10)", "is a Wednesday"),
        ("date: 2027-02-09", "date: 2027-02-08", "holidays[2] (2027-02-08)", "listed twice"),
        ("date: 2027-02-09", "date: 09/02/2027", "holidays[2]", "not an ISO date"),
        ("date: 2027-02-09", "date: 2027-02-30", "holidays[2]", "does not exist"),
        ("date: 2027-02-09", "date: 20270209", "holidays[2]", "not an ISO date"),
        ('name_zh: "元旦", ', "", "holidays[0]", "missing name_zh"),
        (
            "{date: 2027-01-01,",
            "{day: 2027-01-01, date: 2027-01-01,",
            "holidays[0]",
            "unknown field",
        ),
        ("format: exportctl-calendar/1", "format: other/1", "format", "format must be"),
        ("year: 2027", "year: twenty", "year", "is not a year"),
        (
            '  extracted_from: "test fixture, not the real 2027 notice"\n',
            "",
            "source",
            "missing extracted_from",
        ),
    ],
)
def test_a_bad_year_is_refused_naming_file_and_entry(
    old: str, new: str, where: str, why: str
) -> None:
    assert old in GOOD_2027
    with pytest.raises(MalformedFile) as exc:
        parse_year(GOOD_2027.replace(old, new, 1), "admin-2027.yaml")
    assert exc.value.code == "invalid_calendar"
    assert exc.value.message.startswith(f"admin-2027.yaml: {where}"), exc.value.message
    assert why in exc.value.message


def test_a_new_year_arrangement_may_reach_into_the_last_week_of_december() -> None:
    text = GOOD_2027.replace(
        "working_days:\n",
        '  - {date: 2026-12-31, name_zh: "元旦", name_en: "New Year\'s Day"}\nworking_days:\n',
    )
    assert d("2026-12-31") in [h.date for h in parse_year(text, "2027.yaml").holidays]
    too_early = text.replace("2026-12-31", "2026-12-20")
    with pytest.raises(MalformedFile, match="outside 2027"):
        parse_year(too_early, "2027.yaml")


def test_invalid_yaml_is_refused() -> None:
    with pytest.raises(MalformedFile, match="invalid YAML"):
        parse_year("holidays: [", "broken.yaml")


def test_unreadable_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(MalformedFile, match="cannot read"):
        import_year(tmp_path / "missing.yaml")


def test_file_name_must_match_its_year(tmp_path: Path) -> None:
    (tmp_path / "2028.yaml").write_text(GOOD_2027, encoding="utf-8")
    with pytest.raises(MalformedFile, match=r"2028.yaml: holds year 2027"):
        load_calendar(tmp_path)


def test_imported_year_is_merged_and_wins_over_the_bundled_one(tmp_path: Path) -> None:
    # An administrator's 2025 that (for the test) makes 2025-03-03 a holiday.
    original = (BUNDLED / "2025.yaml").read_text(encoding="utf-8")
    changed = original.replace(
        "holidays:\n", 'holidays:\n  - {date: 2025-03-03, name_zh: "测试", name_en: "Test"}\n', 1
    )
    (tmp_path / "2025.yaml").write_text(changed, encoding="utf-8")
    (tmp_path / "2027.yaml").write_text(GOOD_2027, encoding="utf-8")
    cal = load_calendar(BUNDLED, tmp_path)
    assert 2027 in cal.years and 2004 in cal.years
    assert not cal.is_working_day(d("2025-03-03"))
    assert not load_calendar(BUNDLED).covers(d("2027-03-01"))
    assert cal.is_working_day(d("2027-02-06"))  # the adjusted working Saturday


def test_the_same_date_in_two_notices_is_refused(tmp_path: Path) -> None:
    # 2019's notice lists 2018-12-31; a 2018 file may not list it again.
    text = (
        (BUNDLED / "2018.yaml")
        .read_text(encoding="utf-8")
        .replace(
            "holidays:\n",
            'holidays:\n  - {date: 2018-12-31, name_zh: "元旦", name_en: "New Year\'s Day"}\n',
            1,
        )
    )
    (tmp_path / "2018.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(MalformedFile, match="2018-12-31 is also listed in"):
        load_calendar(BUNDLED, tmp_path)


def test_missing_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(MalformedFile, match="not a directory"):
        load_calendar(tmp_path / "nowhere")
