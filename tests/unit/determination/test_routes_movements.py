"""Routes (REG Arts. 15, 16, 19, 20), movements (ECL Arts. 2, 45; REG Art. 48) and review
(REG Arts. 16, 17, 24; ECL Art. 13): which licence, which documents, which time limit."""

from __future__ import annotations

import pytest

from tests.unit.determination.cases import rule_ids, run, step, warning_codes

CASES = [
    "inbound_repair_return",
    "outbound_repair",
    "domestic_exhibition_return",
    "foreign_exhibition",
    "civil_aircraft_parts",
]


@pytest.mark.parametrize(
    "case_name", CASES, ids=[f"reg19_1_{i + 1}_{c}" for i, c in enumerate(CASES)]
)
def test_reg19_registration_case_gives_registration_voucher(knowledge, case_name) -> None:
    result = run(knowledge, registration_case=case_name)
    assert result["outcome"] == "registration"
    assert "registration" in result["licence_types"]
    assert result["required_documents"] == ["registration_information"]
    assert result["policy"] is None and result["review_time_limit_working_days"] is None
    assert "dt-registration-specified-items" in rule_ids(result)  # [U]: which items are "specified"
    assert "unconfirmed_rule" in warning_codes(result)


@pytest.mark.parametrize(
    "flag",
    ["criminal_penalty", "serious_penalty_within_5_years", "branch_of_control_listed_party"],
    ids=[
        "reg20_1_1_criminal_penalty",
        "reg20_1_2_serious_penalty_5_years",
        "reg20_1_3_branch_of_listed",
    ],
)
def test_reg20_barred_exporter_gets_single_licence_only_even_in_registration_case(
    knowledge, flag
) -> None:
    result = run(knowledge, exporter={flag: True}, registration_case="foreign_exhibition")
    assert result["outcome"] == "licence_required"
    assert result["licence_types"] == ["single"]
    penalty = flag != "branch_of_control_listed_party"
    assert ("penalty_refusal_possible" in warning_codes(result)) is penalty  # ECL Art. 39


def test_reg20_barred_exporter_without_registration_case_loses_general_licence(knowledge) -> None:
    result = run(knowledge, exporter={"criminal_penalty": True})
    assert result["licence_types"] == ["single"]
    assert "general" not in result["documents_by_route"]


def test_reg19_1_5_civil_aircraft_parts_for_military_use_needs_licence(knowledge) -> None:
    result = run(
        knowledge, registration_case="civil_aircraft_parts", end_use={"category": "military"}
    )
    assert result["outcome"] == "licence_required"
    assert "registration" not in result["licence_types"]


@pytest.mark.parametrize("flag", ["wmd_risk", "notified_by_authority"])
def test_reg19_3_registration_closed_on_known_risk_or_notice(knowledge, flag) -> None:
    result = run(knowledge, registration_case="outbound_repair", knowledge={flag: True})
    assert result["outcome"] == "licence_required"
    assert step(result, "dt-registration-closed-on-risk")["result"] == "does_not_fit"


def test_reg19_registration_case_with_uncontrolled_item_needs_nothing(knowledge) -> None:
    result = run(knowledge, registration_case="outbound_repair", item={"control_code": None})
    assert result["outcome"] == "no_licence_required"


def test_reg16_documents_for_single_and_general_licence(knowledge) -> None:
    result = run(knowledge)
    single = [
        "application_form",
        "id_documents",
        "contract",
        "technical_description",
        "end_user_end_use_certificate",
    ]
    assert result["required_documents"][:5] == single
    general = result["documents_by_route"]["general"]
    assert {"icp_report", "licence_use_report", "channels_end_users_report"} <= set(general)
    assert "government_end_use_certificate" in result["conditional_documents"]  # REG Art. 24 ¶1


def test_reg15_route_validity_from_deadlines(knowledge) -> None:
    result = run(knowledge)
    assert step(result, "dt-route-single")["inputs"]["validity_max"] == "1 year"
    assert step(result, "dt-route-general")["inputs"]["validity_max"] == "3 years"


def test_reg17_review_within_45_working_days_and_state_council_exception(knowledge) -> None:
    result = run(knowledge)
    assert result["review_time_limit_working_days"] == 45
    assert result["policy"] == "case_by_case"
    assert "state_council_referral" in warning_codes(result)
    assert (
        step(result, "dt-review-time-limit")["inputs"]["deadline"]
        == "d-licence-decision-45-working-days"
    )


@pytest.mark.parametrize("movement", ["re_export", "transit", "transshipment"])
def test_reg48_1_transit_transshipment_re_export_follow_export_rules(knowledge, movement) -> None:
    result = run(knowledge, movement=movement)
    assert result["outcome"] == "licence_required"
    assert "implementing_measures_missing" in warning_codes(result)


@pytest.mark.parametrize("movement", ["into_special_customs_zone", "between_special_customs_zones"])
def test_reg48_2_zone_moves_need_no_licence(knowledge, movement) -> None:
    result = run(knowledge, movement=movement, destination=None)
    assert result["outcome"] == "no_licence_required"
    assert "zone_onward_export" in warning_codes(result)


def test_reg48_2_zone_move_to_a_listed_party_is_still_no_licence_but_traced(knowledge) -> None:
    result = run(
        knowledge,
        movement="into_special_customs_zone",
        destination=None,
        parties=[{"role": "end_user", "name": "General Dynamics", "country": "US"}],
    )
    assert result["outcome"] == "no_licence_required"
    assert "pl-control-list-ban" in rule_ids(result)


def test_ecl2_deemed_export_of_technology_to_foreign_person_in_china(knowledge) -> None:
    result = run(
        knowledge,
        movement="deemed_export",
        destination="CN",
        date="2025-10-20",
        item={"control_code": "1E902.a", "description": "rare-earth separation know-how"},
        parties=[{"role": "end_user", "name": "Visiting engineer", "country": "DE"}],
    )
    assert result["outcome"] == "licence_required"
    assert step(result, "dt-movement-deemed-export")["inputs"]["foreign_recipient_countries"] == [
        "DE"
    ]


def test_ecl2_deemed_export_to_us_military_person_is_banned_by_2024_46(knowledge) -> None:
    result = run(
        knowledge,
        movement="deemed_export",
        destination="CN",
        parties=[
            {"role": "end_user", "name": "US Navy officer", "country": "US", "military": True}
        ],
    )
    assert result["outcome"] == "prohibited"


def test_ecl2_deemed_export_without_foreign_recipient_is_flagged(knowledge) -> None:
    result = run(knowledge, movement="deemed_export", destination=None, parties=[])
    assert "no_foreign_recipient" in warning_codes(result)
