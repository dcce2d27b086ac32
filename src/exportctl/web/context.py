"""Template context shared by every page: the navigation the signed-in user may use."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.http import HttpRequest
from django.urls import get_script_prefix, reverse
from django.utils.translation import gettext_lazy as _

NAV = (
    ("home", _("Home"), "reference.view"),
    ("licensing:dashboard", _("My applications"), "licensing.apply"),
    ("licensing:queue", _("Case queue"), "licensing.view_all"),
    ("determination:form", _("Do I need a licence?"), "determination.use"),
    ("catalogue:index", _("Control list"), "reference.view"),
    ("parties:search", _("Listed parties"), "reference.view"),
    ("parties:lists", _("List status"), "reference.view"),
    ("screening:index", _("Screening"), "screening.run"),
    ("organisation", _("My organisation"), "organisation.view_own"),
    ("licensing:statistics", _("Statistics"), "licensing.view_all"),
    ("licensing:calendar", _("Working-day calendar"), "calendar.admin"),
    ("audit:log", _("Audit trail"), "audit.view"),
)


@lru_cache(maxsize=8)
def _urls(script_prefix: str) -> dict[str, str]:
    """The navigation's URLs, reversed once per mount point (they were 24 reverses a page)."""
    return {name: reverse(name) for name in [n for n, _label, _perm in NAV] + ["admin:index"]}


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav": []}
    urls = _urls(get_script_prefix())
    items = [
        {"url": urls[name], "label": label, "active": request.path == urls[name]}
        for name, label, perm in NAV
        if user.can(perm)
    ]
    if user.can("reference.admin"):
        items.append({"url": urls["admin:index"], "label": _("Administration"), "active": False})
    return {"nav": items}
