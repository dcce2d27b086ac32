"""The engine's Knowledge from the database: imported catalogue and lists, rules, fuzzy screening."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from datetime import date

from django.db.models import Max

from exportctl.catalogue.models import CatalogueImport, ControlEntry
from exportctl.core.determination.bundled import RULES_DIR
from exportctl.core.determination.memory import Match, MemoryKnowledge, RecordLookup
from exportctl.core.determination.rulebook import load_rulebook
from exportctl.core.rules import load_rule_file
from exportctl.core.screening.score import DEFAULT_THRESHOLD
from exportctl.core.screening.screen import Query, screen
from exportctl.parties.models import ImportRun
from exportctl.parties.records import list_version
from exportctl.reference import catalogue_records as rec
from exportctl.reference.records import EntityRecord
from exportctl.screening.index_cache import LoadedIndex, current_index

_lock = threading.Lock()
_cache: tuple[str, MemoryKnowledge] | None = None


def _entries() -> list[rec.ControlEntry]:
    out = []
    for e in (
        ControlEntry.objects.filter(removed_at__isnull=True)
        .select_related("parent")
        .prefetch_related("hs_links")
    ):
        out.append(
            rec.ControlEntry(
                code=e.code,
                parent=e.parent.code if e.parent else rec.parent_code(e.code),
                category=e.category,
                group=e.group,
                text_zh=e.text_zh or None,
                title_en=e.title_en or None,
                reason=e.reason or None,
                reason_derived=e.reason_derived,
                item_type=e.item_type or None,
                text_degraded=e.text_degraded,
                text_complete=e.text_complete,
                hs_codes=tuple(sorted({link.hs_code for link in e.hs_links.all()})),
                source_announcement=e.source_announcement or None,
                effective_from=e.effective_from,
                status_history=tuple(rec.status_change_from_json(s) for s in e.status_history),
                source_url=e.source_url or None,
                citation=e.citation or None,
            )
        )
    return out


def _matcher(loaded: LoadedIndex):  # type: ignore[no-untyped-def]
    def match(name: str, country: str | None) -> Iterable[Match]:
        for hit in screen(
            loaded.index, Query(name=name, country=country), threshold=DEFAULT_THRESHOLD, limit=20
        ):
            yield (
                f"{hit.source}:{hit.entity_key}",
                hit.score,
                hit.matched_name,
                hit.text_en.replace("\n", " "),
            )

    return match


def _record_lookup(loaded: LoadedIndex) -> RecordLookup:
    """Record id "source:key" -> the index's record, decoded on first use (not all 30,000 up front)."""
    index = loaded.index

    def lookup(record_id: str) -> EntityRecord | None:
        source, _, key = record_id.partition(":")
        try:
            return index.record(index.record_id(source, key))
        except KeyError:
            return None

    return lookup


def _version() -> str:
    catalogue = CatalogueImport.objects.exclude(status="rejected").aggregate(m=Max("id"))["m"]
    return f"{list_version()}|catalogue{catalogue}"


def knowledge() -> MemoryKnowledge:
    """Built once per version of the imported data; fuzzy party matching through the screening index."""
    global _cache
    version = _version()
    if _cache is not None and _cache[0] == version:
        return _cache[1]
    with _lock:
        if _cache is not None and _cache[0] == version:
            return _cache[1]
        loaded = current_index()
        measures = load_rule_file(RULES_DIR / "measures.yaml")
        deadlines = load_rule_file(RULES_DIR / "deadlines.yaml")
        rulebook = load_rulebook(RULES_DIR / "determination.yaml")
        runs = {
            r.source: r
            for r in ImportRun.objects.filter(status__in=["applied", "unchanged"]).order_by(
                "started_at"
            )
        }
        prc = [
            r.list_date or (r.provenance or {}).get("retrieved")
            for s, r in runs.items()
            if s in ("mofcom", "uel")
        ]
        bounds = [measures.as_of, deadlines.as_of, rulebook.as_of] + [
            d if isinstance(d, date) else date.fromisoformat(d) for d in prc if d
        ]
        built = MemoryKnowledge(
            entries=_entries(),
            measures=[r for r in measures.rules if r.kind != "suspension"],  # type: ignore[misc]
            deadlines=deadlines.rules,  # type: ignore[arg-type]
            rulebook=rulebook,
            data_as_of=min(bounds),
            matcher=_matcher(loaded),
            record_lookup=_record_lookup(loaded),
            data_versions={
                "lists": loaded.version,
                "measures.yaml": measures.as_of.isoformat(),
                "rulebook": str(rulebook.version),
            },
        )
        _cache = (version, built)
        return built
