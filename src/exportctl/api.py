"""The JSON API under /api/ (OpenAPI at /api/openapi.json, docs at /api/docs)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.security import SessionAuth

from exportctl.accounts.api import router as accounts_router
from exportctl.audit.api import router as audit_router
from exportctl.catalogue.api import router as catalogue_router
from exportctl.core.errors import ExportControlError, IllegalTransition, NotFound, PermissionDenied
from exportctl.determination.api import router as determination_router
from exportctl.licensing.api import router as licensing_router
from exportctl.parties.api import router as parties_router
from exportctl.screening.api import router as screening_router

api = NinjaAPI(
    title="exportctl API",
    version="1",
    description="Control lists, listed parties, audit. Session authentication (sign in at /accounts/login/).",
    auth=SessionAuth(csrf=True),
    urls_namespace="api",
)

STATUS = {NotFound: 404, PermissionDenied: 403, IllegalTransition: 409}


@api.exception_handler(ExportControlError)
def on_domain_error(request: HttpRequest, exc: ExportControlError) -> HttpResponse:
    status = next((s for cls, s in STATUS.items() if isinstance(exc, cls)), 400)
    return api.create_response(
        request, {"error": {"code": exc.code, "message": exc.message}}, status=status
    )


@api.exception_handler(AuthenticationError)
def on_auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(
        request, {"error": {"code": "not_authenticated", "message": "sign in first"}}, status=401
    )


api.add_router("/catalogue", catalogue_router)
api.add_router("/parties", parties_router)
api.add_router("/lists", parties_router.lists_router)  # type: ignore[attr-defined]
api.add_router("/organisations", accounts_router)
api.add_router("/audit", audit_router)
api.add_router("/screening", screening_router)
api.add_router("/determinations", determination_router)
api.add_router("/licensing", licensing_router)
