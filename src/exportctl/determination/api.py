"""POST /api/determinations: the fixed interface, JSON in and JSON out."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router

from exportctl.determination.services import determine
from exportctl.web.api_access import require

router = Router(tags=["determination"])


@router.post(
    "",
    summary="Decide whether a transaction needs a licence (trace included)",
    openapi_extra={
        "requestBody": {
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "description": "See `exportctl determine --help`: date, movement, registration_case, destination, exporter, items, parties, end_use, knowledge",
                    }
                }
            },
            "required": True,
        }
    },
)
def determinations(request: HttpRequest) -> HttpResponse:
    require(request, "determination.use")
    try:
        data: Any = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        result: dict[str, Any] = {
            "error": {"code": "invalid_json", "message": "the request body is not JSON"}
        }
    else:
        result = determine(data)
    status = 400 if "error" in result else 200
    return HttpResponse(
        json.dumps(result, ensure_ascii=False), status=status, content_type="application/json"
    )
