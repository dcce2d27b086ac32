"""`exportctl calendar ...` through Typer's CliRunner; EXPORTCTL_DATA_DIR points at a temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from exportctl.cli.calendar import app
from tests.unit.calendar.calendars import BUNDLED, GOOD_2027

runner = CliRunner()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def run(data_dir: Path, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env={"EXPORTCTL_DATA_DIR": str(data_dir)})


@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        ("2025-09-30", "1", "2025-10-09"),  # National Day 2025: 10-01..10-08 off
        ("2025-10-10", "1", "2025-10-11"),  # adjusted working Saturday
        ("2024-09-27", "5", "2024-10-10"),  # National Day 2024, 09-29 Sunday worked
        ("2025-01-24", "3", "2025-02-05"),  # Spring Festival 2025, 01-26 Sunday worked
        ("2026-02-13", "2", "2026-02-24"),  # Spring Festival 2026: 02-14 worked, 02-15..23 off
        ("2025-09-15", "45", "2025-11-21"),  # REG Art. 17 across National Day
    ],
)
def test_add_working_days_prints_the_date(data_dir: Path, start: str, n: str, due: str) -> None:
    result = run(data_dir, "add-working-days", start, n)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{due}\n"


def test_add_working_days_with_a_pause(data_dir: Path) -> None:
    result = run(
        data_dir,
        "add-working-days",
        "2025-09-15",
        "45",
        "--pause",
        "expert_consultation:2025-10-13..2025-10-17",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == "2025-11-28\n"


def test_add_working_days_explains(data_dir: Path) -> None:
    result = run(data_dir, "add-working-days", "2025-09-26", "5", "--explain")
    lines = result.stdout.splitlines()
    assert lines[0] == "2025-10-10"
    assert "National Day (国庆节)" in lines[1] and "2025-09-28" in lines[1]


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (("2030-03-04", "5"), "calendar_year_unknown", "2030"),
        (("2026-11-20", "45"), "calendar_year_unknown", "2027"),
        (("2025-02-30", "5"), "invalid_input", "not a date that exists"),
        (("03/04/2025", "5"), "invalid_input", "not an ISO date"),
        (("2025-03-03", "-1"), "invalid_input", "0 or more"),
        (("2025-03-03", "five"), "invalid_input", "whole number"),
        (("2025-03-03", "5", "--pause", "2025-03-10"), "invalid_input", "FIRST..LAST"),
        (
            ("2025-03-03", "5", "--pause", "2025-03-10..2025-03-05"),
            "invalid_input",
            "before it starts",
        ),
    ],
)
def test_add_working_days_refuses_with_exit_2_and_one_line(
    data_dir: Path, args: tuple[str, ...], code: str, words: str
) -> None:
    result = run(data_dir, "add-working-days", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith(f"error ({code}): ")
    assert words in result.stderr


def test_deadline_command_cites_the_rule(data_dir: Path) -> None:
    result = run(data_dir, "deadline", "d-completeness-check-5-working-days", "2026-02-12")
    assert result.exit_code == 0, result.output
    first, second = result.stdout.splitlines()
    assert first == "2026-02-26"
    assert "Administrative Licensing Law Art. 32" in second and "unconfirmed" in second


def test_deadline_command_refuses_an_unknown_rule(data_dir: Path) -> None:
    result = run(data_dir, "deadline", "d-no-such-rule", "2026-02-12")
    assert result.exit_code == 2 and "d-licence-decision-45-working-days" in result.stderr


def test_show_lists_holidays_and_adjusted_working_days(data_dir: Path) -> None:
    result = run(data_dir, "show", "2025")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "国务院办公厅关于2025年部分节假日安排的通知" in out
    assert "chinese-calendar 1.11.0" in out
    assert "2025-01-28..2025-02-04 春节 Spring Festival" in out
    assert "2025-10-01..2025-10-05 国庆节 National Day" in out
    assert "2025-09-28 Sun" in out and "2025-10-11 Sat" in out


def test_show_unknown_year_exits_2(data_dir: Path) -> None:
    result = run(data_dir, "show", "2031")
    assert result.exit_code == 2
    assert result.stderr.startswith("error (calendar_year_unknown): ")


def test_import_a_good_file_adds_the_year(data_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "notice-2027.yaml"
    source.write_text(GOOD_2027, encoding="utf-8")
    assert run(data_dir, "add-working-days", "2027-02-05", "1").exit_code == 2
    assert run(data_dir, "add-working-days", "2026-12-24", "1").exit_code == 2
    result = run(data_dir, "import", str(source))
    assert result.exit_code == 0, result.output
    assert "imported 2027: 3 holidays, 1 adjusted working days" in result.stdout
    assert "(a new year)" in result.stdout
    assert (data_dir / "calendar" / "2027.yaml").read_text(encoding="utf-8") == GOOD_2027
    assert run(data_dir, "add-working-days", "2027-02-05", "1").stdout == "2027-02-06\n"
    assert run(data_dir, "add-working-days", "2027-02-06", "1").stdout == "2027-02-10\n"
    # with the 2027 notice loaded, the last week of 2026 is settled too
    assert run(data_dir, "add-working-days", "2026-12-24", "1").stdout == "2026-12-25\n"
    again = run(data_dir, "import", str(source))
    assert "(replaces the earlier import)" in again.stdout
    assert "2027-02-08..2027-02-09 春节" in run(data_dir, "show", "2027").stdout


def test_import_overrides_a_bundled_year(data_dir: Path, tmp_path: Path) -> None:
    text = (
        (BUNDLED / "2025.yaml")
        .read_text(encoding="utf-8")
        .replace(
            "holidays:\n",
            'holidays:\n  - {date: 2025-03-04, name_zh: "测试", name_en: "Test"}\n',
            1,
        )
    )
    source = tmp_path / "2025-corrected.yaml"
    source.write_text(text, encoding="utf-8")
    result = run(data_dir, "import", str(source))
    assert "(replaces the bundled year)" in result.stdout
    assert run(data_dir, "add-working-days", "2025-03-03", "1").stdout == "2025-03-05\n"


def test_import_a_bad_file_is_refused_and_changes_nothing(data_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "bad-2027.yaml"
    source.write_text(GOOD_2027.replace("date: 2027-02-06", "date: 2027-02-10"), encoding="utf-8")
    result = run(data_dir, "import", str(source))
    assert result.exit_code == 2
    assert result.stderr == (
        "error (invalid_calendar): bad-2027.yaml: working_days[0] (2027-02-10): 2027-02-10 is a "
        "Wednesday: only a Saturday or Sunday can be an adjusted working day (Monday-Friday "
        "already are working days)\n"
    )
    assert not (data_dir / "calendar" / "2027.yaml").exists()


def test_import_a_missing_file_is_refused(data_dir: Path, tmp_path: Path) -> None:
    result = run(data_dir, "import", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2 and "cannot read" in result.stderr
