"""Listed parties on the date: control list, watch list, Unreliable Entity List, MFA, UN, foreign.

Law: ECL Art. 18; REG Arts. 26, 28-30; Provisions on the Unreliable Entity List Arts. 10, 12
(MOFCOM UEL FAQ, cn-mofcom-notices); Anti-Foreign Sanctions Law (MFA countermeasures).
Entities are real listings from the bundled party snapshots:
- 商务部公告2025年第1号 (2025-01-02): 通用动力公司 General Dynamics, control list;
- 商务部公告2025年第13号 (2025-03-04): 莱多斯公司 Leidos, control list;
- 商务部公告2026年第11号 (2026-02-24): 三菱造船株式会社, control list;
- 商务部公告2026年第12号 (2026-02-24): 斯巴鲁株式会社 SUBARU Corporation, watch list;
- 商务部公告2026年第28号 (2026-06-29): 三井E&S株式会社 MITSUI E&S, watch list;
- 不可靠实体清单工作机制公告〔2025〕10号 (2025-10-09): Dedrone by Axon (import/export ban);
- 〔2025〕7号 (2025-04-04): Skydio, suspended from 2025-05-14 (90 days, +90 days, +1 year to
  2026-11-10; spokesperson answers of 2025-05-14, 2025-08-12, 2025-11-05);
- 〔2025〕8号 (2025-04-09, effective 2025-04-10): Shield AI, suspended 2025-05-14, stopped 2025-08-12;
- 〔2025〕6号 (2025-03-04): Illumina, ban on exporting gene sequencers to China, stopped 2025-11-10;
- 〔2025〕4号 (2025-02-04): PVH Corp., listed without measures.
"""

from __future__ import annotations

import pytest

from tests.unit.determination.cases import rule_ids, run, step, warning_codes

GALLIUM = {"control_code": "3C001", "description": "gallium metal"}  # listed since 2024-12-01


def party(
    name: str, country: str | None = None, role: str = "end_user", military: bool = False
) -> dict:
    return {"role": role, "name": name, "country": country, "military": military}


# ---- control list (ECL Art. 18; REG Art. 29) ------------------------------------------------------

CONTROL = [
    (
        "ann_2025_1_general_dynamics_prohibited",
        "General Dynamics",
        "US",
        "end_user",
        "2025-06-01",
        "prohibited",
    ),
    (
        "ann_2025_1_day_before_listing",
        "General Dynamics",
        "US",
        "end_user",
        "2025-01-01",
        "licence_required",
    ),
    (
        "ann_2025_1_effective_on_publication",
        "General Dynamics",
        "US",
        "end_user",
        "2025-01-02",
        "prohibited",
    ),
    (
        "ann_2025_13_chinese_name_as_consignee",
        "莱多斯公司",
        "US",
        "consignee",
        "2025-06-01",
        "prohibited",
    ),
    (
        "ann_2026_11_mitsubishi_day_before",
        "三菱造船株式会社",
        "JP",
        "end_user",
        "2026-02-23",
        "licence_required",
    ),
    (
        "ann_2026_11_mitsubishi_listed",
        "Mitsubishi Heavy Industries Shipbuilding Co.",
        "JP",
        "importer",
        "2026-02-24",
        "prohibited",
    ),
]


@pytest.mark.parametrize(
    ("name", "country", "role", "day", "outcome"),
    [c[1:] for c in CONTROL],
    ids=[c[0] for c in CONTROL],
)
def test_control_list_party(knowledge, name, country, role, day, outcome) -> None:
    result = run(
        knowledge, parties=[party(name, country, role)], destination=country, date=day, item=GALLIUM
    )
    assert result["outcome"] == outcome
    if outcome == "prohibited":
        assert result["special_approval_possible"] is True  # REG Art. 29 ¶2
        assert result["documents_by_route"]["special_application"] == ["special_case_application"]
        ban = step(result, "pl-control-list-ban")
        assert "Art. 18" in ban["citation"] and ban["result"] == "prohibited"


def test_ecl18_control_list_bars_dealings_even_for_unlisted_item_with_warning(knowledge) -> None:
    result = run(
        knowledge,
        parties=[party("General Dynamics", "US")],
        destination="US",
        item={"control_code": None},
    )
    assert result["outcome"] == "prohibited"
    assert "dt-control-list-uncontrolled-items" in rule_ids(result)
    assert "unconfirmed_rule" in warning_codes(result)


def test_control_list_hit_is_reported_with_announcement_and_status(knowledge) -> None:
    result = run(knowledge, parties=[party("General Dynamics", "US")], destination="US")
    hit = next(h for h in result["screening_hits"] if h["list_code"] == "mofcom_control")
    assert hit["announcement"] == "商务部公告2025年第1号"
    assert hit["status"] == "listed" and hit["effective"] == "2025-01-02"
    assert "dual_use_export_ban" in hit["measure_codes"]


def test_same_name_in_another_country_is_a_possible_match_for_review(knowledge) -> None:
    result = run(knowledge, parties=[party("General Dynamics", "DE")])
    assert result["outcome"] == "licence_required"
    assert "possible_list_match" in warning_codes(result)


# ---- watch list (REG Art. 26; 2026 Nos. 12 and 28) ------------------------------------------------


def test_reg26_watch_list_single_licence_only_with_risk_report_and_commitments(knowledge) -> None:
    result = run(knowledge, parties=[party("SUBARU Corporation", "JP")], destination="JP")
    assert result["outcome"] == "licence_required"
    assert result["licence_types"] == ["single"]
    assert result["review_time_limit_working_days"] is None  # Art. 26 ¶2: not bound by Art. 17 ¶1
    assert {
        "risk_assessment_report",
        "written_commitment",
        "commitment_no_japan_military_use",
    } <= set(result["required_documents"])
    assert "general" not in result["documents_by_route"]


def test_reg26_watch_list_closes_registration_route(knowledge) -> None:
    result = run(
        knowledge,
        parties=[party("斯巴鲁株式会社", "JP")],
        destination="JP",
        registration_case="outbound_repair",
    )
    assert result["outcome"] == "licence_required"
    assert result["licence_types"] == ["single"]


def test_ann_2026_12_watch_list_japanese_military_use_not_approved(knowledge) -> None:
    result = run(
        knowledge,
        parties=[party("TDK Corporation", "JP")],
        destination="JP",
        end_use={"category": "military"},
    )
    assert result["outcome"] == "prohibited"
    assert result["special_approval_possible"] is False
    assert step(result, "pl-watch-list-military-denial")["result"] == "prohibited"


@pytest.mark.parametrize(
    ("day", "types"),
    [("2026-06-28", ["single", "general"]), ("2026-06-29", ["single"])],
    ids=["ann_2026_28_day_before", "ann_2026_28_effective"],
)
def test_ann_2026_28_watch_list_from_its_date(knowledge, day, types) -> None:
    result = run(
        knowledge, parties=[party("MITSUI E&S Co., Ltd.", "JP")], destination="JP", date=day
    )
    assert result["licence_types"] == types


def test_reg26_watch_list_does_not_make_an_uncontrolled_item_licensable(knowledge) -> None:
    result = run(
        knowledge,
        parties=[party("SUBARU Corporation", "JP")],
        destination="JP",
        item={"control_code": None},
    )
    assert result["outcome"] == "no_licence_required"


# ---- Unreliable Entity List (UEL Provisions Arts. 10, 12) -----------------------------------------


def test_uel_2025_10_import_export_ban_covers_every_item(knowledge) -> None:
    result = run(
        knowledge,
        parties=[party("Dedrone by Axon", "US")],
        destination="US",
        item={"control_code": None},
    )
    assert result["outcome"] == "prohibited"
    assert result["special_approval_possible"] is True
    assert result["documents_by_route"]["special_application"] == ["uel_special_application"]


SKYDIO = [
    ("uel_2025_7_before_listing", "2025-04-03", "licence_required"),
    ("uel_2025_7_listed", "2025-04-04", "prohibited"),
    ("uel_2025_7_last_day_before_suspension", "2025-05-13", "prohibited"),
    ("uel_2025_7_suspended_from_2025_05_14", "2025-05-14", "licence_required"),
    ("uel_2025_7_suspension_extended_2025_08_12", "2025-09-01", "licence_required"),
    ("uel_2025_7_suspended_until_2026_11_10_inclusive", "2026-11-10", "licence_required"),
    ("uel_2025_7_back_in_force_2026_11_11", "2026-11-11", "prohibited"),
]


@pytest.mark.parametrize(("day", "outcome"), [s[1:] for s in SKYDIO], ids=[s[0] for s in SKYDIO])
def test_uel_2025_7_skydio_suspended_designation(uel_only, day, outcome) -> None:
    result = run(
        uel_only, parties=[party("Skydio Inc.", "US")], destination="US", date=day, item=GALLIUM
    )
    assert result["outcome"] == outcome
    statuses = {s["result"] for s in result["trace"] if s["rule_id"] == "pl-uel-import-export-ban"}
    assert statuses == (
        {"suspended"} if outcome == "licence_required" and day >= "2025-05-14" else statuses
    )


def test_uel_2025_7_resumed_designation_warns_verify(uel_only) -> None:
    result = run(
        uel_only, parties=[party("Skydio Inc.", "US")], destination="US", date="2026-11-11"
    )
    assert "suspension_ended" in warning_codes(result)


@pytest.mark.parametrize(
    ("day", "outcome"),
    [
        ("2025-04-09", "licence_required"),
        ("2025-04-10", "prohibited"),
        ("2025-05-14", "licence_required"),
        ("2025-08-12", "licence_required"),
    ],
    ids=[
        "uel_2025_8_before_effect",
        "uel_2025_8_effective",
        "uel_2025_8_suspended",
        "uel_2025_8_stopped",
    ],
)
def test_uel_2025_8_shield_ai_suspended_then_stopped(uel_only, day, outcome) -> None:
    result = run(uel_only, parties=[party("Shield AI, Inc.", "US")], destination="US", date=day)
    assert result["outcome"] == outcome


def test_uel_2025_6_illumina_import_ban_does_not_restrict_exports(uel_only) -> None:
    result = run(
        uel_only,
        parties=[party("Illumina, Inc.", "US")],
        destination="US",
        date="2025-06-01",
        item={"control_code": None},
    )
    assert result["outcome"] == "no_licence_required"
    assert step(result, "pl-uel-not-export")["result"] == "informational"


def test_uel_2025_6_measures_stopped_from_2025_11_10(uel_only) -> None:
    result = run(
        uel_only, parties=[party("Illumina, Inc.", "US")], destination="US", date="2025-11-10"
    )
    assert step(result, "pl-uel-not-export")["result"] == "removed"


def test_uel_2025_4_listing_without_measures_is_flagged_for_review(uel_only) -> None:
    result = run(uel_only, parties=[party("PVH Corp.", "US")], destination="US", date="2025-06-01")
    assert result["outcome"] == "licence_required"
    assert "party_review" in warning_codes(result)


# ---- other lists ----------------------------------------------------------------------------------


def test_afsl_mfa_countermeasure_transaction_ban_prohibits_with_unconfirmed_basis(
    knowledge,
) -> None:
    result = run(
        knowledge,
        parties=[party("Uyghur Rights Advocacy Project", "CA")],
        destination="CA",
        item={"control_code": None},
    )
    assert result["outcome"] == "prohibited"
    assert result["special_approval_possible"] is False
    assert "unconfirmed_rule" in warning_codes(result)


def test_reg10_un_security_council_listed_party_triggers_catch_all(knowledge) -> None:
    result = run(
        knowledge,
        parties=[party("Yazd Metallurgy Industries (YMI)", "IR")],
        destination="IR",
        item={"control_code": None},
    )
    assert result["outcome"] == "licence_required"
    assert "party_review" in warning_codes(result)


def test_foreign_list_hit_is_reported_but_changes_nothing(knowledge) -> None:
    base = run(knowledge, parties=[party("Aaron Abraham Villa", None)], item={"control_code": None})
    assert base["outcome"] == "no_licence_required"
    assert [h["list_code"] for h in base["screening_hits"]] == ["us_bis_dpl"]
    assert step(base, "pl-foreign-lists")["result"] == "informational"


def test_no_hit_for_an_unlisted_party(knowledge) -> None:
    assert run(knowledge)["screening_hits"] == []
