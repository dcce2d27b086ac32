"""Role checks for API handlers (403 for a missing role; 404 for other organisations' data)."""

from __future__ import annotations

from django.http import HttpRequest

from exportctl.core.errors import PermissionDenied


def require(request: HttpRequest, permission: str) -> None:
    if not request.user.can(permission):  # type: ignore[union-attr]
        raise PermissionDenied(f"your role does not allow {permission}")
