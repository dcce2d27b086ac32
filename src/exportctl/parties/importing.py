"""Use case: import one source's records into the database, transactionally, with a diff."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from exportctl.audit import services as audit
from exportctl.core.textnorm import compact
from exportctl.parties.models import Designation, Entity, EntityName, ImportRun
from exportctl.parties.signals import list_imported
from exportctl.reference.records import EntityRecord, Provenance, SourceSnapshot

BATCH = 2000


@dataclass
class ImportResult:
    run: ImportRun
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {
            "run_id": self.run.pk,
            "source": self.run.source,
            "status": self.run.status,
            "file": self.run.file_name,
            "sha256": self.run.file_sha256,
            "added": self.run.added,
            "changed": self.run.changed,
            "removed": self.run.removed,
            "unchanged": self.run.unchanged,
            "list_date": self.run.list_date.isoformat() if self.run.list_date else None,
        }


def _provenance_json(p: Provenance) -> dict[str, Any]:
    return {
        "publisher": p.publisher,
        "source_file": p.source_file,
        "source_sha256": p.source_sha256,
        "list_date": p.list_date.isoformat() if p.list_date else None,
        "retrieved": p.retrieved.isoformat() if p.retrieved else None,
        "source_repository": p.source_repository,
        "licence": p.licence,
        "notes": p.notes,
    }


def _entity_fields(record: EntityRecord, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "schema": record.schema,
        "caption": record.caption[:500],
        "countries": list(record.countries),
        "addresses": list(record.addresses),
        "identifiers": data["identifiers"],
        "birth_dates": list(record.birth_dates),
        "remarks": record.remarks or "",
        "content_hash": record.content_hash(data),
    }


def _children(
    entity_id: int, record: EntityRecord, data: dict[str, Any]
) -> tuple[list[EntityName], list[Designation]]:
    names = [
        EntityName(
            entity_id=entity_id,
            value=n.value[:500],
            kind=n.kind,
            lang=n.lang or "",
            script=n.script or "",
            folded=compact(n.value)[:500],
        )
        for n in record.names
    ]
    designations = []
    for d in data["designations"]:
        designations.append(
            Designation(
                entity_id=entity_id,
                list_code=d["list_code"],
                announcement=(d["announcement"] or "")[:200],
                title=(d["title"] or "")[:500],
                authority=(d["authority"] or "")[:200],
                published=d["published"],
                effective=d["effective"],
                legal_basis=(d["legal_basis"] or "")[:300],
                programmes=d["programmes"],
                measures=d["measures"],
                measure_codes=d["measure_codes"],
                reason=d["reason"] or "",
                source_url=(d["source_url"] or "")[:500],
                status=d["status"],
                status_history=d["status_history"],
            )
        )
    return names, designations


def _write_children(pairs: Iterable[tuple[int, EntityRecord]]) -> None:
    names: list[EntityName] = []
    designations: list[Designation] = []
    for entity_id, record in pairs:
        n, d = _children(entity_id, record, record.to_json())
        names.extend(n)
        designations.extend(d)
    EntityName.objects.bulk_create(names, batch_size=BATCH)
    Designation.objects.bulk_create(designations, batch_size=BATCH)


def import_snapshot(
    snapshot: SourceSnapshot,
    *,
    file_name: str,
    file_sha256: str,
    file_format: str,
    actor: Any = None,
) -> ImportResult:
    """Bring the database's copy of `snapshot.source` to exactly the snapshot's records.

    New keys are added, changed records rewritten, missing keys soft-deleted (kept, marked
    removed, with the run that removed them). All in one transaction with its audit entry.
    """
    now = timezone.now()
    records = {r.key: r for r in snapshot.records}
    with transaction.atomic():
        run = ImportRun.objects.create(
            source=snapshot.source,
            started_at=now,
            actor=actor if actor is not None and getattr(actor, "pk", None) else None,
            actor_label=getattr(actor, "username", None) or "system",
            file_name=file_name[:300],
            file_sha256=file_sha256,
            file_format=file_format,
            status=ImportRun.Status.APPLIED,
            provenance=_provenance_json(snapshot.provenance),
            list_date=snapshot.provenance.list_date,
        )
        existing = {
            key: (pk, digest, removed)
            for key, pk, digest, removed in Entity.objects.filter(source=snapshot.source)
            .values_list("key", "pk", "content_hash", "removed_at")
            .iterator(chunk_size=5000)
        }
        result = ImportResult(run=run)
        new_entities: list[tuple[Entity, EntityRecord]] = []
        rewritten: list[tuple[int, EntityRecord]] = []
        for key, record in records.items():
            fields = _entity_fields(record, record.to_json())
            if key not in existing:
                result.added.append(key)
                new_entities.append(
                    (
                        Entity(
                            source=snapshot.source,
                            key=key,
                            first_seen=run,
                            last_changed=run,
                            **fields,
                        ),
                        record,
                    )
                )
                continue
            pk, digest, removed = existing[key]
            if digest == fields["content_hash"] and removed is None:
                continue
            result.changed.append(key)
            Entity.objects.filter(pk=pk).update(
                last_changed=run, removed_at=None, removed_by=None, **fields
            )
            rewritten.append((pk, record))
        if rewritten:
            ids = [pk for pk, _ in rewritten]
            for i in range(0, len(ids), BATCH):
                EntityName.objects.filter(entity_id__in=ids[i : i + BATCH]).delete()
                Designation.objects.filter(entity_id__in=ids[i : i + BATCH]).delete()
        created = Entity.objects.bulk_create([e for e, _ in new_entities], batch_size=BATCH)
        if created and created[0].pk is None:  # backends that do not return ids
            lookup = dict(
                Entity.objects.filter(source=snapshot.source, key__in=result.added).values_list(
                    "key", "pk"
                )
            )
            pairs = [(lookup[r.key], r) for _, r in new_entities]
        else:
            pairs = [(e.pk, r) for e, (_, r) in zip(created, new_entities, strict=True)]
        _write_children([*pairs, *rewritten])
        gone = [
            k for k, (_, _, removed) in existing.items() if k not in records and removed is None
        ]
        result.removed = gone
        for i in range(0, len(gone), BATCH):
            Entity.objects.filter(source=snapshot.source, key__in=gone[i : i + BATCH]).update(
                removed_at=now, removed_by=run
            )
        run.added, run.changed, run.removed = len(result.added), len(result.changed), len(gone)
        run.unchanged = len(records) - run.added - run.changed
        run.status = (
            ImportRun.Status.APPLIED
            if run.added or run.changed or run.removed
            else ImportRun.Status.UNCHANGED
        )
        run.diff = {"added": result.added, "changed": result.changed, "removed": gone}
        run.finished_at = timezone.now()
        run.save()
        audit.record("lists.import", run, actor=actor, data=result.summary())
        if run.status == ImportRun.Status.APPLIED:
            transaction.on_commit(
                lambda: list_imported.send(sender=ImportRun, run=run, actor=actor)
            )
    return result


def record_rejection(
    source: str, file_name: str, file_sha256: str, error: str, actor: Any = None
) -> ImportRun:
    """A rejected file changes no list data; the attempt itself is kept and audited."""
    with transaction.atomic():
        now = timezone.now()
        run = ImportRun.objects.create(
            source=source,
            started_at=now,
            finished_at=now,
            actor=actor if actor is not None and getattr(actor, "pk", None) else None,
            actor_label=getattr(actor, "username", None) or "system",
            file_name=file_name[:300],
            file_sha256=file_sha256,
            file_format="",
            status=ImportRun.Status.REJECTED,
            error=error[:5000],
        )
        audit.record(
            "lists.import_failed",
            run,
            actor=actor,
            data={"source": source, "file": file_name, "error": error[:1000]},
        )
    return run
