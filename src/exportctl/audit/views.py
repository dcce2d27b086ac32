"""The audit trail page for auditors and list administrators, with chain verification."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from exportctl.audit.actions import label
from exportctl.audit.models import AuditEntry
from exportctl.audit.services import verify_chain
from exportctl.web.access import requires


@requires("audit.view")
def log(request: HttpRequest) -> HttpResponse:
    qs = AuditEntry.objects.order_by("-seq")
    action = request.GET.get("action")
    if action:
        qs = qs.filter(action=action)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    rows = [(e, label(e.action)) for e in page]
    verification = verify_chain() if request.GET.get("verify") else None
    return render(
        request,
        "audit/log.html",
        {"page": page, "rows": rows, "verification": verification, "action": action},
    )
