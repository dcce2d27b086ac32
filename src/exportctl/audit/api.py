"""Audit API: verify the chain, read recent entries (auditors and list administrators)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from exportctl.audit.models import AuditEntry
from exportctl.audit.services import verify_chain
from exportctl.web.api_access import require

router = Router(tags=["audit"])


class VerifyOut(Schema):
    ok: bool
    checked: int
    first_broken_seq: int | None
    reason: str | None


class EntryOut(Schema):
    seq: int
    at: str
    actor_label: str
    action: str
    object_type: str
    object_id: str
    data: dict[str, object]
    hash: str


@router.get("/verify", response=VerifyOut, summary="Verify the hash chain")
def verify(request: HttpRequest) -> dict[str, object]:
    require(request, "audit.view")
    result = verify_chain()
    brk = result.first_break
    return {
        "ok": result.ok,
        "checked": result.checked,
        "first_broken_seq": brk.seq if brk else None,
        "reason": brk.reason if brk else None,
    }


@router.get("/entries", response=list[EntryOut], summary="Most recent audit entries")
def entries(request: HttpRequest, limit: int = 100) -> list[dict[str, object]]:
    require(request, "audit.view")
    rows = AuditEntry.objects.order_by("-seq")[: max(1, min(limit, 1000))]
    return [
        {
            "seq": e.seq,
            "at": e.at.isoformat(),
            "actor_label": e.actor_label,
            "action": e.action,
            "object_type": e.object_type,
            "object_id": e.object_id,
            "data": e.data,
            "hash": e.hash,
        }
        for e in rows
    ]
