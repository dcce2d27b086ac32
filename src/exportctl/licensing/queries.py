"""Tenancy at the edge for licensing: exporters see their organisation's cases only."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from exportctl.core.errors import NotFound
from exportctl.licensing.models import Application, Document, Licence

# Timeline steps an exporter sees; internal review steps (proposals, returns) stay with officers.
EXPORTER_EVENTS = {
    "submit",
    "resubmit",
    "request_supplement",
    "accept",
    "refuse_acceptance",
    "start_review",
    "pause_clock",
    "resume_clock",
    "refer_state_council",
    "approve",
    "deny",
    "withdraw",
}


def applications(user: Any) -> QuerySet[Application]:
    qs = Application.objects.select_related("organisation")
    if user.can("licensing.view_all"):
        return qs.exclude(status=Application.Status.DRAFT)  # drafts are the exporter's own
    if user.can("licensing.apply"):
        return qs.filter(organisation_id=user.organisation_id)
    return qs.none()


def application(user: Any, pk: int) -> Application:
    found = applications(user).filter(pk=pk).first()
    if found is None:
        raise NotFound(f"no application {pk}")
    return found


def case(user: Any, pk: int) -> Application:
    """The application for its case page: licence joined, pauses fetched once for clock and banner."""
    found = (
        applications(user)
        .select_related("licence")
        .prefetch_related("pauses")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise NotFound(f"no application {pk}")
    return found


def licences(user: Any) -> QuerySet[Licence]:
    qs = Licence.objects.select_related("organisation", "application")
    if user.can("licensing.view_all"):
        return qs
    if user.can("licensing.apply"):
        return qs.filter(organisation_id=user.organisation_id)
    return qs.none()


def document(user: Any, pk: int) -> Document:
    found = Document.objects.filter(pk=pk, application__in=applications(user)).first()
    if found is None:
        raise NotFound(f"no document {pk}")
    return found
