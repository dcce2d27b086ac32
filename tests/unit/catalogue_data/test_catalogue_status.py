"""Status over time: suspensions read from the notice texts and applied to entries.

Data: ../shared/data/cn-mofcom-notices: 商务部、海关总署公告2025年第70号
("自即日起至2026年11月10日", signed 2025-11-07) and 商务部公告2025年第72号
("自即日起至2026年11月27日", signed 2025-11-09).
"""

from __future__ import annotations

from datetime import date

import pytest

from exportctl.reference.formats import notices


def _suspensions(notice_texts, key):
    announcement, text = notice_texts[key]
    return notices.extract_suspensions(announcement, text)


def test_2025_no_70_suspends_nos_55_to_58_61_and_62_from_2025_11_07_to_2026_11_10(
    notice_texts,
) -> None:
    found = _suspensions(notice_texts, "商务部公告2025年第70号")
    assert {s.target for s in found} == {
        f"商务部公告2025年第{n}号" for n in (55, 56, 57, 58, 61, 62)
    }
    assert {(s.start, s.end, s.paragraph) for s in found} == {
        (date(2025, 11, 7), date(2026, 11, 10), None)
    }


def test_2025_no_72_suspends_paragraph_2_of_2024_no_46_from_2025_11_09_to_2026_11_27(
    notice_texts,
) -> None:
    (found,) = _suspensions(notice_texts, "商务部公告2025年第72号")
    assert (found.target, found.paragraph) == ("商务部公告2024年第46号", "第二款")
    assert (found.start, found.end) == (date(2025, 11, 9), date(2026, 11, 27))


def test_2025_no_57_entries_are_suspended_from_2025_11_07_to_2026_11_10(catalogue) -> None:
    entries = [
        e
        for e in catalogue.control_entries
        if e.source_announcement == "商务部 海关总署公告2025年第57号"
    ]
    assert len(entries) == 20  # 1C909-1C913 with .a/.b/.c
    for entry in entries:
        (change,) = entry.status_history
        assert (change.status, change.start, change.end) == (
            "suspended",
            date(2025, 11, 7),
            date(2026, 11, 10),
        )
        assert change.announcement == "商务部、海关总署公告2025年第70号"


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (date(2025, 11, 6), "not_in_force"),  # before the suspension and before 2025-11-08
        (date(2025, 11, 8), "suspended"),  # the day it was to take effect: already suspended
        (date(2026, 11, 10), "suspended"),  # the end date is inclusive ("至2026年11月10日")
        (date(2026, 11, 11), "in_force"),  # back in force unless extended: verify
    ],
)
def test_1c909a_status_on_a_date(catalogue, day: date, status: str) -> None:
    entry = next(e for e in catalogue.control_entries if e.code == "1C909.a")
    assert entry.status_on(day) == status


def test_2025_no_58_and_no_62_entries_are_suspended_too(catalogue) -> None:
    for number in ("商务部 海关总署公告2025年第58号", "商务部公告2025第62号"):
        entries = [e for e in catalogue.control_entries if e.source_announcement == number]
        assert entries and all(e.status_on(date(2026, 3, 1)) == "suspended" for e in entries)


def test_2025_no_10_and_no_18_entries_are_never_suspended(catalogue) -> None:
    for entry in catalogue.control_entries:
        if entry.source_announcement in (
            "商务部 海关总署公告2025年第10号",
            "商务部 海关总署公告2025年第18号",
        ):
            assert entry.status_history == ()


def test_suspended_announcements_carry_the_suspension(catalogue) -> None:
    by_key = {a.key: a for a in catalogue.announcements}
    for n in (55, 56, 57, 58, 61, 62):
        (change,) = by_key[f"商务部公告2025年第{n}号"].status_history
        assert (change.start, change.end) == (date(2025, 11, 7), date(2026, 11, 10))
    (change,) = by_key["商务部公告2024年第46号"].status_history
    assert "第二款" in change.note


@pytest.mark.parametrize(
    ("key", "published", "effective", "posted"),
    [
        ("商务部公告2025年第70号", date(2025, 11, 7), date(2025, 11, 7), date(2025, 11, 11)),
        ("商务部公告2024年第51号", date(2024, 11, 15), date(2024, 12, 1), date(2024, 11, 21)),
        ("商务部公告2025年第57号", date(2025, 10, 9), date(2025, 11, 8), date(2025, 10, 13)),
        ("商务部公告2025年第61号", date(2025, 10, 9), date(2025, 10, 9), date(2025, 10, 9)),
        ("商务部公告2026年第1号", date(2026, 1, 6), date(2026, 1, 6), date(2026, 1, 6)),
    ],
)
def test_announcement_dates_are_the_ones_the_text_prints(
    notice_texts, key, published, effective, posted
) -> None:
    announcement, _ = notice_texts[key]
    assert (announcement.published, announcement.effective, announcement.posted) == (
        published,
        effective,
        posted,
    )


def test_2025_no_61_notes_that_its_parts_take_effect_on_different_dates(notice_texts) -> None:
    announcement, _ = notice_texts["商务部公告2025年第61号"]
    assert any("2025-12-01" in note for note in announcement.notes)
