"""Items on the date: listed, temporarily controlled, not yet / no longer controlled, catch-all.

Law: Export Control Law (ECL) Arts. 9, 12 ¶2-¶4; Dual-Use Regulations (REG) Arts. 12, 14.
Announcements (texts in ../shared/data/cn-mofcom-notices): 2025 No. 10 (W, Te, Bi, Mo, In from
2025-02-04), 2025 No. 18 (Sm ... Y from 2025-04-04, regime.md [C]), 2025 Nos. 57/58 (in force
2025-11-08), 2025 No. 62 (rare-earth technology from 2025-10-09), all four suspended by 2025
No. 70 from 2025-11-07 to 2026-11-10 inclusive; the List's 9A501 note (2024 No. 51).
"""

from __future__ import annotations

import pytest

from tests.unit.determination.cases import rule_ids, run, step, warning_codes

# (test id naming the rule, control code, date, expected outcome)
ITEM_DATES = [
    ("reg14_listed_samarium_2025_18_in_force", "1C902.a", "2026-03-01", "licence_required"),
    ("ann_2025_18_day_before_effect_no_licence", "1C902.a", "2025-04-03", "no_licence_required"),
    ("ann_2025_18_effective_2025_04_04", "1C902.a", "2025-04-04", "licence_required"),
    ("ann_2025_18_sub_item_path_of_listed_entry", "1C902.a.1", "2025-06-01", "licence_required"),
    ("ann_2025_10_tungsten_day_before", "1C117.d", "2025-02-03", "no_licence_required"),
    ("ann_2025_10_tungsten_effective_2025_02_04", "1C117.d", "2025-02-04", "licence_required"),
    ("ann_2025_57_holmium_before_effect", "1C909.a", "2025-11-06", "no_licence_required"),
    ("ann_2025_70_holmium_suspended_first_day", "1C909.a", "2025-11-07", "no_licence_required"),
    ("ann_2025_70_holmium_suspended_on_2025_11_08", "1C909.a", "2025-11-08", "no_licence_required"),
    (
        "ann_2025_70_holmium_suspended_last_day_inclusive",
        "1C909.a",
        "2026-11-10",
        "no_licence_required",
    ),
    ("ann_2025_70_holmium_back_in_force_2026_11_11", "1C909.a", "2026-11-11", "licence_required"),
    ("ann_2025_58_battery_suspended", "3A001", "2026-06-01", "no_licence_required"),
    ("ann_2025_58_battery_after_suspension", "3A001", "2026-12-01", "licence_required"),
    (
        "ann_2025_62_technology_day_before_publication",
        "1E902.a",
        "2025-10-08",
        "no_licence_required",
    ),
    ("ann_2025_62_technology_on_publication", "1E902.a", "2025-10-09", "licence_required"),
    ("ann_2025_62_technology_suspended_by_2025_70", "1E902.a", "2025-11-07", "no_licence_required"),
    ("ann_2025_62_group_code_holding_listed_sub_items", "1E902", "2025-10-20", "licence_required"),
    ("ann_2024_51_gallium_listed", "3C001", "2025-06-01", "licence_required"),
]


@pytest.mark.parametrize(
    ("code", "day", "outcome"), [c[1:] for c in ITEM_DATES], ids=[c[0] for c in ITEM_DATES]
)
def test_item_control_on_the_date(knowledge, code, day, outcome) -> None:
    result = run(knowledge, date=day, item={"control_code": code})
    assert result["outcome"] == outcome
    if outcome == "licence_required":
        assert result["licence_types"] == ["single", "general"]
        assert "dt-listed-item-licence" in rule_ids(result)
    else:
        assert "dt-not-on-list-on-date" in rule_ids(result)
        assert "dt-catch-all" in rule_ids(result)  # the catch-all is still checked


def test_ann_2025_70_end_passed_without_known_extension_warns_verify(knowledge) -> None:
    result = run(knowledge, date="2026-11-11", item={"control_code": "1C909.a"})
    assert {"suspension_ended", "date_after_data"} <= warning_codes(result)
    message = next(w for w in result["warnings"] if w["code"] == "suspension_ended")["message"]
    assert "2026-11-10" in message and "Verify" in message


def test_reg14_listed_item_step_cites_law_article_and_announcement(knowledge) -> None:
    result = run(knowledge)
    listed = step(result, "dt-listed-item-licence")
    assert "Art. 12" in listed["citation"] and "Art" in listed["citation"]
    assert listed["inputs"]["announcement"] == "商务部 海关总署公告2025年第18号"
    assert listed["explanation_en"] and listed["explanation_zh"]
    measure = step(result, "m-2025-18-rare-earths-sm-gd-tb-dy-lu-sc-y")
    assert "2025年第18号" in measure["citation"]


@pytest.mark.parametrize("code", ["9A501", "1C501"])
def test_ecl9_reg12_temporary_control_needs_licence_and_term_is_flagged(knowledge, code) -> None:
    result = run(knowledge, item={"control_code": code})
    assert result["outcome"] == "licence_required"
    assert "dt-temporary-control-licence" in rule_ids(result)
    assert "temporary_control_term" in warning_codes(result)


def test_reg14_unlisted_item_without_risk_needs_no_licence(knowledge) -> None:
    result = run(knowledge, item={"control_code": None, "description": "office chairs"})
    assert result["outcome"] == "no_licence_required"
    assert result["licence_types"] == [] and result["policy"] is None
    assert step(result, "dt-catch-all")["result"] == "not_applicable"


def test_ecl12_unknown_end_use_of_unlisted_item_is_flagged(knowledge) -> None:
    result = run(knowledge, item={"control_code": None}, end_use={"category": "unknown"})
    assert result["outcome"] == "no_licence_required"
    assert "end_use_unknown" in warning_codes(result)


@pytest.mark.parametrize(
    "flag", ["national_security_risk", "wmd_risk", "terrorism_risk", "notified_by_authority"]
)
def test_ecl12_3_catch_all_each_risk_or_notice_requires_licence(knowledge, flag) -> None:
    result = run(knowledge, item={"control_code": None}, knowledge={flag: True})
    assert result["outcome"] == "licence_required"
    assert step(result, "dt-catch-all")["inputs"]["risks"] == [flag]
    assert result["review_time_limit_working_days"] == 45


@pytest.mark.parametrize("category", ["wmd", "terrorism"])
def test_ecl12_3_declared_wmd_or_terrorism_end_use_triggers_catch_all(knowledge, category) -> None:
    result = run(knowledge, item={"control_code": None}, end_use={"category": category})
    assert result["outcome"] == "licence_required"


def test_ecl12_3_military_end_use_alone_is_not_a_catch_all_risk(knowledge) -> None:
    result = run(knowledge, item={"control_code": None}, end_use={"category": "military"})
    assert result["outcome"] == "no_licence_required"


def test_list_9a501_note_unlisted_uav_for_military_use_is_prohibited(knowledge) -> None:
    result = run(
        knowledge,
        item={"control_code": None, "description": "quadcopter drone", "hs_code": "8806221000"},
        end_use={"category": "military"},
    )
    assert result["outcome"] == "prohibited"
    assert result["special_approval_possible"] is False
    assert "m-2024-51-uav-end-use-prohibition" in rule_ids(result)


def test_list_9a501_note_unlisted_uav_for_civil_use_is_not_banned(knowledge) -> None:
    result = run(knowledge, item={"control_code": None, "description": "民用无人机"})
    assert result["outcome"] == "no_licence_required"


@pytest.mark.parametrize(
    ("day", "outcome"),
    [
        ("2025-10-20", "licence_required"),
        ("2026-03-01", "no_licence_required"),
        ("2026-11-11", "licence_required"),
    ],
    ids=["in_force_after_publication", "suspended_by_2025_70", "back_after_2026_11_10"],
)
def test_ann_2025_62_rare_earth_catch_all_for_foreign_processing(knowledge, day, outcome) -> None:
    result = run(
        knowledge,
        date=day,
        item={"control_code": None, "description": "centrifugal extractor"},
        end_use={"category": "civil", "statement": "rare earth separation plant in Malaysia"},
    )
    assert result["outcome"] == outcome
    assert "m-2025-62-rare-earth-catch-all" in rule_ids(result)


def test_reg50_before_the_regulations_listed_item_controlled_under_predecessor_rules(
    knowledge,
) -> None:
    result = run(knowledge, date="2024-06-01", item={"control_code": "3C001"})
    assert result["outcome"] == "licence_required"
    assert "dt-predecessor-regime" in rule_ids(result)
    assert "date_before_regulations" in warning_codes(result)


def test_decl_remarks_2025_57_are_traced_when_in_force(knowledge) -> None:
    result = run(knowledge, date="2026-11-11", item={"control_code": "1C910.b"})
    assert "m-2025-57-58-declaration-remarks" in rule_ids(result)
