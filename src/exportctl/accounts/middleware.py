"""Resolve the signed-in user's organisation once per request (tenancy at the edge)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class OrganisationMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        request.organisation = (  # type: ignore[attr-defined]
            user.organisation if user is not None and user.is_authenticated else None
        )
        return self.get_response(request)
