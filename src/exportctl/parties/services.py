"""Use cases on the party lists: import a source from a file, list status, search, detail."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.db.models import Count, Max, Q, QuerySet
from django.utils.translation import gettext_noop

from exportctl.core.errors import InvalidInput, MalformedFile, NotFound
from exportctl.core.textnorm import compact
from exportctl.parties.importing import ImportResult, import_snapshot, record_rejection
from exportctl.parties.models import Designation, Entity, ImportRun
from exportctl.reference.formats.rawfile import file_sha256
from exportctl.reference.lists import LISTS
from exportctl.reference.parties_snapshot import is_snapshot, read_snapshot
from exportctl.reference.sources import SOURCES

SNAPSHOT_DIR = Path(__file__).resolve().parent.parent / "reference" / "snapshot" / "parties"


def bundled_file(source: str) -> Path:
    return SNAPSHOT_DIR / f"{source}.jsonl.gz"


def import_source(source: str, path: Path | None = None, *, actor: Any = None) -> ImportResult:
    """Import `source` from `path` (official format or exportctl snapshot; default: bundled)."""
    if source not in SOURCES:
        raise InvalidInput(f"unknown source {source!r}; known: {', '.join(sorted(SOURCES))}")
    path = path or bundled_file(source)
    if not path.exists():
        raise InvalidInput(f"file not found: {path}")
    digest = file_sha256(path)
    try:
        if is_snapshot(path):
            snapshot, file_format = read_snapshot(path), "exportctl-snapshot"
            if snapshot.source != source:
                raise MalformedFile(
                    f"this snapshot holds source {snapshot.source!r}, not {source!r}",
                    location=path.name,
                )
        else:  # the publisher's format: a file (or, for the Chinese lists, a folder)
            snapshot, file_format = SOURCES[source].parse(path), "official"
    except MalformedFile as exc:
        record_rejection(source, path.name, digest, exc.message, actor=actor)
        raise
    return import_snapshot(
        snapshot, file_name=path.name, file_sha256=digest, file_format=file_format, actor=actor
    )


@dataclass(frozen=True)
class ListStatus:
    list_code: str
    name_zh: str
    name_en: str
    chinese: bool
    entries: int
    latest_announcement: date | None
    imported_at: str | None
    source: str | None
    imported: Any = None  # the import's datetime, for pages (shown in local time)

    def as_dict(self) -> dict[str, Any]:
        return {
            "list": self.list_code,
            "name_zh": self.name_zh,
            "name_en": self.name_en,
            "chinese": self.chinese,
            "entries": self.entries,
            "latest_announcement": self.latest_announcement.isoformat()
            if self.latest_announcement
            else None,
            "imported_at": self.imported_at,
            "source": self.source,
        }


def list_status() -> list[ListStatus]:
    """Per list: active entries, newest announcement or publication date, last import."""
    rows = {
        r["list_code"]: r
        for r in Designation.objects.filter(entity__removed_at__isnull=True)
        .values("list_code")
        .annotate(entries=Count("entity", distinct=True), latest=Max("published"))
    }
    last_runs: dict[str, ImportRun] = {}
    for run in ImportRun.objects.exclude(status=ImportRun.Status.REJECTED).order_by("started_at"):
        last_runs[run.source] = run
    feeders = {code: src for src, info in SOURCES.items() for code in info.list_codes}
    result = []
    for code, info in LISTS.items():
        row = rows.get(code, {})
        source = feeders.get(code)
        run = last_runs.get(source) if source else None
        latest = row.get("latest") or (run.list_date if run else None)
        result.append(
            ListStatus(
                list_code=code,
                name_zh=info.name_zh,
                name_en=info.name_en,
                chinese=info.chinese,
                entries=row.get("entries", 0),
                latest_announcement=latest,
                imported_at=run.finished_at.isoformat() if run and run.finished_at else None,
                source=source,
                imported=run.finished_at if run else None,
            )
        )
    return result


def search_entities(
    query: str, *, list_code: str | None = None, limit: int = 50
) -> QuerySet[Entity]:
    """Exact and simple normalised name search (fuzzy screening is core.screening's job)."""
    key = compact(query)
    if not key:
        raise InvalidInput.of(gettext_noop("enter a name to search for"))
    matches = Q(names__folded=key) | Q(names__folded__contains=key)
    qs = Entity.objects.filter(matches, removed_at__isnull=True)
    if list_code:
        if list_code not in LISTS:
            raise InvalidInput.of(gettext_noop("unknown list '%(list)s'"), list=list_code)
        qs = qs.filter(designations__list_code=list_code)
    return qs.distinct().prefetch_related("designations").order_by("caption")[:limit]


def get_entity(entity_id: int) -> Entity:
    try:
        return Entity.objects.prefetch_related("names", "designations").get(pk=entity_id)
    except Entity.DoesNotExist:
        raise NotFound(f"no listed party with id {entity_id}") from None
