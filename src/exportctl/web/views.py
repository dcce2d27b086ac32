"""Pages that belong to no single area: home, the user's organisation, health."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from exportctl.accounts.models import Organisation
from exportctl.catalogue.models import ControlEntry
from exportctl.parties.services import list_status
from exportctl.web.access import requires


@requires("reference.view")
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "web/home.html",
        {
            "lists": list_status(),
            "entry_count": ControlEntry.objects.filter(parent__isnull=True).count(),
        },
    )


@requires("organisation.view_own")
def organisation(request: HttpRequest) -> HttpResponse:
    org: Organisation = request.organisation  # type: ignore[attr-defined]
    return render(
        request, "web/organisation.html", {"org": org, "members": org.users.order_by("username")}
    )


def health(request: HttpRequest) -> HttpResponse:
    return JsonResponse({"status": "ok"})
