"""One audit call: `record(action, obj, actor, data)`, inside the caller's transaction."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from django.db import transaction
from django.utils import timezone

from exportctl.audit.actions import ACTIONS
from exportctl.audit.models import AuditEntry, ChainHead
from exportctl.core.audit import GENESIS, Break, ChainEntry, VerifyResult, entry_hash, verify

SECRET_KEYS = frozenset({"password", "password1", "password2", "token", "secret", "api_key"})


def _mask(data: dict[str, Any]) -> dict[str, Any]:
    """Secrets masked; values reduced to plain JSON so what is hashed is exactly what is stored."""
    masked = {k: ("***" if k.lower() in SECRET_KEYS else v) for k, v in data.items()}
    return json.loads(json.dumps(masked, default=str))


def _actor_label(actor: Any) -> str:
    if actor is None:
        return "system"
    if isinstance(actor, str):
        return actor
    return f"{actor.get_username()}#{actor.pk}"


def record(
    action: str, obj: Any, *, actor: Any = None, data: dict[str, Any] | None = None
) -> AuditEntry:
    """Append one entry to the chain; joins the caller's transaction (atomic either way)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}: add it to exportctl.audit.actions")
    with transaction.atomic():
        head = ChainHead.objects.select_for_update().filter(pk=1).first()
        if head is None:
            head = ChainHead.objects.create(pk=1, seq=0, hash=GENESIS)
            head = ChainHead.objects.select_for_update().get(pk=1)
        now = timezone.now()
        chain = ChainEntry(
            seq=head.seq + 1,
            at=now.isoformat(),
            actor=_actor_label(actor),
            action=action,
            object_type=type(obj).__name__ if obj is not None else "",
            object_id=str(getattr(obj, "pk", "") or "") if obj is not None else "",
            data=_mask(data or {}),
            prev_hash=head.hash,
        )
        digest = entry_hash(chain)
        entry = AuditEntry(
            seq=chain.seq,
            at=now,
            actor=actor if actor is not None and not isinstance(actor, str) and actor.pk else None,
            actor_label=chain.actor,
            action=action,
            object_type=chain.object_type,
            object_id=chain.object_id,
            data=chain.data,
            prev_hash=chain.prev_hash,
            hash=digest,
        )
        entry.save()
        ChainHead.objects.filter(pk=1).update(seq=chain.seq, hash=digest)
        return entry


def _entries() -> Iterator[ChainEntry]:
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=2000):
        yield entry.to_chain()


def verify_chain() -> VerifyResult:
    """Verify the whole chain and, at the end, that the head row points at its last entry."""
    result = verify(_entries())
    if result.ok:
        head = ChainHead.objects.filter(pk=1).first()
        if head is not None and head.seq != result.checked:
            return VerifyResult(
                result.checked,
                Break(
                    result.checked + 1,
                    f"entries after {result.checked} are missing (the head records {head.seq})",
                ),
            )
    return result
