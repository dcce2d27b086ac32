"""Invariants: a restriction never loosens the outcome; order of items and parties never matters.

Restrictions drawn from the law: a party on a PRC list (control list 2025 No. 1, watch list
2026 No. 12, UEL 〔2025〕10号), a catch-all risk flag (ECL Art. 12 ¶3), a military end use or
military end user (2024 No. 46, 2026 No. 1), an Art. 20 exporter bar.
"""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exportctl.core.determination import evaluate
from exportctl.core.determination.vocabulary import RANK

CODES = [None, "1C902.a", "1C909.a", "3C001", "3C002.a", "1E902.a", "9A501", "1C117.d", "3A001"]
DATES = [
    "2024-12-02",
    "2025-04-04",
    "2025-11-08",
    "2026-01-06",
    "2026-03-01",
    "2026-11-11",
    "2026-11-28",
]
COUNTRIES = ["DE", "US", "JP", "FR", "SG"]
LISTED = [
    ("General Dynamics", "US"),
    ("SUBARU Corporation", "JP"),
    ("Dedrone by Axon", "US"),
    ("三菱造船株式会社", "JP"),
]
ROLES = ["end_user", "consignee", "importer", "intermediate", "ultimate_end_user"]

items = st.lists(
    st.builds(
        lambda c, d: {"control_code": c, "description": d},
        st.sampled_from(CODES),
        st.sampled_from(["parts", "drone", "ingot"]),
    ),
    min_size=1,
    max_size=3,
)
parties = st.lists(
    st.builds(
        lambda n, c, r: {"role": r, "name": n, "country": c, "military": False},
        st.sampled_from(["Musterwerk GmbH", "Acme Trading", "Nordlicht AG"]),
        st.sampled_from(COUNTRIES),
        st.sampled_from(ROLES),
    ),
    max_size=3,
)
cases = st.builds(
    lambda day, movement, reg, dest, its, ps, use: {
        "date": day,
        "movement": movement,
        "registration_case": reg,
        "destination": dest,
        "exporter": {"name": "Exporter"},
        "items": its,
        "parties": ps,
        "end_use": {"category": use},
        "knowledge": {},
    },
    st.sampled_from(DATES),
    st.sampled_from(["export", "re_export", "transit", "deemed_export"]),
    st.sampled_from([None, "outbound_repair", "civil_aircraft_parts"]),
    st.sampled_from(COUNTRIES),
    items,
    parties,
    st.sampled_from(["civil", "unknown"]),
)


def _add_listed_party(case: dict[str, Any], pick: int) -> None:
    name, country = LISTED[pick % len(LISTED)]
    case["parties"].append(
        {"role": "end_user", "name": name, "country": country, "military": False}
    )


def _restrict(case: dict[str, Any], kind: str, pick: int) -> dict[str, Any]:
    out = copy.deepcopy(case)
    if kind == "listed_party":
        _add_listed_party(out, pick)
    elif kind == "risk_flag":
        flag = ["national_security_risk", "wmd_risk", "terrorism_risk", "notified_by_authority"][
            pick % 4
        ]
        out["knowledge"][flag] = True
    elif kind == "military_end_use":
        out["end_use"]["category"] = "military"
    elif kind == "military_user":
        if out["parties"]:
            out["parties"][pick % len(out["parties"])]["military"] = True
        else:
            out["parties"].append(
                {
                    "role": "end_user",
                    "name": "Defence Ministry",
                    "country": out["destination"],
                    "military": True,
                }
            )
    elif kind == "exporter_bar":
        out["exporter"][
            [
                "criminal_penalty",
                "serious_penalty_within_5_years",
                "branch_of_control_listed_party",
            ][pick % 3]
        ] = True
    return out


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    case=cases,
    kind=st.sampled_from(
        ["listed_party", "risk_flag", "military_end_use", "military_user", "exporter_bar"]
    ),
    pick=st.integers(0, 11),
)
def test_adding_a_restriction_never_makes_the_outcome_less_restrictive(
    knowledge, case, kind, pick
) -> None:
    before = evaluate(case, knowledge)
    after = evaluate(_restrict(case, kind, pick), knowledge)
    assert RANK[after["outcome"]] >= RANK[before["outcome"]], (
        kind,
        before["outcome"],
        after["outcome"],
    )
    if after["outcome"] == before["outcome"] and before["outcome"] in (
        "licence_required",
        "registration",
    ):
        assert set(after["licence_types"]) <= set(before["licence_types"])


def _summary(result: dict[str, Any]) -> tuple[Any, ...]:
    return (
        result["outcome"],
        tuple(result["licence_types"]),
        result["policy"],
        result["special_approval_possible"],
        result["review_time_limit_working_days"],
        tuple(sorted(result["required_documents"])),
        tuple(
            sorted(
                (h["list_code"], h["entity_key"], h["announcement"] or "")
                for h in result["screening_hits"]
            )
        ),
        tuple(sorted(w["code"] for w in result["warnings"])),
    )


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(case=cases, listed=st.booleans(), data=st.data())
def test_the_decision_never_depends_on_the_order_of_items_or_parties(
    knowledge, case, listed, data
) -> None:
    if listed:
        _add_listed_party(case, data.draw(st.integers(0, 3)))
    shuffled = copy.deepcopy(case)
    shuffled["items"] = data.draw(st.permutations(case["items"]))
    shuffled["parties"] = data.draw(st.permutations(case["parties"]))
    assert _summary(evaluate(case, knowledge)) == _summary(evaluate(shuffled, knowledge))
