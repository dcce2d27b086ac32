"""Organisation API: exporters see only their own organisation (others' ids answer 404)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from exportctl.accounts.models import Organisation
from exportctl.core.errors import NotFound
from exportctl.web.api_access import require

router = Router(tags=["organisations"])


class MemberOut(Schema):
    username: str
    role: str


class OrganisationOut(Schema):
    id: int
    kind: str
    name_zh: str
    name_en: str
    uscc: str
    members: list[MemberOut]


def visible_organisations(request: HttpRequest):  # type: ignore[no-untyped-def]
    """Tenancy at the edge: an exporter's queries start from its own organisation."""
    user = request.user
    if user.can("organisation.view_all"):  # type: ignore[union-attr]
        return Organisation.objects.all()
    require(request, "organisation.view_own")
    return Organisation.objects.filter(pk=user.organisation_id)  # type: ignore[union-attr]


def _out(org: Organisation) -> dict[str, object]:
    return {
        "id": org.pk,
        "kind": org.kind,
        "name_zh": org.name_zh,
        "name_en": org.name_en,
        "uscc": org.uscc,
        "members": [
            {"username": u.username, "role": u.role} for u in org.users.order_by("username")
        ],
    }


@router.get("", response=list[OrganisationOut], summary="Organisations you may see")
def organisations(request: HttpRequest) -> list[dict[str, object]]:
    return [_out(o) for o in visible_organisations(request)]


@router.get("/{org_id}", response=OrganisationOut, summary="One organisation")
def organisation(request: HttpRequest, org_id: int) -> dict[str, object]:
    org = visible_organisations(request).filter(pk=org_id).first()
    if org is None:
        raise NotFound(f"no organisation {org_id}")
    return _out(org)
