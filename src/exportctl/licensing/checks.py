"""On submission: the determination runs and every party is screened; both are kept on the case."""

from __future__ import annotations

from datetime import date
from typing import Any

from exportctl.determination.services import determine
from exportctl.licensing.models import Application
from exportctl.screening.services import screen_party

REGISTRATION_CASES = {
    "inbound_repair_return",
    "outbound_repair",
    "domestic_exhibition_return",
    "foreign_exhibition",
    "civil_aircraft_parts",
}


def case_json(app: Application, today: date) -> dict[str, Any]:
    """The determination input (the fixed interface of `exportctl determine`) for an application."""
    org = app.organisation
    return {
        "date": today.isoformat(),
        "movement": app.movement,
        "registration_case": app.registration_case
        if app.registration_case in REGISTRATION_CASES
        else None,
        "destination": app.destination,
        "exporter": {
            "name": org.name_zh,
            "criminal_penalty": False,
            "serious_penalty_within_5_years": False,
            "branch_of_control_listed_party": False,
        },
        "items": [
            {
                "control_code": i.control_code or None,
                "description": i.description,
                "hs_code": i.hs_code or None,
                "quantity": float(i.quantity),
                "unit": i.unit,
                "value_cny": float(i.value_cny),
            }
            for i in app.items.all()
        ],
        "parties": [
            {"role": p.role, "name": p.name, "country": p.country, "military": p.military}
            for p in app.parties.all()
        ],
        "end_use": {
            "category": app.end_use_category,
            "statement": app.end_use_statement_zh or app.end_use_statement_en,
        },
        "knowledge": {
            "national_security_risk": app.knows_risk,
            "wmd_risk": False,
            "terrorism_risk": False,
            "notified_by_authority": False,
        },
    }


def run(app: Application, actor: Any, today: date) -> dict[str, Any]:
    """Decide and screen; the result (with its trace and hits) is stored on the application."""
    result = determine(case_json(app, today))
    screened = []
    for party in app.parties.all():
        outcome = screen_party(
            app.organisation,
            actor,
            party.name,
            country=party.country,
            context="application",
            reference=app.reference,
        )
        screened.append(
            {
                "party": party.name,
                "role": party.role,
                "subject": outcome.subject.pk,
                "hits": [
                    {
                        "entity": h.entity_id,
                        "name": h.matched_name,
                        "score": h.score,
                        "lists": h.list_codes,
                    }
                    for h in outcome.hits
                ],
            }
        )
    result["party_screening"] = screened
    return result
