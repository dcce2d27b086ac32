"""The base case of the scenario tables and small accessors for the output JSON."""

from __future__ import annotations

import copy
from typing import Any

from exportctl.core.determination import MemoryKnowledge, evaluate

BASE: dict[str, Any] = {
    "date": "2026-03-01",
    "movement": "export",
    "registration_case": None,
    "destination": "DE",
    "exporter": {
        "name": "Ganzhou Rare Metals Co., Ltd.",
        "criminal_penalty": False,
        "serious_penalty_within_5_years": False,
        "branch_of_control_listed_party": False,
    },
    "items": [
        {
            "control_code": "1C902.a",
            "description": "samarium metal",
            "hs_code": "2805301910",
            "quantity": 100,
            "unit": "kg",
            "value_cny": 250000,
        }
    ],
    "parties": [
        {"role": "end_user", "name": "Musterwerk GmbH", "country": "DE", "military": False}
    ],
    "end_use": {"category": "civil", "statement": "permanent magnets for industrial motors"},
    "knowledge": {
        "national_security_risk": False,
        "wmd_risk": False,
        "terrorism_risk": False,
        "notified_by_authority": False,
    },
}


def make_case(**changes: Any) -> dict[str, Any]:
    """BASE with top-level fields replaced; `item` / `party` replace the first item / party."""
    case = copy.deepcopy(BASE)
    if "item" in changes:
        case["items"] = [{**case["items"][0], **changes.pop("item")}]
    if "party" in changes:
        case["parties"] = [{**case["parties"][0], **changes.pop("party")}]
    for key in ("exporter", "knowledge", "end_use"):
        if key in changes and isinstance(changes[key], dict):
            case[key] = {**case[key], **changes.pop(key)}
    case.update(changes)
    return case


def run(kb: MemoryKnowledge, /, **changes: Any) -> dict[str, Any]:
    result = evaluate(make_case(**changes), kb)
    assert "error" not in result, result
    return result


def rule_ids(result: dict[str, Any]) -> list[str]:
    return [step["rule_id"] for step in result["trace"]]


def step(result: dict[str, Any], rule_id: str) -> dict[str, Any]:
    return next(s for s in result["trace"] if s["rule_id"] == rule_id)


def warning_codes(result: dict[str, Any]) -> set[str]:
    return {w["code"] for w in result["warnings"]}
