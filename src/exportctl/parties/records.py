"""Read listed parties back from the database as EntityRecords (for screening and determination)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.db.models import Max, QuerySet

from exportctl.parties.models import Designation, Entity, EntityName, ImportRun
from exportctl.reference.records import Designation as DesignationRecord
from exportctl.reference.records import EntityRecord, Identifier, Name, StatusChange


def list_version() -> str:
    """Identifies the lists' content: the latest applied import of every source."""
    latest = (
        ImportRun.objects.filter(status=ImportRun.Status.APPLIED)
        .values("source")
        .annotate(last=Max("id"))
        .order_by("source")
    )
    return ".".join(f"{row['source']}{row['last']}" for row in latest) or "empty"


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def records_for(
    entities: QuerySet[Entity],
) -> tuple[list[EntityRecord], dict[tuple[str, str], int]]:
    """EntityRecords for `entities`, and a map (source, key) -> database id."""
    rows = list(
        entities.values(
            "id",
            "source",
            "key",
            "schema",
            "countries",
            "addresses",
            "identifiers",
            "birth_dates",
            "remarks",
        )
    )
    ids = [r["id"] for r in rows]
    names: dict[int, list[Name]] = defaultdict(list)
    designations: dict[int, list[DesignationRecord]] = defaultdict(list)
    for chunk in _chunks(ids, 5000):
        for n in (
            EntityName.objects.filter(entity_id__in=chunk)
            .order_by("id")
            .values_list("entity_id", "value", "kind", "lang", "script")
        ):
            names[n[0]].append(Name(n[1], n[2], n[3] or None, n[4] or None))  # type: ignore[arg-type]
        for d in Designation.objects.filter(entity_id__in=chunk).order_by("id"):
            designations[d.entity_id].append(
                DesignationRecord(
                    list_code=d.list_code,
                    announcement=d.announcement or None,
                    title=d.title or None,
                    authority=d.authority or None,
                    published=d.published,
                    effective=d.effective,
                    legal_basis=d.legal_basis or None,
                    programmes=tuple(d.programmes),
                    measures=tuple(d.measures),
                    measure_codes=tuple(d.measure_codes),
                    reason=d.reason or None,
                    source_url=d.source_url or None,
                    status=d.status,  # type: ignore[arg-type]
                    status_history=tuple(
                        StatusChange(
                            s["status"],
                            date.fromisoformat(s["start"]),
                            _date(s.get("end")),
                            s.get("announcement"),
                            s.get("note"),
                        )
                        for s in d.status_history
                    ),
                )
            )
    records = [
        EntityRecord(
            source=r["source"],
            key=r["key"],
            schema=r["schema"],
            names=tuple(names[r["id"]]),
            countries=tuple(r["countries"]),
            addresses=tuple(r["addresses"]),
            identifiers=tuple(
                Identifier(i["type"], i["value"], i.get("country")) for i in r["identifiers"]
            ),
            birth_dates=tuple(r["birth_dates"]),
            designations=tuple(designations[r["id"]]),
            remarks=r["remarks"] or None,
        )
        for r in rows
    ]
    return records, {(r["source"], r["key"]): r["id"] for r in rows}


def _chunks(items: list[int], size: int) -> Iterable[list[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
