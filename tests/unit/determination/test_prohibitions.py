"""Bans and restrictions by destination, end user and end use (ECL Art. 10; REG Art. 13).

商务部公告2024年第46号 (regime.md §9 [S]): ¶1 no dual-use items to US military users or uses
(in force from 2024-12-03); ¶2 gallium, germanium, antimony, superhard materials to the US in
principle not licensed, suspended by 商务部公告2025年第72号 from 2025-11-09 until 2026-11-27
(text in cn-mofcom-notices); ¶3 stricter review of graphite to the US ([U]).
商务部公告2026年第1号 (text in cn-mofcom-notices): no dual-use items to Japanese military users or
uses, or to anything raising Japan's military strength, from 2026-01-06.
"""

from __future__ import annotations

import pytest

from tests.unit.determination.cases import rule_ids, run, step, warning_codes

US_ARMY = {
    "role": "end_user",
    "name": "US Army Research Laboratory",
    "country": "US",
    "military": True,
}
JSDF = {
    "role": "end_user",
    "name": "Japan Ground Self-Defense Force",
    "country": "JP",
    "military": True,
}

BANS = [
    # id, destination, parties, end use, date, outcome
    (
        "ann_2024_46_p1_us_military_user_prohibited",
        "US",
        [US_ARMY],
        "civil",
        "2025-06-01",
        "prohibited",
    ),
    (
        "ann_2024_46_p1_in_force_from_2024_12_03",
        "US",
        [US_ARMY],
        "civil",
        "2024-12-03",
        "prohibited",
    ),
    (
        "ann_2024_46_p1_day_before_only_licence",
        "US",
        [US_ARMY],
        "civil",
        "2024-12-02",
        "licence_required",
    ),
    ("ann_2024_46_p1_us_military_use_prohibited", "US", [], "military", "2025-06-01", "prohibited"),
    (
        "ann_2024_46_p1_not_suspended_by_2025_72",
        "US",
        [US_ARMY],
        "civil",
        "2026-03-01",
        "prohibited",
    ),
    (
        "ann_2024_46_p1_us_civil_user_licence_only",
        "US",
        [],
        "civil",
        "2025-06-01",
        "licence_required",
    ),
    (
        "ann_2026_1_japan_military_user_prohibited",
        "JP",
        [JSDF],
        "civil",
        "2026-01-06",
        "prohibited",
    ),
    ("ann_2026_1_day_before_only_licence", "JP", [JSDF], "civil", "2026-01-05", "licence_required"),
    ("ann_2026_1_japan_military_use_prohibited", "JP", [], "military", "2026-02-01", "prohibited"),
    (
        "ann_2026_1_via_third_country_to_jp_military_user",
        "DE",
        [JSDF],
        "civil",
        "2026-02-01",
        "prohibited",
    ),
    (
        "ann_2026_1_military_use_in_germany_not_covered",
        "DE",
        [],
        "military",
        "2026-02-01",
        "licence_required",
    ),
]


@pytest.mark.parametrize(
    ("destination", "parties", "use", "day", "outcome"),
    [b[1:] for b in BANS],
    ids=[b[0] for b in BANS],
)
def test_destination_end_user_end_use_bans(
    knowledge, destination, parties, use, day, outcome
) -> None:
    result = run(
        knowledge,
        destination=destination,
        parties=parties,
        end_use={"category": use},
        date=day,
        item={"control_code": "3C001", "description": "gallium metal"},  # listed since 2024-12-01
    )
    assert result["outcome"] == outcome
    if outcome == "prohibited":
        assert (
            result["special_approval_possible"] is False
        )  # no application procedure (ECL Art. 10)
        assert result["licence_types"] == [] and result["review_time_limit_working_days"] is None


def test_ann_2026_1_ban_on_dual_use_items_does_not_bite_on_uncontrolled_item(knowledge) -> None:
    result = run(
        knowledge, destination="JP", parties=[JSDF], item={"control_code": None}, date="2026-02-01"
    )
    assert result["outcome"] == "no_licence_required"
    assert "military_user_uncontrolled_items" in warning_codes(result)


def test_ann_2026_1_catch_all_item_to_japanese_military_user_is_prohibited(knowledge) -> None:
    result = run(
        knowledge,
        destination="JP",
        parties=[JSDF],
        item={"control_code": None},
        knowledge={"national_security_risk": True},
        date="2026-02-01",
    )
    assert result["outcome"] == "prohibited"


def test_ann_2026_1_unknown_end_use_to_japan_is_flagged(knowledge) -> None:
    result = run(
        knowledge, destination="JP", parties=[], end_use={"category": "unknown"}, date="2026-02-01"
    )
    assert result["outcome"] == "licence_required"
    assert "japan_end_use_unknown" in warning_codes(result)


GALLIUM = [
    (
        "ann_2024_46_p2_presumption_before_suspension",
        "3C001",
        "2025-11-08",
        "presumption_of_denial",
    ),
    ("ann_2025_72_suspends_p2_from_2025_11_09", "3C001", "2025-11-09", "case_by_case"),
    ("ann_2025_72_suspension_last_day_2026_11_27", "3C001", "2026-11-27", "case_by_case"),
    (
        "ann_2025_72_ended_presumption_back_2026_11_28",
        "3C001",
        "2026-11-28",
        "presumption_of_denial",
    ),
    ("ann_2024_46_p2_germanium_sub_item", "3C002.a", "2025-06-01", "presumption_of_denial"),
    ("ann_2024_46_p2_antimony", "3C003", "2025-06-01", "presumption_of_denial"),
]


@pytest.mark.parametrize(
    ("code", "day", "policy"), [g[1:] for g in GALLIUM], ids=[g[0] for g in GALLIUM]
)
def test_ann_2024_46_p2_gallium_germanium_antimony_to_us(knowledge, code, day, policy) -> None:
    result = run(knowledge, destination="US", parties=[], item={"control_code": code}, date=day)
    assert result["outcome"] == "licence_required"
    assert result["policy"] == policy


def test_ann_2025_72_end_passed_warns_verify(knowledge) -> None:
    result = run(
        knowledge, destination="US", parties=[], item={"control_code": "3C001"}, date="2026-11-28"
    )
    assert {"suspension_ended", "date_after_data"} <= warning_codes(result)


def test_ann_2024_46_p2_only_for_the_us(knowledge) -> None:
    result = run(knowledge, destination="DE", item={"control_code": "3C001"}, date="2025-06-01")
    assert result["policy"] == "case_by_case"


def test_ann_2024_46_p2_inferred_codes_are_surfaced_not_applied(knowledge) -> None:
    """3E003 (antimony technology) is only inferred to be covered: warn, do not apply."""
    result = run(
        knowledge, destination="US", parties=[], item={"control_code": "3E003"}, date="2025-06-01"
    )
    assert result["policy"] == "case_by_case"
    assert step(result, "m-2024-46-p2-us-ga-ge-sb-superhard")["result"] == "possibly_covered"


def test_ann_2024_46_p3_graphite_review_is_unconfirmed_and_warned(knowledge) -> None:
    result = run(
        knowledge, destination="US", parties=[], item={"control_code": "1C108"}, date="2025-06-01"
    )
    assert result["outcome"] == "licence_required"
    assert step(result, "m-2024-46-p3-us-graphite-review")["result"] == "enhanced_review"
    assert "unconfirmed_rule" in warning_codes(result)


def test_ann_2025_73_precursor_chemicals_to_the_us_are_flagged(knowledge) -> None:
    result = run(knowledge, destination="US", parties=[], date="2025-11-10")
    assert "precursor_chemicals" in warning_codes(result)
    assert "m-2025-73-precursors-us-mx-ca" in rule_ids(result)
