"""Licensing API: the exporter's and the officer's views are separate schemas."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from ninja import Router, Schema

from exportctl.licensing import queries
from exportctl.licensing.clock import clock, configured_today
from exportctl.web.api_access import require

router = Router(tags=["licensing"])


class ApplicationExporterOut(Schema):
    """What the exporter sees: no internal proposals, no officer notes beyond those sent to it."""

    id: int
    reference: str
    kind: str
    status: str
    destination: str
    submitted_on: date | None
    accepted_on: date | None
    decided_on: date | None
    remaining_working_days: int | None
    due: date | None
    licence_number: str | None


class ApplicationOfficerOut(ApplicationExporterOut):
    organisation: str
    case_officer: str | None
    paused: bool
    overdue: bool
    referred_to_state_council: bool
    determination_outcome: str | None


def _row(app, officer: bool) -> dict[str, object]:  # type: ignore[no-untyped-def]
    c = clock(app, configured_today())
    licence = getattr(app, "licence", None)
    out: dict[str, object] = {
        "id": app.pk,
        "reference": app.reference,
        "kind": app.kind,
        "status": app.status,
        "destination": app.destination,
        "submitted_on": app.submitted_on,
        "accepted_on": app.accepted_on,
        "decided_on": app.decided_on,
        "remaining_working_days": c.remaining,
        "due": c.deadline.due if c.deadline else None,
        "licence_number": licence.number if licence else None,
    }
    if officer:
        out.update(
            organisation=app.organisation.name_zh,
            case_officer=app.case_officer.username if app.case_officer else None,
            paused=c.paused,
            overdue=c.overdue,
            referred_to_state_council=app.referred_to_state_council,
            determination_outcome=(app.determination or {}).get("outcome"),
        )
    return out


@router.get(
    "/applications",
    response=list[ApplicationOfficerOut] | list[ApplicationExporterOut],
    summary="Applications you may see",
)
def applications(request: HttpRequest) -> list[dict[str, object]]:
    require(request, "licensing.use")
    officer = request.user.can("licensing.view_all")  # type: ignore[union-attr]
    return [
        _row(a, officer)
        for a in queries.applications(request.user)
        .select_related("case_officer")
        .prefetch_related("pauses")[:500]
    ]


@router.get("/applications/{pk}", summary="One application (exporters: their own only)")
def application(request: HttpRequest, pk: int) -> dict[str, object]:
    require(request, "licensing.use")
    officer = request.user.can("licensing.view_all")  # type: ignore[union-attr]
    schema = ApplicationOfficerOut if officer else ApplicationExporterOut
    return schema(**_row(queries.application(request.user, pk), officer)).model_dump()
