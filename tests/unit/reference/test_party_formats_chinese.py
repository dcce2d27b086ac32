"""Chinese party lists (MOFCOM control/watch, UEL, MFA) merged from ../shared/data's two sources."""

from __future__ import annotations

import functools
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from exportctl.reference.formats import mofcom
from exportctl.reference.formats.mofcom_terms import announcement_number, measure_codes
from exportctl.reference.records import EntityRecord, SourceSnapshot

SHARED = Path(__file__).resolve().parents[3] / "../shared/data"
FOLDER = SHARED / "cn-mofcom-controlled-parties"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason=f"shared data not present: {SHARED}")


@functools.cache
def parsed(source: str) -> SourceSnapshot:
    return mofcom.parse_source(source, FOLDER)


def record(source: str, key: str) -> EntityRecord:
    return next(r for r in parsed(source).records if r.key == key)


def by_announcement(source: str, number: str) -> list[EntityRecord]:
    return [r for r in parsed(source).records if r.designations[0].announcement == number]


@needs_shared
def test_control_list_has_153_entities_and_watch_list_40_as_compliance_hub_gives_them() -> None:
    # The data README says 164 and 42; the files themselves list 153 and 40.
    lists = Counter(d.list_code for r in parsed("mofcom").records for d in r.designations)
    assert lists == {"mofcom_control": 153, "mofcom_watch": 40}


@needs_shared
def test_lockheed_martin_is_on_control_list_2025_no_1_and_on_uel_2023_no_1() -> None:
    control = record("mofcom", "商务部公告2025年第1号-6")
    assert control.caption == "洛克希德·马丁公司"
    assert "Lockheed Martin Corporation" in {n.value for n in control.names}
    assert control.designations[0].list_code == "mofcom_control"
    assert control.designations[0].published == date(2025, 1, 2)
    uel = record("uel", "不可靠实体清单工作机制公告〔2023〕1号-1")
    assert uel.caption == "洛克希德·马丁公司"
    assert "fine" in uel.designations[0].measure_codes


@needs_shared
def test_chinese_official_name_is_primary_zh_hani_and_english_a_translation() -> None:
    names = record("mofcom", "商务部公告2025年第1号-6").names
    assert (names[0].kind, names[0].lang, names[0].script) == ("primary", "zh", "Hani")
    assert (names[1].kind, names[1].lang) == ("translation", "en")


@needs_shared
def test_both_sources_merge_into_one_record_with_both_english_spellings() -> None:
    gibbs = record("mofcom", "商务部公告2025年第13号-2")
    values = {n.value for n in gibbs.names}
    assert {"Gibbs&Cox, Inc.", "Gibbs & Cox, Inc."} <= values
    assert gibbs.designations[0].reason  # only ammitto gives the reason


@needs_shared
def test_control_list_2025_no_22_takes_its_effective_date_from_ammitto() -> None:
    designation = record("mofcom", "商务部公告2025年第22号-1").designations[0]
    assert designation.published == date(2025, 4, 9)
    assert designation.effective == date(2025, 4, 10)


@needs_shared
def test_control_list_2025_no_21_and_22_have_no_status_history_as_the_data_has_no_update() -> None:
    for number in ("商务部公告2025年第21号", "商务部公告2025年第22号"):
        assert all(
            r.designations[0].status_history == () for r in by_announcement("mofcom", number)
        )


@needs_shared
def test_control_list_designation_cites_ecl_18_and_regulations_28_and_bans_exports() -> None:
    designation = record("mofcom", "商务部公告2026年第30号-4").designations[0]  # Rheinmetall AG
    assert designation.legal_basis == "Export Control Law Art. 18; Dual-Use Regulations Art. 28"
    assert designation.measure_codes[:2] == ("dual_use_export_ban", "foreign_transfer_ban")
    assert record("mofcom", "商务部公告2026年第30号-4").countries == ("DE",)


@needs_shared
def test_watch_list_measures_come_from_the_notice_text() -> None:
    designation = record("mofcom", "商务部公告2026年第12号-1").designations[0]  # SUBARU
    assert designation.legal_basis == "Dual-Use Regulations Art. 26"
    assert {"no_general_licence", "single_licence_only", "risk_report_and_commitment"} <= set(
        designation.measure_codes
    )


@needs_shared
def test_country_comes_from_the_announcement_title_when_no_code_is_given() -> None:
    assert record("mofcom", "商务部公告2026年第12号-1").countries == ("JP",)
    assert record("mofcom", "商务部公告2025年第35号-1").countries == ("TW",)
    assert record("mfa", "外交部令第15号-1").countries == ("CA",)


@needs_shared
def test_uel_2025_no_7_suspended_three_times_until_2026_11_10() -> None:
    designation = record("uel", "不可靠实体清单工作机制公告〔2025〕7号-1").designations[0]
    history = designation.status_history
    assert [(c.status, c.start, c.end) for c in history] == [
        ("suspended", date(2025, 5, 14), date(2025, 8, 12)),
        ("suspended", date(2025, 8, 12), date(2025, 11, 10)),
        ("suspended", date(2025, 11, 10), date(2026, 11, 10)),
    ]
    assert designation.status == "suspended"


@needs_shared
def test_uel_2025_no_8_suspended_then_measures_stopped_on_2025_08_12() -> None:
    designation = record("uel", "不可靠实体清单工作机制公告〔2025〕8号-1").designations[0]
    assert [(c.status, c.start) for c in designation.status_history] == [
        ("suspended", date(2025, 5, 14)),
        ("removed", date(2025, 8, 12)),
    ]
    assert designation.status == "removed"


@needs_shared
def test_uel_2025_no_5_and_no_6_measures_stopped_from_2025_11_10() -> None:
    for number in (
        "不可靠实体清单工作机制公告〔2025〕5号",
        "不可靠实体清单工作机制公告〔2025〕6号",
    ):
        for entity in by_announcement("uel", number):
            assert entity.designations[0].status == "removed"
            assert entity.designations[0].status_history[-1].start == date(2025, 11, 10)


@needs_shared
def test_uel_has_82_designations_and_the_pvh_investigation_is_not_one() -> None:
    records = parsed("uel").records
    assert len(records) == 82
    assert not by_announcement("uel", "不可靠实体清单工作机制公告〔2024〕3号")
    assert by_announcement("uel", "不可靠实体清单工作机制公告〔2025〕4号")[0].caption == "PVH集团"


@needs_shared
def test_uel_2025_no_10_keeps_the_ten_techinsights_entities_only_ammitto_has() -> None:
    entities = by_announcement("uel", "不可靠实体清单工作机制公告〔2025〕10号")
    assert len(entities) == 23
    branch = record("uel", "不可靠实体清单工作机制公告〔2025〕10号-16")
    # The annex prints the branches in English only; ammitto's Chinese is its own translation.
    assert (branch.names[0].value, branch.names[0].kind) == (
        "TechInsights Europe Sp zo.o",
        "primary",
    )
    assert branch.names[1].kind == "translation"


@needs_shared
def test_mfa_has_138_entries_from_17_decisions_under_the_anti_foreign_sanctions_law() -> None:
    records = parsed("mfa").records
    assert len(records) == 138
    assert len({r.designations[0].announcement for r in records}) == 17
    assert Counter(r.schema for r in records) == {"Organization": 79, "Person": 59}
    designation = record("mfa", "外交部令第1号-3").designations[0]  # Sarah May Stern
    assert designation.legal_basis == "Anti-Foreign Sanctions Law Arts. 4, 5, 6"
    assert {"asset_freeze", "entry_ban", "visa_ban"} <= set(designation.measure_codes)


@needs_shared
def test_every_chinese_designation_has_authority_basis_dates_and_measure_codes() -> None:
    for source in mofcom.SOURCES:
        for entity in parsed(source).records:
            designation = entity.designations[0]
            assert designation.authority and designation.legal_basis and designation.published
            assert designation.measures and designation.measure_codes, entity.key


@needs_shared
def test_chinese_provenance_names_files_dates_and_repositories() -> None:
    provenance = parsed("mofcom").provenance
    assert provenance.list_date == date(2026, 7, 24)
    assert "china-control-entities.json" in provenance.source_file
    assert "ammitto/data-cn" in (provenance.source_repository or "")
    assert parsed("uel").provenance.list_date == date(2025, 11, 5)


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        (
            "禁止向上述28家美国实体出口两用物项；正在开展的相关出口活动应当立即停止",
            ("dual_use_export_ban", "ongoing_activity_stop"),
        ),
        ("禁止上述企业从事与中国有关的进出口活动", ("import_export_ban",)),
        ("禁止上述企业在中国境内新增投资", ("new_investment_ban",)),
        (
            "不批准并取消上述企业高级管理人员在中国境内工作许可、停留以及居留资格",
            ("work_permit_ban",),
        ),
        ("对其本人不予签发签证、不准入境（包括香港、澳门）", ("entry_ban", "visa_ban")),
        ("冻结在我国境内的动产、不动产和其他各类财产", ("asset_freeze",)),
        ("禁止其向中国出口基因测序仪", ("product_import_ban",)),
    ],
)
def test_measure_text_maps_to_stable_codes(text: str, codes: tuple[str, ...]) -> None:
    assert measure_codes((text,)) == codes


@pytest.mark.parametrize(
    ("list_code", "text", "year", "expected"),
    [
        ("mofcom_control", "第1号", 2025, "商务部公告2025年第1号"),
        ("mofcom_control", "2025年第13号", None, "商务部公告2025年第13号"),
        (
            "uel",
            "不可靠实体清单工作机制〔2025〕10号",
            None,
            "不可靠实体清单工作机制公告〔2025〕10号",
        ),
        ("uel", "〔2023〕1号", None, "不可靠实体清单工作机制公告〔2023〕1号"),
        ("mfa_countermeasure", "第19号", 2025, "外交部令第19号"),
    ],
)
def test_announcement_numbers_of_both_sources_agree(
    list_code: str, text: str, year: int | None, expected: str
) -> None:
    assert announcement_number(list_code, text, year) == expected
