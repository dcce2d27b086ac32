"""The fixed vocabulary of a determination: outcomes, movements, roles, end uses, routes.

Sources: Dual-Use Regulations (REG) Arts. 14-15 (licence and its three routes), 19 (registration
cases (1)-(5)), 48 (movements); Export Control Law (ECL) Arts. 2 ¶3 (deemed export), 12 ¶3
(catch-all risks), 45 (transit, transshipment, re-export). The words are the input/output
interface of the issue and never change meaning; the order of OUTCOMES is the order of
restrictiveness (the most restrictive finding wins).
"""

from __future__ import annotations

from typing import Final, Literal

Outcome = Literal["no_licence_required", "registration", "licence_required", "prohibited"]
Route = Literal["single", "general", "registration"]
Policy = Literal["case_by_case", "presumption_of_denial"]

# Least to most restrictive.
OUTCOMES: Final[tuple[Outcome, ...]] = (
    "no_licence_required",
    "registration",
    "licence_required",
    "prohibited",
)
RANK: Final[dict[str, int]] = {outcome: rank for rank, outcome in enumerate(OUTCOMES)}
ROUTES: Final[tuple[Route, ...]] = ("single", "general", "registration")
POLICIES: Final[tuple[Policy, ...]] = ("case_by_case", "presumption_of_denial")

MOVEMENTS: Final[tuple[str, ...]] = (
    "export",
    "re_export",
    "transit",
    "transshipment",
    "deemed_export",
    "into_special_customs_zone",
    "between_special_customs_zones",
)
REGISTRATION_CASES: Final[tuple[str, ...]] = (
    "inbound_repair_return",  # REG Art. 19 ¶1 (1)
    "outbound_repair",  # (2)
    "domestic_exhibition_return",  # (3)
    "foreign_exhibition",  # (4)
    "civil_aircraft_parts",  # (5)
)
ROLES: Final[tuple[str, ...]] = (
    "end_user",
    "consignee",
    "importer",
    "intermediate",
    "ultimate_end_user",
)
# Roles that use the item (end-use rules look at these; listing rules look at every role).
END_USER_ROLES: Final[frozenset[str]] = frozenset({"end_user", "ultimate_end_user"})
END_USE_CATEGORIES: Final[tuple[str, ...]] = ("civil", "military", "wmd", "terrorism", "unknown")
KNOWLEDGE_FLAGS: Final[tuple[str, ...]] = (
    "national_security_risk",  # ECL Art. 12 ¶3 (1)
    "wmd_risk",  # (2)
    "terrorism_risk",  # (3)
    "notified_by_authority",  # "得到国家出口管制管理部门通知"
)
EXPORTER_FLAGS: Final[tuple[str, ...]] = (
    "criminal_penalty",  # REG Art. 20 ¶1 (1)
    "serious_penalty_within_5_years",  # (2)
    "branch_of_control_listed_party",  # (3)
)


def most_restrictive(outcomes: tuple[Outcome, ...] | list[Outcome]) -> Outcome:
    """The most restrictive of the outcomes; no finding at all means no licence required."""
    best: Outcome = "no_licence_required"
    for outcome in outcomes:
        if RANK[outcome] > RANK[best]:
            best = outcome
    return best
