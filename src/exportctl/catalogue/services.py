"""Use cases on the catalogue: import the control list, HS codes, countries and announcements."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from django.db import models, transaction
from django.db.models import Max
from django.utils import timezone

from exportctl.audit import services as audit
from exportctl.catalogue.glossary import english_words_for
from exportctl.catalogue.models import (
    Announcement,
    CatalogueImport,
    ControlEntry,
    ControlEntryHSCode,
    Country,
    HSCode,
)
from exportctl.core.errors import InvalidInput, MalformedFile
from exportctl.core.textnorm import fold
from exportctl.reference import catalogue_build as snapshot
from exportctl.reference import catalogue_records as rec
from exportctl.reference.formats.rawfile import file_sha256

SNAPSHOT_DIR = Path(snapshot.__file__).resolve().parent / "snapshot" / "catalogue"

# Order matters: entries link to announcements.
CATALOGUE_SOURCES: dict[str, tuple[str, str]] = {
    "countries": ("countries.jsonl.gz", "Countries (ISO 3166, Chinese names, customs codes)"),
    "hs_codes": ("hs_codes.jsonl.gz", "China Customs HS codes"),
    "announcements": ("announcements.jsonl.gz", "MOFCOM announcements and legal texts"),
    "control_list": ("control_entries.jsonl.gz", "Dual-Use Items Export Control List"),
}


def _sync(
    model: type[models.Model], key_field: str, rows: dict[str, dict[str, Any]], soft: bool
) -> dict[str, list[str]]:
    """Make the table hold exactly `rows` (by key); report keys added, changed and removed."""
    fields = list(next(iter(rows.values())).keys()) if rows else []
    existing = {getattr(o, key_field): o for o in model.objects.all()}
    added, changed, create, update = [], [], [], []
    for key, values in rows.items():
        obj = existing.get(key)
        if obj is None:
            added.append(key)
            create.append(model(**{key_field: key}, **values))
            continue
        was_removed = soft and obj.removed_at is not None
        if was_removed or any(getattr(obj, f) != v for f, v in values.items()):
            changed.append(key)
            for f, v in values.items():
                setattr(obj, f, v)
            if soft:
                obj.removed_at = None
            update.append(obj)
    model.objects.bulk_create(create, batch_size=2000)
    if update:
        model.objects.bulk_update(
            update, fields + (["removed_at"] if soft else []), batch_size=1000
        )
    gone = [k for k, o in existing.items() if k not in rows and not (soft and o.removed_at)]
    if gone:
        qs = model.objects.filter(**{f"{key_field}__in": gone})
        if soft:
            qs.update(removed_at=timezone.now())
        else:
            qs.delete()
    return {"added": added, "changed": changed, "removed": gone}


def _countries(records: Iterable[rec.Country]) -> Callable[[], dict[str, list[str]]]:
    rows = {
        c.iso2: {
            "iso3": c.iso3,
            "name_en": c.name_en,
            "name_zh": c.name_zh,
            "variants_zh": list(c.names_zh_other),
            "customs_code": c.customs_partner_code or "",
        }
        for c in records
    }
    return lambda: _sync(Country, "iso2", rows, soft=False)


def _hs_codes(records: Iterable[rec.HSCode]) -> Callable[[], dict[str, list[str]]]:
    rows = {
        h.code: {
            "name_zh": (h.name_zh or h.catalogue_name_zh or "")[:500],
            "name_en": (h.name_en or "")[:500],
            "in_dual_use_catalogue": h.in_dual_use_catalogue_2026,
            "in_export_licence_goods": h.in_export_licence_goods_2026,
        }
        for h in records
    }
    return lambda: _sync(HSCode, "code", rows, soft=False)


def _announcements(records: Iterable[rec.Announcement]) -> Callable[[], dict[str, list[str]]]:
    rows = {
        a.key: {
            "number": (a.number or "")[:120],
            "title": (a.title or "")[:400],
            "authorities": list(a.authorities),
            "kind": a.kind[:60],
            "published": a.published,
            "effective": a.effective,
            "url": (a.url or "")[:500],
            "summary_zh": a.summary_zh or "",
            "excerpt": a.excerpt_zh or "",
        }
        for a in records
    }
    return lambda: _sync(Announcement, "key", rows, soft=True)


def _search_text(e: rec.ControlEntry) -> str:
    text = " ".join(filter(None, [e.code, e.text_zh, e.list_text_zh, e.title_en, *e.hs_codes]))
    return fold(" ".join([text, *english_words_for(text)]))


def _control_entries(records: list[rec.ControlEntry]) -> Callable[[], dict[str, list[str]]]:
    def apply() -> dict[str, list[str]]:
        announcements = {a.number: a.pk for a in Announcement.objects.exclude(number="")}
        announcements.update({a.key: a.pk for a in Announcement.objects.all()})
        rows = {
            e.code: {
                "category": e.category,
                "group": e.group,
                "text_zh": e.text_zh or "",
                "title_en": (e.title_en or "")[:400],
                "reason": (e.reason or "")[:100],
                "reason_derived": e.reason_derived,
                "item_type": (e.item_type or "")[:100],
                "text_degraded": e.text_degraded,
                "text_complete": e.text_complete,
                "list_text_zh": e.list_text_zh or "",
                "citation": (e.citation or "")[:400],
                "announcement_id": announcements.get(e.source_announcement or ""),
                "source_announcement": (e.source_announcement or "")[:120],
                "effective_from": e.effective_from,
                "status_history": [rec.status_change_to_json(s) for s in e.status_history],
                "source_url": (e.source_url or "")[:500],
                "search_text": _search_text(e),
            }
            for e in records
        }
        diff = _sync(ControlEntry, "code", rows, soft=True)
        # Parents and HS links are derived from the records: rebuilt whole, cheaply.
        ids = dict(ControlEntry.objects.values_list("code", "pk"))
        for e in records:
            parent = ids.get(e.parent) if e.parent else None
            ControlEntry.objects.filter(pk=ids[e.code]).exclude(parent_id=parent).update(
                parent_id=parent
            )
        ControlEntryHSCode.objects.all().delete()
        ControlEntryHSCode.objects.bulk_create(
            [
                ControlEntryHSCode(entry_id=ids[e.code], hs_code=h)
                for e in records
                for h in sorted(set(e.hs_codes))
            ]
        )
        return diff

    return apply


READERS = {
    "countries": (snapshot.read_countries, _countries),
    "hs_codes": (snapshot.read_hs_codes, _hs_codes),
    "announcements": (snapshot.read_announcements, _announcements),
    "control_list": (snapshot.read_control_entries, _control_entries),
}


def import_catalogue(source: str, path: Path | None = None, *, actor: Any = None) -> dict[str, Any]:
    """Import one catalogue file (exportctl snapshot format) transactionally, with a diff."""
    if source not in CATALOGUE_SOURCES:
        raise InvalidInput(f"unknown catalogue source {source!r}")
    path = path or SNAPSHOT_DIR / CATALOGUE_SOURCES[source][0]
    if not path.exists():
        raise InvalidInput(f"file not found: {path}")
    digest = file_sha256(path)
    reader, applier = READERS[source]
    try:
        parsed = reader(path)  # validates everything before the database is touched
    except MalformedFile as exc:
        with transaction.atomic():
            run = CatalogueImport.objects.create(
                kind=source,
                file_name=path.name,
                file_sha256=digest,
                actor=_user(actor),
                actor_label=_label(actor),
                status="rejected",
                counts={},
                diff={"error": exc.message},
            )
            audit.record(
                "lists.import_failed",
                run,
                actor=actor,
                data={"source": source, "file": path.name, "error": exc.message},
            )
        raise
    with transaction.atomic():
        diff = applier(list(parsed.records))()  # type: ignore[operator]
        counts = {k: len(v) for k, v in diff.items()}
        counts["total"] = len(parsed.records)
        status = "applied" if any(diff.values()) else "unchanged"
        run = CatalogueImport.objects.create(
            kind=source,
            file_name=path.name,
            file_sha256=digest,
            actor=_user(actor),
            actor_label=_label(actor),
            status=status,
            counts=counts,
            diff=diff,
            provenance=parsed.provenance,
        )
        audit.record(
            "catalogue.import",
            run,
            actor=actor,
            data={"source": source, "file": path.name, "sha256": digest, **counts},
        )
    return {
        "source": source,
        "status": status,
        "file": path.name,
        "sha256": digest,
        "added": counts["added"],
        "changed": counts["changed"],
        "removed": counts["removed"],
        "unchanged": counts["total"] - counts["added"] - counts["changed"],
    }


def _user(actor: Any) -> Any:
    return actor if actor is not None and getattr(actor, "pk", None) else None


def _label(actor: Any) -> str:
    return getattr(actor, "username", None) or "system"


def catalogue_status() -> list[dict[str, Any]]:
    """Per catalogue source: entries, newest effective or published date, last import."""
    counts = {
        "countries": Country.objects.count(),
        "hs_codes": HSCode.objects.count(),
        "announcements": Announcement.objects.filter(removed_at__isnull=True).count(),
        "control_list": ControlEntry.objects.filter(removed_at__isnull=True).count(),
    }
    latest = {
        "announcements": Announcement.objects.aggregate(m=Max("published"))["m"],
        "control_list": ControlEntry.objects.aggregate(m=Max("effective_from"))["m"],
    }
    rows = []
    for source, (_, name_en) in CATALOGUE_SOURCES.items():
        run = CatalogueImport.objects.filter(kind=source).exclude(status="rejected").first()
        rows.append(
            {
                "list": source,
                "name_en": name_en,
                "entries": counts[source],
                "latest_announcement": latest[source].isoformat() if latest.get(source) else None,
                "imported_at": run.at.isoformat() if run else None,
            }
        )
    return rows
