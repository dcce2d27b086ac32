"""The fixed input/output interface: clear errors for malformed input, stable output fields."""

from __future__ import annotations

import pytest

from exportctl.core.determination import evaluate
from tests.unit.determination.cases import make_case, run, warning_codes

BAD = [
    ("missing_date", {"date": None}, "missing_field", "date"),
    ("bad_calendar_date", {"date": "2026-02-30"}, "invalid_date", "date"),
    ("bad_date_format", {"date": "01/12/2026"}, "invalid_date", "date"),
    ("date_not_a_string", {"date": 20261201}, "invalid_type", "date"),
    ("unknown_destination", {"destination": "XX"}, "unknown_country", "destination"),
    ("alpha3_destination", {"destination": "DEU"}, "unknown_country", "destination"),
    ("missing_destination_for_export", {"destination": None}, "missing_field", "destination"),
    (
        "unknown_party_country",
        {"party": {"country": "ZZ"}},
        "unknown_country",
        "parties[0].country",
    ),
    ("unknown_movement", {"movement": "smuggle"}, "invalid_value", "movement"),
    (
        "unknown_registration_case",
        {"registration_case": "gift"},
        "invalid_value",
        "registration_case",
    ),
    ("unknown_role", {"party": {"role": "buyer"}}, "invalid_value", "parties[0].role"),
    ("unknown_end_use", {"end_use": {"category": "peaceful"}}, "invalid_value", "end_use.category"),
    ("items_not_a_list", {"items": {"control_code": "1C902"}}, "invalid_type", "items"),
    ("no_items", {"items": []}, "invalid_value", "items"),
    ("military_not_boolean", {"party": {"military": "yes"}}, "invalid_type", "parties[0].military"),
    ("quantity_not_number", {"item": {"quantity": "100"}}, "invalid_type", "items[0].quantity"),
    ("negative_value", {"item": {"value_cny": -1}}, "invalid_value", "items[0].value_cny"),
    ("flag_not_boolean", {"knowledge": {"wmd_risk": 1}}, "invalid_type", "knowledge.wmd_risk"),
    (
        "exporter_flag_not_boolean",
        {"exporter": {"criminal_penalty": "no"}},
        "invalid_type",
        "exporter.criminal_penalty",
    ),
    (
        "code_not_a_string",
        {"item": {"control_code": 1902}},
        "invalid_type",
        "items[0].control_code",
    ),
    ("empty_code", {"item": {"control_code": ""}}, "invalid_value", "items[0].control_code"),
    (
        "unknown_control_code",
        {"item": {"control_code": "1C999"}},
        "unknown_control_code",
        "items[0].control_code",
    ),
    (
        "malformed_control_code",
        {"item": {"control_code": "samarium"}},
        "unknown_control_code",
        "items[0].control_code",
    ),
    (
        "unknown_sub_item_of_unknown_code",
        {"item": {"control_code": "7A999.a"}},
        "unknown_control_code",
        "items[0].control_code",
    ),
]


@pytest.mark.parametrize(
    ("changes", "code", "field"), [b[1:] for b in BAD], ids=[b[0] for b in BAD]
)
def test_malformed_input_is_a_clear_error(knowledge, changes, code, field) -> None:
    result = evaluate(make_case(**changes), knowledge)
    assert set(result) == {"error"}
    assert result["error"]["code"] == code
    assert result["error"]["field"] == field
    assert field.split("[")[0].split(".")[0] in result["error"]["message"]


def test_input_must_be_an_object(knowledge) -> None:
    assert evaluate(["not", "a", "case"], knowledge)["error"]["code"] == "invalid_type"


def test_lower_case_country_codes_are_accepted(knowledge) -> None:
    assert run(knowledge, destination="de")["outcome"] == "licence_required"


def test_unknown_fields_are_ignored_with_a_warning(knowledge) -> None:
    result = run(knowledge, colour="red")
    assert "ignored_fields" in warning_codes(result)


def test_output_has_the_interface_fields(knowledge) -> None:
    result = run(knowledge)
    for key in (
        "outcome",
        "licence_types",
        "policy",
        "special_approval_possible",
        "review_time_limit_working_days",
        "required_documents",
        "screening_hits",
        "trace",
        "rules_version",
        "data_as_of",
        "warnings",
    ):
        assert key in result
    assert result["data_as_of"] == "2026-07-31"
    assert result["rules_version"].startswith("determination ")


def test_every_trace_step_has_rule_citation_inputs_result_and_both_languages(knowledge) -> None:
    result = run(
        knowledge,
        parties=[{"role": "end_user", "name": "SUBARU Corporation", "country": "JP"}],
        destination="JP",
    )
    for s in result["trace"]:
        assert s["rule_id"] and s["citation"] and s["result"]
        assert isinstance(s["inputs"], dict)
        assert s["explanation_en"] and s["explanation_zh"]


@pytest.mark.parametrize(("day", "warned"), [("2026-07-31", False), ("2026-08-01", True)])
def test_date_after_newest_data_is_warned(knowledge, day, warned) -> None:
    assert ("date_after_data" in warning_codes(run(knowledge, date=day))) is warned


def test_issue_example_input(knowledge) -> None:
    """The input example of the issue: samarium metal to Germany on 2026-12-01."""
    result = run(knowledge, date="2026-12-01")
    assert result["outcome"] == "licence_required"
    assert result["licence_types"] == ["single", "general"]
    assert result["review_time_limit_working_days"] == 45
    assert "date_after_data" in warning_codes(result)
